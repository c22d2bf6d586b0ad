#include "domain/record.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "domain/record_test_util.h"

namespace nq::record_test {
namespace {

using record_testing::MeetingVersion;
using record_testing::Term2020;

RecordTypeVersion Meeting() { return MeetingVersion(); }

using Input = std::map<std::string, std::string>;

Input Good() {
  return {{"kind", "Thường kỳ"}, {"held_on", "17/5/2023"}, {"present", "18"}, {"total", "20"}};
}

std::vector<FieldProblem> Check(const Input& input, Record* out = nullptr) {
  Record r;
  r.org_id = 5;
  std::vector<FieldProblem> problems = FillRecord(Meeting(), input, Term2020(), &r);
  if (out != nullptr) *out = r;
  return problems;
}

// "field:key" of each problem, in order.
std::vector<std::string> Keys(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  out.reserve(problems.size());
  for (const FieldProblem& p : problems) {
    out.push_back((p.field.empty() ? p.rule : p.field) + ":" + p.key);
  }
  return out;
}

std::vector<std::string> KeysOf(const Input& input) { return Keys(Check(input)); }

Input With(Input input, const std::string& field, const std::string& text) {
  input[field] = text;
  return input;
}

TEST(RecordTest, AValidRecord) {
  Record r;
  EXPECT_TRUE(Check(Good(), &r).empty());
  EXPECT_EQ(r.version, 1);
  EXPECT_EQ(r.values.at("kind"), FieldValue(OptionRef{"regular"}));
  EXPECT_EQ(r.values.at("present"), FieldValue(18.0));
  EXPECT_EQ(r.values.count("topics"), 0U);
  RecordType t;
  t.date_field = "held_on";
  EXPECT_EQ(RecordDate(t, r), (Date{2023, 5, 17}));
  t.date_field = "present";
  EXPECT_FALSE(RecordDate(t, r));
}

TEST(RecordTest, EveryProblemAtOnce) {
  Input input = {{"kind", "hằng tháng"}, {"held_on", "1/1/2019"},   {"present", "mười tám"},
                 {"total", "501"},       {"topics", "Mười một ký"}, {"color", "đỏ"},
                 {"online", "có lẽ"}};
  const std::vector<FieldProblem> problems = Check(input);
  // Parse problems in field order, then the unknown name, then the checks of what parsed. The
  // required kind and present are not reported again as missing.
  EXPECT_EQ(Keys(problems),
            (std::vector<std::string>{"kind:record.unknown_option", "present:record.not_number",
                                      "online:record.not_yes_no", "color:record.unknown_field",
                                      "held_on:record.outside_term", "total:record.out_of_range",
                                      "topics:record.too_long"}));
  EXPECT_EQ(problems[3].message, "Loại hồ sơ không có trường 'color'");
  EXPECT_EQ(problems[4].message,
            "'Ngày sinh hoạt' (1/1/2019) nằm ngoài nhiệm kỳ (từ 1/1/2020 đến 31/12/2025)");
  EXPECT_EQ(problems[5].message, "'Tổng số đảng viên' phải từ 0 đến 500 (đã nhập 501)");
  EXPECT_EQ(problems[6].message, "'Nội dung' dài tối đa 10 ký tự (đã nhập 11)");
  const Status s = RecordProblemsStatus(problems);
  EXPECT_EQ(s.key(), "record.invalid");
  EXPECT_EQ(s.message().rfind("Hồ sơ chưa hợp lệ:\n'Loại sinh hoạt' phải là một trong: ", 0), 0U)
      << s.message();
  EXPECT_TRUE(RecordProblemsStatus({}).ok());
}

TEST(RecordTest, RequiredFields) {
  EXPECT_EQ(KeysOf({}),
            (std::vector<std::string>{"kind:record.required", "held_on:record.required",
                                      "present:record.required", "total:record.required"}));
  const std::vector<FieldProblem> p = Check(With(Good(), "held_on", "   "));
  ASSERT_EQ(p.size(), 1U);
  EXPECT_EQ(p[0].message, "'Ngày sinh hoạt' chưa được nhập (bắt buộc)");
}

TEST(RecordTest, NumberBounds) {
  EXPECT_TRUE(Check(With(Good(), "total", "500")).empty());
  EXPECT_TRUE(Check(With(Good(), "present", "0")).empty());
  const std::vector<FieldProblem> negative = Check(With(Good(), "present", "-1"));
  ASSERT_EQ(negative.size(), 1U);
  EXPECT_EQ(negative[0].message, "'Số đảng viên dự' không được nhỏ hơn 0 (đã nhập -1)");
  const std::vector<FieldProblem> half = Check(With(Good(), "present", "12,5"));
  ASSERT_EQ(half.size(), 1U);
  EXPECT_EQ(half[0].key, "record.out_of_range");
  EXPECT_EQ(half[0].message, "'Số đảng viên dự' phải là số nguyên (đã nhập 12,5)");
}

TEST(RecordTest, RulesBrokenByOne) {
  EXPECT_TRUE(Check(With(Good(), "present", "20")).empty());  // present == total
  const std::vector<FieldProblem> p = Check(With(Good(), "present", "21"));
  ASSERT_EQ(p.size(), 1U);
  EXPECT_EQ(p[0].key, "record.rule");
  EXPECT_EQ(p[0].rule, "R1");
  EXPECT_EQ(p[0].message, "Số đảng viên dự không được lớn hơn tổng số đảng viên");
  // Dates compare as day numbers: the same day holds, the day before breaks.
  EXPECT_TRUE(Check(With(Good(), "end_on", "2023-05-17")).empty());
  EXPECT_EQ(KeysOf(With(Good(), "end_on", "16/5/2023")),
            (std::vector<std::string>{"R2:record.rule"}));
}

TEST(RecordTest, RulesAreNotJudgedWithoutTheirValues) {
  // end_on absent: R2 is not judged; present unreadable: R1 is not judged either.
  EXPECT_EQ(KeysOf(With(Good(), "present", "abc")),
            (std::vector<std::string>{"present:record.not_number"}));
  // present out of bounds: reported once, and R1 does not judge the bad value.
  EXPECT_EQ(KeysOf(With(With(Good(), "present", "-1"), "total", "-5")),
            (std::vector<std::string>{"present:record.out_of_range", "total:record.out_of_range"}));
}

TEST(RecordTest, TermBoundaries) {
  EXPECT_TRUE(Check(With(Good(), "held_on", "1/1/2020")).empty());
  EXPECT_TRUE(Check(With(Good(), "held_on", "31/12/2025")).empty());
  EXPECT_EQ(KeysOf(With(Good(), "held_on", "31/12/2019")),
            (std::vector<std::string>{"held_on:record.outside_term"}));
  EXPECT_EQ(KeysOf(With(Good(), "held_on", "2026-01-01")),
            (std::vector<std::string>{"held_on:record.outside_term"}));
  // A date not bound to the term.
  EXPECT_TRUE(Check(With(Good(), "decided_on", "1/1/2015")).empty());
}

TEST(RecordTest, TextLength) {
  EXPECT_TRUE(Check(With(Good(), "topics", "đđđđđđđđđđ")).empty());  // 10 code points, 20 bytes
  EXPECT_EQ(KeysOf(With(Good(), "topics", "đđđđđđđđđđđ")),
            (std::vector<std::string>{"topics:record.too_long"}));
  EXPECT_TRUE(Check(With(Good(), "topics", "a\nb")).empty());  // free text keeps line breaks
  EXPECT_EQ(KeysOf(With(Good(), "chair", "Nguyễn\nAn")),
            (std::vector<std::string>{"chair:record.text_invalid"}));
}

TEST(RecordTest, FieldsByLabelAndDecomposedText) {
  Input input = {{"LOẠI SINH HOẠT", "chuyen de"},
                 {"ngay sinh hoat", "17/5/2023"},
                 // "Số đảng viên dự" with ố, ả, ê and ự decomposed into letter and marks.
                 {"So\xcc\x82\xcc\x81 \xc4\x91"
                  "a\xcc\x89ng vie\xcc\x82n du\xcc\x9b\xcc\xa3",
                  "18"},
                 {"total", "20"}};
  Record r;
  EXPECT_TRUE(Check(input, &r).empty()) << Keys(Check(input)).front();
  EXPECT_EQ(r.values.at("kind"), FieldValue(OptionRef{"thematic"}));
  EXPECT_EQ(r.values.at("present"), FieldValue(18.0));

  input["present"] = "19";  // "present" and its label name one field
  EXPECT_EQ(KeysOf(input), (std::vector<std::string>{"present:record.duplicate_field"}));
}

TEST(RecordTest, TypedValuesFromTheApi) {
  Record r;
  r.org_id = 0;
  r.version = 2;
  r.values = {{"kind", FieldValue(OptionRef{"THEMATIC"})},
              {"held_on", FieldValue(Date{2023, 2, 29})},
              {"present", FieldValue(std::string("18"))},
              {"total", FieldValue(20.0)},
              {"org", FieldValue(OrgRef{0})},
              {"online", FieldValue(true)},
              {"ghost", FieldValue(1.0)}};
  EXPECT_EQ(Keys(ValidateRecord(Meeting(), r, Term2020())),
            (std::vector<std::string>{":record.version", ":record.org_required",
                                      "kind:record.unknown_option", "held_on:record.date_invalid",
                                      "present:record.wrong_type", "org:record.not_organization",
                                      "ghost:record.unknown_field"}));
  r.org_id = 3;
  r.version = 1;
  r.values = {{"kind", FieldValue(OptionRef{"thematic"})},
              {"held_on", FieldValue(Date{2023, 2, 28})},
              {"present", FieldValue(18.0)},
              {"total", FieldValue(20.0)},
              {"chair", FieldValue(std::string(" "))}};  // blank text is no value
  EXPECT_TRUE(ValidateRecord(Meeting(), r, Term2020()).empty());
}

}  // namespace
}  // namespace nq::record_test
