// Golden tests of the assessment rules (analytics/assessment.h). Every expected number is worked
// out by hand in the comment beside it. Unless a test says otherwise the term runs from 1/1/2021
// to 31/12/2025 (1.825 days); on 1/1/2023 (kMid) 730 days have passed: f = 0,4, the years 2021
// and 2022 are closed and 2023 is open.
#include "analytics/assessment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace nq::analytics::assessment_test {
namespace {

const Date kStart{2021, 1, 1};
const Date kEnd{2025, 12, 31};
const Date kMid{2023, 1, 1};
const Date kFinal{2026, 1, 15};

// One reported year: its value, whether it is an estimate, its own target.
struct Yv {
  Yv(int y, double v, bool e = false, std::optional<double> t = std::nullopt)
      : year(y), value(v), estimate(e), target(t) {}
  int year;
  double value;
  bool estimate;
  std::optional<double> target;
};

TargetInput Input(TargetKind kind, Comparator cmp, double value, const std::string& unit,
                  const Date& as_of, const std::vector<Yv>& values, Date start = kStart,
                  Date end = kEnd) {
  TargetInput in;
  in.target.code = "MT1";
  in.target.text = "Chỉ tiêu thử";
  in.target.kind = kind;
  in.target.comparator = cmp;
  in.target.value = value;
  in.target.unit = unit;
  in.term_start = start;
  in.term_end = end;
  in.as_of = as_of;
  for (int y = start.year; y <= end.year; ++y) {
    YearPoint p;
    p.year = y;
    p.closed = as_of > Date{y, 12, 31};
    for (const Yv& v : values) {
      if (v.year != y) continue;
      p.value = v.value;
      p.estimate = v.estimate;
      p.target = v.target;
    }
    in.years.push_back(p);
  }
  return in;
}

void ExpectNum(std::optional<double> got, std::optional<double> want, const char* what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (want) {
    EXPECT_NEAR(*got, *want, 1e-6 * std::max(1.0, std::fabs(*want))) << what;
  }
}

void Check(const TargetAssessment& r, TargetStatus status, std::optional<double> actual,
           std::optional<double> expected, std::optional<double> projection,
           const std::string& explanation) {
  EXPECT_EQ(TargetStatusCode(r.status), std::string(TargetStatusCode(status))) << explanation;
  ExpectNum(r.actual, actual, "actual");
  ExpectNum(r.expected, expected, "expected");
  ExpectNum(r.projection, projection, "projection");
  EXPECT_EQ(r.explanation, explanation);
}

constexpr auto kEndLevel = TargetKind::kEndLevel;
constexpr auto kCumulative = TargetKind::kCumulative;
constexpr auto kEveryYear = TargetKind::kEveryYear;
constexpr auto kAverage = TargetKind::kAverage;
constexpr auto kAtLeast = Comparator::kAtLeast;
constexpr auto kAtMost = Comparator::kAtMost;
constexpr auto kRange = Comparator::kRange;
constexpr auto kYesNo = Comparator::kYesNo;

TargetInput Range(TargetKind kind, const std::string& unit, double low, double high,
                  const Date& as_of, const std::vector<Yv>& values) {
  TargetInput in = Input(kind, kRange, low, unit, as_of, values);
  in.target.value_high = high;
  return in;
}

// ---- end_level --------------------------------------------------------------------------------

TEST(AssessmentTest, EndLevelMetEarly) {
  const auto r = AssessTarget(Input(kEndLevel, kAtLeast, 90, "%", kMid, {{2021, 85}, {2022, 91}}));
  // expected 85 + (90 − 85) × 0,4 = 87; trend +6 a year from 88 in mid-2021/22: 88 + 6 × 3,5 =
  // 109 in 2025, capped at 100%; ratio 91 ÷ 90 = 101,1%.
  Check(r, TargetStatus::kMet, 91, 87, 100,
        "Năm 2022 đạt 91%, đạt chỉ tiêu cuối nhiệm kỳ từ 90% trở lên trước thời hạn: đạt.");
  EXPECT_NEAR(*r.ratio, 101.1111111, 1e-6);
  EXPECT_NEAR(r.elapsed, 0.4, 1e-12);
  EXPECT_FALSE(r.final);
  EXPECT_FALSE(r.estimate);
}

TEST(AssessmentTest, EndLevelJustMissedButOnTrack) {
  TargetInput in = Input(kEndLevel, kAtLeast, 90, "%", kMid, {{2021, 80}, {2022, 89.9}});
  in.target.baseline = 78;
  // expected 78 + 12 × 0,4 = 82,8 ≤ 89,9; trend 84,95 + 9,9 × 3,5 = 119,6 → 100.
  Check(AssessTarget(in), TargetStatus::kOnTrack, 89.9, 82.8, 100,
        "Năm 2022 đạt 89,9%, tiến độ dự kiến đến ngày 1/1/2023 là 82,8%; dự báo cuối nhiệm kỳ "
        "đạt 100% so với chỉ tiêu cuối nhiệm kỳ từ 90% trở lên: đúng tiến độ.");
}

TEST(AssessmentTest, EndLevelBehindAndAtRiskAtThe85PercentFloor) {
  // On 1/1/2024 f = 1.095 / 1.825 = 0,6; expected 40 + (60 − 40) × 0,6 = 52.
  const Date as_of{2024, 1, 1};
  TargetInput in = Input(kEndLevel, kAtLeast, 60, "%", as_of, {{2021, 47}, {2022, 48}, {2023, 49}});
  in.target.baseline = 40;
  // Trend +1 a year through 48 in 2022: 51 in 2025 = 0,85 × 60 exactly.
  Check(AssessTarget(in), TargetStatus::kBehind, 49, 52, 51,
        "Năm 2023 đạt 49%, tiến độ dự kiến đến ngày 1/1/2024 là 52%; dự báo cuối nhiệm kỳ đạt "
        "51% so với chỉ tiêu cuối nhiệm kỳ từ 60% trở lên: chậm.");
  in = Input(kEndLevel, kAtLeast, 60, "%", as_of, {{2021, 46.9}, {2022, 47.9}, {2023, 48.9}});
  in.target.baseline = 40;
  // Trend 47,9 + 3 = 50,9 < 51.
  Check(AssessTarget(in), TargetStatus::kAtRisk, 48.9, 52, 50.9,
        "Năm 2023 đạt 48,9%, tiến độ dự kiến đến ngày 1/1/2024 là 52%; dự báo cuối nhiệm kỳ đạt "
        "50,9% so với chỉ tiêu cuối nhiệm kỳ từ 60% trở lên: khó đạt.");
}

TEST(AssessmentTest, EndLevelAtTheEndOfTerm) {
  const std::vector<Yv> short_of{{2021, 80}, {2022, 82}, {2023, 84}, {2024, 86}, {2025, 88}};
  const auto r = AssessTarget(Input(kEndLevel, kAtLeast, 90, "%", kFinal, short_of));
  // Trend +2 a year through 84 in 2023: 88 in 2025; expected at the end = the target.
  Check(r, TargetStatus::kNotMet, 88, 90, 88,
        "Năm 2025 đạt 88%, chưa đạt chỉ tiêu cuối nhiệm kỳ từ 90% trở lên: không đạt.");
  EXPECT_TRUE(r.final);
  EXPECT_DOUBLE_EQ(r.elapsed, 1.0);
  // VƯỢT from 90 × 1,05 = 94,5.
  Check(AssessTarget(Input(kEndLevel, kAtLeast, 90, "%", kFinal, {{2025, 94.5}})),
        TargetStatus::kExceeded, 94.5, 90, 94.5,
        "Năm 2025 đạt 94,5%, vượt chỉ tiêu cuối nhiệm kỳ từ 90% trở lên: vượt.");
  Check(AssessTarget(Input(kEndLevel, kAtLeast, 90, "%", kFinal, {{2025, 94.4}})),
        TargetStatus::kMet, 94.4, 90, 94.4,
        "Năm 2025 đạt 94,4%, đạt chỉ tiêu cuối nhiệm kỳ từ 90% trở lên: đạt.");
  // A target of 100% cannot be exceeded.
  Check(AssessTarget(Input(kEndLevel, kAtLeast, 100, "%", kFinal, {{2025, 100}})),
        TargetStatus::kMet, 100, 100, 100,
        "Năm 2025 đạt 100%, đạt chỉ tiêu cuối nhiệm kỳ từ 100% trở lên: đạt.");
}

TEST(AssessmentTest, EndLevelAtMost) {
  // expected 3,5 + (2 − 3,5) × 0,4 = 2,9 < 3; trend −0,5 a year from 3,25: 3,25 − 1,75 = 1,5.
  Check(AssessTarget(Input(kEndLevel, kAtMost, 2, "%", kMid, {{2021, 3.5}, {2022, 3}})),
        TargetStatus::kOnTrack, 3, 2.9, 1.5,
        "Năm 2022 là 3%, tiến độ dự kiến đến ngày 1/1/2023 là 2,9%; dự báo cuối nhiệm kỳ là 1,5% "
        "so với chỉ tiêu cuối nhiệm kỳ không quá 2%: đúng tiến độ.");
  // 1,8 ≤ 2 × 0,95 = 1,9: exceeded, early; expected 3,5 − 0,6 = 2,9; trend 2,65 − 1,7 × 3,5 < 0
  // → 0 (a percentage); ratio 2 ÷ 1,8 = 111,1%.
  const auto r = AssessTarget(Input(kEndLevel, kAtMost, 2, "%", kMid, {{2021, 3.5}, {2022, 1.8}}));
  Check(r, TargetStatus::kExceeded, 1.8, 2.9, 0,
        "Năm 2022 là 1,8%, vượt chỉ tiêu cuối nhiệm kỳ không quá 2% trước thời hạn: vượt.");
  EXPECT_NEAR(*r.ratio, 111.1111111, 1e-6);
}

TEST(AssessmentTest, EndLevelRange) {
  auto at_end = [](double v) {
    return AssessTarget(Range(kEndLevel, "%", 7, 7.5, kFinal, {{2025, v}}));
  };
  Check(at_end(7.2), TargetStatus::kMet, 7.2, 7, 7.2,
        "Năm 2025 đạt 7,2%, đạt chỉ tiêu cuối nhiệm kỳ từ 7 đến 7,5%: đạt.");
  Check(at_end(7), TargetStatus::kMet, 7, 7, 7,
        "Năm 2025 đạt 7%, đạt chỉ tiêu cuối nhiệm kỳ từ 7 đến 7,5%: đạt.");
  Check(at_end(7.5), TargetStatus::kMet, 7.5, 7, 7.5,
        "Năm 2025 đạt 7,5%, đạt chỉ tiêu cuối nhiệm kỳ từ 7 đến 7,5%: đạt.");
  Check(at_end(7.6), TargetStatus::kExceeded, 7.6, 7, 7.6,
        "Năm 2025 đạt 7,6%, vượt chỉ tiêu cuối nhiệm kỳ từ 7 đến 7,5%: vượt.");
  Check(at_end(6.9), TargetStatus::kNotMet, 6.9, 7, 6.9,
        "Năm 2025 đạt 6,9%, chưa đạt chỉ tiêu cuối nhiệm kỳ từ 7 đến 7,5%: không đạt.");
  EXPECT_EQ(at_end(7.2).target_high, 7.5);
  EXPECT_EQ(at_end(7.2).target_value, 7);
}

TEST(AssessmentTest, EndLevelYesNo) {
  const auto met = AssessTarget(Input(kEndLevel, kYesNo, 1, "", kMid, {{2022, 1}}));
  Check(met, TargetStatus::kMet, 1, std::nullopt, std::nullopt,
        "Năm 2022 đạt yêu cầu cuối nhiệm kỳ trước thời hạn: đạt.");
  EXPECT_DOUBLE_EQ(*met.ratio, 100);
  Check(AssessTarget(Input(kEndLevel, kYesNo, 1, "", kMid, {{2022, 0}})), TargetStatus::kBehind,
        0, std::nullopt, std::nullopt,
        "Năm 2022 chưa đạt yêu cầu cuối nhiệm kỳ sau 40,0% thời gian nhiệm kỳ: chậm.");
  Check(AssessTarget(Input(kEndLevel, kYesNo, 1, "", kFinal, {{2025, 0}})), TargetStatus::kNotMet,
        0, std::nullopt, std::nullopt, "Năm 2025 chưa đạt yêu cầu cuối nhiệm kỳ: không đạt.");
}

TEST(AssessmentTest, EndLevelOnAnEstimate) {
  const auto r = AssessTarget(
      Input(kEndLevel, kAtLeast, 90, "%", kMid, {{2021, 85}, {2022, 92.5, true}}));
  // expected 85 + 5 × 0,4 = 87; trend 88,75 + 7,5 × 3,5 > 100 → 100.
  Check(r, TargetStatus::kMet, 92.5, 87, 100,
        "Năm 2022 đạt 92,5%, đạt chỉ tiêu cuối nhiệm kỳ từ 90% trở lên trước thời hạn (ước đạt): "
        "đạt.");
  EXPECT_TRUE(r.estimate);
}

// ---- cumulative -------------------------------------------------------------------------------

TEST(AssessmentTest, CumulativeDesignExample) {
  // DESIGN.md: 860 of a 1.300-member target at mid-term. Term 1/8/2020–31/7/2025 (1.825 days),
  // review on 17/5/2023: 1.019 days, f = 0,55836 ("55,8%"). 860 ÷ 1.300 = 66,15%; expected
  // 1.300 × f = 725,86; the 2023 value runs to the review date, so covered = f and the projection
  // is 860 ÷ f = 1.540,24 (118,48% of 1.300).
  const auto r = AssessTarget(
      Input(kCumulative, kAtLeast, 1300, "đảng viên", Date{2023, 5, 17},
            {{2020, 150}, {2021, 300}, {2022, 290}, {2023, 120}}, Date{2020, 8, 1},
            Date{2025, 7, 31}));
  Check(r, TargetStatus::kOnTrack, 860, 725.8630137, 1540.2355250,
        "Lũy kế đạt 860/1.300 đảng viên (66,2%) sau 55,8% thời gian nhiệm kỳ, tiến độ dự kiến "
        "726; dự báo cuối nhiệm kỳ đạt 1.540 (118,5%): đúng tiến độ.");
  EXPECT_NEAR(r.elapsed, 1019.0 / 1825.0, 1e-12);
  EXPECT_NEAR(*r.ratio, 66.1538462, 1e-6);
  EXPECT_TRUE(CountsAsDone(r.status, r.final));
}

TEST(AssessmentTest, CumulativeBehindAndAtRiskAtThe85PercentFloor) {
  // 2023's value (reported on 1/1/2023) makes covered = f = 0,4: projection = sum ÷ 0,4.
  // 340 ÷ 0,4 = 850 = 0,85 × 1.000: behind; expected 1.000 × 0,4 = 400.
  Check(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                           {{2021, 150}, {2022, 170}, {2023, 20}})),
        TargetStatus::kBehind, 340, 400, 850,
        "Lũy kế đạt 340/1.000 đảng viên (34,0%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến "
        "400; dự báo cuối nhiệm kỳ đạt 850 (85,0%): chậm.");
  // 339,9 ÷ 0,4 = 849,75 < 850 (shown rounded to 850 and 85,0%): at risk.
  Check(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                           {{2021, 150}, {2022, 170}, {2023, 19.9}})),
        TargetStatus::kAtRisk, 339.9, 400, 849.75,
        "Lũy kế đạt 339,9/1.000 đảng viên (34,0%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến "
        "400; dự báo cuối nhiệm kỳ đạt 850 (85,0%): khó đạt.");
  // 339 ÷ 0,4 = 847,5 (84,75%).
  Check(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                           {{2021, 150}, {2022, 170}, {2023, 19}})),
        TargetStatus::kAtRisk, 339, 400, 847.5,
        "Lũy kế đạt 339/1.000 đảng viên (33,9%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến "
        "400; dự báo cuối nhiệm kỳ đạt 848 (84,8%): khó đạt.");
}

