#include "domain/record_builtin.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "common/utf8.h"
#include "domain/record.h"
#include "domain/record_test_util.h"

namespace nq::record_builtin_test {
namespace {

using Input = std::map<std::string, std::string>;
using record_testing::Term2020;

const RecordType& TypeOf(const std::string& code) {
  static const std::vector<RecordType> types = BuiltinRecordTypes();
  for (const RecordType& t : types) {
    if (t.code == code) return t;
  }
  ADD_FAILURE() << "no built-in type " << code;
  return types.front();
}

std::vector<FieldProblem> Fill(const std::string& code, const Input& input) {
  Record r;
  r.org_id = 5;
  r.type_code = code;
  return FillRecord(*TypeOf(code).Current(), input, Term2020(), &r);
}

std::string Describe(const std::vector<FieldProblem>& problems) {
  std::string out;
  for (const FieldProblem& p : problems) out += "\n  " + p.key + ": " + p.message;
  return out;
}

// A realistic record of each built-in type.
const std::map<std::string, Input>& GoodRecords() {
  static const std::map<std::string, Input> records = {
      {kRecordDissemination,
       {{"document", "01-NQ/ĐUK"},
        {"issued_on", "1/8/2020"},
        {"held_on", "15/10/2020"},
        {"members_present", "45"},
        {"members_total", "48"},
        {"workers_reached", "1.200"},
        {"workers_total", "1.350"}}},
      {kRecordCellMeeting,
       {{"kind", "Thường kỳ hằng tháng"},
        {"held_on", "5/3/2023"},
        {"members_present", "12"},
        {"members_total", "13"},
        {"topics", "Quán triệt Nghị quyết 01-NQ/ĐUK"},
        {"quality", "Tốt"}}},
      {kRecordCommitteeMeeting,
       {{"kind", "chuyên đề"},
        {"held_on", "2023-04-10"},
        {"members_present", "7"},
        {"members_total", "7"},
        {"quality", "Kha"}}},
      {kRecordInspection,
       {{"activity", "Kiểm tra"},
        {"kind", "Khi có dấu hiệu vi phạm"},
        {"subject_kind", "Đảng viên"},
        {"subject_member", "Nguyễn Văn An"},
        {"start_on", "3/4/2023"},
        {"end_on", "28/4/2023"},
        {"conclusion", "Có vi phạm quy định về kê khai tài sản"},
        {"violation", "có"},
        {"discipline", "Khiển trách"}}},
      {kRecordAdmission,
       {{"candidate", "Trần Thị Bình"},
        {"stage", "Kết nạp"},
        {"stage_on", "19/5/2023"},
        {"decision", "125-QĐ/ĐUK"}}},
      {kRecordQualityRating,
       {{"subject_kind", "Tổ chức đảng"},
        {"subject_org", "12"},
        {"year", "2022"},
        {"rating", "HTTNV"},
        {"rated_on", "20/12/2022"}}},
      {kRecordMassMobilizationModel,
       {{"name", "Nhà trọ văn minh, an toàn"},
        {"status", "Được công nhận"},
        {"level", "Đảng ủy Khối"},
        {"recorded_on", "1/9/2022"},
        {"decision", "45-QĐ/ĐUK"}}},
      {kRecordRoleModelPledge,
       {{"head_name", "Lê Văn Cường"},
        {"position", "Bí thư chi bộ, Giám đốc"},
        {"year", "2023"},
        {"pledged_on", "15/1/2023"},
        {"commitments", "Gương mẫu thực hiện tiết kiệm, chống lãng phí"},
        {"self_assessment", "Thực hiện đúng cam kết"},
        {"committee_assessment", "chua thuc hien dung cam ket"}}},
      {kRecordEmulationPledge,
       {{"year", "2023"},
        {"pledged_on", "10/2/2023"},
        {"pledge", "Tăng năng suất lao động 10%"},
        {"result", "Hoàn thành xuất sắc"},
        {"commendation", "Tỉnh"},
        {"decision", "1024/QĐ-UBND"}}},
      {kRecordWorkersConference,
       {{"kind", "Hội nghị người lao động"},
        {"year", "2023"},
        {"held", "x"},
        {"held_on", "20/1/2023"},
        {"reported_on", "31/1/2023"},
        {"attendees", "230"},
        {"total", "250"}}},
      {kRecordTrainingCourse,
       {{"course_kind", "Bồi dưỡng đảng viên mới"},
        {"name", "Lớp đảng viên mới khóa 3"},
        {"start_on", "6/6/2023"},
        {"end_on", "9/6/2023"},
        {"participants", "42"},
        {"young_participants", "30"}}},
  };
  return records;
}

TEST(RecordBuiltinTest, ElevenValidTypes) {
  const std::vector<RecordType> types = BuiltinRecordTypes();
  ASSERT_EQ(types.size(), 11U);
  std::set<std::string> codes;
  for (const RecordType& t : types) {
    EXPECT_TRUE(ValidateRecordType(t).ok()) << t.code << ": " << ValidateRecordType(t).ToString();
    EXPECT_TRUE(codes.insert(t.code).second) << t.code;
    ASSERT_EQ(t.versions.size(), 1U);
    EXPECT_EQ(t.versions[0].number, 1);
    EXPECT_EQ(t.id, 0);
    // Vietnamese with diacritics: the name is not plain ASCII.
    EXPECT_NE(FoldForSearch(t.name), AsciiLowerCopy(t.name)) << t.name;
    EXPECT_EQ(GoodRecords().count(t.code), 1U) << t.code;
  }
  EXPECT_EQ(types[0].code, kRecordDissemination);
  EXPECT_EQ(types[0].name, "Hội nghị quán triệt, triển khai");
  EXPECT_EQ(types[1].name, "Sinh hoạt chi bộ");
  EXPECT_EQ(types[2].name, "Sinh hoạt cấp ủy");
  EXPECT_EQ(types[3].name, "Kiểm tra, giám sát");
  EXPECT_EQ(types[4].name, "Phát triển đảng viên");
  EXPECT_EQ(types[6].name, "Mô hình “Dân vận khéo”");
  EXPECT_EQ(types[8].name, "Đăng ký thi đua “Đồng khởi mới”");
}

TEST(RecordBuiltinTest, OnlyRecordsAboutIndividualsArePersonal) {
  for (const RecordType& t : BuiltinRecordTypes()) {
    const bool personal = t.code == kRecordInspection || t.code == kRecordAdmission;
    EXPECT_EQ(t.privacy == RecordPrivacy::kPersonal, personal) << t.code;
  }
}

TEST(RecordBuiltinTest, VocabularyFollowsTheGlossary) {
  std::vector<std::string> stages;
  for (const CategoryOption& o : TypeOf(kRecordAdmission).Current()->Find("stage")->options) {
    stages.push_back(o.code);
  }
  EXPECT_EQ(stages, (std::vector<std::string>{"outstanding_mass", "awareness_course", "admitted",
                                              "probationary", "official"}));
  std::vector<std::string> ratings;
  for (const CategoryOption& o : TypeOf(kRecordQualityRating).Current()->Find("rating")->options) {
    ratings.push_back(o.code);
  }
  EXPECT_EQ(ratings, (std::vector<std::string>{"HTXSNV", "HTTNV", "HTNV", "KHTNV"}));
  std::vector<std::string> quality;
  for (const CategoryOption& o : TypeOf(kRecordCellMeeting).Current()->Find("quality")->options) {
    quality.push_back(o.label);
  }
  EXPECT_EQ(quality, (std::vector<std::string>{"Tốt", "Khá", "Trung bình", "Kém"}));
  // The sector is the organization's, not a field of the record.
  EXPECT_EQ(TypeOf(kRecordAdmission).Current()->Find("sector"), nullptr);
  // A year reads as a year.
  const FieldDef& year = *TypeOf(kRecordQualityRating).Current()->Find("year");
  EXPECT_EQ(FormatFieldValue(year, FieldValue(2023.0)), "2023");
}

TEST(RecordBuiltinTest, ARealisticRecordOfEachTypeIsValid) {
  for (const auto& [code, input] : GoodRecords()) {
    EXPECT_EQ(Describe(Fill(code, input)), "") << code;
  }
}

struct BadCase {
  const char* type;
  Input changes;  // applied to the good record; empty text removes the field
  const char* key;
  const char* message;  // the message of the only problem
};

TEST(RecordBuiltinTest, ABadRecordOfEachTypeFailsWithTheRightMessage) {
  const BadCase cases[] = {
      {kRecordDissemination,
       {{"members_present", "49"}},
       "record.rule",
       "Số đảng viên dự không được lớn hơn tổng số đảng viên"},
      {kRecordDissemination,
       {{"issued_on", "16/10/2020"}},
       "record.rule",
       "Ngày tổ chức không được trước ngày ban hành văn bản"},
      {kRecordCellMeeting,
       {{"quality", "Xuất sắc"}},
       "record.unknown_option",
       "'Tự đánh giá chất lượng' phải là một trong: Tốt, Khá, Trung bình, Kém, không phải "
       "'Xuất sắc'"},
      {kRecordCommitteeMeeting,
       {{"members_present", "8"}},
       "record.rule",
       "Số cấp ủy viên dự không được lớn hơn tổng số cấp ủy viên"},
      {kRecordInspection,
       {{"end_on", "2/4/2023"}},
       "record.rule",
       "Ngày kết thúc không được trước ngày bắt đầu"},
      {kRecordAdmission,
       {{"candidate", ""}},
       "record.required",
       "'Họ và tên' chưa được nhập (bắt buộc)"},
      {kRecordQualityRating,
       {{"year", "1999"}},
       "record.out_of_range",
       "'Năm' phải từ 2000 đến 2100 (đã nhập 1999)"},
      {kRecordMassMobilizationModel,
       {{"recorded_on", "31/12/2019"}},
       "record.outside_term",
       "'Ngày đăng ký hoặc công nhận' (31/12/2019) nằm ngoài nhiệm kỳ (từ 1/1/2020 đến "
       "31/12/2025)"},
      {kRecordRoleModelPledge,
       {{"committee_assessment", "Tốt"}},
       "record.unknown_option",
       "'Cấp ủy đánh giá' phải là một trong: Thực hiện đúng cam kết, Chưa thực hiện đúng cam "
       "kết, không phải 'Tốt'"},
      {kRecordEmulationPledge,
       {{"result", "Không hoàn thành"}},
       "record.rule",
       "Không khen thưởng khi không hoàn thành đăng ký thi đua"},
      {kRecordWorkersConference,
       {{"attendees", "251"}},
       "record.rule",
       "Số người dự không được lớn hơn tổng số"},
      {kRecordTrainingCourse,
       {{"young_participants", "43"}},
       "record.rule",
       "Số học viên dưới 35 tuổi không được lớn hơn tổng số học viên"},
  };
  std::set<std::string> covered;
  for (const BadCase& c : cases) {
    Input input = GoodRecords().at(c.type);
    for (const auto& [field, text] : c.changes) {
      if (text.empty()) {
        input.erase(field);
      } else {
        input[field] = text;
      }
    }
    const std::vector<FieldProblem> problems = Fill(c.type, input);
    ASSERT_EQ(problems.size(), 1U) << c.type << Describe(problems);
    EXPECT_EQ(problems[0].key, c.key) << c.type;
    EXPECT_EQ(problems[0].message, c.message) << c.type;
    covered.insert(c.type);
  }
  EXPECT_EQ(covered.size(), 11U);
}

TEST(RecordBuiltinTest, InspectionDisciplineNeedsAViolation) {
  Input input = GoodRecords().at(kRecordInspection);
  input["violation"] = "không";
  const std::vector<FieldProblem> problems = Fill(kRecordInspection, input);
  ASSERT_EQ(problems.size(), 1U) << Describe(problems);
  EXPECT_EQ(problems[0].rule, "R2");
  EXPECT_EQ(problems[0].message, "Chỉ ghi hình thức kỷ luật khi có vi phạm");
  input["discipline"] = "Không kỷ luật";
  EXPECT_EQ(Describe(Fill(kRecordInspection, input)), "");
}

TEST(RecordBuiltinTest, ConferenceNotYetHeld) {
  Input input = GoodRecords().at(kRecordWorkersConference);
  input["held"] = "chưa";
  input.erase("held_on");
  input.erase("attendees");
  EXPECT_EQ(Describe(Fill(kRecordWorkersConference, input)), "");
}

}  // namespace
}  // namespace nq::record_builtin_test
