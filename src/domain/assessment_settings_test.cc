#include "domain/assessment_settings.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace nq::assessment_settings_test {
namespace {

TEST(AssessmentSettingsTest, DefaultsAreDesignMd) {
  const AssessmentSettings s;
  EXPECT_DOUBLE_EQ(s.behind_floor, 0.85);
  EXPECT_DOUBLE_EQ(s.exceed_margin, 0.05);
  EXPECT_EQ(s.buckets, (std::vector<double>{80, 50}));
  EXPECT_TRUE(s.mid_term_counts_on_track);
  EXPECT_TRUE(ValidateAssessmentSettings(s).ok());
}

TEST(AssessmentSettingsTest, BehindFloorFrom50To100Percent) {
  AssessmentSettings s;
  for (double ok : {0.5, 0.7, 1.0}) {
    s.behind_floor = ok;
    EXPECT_TRUE(ValidateAssessmentSettings(s).ok()) << ok;
  }
  for (double bad : {0.49, 1.01, 85.0, -0.85, std::nan("")}) {
    s.behind_floor = bad;
    const Status st = ValidateAssessmentSettings(s);
    EXPECT_EQ(st.key(), "settings.behind_floor_invalid") << bad;
    EXPECT_EQ(st.code(), Code::kInvalid);
  }
  s.behind_floor = 1.2;
  EXPECT_EQ(ValidateAssessmentSettings(s).message(),
            "Ngưỡng chậm tiến độ phải từ 50% đến 100% của chỉ tiêu (đã nhập 120%)");
}

TEST(AssessmentSettingsTest, ExceedMarginFrom0To50Percent) {
  AssessmentSettings s;
  for (double ok : {0.0, 0.1, 0.5}) {
    s.exceed_margin = ok;
    EXPECT_TRUE(ValidateAssessmentSettings(s).ok()) << ok;
  }
  for (double bad : {-0.01, 0.51, std::numeric_limits<double>::infinity()}) {
    s.exceed_margin = bad;
    EXPECT_EQ(ValidateAssessmentSettings(s).key(), "settings.exceed_margin_invalid") << bad;
  }
  s.exceed_margin = 0.625;
  EXPECT_EQ(ValidateAssessmentSettings(s).message(),
            "Mức vượt chỉ tiêu phải từ 0% đến 50% (đã nhập 62,5%)");
}

TEST(AssessmentSettingsTest, OneToFiveDistinctBucketsAbove0UpTo100) {
  AssessmentSettings s;
  s.buckets = {100};
  EXPECT_TRUE(ValidateAssessmentSettings(s).ok());
  s.buckets = {50, 80, 90, 62.5, 0.5};  // any order
  EXPECT_TRUE(ValidateAssessmentSettings(s).ok());
  s.buckets = {};
  EXPECT_EQ(ValidateAssessmentSettings(s).key(), "settings.buckets_invalid");
  EXPECT_EQ(ValidateAssessmentSettings(s).message(), "Cần từ 1 đến 5 mức tỷ lệ đạt (đã nhập 0)");
  s.buckets = {90, 80, 70, 60, 50, 40};
  EXPECT_EQ(ValidateAssessmentSettings(s).key(), "settings.buckets_invalid");
  for (double bad : {0.0, -10.0, 100.5, std::nan("")}) {
    s.buckets = {80, bad};
    EXPECT_EQ(ValidateAssessmentSettings(s).key(), "settings.buckets_invalid") << bad;
  }
  s.buckets = {80, 120};
  EXPECT_EQ(ValidateAssessmentSettings(s).message(),
            "Mức tỷ lệ đạt phải lớn hơn 0% và không quá 100% (đã nhập 120%)");
  s.buckets = {80, 50, 80};
  EXPECT_EQ(ValidateAssessmentSettings(s).key(), "settings.buckets_invalid");
  EXPECT_EQ(ValidateAssessmentSettings(s).message(), "Mức tỷ lệ đạt 80% bị lặp");
}

TEST(AssessmentSettingsTest, SortsBucketsDescending) {
  AssessmentSettings s;
  s.buckets = {50, 90, 62.5};
  EXPECT_EQ(WithSortedBuckets(s).buckets, (std::vector<double>{90, 62.5, 50}));
  EXPECT_EQ(WithSortedBuckets(s).behind_floor, s.behind_floor);
}

TEST(AssessmentSettingsTest, FractionToPercentHasNoBinaryNoise) {
  EXPECT_EQ(FractionToPercent(0.07), 7);
  EXPECT_EQ(FractionToPercent(0.85), 85);
  EXPECT_EQ(FractionToPercent(0.575), 57.5);
  EXPECT_EQ(FractionToPercent(0), 0);
  EXPECT_NE(0.07 * 100, 7.0);  // what the rounding is for
}

}  // namespace
}  // namespace nq::assessment_settings_test
