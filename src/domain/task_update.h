// Báo cáo tiến độ: a progress update an owner posts on an assigned task (task.h) — the new
// percent, a note, the reason when the percent goes down, evidence files (minh chứng), and, when
// the update completes the task or one occurrence of a recurring task, the completion date and
// the product (the issued document's number and date, the report's number, milestones done).
//
// ApplyProgress is the one rule for what an update does to a task; the service stores the task
// it returns together with the update, in one transaction.
//
// Pure value types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/evidence.h"
#include "domain/period.h"
#include "domain/task.h"

namespace nq {

// A milestone of the task's key project marked done by an update.
struct MilestoneDone {
  int index = 0;  // position in KeyProject::milestones
  Date done_on{1970, 1, 1};
  bool operator==(const MilestoneDone&) const = default;
};

// What the owner sends.
struct ProgressInput {
  int percent = 0;     // 0..100
  std::string note;    // what was done (nội dung)
  std::string reason;  // required when percent is below the task's current percent
  // Completion: a one-off task is completed on `completed_on`; a recurring task's occurrence
  // for `period` is completed on `completed_on`.
  std::optional<Date> completed_on;
  std::optional<Period> period;
  std::optional<ConcretizingDocument> document;  // product kDocument: number, date, body
  std::string report_ref;                        // product kReport: số, ký hiệu of the report
  std::vector<MilestoneDone> milestones_done;    // product kProject
};

// A stored progress update.
struct TaskUpdate {
  int64_t id = 0;
  int64_t task_id = 0;
  int64_t at = 0;  // Unix seconds
  int64_t user_id = 0;
  std::string username;
  int old_percent = 0;
  int percent = 0;
  std::string note;
  std::string reason;
  std::optional<Date> completed_on;  // a completion this update recorded
  std::optional<Period> period;      // the occurrence it completed (recurring tasks)
  std::vector<EvidenceInfo> evidence;
  bool operator==(const TaskUpdate&) const = default;
};

// The task after the update, or the first problem (Invalid, key, Vietnamese message):
//   task.progress_invalid, task.progress_backwards   ValidateProgressUpdate (task.h)
//   task.note_invalid        note or reason not UTF-8 or over 4000 code points
//   task.note_required       an update that changes nothing: same percent, blank note, no
//                            completion, no product detail
//   task.completion_invalid  a period on a one-off task, a recurring completion without a
//                            period, a period given without completed_on, an occurrence already
//                            completed, a one-off task already completed
//   task.milestone_invalid   a milestone index outside the project, or a milestone already done
//   task.product_invalid     product details that the task's product kind does not take
// and every error of ValidateAssignedTask on the result (task.product_missing when completed
// without the product, task.completed_before_assignment, task.milestones_open, ...).
// Completing a one-off task sets its progress to 100; product details given without a
// completion are kept (a document's number recorded before it is marked done).
Result<AssignedTask> ApplyProgress(const AssignedTask& task, const ProgressInput& in);

// True when the task carries what only progress updates record: a percent, a completion, a
// report number, an issued document, a milestone done. A task the committee creates has none.
bool HasProgress(const AssignedTask& t);

// The new definition `def` of a stored task `old` (an edit by the committee) with what the
// updates recorded on `old` kept: percent, completions, report number, the document's number
// and issue date, the milestones' done dates (by position).
AssignedTask KeepProgress(AssignedTask def, const AssignedTask& old);

}  // namespace nq
