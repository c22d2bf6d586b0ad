// The sign-in endpoints of the JSON API (docs/openapi.yaml, tag "session"):
//   POST   /api/v1/session             {"username","password"} -> 200 {"user","csrf_token"} and
//                                      the nq_session cookie; 401 "auth.bad_credentials",
//                                      429 "auth.throttled" (with Retry-After). No CSRF token
//                                      (there is no session yet); the JSON Content-Type is
//                                      required, which a cross-site form cannot send.
//   DELETE /api/v1/session             ends this session; 204, the cookie is cleared.
//   POST   /api/v1/session/logout-all  ends every session of the user; 204, cookie cleared.
//   GET    /api/v1/me                  {"user","csrf_token"} of the current session.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddSessionApi(Router& router, WebContext& ctx);

}  // namespace nq::web