TEST(AssessmentTest, CumulativeMetEarly) {
  // No 2023 value: covered runs to 31/12/2022, 729 days: 1.060 ÷ (729 / 1.825) = 2.653,64.
  Check(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                           {{2021, 500}, {2022, 560}})),
        TargetStatus::kExceeded, 1060, 400, 2653.6351166,
        "Lũy kế đạt 1.060/1.000 đảng viên (106,0%) sau 40,0% thời gian nhiệm kỳ, đã vượt chỉ "
        "tiêu cả nhiệm kỳ: vượt.");
  // Exactly the target: met; 1.049 < 1.050 = 1.000 × 1,05: met, not exceeded.
  Check(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                           {{2021, 500}, {2022, 500}})),
        TargetStatus::kMet, 1000, 400, 2503.4293553,
        "Lũy kế đạt 1.000/1.000 đảng viên (100,0%) sau 40,0% thời gian nhiệm kỳ, đã đạt chỉ "
        "tiêu cả nhiệm kỳ: đạt.");
  EXPECT_EQ(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                               {{2021, 500}, {2022, 549}})).status,
            TargetStatus::kMet);
}

TEST(AssessmentTest, CumulativeAtTheEndOfTerm) {
  // 180 + 190 + 200 + 200 + 199 = 969 of 1.000 (96,9%).
  const auto r = AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kFinal,
                                    {{2021, 180}, {2022, 190}, {2023, 200}, {2024, 200},
                                     {2025, 199}}));
  Check(r, TargetStatus::kNotMet, 969, 1000, 969,
        "Lũy kế cả nhiệm kỳ đạt 969/1.000 đảng viên (96,9%), chưa đạt chỉ tiêu: không đạt.");
  EXPECT_FALSE(CountsAsDone(r.status, r.final));
}

