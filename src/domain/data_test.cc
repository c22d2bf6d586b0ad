#include "domain/data.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "common/time.h"

namespace nq::data_test {
namespace {

DataElement Number(std::optional<double> min = std::nullopt,
                   std::optional<double> max = std::nullopt) {
  DataElement e;
  e.id = 3;
  e.code = "admitted";
  e.name = "Số đảng viên mới được kết nạp";
  e.type = ValueType::kNumber;
  e.min = min;
  e.max = max;
  return e;
}

DataElement OfType(ValueType t) {
  DataElement e = Number();
  e.type = t;
  e.code = "x";
  e.name = "Chỉ tiêu X";
  if (t == ValueType::kCategory) e.categories = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};
  return e;
}

DataSet Monthly() {
  DataSet s;
  s.id = 1;
  s.code = "BC-THANG";
  s.name = "Báo cáo công tác xây dựng Đảng hằng tháng";
  s.period_type = PeriodType::kMonthly;
  s.element_ids = {3, 4};
  s.reporting_kinds = {OrgKind::kBaseCell, OrgKind::kBaseCommittee};
  s.deadline_days = 10;
  s.rules = {{"R1", "present <= total", "Số đảng viên dự không được lớn hơn tổng số"}};
  return s;
}

Period P(const char* id) { return *Period::Parse(id); }

// Unix seconds of a wall-clock time in Vietnam (UTC+7).
int64_t VietnamTime(const Date& d, int hour, int minute) {
  return DaysFromCivil(d) * 86400 + int64_t{hour - 7} * 3600 + int64_t{minute} * 60;
}

TEST(DataDomainTest, CodesRoundTrip) {
  for (ValueType t :
       {ValueType::kNumber, ValueType::kPercent, ValueType::kYesNo, ValueType::kCategory}) {
    EXPECT_EQ(ParseValueType(ValueTypeCode(t)), t);
    EXPECT_STRNE(ValueTypeLabel(t), "");
  }
  for (OrgAggregation a : {OrgAggregation::kSum, OrgAggregation::kAverage, OrgAggregation::kMin,
                           OrgAggregation::kMax, OrgAggregation::kCount}) {
    EXPECT_EQ(ParseOrgAggregation(OrgAggregationCode(a)), a);
  }
  for (TimeAggregation a :
       {TimeAggregation::kSum, TimeAggregation::kLast, TimeAggregation::kAverage}) {
    EXPECT_EQ(ParseTimeAggregation(TimeAggregationCode(a)), a);
  }
  for (ReportState s : {ReportState::kDraft, ReportState::kSubmitted, ReportState::kApproved}) {
    EXPECT_EQ(ParseReportState(ReportStateCode(s)), s);
  }
  EXPECT_STREQ(ValueTypeCode(ValueType::kYesNo), "yes_no");
  EXPECT_STREQ(ValueTypeLabel(ValueType::kPercent), "Tỷ lệ (%)");
  EXPECT_STREQ(ReportStateLabel(ReportState::kApproved), "Đã duyệt");
  EXPECT_STREQ(TimelinessCode(Timeliness::kNotDue), "not_due");
  EXPECT_STREQ(TimelinessLabel(Timeliness::kLate), "Trễ hạn");
  EXPECT_FALSE(ParseValueType("Number"));
  EXPECT_FALSE(ParseOrgAggregation(""));
  EXPECT_FALSE(ParseReportState("rejected"));
}

TEST(DataDomainTest, ElementCodes) {
  EXPECT_TRUE(IsValidElementCode("members_total"));
  EXPECT_TRUE(IsValidElementCode("a"));
  EXPECT_TRUE(IsValidElementCode("q3_2"));
  EXPECT_TRUE(IsValidElementCode(std::string(48, 'a')));
  EXPECT_FALSE(IsValidElementCode(std::string(49, 'a')));
  EXPECT_FALSE(IsValidElementCode(""));
  EXPECT_FALSE(IsValidElementCode("1st"));
  EXPECT_FALSE(IsValidElementCode("_x"));
  EXPECT_FALSE(IsValidElementCode("Members"));
  EXPECT_FALSE(IsValidElementCode("số"));
  EXPECT_FALSE(IsValidElementCode("a-b"));
}

TEST(DataDomainTest, ValidatesElements) {
  EXPECT_TRUE(ValidateDataElement(Number(0, 1000)).ok());
  EXPECT_TRUE(ValidateDataElement(OfType(ValueType::kCategory)).ok());
  EXPECT_TRUE(ValidateDataElement(OfType(ValueType::kYesNo)).ok());
  DataElement e = Number();
  e.code = "Bad code";
  EXPECT_EQ(ValidateDataElement(e).key(), "element.code_invalid");
  e = Number();
  e.name = "  ";
  Status st = ValidateDataElement(e);
  EXPECT_EQ(st.key(), "element.name_required");
  EXPECT_EQ(st.code(), Code::kInvalid);
  EXPECT_EQ(ValidateDataElement(Number(5, 4)).key(), "element.range_invalid");
  EXPECT_TRUE(ValidateDataElement(Number(4, 4)).ok());
  EXPECT_EQ(ValidateDataElement(Number(std::nan(""), 4)).key(), "element.range_invalid");
  e = OfType(ValueType::kPercent);
  e.min = 150;  // above the default maximum of 100
  EXPECT_EQ(ValidateDataElement(e).key(), "element.range_invalid");
  e.max = 200;
  EXPECT_TRUE(ValidateDataElement(e).ok());
  e = OfType(ValueType::kYesNo);
  e.max = 2;
  EXPECT_EQ(ValidateDataElement(e).key(), "element.range_invalid");
  e.max = 1;
  e.min = 0;
  EXPECT_TRUE(ValidateDataElement(e).ok());
  e = Number();
  e.categories = {"A"};
  EXPECT_EQ(ValidateDataElement(e).key(), "element.categories_invalid");
  e = OfType(ValueType::kCategory);
  e.categories.clear();
  EXPECT_EQ(ValidateDataElement(e).key(), "element.categories_invalid");
  e.categories = {"Tốt", " "};
  EXPECT_EQ(ValidateDataElement(e).key(), "element.categories_invalid");
  e.categories = {"HTNV", "htnv"};
  st = ValidateDataElement(e);
  EXPECT_EQ(st.key(), "element.categories_invalid");
  EXPECT_NE(st.message().find("lặp lại"), std::string::npos);
}

TEST(DataDomainTest, ParsesNumbersInVietnameseAndPlainForm) {
  const DataElement e = Number();
  const std::pair<const char*, double> cases[] = {
      {"1.234,5", 1234.5},
      {"1234.5", 1234.5},
      {"1234,5", 1234.5},
      {"1.234", 1234},
      {"12.345.678", 12345678},
      {"1,234.5", 1234.5},
      {"1,234,567", 1234567},
      {"0.125", 0.125},
      {"3.14", 3.14},
      {"1234.567", 1234.567},
      {"-3", -3},
      {"+7", 7},
      {" 42 ", 42},
      {"0", 0},
      {"-1.234,25", -1234.25},
      {"0,5", 0.5},
      {"100.000", 100000},
  };
  for (const auto& [text, want] : cases) {
    Result<double> got = ParseValue(e, text);
    ASSERT_TRUE(got.ok()) << text << ": " << got.status().ToString();
    EXPECT_DOUBLE_EQ(*got, want) << text;
  }
  for (const char* bad : {"", "abc", "1.2.3", "1,2,3", "1.23,4", "1,234,5.6", "5.", ".5", "1e5",
                          "12a", "--1", "1 234", "1234.567,8", "nan", "inf"}) {
    Result<double> got = ParseValue(e, bad);
    ASSERT_FALSE(got.ok()) << bad;
    EXPECT_EQ(got.status().key(), "value.not_number") << bad;
  }
  Status st = ParseValue(e, "mười").status();
  EXPECT_NE(st.message().find("Số đảng viên mới được kết nạp"), std::string::npos);
  EXPECT_NE(st.message().find("mười"), std::string::npos);
}

TEST(DataDomainTest, OutOfRangeNamesTheBoundsInVietnameseFormat) {
  Result<double> got = ParseValue(Number(0.5, 1234.5), "2.000");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().key(), "value.out_of_range");
  EXPECT_NE(got.status().message().find("từ 0,5 đến 1.234,5"), std::string::npos)
      << got.status().message();
  EXPECT_NE(got.status().message().find("Số đảng viên mới được kết nạp"), std::string::npos);
  EXPECT_DOUBLE_EQ(*ParseValue(Number(0.5, 1234.5), "1.234,5"), 1234.5);  // bounds inclusive
  EXPECT_DOUBLE_EQ(*ParseValue(Number(0.5, 1234.5), "0,5"), 0.5);
  got = ParseValue(Number(0), "-1");
  EXPECT_EQ(got.status().key(), "value.out_of_range");
  EXPECT_NE(got.status().message().find("không được nhỏ hơn 0"), std::string::npos);
  got = ParseValue(Number(std::nullopt, 10000), "10.001");
  EXPECT_NE(got.status().message().find("không được lớn hơn 10.000"), std::string::npos);

