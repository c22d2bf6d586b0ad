#include "domain/assessment_settings.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "common/format.h"

namespace nq {
namespace {

// "85%", "62,5%"; "—" for a non-finite number.
std::string PercentText(double percent) { return FormatNumberVi(percent, 2) + "%"; }

bool Within(double v, double low, double high) { return std::isfinite(v) && v >= low && v <= high; }

}  // namespace

Status ValidateAssessmentSettings(const AssessmentSettings& s) {
  if (!Within(s.behind_floor, kMinBehindFloor, kMaxBehindFloor)) {
    return Status::Invalid("settings.behind_floor_invalid",
                           "Ngưỡng chậm tiến độ phải từ 50% đến 100% của chỉ tiêu (đã nhập " +
                               PercentText(s.behind_floor * 100) + ")");
  }
  if (!Within(s.exceed_margin, 0, kMaxExceedMargin)) {
    return Status::Invalid("settings.exceed_margin_invalid",
                           "Mức vượt chỉ tiêu phải từ 0% đến 50% (đã nhập " +
                               PercentText(s.exceed_margin * 100) + ")");
  }
  if (s.buckets.empty() || s.buckets.size() > kMaxBuckets) {
    return Status::Invalid("settings.buckets_invalid",
                           "Cần từ 1 đến " + std::to_string(kMaxBuckets) +
                               " mức tỷ lệ đạt (đã nhập " + std::to_string(s.buckets.size()) + ")");
  }
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    const double b = s.buckets[i];
    if (!std::isfinite(b) || b <= 0 || b > 100) {
      return Status::Invalid(
          "settings.buckets_invalid",
          "Mức tỷ lệ đạt phải lớn hơn 0% và không quá 100% (đã nhập " + PercentText(b) + ")");
    }
    if (std::find(s.buckets.begin(), s.buckets.begin() + static_cast<std::ptrdiff_t>(i), b) !=
        s.buckets.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Status::Invalid("settings.buckets_invalid",
                             "Mức tỷ lệ đạt " + PercentText(b) + " bị lặp");
    }
  }
  return Status::Ok();
}

AssessmentSettings WithSortedBuckets(AssessmentSettings s) {
  std::sort(s.buckets.begin(), s.buckets.end(), std::greater<double>());
  return s;
}

double FractionToPercent(double fraction) {
  if (!std::isfinite(fraction)) return fraction;
  return std::round(fraction * 100 * 1e9) / 1e9;
}

}  // namespace nq
