// Nhiệm vụ được giao: the HTML pages of assigned tasks (issue 4), read and written through
// TaskService (service/task_service.h), which decides who sees and reports what.
//
//   GET  /tasks            the task board (menu "Nhiệm vụ"). Query, all optional:
//                          as_of=YYYY-MM-DD (default today), resolution=ID, org=ID (tasks owned
//                          in that organization's subtree; must be in scope), state=done_on_time|
//                          done_late|open_in_time|overdue, product=none|document|project|report,
//                          rtask=ID (a breakthrough / key task), due_within=N (0..3650: an
//                          open deadline within N days of as_of). One tab per state with its
//                          count (counts pass every filter but the state), then a table: title,
//                          owner (links to the board of that organization), deadline or
//                          recurrence, product, progress bar, state badge, next deadline.
//   GET  /tasks/projects   the key projects (product "project") of the scope as a timeline
//                          (ECharts, web/tasks.js: one row per project from assignment to its
//                          deadline, milestones at their due dates coloured by their state as of
//                          the date, done dates, an as-of mark line; Vietnamese tooltips) and
//                          the same data as a table below. Query: as_of, resolution, org.
//   GET  /tasks/{id}       the task page: definition (owner, cooperating organizations,
//                          assigning document, dates, deadline, product: the document or the
//                          project's milestones), state as of ?as_of=, occurrences of a recurring
//                          task, sub-tasks, history of progress updates with links to their
//                          evidence files (GET /api/v1/evidence/{id}, the same session cookie),
//                          and, when TaskDetail::can_report, the progress form.
//   POST /tasks/{id}/progress  the progress form, multipart/form-data (PageRoute's session and
//                          _csrf check): percent (blank keeps the task's), note, reason,
//                          completed_on, period (recurring tasks), document_number,
//                          document_issued, document_issuing_body (document tasks), report_ref
//                          (report tasks), milestone_done_<i> = done date of milestone i
//                          (project tasks), evidence = files (at most kMaxEvidenceFiles) — read
//                          as task_progress_form.h says for the page. Success: 303 to
//                          /tasks/{id}?done=progress#history. A refused update (bad field,
//                          evidence file refused, going back without a reason, completion
//                          without the product): the page again with 400 and the Vietnamese
//                          message beside the form, fields kept, nothing stored.
//
// Errors of the services become the error page: outside scope 403 "scope.denied", unknown task
// 404 "task.not_found", viewers posting 403 "role.denied", bad as_of 400 "date.invalid".
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddTaskPages(Router& router, WebContext& ctx);

}  // namespace nq::web
