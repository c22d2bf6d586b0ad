// Sơ kết / tổng kết: the review of a stored resolution (review/review.h) as a principal may see
// it — the use case that gathers what BuildReview needs:
//   - the assessment of the resolution for the subtree (AnalyticsService::Assess: the same
//     scope rules, default root and errors);
//   - the assigned tasks of the resolution, then of the other resolutions of its term that the
//     principal reads (the resolutions the committee follows, e.g. the provincial congress
//     resolution), each owned in the subtree (TaskService::List);
//   - the reporting of each organization of the subtree: for every data set and every period
//     of it that ended within the term and was due by as_of, on time, late or missing
//     (DataService::Completeness);
//   - the assessment for each direct child of the subtree's root open on as_of
//     (AnalyticsService::Assess with that child as root), for the per-organization rows.
// Errors: those of the services above, and BuildReview's (as_of outside the term, no targets).
// Thread-safe as the services are.
#pragma once

#include <cstdint>
#include <optional>

#include "common/status.h"
#include "common/time.h"
#include "domain/user.h"
#include "review/review.h"

namespace nq {

class App;

struct ReviewRequest {
  int64_t resolution_id = 0;
  Date as_of;
  review::ReviewKind kind = review::ReviewKind::kMidTerm;
  std::optional<int64_t> root;  // nullopt: the resolution's committee (AnalyticsService rule)
};

Result<review::Review> BuildReview(App& app, const Principal& p, const ReviewRequest& r);

}  // namespace nq
