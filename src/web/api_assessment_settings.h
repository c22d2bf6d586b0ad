// Cài đặt đánh giá of a resolution in the JSON API (docs/openapi.yaml, tag "assessment"),
// through PlanService:
//   GET /api/v1/resolutions/{id}/assessment-settings   the settings (the defaults when the
//                                                      resolution has none of its own), for
//                                                      anyone who can read the resolution
//   PUT /api/v1/resolutions/{id}/assessment-settings   replaces them (admin, committee; the
//                                                      resolution's term in scope)
// Body and answer: {"behind_floor": 85, "exceed_margin": 5, "buckets": [80, 50],
// "mid_term_counts_on_track": true} — percentages of the target as people type them (85 is
// 0,85); buckets answered in descending order. A PUT needs all four fields (json.missing_field)
// and is read strictly (json_io.h); out-of-range values are 400 settings.behind_floor_invalid,
// settings.exceed_margin_invalid or settings.buckets_invalid with a Vietnamese message, and
// change nothing. The answer to a PUT is the settings as stored, as GET then returns them.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "domain/assessment_settings.h"
#include "web/api_common.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddAssessmentSettingsApi(Router& router, WebContext& ctx);

// The settings as the API and the resolution file write them (percentages; whole numbers as
// JSON integers).
Json AssessmentSettingsJson(const AssessmentSettings& s);

// Reads the four fields of `body` (all required) into *out, strictly, then body.Finish().
Status ReadAssessmentSettings(JsonObjectReader& body, AssessmentSettings* out);

}  // namespace nq::web
