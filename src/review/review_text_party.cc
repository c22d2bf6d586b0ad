// The wording of a review's party-building part (I.3/I.4, party_building.h): one paragraph per
// area that has records, each figure referring to the records it counts (TextRef::kRecords).
#include <string>
#include <utility>

#include "common/format.h"
#include "domain/record_builtin.h"
#include "review/review_text.h"

namespace nq::review {
namespace {

Piece Plain(std::string text) { return Piece{std::move(text), false, false, {}}; }

Piece Figure(std::string text, const char* type) {
  TextRef ref;
  ref.kind = TextRef::Kind::kRecords;
  ref.code = type;
  return Piece{std::move(text), false, false, std::move(ref)};
}

std::string Pct(const std::optional<double>& x) {
  return x ? FormatNumberVi(*x, 1) + "%" : std::string("chưa có số liệu");
}

std::string Of(int part, int total) { return std::to_string(part) + "/" + std::to_string(total); }

void Add(std::vector<TextBlock>& out, Line line) {
  TextBlock b;
  b.kind = BlockKind::kParagraph;
  b.line = std::move(line);
  out.push_back(std::move(b));
}

void Dissemination(const PartyBuilding& p, std::vector<TextBlock>& out) {
  if (p.sessions == 0) return;
  Add(out, {Plain("- Công tác tư tưởng, quán triệt, triển khai văn bản của cấp trên: "),
            Figure(FormatIntVi(p.sessions) + " hội nghị", kRecordDissemination),
            Plain(" tại các tổ chức cơ sở đảng; tỷ lệ đảng viên dự "),
            Figure(Pct(p.member_reach), kRecordDissemination),
            Plain("; người lao động được tuyên truyền, phổ biến "),
            Figure(Pct(p.worker_reach), kRecordDissemination), Plain(" lượt.")});
  for (const DocumentDissemination& d : p.documents) {
    Line line{Plain("+ Văn bản " + d.document +
                    (d.issued ? " (ban hành ngày " + FormatVi(*d.issued) + ")" : "") + ": "),
              Figure(Of(d.done, p.units) + " tổ chức cơ sở đảng", kRecordDissemination),
              Plain(" đã quán triệt")};
    if (d.late > 0) {
      line.push_back(Plain(", " + std::to_string(d.late) + " tổ chức chậm so với thời hạn " +
                           std::to_string(kDisseminationDeadlineDays) + " ngày"));
    }
    if (d.not_done > 0) {
      line.push_back(Plain(", " + std::to_string(d.not_done) + " tổ chức đã quá hạn mà chưa "
                                                               "quán triệt"));
    }
    line.push_back(Plain("."));
    Add(out, std::move(line));
  }
}

void Meetings(const PartyBuilding& p, std::vector<TextBlock>& out) {
  if (p.regular_meetings + p.thematic_meetings == 0) return;
  const std::string window = "từ tháng " + std::to_string(p.window_from.month) + "/" +
                             std::to_string(p.window_from.year) + " đến tháng " +
                             std::to_string(p.window_to.month) + "/" +
                             std::to_string(p.window_to.year);
  Add(out, {Plain("- Sinh hoạt chi bộ (" + window + "): "),
            Figure(Of(p.cells_every_month, p.cells) + " chi bộ", kRecordCellMeeting),
            Plain(" sinh hoạt thường kỳ đủ " + Of(p.window_months, p.window_months) +
                  " tháng; tỷ lệ đảng viên dự sinh hoạt thường kỳ "),
            Figure(Pct(p.attendance), kRecordCellMeeting), Plain("; "),
            Figure(FormatIntVi(p.thematic_meetings) + " buổi sinh hoạt chuyên đề",
                   kRecordCellMeeting),
            Plain(", "),
            Figure(Of(p.cells_thematic_regular, p.cells) + " chi bộ", kRecordCellMeeting),
            Plain(" sinh hoạt chuyên đề từ một nửa số quý (" + std::to_string(p.window_quarters) +
                  " quý) trở lên.")});
}

// "năm 2021: 3/5, năm 2022: 4/5"
std::string Years(const std::vector<YearFigure>& v, bool with_total) {
  std::string s;
  for (const YearFigure& y : v) {
    s += (s.empty() ? "" : "; ") + std::string("năm ") + std::to_string(y.year) + ": " +
         (with_total ? Of(y.part, y.count) : std::to_string(y.count));
  }
  return s;
}

void Others(const PartyBuilding& p, std::vector<TextBlock>& out) {
  if (!p.admissions.empty()) {
    int total = 0, nse = 0;
    for (const YearFigure& y : p.admissions) {
      total += y.count;
      nse += y.part;
    }
    Add(out, {Plain("- Phát triển đảng viên: kết nạp "),
              Figure(FormatIntVi(total) + " đảng viên", kRecordAdmission),
              Plain(" (" + Years(p.admissions, false) + "), trong đó "),
              Figure(FormatIntVi(nse) + " đảng viên", kRecordAdmission),
              Plain(" trong doanh nghiệp ngoài khu vực Nhà nước.")});
  }
  if (p.inspections > 0) {
    Add(out, {Plain("- Kiểm tra, giám sát: "),
              Figure(FormatIntVi(p.inspections) + " cuộc kiểm tra, giám sát", kRecordInspection),
              Plain(" đối với " + FormatIntVi(p.inspected_orgs) + " tổ chức đảng; " +
                    FormatIntVi(p.violations) + " cuộc phát hiện vi phạm.")});
  }
  if (!p.pledges.empty()) {
    Add(out, {Plain("- Thực hiện nêu gương, số người đứng đầu được cấp ủy đánh giá thực hiện "
                    "đúng cam kết trên số được đánh giá: "),
              Figure(Years(p.pledges, true), kRecordRoleModelPledge), Plain(".")});
  }
  if (!p.ratings.empty()) {
    std::string years;
    for (const RatingYear& y : p.ratings) {
      years += (years.empty() ? "" : "; ") + std::string("năm ") + std::to_string(y.year) + ": " +
               std::to_string(y.Rated()) + " tổ chức được xếp loại, " +
               std::to_string(y.excellent) + " hoàn thành xuất sắc, " + std::to_string(y.good) +
               " hoàn thành tốt, " + std::to_string(y.done) + " hoàn thành, " +
               std::to_string(y.failed) + " không hoàn thành nhiệm vụ";
    }
    Add(out, {Plain("- Đánh giá, xếp loại chất lượng tổ chức đảng: "),
              Figure(years, kRecordQualityRating), Plain(".")});
  }
  if (p.models_registered + p.models_recognized > 0) {
    Add(out, {Plain("- Công tác dân vận, phong trào thi đua “Dân vận khéo”: "),
              Figure(std::to_string(p.models_registered) + " mô hình đăng ký xây dựng",
                     kRecordMassMobilizationModel),
              Plain(", "),
              Figure(std::to_string(p.models_recognized) + " mô hình được công nhận",
                     kRecordMassMobilizationModel),
              Plain(".")});
  }
  if (!p.conferences.empty()) {
    Add(out, {Plain("- Thực hiện quy chế dân chủ ở cơ sở, số đơn vị tổ chức hội nghị người lao "
                    "động, hội nghị cán bộ, công chức, viên chức trên số đơn vị báo cáo: "),
              Figure(Years(p.conferences, true), kRecordWorkersConference), Plain(".")});
  }
}

}  // namespace

std::vector<TextBlock> PartyBuildingText(const PartyBuilding& p, int number) {
  std::vector<TextBlock> out;
  TextBlock h;
  h.kind = BlockKind::kHeading2;
  h.line = {Plain(std::to_string(number) + ". Công tác xây dựng Đảng")};
  out.push_back(std::move(h));
  Dissemination(p, out);
  Meetings(p, out);
  Others(p, out);
  return out;
}

}  // namespace nq::review
