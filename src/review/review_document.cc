#include "review/review_document.h"

#include <string>
#include <utility>

#include "common/format.h"
#include "common/utf8.h"

namespace nq::review {
namespace {

using analytics::TargetStatus;

std::string Value(double x, const std::string& unit) {
  const std::string n = FormatNumberVi(x, 2);
  if (unit.empty()) return n;
  return unit == "%" ? n + "%" : n + " " + unit;
}

std::string OptValue(const std::optional<double>& x, const std::string& unit) {
  return x ? Value(*x, unit) : "—";
}

std::string TargetText(const TargetRow& t) {
  const analytics::TargetAssessment& a = t.assessment;
  switch (t.target.comparator) {
    case Comparator::kAtLeast:
      return "≥ " + Value(a.target_value, t.target.unit);
    case Comparator::kAtMost:
      return "≤ " + Value(a.target_value, t.target.unit);
    case Comparator::kRange:
      return FormatNumberVi(a.target_value, 2) + "–" +
             Value(a.target_high.value_or(a.target_value), t.target.unit);
    case Comparator::kYesNo:
      return a.target_value >= 0.5 ? "Đạt" : "Không";
  }
  return "";
}

std::string ActualText(const TargetRow& t) {
  if (!t.assessment.actual) return "—";
  if (t.target.comparator == Comparator::kYesNo) {
    return *t.assessment.actual >= 0.5 ? "Đạt" : "Không đạt";
  }
  return Value(*t.assessment.actual, t.target.unit) + (t.assessment.estimate ? " (ước)" : "");
}

// The task states' labels start with an ASCII capital; inside a sentence they are lower-case.
std::string InSentence(const char* label) {
  std::string s(label);
  if (!s.empty()) s[0] = AsciiLower(s[0]);
  return s;
}

// "<lead>5 nhiệm vụ: 3 hoàn thành đúng hạn, 1 hoàn thành trễ hạn, 1 quá hạn."
std::string CountsSentence(const std::string& lead, const TaskCounts& c) {
  std::string parts;
  for (TaskState s : {TaskState::kDoneOnTime, TaskState::kDoneLate, TaskState::kOpenInTime,
                      TaskState::kOverdue}) {
    if (c.Get(s) == 0) continue;
    parts += (parts.empty() ? "" : ", ") + std::to_string(c.Get(s)) + " " +
             InSentence(TaskStateLabel(s));
  }
  return lead + std::to_string(c.Assigned()) + " nhiệm vụ" + (parts.empty() ? "" : ": " + parts) +
         ".";
}

Block Dash(const std::string& text) { return Paragraph("- " + text); }

void TargetsPart(const Review& r, std::vector<Block>& body) {
  body.push_back(Heading(BlockKind::kHeading2, "1. Kết quả thực hiện các mục tiêu, chỉ tiêu"));
  std::string lead = "Tính đến ngày " + FormatVi(r.as_of) + ", " +
                     InSentence(r.assessment.headline.c_str()) + " của Nghị quyết";
  for (const analytics::BucketCount& b : r.assessment.buckets) {
    lead += "; " + std::to_string(b.count) + "/" + std::to_string(r.assessment.total) +
            " mục tiêu đạt từ " + FormatNumberVi(b.threshold, 1) + "% trở lên";
  }
  body.push_back(Paragraph(lead + "."));
  std::string fields;
  for (const analytics::FieldCount& f : r.assessment.fields) {
    fields += (fields.empty() ? "" : "; ") + std::string(FieldLabel(f.field)) + ": " +
              std::to_string(f.done) + "/" + std::to_string(f.total);
  }
  if (!fields.empty()) body.push_back(Paragraph("Theo lĩnh vực: " + fields + "."));
  Table t;
  t.header = {"TT", "Mục tiêu", "Chỉ tiêu Nghị quyết", "Thực hiện", "Dự kiến đến nay",
              "Dự báo cuối nhiệm kỳ", "Đánh giá"};
  t.widths = {0.7, 4.1, 1.5, 1.4, 1.4, 1.4, 1.4};
  int n = 0;
  for (const TargetRow& row : r.assessment.targets) {
    const std::string& unit = row.target.unit;
    t.rows.push_back({{std::to_string(++n), true},
                      {row.target.text},
                      {TargetText(row), true},
                      {ActualText(row), true},
                      {OptValue(row.assessment.expected, unit), true},
                      {OptValue(row.assessment.projection, unit), true},
                      {analytics::TargetStatusLabel(row.assessment.status), false, true}});
  }
  body.push_back(TableBlock(std::move(t)));
  for (const TargetRow& row : r.assessment.targets) {
    body.push_back(Paragraph({Run{"- " + row.target.code + " (" +
                                      analytics::TargetStatusLabel(row.assessment.status) + "): ",
                                  true},
                              Run{row.assessment.explanation}}));
  }
}

// Parts 2 and 3 of section I are numbered on from `*number` (2, or 3 after the breakthroughs).
void BreakthroughPart(const Review& r, std::vector<Block>& body, int* number) {
  if (r.breakthroughs.empty()) return;
  body.push_back(Heading(BlockKind::kHeading2, std::to_string((*number)++) +
                                                   ". Thực hiện các nhiệm vụ đột phá, trọng tâm"));
  char letter = 'a';
  for (const BreakthroughSection& b : r.breakthroughs) {
    const std::string kind = b.task.kind == ResolutionTaskKind::kBreakthrough
                                 ? "Nhiệm vụ đột phá"
                                 : "Nhiệm vụ trọng tâm";
    body.push_back(Heading(BlockKind::kHeading3, std::string(1, letter) + ") " + kind + ": " +
                                                     b.task.title));
    if (letter < 'z') ++letter;
    if (b.tasks.empty()) {
      body.push_back(Paragraph("Chưa có nhiệm vụ được giao theo dõi trên hệ thống."));
      continue;
    }
    body.push_back(Paragraph(CountsSentence("Đã giao ", b.counts)));
    for (const TaskLine& t : b.tasks) {
      const std::string detail = TaskDetailText(t, r.as_of);
      body.push_back(Dash(t.title + " (" + t.owner + "): " + InSentence(TaskStateLabel(t.state)) +
                          (detail.empty() ? "" : ", " + detail) + "."));
    }
  }
}

Table TaskTable(const std::vector<TaskLine>& lines, bool projects, const Date& as_of) {
  Table t;
  t.header = {"TT", projects ? "Công trình, dự án" : "Văn bản cụ thể hóa", "Đơn vị chủ trì",
              projects ? "Mốc đã hoàn thành" : "Số, ký hiệu", "Tình trạng"};
  t.widths = {0.7, 4.4, 2.6, 1.6, 2.6};
  int n = 0;
  for (const TaskLine& l : lines) {
    const std::string progress =
        projects ? std::to_string(l.milestones_done) + "/" + std::to_string(l.milestones_total)
                 : (l.document_number.empty() ? "—" : l.document_number);
    const std::string detail = TaskDetailText(l, as_of);
    t.rows.push_back({{std::to_string(++n), true},
                      {l.title},
                      {l.owner},
                      {progress, projects},
                      {std::string(TaskStateLabel(l.state)) +
                       (detail.empty() ? "" : " (" + detail + ")")}});
  }
  return t;
}

void TasksPart(const Review& r, std::vector<Block>& body, int* number) {
  if (r.task_sections.empty()) return;
  body.push_back(Heading(BlockKind::kHeading2,
                         std::to_string((*number)++) + ". Thực hiện các nhiệm vụ được giao"));
  for (const TaskSection& s : r.task_sections) {
    const bool own = s.resolution.number == r.resolution.number;
    body.push_back(Paragraph(CountsSentence(
        (own ? "Thực hiện Nghị quyết " : "Theo dõi thực hiện Nghị quyết ") + s.resolution.number +
            ", đã giao ",
        s.counts)));
    if (!s.documents.empty()) {
      int issued = 0;
      for (const TaskLine& l : s.documents) issued += IsDone(l.state) ? 1 : 0;
      body.push_back(Paragraph("Ban hành " + std::to_string(issued) + "/" +
                               std::to_string(s.documents.size()) + " văn bản cụ thể hóa:"));
      body.push_back(TableBlock(TaskTable(s.documents, false, r.as_of)));
    }
    if (!s.projects.empty()) {
      int done = 0;
      for (const TaskLine& l : s.projects) done += IsDone(l.state) ? 1 : 0;
      body.push_back(Paragraph("Hoàn thành " + std::to_string(done) + "/" +
                               std::to_string(s.projects.size()) +
                               " công trình, dự án trọng điểm:"));
      body.push_back(TableBlock(TaskTable(s.projects, true, r.as_of)));
    }
  }
}

void LimitationsPart(const Review& r, std::vector<Block>& body) {
  body.push_back(Heading(BlockKind::kHeading1, "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN"));
  if (r.findings.empty()) {
    body.push_back(Paragraph("Số liệu đến ngày " + FormatVi(r.as_of) +
                             " không cho thấy hạn chế nào về mục tiêu, nhiệm vụ và báo cáo."));
  }
  for (const Finding& f : r.findings) {
    body.push_back(Dash(f.text));
    for (const EvidenceRef& e : f.evidence) {
      body.push_back(Paragraph("+ " + e.label + (e.detail.empty() ? "" : ": " + e.detail)));
    }
  }
}

// The committee's text, a paragraph per line; a placeholder while it is empty.
void Narrative(const std::string& text, std::vector<Block>& body) {
  size_t start = 0;
  bool any = false;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) {
      body.push_back(Paragraph(std::string(line)));
      any = true;
    }
    start = end + 1;
  }
  if (!any) body.push_back(Paragraph({Run{"(Ban Thường vụ bổ sung.)", false, true}}));
}

