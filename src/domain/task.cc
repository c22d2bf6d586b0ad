#include "domain/task.h"

#include <algorithm>

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxTaskText = 255;   // numbers, names, issuing bodies
constexpr size_t kMaxTitle = 1000;     // task titles quote the resolution at length
constexpr int kMaxOffsetDays = 366;

bool Blank(std::string_view s) { return Trim(s).empty(); }

// Valid UTF-8 of at most `max` code points (blank allowed).
bool TextFits(std::string_view s, size_t max) { return IsValidUtf8(s) && CodePointCount(s) <= max; }

Status ProgressInRange(int percent) {
  if (percent < 0 || percent > 100) {
    return Status::Invalid("task.progress_invalid", "Tiến độ phải từ 0% đến 100% (nhận được " +
                                                        std::to_string(percent) + "%)");
  }
  return Status::Ok();
}

Status CheckCompletionDate(const AssignedTask& t, const Date& done) {
  if (!IsValid(done)) return Status::Invalid("task.date_invalid", "Ngày hoàn thành không hợp lệ");
  if (done < t.assigned) {
    return Status::Invalid("task.completed_before_assignment",
                           "Ngày hoàn thành (" + FormatVi(done) + ") không được trước ngày giao (" +
                               FormatVi(t.assigned) + ")");
  }
  return Status::Ok();
}

Status ProductMissing(const std::string& what) {
  return Status::Invalid("task.product_missing",
                         "Nhiệm vụ chỉ được ghi nhận hoàn thành khi có sản phẩm: " + what);
}

// The product a one-off task needs to be complete on `done`.
Status CheckProduct(const AssignedTask& t, const Date& done) {
  switch (t.product) {
    case ProductKind::kNone: return Status::Ok();
    case ProductKind::kDocument:
      if (!t.document || !IsIssued(*t.document)) {
        return ProductMissing("số, ký hiệu và ngày ban hành của văn bản cụ thể hóa");
      }
      return Status::Ok();
    case ProductKind::kProject:
      if (!t.project) return ProductMissing("công trình, dự án trọng điểm");
      for (const Milestone& m : t.project->milestones) {
        if (!m.done_on || done < *m.done_on) {
          return Status::Invalid("task.milestones_open",
                                 "Chưa thể hoàn thành nhiệm vụ: mốc \"" + m.title +
                                     "\" chưa hoàn thành đến ngày " + FormatVi(done));
        }
      }
      return Status::Ok();
    case ProductKind::kReport:
      if (Blank(t.report_ref)) return ProductMissing("số, ký hiệu của báo cáo");
      return Status::Ok();
  }
  return Status::Ok();
}

Status CheckDeadline(const AssignedTask& t) {
  const TaskDeadline& d = t.deadline;
  if (d.recurrence == TaskRecurrence::kOnce) {
    if (!IsValid(d.due)) return Status::Invalid("task.date_invalid", "Hạn hoàn thành không hợp lệ");
    if (d.due < t.assigned) {
      return Status::Invalid("task.deadline_before_assignment",
                             "Hạn hoàn thành (" + FormatVi(d.due) +
                                 ") không được trước ngày giao (" + FormatVi(t.assigned) + ")");
    }
    return Status::Ok();
  }
  if (d.offset_days < 0 || d.offset_days > kMaxOffsetDays) {
    return Status::Invalid("task.deadline_invalid",
                           "Số ngày hạn sau mỗi kỳ phải từ 0 đến 366 (nhận được " +
                               std::to_string(d.offset_days) + ")");
  }
  if (d.until && !IsValid(*d.until)) {
    return Status::Invalid("task.date_invalid", "Ngày kết thúc nhiệm vụ định kỳ không hợp lệ");
  }
  if (d.until && *d.until < t.assigned) {
    return Status::Invalid("task.deadline_before_assignment",
                           "Ngày kết thúc nhiệm vụ định kỳ (" + FormatVi(*d.until) +
                               ") không được trước ngày giao (" + FormatVi(t.assigned) + ")");
  }
  if (t.product == ProductKind::kDocument || t.product == ProductKind::kProject) {
    return Status::Invalid(
        "task.product_invalid",
        "Nhiệm vụ định kỳ chỉ có sản phẩm là báo cáo hoặc không yêu cầu sản phẩm");
  }
  return Status::Ok();
}

Status CompletionInvalid(std::string msg) {
  return Status::Invalid("task.completion_invalid", std::move(msg));
}

