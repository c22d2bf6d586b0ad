// Nhiệm kỳ, Nghị quyết, mục tiêu, nhiệm vụ đột phá: the term, the congress resolution, its
// measurable targets and its breakthrough tasks — definitions only (assessment comes later, in
// analytics/). See DESIGN.md "Domain model" and "Assessment semantics".
// Pure value types; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace nq {

// Nhiệm kỳ, e.g. 2020–2025.
struct Term {
  int64_t id = 0;
  std::string name;        // "Nhiệm kỳ 2020 - 2025"
  Date start{2020, 1, 1};
  Date end{2025, 12, 31};
  int64_t org_id = 0;      // the committee whose term it is
  bool operator==(const Term&) const = default;
};
// Mid-point of the term (the date of a mid-term review is usually near it).
Date MidPoint(const Term& t);
// Invalid unless name is present and start < end (keys term.name_*, term.dates_invalid).
Status ValidateTerm(const Term& t);

// Nghị quyết Đại hội, number and symbol such as "01-NQ/ĐUK".
struct Resolution {
  int64_t id = 0;
  int64_t term_id = 0;
  std::string number;      // số và ký hiệu
  std::string title;       // trích yếu
  Date adopted{2020, 8, 1};
  bool operator==(const Resolution&) const = default;
};
// Invalid unless number and title are present and the adoption date is valid (keys
// resolution.number_*, resolution.title_*, resolution.adopted_invalid).
Status ValidateResolution(const Resolution& r);

// Lĩnh vực of a target.
enum class Field { kEconomy, kCultureSociety, kDefenceSecurity, kPartyBuilding };
const char* FieldCode(Field f);   // "economy", "culture_society", "defence_security", "party_building"
const char* FieldLabel(Field f);  // "Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng Đảng"
std::optional<Field> ParseField(std::string_view code);

// How the values of a target's years combine (DESIGN.md "Target kinds").
enum class TargetKind { kEndLevel, kCumulative, kEveryYear, kAverage };
const char* TargetKindCode(TargetKind k);  // "end_level", "cumulative", "every_year", "average"
// "Đến cuối nhiệm kỳ", "Cộng dồn cả nhiệm kỳ", "Hằng năm", "Bình quân hằng năm"
const char* TargetKindLabel(TargetKind k);
std::optional<TargetKind> ParseTargetKind(std::string_view code);

// Shape of the comparison: at least, at most, inside a range, or a yes/no goal.
enum class Comparator { kAtLeast, kAtMost, kRange, kYesNo };
const char* ComparatorCode(Comparator c);  // "at_least", "at_most", "range", "yes_no"
std::optional<Comparator> ParseComparator(std::string_view code);

// Mục tiêu / chỉ tiêu.
struct Target {
  int64_t id = 0;
  int64_t resolution_id = 0;
  std::string code;            // "MT1"
  int position = 0;            // order in the resolution
  std::string text;            // the target as the resolution words it
  Field field = Field::kPartyBuilding;
  Comparator comparator = Comparator::kAtLeast;
  TargetKind kind = TargetKind::kEndLevel;
  std::string indicator;       // formula over data elements (formula language, later issue)
  // Target value: a number (value), a range (value .. value_high), 1 for yes/no, or a formula
  // over a base in value_formula (e.g. "0.03 * members@term_start").
  double value = 0;
  std::optional<double> value_high;
  std::string value_formula;
  std::string unit;            // "%", "đảng viên", "tổ chức"
  std::optional<double> baseline;
  bool operator==(const Target&) const = default;
};
// Invalid for a missing code or text, a range whose high is below its low, a range without a
// high, a percentage outside 0..100 (unit "%", unless the value is a formula), a yes/no target
// whose value is not 0 or 1, a non-finite number. Keys target.code_*, target.text_*,
// target.range_invalid, target.percent_invalid, target.value_invalid, target.unit_invalid.
Status ValidateTarget(const Target& t);

// Nhiệm vụ đột phá (breakthrough) or nhiệm vụ trọng tâm (key task) of a resolution.
enum class ResolutionTaskKind { kBreakthrough, kKey };
const char* ResolutionTaskKindCode(ResolutionTaskKind k);  // "breakthrough", "key"
std::optional<ResolutionTaskKind> ParseResolutionTaskKind(std::string_view code);

struct ResolutionTask {
  int64_t id = 0;
  int64_t resolution_id = 0;
  ResolutionTaskKind kind = ResolutionTaskKind::kBreakthrough;
  int position = 0;
  std::string title;
  std::string description;
  std::vector<std::string> target_codes;  // targets this task serves
  bool operator==(const ResolutionTask&) const = default;
};
// Invalid unless the title is present; a blank target code is refused (task.target_invalid).
Status ValidateResolutionTask(const ResolutionTask& t);

}  // namespace nq
