// Sign-in and sign-out pages.
//   GET  /login    the form (Tên đăng nhập, Mật khẩu); already signed in: straight to `next`.
//                  ?next=<local path> is where to go afterwards (anything else means "/");
//                  ?msg=logged_out|logged_out_all|password_changed shows a notice.
//   POST /login    signs in: a 303 to `next` with the nq_session cookie; on failure the form
//                  again with a Vietnamese error (401 "Tên đăng nhập hoặc mật khẩu không đúng",
//                  429 when throttled).
//   POST /logout   ends the session (form with _csrf), then back to /login.
// The sign-in form has no session yet, so its CSRF protection is a double-submit token: the
// nq_login_csrf cookie (HttpOnly, SameSite=Strict, Path=/login) and the hidden field _csrf must
// match; a mismatch re-renders the form (403) with a fresh token and signs nobody in.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddLoginPages(Router& router, WebContext& ctx);

}  // namespace nq::web
