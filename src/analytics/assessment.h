// Đánh giá mục tiêu: the rules by which a target is judged at a date — DESIGN.md "Assessment
// semantics". Pure functions over a target's yearly series; the series itself is computed from
// the index by analytics/resolution_assessment.h.
//
// Years. The years of a term are the calendar years that overlap it (2020–2025 for a term from
// 1/8/2020 to 31/7/2025); a year is closed at a date after 31 December of that year. The value of
// an open year is provisional: it is shown and projected, and it decides a status only where a
// rule below says so.
//
// Elapsed fraction f = (as_of − term start) / (term end − term start), clamped to 0..1.
// The review is final (end of term) when as_of ≥ term end.
//
// Shapes (Comparator): at_least (actual ≥ target), at_most (actual ≤ target), range (low ≤
// actual ≤ high: met; above high: exceeded; below low: judged like at_least low), yes_no
// (actual 1 = met). A target is exceeded (VƯỢT) when at_least and actual ≥ target × (1 +
// exceed_margin), at_most and actual ≤ target × (1 − exceed_margin), range and actual > high;
// never for yes/no, nor for an at_least target of 100 with unit "%".
//
// Kinds:
//  • end_level — actual = the latest value (the last year with a value). Met at any date once
//    reached (met early). Not yet met before the end: expected = baseline + (target − baseline)
//    × f (baseline: the target's, else the first year's value); projection = the trend of the
//    yearly values (least squares over the years with a value; with one value, from the
//    baseline through it), extrapolated to the last year of the term. ĐÚNG TIẾN ĐỘ when actual
//    meets the expected value or the projection meets the target; CHẬM when the projection
//    reaches behind_floor (0,85) of the target; KHÓ ĐẠT below. At the end: met or KHÔNG ĐẠT.
//  • cumulative — actual = sum of the yearly values so far; expected = target × f; projection =
//    actual ÷ covered × 1, where covered is the fraction of the term up to the end of the last
//    period with data (capped at as_of). at_least: met once actual reaches the target; before
//    the end ĐÚNG TIẾN ĐỘ when actual ≥ expected or projection ≥ target, CHẬM when projection ≥
//    behind_floor × target, else KHÓ ĐẠT; at the end KHÔNG ĐẠT when short. at_most: KHÔNG ĐẠT as
//    soon as actual exceeds the target (no longer reachable); before the end ĐÚNG TIẾN ĐỘ when
//    projection ≤ target, CHẬM when projection ≤ target ÷ behind_floor, else KHÓ ĐẠT.
//  • every_year — every closed year must meet the target (its own target when the target
//    value is a formula with a yearly base). A closed year that misses: KHÔNG ĐẠT, naming the
//    year. All closed years met: ĐẠT (VƯỢT when every one exceeded); before the end, when the
//    open year's provisional value misses: KHÓ ĐẠT. No closed year with a value: the open
//    year's value decides provisionally (ĐÚNG TIẾN ĐỘ when it meets, KHÓ ĐẠT when not); with
//    no value at all CHỜ ĐÁNH GIÁ when no year of the term has closed yet, else CHƯA CÓ SỐ LIỆU.
//    actual = the latest closed year's value; expected = the target.
//  • average — actual = mean of the closed years' values (the open year's if none closed);
//    expected = the target; projection = actual. Met when the mean meets the target. Before the
//    end, when not met: the mean the remaining years would need is computed; KHÔNG ĐẠT when it
//    is impossible (beyond 0..100 for a percent, or beyond max_value), CHẬM when the mean is at
//    least behind_floor of the target, else KHÓ ĐẠT. At the end: met or KHÔNG ĐẠT.
//
// No value at all for any kind: CHƯA CÓ SỐ LIỆU, or CHỜ ĐÁNH GIÁ when `pending_until_year_end`
// is set (yearly ratings) and no year of the term has closed. A status that rests on an estimate
// (a value marked ước đạt took part) has estimate = true and its explanation says "(ước đạt)".
//
// Explanation: one Vietnamese sentence with the numbers in the Vietnamese format and the rule,
// ending with the status in lower case, e.g. "Lũy kế đạt 860/1.300 đảng viên (66,2%) sau 55,8%
// thời gian nhiệm kỳ, tiến độ dự kiến 726; dự báo cuối nhiệm kỳ đạt 1.540 (118,5%): đúng tiến
// độ." or "Năm 2022 đạt 88,5%, thấp hơn chỉ tiêu 90% hằng năm: không đạt." Reported values and
// targets show up to two decimals; computed values (expected, projection, the mean still
// needed) show whole numbers for a count (unit other than "%", whole target ≥ 10); percentages
// of the target and of the term one decimal ("56,0%"). The unit follows the number ("90%",
// "1.300 đảng viên"). A verdict on an estimate ends "... (ước đạt): <status>."
//
// Choices where DESIGN.md is silent (what a party committee's review would say):
//  • A yes/no target of value 1 is met by an actual ≥ 0,5 (a subtree's mean of yes/no values
//    counts as yes when most say yes); of value 0 ("không để xảy ra ...") by an actual < 0,5.
//    An end_level yes/no goal not reached before the end is CHẬM (there is no path to project):
//    expected and projection stay empty. A cumulative or average yes/no is judged like at_least.
//  • VƯỢT needs a positive target (an at_most 0 or at_least 0 target is met, never exceeded).
//  • ratio: at_least, range (of the low end) actual ÷ target × 100; at_most target ÷ actual ×
//    100 (100 when actual is 0), so that "đạt từ 80% trở lên" means doing well for both
//    directions; yes/no the share of yes × 100 (of no for a target of 0). No ratio for a zero
//    at_least or range target.
//  • Once the term is over every year of it counts as closed (31/12/2025 ends a 2021–2025 term
//    though 31 December has not "passed"). A closed year without a value is not judged.
//  • Trend and projection of a percentage are kept within 0..100 and of an indicator within
//    max_value. With one value the line from the baseline starts at the year before the term's
//    first year.
//  • Per-year targets (YearPoint::target) apply to every_year only; the other kinds compare
//    with target_value (or target.value). A missed every_year target names every missed year.
//  • average: the years still to come are those not closed (the open year included); the mean
//    they need is (target × (closed + remaining) − sum of closed) ÷ remaining. at_most is
//    impossible only for a percentage needing a mean below 0.
//  • every_year with no value at all is CHỜ ĐÁNH GIÁ before the first year closes even without
//    pending_until_year_end (a yearly requirement cannot be judged before its first year ends).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/assessment_settings.h"
#include "domain/resolution.h"