  const DataElement pct = OfType(ValueType::kPercent);
  EXPECT_DOUBLE_EQ(*ParseValue(pct, "92,5"), 92.5);
  EXPECT_DOUBLE_EQ(*ParseValue(pct, "92,5%"), 92.5);
  EXPECT_DOUBLE_EQ(*ParseValue(pct, "100 %"), 100);
  got = ParseValue(pct, "100,1");
  EXPECT_EQ(got.status().key(), "value.out_of_range");
  EXPECT_NE(got.status().message().find("từ 0 đến 100"), std::string::npos);
  EXPECT_EQ(ParseValue(pct, "-0,1").status().key(), "value.out_of_range");
  EXPECT_EQ(ParseValue(Number(), "5%").status().key(), "value.not_number");
  DataElement growth = pct;
  growth.min = -50;
  growth.max = 300;
  EXPECT_DOUBLE_EQ(*ParseValue(growth, "250"), 250);
}

// The parsed value, or -1 for an error (never a valid yes/no or category value).
double Or(const Result<double>& r) { return r.ok() ? *r : -1; }

TEST(DataDomainTest, ParsesYesNoAndCategories) {
  const DataElement yn = OfType(ValueType::kYesNo);
  for (const char* yes : {"có", "Có", "CÓ", "co", "yes", "YES", "1", "true", "True"}) {
    EXPECT_EQ(Or(ParseValue(yn, yes)), 1) << yes;
  }
  for (const char* no : {"không", "Không", "khong", "no", "0", "false", " FALSE "}) {
    EXPECT_EQ(Or(ParseValue(yn, no)), 0) << no;
  }
  for (const char* bad : {"", "2", "có lẽ", "y", "1,0"}) {
    EXPECT_EQ(ParseValue(yn, bad).status().key(), "value.not_yes_no") << bad;
  }
  const DataElement cat = OfType(ValueType::kCategory);
  EXPECT_EQ(Or(ParseValue(cat, "HTXSNV")), 0);
  EXPECT_EQ(Or(ParseValue(cat, "htnv")), 2);
  EXPECT_EQ(Or(ParseValue(cat, " Khtnv ")), 3);
  Result<double> got = ParseValue(cat, "XS");
  EXPECT_EQ(got.status().key(), "value.unknown_category");
  EXPECT_NE(got.status().message().find("HTXSNV, HTTNV, HTNV, KHTNV"), std::string::npos);
  DataElement viet = cat;
  viet.categories = {"Tốt", "Khá", "Trung bình", "Kém"};
  EXPECT_EQ(Or(ParseValue(viet, "tot")), 0);
  EXPECT_EQ(Or(ParseValue(viet, "trung bình")), 2);
  EXPECT_EQ(Or(ParseValue(viet, "Kém")), 3);
}

