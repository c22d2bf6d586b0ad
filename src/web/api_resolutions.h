// Resolution endpoints of the JSON API (docs/openapi.yaml, tag "plan"), read through
// PlanService (a term and everything under it is visible when its organization is in scope).
//   GET /api/v1/resolutions        ?term_id= -> {"items":[resolution...],"total":N}
//   GET /api/v1/resolutions/{id}   the resolution with "term", "targets" (by position) and
//                                  "tasks" (breakthrough and key tasks)
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "domain/resolution.h"
#include "web/api_common.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddResolutionApi(Router& router, WebContext& ctx);

// {id, term_id, number, title, adopted}
Json ResolutionJson(const Resolution& r);
// {id, name, start, end, mid_point, org_id}
Json TermJson(const Term& t);
// {id, code, position, text, field, field_label, comparator, kind, indicator, value, value_high,
//  value_formula, unit, baseline} (value_high and baseline null when absent)
Json TargetJson(const Target& t);
// {id, kind, position, title, description, target_codes}
Json ResolutionTaskJson(const ResolutionTask& t);

}  // namespace nq::web