void DirectionsPart(const Review& r, std::vector<Block>& body) {
  body.push_back(Heading(BlockKind::kHeading1, r.kind == ReviewKind::kMidTerm
                                                   ? "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP "
                                                     "NỬA CUỐI NHIỆM KỲ"
                                                   : "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI"));
  Narrative(r.directions, body);
  if (r.needing_action.empty()) return;
  body.push_back(Paragraph("Các mục tiêu cần tập trung lãnh đạo, chỉ đạo:"));
  for (const TargetRow& t : r.needing_action) {
    body.push_back(Dash(t.target.code + ": " + t.target.text + " (" +
                        analytics::TargetStatusLabel(t.assessment.status) + ")."));
  }
}

// "ĐUK" from "01-NQ/ĐUK".
std::string Symbol(const std::string& number) {
  const size_t slash = number.rfind('/');
  return slash == std::string::npos ? std::string() : number.substr(slash + 1);
}

}  // namespace

std::string LongDateVi(const Date& d) {
  return "ngày " + std::to_string(d.day) + " tháng " + std::to_string(d.month) + " năm " +
         std::to_string(d.year);
}

Document ReviewDocument(const Review& r, const DocumentOptions& o) {
  Document doc;
  DocumentHeader& h = doc.header;
  h.superior_body = o.superior_body;
  h.issuing_body = o.issuing_body.empty() ? UpperVi(r.root_name) : o.issuing_body;
  h.number_symbol =
      o.number_symbol.empty() ? "Số      -BC/" + Symbol(r.resolution.number) : o.number_symbol;
  h.place_date = (o.place.empty() ? "" : o.place + ", ") + LongDateVi(r.as_of);
  h.doc_type = "BÁO CÁO";
  const std::string kind = r.kind == ReviewKind::kMidTerm ? "Sơ kết giữa nhiệm kỳ"
                                                          : "Tổng kết nhiệm kỳ";
  h.summary = {kind + " thực hiện Nghị quyết số " + r.resolution.number, r.resolution.title};

  std::vector<Block>& body = doc.body;
  body.push_back(Paragraph("Ban Thường vụ " + r.root_name + " báo cáo kết quả " +
                           ReviewKindLabel(r.kind) + " thực hiện Nghị quyết số " +
                           r.resolution.number + " (" + r.term.name + ") tính đến " +
                           LongDateVi(r.as_of) + ", như sau:"));
  body.push_back(Heading(BlockKind::kHeading1, "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT"));
  TargetsPart(r, body);
  int number = 2;
  BreakthroughPart(r, body, &number);
  TasksPart(r, body, &number);
  LimitationsPart(r, body);
  body.push_back(Heading(BlockKind::kHeading1, "III. BÀI HỌC KINH NGHIỆM"));
  Narrative(r.lessons, body);
  DirectionsPart(r, body);

  doc.signature = o.signature;
  doc.recipients = o.recipients;
  if (doc.recipients.empty()) {
    doc.recipients = {"Ban Thường vụ cấp ủy cấp trên (b/c)", "Các tổ chức cơ sở đảng trực thuộc",
                      "Lưu Văn phòng."};
  }
  return doc;
}

}  // namespace nq::review