TEST(DataDomainTest, ChecksNumericValues) {
  EXPECT_TRUE(CheckValue(Number(0, 10), 10).ok());
  EXPECT_EQ(CheckValue(Number(0, 10), 10.5).key(), "value.out_of_range");
  EXPECT_EQ(CheckValue(Number(), std::nan("")).key(), "value.not_number");
  EXPECT_EQ(CheckValue(Number(), std::numeric_limits<double>::infinity()).key(),
            "value.not_number");
  EXPECT_EQ(CheckValue(OfType(ValueType::kPercent), 101).key(), "value.out_of_range");
  EXPECT_TRUE(CheckValue(OfType(ValueType::kYesNo), 1).ok());
  EXPECT_EQ(CheckValue(OfType(ValueType::kYesNo), 0.5).key(), "value.not_yes_no");
  const DataElement cat = OfType(ValueType::kCategory);
  EXPECT_TRUE(CheckValue(cat, 3).ok());
  EXPECT_EQ(CheckValue(cat, 1.5).key(), "value.not_category");
  EXPECT_EQ(CheckValue(cat, 4).key(), "value.unknown_category");
  EXPECT_EQ(CheckValue(cat, -1).key(), "value.unknown_category");
}

TEST(DataDomainTest, FormatsValuesAndReadsThemBack) {
  EXPECT_EQ(FormatValue(Number(), 1234.5), "1.234,5");
  EXPECT_EQ(FormatValue(Number(), 1234567), "1.234.567");
  EXPECT_EQ(FormatValue(Number(), -0.25), "-0,25");
  EXPECT_EQ(FormatValue(OfType(ValueType::kPercent), 92.5), "92,5");
  EXPECT_EQ(FormatValue(OfType(ValueType::kYesNo), 1), "Có");
  EXPECT_EQ(FormatValue(OfType(ValueType::kYesNo), 0), "Không");
  EXPECT_EQ(FormatValue(OfType(ValueType::kCategory), 1), "HTTNV");
  for (double v : {0.0, 1.0, 12.0, 1234.5, 1234567.0, 0.125, 3.75, -42.5, 100000.0, 999.999}) {
    EXPECT_DOUBLE_EQ(*ParseValue(Number(), FormatValue(Number(), v)), v) << v;
  }
  for (ValueType t : {ValueType::kYesNo, ValueType::kCategory}) {
    const DataElement e = OfType(t);
    for (double v : {0.0, 1.0}) EXPECT_EQ(*ParseValue(e, FormatValue(e, v)), v);
  }
}

