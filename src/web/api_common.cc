#include "web/api_common.h"

#include <charconv>
#include <utility>

#include "common/time.h"
#include "common/utf8.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

Status BadQuery(std::string_view name, std::string_view expected_vi) {
  return Status::Invalid(
      "query.invalid", "Tham số \"" + std::string(name) + "\" phải là " + std::string(expected_vi));
}

std::optional<int64_t> ParseInt64(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int64_t v = 0;
  const char* begin = s.data();
  if (*begin == '+') return std::nullopt;
  const auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

HttpResponse Run(const ApiFn& fn, const ApiCall& call) {
  Result<HttpResponse> r = fn(call);
  if (!r.ok()) return JsonError(r.status());
  return std::move(r).value();
}

}  // namespace

RouteHandler ApiRoute(WebContext& ctx, ApiFn fn) {
  return [&ctx, fn = std::move(fn)](const HttpRequest& request, const RouteParams& params) {
    Result<SignedIn> session = AuthenticateRequest(ctx.app, request);
    if (!session.ok()) return JsonError(session.status());
    if (IsStateChanging(request.method)) {
      const Status csrf = CheckCsrf(*session, request.Header(kCsrfHeader));
      if (!csrf.ok()) return JsonError(csrf);
    }
    return Run(fn, ApiCall{ctx, request, params, &session.value()});
  };
}

RouteHandler PublicApiRoute(WebContext& ctx, ApiFn fn) {
  return [&ctx, fn = std::move(fn)](const HttpRequest& request, const RouteParams& params) {
    return Run(fn, ApiCall{ctx, request, params, nullptr});
  };
}

HttpResponse JsonResponse(int status, const Json& body) {
  return HttpResponse::Json(status, DumpJson(body));
}

HttpResponse NoContent() {
  HttpResponse r;
  r.status = 204;
  return r;
}

Result<int64_t> PathId(const RouteParams& params, std::string_view name) {
  const std::optional<int64_t> id = params.GetInt(name);
  if (!id || *id <= 0) {
    return Status::Invalid("request.bad_id", "Mã số trong đường dẫn phải là số nguyên dương");
  }
  return *id;
}

Result<JsonObjectReader> ReadJsonBody(const HttpRequest& request) {
  if (!HasJsonContentType(request)) {
    return Status::Invalid("json.content_type",
                           "Nội dung yêu cầu phải là JSON (Content-Type: application/json)");
  }
  return JsonObjectReader::Parse(request.body);
}

Status QueryInt(const HttpRequest& request, std::string_view name, int64_t min, int64_t max,
                std::optional<int64_t>* out) {
  if (!request.HasQueryParam(name)) return Status::Ok();
  const std::optional<int64_t> v = ParseInt64(request.QueryParam(name));
  if (!v || *v < min || *v > max) {
    return BadQuery(name, "số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max));
  }
  *out = *v;
  return Status::Ok();
}

Status QueryBool(const HttpRequest& request, std::string_view name, std::optional<bool>* out) {
  if (!request.HasQueryParam(name)) return Status::Ok();
  const std::string v = request.QueryParam(name);
  if (v == "true" || v == "1") {
    *out = true;
  } else if (v == "false" || v == "0") {
    *out = false;
  } else {
    return BadQuery(name, "true hoặc false");
  }
  return Status::Ok();
}

Status QueryDate(const HttpRequest& request, std::string_view name, std::optional<Date>* out) {
  if (!request.HasQueryParam(name)) return Status::Ok();
  const std::optional<Date> d = ParseIsoDate(request.QueryParam(name));
  if (!d) return BadQuery(name, "ngày hợp lệ dạng YYYY-MM-DD");
  *out = d;
  return Status::Ok();
}

Status QueryText(const HttpRequest& request, std::string_view name, size_t max_bytes,
                 std::string* out) {
  std::string v = request.QueryParam(name);
  if (v.size() > max_bytes || !IsValidUtf8(v)) {
    return BadQuery(name, "văn bản UTF-8 tối đa " + std::to_string(max_bytes) + " byte");
  }
  *out = std::move(v);
  return Status::Ok();
}

Json OrgJson(const Organization& org) {
  Json j;
  j["id"] = org.id;
  j["code"] = org.code;
  j["name"] = org.name;
  j["kind"] = OrgKindCode(org.kind);
  j["kind_label"] = OrgKindLabel(org.kind);
  j["sector"] = SectorCode(org.sector);
  j["sector_label"] = SectorLabel(org.sector);
  j["parent_id"] = org.parent_id ? Json(*org.parent_id) : Json(nullptr);
  j["sort_order"] = org.sort_order;
  j["members"] = org.members;
  j["workers"] = org.workers;
  j["valid_from"] = FormatIso(org.valid_from);
  j["valid_to"] = org.valid_to ? Json(FormatIso(*org.valid_to)) : Json(nullptr);
  return j;
}

Json OrgRefJson(const Organization& org) {
  Json j;
  j["id"] = org.id;
  j["code"] = org.code;
  j["name"] = org.name;
  return j;
}

Json UserJson(const UserView& user) {
  Json j;
  j["id"] = user.id;
  j["username"] = user.username;
  j["full_name"] = user.full_name;
  j["role"] = RoleCode(user.role);
  j["role_label"] = RoleLabel(user.role);
  j["org_id"] = user.org_id;
  j["org_name"] = user.org_name;
  j["board"] = BoardCode(user.board);
  j["board_label"] = BoardLabel(user.board);
  j["disabled"] = user.disabled;
  j["created_at"] = FormatIsoInstant(user.created_at);
  return j;
}

Json PrincipalJson(App& app, const Principal& p) {
  Json j;
  j["id"] = p.user_id;
  j["username"] = p.username;
  j["full_name"] = p.full_name;
  j["role"] = RoleCode(p.role);
  j["role_label"] = RoleLabel(p.role);
  j["org_id"] = p.org_id;
  j["org_name"] = OrgNameOf(app, p.org_id);
  j["board"] = BoardCode(p.board);
  return j;
}

std::string OrgNameOf(App& app, int64_t org_id) { return OrgNameOf(*app.orgs().tree(), org_id); }

std::string OrgNameOf(const OrgTree& tree, int64_t org_id) {
  const Organization* org = tree.Find(org_id);
  return org ? org->name : std::string();
}

}  // namespace nq::web