TEST(AssessmentTest, CumulativeAtMost) {
  // 5 + 6 = 11 > 10 after 40% of the term: no longer reachable. Covered 729/1.825 → 27,54.
  Check(AssessTarget(Input(kCumulative, kAtMost, 10, "vụ", kMid, {{2021, 5}, {2022, 6}})),
        TargetStatus::kNotMet, 11, 4, 27.5377229,
        "Lũy kế 11 vụ sau 40,0% thời gian nhiệm kỳ, đã vượt mức tối đa 10 vụ của cả nhiệm kỳ: "
        "không đạt.");
  // 3 ÷ (729/1.825) = 7,51 ≤ 10.
  Check(AssessTarget(Input(kCumulative, kAtMost, 10, "vụ", kMid, {{2021, 1}, {2022, 2}})),
        TargetStatus::kOnTrack, 3, 4, 7.5102881,
        "Lũy kế 3 vụ sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến 4; dự báo cuối nhiệm kỳ 8 vụ "
        "so với mức tối đa 10 vụ: đúng tiến độ.");
  // 9 ÷ 0,4 = 22,5 ≤ 20 ÷ 0,85 = 23,53: behind; 10 ÷ 0,4 = 25 beyond: at risk.
  Check(AssessTarget(Input(kCumulative, kAtMost, 20, "vụ", kMid,
                           {{2021, 4}, {2022, 5}, {2023, 0}})),
        TargetStatus::kBehind, 9, 8, 22.5,
        "Lũy kế 9 vụ sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến 8; dự báo cuối nhiệm kỳ 23 vụ "
        "so với mức tối đa 20 vụ: chậm.");
  Check(AssessTarget(Input(kCumulative, kAtMost, 20, "vụ", kMid,
                           {{2021, 5}, {2022, 5}, {2023, 0}})),
        TargetStatus::kAtRisk, 10, 8, 25,
        "Lũy kế 10 vụ sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến 8; dự báo cuối nhiệm kỳ 25 vụ "
        "so với mức tối đa 20 vụ: khó đạt.");
  // At the end 8 ≤ 10 × 0,95 = 9,5: exceeded (ratio 10 ÷ 8 = 125%); 10: met.
  const std::vector<Yv> eight{{2021, 2}, {2022, 2}, {2023, 2}, {2024, 1}, {2025, 1}};
  const auto r = AssessTarget(Input(kCumulative, kAtMost, 10, "vụ", kFinal, eight));
  Check(r, TargetStatus::kExceeded, 8, 10, 8,
        "Lũy kế cả nhiệm kỳ 8 vụ, không quá mức tối đa 10 vụ: vượt.");
  EXPECT_DOUBLE_EQ(*r.ratio, 125);
  const std::vector<Yv> ten{{2021, 2}, {2022, 2}, {2023, 2}, {2024, 2}, {2025, 2}};
  Check(AssessTarget(Input(kCumulative, kAtMost, 10, "vụ", kFinal, ten)), TargetStatus::kMet, 10,
        10, 10, "Lũy kế cả nhiệm kỳ 10 vụ, không quá mức tối đa 10 vụ: đạt.");
}

