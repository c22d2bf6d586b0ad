// Section II of a review: the limitations found from data (review.h lists the kinds, their order
// and when each is present). Internal to review/: BuildReview calls it once the results are
// in the Review. Pure; thread-safe.
#pragma once

#include <vector>

#include "review/review.h"

namespace nq::review {

std::vector<Finding> FindLimitations(const Review& r, const ReviewInput& in);

}  // namespace nq::review
