#include "review/xlsx_writer.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/format.h"
#include "review/xlsx_sheet.h"

namespace nq::review {
namespace {

using xlsx::Book;
using xlsx::kYesNoFormat;
using xlsx::Look;
using xlsx::NumberFormat;
using xlsx::Sheet;

std::string AsOfText(const Review& r) { return " tính đến ngày " + FormatVi(r.as_of); }

// The target value as compared, its comparator in the number format.
void TargetValue(Sheet& s, int row, int col, const TargetRow& t) {
  const analytics::TargetAssessment& a = t.assessment;
  switch (t.target.comparator) {
    case Comparator::kRange:
      return s.Text(row, col,
                    FormatNumberVi(a.target_value, 2) + " – " +
                        FormatNumberVi(a.target_high.value_or(a.target_value), 2),
                    Look::kCentre);
    case Comparator::kYesNo:
      return s.Number(row, col, a.target_value, kYesNoFormat);
    case Comparator::kAtLeast:
      return s.Number(row, col, a.target_value, "\"≥ \"" + NumberFormat(a.target_value));
    case Comparator::kAtMost:
      return s.Number(row, col, a.target_value, "\"≤ \"" + NumberFormat(a.target_value));
  }
}

// An actual (or a projection) of a target: the yes/no format for a yes/no target.
void Value(Sheet& s, int row, int col, const TargetRow& t, std::optional<double> x) {
  s.Number(row, col, x, t.target.comparator == Comparator::kYesNo && x ? kYesNoFormat : "");
}

void TargetSheet(Book& book, const Review& r) {
  Sheet s(book, "Mục tiêu");
  if (!s.ok()) return;
  s.Frame("Phụ lục: Kết quả thực hiện các mục tiêu, chỉ tiêu Nghị quyết số " + r.resolution.number +
              AsOfText(r),
          r.root_name + " — " + r.assessment.headline,
          {5, 7, 36, 12, 10, 11, 11, 12, 12, 8, 13, 50}, 2);
  s.Header(2,
           {"STT", "Mã", "Mục tiêu", "Lĩnh vực", "Đơn vị tính", "Chỉ tiêu", "Thực hiện",
            "Dự kiến đến thời điểm", "Dự báo cuối nhiệm kỳ", "Tỷ lệ (%)", "Đánh giá", "Ghi chú"});
  int row = 3;
  for (const TargetRow& t : r.assessment.targets) {
    const analytics::TargetAssessment& a = t.assessment;
    s.Number(row, 0, row - 2, "0");
    s.Text(row, 1, t.target.code, Look::kCentre);
    s.Text(row, 2, t.target.text);
    s.Text(row, 3, FieldLabel(t.target.field));
    s.Text(row, 4, t.target.unit, Look::kCentre);
    TargetValue(s, row, 5, t);
    Value(s, row, 6, t, a.actual);
    Value(s, row, 7, t, a.expected);
    Value(s, row, 8, t, a.projection);
    s.Number(row, 9, a.ratio, "0.0");
    s.Text(row, 10, analytics::TargetStatusLabel(a.status), Look::kCentre);
    s.Text(row, 11, a.explanation);
    ++row;
  }
}

void OrganizationSheet(Book& book, const Review& r) {
  Sheet s(book, "Theo đơn vị");
  if (!s.ok()) return;
  const std::vector<TargetRow>& targets = r.assessment.targets;
  std::vector<double> widths{5, 10, 30};
  for (size_t i = 0; i < targets.size(); ++i) widths.insert(widths.end(), {9, 12});
  s.Frame("Kết quả thực hiện các mục tiêu của các tổ chức trực thuộc" + AsOfText(r), r.root_name,
          widths, 3, 3, 2);
  s.Merged(2, 0, 0, "STT", Look::kHeader, 3);
  s.Merged(2, 1, 1, "Mã", Look::kHeader, 3);
  s.Merged(2, 2, 2, "Tổ chức", Look::kHeader, 3);
  for (size_t i = 0; i < targets.size(); ++i) {
    const int col = 3 + 2 * static_cast<int>(i);
    const std::string& unit = targets[i].target.unit;
    s.Merged(2, col, col + 1, targets[i].target.code + (unit.empty() ? "" : " (" + unit + ")"),
             Look::kHeader);
    s.Text(3, col, "Thực hiện", Look::kHeader);
    s.Text(3, col + 1, "Đánh giá", Look::kHeader);
  }
  int row = 4;
  for (const OrgRow& o : r.organizations) {
    s.Number(row, 0, row - 3, "0");
    s.Text(row, 1, o.code, Look::kCentre);
    s.Text(row, 2, o.name);
    for (size_t i = 0; i < o.targets.size() && i < targets.size(); ++i) {
      const int col = 3 + 2 * static_cast<int>(i);
      Value(s, row, col, targets[i], o.targets[i].actual);
      s.Text(row, col + 1, analytics::TargetStatusLabel(o.targets[i].status), Look::kCentre);
    }
    ++row;
  }
  // The targets' names under the table, as the headers give only their codes.
  ++row;
  for (const TargetRow& t : targets) {
    s.Text(row++, 0, t.target.code + ": " + t.target.text, Look::kNote);  // flows to the right
  }
}

void ReportingSheet(Book& book, const Review& r) {
  Sheet s(book, "Báo cáo số liệu");
  if (!s.ok()) return;
  s.Frame("Tình hình gửi báo cáo số liệu của các tổ chức trực thuộc" + AsOfText(r), r.root_name,
          {5, 10, 40, 10, 10, 10, 10, 14}, 2);
  s.Header(2, {"STT", "Mã", "Tổ chức", "Đúng hạn", "Trễ hạn", "Chưa gửi", "Phải gửi",
               "Tỷ lệ trễ, chưa gửi"});
  int row = 3;
  for (const OrgRow& o : r.organizations) {
    const int due = o.reports_on_time + o.reports_late + o.reports_missing;
    s.Number(row, 0, row - 2, "0");
    s.Text(row, 1, o.code, Look::kCentre);
    s.Text(row, 2, o.name);
    s.Number(row, 3, o.reports_on_time, "#,##0");
    s.Number(row, 4, o.reports_late, "#,##0");
    s.Number(row, 5, o.reports_missing, "#,##0");
    s.Number(row, 6, due, "#,##0");
    s.Number(row, 7,
             due > 0 ? std::optional<double>(
                           static_cast<double>(o.reports_late + o.reports_missing) / due)
                     : std::nullopt,
             "0.0%");
    ++row;
  }
}

// The task lines of a section, each task once: documents, projects, overdue, done late.
std::vector<const TaskLine*> SectionLines(const TaskSection& section) {
  std::vector<const TaskLine*> out;
  std::set<int64_t> seen;
  for (const auto* list :
       {&section.documents, &section.projects, &section.overdue, &section.done_late}) {
    for (const TaskLine& t : *list) {
      if (seen.insert(t.id).second) out.push_back(&t);
    }
  }
  return out;
}

void TaskSheet(Book& book, const Review& r) {
  Sheet s(book, "Nhiệm vụ");
  if (!s.ok()) return;
  s.Frame("Các nhiệm vụ được giao" + AsOfText(r), r.root_name,
          {5, 12, 46, 28, 16, 18, 9, 11, 11, 14}, 2);
  s.Header(2, {"STT", "Nghị quyết", "Nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm", "Tình trạng",
               "Tiến độ (%)", "Hạn tiếp theo", "Ngày hoàn thành", "Số văn bản"});
  int row = 3;
  for (const TaskSection& section : r.task_sections) {
    for (const TaskLine* t : SectionLines(section)) {
      s.Number(row, 0, row - 2, "0");
      s.Text(row, 1, section.resolution.number, Look::kCentre);
      s.Text(row, 2, t->title);
      s.Text(row, 3, t->owner);
      s.Text(row, 4, t->product == ProductKind::kNone ? "" : ProductKindLabel(t->product));
      s.Text(row, 5, TaskStateLabel(t->state));
      s.Number(row, 6, t->progress, "0");
      s.Day(row, 7, t->next_due);
      s.Day(row, 8, t->completed_on);
      s.Text(row, 9, t->document_number, Look::kCentre);
      ++row;
    }
  }
}

}  // namespace

Result<std::string> WriteXlsx(const Review& r) {
  return xlsx::WriteWorkbook("Phụ lục báo cáo " + std::string(ReviewKindLabel(r.kind)) +
                                 " Nghị quyết số " + r.resolution.number,
                             r.as_of, [&](Book& book) {
                               TargetSheet(book, r);
                               OrganizationSheet(book, r);
                               ReportingSheet(book, r);
                               TaskSheet(book, r);
                             });
}

}  // namespace nq::review