TEST(AssessmentTest, CumulativeRange) {
  // "Kết nạp từ 30 đến 35 đảng viên": 33 inside (110% of 30), 36 above.
  Check(AssessTarget(Range(kCumulative, "đảng viên", 30, 35, kFinal,
                           {{2021, 6}, {2022, 7}, {2023, 7}, {2024, 6}, {2025, 7}})),
        TargetStatus::kMet, 33, 30, 33,
        "Lũy kế cả nhiệm kỳ đạt 33/30–35 đảng viên (110,0%), đã đạt chỉ tiêu cả nhiệm kỳ: đạt.");
  Check(AssessTarget(Range(kCumulative, "đảng viên", 30, 35, kFinal,
                           {{2021, 8}, {2022, 8}, {2023, 7}, {2024, 7}, {2025, 6}})),
        TargetStatus::kExceeded, 36, 30, 36,
        "Lũy kế cả nhiệm kỳ đạt 36/30–35 đảng viên (120,0%), đã vượt chỉ tiêu cả nhiệm kỳ: vượt.");
  // Below at mid-term: 11 (36,7% of 30), expected 12; 11 ÷ 0,4 = 27,5 (91,7%) ≥ 25,5: behind.
  Check(AssessTarget(Range(kCumulative, "đảng viên", 30, 35, kMid,
                           {{2021, 6}, {2022, 5}, {2023, 0}})),
        TargetStatus::kBehind, 11, 12, 27.5,
        "Lũy kế đạt 11/30–35 đảng viên (36,7%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến 12; "
        "dự báo cuối nhiệm kỳ đạt 28 (91,7%): chậm.");
}