Status CheckOccurrenceCompletions(const AssignedTask& t) {
  const std::optional<PeriodType> type = RecurrencePeriodType(t.deadline.recurrence);
  if (!type) {
    if (!t.occurrence_completions.empty()) {
      return CompletionInvalid("Nhiệm vụ giao một lần không có kết quả theo kỳ");
    }
    return Status::Ok();
  }
  if (t.completed_on) {
    return CompletionInvalid("Nhiệm vụ định kỳ được ghi nhận hoàn thành theo từng kỳ");
  }
  // The series runs from the period holding the assignment date to the one holding `until`.
  const std::optional<Period> first = Period::Containing(*type, t.assigned);
  const std::optional<Period> last =
      t.deadline.until ? Period::Containing(*type, *t.deadline.until) : std::nullopt;
  for (size_t i = 0; i < t.occurrence_completions.size(); ++i) {
    const OccurrenceCompletion& c = t.occurrence_completions[i];
    if (c.period.type() != *type) {
      return CompletionInvalid("Kỳ " + c.period.Label() + " không phải kỳ " +
                               TaskRecurrenceLabel(t.deadline.recurrence) + " của nhiệm vụ");
    }
    if ((first && c.period < *first) || (last && *last < c.period)) {
      return CompletionInvalid("Kỳ " + c.period.Label() +
                               " nằm ngoài thời gian thực hiện nhiệm vụ");
    }
    for (size_t j = 0; j < i; ++j) {
      if (t.occurrence_completions[j].period == c.period) {
        return CompletionInvalid("Kỳ " + c.period.Label() + " được ghi nhận hoàn thành hai lần");
      }
    }
    NQ_RETURN_IF_ERROR(CheckCompletionDate(t, c.completed_on));
    if (t.product == ProductKind::kReport && Blank(c.report_ref)) {
      return ProductMissing("số, ký hiệu của báo cáo " + c.period.Label());
    }
  }
  return Status::Ok();
}

Status CheckOrgs(const AssignedTask& t) {
  if (t.resolution_id <= 0) {
    return Status::Invalid("task.resolution_required", "Nhiệm vụ phải thuộc một nghị quyết");
  }
  if (t.owner_org_id <= 0) {
    return Status::Invalid("task.owner_required", "Nhiệm vụ phải có đơn vị chủ trì");
  }
  std::vector<int64_t> ids = t.cooperating_org_ids;
  std::sort(ids.begin(), ids.end());
  const bool repeated = std::adjacent_find(ids.begin(), ids.end()) != ids.end();
  const bool bad = !ids.empty() &&
                   (ids.front() <= 0 || std::binary_search(ids.begin(), ids.end(), t.owner_org_id));
  if (repeated || bad) {
    return Status::Invalid("task.cooperating_invalid",
                           "Đơn vị phối hợp không được trùng nhau hoặc trùng đơn vị chủ trì");
  }
  return Status::Ok();
}

}  // namespace

const char* TaskRecurrenceCode(TaskRecurrence r) {
  switch (r) {
    case TaskRecurrence::kOnce: return "once";
    case TaskRecurrence::kMonthly: return "monthly";
    case TaskRecurrence::kQuarterly: return "quarterly";
    case TaskRecurrence::kYearly: return "yearly";
  }
  return "once";
}

const char* TaskRecurrenceLabel(TaskRecurrence r) {
  switch (r) {
    case TaskRecurrence::kOnce: return "Một lần";
    case TaskRecurrence::kMonthly: return "Hằng tháng";
    case TaskRecurrence::kQuarterly: return "Hằng quý";
    case TaskRecurrence::kYearly: return "Hằng năm";
  }
  return "";
}

std::optional<TaskRecurrence> ParseTaskRecurrence(std::string_view code) {
  for (TaskRecurrence r : {TaskRecurrence::kOnce, TaskRecurrence::kMonthly,
                           TaskRecurrence::kQuarterly, TaskRecurrence::kYearly}) {
    if (code == TaskRecurrenceCode(r)) return r;
  }
  return std::nullopt;
}

std::optional<PeriodType> RecurrencePeriodType(TaskRecurrence r) {
  switch (r) {
    case TaskRecurrence::kOnce: return std::nullopt;
    case TaskRecurrence::kMonthly: return PeriodType::kMonthly;
    case TaskRecurrence::kQuarterly: return PeriodType::kQuarterly;
    case TaskRecurrence::kYearly: return PeriodType::kYearly;
  }
  return std::nullopt;
}

const char* ProductKindCode(ProductKind k) {
  switch (k) {
    case ProductKind::kNone: return "none";
    case ProductKind::kDocument: return "document";
    case ProductKind::kProject: return "project";
    case ProductKind::kReport: return "report";
  }
  return "none";
}

