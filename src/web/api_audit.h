// The audit log endpoint of the JSON API (docs/openapi.yaml, tag "audit"), read through
// AuditService (admins and committee members; see audit_service.h for the scope rule).
//   GET /api/v1/audit   ?entity=&entity_id=&limit= (1..1000, default 100)
//                       -> {"items":[{id, at, user_id, username, address, entity, entity_id,
//                           action, old, new}]}, newest first; "at" as "2023-05-17T08:30:00Z",
//                           "old"/"new" the stored JSON objects (null when empty).
// Thread-safety: the handler is thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddAuditApi(Router& router, WebContext& ctx);

}  // namespace nq::web
