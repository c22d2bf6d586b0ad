#include "domain/task_status.h"

namespace nq {
namespace {

std::optional<Date> CompletionOf(const AssignedTask& t, const Period& p) {
  for (const OccurrenceCompletion& c : t.occurrence_completions) {
    if (c.period == p) return c.completed_on;
  }
  return std::nullopt;
}

// Adds one count per task to the bucket `key_of(task)` picks.
template <typename KeyOf>
std::map<int64_t, TaskCounts> CountGrouped(const std::vector<AssignedTask>& tasks,
                                           const Date& as_of, KeyOf key_of) {
  std::map<int64_t, TaskCounts> out;
  for (const AssignedTask& t : tasks) {
    ++out[key_of(t)].by_state[static_cast<size_t>(StateAsOf(t, as_of))];
  }
  return out;
}

}  // namespace

const char* TaskStateCode(TaskState s) {
  switch (s) {
    case TaskState::kNotAssigned: return "not_assigned";
    case TaskState::kDoneOnTime: return "done_on_time";
    case TaskState::kDoneLate: return "done_late";
    case TaskState::kOpenInTime: return "open_in_time";
    case TaskState::kOverdue: return "overdue";
  }
  return "not_assigned";
}

const char* TaskStateLabel(TaskState s) {
  switch (s) {
    case TaskState::kNotAssigned: return "Chưa giao";
    case TaskState::kDoneOnTime: return "Hoàn thành đúng hạn";
    case TaskState::kDoneLate: return "Hoàn thành trễ hạn";
    case TaskState::kOpenInTime: return "Chưa hoàn thành, trong hạn";
    case TaskState::kOverdue: return "Quá hạn";
  }
  return "";
}

std::optional<TaskState> ParseTaskState(std::string_view code) {
  for (TaskState s : {TaskState::kNotAssigned, TaskState::kDoneOnTime, TaskState::kDoneLate,
                      TaskState::kOpenInTime, TaskState::kOverdue}) {
    if (code == TaskStateCode(s)) return s;
  }
  return std::nullopt;
}

bool IsDone(TaskState s) { return s == TaskState::kDoneOnTime || s == TaskState::kDoneLate; }

TaskState DeadlineState(const Date& due, const std::optional<Date>& done_on, const Date& as_of) {
  if (done_on && *done_on <= as_of) {
    return *done_on <= due ? TaskState::kDoneOnTime : TaskState::kDoneLate;
  }
  return as_of <= due ? TaskState::kOpenInTime : TaskState::kOverdue;
}

std::vector<TaskOccurrence> OccurrencesDueBy(const AssignedTask& t, const Date& last) {
  std::vector<TaskOccurrence> out;
  const std::optional<PeriodType> type = RecurrencePeriodType(t.deadline.recurrence);
  if (!type) {
    if (t.deadline.due <= last) out.push_back({std::nullopt, t.deadline.due, t.completed_on});
    return out;
  }
  for (std::optional<Period> p = Period::Containing(*type, t.assigned); p; p = p->Next()) {
    if (t.deadline.until && *t.deadline.until < p->start()) break;
    const Date due = AddDays(p->end(), t.deadline.offset_days);
    if (last < due) break;  // due dates grow with the period, so none later is due either
    out.push_back({*p, due, CompletionOf(t, *p)});
  }
  return out;
}

TaskState StateAsOf(const AssignedTask& t, const Date& as_of) {
  if (as_of < t.assigned) return TaskState::kNotAssigned;
  if (t.deadline.recurrence == TaskRecurrence::kOnce) {
    return DeadlineState(t.deadline.due, t.completed_on, as_of);
  }
  bool open = false;
  bool late = false;
  const std::vector<TaskOccurrence> due = OccurrencesDueBy(t, as_of);
  for (const TaskOccurrence& o : due) {
    switch (DeadlineState(o.due, o.completed_on, as_of)) {
      case TaskState::kOverdue: return TaskState::kOverdue;
      case TaskState::kOpenInTime: open = true; break;
      case TaskState::kDoneLate: late = true; break;
      case TaskState::kDoneOnTime:
      case TaskState::kNotAssigned: break;
    }
  }
  if (open || due.empty()) return TaskState::kOpenInTime;
  return late ? TaskState::kDoneLate : TaskState::kDoneOnTime;
}

bool DueWithin(const AssignedTask& t, const Date& as_of, int days) {
  if (days < 0 || as_of < t.assigned) return false;
  for (const TaskOccurrence& o : OccurrencesDueBy(t, AddDays(as_of, days))) {
    if (o.due < as_of) continue;
    if (DeadlineState(o.due, o.completed_on, as_of) == TaskState::kOpenInTime) return true;
  }
  return false;
}

int TaskCounts::Assigned() const {
  int n = 0;
  for (int v : by_state) n += v;
  return n - Get(TaskState::kNotAssigned);
}

TaskCounts CountStates(const std::vector<AssignedTask>& tasks, const Date& as_of) {
  TaskCounts c;
  for (const AssignedTask& t : tasks) ++c.by_state[static_cast<size_t>(StateAsOf(t, as_of))];
  return c;
}

std::map<int64_t, TaskCounts> CountStatesByOwner(const std::vector<AssignedTask>& tasks,
                                                 const Date& as_of) {
  return CountGrouped(tasks, as_of, [](const AssignedTask& t) { return t.owner_org_id; });
}

std::map<int64_t, TaskCounts> CountStatesByResolutionTask(const std::vector<AssignedTask>& tasks,
                                                          const Date& as_of) {
  return CountGrouped(tasks, as_of,
                      [](const AssignedTask& t) { return t.resolution_task_id.value_or(0); });
}

std::optional<Date> NextDue(const AssignedTask& t, const Date& as_of) {
  if (as_of < t.assigned) return std::nullopt;
  for (const TaskOccurrence& o : OccurrencesDueBy(t, AddDays(as_of, 460))) {
    const bool done = o.completed_on && !(as_of < *o.completed_on);
    if (!done) return o.due;
  }
  return std::nullopt;
}

}  // namespace nq
