#include "bench_targets.h"

#include <string>

#include "national_gen.h"

namespace nq::bench {
namespace {

Target Make(int position, Field field, TargetKind kind, Comparator comparator,
            std::string indicator, double value, std::string unit, std::string text) {
  Target t;
  t.id = position;
  t.resolution_id = 1;
  t.code = "MT";  // appended: GCC 12 at -O3 warns falsely (-Wrestrict) on "MT" + std::string
  t.code += std::to_string(position);
  t.position = position;
  t.text = std::move(text);
  t.field = field;
  t.kind = kind;
  t.comparator = comparator;
  t.indicator = std::move(indicator);
  t.value = value;
  t.unit = std::move(unit);
  return t;
}

}  // namespace

std::vector<DataElement> BenchElements() {
  std::vector<DataElement> out;
  for (int e = 1; e <= kElements; ++e) {
    DataElement d;
    d.id = e;
    d.code = "e";
    d.code += std::to_string(e);
    d.name = "Chỉ tiêu tổng hợp số ";
    d.name += std::to_string(e);
    d.type = ValueType::kNumber;
    d.period_type = PeriodType::kMonthly;
    d.org_aggregation = OrgAggregation::kSum;
    d.time_aggregation = TimeAggregation::kSum;
    d.min = 0;
    d.unit = "lượt";
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Target> BenchTargets() {
  // A province: ~825 grassroots organizations reporting 30% of months; an integer element of
  // mean m sums to about 825 × 0,3 × 12 × m ≈ 2.970 m a year, 14.850 m over the term.
  std::vector<Target> t;
  t.push_back(Make(1, Field::kPartyBuilding, TargetKind::kCumulative, Comparator::kAtLeast, "e1",
                   130000, "lượt", "Cả nhiệm kỳ đạt từ 130.000 lượt trở lên (e1)"));
  t.push_back(Make(2, Field::kPartyBuilding, TargetKind::kEveryYear, Comparator::kAtLeast,
                   "100 * sum(e6) / (sum(e6) + sum(e7))", 80, "%",
                   "Hằng năm tỷ lệ e6 trên e6 + e7 đạt từ 80% trở lên"));
  t.push_back(Make(3, Field::kPartyBuilding, TargetKind::kEveryYear, Comparator::kAtLeast,
                   "100 * count_if(e9 >= 60) / count(e9)", 50, "%",
                   "Hằng năm trên 50% tổ chức cơ sở có e9 từ 60 trở lên"));
  t.push_back(Make(4, Field::kCultureSociety, TargetKind::kAverage, Comparator::kAtLeast,
                   "avg(e10)", 10, "lượt",
                   "Bình quân mỗi tổ chức cơ sở đạt từ 10 lượt e10 mỗi năm"));
  t.push_back(Make(5, Field::kDefenceSecurity, TargetKind::kCumulative, Comparator::kAtMost, "e11",
                   160000, "vụ", "Cả nhiệm kỳ không quá 160.000 vụ (e11)"));
  Target range = Make(6, Field::kEconomy, TargetKind::kEndLevel, Comparator::kRange,
                      "100 * sum(e5) / sum(e12)", 50, "%",
                      "Đến cuối nhiệm kỳ tỷ lệ e5 trên e12 đạt từ 50 đến 60%");
  range.value_high = 60;
  t.push_back(range);
  t.push_back(Make(7, Field::kEconomy, TargetKind::kEndLevel, Comparator::kYesNo,
                   "if(sum(e14) >= 20000, 1, 0)", 1, "",
                   "Tổng e14 của năm đạt từ 20.000 trở lên"));
  return t;
}

}  // namespace nq::bench
