#include "web/pages_common.h"

#include <charconv>

#include "common/format.h"
#include "common/utf8.h"
#include "domain/data.h"
#include "domain/organization.h"
#include "domain/user.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

// Percent-encodes a path and query for use as a query value.
std::string EncodeQueryValue(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (plain) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

Status CheckFormText(const FormData& form) {
  for (const auto& [n, v] : form.fields()) {
    if (!IsValidUtf8(n) || !IsValidUtf8(v) || n.find('\0') != std::string::npos ||
        v.find('\0') != std::string::npos) {
      return Status::Invalid("form.invalid", "Dữ liệu biểu mẫu không phải văn bản UTF-8 hợp lệ");
    }
  }
  return Status::Ok();
}

// The fields of a page's POST body, multipart (its file parts to *files) or urlencoded.
Result<FormData> ReadPostedForm(const HttpRequest& request, std::vector<FormPart>* files) {
  NQ_ASSIGN_OR_RETURN(std::optional<std::vector<FormPart>> parts, ReadMultipartForm(request));
  if (!parts) return ParseForm(request.body);
  FormData form = SplitFormParts(std::move(*parts), files);
  NQ_RETURN_IF_ERROR(CheckFormText(form));
  return form;
}

HttpResponse RedirectToLogin(const HttpRequest& request) {
  // After signing in the browser GETs `next`: only a GET is worth coming back to.
  const std::string next = request.method == "GET" ? SafeNextPath(request.target) : "/";
  const std::string location = "/login?next=" + EncodeQueryValue(next);
  if (!request.Header("hx-request").empty()) {
    HttpResponse r = HttpResponse::Text(200, "");
    r.SetHeader("HX-Redirect", location);
    return r;
  }
  return HttpResponse::Redirect(location);
}

struct ErrorText {
  const char* heading;
  const char* fallback;
};

ErrorText TextFor(Code code) {
  switch (code) {
    case Code::kInvalid:
      return {"Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ."};
    case Code::kUnauthorized:
      return {"Cần đăng nhập", "Vui lòng đăng nhập để tiếp tục."};
    case Code::kForbidden:
      return {"Không có quyền truy cập", "Bạn không có quyền xem hoặc thay đổi nội dung này."};
    case Code::kNotFound:
      return {"Không tìm thấy trang", "Trang hoặc dữ liệu bạn yêu cầu không tồn tại."};
    case Code::kConflict:
      return {"Xung đột dữ liệu", "Thay đổi không thực hiện được vì xung đột với dữ liệu hiện có."};
    case Code::kTooLarge:
      return {"Dữ liệu quá lớn", "Nội dung gửi lên vượt quá giới hạn cho phép."};
    case Code::kThrottled:
      return {"Thao tác quá nhiều lần", "Vui lòng thử lại sau ít phút."};
    case Code::kUnavailable:
      return {"Hệ thống tạm thời không phục vụ được", "Vui lòng thử lại sau ít phút."};
    case Code::kOk:
    case Code::kInternal:
      break;
  }
  return {"Lỗi hệ thống", "Đã có lỗi xảy ra. Vui lòng thử lại hoặc liên hệ quản trị hệ thống."};
}

PageFrame FrameForSession(WebContext& ctx, const SignedIn& s, std::string title, std::string nav) {
  PageFrame f;
  f.title = std::move(title);
  f.active_nav = std::move(nav);
  f.signed_in = true;
  f.user_full_name = s.principal.full_name;
  f.user_org_name = OrgNameOf(ctx.app, s.principal.org_id);
  f.user_role_label = RoleLabel(s.principal.role);
  f.csrf_token = s.csrf_token;
  f.can_manage_users = CanManageUsers(s.principal.role);
  return f;
}

}  // namespace

std::string FormData::Get(std::string_view name) const {
  for (const auto& [n, v] : fields_) {
    if (n == name) return v;
  }
  return {};
}

bool FormData::Has(std::string_view name) const {
  for (const auto& f : fields_) {
    if (f.first == name) return true;
  }
  return false;
}

