// Sign-in state at the edge: the session cookie, CSRF checks and the actor of a request
// (DESIGN.md "Reliability and security"). The rules themselves (hashing, throttling, session
// lifetime) are AuthService's; this file only moves tokens between HTTP and the service.
//
//   nq_session     the session token: "nq_session=<token>; Path=/; HttpOnly; SameSite=Strict"
//                  (+ "; Secure" behind TLS). Only its SHA-256 is stored server-side.
//   nq_login_csrf  a double-submit token for the sign-in form, which has no session yet: the
//                  cookie and the form's hidden field must carry the same random value.
//   X-CSRF-Token   header the API's state-changing requests must send (the session's token);
//   _csrf          the same token as a form field, for the pages' POST forms.
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "service/app.h"
#include "service/auth_service.h"
#include "store/database.h"
#include "web/http.h"

namespace nq::web {

inline constexpr char kSessionCookie[] = "nq_session";
inline constexpr char kLoginCsrfCookie[] = "nq_login_csrf";
inline constexpr char kCsrfHeader[] = "x-csrf-token";
inline constexpr char kCsrfField[] = "_csrf";

// POST, PUT, PATCH and DELETE change state; GET, HEAD and OPTIONS do not.
bool IsStateChanging(std::string_view method);

// The session named by the request's nq_session cookie. Unauthorized "auth.no_session"
// (Vietnamese: sign in again) when the cookie is absent, unknown, expired or its user disabled.
Result<SignedIn> AuthenticateRequest(App& app, const HttpRequest& request);

// OK when `token` is the session's CSRF token; Forbidden "csrf.invalid" otherwise (also when
// empty). Constant-time.
Status CheckCsrf(const SignedIn& session, std::string_view token);

// Who is acting, for audit rows: the signed-in user and the socket's address.
store::Actor ActorFor(const SignedIn& session, const HttpRequest& request);
// An anonymous actor (sign-in attempts), with the socket's address.
store::Actor AnonymousActor(const HttpRequest& request);

// Set-Cookie values. `secure` adds "; Secure".
std::string SessionCookieHeader(std::string_view token, bool secure);
// A cookie of this name that the browser drops at once (Max-Age=0).
std::string ExpiredCookieHeader(std::string_view name, bool secure);
// "nq_login_csrf=<token>; Path=/login; HttpOnly; SameSite=Strict[; Secure]".
std::string LoginCsrfCookieHeader(std::string_view token, bool secure);

// A fresh random token for the sign-in form (128 bits, hex).
std::string NewLoginCsrfToken();
// OK when the form's token is non-empty and equals the nq_login_csrf cookie; Forbidden
// "csrf.invalid" otherwise.
Status CheckLoginCsrf(const HttpRequest& request, std::string_view form_token);

}  // namespace nq::web
