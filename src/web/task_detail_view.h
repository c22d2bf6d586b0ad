// The parts of the task page (GET /tasks/{id}, pages_tasks.h) as template contexts for
// templates/task.mustache: the definition, the product (document or project milestones),
// the occurrences of a recurring task, the history of progress updates and the progress form.
// Dates in the Vietnamese form (17/5/2023), percentages as "65%", sizes as "1,2 MB".
//
// Thread-safe (DefinitionContext reads organization names and the parent task through the
// App's services; the rest are pure).
#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/task.h"
#include "domain/task_status.h"
#include "domain/task_update.h"
#include "service/app.h"
#include "service/plan_service.h"
#include "service/task_service.h"
#include "web/pages_common.h"

namespace nq::web {

// "08:30, 17/5/2023" (Vietnam time) for an instant in Unix seconds.
std::string InstantVi(int64_t unix_seconds);
// "850 byte", "35 KB", "1,2 MB".
std::string FileSizeVi(int64_t bytes);

// resolution, resolution_task, owner_name, owner_url, cooperating (list of {name}),
// assigning_document, assigned, deadline, recurrence, parent_title / parent_url, percent.
mstch::map DefinitionContext(App& app, const Principal& p, const TaskDetail& d,
                             const ResolutionDetail& plan, const Date& as_of);

// {kind_label, is_document + number, doc_title, issued, issuing_body | is_project + name,
// location, milestones [{title, due, done_on, state badge}] | is_report + report_ref}.
mstch::map ProductContext(const AssignedTask& t, const Date& as_of);

// A recurring task's occurrences due by as_of, latest first: {period, due, completed_on,
// state badge}. Empty for a one-off task.
mstch::array OccurrencesContext(const AssignedTask& t, const std::vector<TaskOccurrence>& occ,
                                const Date& as_of);

// Progress updates, newest first: {when, username, old_percent, percent, change ("+25%"),
// note, reason, completed_on, period, evidence [{name, type_label, size, url}]}.
mstch::array UpdatesContext(const std::vector<TaskUpdate>& updates);

// The progress form for `t` on `today`, with the values of `kept` (a refused post) or the
// task's current ones: percent, current_percent, note, reason, completed_on, and per product
// the document fields, report_ref, open milestones [{index, title, due, done_on}]; for a
// recurring task the periods not completed up to the first one still to come [{value, label,
// selected}]; accept (the file input's accept list) and the limits' text.
mstch::map ProgressFormContext(const AssignedTask& t, const Date& today, const FormData* kept);

}  // namespace nq::web
