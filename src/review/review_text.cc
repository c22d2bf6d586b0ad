#include "review/review_text.h"

#include <string>
#include <utility>

#include "common/format.h"
#include "common/utf8.h"

namespace nq::review {
namespace {

using Body = std::vector<TextBlock>;

Piece P(std::string text, TextRef ref = {}, bool bold = false, bool italic = false) {
  return Piece{std::move(text), bold, italic, std::move(ref)};
}

TextCell C(std::string text, bool number, TextRef ref = {}, bool bold = false) {
  return TextCell{std::move(text), number, bold, std::move(ref)};
}

TextRef Ref(TextRef::Kind kind, int64_t id = 0, std::string code = "") {
  TextRef r;
  r.kind = kind;
  r.id = id;
  r.code = std::move(code);
  return r;
}

TextRef TargetRef(const std::string& code) { return Ref(TextRef::Kind::kTarget, 0, code); }
TextRef TaskRef(int64_t id) { return Ref(TextRef::Kind::kTask, id); }

TextRef EvidenceTextRef(const EvidenceRef& e) {
  switch (e.kind) {
    case EvidenceRef::Kind::kTarget:
      return TargetRef(e.code);
    case EvidenceRef::Kind::kTask:
      return TaskRef(e.id);
    case EvidenceRef::Kind::kOrganization:
      return Ref(TextRef::Kind::kOrganization, e.id, e.code);
  }
  return {};
}

void Add(Body& body, BlockKind kind, Line line) {
  TextBlock b;
  b.kind = kind;
  b.line = std::move(line);
  body.push_back(std::move(b));
}
void Heading(Body& body, BlockKind level, std::string text) {
  Add(body, level, {P(std::move(text))});
}
void Paragraph(Body& body, Line line) { Add(body, BlockKind::kParagraph, std::move(line)); }
void Paragraph(Body& body, std::string text) { Paragraph(body, Line{P(std::move(text))}); }
void AddTable(Body& body, TextTable t) {
  TextBlock b;
  b.kind = BlockKind::kTable;
  b.table = std::move(t);
  body.push_back(std::move(b));
}

std::string Value(double x, const std::string& unit) {
  std::string n = FormatNumberVi(x, 2);
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

// "<lead>5 nhiệm vụ: 3 hoàn thành đúng hạn, 1 hoàn thành trễ hạn, 1 quá hạn." — the total
// referring to `all`, each state's count to `all` narrowed to the state.
Line CountsLine(const std::string& lead, const TaskCounts& c, const TextRef& all) {
  Line out{P(lead), P(std::to_string(c.Assigned()) + " nhiệm vụ", all)};
  const char* sep = ": ";
  for (TaskState s : {TaskState::kDoneOnTime, TaskState::kDoneLate, TaskState::kOpenInTime,
                      TaskState::kOverdue}) {
    if (c.Get(s) == 0) continue;
    TextRef ref = all;
    ref.state = s;
    out.push_back(P(sep));
    out.push_back(P(std::to_string(c.Get(s)) + " " + InSentence(TaskStateLabel(s)), ref));
    sep = ", ";
  }
  out.push_back(P("."));
  return out;
}

TextRef TaskListRef(int64_t resolution_id) { return Ref(TextRef::Kind::kTaskList, resolution_id); }

void TargetsPart(const Review& r, Body& body) {
  Heading(body, BlockKind::kHeading2, "1. Kết quả thực hiện các mục tiêu, chỉ tiêu");
  const TextRef dashboard = Ref(TextRef::Kind::kAssessment);
  Line lead{P("Tính đến ngày " + FormatVi(r.as_of) + ", "),
            P(InSentence(r.assessment.headline.c_str()), dashboard), P(" của Nghị quyết")};
  for (const analytics::BucketCount& b : r.assessment.buckets) {
    lead.push_back(P("; "));
    lead.push_back(P(std::to_string(b.count) + "/" + std::to_string(r.assessment.total) +
                         " mục tiêu đạt từ " + FormatNumberVi(b.threshold, 1) + "% trở lên",
                     dashboard));
  }
  lead.push_back(P("."));
  Paragraph(body, std::move(lead));
  Line fields{P("Theo lĩnh vực: ")};
  for (const analytics::FieldCount& f : r.assessment.fields) {
    if (fields.size() > 1) fields.push_back(P("; "));
    fields.push_back(P(std::string(FieldLabel(f.field)) + ": " + std::to_string(f.done) + "/" +
                           std::to_string(f.total),
                       dashboard));
  }
  fields.push_back(P("."));
  if (fields.size() > 2) Paragraph(body, std::move(fields));
  TextTable t;
  t.header = {"TT",        "Mục tiêu",        "Chỉ tiêu Nghị quyết",
              "Thực hiện", "Dự kiến đến nay", "Dự báo cuối nhiệm kỳ",
              "Đánh giá"};
  t.widths = {0.7, 4.1, 1.5, 1.4, 1.4, 1.4, 1.4};
  int n = 0;
  for (const TargetRow& row : r.assessment.targets) {
    const std::string& unit = row.target.unit;
    const TextRef ref = TargetRef(row.target.code);
    t.rows.push_back({C(std::to_string(++n), true), C(row.target.text, false, ref),
                      C(TargetText(row), true, ref), C(ActualText(row), true, ref),
                      C(OptValue(row.assessment.expected, unit), true, ref),
                      C(OptValue(row.assessment.projection, unit), true, ref),
                      C(analytics::TargetStatusLabel(row.assessment.status), false, ref, true)});
  }
  AddTable(body, std::move(t));
  for (const TargetRow& row : r.assessment.targets) {
    const std::string status = analytics::TargetStatusLabel(row.assessment.status);
    Paragraph(body, Line{P("- ", {}, true),
                         P(row.target.code + " (" + status + ")", TargetRef(row.target.code), true),
                         P(": ", {}, true), P(row.assessment.explanation)});
  }
}

// Parts 2 and 3 of section I are numbered on from `*number` (2, or 3 after the breakthroughs).
void BreakthroughPart(const Review& r, Body& body, int* number) {
  if (r.breakthroughs.empty()) return;
  Heading(body, BlockKind::kHeading2,
          std::to_string((*number)++) + ". Thực hiện các nhiệm vụ đột phá, trọng tâm");
  char letter = 'a';
  for (const BreakthroughSection& b : r.breakthroughs) {
    const std::string kind = b.task.kind == ResolutionTaskKind::kBreakthrough
                                 ? "Nhiệm vụ đột phá"
                                 : "Nhiệm vụ trọng tâm";
    Heading(body, BlockKind::kHeading3, std::string(1, letter) + ") " + kind + ": " + b.task.title);
    if (letter < 'z') ++letter;
    if (b.tasks.empty()) {
      Paragraph(body, "Chưa có nhiệm vụ được giao theo dõi trên hệ thống.");
      continue;
    }
    TextRef serving = TaskListRef(r.resolution.id);
    serving.resolution_task = b.task.id;
    Paragraph(body, CountsLine("Đã giao ", b.counts, serving));
    for (const TaskLine& t : b.tasks) {
      const std::string detail = TaskDetailText(t, r.as_of);
      Paragraph(body, Line{P("- "), P(t.title, TaskRef(t.id)),
                           P(" (" + t.owner + "): " + InSentence(TaskStateLabel(t.state)) +
                             (detail.empty() ? "" : ", " + detail) + ".")});
    }
  }
}

TextTable TaskTable(const std::vector<TaskLine>& lines, bool projects, const Date& as_of) {
  TextTable t;
  t.header = {"TT", projects ? "Công trình, dự án" : "Văn bản cụ thể hóa", "Đơn vị chủ trì",
              projects ? "Mốc đã hoàn thành" : "Số, ký hiệu", "Tình trạng"};
  t.widths = {0.7, 4.4, 2.6, 1.6, 2.6};
  int n = 0;
  for (const TaskLine& l : lines) {
    const std::string progress =
        projects ? std::to_string(l.milestones_done) + "/" + std::to_string(l.milestones_total)
                 : (l.document_number.empty() ? "—" : l.document_number);
    const std::string detail = TaskDetailText(l, as_of);
    const TextRef ref = TaskRef(l.id);
    t.rows.push_back(
        {C(std::to_string(++n), true), C(l.title, false, ref), C(l.owner, false, ref),
         C(progress, projects, ref),
         C(std::string(TaskStateLabel(l.state)) + (detail.empty() ? "" : " (" + detail + ")"),
           false, ref)});
  }
  return t;
}

// "<verb> 2/18 <what>:" before the table of `lines` (the done ones counted), referring to the
// section's tasks of that product.
void ProductPart(const std::string& verb, const std::string& what, ProductKind product,
                 const std::vector<TaskLine>& lines, int64_t resolution_id, const Date& as_of,
                 Body& body) {
  if (lines.empty()) return;
  int done = 0;
  for (const TaskLine& l : lines) done += IsDone(l.state) ? 1 : 0;
  TextRef ref = TaskListRef(resolution_id);
  ref.product = product;
  Paragraph(
      body,
      Line{P(verb + " "),
           P(std::to_string(done) + "/" + std::to_string(lines.size()) + " " + what, ref), P(":")});
  AddTable(body, TaskTable(lines, product == ProductKind::kProject, as_of));
}

void TasksPart(const Review& r, Body& body, int* number) {
  if (r.task_sections.empty()) return;
  Heading(body, BlockKind::kHeading2,
          std::to_string((*number)++) + ". Thực hiện các nhiệm vụ được giao");
  for (const TaskSection& s : r.task_sections) {
    const bool own = s.resolution.number == r.resolution.number;
    Paragraph(body, CountsLine((own ? "Thực hiện Nghị quyết " : "Theo dõi thực hiện Nghị quyết ") +
                                   s.resolution.number + ", đã giao ",
                               s.counts, TaskListRef(s.resolution.id)));
    ProductPart("Ban hành", "văn bản cụ thể hóa", ProductKind::kDocument, s.documents,
                s.resolution.id, r.as_of, body);
    ProductPart("Hoàn thành", "công trình, dự án trọng điểm", ProductKind::kProject, s.projects,
                s.resolution.id, r.as_of, body);
  }
}

void LimitationsPart(const Review& r, Body& body) {
  Heading(body, BlockKind::kHeading1, "II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN");
  if (r.findings.empty()) {
    Paragraph(body, "Số liệu đến ngày " + FormatVi(r.as_of) +
                        " không cho thấy hạn chế nào về mục tiêu, nhiệm vụ và báo cáo.");
  }
  for (const Finding& f : r.findings) {
    Paragraph(body, "- " + f.text);
    for (const EvidenceRef& e : f.evidence) {
      Paragraph(body, Line{P("+ "), P(e.label, EvidenceTextRef(e)),
                           P(e.detail.empty() ? "" : ": " + e.detail)});
    }
  }
}

// The committee's text, a paragraph per line; a placeholder while it is empty.
void Narrative(const std::string& text, Body& body) {
  size_t start = 0;
  bool any = false;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = Trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) {
      Paragraph(body, std::string(line));
      any = true;
    }
    start = end + 1;
  }
  if (!any) Paragraph(body, Line{P("(Ban Thường vụ bổ sung.)", {}, false, true)});
}

void DirectionsPart(const Review& r, Body& body) {
  Heading(body, BlockKind::kHeading1,
          r.kind == ReviewKind::kMidTerm ? "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP NỬA CUỐI NHIỆM KỲ"
                                         : "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI");
  Narrative(r.directions, body);
  if (r.needing_action.empty()) return;
  Paragraph(body, "Các mục tiêu cần tập trung lãnh đạo, chỉ đạo:");
  for (const TargetRow& t : r.needing_action) {
    Paragraph(body, Line{P("- "), P(t.target.code + ": " + t.target.text, TargetRef(t.target.code)),
                         P(std::string(" (") + analytics::TargetStatusLabel(t.assessment.status) +
                           ").")});
  }
}

}  // namespace

