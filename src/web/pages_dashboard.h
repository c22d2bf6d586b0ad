// Bảng theo dõi thực hiện Nghị quyết: the dashboard pages of a resolution, read through
// AnalyticsService (the same figures as the API of web/api_assessment.h).
//
//   GET /dashboard                         the resolutions in scope, each with a link to its
//                                          dashboard (one resolution: a 303 straight to it)
//   GET /resolutions/{id}/dashboard        ?as_of=YYYY-MM-DD&org=ID — the headline ("Hoàn thành
//                                          6/7 mục tiêu"), the buckets and counts by field, and
//                                          one card per target: status badge in its colour,
//                                          progress bar (ratio, capped at full width), actual /
//                                          expected / projection in the Vietnamese number
//                                          format, the explanation, "(ước đạt)", a link to the
//                                          target page
//   GET /resolutions/{id}/targets/{code}   ?as_of=&org= — the ECharts chart (web/dashboard.js:
//                                          yearly values, target line, expected path dashed,
//                                          projection dotted; its data in a data- attribute,
//                                          no inline script), the drill-down by child
//                                          organization (each row re-opens the page for that
//                                          organization) and the table of yearly values
//
// Both pages have a GET form: the as-of date (default today) and an organization picker (the
// path from the scope root to the organization assessed and its children). Errors as the API's
// (bad date 400 "date.invalid", outside scope 403, unknown resolution or target 404) become the
// error page.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddDashboardPages(Router& router, WebContext& ctx);

}  // namespace nq::web
