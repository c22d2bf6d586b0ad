// User administration and the user's own account.
//   GET  /users                 admins: the users of their scope, a create form, and per user
//                               lock/unlock and password reset (others: the 403 page — the
//                               rule is UserService's)
//   POST /users                 create (username, full_name, role, org_id, password)
//   POST /users/{id}/disable    lock the account (ends its sessions)
//   POST /users/{id}/enable     unlock
//   POST /users/{id}/password   set a new password (ends the user's sessions)
//   GET  /account               the signed-in user's details, password change, "Đăng xuất khỏi
//                               mọi thiết bị"
//   POST /account/password      current, new, confirm: changes the password; every session of
//                               the user ends, so the browser goes to /login with a notice
//   POST /account/logout-all    ends every session of the user, then /login
// Rejected input re-renders the page with the Vietnamese message (nothing changed).
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddUserPages(Router& router, WebContext& ctx);

}  // namespace nq::web