TEST(AssessmentTest, CumulativeYesNo) {
  // A yes/no done once in the term: 0 + 1 = 1.
  Check(AssessTarget(Input(kCumulative, kYesNo, 1, "", kMid, {{2021, 0}, {2022, 1}})),
        TargetStatus::kMet, 1, 0.4, 2.5034294,
        "Lũy kế đạt 1/1 (100,0%) sau 40,0% thời gian nhiệm kỳ, đã đạt chỉ tiêu cả nhiệm kỳ: đạt.");
}

TEST(AssessmentTest, CumulativeOnAnEstimate) {
  // 150 + 170 + 100 (ước đạt) = 420 ≥ 400; 420 ÷ 0,4 = 1.050 (105%).
  const auto r = AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                                    {{2021, 150}, {2022, 170}, {2023, 100, true}}));
  Check(r, TargetStatus::kOnTrack, 420, 400, 1050,
        "Lũy kế đạt 420/1.000 đảng viên (42,0%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến "
        "400; dự báo cuối nhiệm kỳ đạt 1.050 (105,0%) (ước đạt): đúng tiến độ.");
  EXPECT_TRUE(r.estimate);
}

// ---- no data, pending -------------------------------------------------------------------------

TEST(AssessmentTest, NoDataAndPending) {
  Check(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid, {})),
        TargetStatus::kNoData, std::nullopt, std::nullopt, std::nullopt,
        "Chưa có số liệu báo cáo đến ngày 1/1/2023.");
  // Yearly ratings before the first year-end: pending; once a year has closed: no data.
  TargetInput in = Input(kEndLevel, kAtLeast, 90, "%", Date{2021, 6, 30}, {});
  in.pending_until_year_end = true;
  const auto pending = AssessTarget(in);
  Check(pending, TargetStatus::kPending, std::nullopt, std::nullopt, std::nullopt,
        "Chưa có năm nào của nhiệm kỳ kết thúc và chưa có số liệu đến ngày 30/6/2021: chờ đánh "
        "giá.");
  EXPECT_NEAR(pending.elapsed, 180.0 / 1825.0, 1e-12);
  in = Input(kEndLevel, kAtLeast, 90, "%", kMid, {});
  in.pending_until_year_end = true;
  EXPECT_EQ(AssessTarget(in).status, TargetStatus::kNoData);
  // Without the flag an end-level target with nothing reported has no data.
  EXPECT_EQ(AssessTarget(Input(kEndLevel, kAtLeast, 90, "%", Date{2021, 6, 30}, {})).status,
            TargetStatus::kNoData);
  // An every-year target waits for its first year.
  EXPECT_EQ(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", Date{2021, 6, 30}, {})).status,
            TargetStatus::kPending);
  EXPECT_EQ(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kMid, {})).status,
            TargetStatus::kNoData);
}

// ---- every_year -------------------------------------------------------------------------------

TEST(AssessmentTest, EveryYearMissedYear) {
  const auto r =
      AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kMid, {{2021, 92}, {2022, 88.5}}));
  Check(r, TargetStatus::kNotMet, 88.5, 90, std::nullopt,
        "Năm 2022 đạt 88,5%, thấp hơn chỉ tiêu 90% hằng năm: không đạt.");
  EXPECT_NEAR(*r.ratio, 98.3333333, 1e-6);
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kMid, {{2021, 89}, {2022, 88.5}})),
        TargetStatus::kNotMet, 88.5, 90, std::nullopt,
        "Năm 2021 đạt 89%, năm 2022 đạt 88,5%, thấp hơn chỉ tiêu 90% hằng năm: không đạt.");
}

TEST(AssessmentTest, EveryYearMetAndExceeded) {
  // 90 exactly is met; VƯỢT only when every year reaches 94,5.
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kMid, {{2021, 90}, {2022, 91.2}})),
        TargetStatus::kMet, 91.2, 90, std::nullopt,
        "Năm 2021 đạt 90%, năm 2022 đạt 91,2%, đều đạt chỉ tiêu từ 90% trở lên hằng năm: đạt.");
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kMid, {{2021, 95}, {2022, 96}})),
        TargetStatus::kExceeded, 96, 90, std::nullopt,
        "Năm 2021 đạt 95%, năm 2022 đạt 96%, đều vượt chỉ tiêu từ 90% trở lên hằng năm: vượt.");
  EXPECT_EQ(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kMid, {{2021, 95}, {2022, 91}}))
                .status,
            TargetStatus::kMet);
  // At the end of term (31/12/2025) the last year counts although 31 December has not passed.
  const auto r = AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", kEnd,
                                    {{2021, 91}, {2022, 92}, {2023, 93}, {2024, 94}, {2025, 90}}));
  Check(r, TargetStatus::kMet, 90, 90, std::nullopt,
        "Năm 2021 đạt 91%, năm 2022 đạt 92%, năm 2023 đạt 93%, năm 2024 đạt 94%, năm 2025 đạt "
        "90%, đều đạt chỉ tiêu từ 90% trở lên hằng năm: đạt.");
  EXPECT_TRUE(r.final);
}