Status FormNumber(const FormData& form, std::string_view name, std::string_view label,
                  std::string_view what, std::optional<double>* out) {
  const std::string raw(Trim(form.Get(name)));
  out->reset();
  if (raw.empty()) return Status::Ok();
  DataElement plain;
  plain.type = ValueType::kNumber;
  const Result<double> v = ParseValue(plain, raw);
  if (!v.ok()) {
    return Status::Invalid("form.bad_number", std::string(label) + " phải là " +
                                                  std::string(what) + ", không phải '" +
                                                  raw.substr(0, 40) + "'");
  }
  *out = *v;
  return Status::Ok();
}

Result<FormData> ParseForm(std::string_view body) {
  FormData form(ParseFormEncoded(body));
  NQ_RETURN_IF_ERROR(CheckFormText(form));
  return form;
}

FormData SplitFormParts(std::vector<FormPart> parts, std::vector<FormPart>* files) {
  std::vector<std::pair<std::string, std::string>> fields;
  for (FormPart& part : parts) {
    if (part.is_file) {
      files->push_back(std::move(part));
    } else {
      fields.emplace_back(std::move(part.name), std::move(part.data));
    }
  }
  return FormData(std::move(fields));
}

RouteHandler PageRoute(WebContext& ctx, PageFn fn) {
  return [&ctx, fn = std::move(fn)](const HttpRequest& request, const RouteParams& params) {
    Result<SignedIn> session = AuthenticateRequest(ctx.app, request);
    if (!session.ok()) {
      if (session.status().code() == Code::kUnauthorized) return RedirectToLogin(request);
      return ErrorPage(ctx, nullptr, session.status());
    }
    FormData form;
    std::vector<FormPart> files;
    if (request.method == "POST") {
      Result<FormData> parsed = ReadPostedForm(request, &files);
      if (!parsed.ok()) return ErrorPage(ctx, &*session, parsed.status());
      form = std::move(parsed).value();
      const Status csrf = CheckCsrf(*session, form.Get(kCsrfField));
      if (!csrf.ok()) return ErrorPage(ctx, &*session, csrf);
    }
    Result<HttpResponse> r = fn(PageCall{ctx, request, params, *session, form, files});
    if (!r.ok()) return ErrorPage(ctx, &*session, r.status());
    return std::move(r).value();
  };
}

PageFrame FrameFor(const PageCall& call, std::string title, std::string active_nav) {
  return FrameForSession(call.ctx, call.session, std::move(title), std::move(active_nav));
}

HttpResponse ErrorPage(WebContext& ctx, const SignedIn* session, const Status& status) {
  const ErrorText text = TextFor(status.code());
  const int http = HttpStatusFor(status.code());
  // Messages of expected failures are written for users; an internal error's is not.
  const bool show_message = !status.message().empty() && status.code() != Code::kInternal;
  mstch::map context{
      {"status", std::to_string(http)},
      {"heading", std::string(text.heading)},
      {"message", show_message ? status.message() : std::string(text.fallback)},
      {"signed_in", session != nullptr},
  };
  PageFrame frame;
  if (session) frame = FrameForSession(ctx, *session, text.heading, "");
  frame.title = text.heading;
  return PageResponse(http, frame, "error", context);
}

std::string SafeNextPath(std::string_view next) {
  if (next.empty() || next.front() != '/') return "/";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "/";
  if (next.size() > 2048) return "/";
  for (const char ch : next) {
    const auto c = static_cast<unsigned char>(ch);
    // Only printable ASCII: a browser sends paths percent-encoded, and a Location header must
    // carry nothing else.
    if (c < 0x20 || c >= 0x7F || c == '\\') return "/";
  }
  // Never come back to the sign-in page itself.
  if (next.substr(0, 6) == "/login") return "/";
  return std::string(next);
}