std::vector<TextBlock> ReviewBodyText(const Review& r) {
  Body body;
  Paragraph(body, "Ban Thường vụ " + r.root_name + " báo cáo kết quả " + ReviewKindLabel(r.kind) +
                      " thực hiện Nghị quyết số " + r.resolution.number + " (" + r.term.name +
                      ") tính đến " + LongDateVi(r.as_of) + ", như sau:");
  Heading(body, BlockKind::kHeading1, "I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT");
  TargetsPart(r, body);
  int number = 2;
  BreakthroughPart(r, body, &number);
  TasksPart(r, body, &number);
  if (r.party_building) {
    for (TextBlock& b : PartyBuildingText(*r.party_building, number++)) body.push_back(std::move(b));
  }
  LimitationsPart(r, body);
  Heading(body, BlockKind::kHeading1, "III. BÀI HỌC KINH NGHIỆM");
  Narrative(r.lessons, body);
  DirectionsPart(r, body);
  return body;
}

std::string LongDateVi(const Date& d) {
  return "ngày " + std::to_string(d.day) + " tháng " + std::to_string(d.month) + " năm " +
         std::to_string(d.year);
}

std::string PlainText(const Line& line) {
  std::string out;
  for (const Piece& p : line) out += p.text;
  return out;
}

}  // namespace nq::review