TEST(AssessmentTest, EveryYearOpenYear) {
  // Closed years met, the open year's estimate misses: at risk, on an estimate.
  const auto r = AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", Date{2023, 6, 30},
                                    {{2021, 92}, {2022, 91}, {2023, 85, true}}));
  Check(r, TargetStatus::kAtRisk, 91, 90, std::nullopt,
        "Năm 2021 đạt 92%, năm 2022 đạt 91%, đều đạt chỉ tiêu từ 90% trở lên hằng năm; năm 2023 "
        "tạm tính đạt 85%, thấp hơn chỉ tiêu (ước đạt): khó đạt.");
  EXPECT_TRUE(r.estimate);
  // Before any year has closed the open year decides provisionally.
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", Date{2021, 6, 30}, {{2021, 93}})),
        TargetStatus::kOnTrack, 93, 90, std::nullopt,
        "Năm 2021 tạm tính đạt 93%, đạt chỉ tiêu từ 90% trở lên hằng năm: đúng tiến độ.");
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 90, "%", Date{2021, 6, 30}, {{2021, 89}})),
        TargetStatus::kAtRisk, 89, 90, std::nullopt,
        "Năm 2021 tạm tính đạt 89%, thấp hơn chỉ tiêu 90% hằng năm: khó đạt.");
}

TEST(AssessmentTest, EveryYearAtMost) {
  const auto r = AssessTarget(Input(kEveryYear, kAtMost, 1, "%", kMid, {{2021, 0.8}, {2022, 1.2}}));
  Check(r, TargetStatus::kNotMet, 1.2, 1, std::nullopt,
        "Năm 2022 là 1,2%, cao hơn mức tối đa 1% hằng năm: không đạt.");
  EXPECT_NEAR(*r.ratio, 83.3333333, 1e-6);  // 1 ÷ 1,2
  // 0,8 and 0,9 ≤ 1 × 0,95.
  Check(AssessTarget(Input(kEveryYear, kAtMost, 1, "%", kMid, {{2021, 0.8}, {2022, 0.9}})),
        TargetStatus::kExceeded, 0.9, 1, std::nullopt,
        "Năm 2021 là 0,8%, năm 2022 là 0,9%, đều vượt chỉ tiêu không quá 1% hằng năm: vượt.");
}

TEST(AssessmentTest, EveryYearRange) {
  Check(AssessTarget(Range(kEveryYear, "%", 7, 7.5, kMid, {{2021, 7.2}, {2022, 6.8}})),
        TargetStatus::kNotMet, 6.8, 7, std::nullopt,
        "Năm 2022 đạt 6,8%, thấp hơn chỉ tiêu từ 7 đến 7,5% hằng năm: không đạt.");
  Check(AssessTarget(Range(kEveryYear, "%", 7, 7.5, kMid, {{2021, 7.2}, {2022, 7.5}})),
        TargetStatus::kMet, 7.5, 7, std::nullopt,
        "Năm 2021 đạt 7,2%, năm 2022 đạt 7,5%, đều đạt chỉ tiêu từ 7 đến 7,5% hằng năm: đạt.");
  Check(AssessTarget(Range(kEveryYear, "%", 7, 7.5, kMid, {{2021, 7.6}, {2022, 7.8}})),
        TargetStatus::kExceeded, 7.8, 7, std::nullopt,
        "Năm 2021 đạt 7,6%, năm 2022 đạt 7,8%, đều vượt chỉ tiêu từ 7 đến 7,5% hằng năm: vượt.");
}

TEST(AssessmentTest, EveryYearYesNo) {
  TargetInput in = Input(kEveryYear, kYesNo, 1, "", kMid, {{2021, 1}, {2022, 0}});
  in.pending_until_year_end = true;
  Check(AssessTarget(in), TargetStatus::kNotMet, 0, 1, std::nullopt,
        "Năm 2022 chưa đạt yêu cầu hằng năm: không đạt.");
  in = Input(kEveryYear, kYesNo, 1, "", kMid, {{2021, 1}, {2022, 1}});
  Check(AssessTarget(in), TargetStatus::kMet, 1, 1, std::nullopt,
        "Năm 2021 đạt yêu cầu, năm 2022 đạt yêu cầu, đều đạt chỉ tiêu hằng năm: đạt.");
}

TEST(AssessmentTest, EveryYearWithYearlyTargets) {
  // "Hằng năm kết nạp từ 3% so với số đảng viên cuối năm trước": each year has its own target.
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 0, "đảng viên", kMid,
                           {{2021, 40, false, 36}, {2022, 35, false, 37.5}})),
        TargetStatus::kNotMet, 35, 37.5, std::nullopt,
        "Năm 2022 đạt 35 đảng viên (chỉ tiêu 37,5 đảng viên), thấp hơn chỉ tiêu của năm: không "
        "đạt.");
  // 40 ≥ 36 × 1,05 = 37,8 but 38 < 37,5 × 1,05 = 39,375: met, not exceeded.
  Check(AssessTarget(Input(kEveryYear, kAtLeast, 0, "đảng viên", kMid,
                           {{2021, 40, false, 36}, {2022, 38, false, 37.5}})),
        TargetStatus::kMet, 38, 37.5, std::nullopt,
        "Năm 2021 đạt 40 đảng viên (chỉ tiêu 36 đảng viên), năm 2022 đạt 38 đảng viên (chỉ tiêu "
        "37,5 đảng viên), đều đạt chỉ tiêu của năm: đạt.");
}

