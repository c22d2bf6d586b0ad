// Organization endpoints of the JSON API (docs/openapi.yaml, tag "orgs"). Scope and role rules
// are OrgService's; this file parses and serializes.
//   GET   /api/v1/orgs/tree         the scope as one nested tree (api_org_tree.h; ETag, 304)
//   GET   /api/v1/orgs              ?search=&root=&include_closed=&limit=&offset=
//                                   -> {"items":[org...],"total":N}; search ignores tone marks
//   GET   /api/v1/orgs/{id}         org + "path" (ancestors inside the scope, root first) +
//                                   "children" ({id, code, name} in display order)
//   POST  /api/v1/orgs              create: code, name, kind, parent_id required; sector,
//                                   sort_order, members, workers, valid_from optional -> 201
//   PATCH /api/v1/orgs/{id}         update any of code, name, kind, sector, sort_order, members,
//                                   workers, valid_from (parent_id is not accepted: use move)
//   POST  /api/v1/orgs/{id}/move    {"parent_id"}
//   POST  /api/v1/orgs/{id}/close   {"date":"YYYY-MM-DD"} closes it and its open descendants
// Enum fields take the codes of organization.h ("base_cell", "state_agency"); an unknown code is
// 400 "json.bad_value".
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "service/org_service.h"
#include "web/json_io.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddOrgApi(Router& router, WebContext& ctx);

// Reads the fields of an organization from a JSON object (shared with tests). With `create`,
// parent_id is accepted and code, name, kind and parent_id are required.
Status ReadOrgInput(JsonObjectReader& body, bool create, OrgInput* in);

}  // namespace nq::web
