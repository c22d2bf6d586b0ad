// Assessing a resolution over a small tree loaded into a ValueIndex. Expected numbers are worked
// out by hand in the comments. Term 1/1/2021–31/12/2025, review on 1/1/2023: f = 730 / 1.825 =
// 0,4; 2021 and 2022 closed; 2023 open with its window [1/1/2023, 1/1/2023].
#include "analytics/resolution_assessment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analytics/analytics_test_util.h"

namespace nq::analytics::resolution_assessment_test {
namespace {

//   1 committee
//     2 cell A
//     3 cell B
Organization Org(int64_t id, std::optional<int64_t> parent) {
  return testing_util::TestOrg(id, parent);
}

DataElement Element(int64_t id, const std::string& code, PeriodType pt, OrgAggregation oa,
                    TimeAggregation ta, ValueType type = ValueType::kNumber) {
  return testing_util::TestElement(id, code, pt, oa, ta, type);
}

DataValue V(int64_t org, int64_t element, const std::string& period, double value,
            bool estimate = false) {
  return testing_util::TestValue(org, element, period, value, estimate);
}

Target MakeTarget(const std::string& code, Field field, TargetKind kind,
                  const std::string& indicator, double value, const std::string& unit) {
  Target t;
  t.code = code;
  t.text = "Mục tiêu " + code;
  t.field = field;
  t.kind = kind;
  t.comparator = Comparator::kAtLeast;
  t.indicator = indicator;
  t.value = value;
  t.unit = unit;
  return t;
}

class ResolutionAssessmentTest : public ::testing::Test {
 protected:
  ResolutionAssessmentTest()
      : index_(OrgTree::Build({Org(1, std::nullopt), Org(2, 1), Org(3, 1)}).value()),
        catalog_({Element(10, "new_members", PeriodType::kMonthly, OrgAggregation::kSum,
                          TimeAggregation::kSum),
                  Element(11, "members", PeriodType::kYearly, OrgAggregation::kSum,
                          TimeAggregation::kLast),
                  Element(12, "good_rate", PeriodType::kYearly, OrgAggregation::kAverage,
                          TimeAggregation::kLast, ValueType::kPercent),
                  Element(13, "rating", PeriodType::kYearly, OrgAggregation::kAverage,
                          TimeAggregation::kLast),
                  Element(14, "meetings", PeriodType::kMonthly, OrgAggregation::kSum,
                          TimeAggregation::kSum)}) {
    for (const DataElement& e : catalog_.elements()) {
      index_.DefineElement(ElementShape{e.id, e.period_type, e.org_aggregation,
                                        e.time_aggregation});
    }
    const Status s = index_.Load({
        // new_members: 2021 = 4 + 3 = 7 (cell A), 2022 = 5 (cell B), 2023 = 1 (B, ước đạt).
        V(2, 10, "2021M03", 4), V(2, 10, "2021M09", 3), V(3, 10, "2022M05", 5),
        V(3, 10, "2023M01", 1, true),
        // members at the end of 2020: 200, 2021: 210, 2022: 220.
        V(2, 11, "2020", 100), V(3, 11, "2020", 100), V(2, 11, "2021", 110),
        V(3, 11, "2021", 100), V(2, 11, "2022", 115), V(3, 11, "2022", 105),
        // good_rate: 2021 (95 + 85) ÷ 2 = 90; 2022 (100 + 90) ÷ 2 = 95.
        V(2, 12, "2021", 95), V(3, 12, "2021", 85), V(2, 12, "2022", 100),
        V(3, 12, "2022", 90),
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    in_.term_start = Date{2021, 1, 1};
    in_.term_end = Date{2025, 12, 31};
    in_.as_of = Date{2023, 1, 1};
    in_.root_org = 1;
  }

  // MT1: "kết nạp 20 đảng viên trong nhiệm kỳ".
  static Target Admissions() {
    return MakeTarget("MT1", Field::kPartyBuilding, TargetKind::kCumulative, "new_members", 20,
                      "đảng viên");
  }
  // MT2: "hằng năm kết nạp từ 3% trở lên so với số đảng viên cuối năm trước".
  static Target YearlyAdmissions() {
    Target t = MakeTarget("MT2", Field::kPartyBuilding, TargetKind::kEveryYear, "new_members", 0,
                          "đảng viên");
    t.value_formula = "0.03 * prev_year(members)";
    return t;
  }
  // MT3: "tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ đạt 90% trở lên".
  static Target GoodRate() {
    return MakeTarget("MT3", Field::kEconomy, TargetKind::kEndLevel, "good_rate", 90, "%");
  }

  ValueIndex index_;
  ElementCatalog catalog_;
  ResolutionInput in_;
};

TEST_F(ResolutionAssessmentTest, CumulativeOverTheSubtree) {
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, Admissions(), 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->years.size(), 5u);
  EXPECT_EQ(r->years[0].value, 7);
  EXPECT_TRUE(r->years[0].closed);
  EXPECT_EQ(r->years[1].value, 5);
  EXPECT_TRUE(r->years[1].closed);
  EXPECT_EQ(r->years[2].value, 1);
  EXPECT_TRUE(r->years[2].estimate);
  EXPECT_FALSE(r->years[2].closed);
  EXPECT_FALSE(r->years[3].value.has_value());  // 2024 starts after the review
  EXPECT_FALSE(r->years[4].value.has_value());
  // 13 of 20 (65%); expected 20 × 0,4 = 8; 2023's value runs to the review: covered 0,4,
  // projection 13 ÷ 0,4 = 32,5 (162,5%).
  const TargetAssessment& a = r->assessment;
  EXPECT_EQ(a.status, TargetStatus::kOnTrack);
  EXPECT_DOUBLE_EQ(*a.actual, 13);
  EXPECT_NEAR(*a.expected, 8, 1e-9);
  EXPECT_NEAR(*a.projection, 32.5, 1e-9);
  EXPECT_TRUE(a.estimate);
  EXPECT_EQ(a.explanation,
            "Lũy kế đạt 13/20 đảng viên (65,0%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến 8; "
            "dự báo cuối nhiệm kỳ đạt 33 (162,5%) (ước đạt): đúng tiến độ.");
  EXPECT_TRUE(r->error.empty());
}

TEST_F(ResolutionAssessmentTest, DrillDownToOneOrganization) {
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, Admissions(), 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Cell B: nothing in 2021, 5 in 2022, 1 in 2023: 6 ≤ 8 expected; 6 ÷ 0,4 = 15 (75%) < 17
  // (0,85 × 20): at risk.
  EXPECT_FALSE(r->years[0].value.has_value());
  EXPECT_EQ(r->years[1].value, 5);
  EXPECT_EQ(r->years[2].value, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kAtRisk);
  EXPECT_DOUBLE_EQ(*r->assessment.actual, 6);
  EXPECT_NEAR(*r->assessment.projection, 15, 1e-9);
  EXPECT_EQ(AssessTargetFor(index_, catalog_, in_, Admissions(), 99).status().key(),
            "org.not_found");
  // With the caller's tree the check does not copy the index's.
  const OrgTree tree = OrgTree::Build({Org(1, std::nullopt), Org(2, 1), Org(3, 1)}).value();
  in_.tree = &tree;
  r = AssessTargetFor(index_, catalog_, in_, Admissions(), 3);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(*r->assessment.actual, 6);
  EXPECT_EQ(AssessTargetFor(index_, catalog_, in_, Admissions(), 99).status().key(),
            "org.not_found");
}

TEST_F(ResolutionAssessmentTest, YearlyTargetFromThePreviousYear) {
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, YearlyAdmissions(), 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // 2021: 0,03 × 200 = 6 (7 met); 2022: 0,03 × 210 = 6,3 (5 missed); 2023: 0,03 × 220 = 6,6.
  EXPECT_NEAR(*r->years[0].target, 6, 1e-9);
  EXPECT_NEAR(*r->years[1].target, 6.3, 1e-9);
  EXPECT_NEAR(*r->years[2].target, 6.6, 1e-9);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNotMet);
  EXPECT_DOUBLE_EQ(*r->assessment.actual, 5);
  EXPECT_NEAR(*r->assessment.expected, 6.3, 1e-9);
  EXPECT_EQ(r->assessment.explanation,
            "Năm 2022 đạt 5 đảng viên (chỉ tiêu 6,3 đảng viên), thấp hơn chỉ tiêu của năm: không "
            "đạt.");
}

TEST_F(ResolutionAssessmentTest, AYearWithNothingReportedHasNoValueRatherThanAnError) {
  // A share of organizations: 2021 one of two cells ≥ 90 (50%), 2022 both (100%); 2023 has no
  // good_rate yet, so its counts are both empty: no value, not a division by zero.
  Target t = MakeTarget("MT4", Field::kPartyBuilding, TargetKind::kEveryYear,
                        "100 * count_if(good_rate >= 90) / count(good_rate)", 50, "%");
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, t, 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->error.empty()) << r->error;
  EXPECT_DOUBLE_EQ(*r->years[0].value, 50);
  EXPECT_DOUBLE_EQ(*r->years[1].value, 100);
  EXPECT_FALSE(r->years[2].value.has_value());
  EXPECT_NE(r->assessment.status, TargetStatus::kNoData);
}

TEST_F(ResolutionAssessmentTest, ASubtreeGetsItsShareOfACommitteeWideQuantity) {
  // Members: cell A 30, cell B 10 (committee 40). Cell B's share of "kết nạp 20 đảng viên" is
  // 20 × 10/40 = 5; it has 6 (5 in 2022, 1 in 2023): 6 ≥ 5 × 0,4 = 2 expected, projection 15.
  std::vector<Organization> orgs = {Org(1, std::nullopt), Org(2, 1), Org(3, 1)};
  orgs[1].members = 30;
  orgs[2].members = 10;
  const OrgTree tree = OrgTree::Build(orgs).value();
  in_.tree = &tree;
  in_.committee_org = 1;
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, Admissions(), 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->allocated_share.has_value());
  EXPECT_DOUBLE_EQ(*r->allocated_share, 0.25);
  EXPECT_DOUBLE_EQ(r->target.value, 5);
  EXPECT_DOUBLE_EQ(r->assessment.target_value, 5);
  EXPECT_EQ(r->assessment.status, TargetStatus::kExceeded);
  EXPECT_EQ(r->assessment.explanation.rfind(
                "Chỉ tiêu phân bổ theo tỷ lệ đảng viên (10/40): 5 đảng viên. ", 0),
            0u)
      << r->assessment.explanation;
  // A percentage is not divided; nor is anything for the committee itself.
  r = AssessTargetFor(index_, catalog_, in_, GoodRate(), 3);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->allocated_share.has_value());
  EXPECT_DOUBLE_EQ(r->target.value, 90);
  r = AssessTargetFor(index_, catalog_, in_, Admissions(), 1);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->allocated_share.has_value());
  EXPECT_DOUBLE_EQ(r->assessment.target_value, 20);
  // A target over a base scales by itself: 3% of the subtree's members, not allocated again.
  r = AssessTargetFor(index_, catalog_, in_, YearlyAdmissions(), 3);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->allocated_share.has_value());
}

