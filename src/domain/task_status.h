// Tình trạng nhiệm vụ: the four states of government task tracking, computed as of any date, so
// that the mid-term review can ask "as of 17/5/2023" and get the answer it would have got that
// day. Completions recorded after the as-of date do not count (as of that date the task was not
// done yet).
//
// One deadline (a one-off task, one occurrence of a recurring task, a project milestone):
//   - as_of before the assignment date          kNotAssigned (chưa giao) — the task did not
//                                               exist yet; not counted in any of the four states
//   - done on or before as_of, on or before due kDoneOnTime  (done on the deadline day: on time)
//   - done on or before as_of, after due        kDoneLate    (done the day after: late)
//   - not done as of as_of, as_of <= due        kOpenInTime  (due today: still in time)
//   - not done as of as_of, as_of > due         kOverdue     (from the day after the deadline)
//
// A recurring task (task.h explains its occurrences), from its occurrences due on or before
// as_of, in this order:
//   - any of them not done as of as_of and past due                 kOverdue
//   - any of them not done (so due today), or none due yet          kOpenInTime
//   - all done, at least one late                                   kDoneLate
//   - all done on time                                              kDoneOnTime
// Occurrences due after as_of do not count, so a monthly report that has been sent on time every
// month is "done on time" between deadlines. A late occurrence keeps the task "done late".
//
// Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "domain/period.h"
#include "domain/task.h"

namespace nq {

enum class TaskState { kNotAssigned, kDoneOnTime, kDoneLate, kOpenInTime, kOverdue };
inline constexpr size_t kTaskStateCount = 5;
// "not_assigned", "done_on_time", "done_late", "open_in_time", "overdue" (GLOSSARY.md)
const char* TaskStateCode(TaskState s);
// "Chưa giao", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Chưa hoàn thành, trong hạn", "Quá hạn"
const char* TaskStateLabel(TaskState s);
std::optional<TaskState> ParseTaskState(std::string_view code);
// True for kDoneOnTime and kDoneLate.
bool IsDone(TaskState s);

// State of a single deadline as of a date (never kNotAssigned; see the table above).
TaskState DeadlineState(const Date& due, const std::optional<Date>& done_on, const Date& as_of);

// One deadline of a task: the only one of a one-off task (period unset), or the occurrence of a
// recurring task for `period`.
struct TaskOccurrence {
  std::optional<Period> period;
  Date due{1970, 1, 1};
  std::optional<Date> completed_on;  // as recorded, whatever the as-of date
  bool operator==(const TaskOccurrence&) const = default;
};

// The task's occurrences due on or before `last`, in order of due date. For a recurring task
// the series starts with the period holding the assignment date and stops after the period
// holding deadline.until or at the first occurrence due after `last`. Expects a valid task.
std::vector<TaskOccurrence> OccurrencesDueBy(const AssignedTask& t, const Date& last);

// The task's state as of a date (rules above). Expects a task that passes ValidateAssignedTask.
TaskState StateAsOf(const AssignedTask& t, const Date& as_of);

// True when, as of `as_of`, the task has been assigned and has an occurrence not yet done that
// is due between as_of and as_of + days inclusive (days 0: due today). Overdue occurrences do
// not count here; a task may be both overdue and due within N days. False for negative days.
bool DueWithin(const AssignedTask& t, const Date& as_of, int days);

// The earliest deadline of the task not met as of the date — overdue or still to come, looking
// up to 460 days ahead (past the next occurrence of any recurrence); nullopt when every deadline
// in reach is met or the task was not yet assigned. What a board shows as "next deadline".
std::optional<Date> NextDue(const AssignedTask& t, const Date& as_of);

// Number of tasks in each state.
struct TaskCounts {
  std::array<int, kTaskStateCount> by_state{};
  int Get(TaskState s) const { return by_state[static_cast<size_t>(s)]; }
  // Tasks assigned by the as-of date (every state but kNotAssigned).
  int Assigned() const;
  bool operator==(const TaskCounts&) const = default;
};

// Counts every task given (sub-tasks included: callers that count top-level tasks only filter on
// parent_id first).
TaskCounts CountStates(const std::vector<AssignedTask>& tasks, const Date& as_of);
// Counts per owner organization id.
std::map<int64_t, TaskCounts> CountStatesByOwner(const std::vector<AssignedTask>& tasks,
                                                 const Date& as_of);
// Counts per resolution task id (breakthrough / key task); tasks linked to none count under 0.
std::map<int64_t, TaskCounts> CountStatesByResolutionTask(const std::vector<AssignedTask>& tasks,
                                                          const Date& as_of);

}  // namespace nq
