// Cài đặt đánh giá: the thresholds a committee chooses for assessing its resolution — when a
// target short of its path counts as CHẬM (behind) rather than KHÓ ĐẠT (at risk), how far past
// the target counts as VƯỢT (exceeded), the threshold buckets its review reports ("đạt từ 80%
// trở lên", "đạt từ 50% trở lên") and whether the headline "hoàn thành X/Y mục tiêu" counts
// on-track targets before the end of term. DESIGN.md "Assessment semantics": thresholds and
// buckets are configuration, with defaults (behind = projection 85–100% of the target; at risk
// below 85%). One set per resolution; a resolution without its own uses the defaults.
// analytics::AssessmentConfig is this type.
// Pure value type; thread-safe.
#pragma once

#include <vector>

#include "common/status.h"

namespace nq {

struct AssessmentSettings {
  // Fractions of the target (0.85 = 85%).
  double behind_floor = 0.85;   // projection ≥ 85% of the target: CHẬM; below: KHÓ ĐẠT
  double exceed_margin = 0.05;  // VƯỢT beyond 5% past the target
  // Percentages of the target (80 = "đạt từ 80% trở lên"), in descending order once stored.
  std::vector<double> buckets{80, 50};
  // Statuses the headline counts as done ("hoàn thành X/Y mục tiêu"): at mid-term VƯỢT, ĐẠT
  // and ĐÚNG TIẾN ĐỘ (when true); at the end VƯỢT and ĐẠT.
  bool mid_term_counts_on_track = true;
  bool operator==(const AssessmentSettings&) const = default;
};

// Limits of the settings a committee may choose.
inline constexpr double kMinBehindFloor = 0.5;   // 50%
inline constexpr double kMaxBehindFloor = 1.0;   // 100%
inline constexpr double kMaxExceedMargin = 0.5;  // 50%
inline constexpr size_t kMaxBuckets = 5;

// OK when behind_floor is within 50%..100%, exceed_margin within 0%..50%, and there are 1 to 5
// buckets, each above 0 and at most 100, none repeated (in any order). Invalid otherwise, with
// a Vietnamese message giving the value typed and the limits: keys
// settings.behind_floor_invalid, settings.exceed_margin_invalid, settings.buckets_invalid.
// Non-finite numbers are invalid.
Status ValidateAssessmentSettings(const AssessmentSettings& s);

// `s` with its buckets in descending order (the order a review lists them).
AssessmentSettings WithSortedBuckets(AssessmentSettings s);

// A fraction as the percentage people type and files hold (0.85 -> 85), rounded to 9 decimals so
// that 0.07 gives 7, not 7.000000000000001.
double FractionToPercent(double fraction);

}  // namespace nq
