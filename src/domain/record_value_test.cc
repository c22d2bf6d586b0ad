#include "domain/record_value.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::record_value_test {
namespace {

FieldDef Of(FieldType type) {
  FieldDef f;
  f.code = "x";
  f.label = "Trường X";
  f.type = type;
  return f;
}

FieldDef Quality() {
  FieldDef f = Of(FieldType::kCategory);
  f.label = "Tự đánh giá chất lượng";
  f.options = {{"good", "Tốt"}, {"fair", "Khá"}, {"average", "Trung bình"}, {"poor", "Kém"}};
  return f;
}

FieldDef Rating() {
  FieldDef f = Of(FieldType::kCategory);
  f.options = {{"HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"}, {"pass", "Đạt"}, {"fail", "Không đạt"}};
  return f;
}

FieldValue Parsed(const FieldDef& f, std::string_view text) {
  Result<FieldValue> v = ParseFieldText(f, text);
  EXPECT_TRUE(v.ok()) << text << ": " << v.status().ToString();
  return v.ok() ? *v : FieldValue(std::string("<error>"));
}

std::string ErrorKey(const FieldDef& f, std::string_view text) {
  return ParseFieldText(f, text).status().key();
}

TEST(RecordValueTest, Numbers) {
  const FieldDef f = Of(FieldType::kNumber);
  EXPECT_EQ(Parsed(f, "1.234,5"), FieldValue(1234.5));
  EXPECT_EQ(Parsed(f, " 1234.5 "), FieldValue(1234.5));
  EXPECT_EQ(Parsed(f, "1.234"), FieldValue(1234.0));  // a thousands separator
  EXPECT_EQ(Parsed(f, "-3"), FieldValue(-3.0));
  const Status bad = ParseFieldText(f, "mười").status();
  EXPECT_EQ(bad.key(), "record.not_number");
  EXPECT_EQ(bad.message(), "'Trường X' phải là một số (ví dụ 1.234,5), không phải 'mười'");
  EXPECT_EQ(ErrorKey(f, "1,2,3"), "record.not_number");
}

TEST(RecordValueTest, Dates) {
  const FieldDef f = Of(FieldType::kDate);
  const FieldValue may17(Date{2023, 5, 17});
  EXPECT_EQ(Parsed(f, "17/5/2023"), may17);
  EXPECT_EQ(Parsed(f, "17/05/2023"), may17);
  EXPECT_EQ(Parsed(f, "2023-05-17"), may17);
  EXPECT_EQ(ErrorKey(f, "29/2/2023"), "record.not_date");  // not a leap year
  EXPECT_EQ(Parsed(f, "29/2/2024"), FieldValue(Date{2024, 2, 29}));
  EXPECT_EQ(ErrorKey(f, "2023/05/17"), "record.not_date");
  EXPECT_EQ(ErrorKey(f, "5/17/2023"), "record.not_date");  // month 17
}

TEST(RecordValueTest, YesNo) {
  const FieldDef f = Of(FieldType::kYesNo);
  for (const char* yes : {"có", "Có", "CÓ", "co", "x", "X", "1", "yes", "co\xcc\x81"}) {
    EXPECT_EQ(Parsed(f, yes), FieldValue(true)) << yes;
  }
  for (const char* no : {"không", "Khong", "KHÔNG", "0", "no", "kho\xcc\x82ng"}) {
    EXPECT_EQ(Parsed(f, no), FieldValue(false)) << no;
  }
  EXPECT_EQ(ErrorKey(f, "có lẽ"), "record.not_yes_no");
  EXPECT_EQ(ErrorKey(f, "xx"), "record.not_yes_no");
}

TEST(RecordValueTest, CategoryByCodeOrLabel) {
  const FieldDef q = Quality();
  EXPECT_EQ(Parsed(q, "average"), FieldValue(OptionRef{"average"}));
  EXPECT_EQ(Parsed(q, "AVERAGE"), FieldValue(OptionRef{"average"}));
  EXPECT_EQ(Parsed(q, "Trung bình"), FieldValue(OptionRef{"average"}));
  EXPECT_EQ(Parsed(q, "trung binh"), FieldValue(OptionRef{"average"}));
  EXPECT_EQ(Parsed(q, "TRUNG BÌNH"), FieldValue(OptionRef{"average"}));
  EXPECT_EQ(Parsed(q, "tot"), FieldValue(OptionRef{"good"}));
  EXPECT_EQ(Parsed(q, "Kha"), FieldValue(OptionRef{"fair"}));
  EXPECT_EQ(Parsed(q, "kém"), FieldValue(OptionRef{"poor"}));
  // Decomposed input: "Tốt" as T, o, U+0302 (circumflex), U+0301 (acute), t.
  EXPECT_EQ(Parsed(q, "To\xcc\x82\xcc\x81t"), FieldValue(OptionRef{"good"}));
  const Status bad = ParseFieldText(q, "Xuất sắc").status();
  EXPECT_EQ(bad.key(), "record.unknown_option");
  EXPECT_EQ(bad.message(),
            "'Tự đánh giá chất lượng' phải là một trong: Tốt, Khá, Trung bình, Kém, không phải "
            "'Xuất sắc'");
}

TEST(RecordValueTest, CategoryDAndToneInsensitive) {
  const FieldDef r = Rating();
  EXPECT_EQ(Parsed(r, "đạt"), FieldValue(OptionRef{"pass"}));
  EXPECT_EQ(Parsed(r, "ĐẠT"), FieldValue(OptionRef{"pass"}));
  EXPECT_EQ(Parsed(r, "dat"), FieldValue(OptionRef{"pass"}));
  EXPECT_EQ(Parsed(r, "DAT"), FieldValue(OptionRef{"pass"}));
  EXPECT_EQ(Parsed(r, "khong dat"), FieldValue(OptionRef{"fail"}));
  EXPECT_EQ(Parsed(r, "htxsnv"), FieldValue(OptionRef{"HTXSNV"}));
  EXPECT_EQ(ErrorKey(r, "không"), "record.unknown_option");  // a word, not a label
}

TEST(RecordValueTest, Organizations) {
  const FieldDef f = Of(FieldType::kOrganization);
  EXPECT_EQ(Parsed(f, "42"), FieldValue(OrgRef{42}));
  EXPECT_EQ(ErrorKey(f, "0"), "record.not_organization");
  EXPECT_EQ(ErrorKey(f, "-3"), "record.not_organization");
  EXPECT_EQ(ErrorKey(f, "DUK.STC"), "record.not_organization");
  const OrgLookup orgs = [](std::string_view code) -> std::optional<int64_t> {
    if (code == "DUK.STC") return 7;
    return std::nullopt;
  };
  EXPECT_EQ(*ParseFieldText(f, " DUK.STC ", orgs), FieldValue(OrgRef{7}));
  EXPECT_EQ(*ParseFieldText(f, "42", orgs), FieldValue(OrgRef{42}));
  EXPECT_EQ(ParseFieldText(f, "DUK.XYZ", orgs).status().key(), "record.not_organization");
}

TEST(RecordValueTest, TextIsTrimmed) {
  EXPECT_EQ(Parsed(Of(FieldType::kMember), "  Nguyễn Văn An "),
            FieldValue(std::string("Nguyễn Văn An")));
  EXPECT_EQ(Parsed(Of(FieldType::kDocument), "01-NQ/ĐUK"), FieldValue(std::string("01-NQ/ĐUK")));
}

TEST(RecordValueTest, HoldsType) {
  EXPECT_TRUE(HoldsType(FieldType::kMember, FieldValue(std::string("An"))));
  EXPECT_TRUE(HoldsType(FieldType::kCategory, FieldValue(OptionRef{"a"})));
  EXPECT_FALSE(HoldsType(FieldType::kCategory, FieldValue(std::string("a"))));
  EXPECT_FALSE(HoldsType(FieldType::kNumber, FieldValue(true)));
  EXPECT_FALSE(HoldsType(FieldType::kOrganization, FieldValue(42.0)));
  EXPECT_TRUE(HoldsType(FieldType::kOrganization, FieldValue(OrgRef{42})));
}

TEST(RecordValueTest, NumericValue) {
  const FieldDef date = Of(FieldType::kDate);
  EXPECT_EQ(NumericValue(date, FieldValue(Date{1970, 1, 11})), 10.0);
  EXPECT_EQ(*NumericValue(date, FieldValue(Date{2023, 5, 17})) -
                *NumericValue(date, FieldValue(Date{2023, 5, 1})),
            16.0);
  EXPECT_FALSE(NumericValue(date, FieldValue(Date{2023, 2, 30})));
  EXPECT_FALSE(NumericValue(date, FieldValue(3.0)));  // wrong type
  EXPECT_EQ(NumericValue(Of(FieldType::kYesNo), FieldValue(true)), 1.0);
  EXPECT_EQ(NumericValue(Of(FieldType::kNumber), FieldValue(2.5)), 2.5);
  EXPECT_EQ(NumericValue(Quality(), FieldValue(OptionRef{"average"})), 2.0);
  EXPECT_FALSE(NumericValue(Quality(), FieldValue(OptionRef{"excellent"})));
  EXPECT_FALSE(NumericValue(Of(FieldType::kText), FieldValue(std::string("5"))));
  EXPECT_FALSE(NumericValue(Of(FieldType::kOrganization), FieldValue(OrgRef{5})));
}

TEST(RecordValueTest, FormatReadsBack) {
  EXPECT_EQ(FormatFieldValue(Of(FieldType::kNumber), FieldValue(1234.5)), "1.234,5");
  EXPECT_EQ(FormatFieldValue(Of(FieldType::kDate), FieldValue(Date{2023, 5, 7})), "7/5/2023");
  EXPECT_EQ(FormatFieldValue(Of(FieldType::kYesNo), FieldValue(false)), "Không");
  EXPECT_EQ(FormatFieldValue(Quality(), FieldValue(OptionRef{"average"})), "Trung bình");
  EXPECT_EQ(FormatFieldValue(Quality(), FieldValue(OptionRef{"gone"})), "gone");
  EXPECT_EQ(FormatFieldValue(Of(FieldType::kOrganization), FieldValue(OrgRef{12})), "12");

  const std::pair<FieldDef, FieldValue> cases[] = {
      {Of(FieldType::kNumber), FieldValue(-1234567.25)},
      {Of(FieldType::kNumber), FieldValue(0.125)},
      {Of(FieldType::kDate), FieldValue(Date{2024, 12, 31})},
      {Of(FieldType::kYesNo), FieldValue(true)},
      {Quality(), FieldValue(OptionRef{"poor"})},
      {Rating(), FieldValue(OptionRef{"fail"})},
      {Of(FieldType::kOrganization), FieldValue(OrgRef{99})},
      {Of(FieldType::kText), FieldValue(std::string("Học tập và làm theo"))},
  };
  for (const auto& [f, v] : cases) {
    const std::string shown = FormatFieldValue(f, v);
    EXPECT_EQ(Parsed(f, shown), v) << shown;
  }
}

TEST(RecordValueTest, CanonicalText) {
  EXPECT_EQ(CanonicalText(FieldValue(1234.5)), "1234.5");
  EXPECT_EQ(CanonicalText(FieldValue(0.1)), "0.1");
  EXPECT_EQ(CanonicalText(FieldValue(-3.0)), "-3");
  EXPECT_EQ(CanonicalText(FieldValue(Date{2023, 5, 7})), "2023-05-07");
  EXPECT_EQ(CanonicalText(FieldValue(true)), "1");
  EXPECT_EQ(CanonicalText(FieldValue(OptionRef{"HTXSNV"})), "HTXSNV");
  EXPECT_EQ(CanonicalText(FieldValue(OrgRef{42})), "42");

  const std::pair<FieldType, FieldValue> cases[] = {
      {FieldType::kNumber, FieldValue(1.0 / 3)},
      {FieldType::kNumber, FieldValue(1e300)},
      {FieldType::kDate, FieldValue(Date{2020, 2, 29})},
      {FieldType::kYesNo, FieldValue(false)},
      {FieldType::kCategory, FieldValue(OptionRef{"not_kept"})},
      {FieldType::kOrganization, FieldValue(OrgRef{7})},
      {FieldType::kMember, FieldValue(std::string("Trần Thị Bình"))},
  };
  for (const auto& [t, v] : cases) {
    Result<FieldValue> back = ParseCanonical(t, CanonicalText(v));
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, v) << CanonicalText(v);
  }
  EXPECT_EQ(ParseCanonical(FieldType::kNumber, "1.234,5").status().key(),
            "record.bad_stored_value");
  EXPECT_EQ(ParseCanonical(FieldType::kNumber, "inf").status().key(), "record.bad_stored_value");
  EXPECT_EQ(ParseCanonical(FieldType::kDate, "17/5/2023").status().key(),
            "record.bad_stored_value");
  EXPECT_EQ(ParseCanonical(FieldType::kYesNo, "yes").status().key(), "record.bad_stored_value");
  EXPECT_EQ(ParseCanonical(FieldType::kCategory, "a b").status().key(), "record.bad_stored_value");
  EXPECT_EQ(ParseCanonical(FieldType::kOrganization, "0").status().key(),
            "record.bad_stored_value");
}

TEST(RecordValueTest, CleanText) {
  EXPECT_TRUE(IsCleanText("Dòng 1\r\nDòng 2\t.", true));
  EXPECT_FALSE(IsCleanText("Dòng 1\nDòng 2", false));
  EXPECT_FALSE(IsCleanText("a\x01", true));
  EXPECT_FALSE(IsCleanText("a\x7f", true));
  EXPECT_FALSE(IsCleanText("\xc3\x28", true));  // not UTF-8
  EXPECT_TRUE(IsCleanText("", false));
}

}  // namespace
}  // namespace nq::record_value_test