TEST(AssessmentTest, ResolvedTargetValue) {
  // "0.03 * term_start(members)" with 1.200 members at the start: 36 a year.
  TargetInput in = Input(kEveryYear, kAtLeast, 0, "đảng viên", kMid, {{2021, 40}, {2022, 37}});
  in.target_value = 36;
  const auto r = AssessTarget(in);
  Check(r, TargetStatus::kMet, 37, 36, std::nullopt,
        "Năm 2021 đạt 40 đảng viên, năm 2022 đạt 37 đảng viên, đều đạt chỉ tiêu từ 36 đảng viên "
        "trở lên hằng năm: đạt.");
  EXPECT_EQ(r.target_value, 36);
}

// ---- average ----------------------------------------------------------------------------------

TEST(AssessmentTest, AverageAtLeast) {
  // (6,5 + 7,7) ÷ 2 = 7,1 ≥ 7 (< 7,35): met.
  Check(AssessTarget(Input(kAverage, kAtLeast, 7, "%", kMid, {{2021, 6.5}, {2022, 7.7}})),
        TargetStatus::kMet, 7.1, 7, 7.1,
        "Bình quân các năm 2021, 2022 đạt 7,1%, đạt chỉ tiêu bình quân từ 7% trở lên: đạt.");
  // Mean 81 ≥ 0,85 × 90 = 76,5: behind; the 3 years left need (5 × 90 − 162) ÷ 3 = 96.
  Check(AssessTarget(Input(kAverage, kAtLeast, 90, "%", kMid, {{2021, 80}, {2022, 82}})),
        TargetStatus::kBehind, 81, 90, 81,
        "Bình quân các năm 2021, 2022 đạt 81%, chưa đạt chỉ tiêu bình quân từ 90% trở lên; 3 năm "
        "còn lại cần bình quân 96%: chậm.");
  // Mean 76,5 exactly: behind; needed (450 − 153) ÷ 3 = 99.
  Check(AssessTarget(Input(kAverage, kAtLeast, 90, "%", kMid, {{2021, 76}, {2022, 77}})),
        TargetStatus::kBehind, 76.5, 90, 76.5,
        "Bình quân các năm 2021, 2022 đạt 76,5%, chưa đạt chỉ tiêu bình quân từ 90% trở lên; 3 "
        "năm còn lại cần bình quân 99%: chậm.");
  // Mean 75,5 < 76,5: at risk; needed (450 − 151) ÷ 3 = 99,67, still possible.
  Check(AssessTarget(Input(kAverage, kAtLeast, 90, "%", kMid, {{2021, 75}, {2022, 76}})),
        TargetStatus::kAtRisk, 75.5, 90, 75.5,
        "Bình quân các năm 2021, 2022 đạt 75,5%, chưa đạt chỉ tiêu bình quân từ 90% trở lên; 3 "
        "năm còn lại cần bình quân 99,67%: khó đạt.");
}

TEST(AssessmentTest, AverageImpossibleToReach) {
  // On 1/1/2024: mean (70 + 72 + 75) ÷ 3 = 72,33; 2 years left need (450 − 217) ÷ 2 = 116,5%.
  Check(AssessTarget(Input(kAverage, kAtLeast, 90, "%", Date{2024, 1, 1},
                           {{2021, 70}, {2022, 72}, {2023, 75}})),
        TargetStatus::kNotMet, 217.0 / 3, 90, 217.0 / 3,
        "Bình quân các năm 2021, 2022, 2023 đạt 72,33%, chưa đạt chỉ tiêu bình quân từ 90% trở "
        "lên; 2 năm còn lại cần bình quân 116,5%, không thể đạt được: không đạt.");
  // Beyond the indicator's highest value: (5 × 40 − 44) ÷ 3 = 52 > 48.
  TargetInput in = Input(kAverage, kAtLeast, 40, "buổi", kMid, {{2021, 20}, {2022, 24}});
  in.max_value = 48;
  Check(AssessTarget(in), TargetStatus::kNotMet, 22, 40, 22,
        "Bình quân các năm 2021, 2022 đạt 22 buổi, chưa đạt chỉ tiêu bình quân từ 40 buổi trở "
        "lên; 3 năm còn lại cần bình quân 52 buổi, không thể đạt được: không đạt.");
}

