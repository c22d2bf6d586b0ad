#include "web/pages_login.h"

#include <string>

#include "web/pages_common.h"
#include "web/view.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

bool IsLoginToken(std::string_view s) {
  if (s.size() != 32) return false;
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string NoticeFor(std::string_view msg) {
  if (msg == "logged_out") return "Bạn đã đăng xuất.";
  if (msg == "logged_out_all") return "Đã đăng xuất khỏi mọi thiết bị.";
  if (msg == "password_changed")
    return "Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.";
  return "";
}

// The sign-in form with a login CSRF token: the browser's own if it has a well-formed one,
// else a new one (set again either way, so it lives as long as the form).
HttpResponse LoginForm(WebContext& ctx, const HttpRequest& request, int status,
                       const std::string& next, const std::string& username,
                       const std::string& error, const std::string& notice, bool fresh_token) {
  std::string token = request.Cookie(kLoginCsrfCookie);
  if (fresh_token || !IsLoginToken(token)) token = NewLoginCsrfToken();
  mstch::map context{
      {"login_csrf", token}, {"next", next},     {"username", username},
      {"error", error},      {"notice", notice},
  };
  PageFrame frame;
  frame.title = "Đăng nhập";
  HttpResponse r = PageResponse(status, frame, "login", context);
  r.headers.emplace_back("Set-Cookie", LoginCsrfCookieHeader(token, ctx.SecureCookies(request)));
  return r;
}

HttpResponse GetLogin(WebContext& ctx, const HttpRequest& request) {
  const std::string next = SafeNextPath(request.QueryParam("next"));
  if (AuthenticateRequest(ctx.app, request).ok()) return HttpResponse::Redirect(next);
  return LoginForm(ctx, request, 200, next, "", "", NoticeFor(request.QueryParam("msg")),
                   /*fresh_token=*/false);
}

HttpResponse PostLogin(WebContext& ctx, const HttpRequest& request) {
  Result<FormData> form = ParseForm(request.body);
  if (!form.ok()) {
    return LoginForm(ctx, request, 400, "/", "", form.status().message(), "", true);
  }
  const std::string next = SafeNextPath(form->Get("next"));
  const std::string username = form->Get("username");
  if (!CheckLoginCsrf(request, form->Get(kCsrfField)).ok()) {
    return LoginForm(ctx, request, 403, next, username,
                     "Biểu mẫu đăng nhập đã hết hạn. Vui lòng nhập lại và bấm Đăng nhập.", "",
                     /*fresh_token=*/true);
  }
  Result<SignedIn> s = ctx.app.auth().Login(username, form->Get("password"), request.remote_address,
                                            std::string(request.Header("user-agent")));
  if (!s.ok()) {
    const Code code = s.status().code();
    std::string error = "Tên đăng nhập hoặc mật khẩu không đúng";
    int status = 401;
    if (code == Code::kThrottled) {
      error = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.";
      status = 429;
    } else if (code != Code::kUnauthorized && code != Code::kInvalid) {
      error = "Hệ thống tạm thời không đăng nhập được. Vui lòng thử lại sau.";
      status = code == Code::kUnavailable ? 503 : 500;
    }
    return LoginForm(ctx, request, status, next, username, error, "", /*fresh_token=*/false);
  }
  const bool secure = ctx.SecureCookies(request);
  HttpResponse r = HttpResponse::Redirect(next);
  r.headers.emplace_back("Set-Cookie", SessionCookieHeader(s->token, secure));
  r.headers.emplace_back("Set-Cookie", ExpiredCookieHeader(kLoginCsrfCookie, secure));
  return r;
}

Result<HttpResponse> PostLogout(const PageCall& c) {
  NQ_RETURN_IF_ERROR(c.app().auth().Logout(c.session.token, ActorFor(c.session, c.request)));
  HttpResponse r = HttpResponse::Redirect("/login?msg=logged_out");
  r.headers.emplace_back("Set-Cookie",
                         ExpiredCookieHeader(kSessionCookie, c.ctx.SecureCookies(c.request)));
  return r;
}

}  // namespace

void AddLoginPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/login",
             [&ctx](const HttpRequest& r, const RouteParams&) { return GetLogin(ctx, r); });
  router.Add("POST", "/login",
             [&ctx](const HttpRequest& r, const RouteParams&) { return PostLogin(ctx, r); });
  router.Add("POST", "/logout", PageRoute(ctx, PostLogout));
}

}  // namespace nq::web