TEST_F(ResolutionAssessmentTest, TargetValueFromTheStartOfTerm) {
  Target t = Admissions();
  t.value = 0;
  t.value_formula = "0.1 * term_start(members)";
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, t, 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // members in the yearly period holding 1/1/2021: 210; 0,1 × 210 = 21. 13 ÷ 21 = 61,9%;
  // expected 21 × 0,4 = 8,4; projection 32,5 (154,8%).
  EXPECT_NEAR(r->assessment.target_value, 21, 1e-9);
  EXPECT_EQ(r->assessment.status, TargetStatus::kOnTrack);
  EXPECT_NEAR(*r->assessment.expected, 8.4, 1e-9);
  EXPECT_EQ(r->assessment.explanation,
            "Lũy kế đạt 13/21 đảng viên (61,9%) sau 40,0% thời gian nhiệm kỳ, tiến độ dự kiến 8; "
            "dự báo cuối nhiệm kỳ đạt 33 (154,8%) (ước đạt): đúng tiến độ.");
}

TEST_F(ResolutionAssessmentTest, BadFormulasGiveNoData) {
  Target t = Admissions();
  t.indicator = "new_members +";
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, t, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
  EXPECT_NE(r->error.find("vị trí"), std::string::npos) << r->error;
  EXPECT_EQ(r->assessment.explanation, "Không tính được chỉ tiêu: " + r->error + ".");
  EXPECT_FALSE(r->assessment.actual.has_value());

  t.indicator = "ghost_element";
  r = AssessTargetFor(index_, catalog_, in_, t, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
  EXPECT_NE(r->error.find("ghost_element"), std::string::npos) << r->error;

  t.indicator = "";
  r = AssessTargetFor(index_, catalog_, in_, t, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
  EXPECT_EQ(r->error, "mục tiêu MT1 chưa có công thức chỉ số");

  // members − members = 0 in 2021: division by zero.
  t.indicator = "new_members / (members - members)";
  r = AssessTargetFor(index_, catalog_, in_, t, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
  EXPECT_FALSE(r->error.empty());

  t = Admissions();
  t.value_formula = "0.1 * ";
  r = AssessTargetFor(index_, catalog_, in_, t, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
  EXPECT_FALSE(r->error.empty());
}

TEST_F(ResolutionAssessmentTest, YearlyElementsWaitForTheYearEnd) {
  // "rating" is yearly and has no value yet: pending before the first year-end, no data after.
  Target t = MakeTarget("MT4", Field::kPartyBuilding, TargetKind::kEndLevel, "rating", 1, "");
  in_.as_of = Date{2021, 6, 30};
  Result<TargetResult> r = AssessTargetFor(index_, catalog_, in_, t, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assessment.status, TargetStatus::kPending);
  // A monthly element without values has no data even then.
  t.indicator = "meetings";
  r = AssessTargetFor(index_, catalog_, in_, t, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
  in_.as_of = Date{2023, 1, 1};
  t.indicator = "rating";
  r = AssessTargetFor(index_, catalog_, in_, t, 1);
  EXPECT_EQ(r->assessment.status, TargetStatus::kNoData);
}

TEST_F(ResolutionAssessmentTest, HeadlineBucketsAndFields) {
  Target bad = MakeTarget("MT5", Field::kCultureSociety, TargetKind::kEndLevel, "nothing(", 1, "");
  in_.targets = {Admissions(), YearlyAdmissions(), GoodRate(), bad};
  Result<ResolutionResult> r = AssessResolution(index_, catalog_, in_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->targets.size(), 4u);
  // MT1 on track (65%), MT2 not met (5 ÷ 6,3 = 79,4%), MT3 95 ≥ 94,5: exceeded early
  // (105,6%), MT5 no data.
  EXPECT_EQ(r->targets[0].assessment.status, TargetStatus::kOnTrack);
  EXPECT_EQ(r->targets[1].assessment.status, TargetStatus::kNotMet);
  EXPECT_EQ(r->targets[2].assessment.status, TargetStatus::kExceeded);
  EXPECT_EQ(r->targets[2].assessment.explanation,
            "Năm 2022 đạt 95%, vượt chỉ tiêu cuối nhiệm kỳ từ 90% trở lên trước thời hạn: vượt.");
  EXPECT_EQ(r->targets[3].assessment.status, TargetStatus::kNoData);
  EXPECT_FALSE(r->final);
  EXPECT_EQ(r->done, 2);
  EXPECT_EQ(r->total, 4);
  EXPECT_EQ(r->headline, "Hoàn thành 2/4 mục tiêu");
  ASSERT_EQ(r->buckets.size(), 2u);
  EXPECT_EQ(r->buckets[0].threshold, 80);
  EXPECT_EQ(r->buckets[0].count, 1);  // MT3
  EXPECT_EQ(r->buckets[1].threshold, 50);
  EXPECT_EQ(r->buckets[1].count, 3);  // MT1, MT2, MT3
  ASSERT_EQ(r->fields.size(), 3u);
  EXPECT_EQ(r->fields[0].field, Field::kEconomy);
  EXPECT_EQ(r->fields[0].done, 1);
  EXPECT_EQ(r->fields[0].total, 1);
  EXPECT_EQ(r->fields[1].field, Field::kCultureSociety);
  EXPECT_EQ(r->fields[1].done, 0);
  EXPECT_EQ(r->fields[1].total, 1);
  EXPECT_EQ(r->fields[2].field, Field::kPartyBuilding);
  EXPECT_EQ(r->fields[2].done, 1);
  EXPECT_EQ(r->fields[2].total, 2);

  // Without counting on-track targets at mid-term: only MT3.
  in_.config.mid_term_counts_on_track = false;
  r = AssessResolution(index_, catalog_, in_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->headline, "Hoàn thành 1/4 mục tiêu");

  in_.root_org = 99;
  EXPECT_EQ(AssessResolution(index_, catalog_, in_).status().key(), "org.not_found");
}

TEST_F(ResolutionAssessmentTest, EndOfTermHeadline) {
  // After the term only met and exceeded count: MT3 (95 ≥ 94,5 exceeded) of MT1 and MT3; MT1's
  // 13 of 20 is short at the end.
  in_.as_of = Date{2026, 3, 1};
  in_.targets = {Admissions(), GoodRate()};
  Result<ResolutionResult> r = AssessResolution(index_, catalog_, in_);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->final);
  EXPECT_EQ(r->targets[0].assessment.status, TargetStatus::kNotMet);
  EXPECT_EQ(r->targets[1].assessment.status, TargetStatus::kExceeded);
  EXPECT_EQ(r->headline, "Hoàn thành 1/2 mục tiêu");
}

}  // namespace
}  // namespace nq::analytics::resolution_assessment_test
