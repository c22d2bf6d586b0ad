// Nhiệm vụ được giao: assigned tasks of a resolution (domain/task.h), their progress updates
// with evidence files (domain/task_update.h, domain/evidence.h) and their four states as of any
// date (domain/task_status.h) — read and written with role and scope checks.
//
// Who may do what:
//   - see a task: its owner or one of its cooperating organizations lies in the principal's
//     scope (so a grassroots reporter sees the tasks of their organization and of those below
//     it, and the committee at the root sees all); else Forbidden "scope.denied" — the same
//     answer for its updates and evidence files;
//   - create or edit a task: admin or committee (Forbidden "role.denied"), with the owner and
//     every cooperating organization in scope (Forbidden "scope.denied", NotFound
//     "org.not_found"), the resolution readable (PlanService's rule: in scope or adopted by a
//     committee above it), a parent task of the same resolution (Invalid "task.parent_invalid");
//   - post progress: admin, committee or reporter (viewers: Forbidden "role.denied") whose scope
//     holds the owner (cooperating organizations read, they do not report).
//
// Every write validates with the domain rules first and runs in one transaction: a refused
// request changes nothing and stores no file. Evidence files are checked by CheckEvidence
// (evidence.h: name, size, type by content, extension matching the content); at most
// kMaxEvidenceFiles per update.
//
// The *AsSystem functions act as the system (no role or scope checks, same validation) for the
// demo generator and the CLI.
//
// Thread-safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/resolution.h"
#include "domain/task.h"
#include "domain/task_status.h"
#include "domain/task_update.h"
#include "domain/user.h"
#include "service/org_service.h"
#include "store/database.h"

namespace nq {

inline constexpr size_t kMaxEvidenceFiles = 5;

struct TaskFilter {
  Date as_of{1970, 1, 1};                // the date the states are computed for
  std::optional<int64_t> resolution_id;  // one resolution's tasks
  // Tasks owned by this organization's subtree (it must be in scope); unset: the whole scope,
  // including tasks in which an organization of the scope only cooperates.
  std::optional<int64_t> org_id;
  std::optional<TaskState> state;        // only tasks in this state as of as_of
  std::optional<ProductKind> product;    // only tasks with this product
  std::optional<int64_t> resolution_task_id;  // only tasks serving this breakthrough task
  // Only tasks with a deadline not yet met that falls within this many days of as_of
  // (DueWithin in task_status.h); unset: no deadline window.
  std::optional<int> due_within_days;
  bool top_level_only = false;           // leave sub-tasks out
};

// A task as a board shows it.
struct TaskRow {
  AssignedTask task;
  TaskState state = TaskState::kNotAssigned;
  // The earliest deadline not yet met as of the date (overdue or coming); unset when none.
  std::optional<Date> next_due;
};

struct TaskList {
  std::vector<TaskRow> rows;  // by next deadline (none last), then id
  // States of the tasks that pass every filter but the state filter (so a board's tabs show
  // how many tasks each state holds).
  TaskCounts counts;
};

// A task page.
struct TaskDetail {
  AssignedTask task;
  TaskState state = TaskState::kNotAssigned;
  std::optional<Date> next_due;             // as TaskRow::next_due
  std::vector<TaskOccurrence> occurrences;  // due by the as-of date, oldest first
  std::vector<TaskUpdate> updates;          // oldest first
  std::vector<TaskRow> subtasks;            // the ones the principal can see, by id
  Resolution resolution;                    // the resolution the task carries out
  std::optional<ResolutionTask> resolution_task;  // the breakthrough / key task it serves
  std::string parent_title;                 // of the parent task, "" when none or not visible
  bool can_report = false;                  // the principal may post progress
  bool can_edit = false;                    // the principal may edit the task
};

// An uploaded evidence file, before checking.
struct EvidenceUpload {
  std::string file_name;
  std::string bytes;
};

class TaskService {
 public:
  // `db` and `orgs` must outlive the service.
  TaskService(store::Database* db, OrgService* orgs) : db_(db), orgs_(orgs) {}

