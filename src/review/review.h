// Sơ kết / tổng kết: the mid-term or end-of-term review of a resolution as of a date, built from
// data — the model every output (JSON, HTML, DOCX, PDF, XLSX) is made from. BuildReview is pure:
// the caller (service/review_service.h, or the CLI from a resolution file) gathers the
// assessment, the tasks and the organizations, already limited to what the reader may see.
//
// The structure is a party review's:
//   I.   Results: the headline ("Hoàn thành 6/7 mục tiêu"), a row per target (target, actual,
//        expected, projection, status, explanation), the breakthrough / key tasks with the
//        assigned tasks that carry each, and the tasks in their four states — the concretizing
//        documents and key projects listed — of the resolution and of the resolutions the
//        committee follows (e.g. the provincial congress resolution).
//   II.  Limitations, found from data, each with the evidence that shows it (Finding).
//   III. Lessons learned, IV. Directions: narrative the committee writes (empty until written);
//        IV lists the targets that need action (CHẬM, KHÓ ĐẠT, KHÔNG ĐẠT, CHƯA CÓ SỐ LIỆU).
//
// Findings, in this order, each present exactly when its data says so:
//   targets_not_met     targets KHÔNG ĐẠT (evidence: the targets, with their explanations)
//   targets_at_risk     targets KHÓ ĐẠT
//   targets_behind      targets CHẬM
//   targets_no_data     targets CHƯA CÓ SỐ LIỆU
//   tasks_overdue       assigned tasks overdue at as_of (evidence: each task and its owner)
//   tasks_done_late     assigned tasks completed after their deadline
//   late_reporting      organizations that sent at least kLateReportingShare of their due
//                       reports late or not at all (ReviewInput::reporting; evidence: each
//                       organization and its counts, most late first)
// then the findings that rest on party-building records, in party_building.h's order
// (dissemination_late, worker_reach_low, cells_irregular, thematic_uneven, pledges_not_kept,
// admissions_nse_low, ratings_failed); none is invented without records.
//
// Per organization (Review::organizations, the annex's tables): one OrgRow per direct child of
// root_org open on as_of, in tree order, that has its assessment in ReviewInput::children (a
// child without one is left out; an assessment of anything else is ignored). Its targets are the
// child's assessments matched by target code, in Review::assessment.targets' order (a target the
// child's result lacks is CHƯA CÓ SỐ LIỆU with no value); its report counts are the sums of
// ReviewInput::reporting over the child's subtree (the child included).
//
// Thread-safe: no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/resolution_assessment.h"
#include "common/status.h"
#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "domain/resolution.h"
#include "domain/task.h"
#include "domain/task_status.h"
#include "review/party_building.h"

