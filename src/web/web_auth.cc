#include "web/web_auth.h"

#include "service/password.h"

namespace nq::web {
namespace {

Status CsrfInvalid() {
  return Status::Forbidden("csrf.invalid",
                           "Mã xác thực biểu mẫu (CSRF) không hợp lệ hoặc đã hết hạn. "
                           "Vui lòng tải lại trang và thử lại");
}

Status NoSession() {
  return Status::Unauthorized("auth.no_session",
                              "Phiên làm việc không tồn tại hoặc đã hết hạn. "
                              "Vui lòng đăng nhập lại");
}

// Session tokens are hex from RandomHex; anything else cannot name a session, so it is refused
// before it reaches the service (and the database).
bool LooksLikeToken(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  for (const char c : s) {
    const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    if (!hex) return false;
  }
  return true;
}

}  // namespace

bool IsStateChanging(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

Result<SignedIn> AuthenticateRequest(App& app, const HttpRequest& request) {
  const std::string token = request.Cookie(kSessionCookie);
  if (!LooksLikeToken(token)) return NoSession();
  Result<SignedIn> s = app.auth().Authenticate(token);
  // Every failure to resolve the session reads the same to the client; a database outage stays
  // a 503 rather than a misleading "sign in again".
  if (!s.ok() && s.status().code() != Code::kUnavailable && s.status().code() != Code::kInternal) {
    return NoSession();
  }
  return s;
}

Status CheckCsrf(const SignedIn& session, std::string_view token) {
  if (token.empty() || session.csrf_token.empty() ||
      !ConstantTimeEquals(session.csrf_token, token)) {
    return CsrfInvalid();
  }
  return Status::Ok();
}

store::Actor ActorFor(const SignedIn& session, const HttpRequest& request) {
  store::Actor a;
  a.user_id = session.principal.user_id;
  a.username = session.principal.username;
  a.address = request.remote_address;
  return a;
}

store::Actor AnonymousActor(const HttpRequest& request) {
  store::Actor a;
  a.username = "";
  a.address = request.remote_address;
  return a;
}

std::string SessionCookieHeader(std::string_view token, bool secure) {
  std::string v = std::string(kSessionCookie) + "=" + std::string(token) +
                  "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) v += "; Secure";
  return v;
}

std::string ExpiredCookieHeader(std::string_view name, bool secure) {
  // The path must be the one the cookie was set with, or the browser keeps the old cookie.
  const char* path = name == kLoginCsrfCookie ? "/login" : "/";
  std::string v = std::string(name) + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict";
  if (secure) v += "; Secure";
  return v;
}

std::string LoginCsrfCookieHeader(std::string_view token, bool secure) {
  std::string v = std::string(kLoginCsrfCookie) + "=" + std::string(token) +
                  "; Path=/login; HttpOnly; SameSite=Strict";
  if (secure) v += "; Secure";
  return v;
}

std::string NewLoginCsrfToken() { return RandomHex(16); }

Status CheckLoginCsrf(const HttpRequest& request, std::string_view form_token) {
  const std::string cookie = request.Cookie(kLoginCsrfCookie);
  if (cookie.empty() || form_token.empty() || !ConstantTimeEquals(cookie, form_token)) {
    return CsrfInvalid();
  }
  return Status::Ok();
}

}  // namespace nq::web
