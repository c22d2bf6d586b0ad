#include "web/pages_users.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

std::string UsersNotice(const HttpRequest& r) {
  if (r.HasQueryParam("created")) return "Đã tạo tài khoản.";
  if (r.HasQueryParam("disabled"))
    return "Đã khóa tài khoản và kết thúc các phiên đăng nhập của tài khoản đó.";
  if (r.HasQueryParam("enabled")) return "Đã mở khóa tài khoản.";
  if (r.HasQueryParam("password")) return "Đã đặt lại mật khẩu.";
  return "";
}

// Open organizations of the scope, indented by depth, for the create form.
Result<mstch::array> OrgOptions(const PageCall& c, const std::string& selected) {
  const Date today = Today();
  return ScopeOrgOptions(
      c, [&](const Organization& o) { return IsActiveOn(o, today); }, selected);
}

// The users page; `error` goes above the table, `create_error` beside the create form with
// the values as typed in `typed`.
Result<HttpResponse> RenderUsers(const PageCall& c, int status, const std::string& error,
                                 const std::string& create_error, const FormData* typed) {
  NQ_ASSIGN_OR_RETURN(std::vector<UserView> users, c.app().users().List(c.principal()));
  mstch::array rows;
  for (const UserView& u : users) {
    rows.push_back(mstch::map{
        {"id", std::to_string(u.id)},
        {"username", u.username},
        {"full_name", u.full_name},
        {"role_label", std::string(RoleLabel(u.role))},
        {"org_name", u.org_name},
        {"disabled", u.disabled},
        {"is_self", u.id == c.principal().user_id},
    });
  }
  auto typed_or = [&](const char* name, std::string fallback) {
    return typed ? typed->Get(name) : std::move(fallback);
  };
  NQ_ASSIGN_OR_RETURN(mstch::array orgs,
                      OrgOptions(c, typed_or("org_id", std::to_string(c.principal().org_id))));
  mstch::map context{
      {"user_count", std::to_string(users.size())},
      {"users", std::move(rows)},
      {"notice", error.empty() && create_error.empty() ? UsersNotice(c.request) : std::string()},
      {"error", error},
      {"create_error", create_error},
      {"csrf_token", c.session.csrf_token},
      {"form",
       mstch::map{
           {"username", typed_or("username", "")},
           {"full_name", typed_or("full_name", "")},
           {"roles", RoleOptions(typed_or("role", RoleCode(Role::kReporter)))},
           {"orgs", std::move(orgs)},
       }},
  };
  return PageResponse(status, FrameFor(c, "Người dùng", "users"), "users", context);
}

bool IsInputError(const Status& s) {
  return s.code() == Code::kInvalid || s.code() == Code::kConflict;
}

Result<HttpResponse> UsersPage(const PageCall& c) { return RenderUsers(c, 200, "", "", nullptr); }

Result<HttpResponse> PostCreateUser(const PageCall& c) {
  UserInput in;
  in.username = c.form.Get("username");
  in.full_name = std::string(Trim(c.form.Get("full_name")));
  in.password = c.form.Get("password");
  in.role = ParseRole(c.form.Get("role"));
  Status s = in.role ? Status::Ok() : Status::Invalid("form.bad_role", "Vai trò không hợp lệ");
  std::optional<int64_t> org;
  if (s.ok()) {
    s = FormInt(c.form, "org_id", "Tổ chức", 1, std::numeric_limits<int64_t>::max(), &org);
  }
  if (s.ok() && !org) s = Status::Invalid("form.missing", "Vui lòng chọn tổ chức");
  if (s.ok()) {
    in.org_id = org;
    s = c.app().users().CreateUser(c.principal(), in, ActorFor(c.session, c.request)).status();
  }
  if (s.ok()) return HttpResponse::Redirect("/users?created=1");
  if (!IsInputError(s)) return s;
  return RenderUsers(c, HttpStatusFor(s.code()), "", s.message(), &c.form);
}