namespace nq::review {

// An organization reporting late or not at all at least this share of its due reports is named
// among the limitations.
inline constexpr double kLateReportingShare = 0.2;

enum class ReviewKind { kMidTerm, kEndOfTerm };
const char* ReviewKindCode(ReviewKind k);   // "midterm", "endterm"
const char* ReviewKindLabel(ReviewKind k);  // "sơ kết giữa nhiệm kỳ", "tổng kết nhiệm kỳ"
std::optional<ReviewKind> ParseReviewKind(std::string_view code);
// ParseReviewKind, or Invalid "review.kind_unknown" with a Vietnamese message.
Result<ReviewKind> ReviewKindOf(std::string_view code);

// The assigned tasks of one resolution, each with its state as of the review date.
struct TaskGroup {
  Resolution resolution;
  std::vector<ResolutionTask> resolution_tasks;  // its breakthrough / key tasks
  std::vector<AssignedTask> tasks;
};

// One organization's reporting over the review's data sets and periods (completeness).
struct OrgReporting {
  int64_t org_id = 0;
  int on_time = 0;
  int late = 0;
  int missing = 0;  // due and not sent
};

struct ReviewInput {
  ReviewKind kind = ReviewKind::kMidTerm;
  Date as_of;
  Term term;
  Resolution resolution;
  std::vector<ResolutionTask> resolution_tasks;  // of `resolution`
  analytics::ResolutionResult assessment;        // of `resolution` for the subtree
  // The assessment for each direct child of root_org (root_org of each = the child), for the
  // per-organization tables; empty: no OrgRow.
  std::vector<analytics::ResolutionResult> children;
  // The tasks of `resolution` first, then those of the resolutions the committee follows.
  std::vector<TaskGroup> tasks;
  std::vector<OrgReporting> reporting;  // empty: no late_reporting finding
  // The party-building records of the subtree dated from the term's start to as_of, and their
  // types (party_building.h); empty: no party-building part and no finding from records.
  std::vector<RecordType> record_types;
  std::vector<Record> records;
  const OrgTree* tree = nullptr;        // names of organizations (required)
  int64_t root_org = 0;                 // the subtree reviewed (the committee or below)
};

// A target's row: the target, its assessment, its yearly values (analytics' result as is).
using TargetRow = analytics::TargetResult;

// An assigned task as the review lists it.
struct TaskLine {
  int64_t id = 0;
  std::string title;
  int64_t owner_org_id = 0;
  std::string owner;  // organization name
  TaskState state = TaskState::kNotAssigned;
  int progress = 0;
  std::optional<Date> next_due;      // earliest unmet deadline
  std::optional<Date> completed_on;  // one-off task
  ProductKind product = ProductKind::kNone;
  std::string document_number;  // concretizing document, when issued
  int milestones_done = 0;      // key project
  int milestones_total = 0;
  // The deadlines (the one of a one-off task, or occurrences) met late by as_of.
  std::vector<TaskOccurrence> late;
};

struct BreakthroughSection {
  ResolutionTask task;
  std::vector<TaskLine> tasks;  // the assigned tasks serving it (sub-tasks included)
  TaskCounts counts;
};

struct TaskSection {
  Resolution resolution;
  TaskCounts counts;                 // every task, sub-tasks included
  std::vector<TaskLine> documents;   // product: concretizing document
  std::vector<TaskLine> projects;    // product: key project
  std::vector<TaskLine> overdue;     // overdue at as_of
  std::vector<TaskLine> done_late;   // completed after the deadline, by as_of
};

// What a piece of evidence points at; the HTML view links it to its page.
struct EvidenceRef {
  enum class Kind { kTarget, kTask, kOrganization };
  Kind kind = Kind::kTarget;
  int64_t id = 0;      // task or organization id; 0 for a target (see code)
  std::string code;    // target code ("MT5") or organization code
  std::string label;   // what the reader sees: "MT5: ...", the task's title, the org's name
  std::string detail;  // the numbers behind it: the explanation, "quá hạn 47 ngày", ...
};

struct Finding {
  std::string kind;   // see the list at the top
  std::string text;   // one Vietnamese sentence for section II
  std::vector<EvidenceRef> evidence;
};

// One direct child organization of the reviewed root: its share of each target and its reporting.
struct OrgRow {
  int64_t org_id = 0;
  std::string code;
  std::string name;
  std::vector<analytics::TargetAssessment> targets;  // the same order as Review::assessment.targets
  int reports_on_time = 0, reports_late = 0, reports_missing = 0;  // summed over its subtree
};

struct Review {
  ReviewKind kind = ReviewKind::kMidTerm;
  Date as_of;
  Term term;
  Resolution resolution;
  int64_t root_org = 0;
  std::string root_name;
  // The assessment as analytics gives it: headline ("Hoàn thành 6/7 mục tiêu"), done/total,
  // buckets, counts by field, and a row per target in the resolution's order.
  analytics::ResolutionResult assessment;
  std::vector<BreakthroughSection> breakthroughs;  // breakthrough tasks, then key tasks
  std::vector<TaskSection> task_sections;          // as ReviewInput::tasks
  std::vector<Finding> findings;
  std::vector<TargetRow> needing_action;  // CHẬM, KHÓ ĐẠT, KHÔNG ĐẠT, CHƯA CÓ SỐ LIỆU
  std::vector<OrgRow> organizations;      // the direct children of root_org (see the top)
  // I.4 from the records (party_building.h); nullopt when no record says anything.
  std::optional<PartyBuilding> party_building;
  std::string lessons;     // III, the committee's text ("" until written)
  std::string directions;  // IV, the committee's text
};

// Invalid "review.as_of_outside_term" when as_of is before the term's start, or after its end
// for a mid-term review (an end-of-term review may be dated up to a year after the term ends),
// "review.no_targets" when the resolution has no target, "review.org_unknown" when root_org is
// not in the tree.
Result<Review> BuildReview(const ReviewInput& in);

// The detail of a task line in findings: "hạn 31/3/2023, quá hạn 47 ngày" (overdue); "hạn
// 30/6/2021, hoàn thành 15/9/2021 (trễ 77 ngày)" for each late deadline, recurring ones led by
// their period ("Năm 2022: ..."), joined by "; "; "hoàn thành 3/4/2023" for a one-off task done
// on time; "hạn 31/12/2023" for an open one; "" when there is nothing more to say than the
// state (a recurring task whose deadlines were all met).
std::string TaskDetailText(const TaskLine& t, const Date& as_of);

}  // namespace nq::review
