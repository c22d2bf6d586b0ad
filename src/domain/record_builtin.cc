#include "domain/record_builtin.h"

#include <string>
#include <utility>

namespace nq {
namespace {

constexpr bool kRequired = true;
constexpr bool kOptional = false;

FieldDef MakeField(const char* code, const char* label, FieldType type, bool required,
                   const char* help = "") {
  return {.code = code, .label = label, .type = type, .required = required, .help = help};
}

// A count of people: a whole number from 0.
FieldDef Count(const char* code, const char* label, bool required) {
  return {.code = code,
          .label = label,
          .type = FieldType::kNumber,
          .required = required,
          .min = 0,
          .whole = true};
}

FieldDef Year() {
  return {.code = "year",
          .label = "Năm",
          .type = FieldType::kNumber,
          .required = kRequired,
          .min = 2000,
          .max = 2100,
          .whole = true,
          .ungrouped = true};
}

FieldDef Choice(const char* code, const char* label, bool required,
                std::vector<CategoryOption> options) {
  FieldDef f = MakeField(code, label, FieldType::kCategory, required);
  f.options = std::move(options);
  return f;
}

FieldDef ShortText(const char* code, const char* label, bool required) {
  FieldDef f = MakeField(code, label, FieldType::kText, required);
  f.max_length = kDefaultNameLength;
  return f;
}

FieldDef Decision(const char* label) {
  return MakeField("decision", label, FieldType::kDocument, kOptional, "Ví dụ 125-QĐ/ĐUK");
}

// "organization" or "member": who a rating or an inspection is about.
FieldDef SubjectKind() {
  return Choice("subject_kind", "Đối tượng", kRequired,
                {{"organization", "Tổ chức đảng"}, {"member", "Đảng viên"}});
}

std::vector<CategoryOption> KeptOptions() {
  return {{"kept", "Thực hiện đúng cam kết"}, {"not_kept", "Chưa thực hiện đúng cam kết"}};
}

ValidationRule PartOfTotal(const char* code, const char* part, const char* total,
                           std::string message) {
  return {code, std::string(part) + " <= " + total, std::move(message)};
}

RecordType Type(const char* code, const char* name, const char* description, RecordPrivacy privacy,
                const char* date_field, std::vector<FieldDef> fields,
                std::vector<ValidationRule> rules = {}) {
  RecordTypeVersion v{.number = 1, .fields = std::move(fields), .rules = std::move(rules)};
  return {.code = code,
          .name = name,
          .description = description,
          .privacy = privacy,
          .date_field = date_field,
          .versions = {std::move(v)}};
}

// The document's date: the days from it to the session, against the deadline the committee
// sets in its indicator (record_count(dissemination, held_on - issued_on <= 60)), say how late
// an organization was. A document may predate the term.
FieldDef IssuedOn() {
  FieldDef f = MakeField("issued_on", "Ngày ban hành văn bản", FieldType::kDate, kOptional,
                         "Để tính số ngày từ khi văn bản ban hành đến khi quán triệt");
  f.within_term = false;
  return f;
}

RecordType Dissemination() {
  return Type(
      kRecordDissemination, "Hội nghị quán triệt, triển khai",
      "Mỗi hội nghị quán triệt, triển khai một văn bản của cấp trên (nghị quyết, chỉ thị, kết "
      "luận) tại tổ chức đảng: số đảng viên dự và số người lao động được tuyên truyền, phổ biến.",
      RecordPrivacy::kOpen, "held_on",
      {MakeField("document", "Văn bản được quán triệt, triển khai", FieldType::kDocument, kRequired,
                 "Số và ký hiệu văn bản, ví dụ 01-NQ/ĐUK"),
       IssuedOn(), MakeField("held_on", "Ngày tổ chức", FieldType::kDate, kRequired),
       Count("members_present", "Số đảng viên dự", kRequired),
       Count("members_total", "Tổng số đảng viên", kRequired),
       Count("workers_reached", "Số người lao động được tuyên truyền, phổ biến", kOptional),
       Count("workers_total", "Tổng số người lao động", kOptional)},
      {PartOfTotal("R1", "members_present", "members_total",
                   "Số đảng viên dự không được lớn hơn tổng số đảng viên"),
       PartOfTotal("R2", "workers_reached", "workers_total",
                   "Số người lao động được tuyên truyền, phổ biến không được lớn hơn tổng số "
                   "người lao động"),
       {"R3", "held_on >= issued_on", "Ngày tổ chức không được trước ngày ban hành văn bản"}});
}

// Cell and committee meetings share their shape; `who` counts the attendance.
RecordType Meeting(const char* code, const char* name, const char* description,
                   const std::string& who) {
  const std::string present = "Số " + who + " dự";
  const std::string total = "Tổng số " + who;
  return Type(
      code, name, description, RecordPrivacy::kOpen, "held_on",
      {Choice("kind", "Loại sinh hoạt", kRequired,
              {{"regular", "Thường kỳ hằng tháng"}, {"thematic", "Chuyên đề"}}),
       MakeField("held_on", "Ngày sinh hoạt", FieldType::kDate, kRequired),
       Count("members_present", present.c_str(), kRequired),
       Count("members_total", total.c_str(), kRequired),
       MakeField("topics", "Nội dung, chuyên đề", FieldType::kText, kOptional),
       Choice("quality", "Tự đánh giá chất lượng", kOptional,
              {{"good", "Tốt"}, {"fair", "Khá"}, {"average", "Trung bình"}, {"poor", "Kém"}})},
      {PartOfTotal("R1", "members_present", "members_total",
                   present + " không được lớn hơn tổng số " + who)});
}

RecordType Inspection() {
  return Type(
      kRecordInspection, "Kiểm tra, giám sát",
      "Mỗi cuộc kiểm tra hoặc giám sát một tổ chức đảng hoặc một đảng viên: loại, thời gian, kết "
      "luận, vi phạm và kỷ luật. Hồ sơ về cá nhân: chỉ Ủy ban Kiểm tra, Ban Tổ chức và tổ chức "
      "đảng liên quan được xem; mỗi lần xem đều được ghi nhật ký.",
      RecordPrivacy::kPersonal, "start_on",
      {Choice("activity", "Hình thức", kRequired,
              {{"inspection", "Kiểm tra"}, {"supervision", "Giám sát"}}),
       Choice("kind", "Loại", kRequired,
              {{"regular", "Thường xuyên"},
               {"thematic", "Chuyên đề"},
               {"violation_signs", "Khi có dấu hiệu vi phạm"}}),
       SubjectKind(),
       MakeField("subject_org", "Tổ chức đảng được kiểm tra, giám sát", FieldType::kOrganization,
                 kOptional),
       MakeField("subject_member", "Đảng viên được kiểm tra, giám sát", FieldType::kMember,
                 kOptional, "Họ và tên"),
       MakeField("start_on", "Ngày bắt đầu", FieldType::kDate, kRequired),
       MakeField("end_on", "Ngày kết thúc", FieldType::kDate, kOptional),
       MakeField("conclusion", "Kết luận", FieldType::kText, kOptional),
       MakeField("violation", "Có vi phạm", FieldType::kYesNo, kOptional),
       Choice("discipline", "Hình thức kỷ luật", kOptional,
              {{"none", "Không kỷ luật"},
               {"reprimand", "Khiển trách"},
               {"warning", "Cảnh cáo"},
               {"removal", "Cách chức"},
               {"expulsion", "Khai trừ"},
               {"dissolution", "Giải tán"}})},
      {{"R1", "end_on >= start_on", "Ngày kết thúc không được trước ngày bắt đầu"},
       {"R2", "discipline == \"none\" or violation == 1",
        "Chỉ ghi hình thức kỷ luật khi có vi phạm"}});
}

RecordType Admission() {
  return Type(
      kRecordAdmission, "Phát triển đảng viên",
      "Mỗi bước của một quần chúng trên đường vào Đảng: quần chúng ưu tú, học lớp nhận thức về "
      "Đảng, kết nạp, đảng viên dự bị, chuyển chính thức. Khu vực (cơ quan hành chính, đơn vị sự "
      "nghiệp, doanh nghiệp nhà nước, doanh nghiệp ngoài khu vực Nhà nước) lấy từ tổ chức đảng "
      "ghi hồ sơ, không nhập lại. Hồ sơ về cá nhân.",
      RecordPrivacy::kPersonal, "stage_on",
      {MakeField("candidate", "Họ và tên", FieldType::kMember, kRequired),
       Choice("stage", "Bước", kRequired,
              {{"outstanding_mass", "Quần chúng ưu tú"},
               {"awareness_course", "Học lớp nhận thức về Đảng"},
               {"admitted", "Kết nạp"},
               {"probationary", "Đảng viên dự bị"},
               {"official", "Chuyển chính thức"}}),
       MakeField("stage_on", "Ngày", FieldType::kDate, kRequired), Decision("Số quyết định")});
}

RecordType QualityRating() {
  return Type(
      kRecordQualityRating, "Xếp loại chất lượng tổ chức đảng, đảng viên",
      "Kết quả xếp loại chất lượng hằng năm của một tổ chức đảng hoặc một đảng viên.",
      RecordPrivacy::kOpen, "rated_on",
      {SubjectKind(),
       MakeField("subject_org", "Tổ chức đảng được xếp loại", FieldType::kOrganization, kOptional),
       MakeField("subject_member", "Đảng viên được xếp loại", FieldType::kMember, kOptional,
                 "Họ và tên"),
       Year(),
       Choice("rating", "Mức xếp loại", kRequired,
              {{"HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"},
               {"HTTNV", "Hoàn thành tốt nhiệm vụ"},
               {"HTNV", "Hoàn thành nhiệm vụ"},
               {"KHTNV", "Không hoàn thành nhiệm vụ"}}),
       MakeField("rated_on", "Ngày xếp loại", FieldType::kDate, kRequired)});
}

RecordType MassMobilizationModel() {
  return Type(kRecordMassMobilizationModel, "Mô hình “Dân vận khéo”",
              "Mô hình “Dân vận khéo” do tổ chức đảng đăng ký xây dựng hoặc được công nhận.",
              RecordPrivacy::kOpen, "recorded_on",
              {ShortText("name", "Tên mô hình", kRequired),
               Choice("status", "Tình trạng", kRequired,
                      {{"registered", "Đăng ký xây dựng"}, {"recognized", "Được công nhận"}}),
               Choice("level", "Cấp công nhận", kOptional,
                      {{"base", "Cơ sở"},
                       {"bloc", "Đảng ủy Khối"},
                       {"province", "Tỉnh"},
                       {"central", "Trung ương"}}),
               MakeField("recorded_on", "Ngày đăng ký hoặc công nhận", FieldType::kDate, kRequired),
               Decision("Số quyết định công nhận")});
}

RecordType RoleModelPledge() {
  return Type(kRecordRoleModelPledge, "Đăng ký nêu gương",
              "Bản đăng ký nêu gương hằng năm của người đứng đầu, cấp ủy viên, với kết quả tự "
              "đánh giá và đánh giá của cấp ủy.",
              RecordPrivacy::kOpen, "pledged_on",
              {MakeField("head_name", "Họ và tên người đăng ký", FieldType::kMember, kRequired),
               ShortText("position", "Chức vụ", kOptional), Year(),
               MakeField("pledged_on", "Ngày đăng ký", FieldType::kDate, kRequired),
               MakeField("commitments", "Nội dung cam kết", FieldType::kText, kOptional),
               Choice("self_assessment", "Tự đánh giá", kOptional, KeptOptions()),
               Choice("committee_assessment", "Cấp ủy đánh giá", kOptional, KeptOptions())});
}

RecordType EmulationPledge() {
  return Type(kRecordEmulationPledge, "Đăng ký thi đua “Đồng khởi mới”",
              "Đăng ký thi đua hằng năm trong phong trào “Đồng khởi mới”, kết quả thực hiện và "
              "khen thưởng.",
              RecordPrivacy::kOpen, "pledged_on",
              {Year(), MakeField("pledged_on", "Ngày đăng ký", FieldType::kDate, kRequired),
               MakeField("pledge", "Nội dung đăng ký thi đua", FieldType::kText, kRequired),
               Choice("result", "Kết quả thực hiện", kOptional,
                      {{"excellent", "Hoàn thành xuất sắc"},
                       {"done", "Hoàn thành"},
                       {"not_done", "Không hoàn thành"}}),
               Choice("commendation", "Cấp khen thưởng", kOptional,
                      {{"none", "Không khen thưởng"},
                       {"base", "Cơ sở"},
                       {"bloc", "Đảng ủy Khối"},
                       {"province", "Tỉnh"},
                       {"central", "Trung ương"}}),
               Decision("Số quyết định khen thưởng")},
              {{"R1", "commendation == \"none\" or result != \"not_done\"",
                "Không khen thưởng khi không hoàn thành đăng ký thi đua"}});
}

RecordType WorkersConference() {
  return Type(
      kRecordWorkersConference, "Hội nghị người lao động, hội nghị cán bộ, công chức, viên chức",
      "Hội nghị hằng năm theo quy chế dân chủ ở cơ sở: đã tổ chức hay chưa, ngày tổ chức, số "
      "người dự. Ngày báo cáo đặt hồ sơ vào kỳ, kể cả khi hội nghị chưa được tổ chức.",
      RecordPrivacy::kOpen, "reported_on",
      {Choice("kind", "Loại hội nghị", kRequired,
              {{"workers", "Hội nghị người lao động"},
               {"civil_servants", "Hội nghị cán bộ, công chức, viên chức"}}),
       Year(), MakeField("held", "Đã tổ chức", FieldType::kYesNo, kRequired),
       MakeField("held_on", "Ngày tổ chức", FieldType::kDate, kOptional),
       MakeField("reported_on", "Ngày báo cáo", FieldType::kDate, kRequired),
       Count("attendees", "Số người dự", kOptional),
       Count("total", "Tổng số người lao động, cán bộ, công chức, viên chức", kOptional)},
      {PartOfTotal("R1", "attendees", "total", "Số người dự không được lớn hơn tổng số")});
}

RecordType TrainingCourse() {
  return Type(kRecordTrainingCourse, "Lớp bồi dưỡng lý luận chính trị, bồi dưỡng đảng viên mới",
              "Mỗi lớp bồi dưỡng do tổ chức đảng mở hoặc cử học viên: loại lớp, thời gian, số "
              "học viên và số học viên dưới 35 tuổi.",
              RecordPrivacy::kOpen, "start_on",
              {Choice("course_kind", "Loại lớp", kRequired,
                      {{"political_theory", "Bồi dưỡng lý luận chính trị"},
                       {"new_members", "Bồi dưỡng đảng viên mới"},
                       {"awareness", "Bồi dưỡng nhận thức về Đảng"}}),
               ShortText("name", "Tên lớp", kOptional),
               MakeField("start_on", "Ngày khai giảng", FieldType::kDate, kRequired),
               MakeField("end_on", "Ngày bế giảng", FieldType::kDate, kOptional),
               Count("participants", "Số học viên", kRequired),
               Count("young_participants", "Trong đó dưới 35 tuổi", kOptional)},
              {PartOfTotal("R1", "young_participants", "participants",
                           "Số học viên dưới 35 tuổi không được lớn hơn tổng số học viên"),
               {"R2", "end_on >= start_on", "Ngày bế giảng không được trước ngày khai giảng"}});
}

}  // namespace

std::vector<RecordType> BuiltinRecordTypes() {
  return {
      Dissemination(),
      Meeting(kRecordCellMeeting, "Sinh hoạt chi bộ",
              "Mỗi buổi sinh hoạt chi bộ thường kỳ hằng tháng hoặc chuyên đề: số đảng viên dự, "
              "nội dung và tự đánh giá chất lượng.",
              "đảng viên"),
      Meeting(kRecordCommitteeMeeting, "Sinh hoạt cấp ủy",
              "Mỗi buổi sinh hoạt của cấp ủy, thường kỳ hằng tháng hoặc chuyên đề: số cấp ủy "
              "viên dự, nội dung và tự đánh giá chất lượng.",
              "cấp ủy viên"),
      Inspection(),
      Admission(),
      QualityRating(),
      MassMobilizationModel(),
      RoleModelPledge(),
      EmulationPledge(),
      WorkersConference(),
      TrainingCourse(),
  };
}

}  // namespace nq