// Applies `in` to the user named in the path; back to /users with a notice, or the page with
// the message above the table.
Result<HttpResponse> UpdateUser(const PageCall& c, const UserInput& in, const char* notice) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  const Status s =
      c.app().users().Update(c.principal(), id, in, ActorFor(c.session, c.request)).status();
  if (s.ok()) return HttpResponse::Redirect(std::string("/users?") + notice + "=1");
  if (!IsInputError(s)) return s;
  return RenderUsers(c, HttpStatusFor(s.code()), s.message(), "", nullptr);
}

Result<HttpResponse> PostDisable(const PageCall& c) {
  UserInput in;
  in.disabled = true;
  return UpdateUser(c, in, "disabled");
}

Result<HttpResponse> PostEnable(const PageCall& c) {
  UserInput in;
  in.disabled = false;
  return UpdateUser(c, in, "enabled");
}

Result<HttpResponse> PostResetPassword(const PageCall& c) {
  UserInput in;
  in.password = c.form.Get("password");
  return UpdateUser(c, in, "password");
}

// --- the user's own account ----------------------------------------------------------------

Result<HttpResponse> RenderAccount(const PageCall& c, int status, const std::string& error) {
  const Principal& p = c.principal();
  mstch::map context{
      {"username", p.username},
      {"full_name", p.full_name},
      {"role_label", std::string(RoleLabel(p.role))},
      {"org_id", std::to_string(p.org_id)},
      {"org_name", OrgNameOf(c.app(), p.org_id)},
      {"csrf_token", c.session.csrf_token},
      {"password_error", error},
      {"notice", std::string()},
  };
  return PageResponse(status, FrameFor(c, "Tài khoản", "account"), "account", context);
}

Result<HttpResponse> AccountPage(const PageCall& c) { return RenderAccount(c, 200, ""); }

HttpResponse SignedOutRedirect(const PageCall& c, const char* msg) {
  HttpResponse r = HttpResponse::Redirect(std::string("/login?msg=") + msg);
  r.headers.emplace_back("Set-Cookie",
                         ExpiredCookieHeader(kSessionCookie, c.ctx.SecureCookies(c.request)));
  return r;
}

Result<HttpResponse> PostOwnPassword(const PageCall& c) {
  const std::string next = c.form.Get("new");
  if (next != c.form.Get("confirm")) {
    return RenderAccount(c, 400, "Mật khẩu nhập lại không khớp với mật khẩu mới");
  }
  const Status s = c.app().users().ChangeOwnPassword(c.principal(), c.form.Get("current"), next,
                                                     ActorFor(c.session, c.request));
  if (s.ok()) return SignedOutRedirect(c, "password_changed");
  if (!IsInputError(s)) return s;
  return RenderAccount(c, HttpStatusFor(s.code()), s.message());
}

Result<HttpResponse> PostLogoutAll(const PageCall& c) {
  NQ_RETURN_IF_ERROR(
      c.app().auth().LogoutEverywhere(c.principal().user_id, ActorFor(c.session, c.request)));
  return SignedOutRedirect(c, "logged_out_all");
}

}  // namespace

void AddUserPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/users", PageRoute(ctx, UsersPage));
  router.Add("POST", "/users", PageRoute(ctx, PostCreateUser));
  router.Add("POST", "/users/{id}/disable", PageRoute(ctx, PostDisable));
  router.Add("POST", "/users/{id}/enable", PageRoute(ctx, PostEnable));
  router.Add("POST", "/users/{id}/password", PageRoute(ctx, PostResetPassword));
  router.Add("GET", "/account", PageRoute(ctx, AccountPage));
  router.Add("POST", "/account/password", PageRoute(ctx, PostOwnPassword));
  router.Add("POST", "/account/logout-all", PageRoute(ctx, PostLogoutAll));
}

}  // namespace nq::web