TEST(DataDomainTest, ValidatesDataSets) {
  EXPECT_TRUE(ValidateDataSet(Monthly()).ok());
  DataSet s = Monthly();
  s.code = "báo cáo";
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.code_invalid");
  s = Monthly();
  s.name = "";
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.name_required");
  s = Monthly();
  s.element_ids.clear();
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.elements_invalid");
  s.element_ids = {3, 4, 3};
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.elements_invalid");
  s = Monthly();
  s.reporting_kinds.clear();
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.kinds_invalid");
  s = Monthly();
  s.deadline_days = 367;
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.deadline_invalid");
  s.deadline_days = -1;
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.deadline_invalid");
  s.deadline_days = 0;
  EXPECT_TRUE(ValidateDataSet(s).ok());
  s.deadline_days = 366;
  EXPECT_TRUE(ValidateDataSet(s).ok());
  s = Monthly();
  s.rules.push_back({"R2", "", "Thông báo"});
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.rule_invalid");
  s.rules.back() = {"R2", "a >= 0", " "};
  EXPECT_EQ(ValidateDataSet(s).key(), "dataset.rule_invalid");
  s.rules.back() = {"R1", "a >= 0", "Không âm"};
  Status st = ValidateDataSet(s);
  EXPECT_EQ(st.key(), "dataset.rule_invalid");
  EXPECT_NE(st.message().find("'R1'"), std::string::npos);
}

TEST(DataDomainTest, DueDateAndWhoReports) {
  DataSet s = Monthly();
  EXPECT_EQ(DueDate(s, P("2023M05")), (Date{2023, 6, 10}));
  EXPECT_EQ(DueDate(s, P("2023M12")), (Date{2024, 1, 10}));
  s.deadline_days = 0;
  EXPECT_EQ(DueDate(s, P("2023")), (Date{2023, 12, 31}));

  Organization cell;
  cell.kind = OrgKind::kBaseCell;
  cell.valid_from = {2023, 5, 31};
  s = Monthly();
  EXPECT_TRUE(Reports(s, cell, P("2023M05")));  // open on the last day
  EXPECT_FALSE(Reports(s, cell, P("2023M04")));
  cell.valid_to = Date{2023, 7, 1};
  EXPECT_TRUE(Reports(s, cell, P("2023M07")));
  EXPECT_FALSE(Reports(s, cell, P("2023M08")));
  Organization sub = cell;
  sub.kind = OrgKind::kSubCell;
  EXPECT_FALSE(Reports(s, sub, P("2023M06")));
}

TEST(DataDomainTest, TimelinessComparesTheVietnamDateWithTheDueDate) {
  const DataSet s = Monthly();
  const Period may = P("2023M05");  // due 10/6/2023
  Report r{5, 1, may, ReportState::kSubmitted, VietnamTime({2023, 6, 10}, 23, 59), 9, 0, 0};
  EXPECT_EQ(TimelinessOf(s, may, &r, {2023, 7, 1}), Timeliness::kOnTime);
  // 00:30 on 11/6 in Vietnam is still 10/6 in UTC: late all the same.
  r.submitted_at = VietnamTime({2023, 6, 11}, 0, 30);
  ASSERT_EQ(DateInVietnam(r.submitted_at), (Date{2023, 6, 11}));
  EXPECT_EQ(TimelinessOf(s, may, &r, {2023, 7, 1}), Timeliness::kLate);
  r.state = ReportState::kApproved;
  r.approved_at = VietnamTime({2023, 6, 12}, 8, 0);
  EXPECT_EQ(TimelinessOf(s, may, &r, {2023, 7, 1}), Timeliness::kLate);
  r.submitted_at = 0;  // approved without a recorded submission: the approval time counts
  r.approved_at = VietnamTime({2023, 6, 1}, 8, 0);
  EXPECT_EQ(TimelinessOf(s, may, &r, {2023, 7, 1}), Timeliness::kOnTime);

  EXPECT_EQ(TimelinessOf(s, may, nullptr, {2023, 6, 10}), Timeliness::kNotDue);
  EXPECT_EQ(TimelinessOf(s, may, nullptr, {2023, 6, 11}), Timeliness::kMissing);
  Report draft{5, 1, may, ReportState::kDraft, 0, 0, 0, 0};
  EXPECT_EQ(TimelinessOf(s, may, &draft, {2023, 5, 20}), Timeliness::kNotDue);
  EXPECT_EQ(TimelinessOf(s, may, &draft, {2023, 6, 30}), Timeliness::kMissing);
}

}  // namespace
}  // namespace nq::data_test
