// Reported-data endpoints of the JSON API (docs/openapi.yaml, tag "data"): definitions, entry,
// approval and completeness. Roles, scope, locking and rules are DataService's; this file
// parses and serializes (shapes in data_json.h).
//   GET   /api/v1/data-elements                 -> {"items":[element...]} by code
//   POST  /api/v1/data-elements                 create (code, name required) -> 201
//   GET   /api/v1/data-elements/{id}
//   PATCH /api/v1/data-elements/{id}            any field but id
//   GET   /api/v1/data-sets                     -> {"items":[data set...]} by code
//   POST  /api/v1/data-sets                     create (code, name, element_ids,
//                                               reporting_kinds required) -> 201
//   GET   /api/v1/data-sets/{id}
//   PATCH /api/v1/data-sets/{id}
//   GET   /api/v1/data-sets/{id}/form?org=ID&period=2023M05
//         -> the report form: {data_set, org, period, period_label, report, due, timeliness,
//            timeliness_label, editable, can_submit, can_approve, can_reopen,
//            elements:[element + "value": value|null], violations:[{code,message}]}
//            (org defaults to the user's organization, period is required)
//   GET   /api/v1/data-sets/{id}/completeness?period=&root=&as_of=YYYY-MM-DD
//         -> {data_set, period, period_label, due, as_of, expected, on_time, late, missing,
//            not_due, rows:[{org, state, state_label, timeliness, timeliness_label,
//            submitted_at, values}]}
//   GET   /api/v1/data-values?root=ID&element=ID&periods=2023M01..2023M12
//         -> {"items":[value...]} (root defaults to the user's organization)
//   POST  /api/v1/data-values {"values":[{org_id, element_id, period, value, estimate,
//         comment}]} -> {"items":[{value|null, changed, violations}]}: all or nothing; an
//         empty value erases
//   POST  /api/v1/reports/{org}/{set}/{period}/submit | approve | reopen -> report
// Errors: the service's keys ("scope.denied" 403, "value.out_of_range" 400, "value.locked" 409,
// "report.rules" 400, ...), period ids "period.invalid" 400.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddDataApi(Router& router, WebContext& ctx);

}  // namespace nq::web
