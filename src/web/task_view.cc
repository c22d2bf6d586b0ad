#include "web/task_view.h"

#include <algorithm>
#include <string>

#include "web/api_common.h"

namespace nq::web {

const char* TaskStateColour(TaskState s) {
  switch (s) {
    case TaskState::kDoneOnTime:
      return "success";
    case TaskState::kDoneLate:
      return "teal";
    case TaskState::kOpenInTime:
      return "primary";
    case TaskState::kOverdue:
      return "danger";
    case TaskState::kNotAssigned:
      break;
  }
  return "secondary";
}

mstch::map TaskStateContext(TaskState s) {
  return mstch::map{{"state", std::string(TaskStateCode(s))},
                    {"state_label", std::string(TaskStateLabel(s))},
                    {"colour", std::string(TaskStateColour(s))}};
}

std::string TaskPath(int64_t id, const Date& as_of, const Date& today) {
  std::string path = "/tasks/" + std::to_string(id);
  if (as_of != today) path += "?as_of=" + FormatIso(as_of);
  return path;
}

std::string DeadlineText(const AssignedTask& t) {
  const TaskDeadline& d = t.deadline;
  if (d.recurrence == TaskRecurrence::kOnce) return FormatVi(d.due);
  std::string s = std::string(TaskRecurrenceLabel(d.recurrence)) + ", hạn " +
                  std::to_string(d.offset_days) + " ngày sau mỗi kỳ";
  if (d.until) {
    const std::optional<PeriodType> type = RecurrencePeriodType(d.recurrence);
    const std::optional<Period> last = type ? Period::Containing(*type, *d.until) : std::nullopt;
    s += ", đến " + (last ? last->Label() : FormatVi(*d.until));
  }
  return s;
}

std::string ProductText(const AssignedTask& t) {
  switch (t.product) {
    case ProductKind::kDocument:
      if (t.document && IsIssued(*t.document)) {
        return "Văn bản số " + t.document->number + " ngày " + FormatVi(*t.document->issued);
      }
      return "Văn bản cụ thể hóa (chưa ban hành)";
    case ProductKind::kProject:
      return t.project ? "Công trình, dự án: " + t.project->name
                       : std::string(ProductKindLabel(t.product));
    case ProductKind::kReport:
      return t.report_ref.empty() ? std::string("Báo cáo") : "Báo cáo số " + t.report_ref;
    case ProductKind::kNone:
      break;
  }
  return "—";
}

std::string DueInText(const std::optional<Date>& next_due, const Date& as_of) {
  if (!next_due) return "";
  const int64_t days = DaysFromCivil(*next_due) - DaysFromCivil(as_of);
  if (days < 0) return "Quá hạn " + std::to_string(-days) + " ngày";
  if (days == 0) return "Đến hạn hôm nay";
  return "Còn " + std::to_string(days) + " ngày";
}

mstch::map TaskRowContext(const OrgTree& tree, const TaskRow& row, const Date& as_of,
                          const Date& today) {
  const AssignedTask& t = row.task;
  const int percent = std::clamp(t.progress_percent, 0, 100);
  mstch::map m = TaskStateContext(row.state);
  m.emplace("id", std::to_string(t.id));
  m.emplace("url", TaskPath(t.id, as_of, today));
  m.emplace("title", t.title);
  m.emplace("is_subtask", t.parent_id.has_value());
  m.emplace("owner_name", OrgNameOf(tree, t.owner_org_id));
  m.emplace("owner_url", "/tasks?org=" + std::to_string(t.owner_org_id) +
                             (as_of != today ? "&as_of=" + FormatIso(as_of) : std::string()));
  m.emplace("deadline", DeadlineText(t));
  m.emplace("product", ProductText(t));
  m.emplace("percent", std::to_string(percent));
  m.emplace("next_due", row.next_due ? FormatVi(*row.next_due) : std::string("—"));
  m.emplace("due_in", DueInText(row.next_due, as_of));
  m.emplace("overdue", row.next_due.has_value() && *row.next_due < as_of);
  return m;
}

}  // namespace nq::web
