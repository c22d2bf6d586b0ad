// User endpoints of the JSON API (docs/openapi.yaml, tag "users"). Who may do what is
// UserService's rule (admins manage users of organizations in their scope).
//   GET   /api/v1/users             {"items":[user...],"total":N}
//   POST  /api/v1/users             username, full_name, role, org_id, password required;
//                                   disabled optional -> 201
//   GET   /api/v1/users/{id}
//   PATCH /api/v1/users/{id}        any of username, full_name, role, org_id, password, disabled
//                                   (a new password or disabling ends the user's sessions)
//   POST  /api/v1/me/password       {"current","new"}: the signed-in user's own password; ends
//                                   every session of the user, this one included (204, the
//                                   cookie is cleared)
// Roles are the codes of user.h ("admin", "committee", "reporter", "viewer"); an unknown code
// is 400 "json.bad_value".
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "service/user_service.h"
#include "web/json_io.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddUserApi(Router& router, WebContext& ctx);

// Reads the fields of a user from a JSON object. With `create`, username, full_name, role,
// org_id and password are required.
Status ReadUserInput(JsonObjectReader& body, bool create, UserInput* in);

}  // namespace nq::web