const char* ProductKindLabel(ProductKind k) {
  switch (k) {
    case ProductKind::kNone: return "Không yêu cầu sản phẩm";
    case ProductKind::kDocument: return "Văn bản cụ thể hóa";
    case ProductKind::kProject: return "Công trình, dự án trọng điểm";
    case ProductKind::kReport: return "Báo cáo";
  }
  return "";
}

std::optional<ProductKind> ParseProductKind(std::string_view code) {
  for (ProductKind k :
       {ProductKind::kNone, ProductKind::kDocument, ProductKind::kProject, ProductKind::kReport}) {
    if (code == ProductKindCode(k)) return k;
  }
  return std::nullopt;
}

bool IsIssued(const ConcretizingDocument& d) {
  return !Blank(d.number) && d.issued.has_value() && IsValid(*d.issued);
}

Status ValidateConcretizingDocument(const ConcretizingDocument& d) {
  if (!TextFits(d.number, kMaxTaskText) || !TextFits(d.issuing_body, kMaxTaskText) ||
      !TextFits(d.title, kMaxTitle)) {
    return Status::Invalid("document.text_invalid",
                           "Số, ký hiệu, trích yếu hoặc cơ quan ban hành văn bản không hợp lệ");
  }
  if (d.issued && !IsValid(*d.issued)) {
    return Status::Invalid("document.date_invalid", "Ngày ban hành văn bản không hợp lệ");
  }
  if (d.issued && Blank(d.number)) {
    return Status::Invalid("document.number_required", "Văn bản đã ban hành phải có số, ký hiệu");
  }
  return Status::Ok();
}

Status ValidateKeyProject(const KeyProject& p) {
  if (Blank(p.name) || !TextFits(p.name, kMaxTaskText)) {
    return Status::Invalid("project.name_required",
                           "Tên công trình, dự án không được để trống (tối đa 255 ký tự)");
  }
  for (const Milestone& m : p.milestones) {
    if (Blank(m.title) || !TextFits(m.title, kMaxTaskText)) {
      return Status::Invalid("milestone.title_required",
                             "Tên mốc tiến độ không được để trống (tối đa 255 ký tự)");
    }
    if (!IsValid(m.due) || (m.done_on && !IsValid(*m.done_on))) {
      return Status::Invalid("milestone.date_invalid",
                             "Ngày của mốc \"" + m.title + "\" không hợp lệ");
    }
  }
  return Status::Ok();
}

Status ValidateAssignedTask(const AssignedTask& t) {
  if (!TextFits(t.title, kMaxTitle)) {
    return Status::Invalid("task.title_invalid",
                           "Tên nhiệm vụ chứa ký tự không hợp lệ hoặc dài quá 1000 ký tự");
  }
  if (Blank(t.title)) {
    return Status::Invalid("task.title_required", "Tên nhiệm vụ không được để trống");
  }
  NQ_RETURN_IF_ERROR(CheckOrgs(t));
  if (t.parent_id && *t.parent_id == t.id && t.id != 0) {
    return Status::Invalid("task.parent_invalid",
                           "Nhiệm vụ không thể là nhiệm vụ con của chính nó");
  }
  if (!TextFits(t.assigning_document, kMaxTaskText)) {
    return Status::Invalid("task.text_invalid", "Số, ký hiệu văn bản giao nhiệm vụ không hợp lệ");
  }
  if (!IsValid(t.assigned)) {
    return Status::Invalid("task.date_invalid", "Ngày giao nhiệm vụ không hợp lệ");
  }
  NQ_RETURN_IF_ERROR(CheckDeadline(t));
  NQ_RETURN_IF_ERROR(ProgressInRange(t.progress_percent));
  if (t.document) NQ_RETURN_IF_ERROR(ValidateConcretizingDocument(*t.document));
  if (t.project) NQ_RETURN_IF_ERROR(ValidateKeyProject(*t.project));
  NQ_RETURN_IF_ERROR(CheckOccurrenceCompletions(t));
  if (t.completed_on) {
    NQ_RETURN_IF_ERROR(CheckCompletionDate(t, *t.completed_on));
    NQ_RETURN_IF_ERROR(CheckProduct(t, *t.completed_on));
  }
  return Status::Ok();
}

Status ValidateProgressUpdate(int old_percent, int new_percent, std::string_view reason) {
  NQ_RETURN_IF_ERROR(ProgressInRange(new_percent));
  if (new_percent < old_percent && Blank(reason)) {
    return Status::Invalid("task.progress_backwards",
                           "Tiến độ giảm từ " + std::to_string(old_percent) + "% xuống " +
                               std::to_string(new_percent) + "% phải nêu lý do");
  }
  return Status::Ok();
}

}  // namespace nq
