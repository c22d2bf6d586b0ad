#include "domain/task_update.h"

#include <algorithm>
#include <utility>

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxNote = 4000;

Status CompletionRefused(std::string msg) {
  return Status::Invalid("task.completion_invalid", std::move(msg));
}

Status ProductInvalid(const AssignedTask& t) {
  return Status::Invalid("task.product_invalid",
                         std::string("Thông tin sản phẩm không phù hợp với loại sản phẩm của "
                                     "nhiệm vụ (") +
                             ProductKindLabel(t.product) + ")");
}

bool HasProductDetail(const ProgressInput& in) {
  return in.document.has_value() || !Trim(in.report_ref).empty() || !in.milestones_done.empty();
}

// Records the product details of `in` on `t`.
Status ApplyProduct(const ProgressInput& in, AssignedTask& t) {
  if (in.document) {
    if (t.product != ProductKind::kDocument) return ProductInvalid(t);
    t.document = *in.document;
  }
  if (!in.milestones_done.empty()) {
    if (t.product != ProductKind::kProject || !t.project) return ProductInvalid(t);
    for (const MilestoneDone& m : in.milestones_done) {
      if (m.index < 0 || static_cast<size_t>(m.index) >= t.project->milestones.size()) {
        return Status::Invalid("task.milestone_invalid",
                               "Công trình, dự án không có mốc tiến độ số " +
                                   std::to_string(m.index + 1));
      }
      Milestone& target = t.project->milestones[static_cast<size_t>(m.index)];
      if (target.done_on) {
        return Status::Invalid("task.milestone_invalid",
                               "Mốc \"" + target.title + "\" đã được ghi nhận hoàn thành ngày " +
                                   FormatVi(*target.done_on));
      }
      if (!IsValid(m.done_on)) {
        return Status::Invalid("task.date_invalid",
                               "Ngày hoàn thành mốc \"" + target.title + "\" không hợp lệ");
      }
      target.done_on = m.done_on;
    }
  }
  const bool report_given = !Trim(in.report_ref).empty();
  if (report_given && t.product != ProductKind::kReport) return ProductInvalid(t);
  if (report_given && t.deadline.recurrence == TaskRecurrence::kOnce) t.report_ref = in.report_ref;
  return Status::Ok();
}

Status ApplyCompletion(const ProgressInput& in, AssignedTask& t) {
  const bool recurring = t.deadline.recurrence != TaskRecurrence::kOnce;
  if (in.period && !in.completed_on) {
    return CompletionRefused("Hãy nhập ngày hoàn thành của kỳ " + in.period->Label());
  }
  if (!in.completed_on) return Status::Ok();
  if (!recurring) {
    if (in.period) return CompletionRefused("Nhiệm vụ giao một lần không có kết quả theo kỳ");
    if (t.completed_on) {
      return CompletionRefused("Nhiệm vụ đã được ghi nhận hoàn thành ngày " +
                               FormatVi(*t.completed_on));
    }
    t.completed_on = in.completed_on;
    t.progress_percent = 100;
    return Status::Ok();
  }
  if (!in.period) return CompletionRefused("Hãy chọn kỳ của nhiệm vụ định kỳ được hoàn thành");
  for (const OccurrenceCompletion& c : t.occurrence_completions) {
    if (c.period == *in.period) {
      return CompletionRefused("Kỳ " + in.period->Label() + " đã được ghi nhận hoàn thành ngày " +
                               FormatVi(c.completed_on));
    }
  }
  t.occurrence_completions.push_back({*in.period, *in.completed_on, in.report_ref});
  std::sort(t.occurrence_completions.begin(), t.occurrence_completions.end(),
            [](const OccurrenceCompletion& a, const OccurrenceCompletion& b) {
              return a.period < b.period;
            });
  return Status::Ok();
}

}  // namespace

Result<AssignedTask> ApplyProgress(const AssignedTask& task, const ProgressInput& in) {
  NQ_RETURN_IF_ERROR(ValidateProgressUpdate(task.progress_percent, in.percent, in.reason));
  for (const std::string* text : {&in.note, &in.reason, &in.report_ref}) {
    if (!IsValidUtf8(*text) || CodePointCount(*text) > kMaxNote) {
      return Status::Invalid("task.note_invalid",
                             "Nội dung báo cáo tiến độ chứa ký tự không hợp lệ hoặc dài quá "
                             "4000 ký tự");
    }
  }
  if (in.percent == task.progress_percent && Trim(in.note).empty() && !in.completed_on &&
      !in.period && !HasProductDetail(in)) {
    return Status::Invalid("task.note_required",
                           "Hãy nhập nội dung đã thực hiện, tiến độ mới hoặc kết quả hoàn thành");
  }
  AssignedTask t = task;
  t.progress_percent = in.percent;
  NQ_RETURN_IF_ERROR(ApplyProduct(in, t));
  NQ_RETURN_IF_ERROR(ApplyCompletion(in, t));
  NQ_RETURN_IF_ERROR(ValidateAssignedTask(t));
  return t;
}

bool HasProgress(const AssignedTask& t) {
  return t.progress_percent != 0 || t.completed_on || !t.occurrence_completions.empty() ||
         !t.report_ref.empty() || (t.document && IsIssued(*t.document)) ||
         (t.project && std::any_of(t.project->milestones.begin(), t.project->milestones.end(),
                                   [](const Milestone& m) { return m.done_on.has_value(); }));
}

AssignedTask KeepProgress(AssignedTask def, const AssignedTask& old) {
  def.progress_percent = old.progress_percent;
  def.completed_on = old.completed_on;
  def.occurrence_completions = old.occurrence_completions;
  def.report_ref = old.report_ref;
  if (def.document && old.document) {
    def.document->number = old.document->number;
    def.document->issued = old.document->issued;
  }
  if (def.project && old.project) {
    std::vector<Milestone>& ms = def.project->milestones;
    for (size_t i = 0; i < ms.size() && i < old.project->milestones.size(); ++i) {
      ms[i].done_on = old.project->milestones[i].done_on;
    }
  }
  return def;
}

}  // namespace nq