namespace nq::analytics {

enum class TargetStatus {
  kExceeded,   // VƯỢT
  kMet,        // ĐẠT
  kOnTrack,    // ĐÚNG TIẾN ĐỘ
  kBehind,     // CHẬM
  kAtRisk,     // KHÓ ĐẠT
  kNotMet,     // KHÔNG ĐẠT
  kPending,    // CHỜ ĐÁNH GIÁ
  kNoData,     // CHƯA CÓ SỐ LIỆU
};
const char* TargetStatusCode(TargetStatus s);   // "exceeded", "met", "on_track", "behind",
                                                // "at_risk", "not_met", "pending", "no_data"
const char* TargetStatusLabel(TargetStatus s);  // "VƯỢT", "ĐẠT", "ĐÚNG TIẾN ĐỘ", ...
// Bootstrap colour class for the status: "success", "primary", "warning", "danger", "secondary".
const char* TargetStatusColour(TargetStatus s);

// Configuration of a committee (defaults as DESIGN.md gives them): the resolution's assessment
// settings (domain/assessment_settings.h).
using AssessmentConfig = AssessmentSettings;

// One calendar year of a target's series.
struct YearPoint {
  int year = 0;
  std::optional<double> value;   // the indicator over the year's part of the term, to as_of
  bool estimate = false;
  bool closed = false;           // as_of is after 31 December of the year
  std::optional<double> target;  // this year's own target (target value formula), if any
};

struct TargetInput {
  Target target;                 // comparator, kind, value/value_high, unit, baseline
  std::optional<double> target_value;  // the target value resolved (value_formula evaluated at
                                       // the term's start); nullopt: use target.value
  std::vector<YearPoint> years;  // every year of the term, in order (open and future included)
  Date term_start;
  Date term_end;
  Date as_of;
  bool pending_until_year_end = false;  // values exist only after the year-end review
  std::optional<double> max_value;      // the highest value the indicator can take, if any
};

struct TargetAssessment {
  TargetStatus status = TargetStatus::kNoData;
  std::optional<double> actual;      // the actual to date (per kind, see above)
  std::optional<double> expected;    // the expected value by as_of
  std::optional<double> projection;  // the projection to the end of term
  double target_value = 0;           // the target as compared (low end of a range)
  std::optional<double> target_high; // high end of a range
  std::optional<double> ratio;       // actual ÷ target × 100 (for the buckets and the annex)
  bool estimate = false;
  bool final = false;                // the term has ended at as_of
  std::string explanation;           // one Vietnamese sentence, numbers and rule
  double elapsed = 0;                // f, 0..1
};

TargetAssessment AssessTarget(const TargetInput& in, const AssessmentConfig& config = {});

// True when the status counts towards "hoàn thành X/Y mục tiêu" (see AssessmentConfig).
bool CountsAsDone(TargetStatus s, bool final, const AssessmentConfig& config = {});

}  // namespace nq::analytics
