// JSON forms of assigned tasks (domain/task.h, task_status.h, task_update.h) for the API of
// api_tasks.h and for other writers of task JSON (`nqtrack export tasks`): serialization, and
// strict reading of the bodies that create or replace a task and post progress (json_io.h's
// rules: unknown fields, wrong types, missing fields are 400; nested objects follow the same
// rules, their messages name the enclosing field).
//
// Shapes (docs/openapi.yaml, tag "tasks"):
//   task      {id, resolution_id, resolution_task_id, parent_id, title, owner_org_id,
//              owner_name, cooperating_org_ids, assigning_document, assigned,
//              deadline, product, product_label, document, project, report_ref,
//              completed_on, occurrence_completions:[{period, completed_on, report_ref}],
//              progress_percent} — ids and dates null when absent, dates "YYYY-MM-DD",
//              periods as period.h ids ("2023M01", "2023Q1", "2023")
//   deadline  {recurrence, recurrence_label, due} for "once";
//             {recurrence, recurrence_label, offset_days, until} for "monthly", "quarterly",
//             "yearly" (until null when the series has no end)
//   document  {number, title, issued, issuing_body} or null
//   project   {name, location, milestones:[{title, due, done_on}]} or null
//   row       task + {state, state_label, next_due} (TaskStateCode / TaskStateLabel)
//   update    {id, task_id, at, user_id, username, old_percent, percent, note, reason,
//              completed_on, period, evidence:[evidence]} (at "2023-05-17T08:30:00Z")
//   evidence  {id, file_name, type, type_label, size, sha256, url "/api/v1/evidence/ID"}
//   counts    {done_on_time, done_late, open_in_time, overdue, not_assigned, assigned}
// Enum fields take the codes of task.h ("once", "monthly", "document", ...); an unknown code is
// 400 "json.bad_value".
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "common/status.h"
#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/task.h"
#include "domain/task_status.h"
#include "domain/task_update.h"
#include "service/task_service.h"
#include "web/json_io.h"

namespace nq::web {

using Json = nlohmann::ordered_json;

// The task shape. `tree` gives owner_name ("" when null or the organization is gone).
Json TaskJson(const AssignedTask& t, const OrgTree* tree);
// A board row: the task shape with state, state_label and next_due.
Json TaskRowJson(const TaskRow& row, const OrgTree* tree);
// A task page as of `as_of`: the task shape with state, state_label and next_due, then
//   occurrences  [{period, period_label, due, completed_on, state, state_label}] (period and
//                period_label null for a one-off task; state of that one deadline as of the date)
//   updates      [update], oldest first
//   subtasks     [row] as of the date
//   can_report, can_edit
Json TaskDetailJson(const TaskDetail& d, const Date& as_of, const OrgTree* tree);
Json TaskUpdateJson(const TaskUpdate& u);
Json EvidenceJson(const EvidenceInfo& e);
Json TaskCountsJson(const TaskCounts& c);

// Reads a task definition into *t.
//   create: the whole task shape but id and the computed fields (owner_name, product_label,
//     state, ...): resolution_id, title, owner_org_id, assigned and deadline are required; the
//     progress fields (progress_percent, completed_on, occurrence_completions, report_ref,
//     document.number / issued, milestones' done_on) are read too, so that importers of past
//     records can use this; TaskService::Create refuses them (task.progress_on_create).
//   !create (PUT: the body replaces the definition): title, owner_org_id, assigned and deadline
//     are required; resolution_id and the progress fields are not taken (json.unknown_field) —
//     they stay as *t holds them (the stored task), and the issued document's number and date
//     and the milestones done (by position) are carried onto the new document and project;
//     every other field left out is reset (no resolution task, no parent, no cooperating
//     organizations, product "none", ...).
// Semantic checks (dates in order, owners in scope, ...) are the service's.
Status ReadTaskFields(JsonObjectReader& body, bool create, AssignedTask* t);

// Reads a progress update on `task`: {percent (required), note, reason, completed_on, period,
// document {number, title, issued, issuing_body}, report_ref, milestones_done:[{index,
// done_on}]}. `period` is a period id; a malformed one is 400 "period.invalid". The document's
// fields are laid over the task's document (a field left out keeps the task's value), since an
// update replaces the whole document (ApplyProgress).
Status ReadProgressJson(JsonObjectReader& body, const AssignedTask& task, ProgressInput* in);

}  // namespace nq::web
