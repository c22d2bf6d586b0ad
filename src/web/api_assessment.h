// Đánh giá Nghị quyết over the JSON API (docs/openapi.yaml, tag "assessment"): the dashboard
// of a resolution and the detail of one target, read through AnalyticsService.
//
//   GET /api/v1/resolutions/{id}/assessment?as_of=YYYY-MM-DD&org=ID
//       {resolution, term, org, as_of, final, headline, done, total,
//        buckets:[{threshold, count, label}], fields:[{field, label, done, total}],
//        targets:[target...]}
//   GET /api/v1/resolutions/{id}/targets/{code}?as_of=&org=
//       the target as in "targets" plus {resolution, org, as_of, expected_path:[{date, value}],
//       projection_path:[{date, value}], children:[{org:{id, code, name}, ...target fields}]}
//
// A target: {code, text, field, field_label, unit, kind, comparator, status, status_label,
// colour, actual, expected, projection, target_value, target_high, ratio, estimate, final,
// elapsed, explanation, error, allocated_share, years:[{year, value, estimate, closed, target}]};
// allocated_share: the subtree's share of the committee's members by which the target was
// scaled (null when it was not: analytics/resolution_assessment.h); numbers are
// JSON numbers (null when absent), dates "YYYY-MM-DD".
//
// Query: as_of defaults to today (Vietnam time), org to the service's default root; an empty
// parameter counts as absent. Errors: a bad as_of is 400 "date.invalid" (Vietnamese message);
// a bad org id 400 "query.invalid"; an organization outside scope 403 "scope.denied"; an unknown
// resolution or target 404 (the service's keys).
//
// Thread-safety: the handlers and functions are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "service/analytics_service.h"
#include "web/api_common.h"
#include "web/http.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddAssessmentApi(Router& router, WebContext& ctx);

// The as_of and org parameters shared by the API and the dashboard pages.
struct AssessmentQuery {
  Date as_of;                  // today when absent
  std::optional<int64_t> org;  // nullopt: the service's default root
};
// Invalid "date.invalid" for an as_of that is not an existing date "YYYY-MM-DD"; Invalid
// "query.invalid" for an org that is not a positive integer.
Result<AssessmentQuery> ReadAssessmentQuery(const HttpRequest& request);

// The organization a target detail is assessed for: `org` when given (orgs().Get's errors:
// Forbidden "scope.denied" outside scope, NotFound "org.not_found"), else the default root of
// AnalyticsService: the resolution's committee when it is in scope, else the principal's own
// scope root.
Result<Organization> AssessmentRoot(App& app, const Principal& p, const ResolutionDetail& plan,
                                    std::optional<int64_t> org);

// One target's detail as the API and the target page read it, from the path's {id} and {code}
// and the query. Errors: ReadAssessmentQuery's, AssessmentRoot's, the services'.
struct TargetView {
  ResolutionDetail plan;
  Organization root;
  Date as_of;
  TargetChart chart;
};
Result<TargetView> ReadTargetView(App& app, const Principal& p, const RouteParams& params,
                                  const HttpRequest& request);

// "Đạt từ 80% trở lên" for a threshold of 80 (decimals in the Vietnamese form: 62,5%).
std::string BucketLabel(double threshold);

// Adds headline, done, total, buckets, fields and targets, as in the dashboard body, to *j.
void AddAssessmentSummary(const analytics::ResolutionResult& r, Json* j);
// The target fields listed above.
Json TargetResultJson(const analytics::TargetResult& t);
// The dashboard body of GET .../assessment.
Json DashboardJson(const ResolutionDashboard& d);
// The body of GET .../targets/{code}, for `d`'s resolution and root at `as_of`.
Json TargetChartJson(const ResolutionDetail& plan, const Organization& root, const Date& as_of,
                     const TargetChart& chart);

}  // namespace nq::web