TEST(AssessmentTest, AverageOtherShapes) {
  // (1,5 + 1,9) ÷ 2 = 1,7 ≤ 2 × 0,95: exceeded.
  Check(AssessTarget(Input(kAverage, kAtMost, 2, "%", kMid, {{2021, 1.5}, {2022, 1.9}})),
        TargetStatus::kExceeded, 1.7, 2, 1.7,
        "Bình quân các năm 2021, 2022 đạt 1,7%, vượt chỉ tiêu bình quân không quá 2%: vượt.");
  // 2,3 > 2 but ≤ 2 ÷ 0,85 = 2,35: behind; needed (10 − 4,6) ÷ 3 = 1,8.
  Check(AssessTarget(Input(kAverage, kAtMost, 2, "%", kMid, {{2021, 2.2}, {2022, 2.4}})),
        TargetStatus::kBehind, 2.3, 2, 2.3,
        "Bình quân các năm 2021, 2022 đạt 2,3%, chưa đạt chỉ tiêu bình quân không quá 2%; 3 năm "
        "còn lại cần bình quân 1,8%: chậm.");
  // Range at the end: (7 + 7,2 + 7,4 + 7,6 + 7,3) ÷ 5 = 7,3.
  Check(AssessTarget(Range(kAverage, "%", 7, 7.5, kFinal,
                           {{2021, 7}, {2022, 7.2}, {2023, 7.4}, {2024, 7.6}, {2025, 7.3}})),
        TargetStatus::kMet, 7.3, 7, 7.3,
        "Bình quân các năm 2021, 2022, 2023, 2024, 2025 đạt 7,3%, đạt chỉ tiêu bình quân từ 7 "
        "đến 7,5%: đạt.");
  // Yes/no: the mean of 1 and 1.
  Check(AssessTarget(Input(kAverage, kYesNo, 1, "", kMid, {{2021, 1}, {2022, 1}})),
        TargetStatus::kMet, 1, 1, 1,
        "Bình quân các năm 2021, 2022 đạt 1, đạt chỉ tiêu bình quân: đạt.");
}

TEST(AssessmentTest, AverageAtTheEndAndProvisional) {
  // (6 + 6,5 + 7 + 6,5 + 6) ÷ 5 = 6,4 < 7 at the end.
  Check(AssessTarget(Input(kAverage, kAtLeast, 7, "%", kFinal,
                           {{2021, 6}, {2022, 6.5}, {2023, 7}, {2024, 6.5}, {2025, 6}})),
        TargetStatus::kNotMet, 6.4, 7, 6.4,
        "Bình quân các năm 2021, 2022, 2023, 2024, 2025 đạt 6,4%, chưa đạt chỉ tiêu bình quân từ "
        "7% trở lên: không đạt.");
  // Only the open year: 6 ≥ 0,85 × 7 = 5,95; the 5 years need 7.
  Check(AssessTarget(Input(kAverage, kAtLeast, 7, "%", Date{2021, 6, 30}, {{2021, 6}})),
        TargetStatus::kBehind, 6, 7, 6,
        "Năm 2021 tạm tính đạt 6%, chưa đạt chỉ tiêu bình quân từ 7% trở lên; 5 năm còn lại cần "
        "bình quân 7%: chậm.");
}

// ---- labels and counting ----------------------------------------------------------------------

TEST(AssessmentTest, LabelsCodesAndColours) {
  EXPECT_STREQ(TargetStatusLabel(TargetStatus::kOnTrack), "ĐÚNG TIẾN ĐỘ");
  EXPECT_STREQ(TargetStatusLabel(TargetStatus::kNoData), "CHƯA CÓ SỐ LIỆU");
  EXPECT_STREQ(TargetStatusLabel(TargetStatus::kPending), "CHỜ ĐÁNH GIÁ");
  EXPECT_STREQ(TargetStatusLabel(TargetStatus::kAtRisk), "KHÓ ĐẠT");
  EXPECT_STREQ(TargetStatusCode(TargetStatus::kAtRisk), "at_risk");
  EXPECT_STREQ(TargetStatusCode(TargetStatus::kNotMet), "not_met");
  EXPECT_STREQ(TargetStatusColour(TargetStatus::kExceeded), "success");
  EXPECT_STREQ(TargetStatusColour(TargetStatus::kOnTrack), "primary");
  EXPECT_STREQ(TargetStatusColour(TargetStatus::kBehind), "warning");
  EXPECT_STREQ(TargetStatusColour(TargetStatus::kAtRisk), "orange");
  EXPECT_STREQ(TargetStatusColour(TargetStatus::kNotMet), "danger");
  EXPECT_STREQ(TargetStatusColour(TargetStatus::kNoData), "secondary");
}

TEST(AssessmentTest, CountsAsDone) {
  EXPECT_TRUE(CountsAsDone(TargetStatus::kOnTrack, false));
  EXPECT_FALSE(CountsAsDone(TargetStatus::kOnTrack, true));
  EXPECT_TRUE(CountsAsDone(TargetStatus::kExceeded, true));
  EXPECT_TRUE(CountsAsDone(TargetStatus::kMet, false));
  EXPECT_FALSE(CountsAsDone(TargetStatus::kBehind, false));
  AssessmentConfig strict;
  strict.mid_term_counts_on_track = false;
  EXPECT_FALSE(CountsAsDone(TargetStatus::kOnTrack, false, strict));
}

TEST(AssessmentTest, ConfigMovesTheThresholds) {
  AssessmentConfig config;
  config.behind_floor = 0.9;  // 850 < 900 now: at risk
  config.exceed_margin = 0.1;
  EXPECT_EQ(AssessTarget(Input(kCumulative, kAtLeast, 1000, "đảng viên", kMid,
                               {{2021, 150}, {2022, 170}, {2023, 20}}),
                         config)
                .status,
            TargetStatus::kAtRisk);
  // 95 < 90 × 1,1 = 99: met, no longer exceeded.
  EXPECT_EQ(AssessTarget(Input(kEndLevel, kAtLeast, 90, "%", kFinal, {{2025, 95}}), config).status,
            TargetStatus::kMet);
}

}  // namespace
}  // namespace nq::analytics::assessment_test