Status FormInt(const FormData& form, std::string_view name, std::string_view label_vi, int64_t min,
               int64_t max, std::optional<int64_t>* out) {
  const std::string raw(Trim(form.Get(name)));
  if (raw.empty()) return Status::Ok();
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), v);
  if (ec != std::errc() || end != raw.data() + raw.size() || v < min || v > max) {
    return Status::Invalid("form.bad_number", std::string(label_vi) + " phải là số nguyên từ " +
                                                  FormatIntVi(min) + " đến " + FormatIntVi(max));
  }
  *out = v;
  return Status::Ok();
}

Status FormDate(const FormData& form, std::string_view name, std::string_view label_vi,
                std::optional<Date>* out) {
  const std::string raw(Trim(form.Get(name)));
  if (raw.empty()) return Status::Ok();
  std::optional<Date> d = ParseIsoDate(raw);
  if (!d) {
    return Status::Invalid("form.bad_date",
                           std::string(label_vi) + " không phải ngày hợp lệ (ngày/tháng/năm)");
  }
  *out = d;
  return Status::Ok();
}

std::vector<int64_t> SubtreeMembers(const std::vector<Organization>& preorder, const Date& on) {
  std::vector<int64_t> totals(preorder.size(), 0);
  // Pre-order: the open ancestors are on the stack; a finished node adds its total to its
  // parent's as it leaves.
  std::vector<size_t> open;
  auto leave = [&] {
    const size_t i = open.back();
    open.pop_back();
    if (!open.empty()) totals[open.back()] += totals[i];
  };
  for (size_t i = 0; i < preorder.size(); ++i) {
    const Organization& o = preorder[i];
    while (!open.empty() && (!o.parent_id || preorder[open.back()].id != *o.parent_id)) leave();
    totals[i] = IsActiveOn(o, on) ? o.members : 0;
    open.push_back(i);
  }
  while (!open.empty()) leave();
  return totals;
}

Result<mstch::array> ScopeOrgOptions(const PageCall& c,
                                     const std::function<bool(const Organization&)>& keep,
                                     std::string_view selected) {
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> scope, c.app().orgs().Subtree(c.principal()));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  const int base = tree->Depth(c.principal().org_id);
  mstch::array out;
  for (const Organization& o : scope) {
    if (!keep(o)) continue;
    std::string label;
    for (int d = base; d < tree->Depth(o.id); ++d) label += "— ";
    std::string value = std::to_string(o.id);
    const bool chosen = value == selected;
    out.push_back(mstch::map{
        {"value", std::move(value)}, {"label", label + o.name}, {"selected", chosen}});
  }
  return out;
}

mstch::array SelectOptions(const std::vector<std::pair<std::string, std::string>>& items,
                           std::string_view selected) {
  mstch::array out;
  for (const auto& [value, label] : items) {
    out.push_back(mstch::map{{"value", value}, {"label", label}, {"selected", value == selected}});
  }
  return out;
}

mstch::array KindOptions(std::string_view selected) {
  std::vector<std::pair<std::string, std::string>> items;
  for (OrgKind k :
       {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell, OrgKind::kSubCell}) {
    items.emplace_back(OrgKindCode(k), OrgKindLabel(k));
  }
  return SelectOptions(items, selected);
}

mstch::array SectorOptions(std::string_view selected) {
  std::vector<std::pair<std::string, std::string>> items;
  for (Sector s : {Sector::kNone, Sector::kStateAgency, Sector::kPublicServiceUnit,
                   Sector::kStateEnterprise, Sector::kNonStateEnterprise}) {
    const std::string label = SectorLabel(s);
    items.emplace_back(SectorCode(s), label.empty() ? "(Không thuộc khu vực nào)" : label);
  }
  return SelectOptions(items, selected);
}

mstch::array RoleOptions(std::string_view selected) {
  std::vector<std::pair<std::string, std::string>> items;
  for (Role r : {Role::kReporter, Role::kViewer, Role::kCommittee, Role::kAdmin}) {
    items.emplace_back(RoleCode(r), RoleLabel(r));
  }
  return SelectOptions(items, selected);
}

}  // namespace nq::web
