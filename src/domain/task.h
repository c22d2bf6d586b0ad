// Nhiệm vụ được giao: a task the committee assigns to an organization, with a deadline and an
// expected product — a concretizing document (văn bản cụ thể hóa), a key project (công trình,
// dự án trọng điểm) with milestones, or a report. A task may serve one of the resolution's
// breakthrough or key tasks (ResolutionTask in resolution.h, linked by id) and may be a sub-task
// of another assigned task. Definitions and validation only; the four states as of a date are in
// task_status.h. See DESIGN.md "Domain model" and issue 4.
//
// Deadlines. A task is due once (deadline.due) or recurs monthly, quarterly or yearly. A
// recurring task has one occurrence per period (period.h), starting with the period that holds
// the assignment date and ending with the period that holds deadline.until (no end if unset);
// each occurrence is due `offset_days` after its period's last day, as a data set's reports
// are (data.h deadline_days): monthly with 10 days, January 2023 is due 10/2/2023; quarterly,
// 2022Q4 is due 10/1/2023.
//
// Completion. A one-off task is done on completed_on; an occurrence of a recurring task is done
// when occurrence_completions holds an entry for its period. Completing needs the product.
//
// Pure value types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/period.h"

namespace nq {

// How often a task falls due.
enum class TaskRecurrence { kOnce, kMonthly, kQuarterly, kYearly };
const char* TaskRecurrenceCode(TaskRecurrence r);  // "once", "monthly", "quarterly", "yearly"
// "Một lần", "Hằng tháng", "Hằng quý", "Hằng năm"
const char* TaskRecurrenceLabel(TaskRecurrence r);
std::optional<TaskRecurrence> ParseTaskRecurrence(std::string_view code);
// The period type of a recurring task's occurrences; nullopt for kOnce.
std::optional<PeriodType> RecurrencePeriodType(TaskRecurrence r);

// What a task must deliver to be complete.
enum class ProductKind { kNone, kDocument, kProject, kReport };
const char* ProductKindCode(ProductKind k);  // "none", "document", "project", "report"
// "Không yêu cầu sản phẩm", "Văn bản cụ thể hóa", "Công trình, dự án trọng điểm", "Báo cáo"
const char* ProductKindLabel(ProductKind k);
std::optional<ProductKind> ParseProductKind(std::string_view code);

// Văn bản cụ thể hóa: a plan, program or directive that turns the resolution into action.
// Before it is issued, number and issued may be empty.
struct ConcretizingDocument {
  std::string number;  // số, ký hiệu: "15-KH/ĐUK"
  std::string title;   // trích yếu
  std::optional<Date> issued;
  std::string issuing_body;  // "Ban Thường vụ Đảng ủy Khối"
  bool operator==(const ConcretizingDocument&) const = default;
};
// True once the document has a number and an issue date: what completing a document task needs.
bool IsIssued(const ConcretizingDocument& d);
// Invalid for an impossible issue date, an issue date without a number (document.number_required),
// text that is not UTF-8 or longer than 255 code points (document.text_invalid).
Status ValidateConcretizingDocument(const ConcretizingDocument& d);

// Mốc tiến độ of a key project.
struct Milestone {
  std::string title;
  Date due{1970, 1, 1};
  std::optional<Date> done_on;
  bool operator==(const Milestone&) const = default;
};

// Công trình, dự án trọng điểm.
struct KeyProject {
  std::string name;
  std::string location;
  std::vector<Milestone> milestones;
  bool operator==(const KeyProject&) const = default;
};
// Invalid for a blank name (project.name_required), a blank milestone title
// (milestone.title_required), an impossible milestone date (milestone.date_invalid).
Status ValidateKeyProject(const KeyProject& p);

// Hạn: once, or recurring (see the header comment for the rule).
struct TaskDeadline {
  TaskRecurrence recurrence = TaskRecurrence::kOnce;
  Date due{1970, 1, 1};       // kOnce: the last day on which completing is on time
  int offset_days = 10;       // recurring: days after each period's end, 0..366
  std::optional<Date> until;  // recurring: the last occurrence is the period holding it
  bool operator==(const TaskDeadline&) const = default;
};

// The completion of one occurrence of a recurring task.
struct OccurrenceCompletion {
  Period period;  // of the recurrence's type
  Date completed_on{1970, 1, 1};
  std::string report_ref;  // số, ký hiệu of the report (product kind kReport)
  bool operator==(const OccurrenceCompletion&) const = default;
};

// Nhiệm vụ được giao.
struct AssignedTask {
  int64_t id = 0;
  int64_t resolution_id = 0;                  // the resolution it carries out
  std::optional<int64_t> resolution_task_id;  // the breakthrough / key task it serves
  std::optional<int64_t> parent_id;           // set for a sub-task
  std::string title;
  int64_t owner_org_id = 0;                  // đơn vị chủ trì
  std::vector<int64_t> cooperating_org_ids;  // đơn vị phối hợp
  std::string assigning_document;            // văn bản giao: số, ký hiệu "125-CV/ĐUK"
  Date assigned{1970, 1, 1};                 // ngày giao
  TaskDeadline deadline;
  ProductKind product = ProductKind::kNone;
  std::optional<ConcretizingDocument> document;              // product kDocument
  std::optional<KeyProject> project;                         // product kProject
  std::string report_ref;                                    // product kReport, one-off task
  std::optional<Date> completed_on;                          // one-off task only
  std::vector<OccurrenceCompletion> occurrence_completions;  // recurring task only
  int progress_percent = 0;                                  // 0..100
  bool operator==(const AssignedTask&) const = default;
};

// Checks a task as a whole; the first problem found is returned (keys below, messages in
// Vietnamese naming the dates involved):
//   task.title_required, task.title_invalid  blank, not UTF-8 or over 1000 code points
//   task.resolution_required                 resolution_id not positive
//   task.owner_required                      owner_org_id not positive
//   task.cooperating_invalid                 a cooperating org that is the owner, repeated, ≤ 0
//   task.parent_invalid                      the task is its own parent
//   task.text_invalid                        assigning document not UTF-8 or over 255 code points
//   task.date_invalid                        an impossible assignment, deadline or completion date
//   task.deadline_before_assignment          one-off due date (or recurring `until`) before the
//                                            assignment date
//   task.deadline_invalid                    offset_days outside 0..366
//   task.product_invalid                     a recurring task whose product is a document or a
//                                            project (only none or report may recur)
//   task.progress_invalid                    progress outside 0..100
//   task.completed_before_assignment         a completion dated before the assignment
//   task.completion_invalid                  completed_on on a recurring task, occurrence
//                                            completions on a one-off task, a completion for a
//                                            period of another type, outside the series, or
//                                            recorded twice
//   task.product_missing                     completed without the product: a document task
//                                            whose document has no number or issue date, a
//                                            project task without its project, a report task
//                                            without the report's number
//   task.milestones_open                     a project task completed while a milestone is not
//                                            done by the completion date
// and the errors of ValidateConcretizingDocument / ValidateKeyProject for an attached product.
Status ValidateAssignedTask(const AssignedTask& t);

// A progress update from old_percent to new_percent: task.progress_invalid outside 0..100,
// task.progress_backwards when it goes down and the reason is blank.
Status ValidateProgressUpdate(int old_percent, int new_percent, std::string_view reason);

}  // namespace nq
