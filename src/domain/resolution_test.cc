#include "domain/resolution.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace nq::resolution_test {
namespace {

Target Admissions() {
  Target t;
  t.code = "MT5";
  t.text = "Hằng năm kết nạp từ 3% trở lên so với tổng số đảng viên đầu nhiệm kỳ";
  t.field = Field::kPartyBuilding;
  t.comparator = Comparator::kAtLeast;
  t.kind = TargetKind::kEveryYear;
  t.value = 3;
  t.unit = "%";
  return t;
}

TEST(ResolutionTest, MidPointOfTheTerm) {
  Term t;
  t.name = "Nhiệm kỳ 2020 - 2025";
  t.start = Date{2020, 10, 1};
  t.end = Date{2025, 9, 30};
  EXPECT_EQ(MidPoint(t), (Date{2023, 4, 1}));  // 1,825 days, 912 after the start
  t.start = Date{2023, 1, 1};
  t.end = Date{2023, 1, 3};
  EXPECT_EQ(MidPoint(t), (Date{2023, 1, 2}));
}

TEST(ResolutionTest, ValidatesTerms) {
  Term t;
  t.name = "Nhiệm kỳ 2020 - 2025";
  EXPECT_TRUE(ValidateTerm(t).ok());
  t.end = t.start;
  EXPECT_EQ(ValidateTerm(t).key(), "term.dates_invalid");
  t.end = Date{2025, 12, 31};
  t.name = "";
  EXPECT_EQ(ValidateTerm(t).key(), "term.name_required");
  EXPECT_EQ(ValidateTerm(t).message(), "Tên nhiệm kỳ không được để trống");
}

TEST(ResolutionTest, ValidatesResolutions) {
  Resolution r;
  r.number = "01-NQ/ĐUK";
  r.title = "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII, nhiệm kỳ 2020 - 2025";
  EXPECT_TRUE(ValidateResolution(r).ok());
  r.number = " ";
  EXPECT_EQ(ValidateResolution(r).key(), "resolution.number_required");
  EXPECT_NE(ValidateResolution(r).message().find("Số và ký hiệu"), std::string::npos);
  r.number = "01-NQ/ĐUK";
  r.adopted = Date{2020, 2, 30};
  EXPECT_EQ(ValidateResolution(r).key(), "resolution.adopted_invalid");
}

TEST(ResolutionTest, EnumCodesRoundTrip) {
  for (Field f : {Field::kEconomy, Field::kCultureSociety, Field::kDefenceSecurity,
                  Field::kPartyBuilding}) {
    EXPECT_EQ(ParseField(FieldCode(f)), f);
  }
  for (TargetKind k : {TargetKind::kEndLevel, TargetKind::kCumulative, TargetKind::kEveryYear,
                       TargetKind::kAverage}) {
    EXPECT_EQ(ParseTargetKind(TargetKindCode(k)), k);
    EXPECT_STRNE(TargetKindLabel(k), "");
  }
  for (Comparator c :
       {Comparator::kAtLeast, Comparator::kAtMost, Comparator::kRange, Comparator::kYesNo}) {
    EXPECT_EQ(ParseComparator(ComparatorCode(c)), c);
  }
  for (ResolutionTaskKind k : {ResolutionTaskKind::kBreakthrough, ResolutionTaskKind::kKey}) {
    EXPECT_EQ(ParseResolutionTaskKind(ResolutionTaskKindCode(k)), k);
  }
  EXPECT_STREQ(FieldLabel(Field::kCultureSociety), "Văn hóa - xã hội");
  EXPECT_FALSE(ParseField("party"));
  EXPECT_FALSE(ParseTargetKind(""));
  EXPECT_FALSE(ParseComparator(">="));
}

TEST(ResolutionTest, ValidatesTargets) {
  EXPECT_TRUE(ValidateTarget(Admissions()).ok());
  Target t = Admissions();
  t.code = "";
  EXPECT_EQ(ValidateTarget(t).key(), "target.code_required");
  t = Admissions();
  t.text = "";
  EXPECT_EQ(ValidateTarget(t).key(), "target.text_required");
  t = Admissions();
  t.value = 120;
  EXPECT_EQ(ValidateTarget(t).key(), "target.percent_invalid");
  t.value_formula = "0.03 * members@term_start";  // a formula is not a percentage value
  EXPECT_TRUE(ValidateTarget(t).ok());
  t = Admissions();
  t.value = NAN;
  EXPECT_EQ(ValidateTarget(t).key(), "target.value_invalid");
}

TEST(ResolutionTest, ValidatesRangeTargets) {
  Target t = Admissions();
  t.comparator = Comparator::kRange;
  t.value = 7;
  EXPECT_EQ(ValidateTarget(t).key(), "target.range_invalid");  // no high end
  t.value_high = 7.5;
  EXPECT_TRUE(ValidateTarget(t).ok());
  t.value_high = 6.5;
  EXPECT_EQ(ValidateTarget(t).key(), "target.range_invalid");
  t.value_high = 101;
  EXPECT_EQ(ValidateTarget(t).key(), "target.percent_invalid");
  t.unit = "đảng viên";  // "kết nạp từ 30–35 đảng viên"
  t.value = 30;
  t.value_high = 35;
  EXPECT_TRUE(ValidateTarget(t).ok());
}

TEST(ResolutionTest, ValidatesYesNoTargets) {
  Target t = Admissions();
  t.comparator = Comparator::kYesNo;
  t.unit = "";
  t.value = 1;
  EXPECT_TRUE(ValidateTarget(t).ok());
  t.value = 2;
  EXPECT_EQ(ValidateTarget(t).key(), "target.value_invalid");
}

TEST(ResolutionTest, ValidatesTasks) {
  ResolutionTask task;
  task.title = "Nâng cao chất lượng sinh hoạt chi bộ";
  task.target_codes = {"MT1", "MT5"};
  EXPECT_TRUE(ValidateResolutionTask(task).ok());
  task.target_codes.push_back(" ");
  EXPECT_EQ(ValidateResolutionTask(task).key(), "task.target_invalid");
  task.target_codes.clear();
  task.title = "";
  EXPECT_EQ(ValidateResolutionTask(task).key(), "task.title_required");
}

}  // namespace
}  // namespace nq::resolution_test