  // Tasks the principal can see that pass the filter. Invalid "task.filter_invalid" for an
  // invalid as-of date; Forbidden / NotFound for an org_id out of scope or unknown.
  Result<TaskList> List(const Principal& p, const TaskFilter& f) const;
  // One task with its updates and sub-tasks, states as of `as_of`. NotFound "task.not_found".
  Result<TaskDetail> Get(const Principal& p, int64_t id, const Date& as_of) const;
  // Tasks owned in the principal's scope that, as of `today`, are overdue or have a deadline
  // not yet met within `days` days: what their home page lists. Overdue first, then by date.
  Result<std::vector<TaskRow>> DueSoon(const Principal& p, const Date& today, int days) const;

  // Creates a task (progress, completions and product state as given are refused unless empty:
  // Invalid "task.progress_on_create" — progress comes from updates). Returns it with its id.
  Result<AssignedTask> Create(const Principal& p, const AssignedTask& t, const store::Actor& a);
  // Replaces the task's definition (title, resolution task, parent, owner, cooperating
  // organizations, assigning document, dates, deadline, product kind, document title and
  // issuing body, project name, location and milestone titles and due dates); progress,
  // completions, issued document numbers and milestones done are kept as the updates left them.
  // NotFound "task.not_found".
  Result<AssignedTask> Update(const Principal& p, const AssignedTask& t, const store::Actor& a);

  // Posts a progress update (ApplyProgress in task_update.h) with its evidence files; returns the
  // stored update. Evidence errors: Invalid "evidence.*" naming the file; Invalid
  // "evidence.too_many" above kMaxEvidenceFiles.
  Result<TaskUpdate> PostProgress(const Principal& p, int64_t task_id, const ProgressInput& in,
                                  std::vector<EvidenceUpload> files, const store::Actor& a);
  // An evidence file with its bytes, for a principal who can see its task. NotFound
  // "evidence.not_found".
  Result<EvidenceFile> GetEvidence(const Principal& p, int64_t evidence_id) const;

  // As Create, but progress, completions and product state are taken as given (importing the
  // records of tasks assigned before nqtrack).
  Result<AssignedTask> CreateAsSystem(const AssignedTask& t, const store::Actor& a);
  Result<TaskUpdate> PostProgressAsSystem(int64_t task_id, const ProgressInput& in,
                                          std::vector<EvidenceUpload> files, int64_t at,
                                          const store::Actor& a);
  // One write of SaveAllAsSystem: a task to create (create) or whose definition to replace (as
  // Update does), with its parent given as the index of an earlier write (-1: as in task).
  struct TaskWrite {
    AssignedTask task;
    bool create = true;
    int parent_index = -1;
  };
  // The writes in order, in ONE transaction (all or nothing: the import of a task file), as
  // the system; returns the tasks as stored, in the same order. The first error is returned and
  // nothing is written; a parent_index that does not name an earlier write is Invalid
  // "task.parent_invalid".
  Result<std::vector<AssignedTask>> SaveAllAsSystem(std::vector<TaskWrite> writes,
                                                    const store::Actor& a);
  // Every task (of one resolution when set), by id: for export.
  Result<std::vector<AssignedTask>> ListAsSystem(std::optional<int64_t> resolution_id) const;

 private:
  // `p` null means the system.
  Result<AssignedTask> Save(const Principal* p, AssignedTask t, bool create,
                            const store::Actor& a);
  // Save's checks and write inside `tx`; `t` becomes the task as stored. Returns whether
  // anything was written (an update equal to the stored task writes nothing).
  Result<bool> SaveIn(store::Tx& tx, const OrgTree& tree, const Principal* p, AssignedTask& t,
                      bool create);
  Result<TaskUpdate> Post(const Principal* p, int64_t task_id, const ProgressInput& in,
                          std::vector<EvidenceUpload> files, int64_t at, const store::Actor& a);

  store::Database* db_;
  OrgService* orgs_;
};

}  // namespace nq
