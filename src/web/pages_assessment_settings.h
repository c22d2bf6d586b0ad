// Cài đặt đánh giá: the page where a committee sets how its resolution is assessed, through
// PlanService (the same settings as the API of web/api_assessment_settings.h).
//
//   GET  /resolutions/{id}/assessment-settings   the settings (the defaults when none are
//                                                stored) in a form: ngưỡng chậm tiến độ (% of
//                                                the target), mức vượt chỉ tiêu (%), up to five
//                                                mức tỷ lệ đạt (bucket_1..bucket_5; empty ones
//                                                are left out) and whether on-track targets
//                                                count as done before the end of term. Everyone
//                                                who can read the resolution sees them; only
//                                                admin and committee get the form's button.
//   POST /resolutions/{id}/assessment-settings   saves (fields above; percentages typed the
//                                                Vietnamese way "62,5" or plain "62.5") and
//                                                redirects (303) to the resolution's dashboard.
//
// A rejected form (a number that does not parse: form.bad_number; out of range: settings.*)
// re-renders the page with the Vietnamese message and the values as typed, status 400, and
// changes nothing; role and scope errors give the 403 page, an unknown resolution 404.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddAssessmentSettingsPages(Router& router, WebContext& ctx);

}  // namespace nq::web
