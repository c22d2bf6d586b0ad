#include "domain/record_type.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "domain/record_test_util.h"

namespace nq::record_type_test {
namespace {

using record_testing::FieldOf;
using record_testing::MeetingType;
using record_testing::TestField;

RecordType Meeting() { return MeetingType(); }

std::string KeyOf(const RecordType& t) { return ValidateRecordType(t).key(); }

TEST(RecordTypeTest, FieldTypeCodesRoundTrip) {
  for (FieldType t :
       {FieldType::kText, FieldType::kNumber, FieldType::kDate, FieldType::kYesNo,
        FieldType::kCategory, FieldType::kOrganization, FieldType::kMember, FieldType::kDocument}) {
    EXPECT_EQ(ParseFieldType(FieldTypeCode(t)), t) << FieldTypeCode(t);
    EXPECT_STRNE(FieldTypeLabel(t), "");
  }
  EXPECT_STREQ(FieldTypeCode(FieldType::kYesNo), "yes_no");
  EXPECT_STREQ(FieldTypeLabel(FieldType::kDocument), "Số, ký hiệu văn bản");
  EXPECT_FALSE(ParseFieldType("Text"));
  EXPECT_EQ(ParseRecordPrivacy("personal"), RecordPrivacy::kPersonal);
  EXPECT_EQ(ParseRecordPrivacy("open"), RecordPrivacy::kOpen);
  EXPECT_FALSE(ParseRecordPrivacy("private"));
}

TEST(RecordTypeTest, AcceptsAValidType) {
  const RecordType t = Meeting();
  EXPECT_TRUE(ValidateRecordType(t).ok()) << ValidateRecordType(t).ToString();
  ASSERT_NE(t.Current(), nullptr);
  EXPECT_EQ(t.Version(1), t.Current());
  EXPECT_EQ(t.Version(2), nullptr);
  EXPECT_EQ(t.Current()->Find("total")->label, "Tổng số đảng viên");
  EXPECT_EQ(t.Current()->Find("absent"), nullptr);
}

TEST(RecordTypeTest, TypeCodeAndName) {
  RecordType t = Meeting();
  for (const char* bad : {"", "Cell", "1cell", "cell-meeting", "họp"}) {
    t.code = bad;
    EXPECT_EQ(KeyOf(t), "record_type.code_invalid") << bad;
  }
  t.code = std::string(48, 'a');
  EXPECT_TRUE(ValidateRecordType(t).ok());
  t.code = std::string(49, 'a');
  EXPECT_EQ(KeyOf(t), "record_type.code_invalid");

  t = Meeting();
  t.name = "   ";
  EXPECT_EQ(KeyOf(t), "record_type.name_required");
  t.name = "Sinh hoạt\nchi bộ";
  EXPECT_EQ(KeyOf(t), "record_type.name_invalid");
  t.name = "\xff";
  EXPECT_EQ(KeyOf(t), "record_type.name_invalid");
  std::string name;
  for (int i = 0; i < 255; ++i) name += "đ";  // 255 code points, 510 bytes
  t.name = name;
  EXPECT_TRUE(ValidateRecordType(t).ok());
  t.name = name + "a";
  EXPECT_EQ(KeyOf(t), "record_type.name_too_long");
}

TEST(RecordTypeTest, VersionsAreNumberedOneToN) {
  RecordType t = Meeting();
  t.versions.clear();
  EXPECT_EQ(KeyOf(t), "record_type.versions_invalid");
  t = Meeting();
  t.versions[0].number = 2;
  EXPECT_EQ(KeyOf(t), "record_type.versions_invalid");
  t = Meeting();
  t.versions.push_back(t.versions[0]);
  EXPECT_EQ(KeyOf(t), "record_type.versions_invalid");  // 1, 1
  t.versions[1].number = 2;
  EXPECT_TRUE(ValidateRecordType(t).ok());
  t.versions[0].fields.clear();
  EXPECT_EQ(KeyOf(t), "record_type.fields_invalid");
}

TEST(RecordTypeTest, FieldCodesAndLabels) {
  RecordType t = Meeting();
  FieldDef& topics = t.versions[0].fields[4];
  for (const char* bad : {"Topics", "_topics", "and", "not", "nội_dung"}) {
    topics.code = bad;
    EXPECT_EQ(KeyOf(t), "record_type.field_code_invalid") << bad;
  }
  topics.code = "total";
  const Status taken = ValidateRecordType(t);
  EXPECT_EQ(taken.key(), "record_type.field_code_taken");
  EXPECT_NE(taken.message().find("'total'"), std::string::npos) << taken.message();

  t = Meeting();
  t.versions[0].fields[4].label = " ";
  EXPECT_EQ(KeyOf(t), "record_type.field_label_invalid");
  // Equal to "Số đảng viên dự" ignoring case and diacritics.
  t.versions[0].fields[4].label = "SO DANG VIEN DU";
  const Status same = ValidateRecordType(t);
  EXPECT_EQ(same.key(), "record_type.field_label_taken");
  EXPECT_NE(same.message().find("'present' và 'topics'"), std::string::npos) << same.message();
  t.versions[0].fields[4].label = "Nội dung";
  t.versions[0].fields[4].help = std::string(1001, 'x');
  EXPECT_EQ(KeyOf(t), "record_type.field_label_invalid");
  t.versions[0].fields[4].help = std::string(1000, 'x');
  EXPECT_TRUE(ValidateRecordType(t).ok());
}

TEST(RecordTypeTest, Bounds) {
  RecordType t = Meeting();
  FieldDef& total = t.versions[0].fields[3];
  total.min = 5;
  total.max = 4;
  const Status crossed = ValidateRecordType(t);
  EXPECT_EQ(crossed.key(), "record_type.field_bounds_invalid");
  EXPECT_NE(crossed.message().find("'Tổng số đảng viên' (phiên bản 1)"), std::string::npos)
      << crossed.message();
  total.max = 5;  // min == max is a fixed value, allowed
  EXPECT_TRUE(ValidateRecordType(t).ok());
  total.max = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(KeyOf(t), "record_type.field_bounds_invalid");
  total.max.reset();
  total.max_length = 10;
  EXPECT_EQ(KeyOf(t), "record_type.field_bounds_invalid");

  t = Meeting();
  FieldDef& topics = t.versions[0].fields[4];
  topics.min = 0;
  EXPECT_EQ(KeyOf(t), "record_type.field_bounds_invalid");
  topics.min.reset();
  topics.whole = true;
  EXPECT_EQ(KeyOf(t), "record_type.field_bounds_invalid");
  topics.whole = false;
  topics.max_length = kMaxTextLength;
  EXPECT_TRUE(ValidateRecordType(t).ok());
  topics.max_length = kMaxTextLength + 1;
  EXPECT_EQ(KeyOf(t), "record_type.field_bounds_invalid");
  topics.max_length = -1;
  EXPECT_EQ(KeyOf(t), "record_type.field_bounds_invalid");
}

TEST(RecordTypeTest, CategoryOptions) {
  RecordType t = Meeting();
  FieldDef& kind = t.versions[0].fields[0];
  kind.options.clear();
  EXPECT_EQ(KeyOf(t), "record_type.options_invalid");
  kind.options = {{"regular", "Thường kỳ"}, {"Regular", "Khác"}};
  EXPECT_EQ(KeyOf(t), "record_type.options_invalid");  // codes equal ignoring case
  kind.options = {{"regular", "Thường kỳ"}, {"other", "THUONG KY"}};
  EXPECT_EQ(KeyOf(t), "record_type.options_invalid");  // labels equal ignoring diacritics
  kind.options = {{"regular", "Thường kỳ"}, {"the-matic", "Chuyên đề"}};
  EXPECT_EQ(KeyOf(t), "record_type.options_invalid");
  kind.options = {{"regular", "Thường kỳ"}, {"thematic", ""}};
  EXPECT_EQ(KeyOf(t), "record_type.options_invalid");
  kind.options = {{"regular", "Thường kỳ"}, {"HTXSNV", "Chuyên đề"}};
  EXPECT_TRUE(ValidateRecordType(t).ok());

  t = Meeting();
  t.versions[0].fields[4].options = {{"a", "A"}};  // options on a text field
  EXPECT_EQ(KeyOf(t), "record_type.options_invalid");
}

TEST(RecordTypeTest, OptionLookups) {
  const FieldDef kind = MeetingType().versions[0].fields[0];
  EXPECT_EQ(OptionIndex(kind, "thematic"), 1U);
  EXPECT_EQ(OptionIndex(kind, "THEMATIC"), 1U);
  EXPECT_FALSE(OptionIndex(kind, "Chuyên đề"));  // codes only, not labels
  EXPECT_EQ(FindOption(kind, "regular")->label, "Thường kỳ");
  EXPECT_EQ(FindOption(kind, "Regular"), nullptr);  // exact
  EXPECT_EQ(MaxLengthOf(TestField("a", "A", FieldType::kText)), kDefaultTextLength);
  EXPECT_EQ(MaxLengthOf(TestField("a", "A", FieldType::kMember)), kDefaultNameLength);
  EXPECT_EQ(MaxLengthOf(FieldOf(MeetingType().versions[0], "topics")), 10);
}

TEST(RecordTypeTest, RulesMustParseAndNameUsableFields) {
  RecordType t = Meeting();
  ValidationRule& rule = t.versions[0].rules[0];
  auto message_of = [&](const char* condition) {
    rule.condition = condition;
    const Status s = ValidateRecordType(t);
    EXPECT_EQ(s.key(), "record_type.rule_invalid") << condition;
    return s.message();
  };
  // "present <= " is 11 characters: the parser expects a value at position 12.
  EXPECT_EQ(message_of("present <= ").rfind("Quy tắc 'R1': Lỗi công thức ở vị trí 12: ", 0), 0U)
      << message_of("present <= ");
  const std::string unknown = message_of("present <= members");
  EXPECT_NE(unknown.find("vị trí 12"), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("'members'"), std::string::npos) << unknown;
  EXPECT_NE(message_of("topics == 1").find("'Nội dung'"), std::string::npos);
  EXPECT_NE(message_of("chair == 1").find("'Chủ trì'"), std::string::npos);
  message_of("org > 0");
  message_of("sum(present) > 0");
  message_of("present == \"regular\"");      // a string beside a number field
  message_of("kind == \"monthly\"");         // not an option code
  message_of("kind == \"Chuyên đề\"");       // a label, not a code
  message_of("(kind + 1) == \"regular\"");   // not a field
  message_of("if(\"regular\", 1, 0) == 1");  // a string outside a comparison

  for (const char* good : {"kind == \"thematic\" or present >= 3", "\"THEMATIC\" != kind",
                           "held_on >= 19000", "if(kind == \"regular\", present, 0) <= total"}) {
    rule.condition = good;
    EXPECT_TRUE(ValidateRecordType(t).ok()) << good << ": " << ValidateRecordType(t).ToString();
  }
  rule.message = "";
  EXPECT_EQ(KeyOf(t), "record_type.rule_invalid");
  t = Meeting();
  t.versions[0].rules.push_back(t.versions[0].rules[0]);
  EXPECT_EQ(KeyOf(t), "record_type.rule_invalid");  // repeated code
}

TEST(RecordTypeTest, DateFieldIsARequiredDateOfEveryVersion) {
  RecordType t = Meeting();
  t.date_field = "held_at";
  EXPECT_EQ(KeyOf(t), "record_type.date_field_invalid");
  t.date_field = "total";
  EXPECT_EQ(KeyOf(t), "record_type.date_field_invalid");
  t = Meeting();
  t.versions[0].fields[1].required = false;
  EXPECT_EQ(KeyOf(t), "record_type.date_field_invalid");
  t = Meeting();
  RecordTypeVersion v2 = t.versions[0];
  v2.number = 2;
  v2.fields.erase(v2.fields.begin() + 1);  // held_on
  v2.rules.pop_back();                      // R2 names held_on
  t.versions.push_back(v2);
  const Status s = ValidateRecordType(t);
  EXPECT_EQ(s.key(), "record_type.date_field_invalid");
  EXPECT_NE(s.message().find("Phiên bản 2"), std::string::npos) << s.message();
}

TEST(RecordTypeTest, AFieldCodeKeepsItsTypeAcrossVersions) {
  RecordType t = Meeting();
  RecordTypeVersion v2 = t.versions[0];
  v2.number = 2;
  v2.fields[4].type = FieldType::kNumber;  // topics: text in version 1
  v2.fields[4].max_length = 0;
  t.versions.push_back(v2);
  const Status s = ValidateRecordType(t);
  EXPECT_EQ(s.key(), "record_type.field_type_changed");
  EXPECT_NE(s.message().find("'topics' có kiểu Văn bản ở phiên bản 1 nhưng kiểu Số ở phiên bản 2"),
            std::string::npos)
      << s.message();
}

TEST(RecordTypeTest, PrivacyRule) {
  auto may = [](RecordPrivacy p, Role role, bool in_scope, bool board) {
    return MayReadRecord(p, RecordReader{role, in_scope, board});
  };
  const RecordPrivacy open = RecordPrivacy::kOpen;
  const RecordPrivacy personal = RecordPrivacy::kPersonal;
  for (Role r : {Role::kAdmin, Role::kCommittee, Role::kReporter, Role::kViewer}) {
    EXPECT_TRUE(may(open, r, true, false));
    EXPECT_FALSE(may(open, r, false, true));
    EXPECT_FALSE(may(personal, r, false, true));  // never outside the scope
  }
  EXPECT_FALSE(may(personal, Role::kViewer, true, false));
  EXPECT_FALSE(may(personal, Role::kViewer, true, true));
  EXPECT_TRUE(may(personal, Role::kReporter, true, false));  // the organization concerned
  EXPECT_FALSE(may(personal, Role::kCommittee, true, false));
  EXPECT_TRUE(may(personal, Role::kCommittee, true, true));
  EXPECT_FALSE(may(personal, Role::kAdmin, true, false));
  EXPECT_TRUE(may(personal, Role::kAdmin, true, true));
  EXPECT_TRUE(IsAuditedOnRead(personal));
  EXPECT_FALSE(IsAuditedOnRead(open));
}

}  // namespace
}  // namespace nq::record_type_test
