// The parts of the task page (GET /tasks/{id}, pages_tasks.h) as template contexts for
// templates/task.mustache: the definition, the product (document or project milestones),
// the occurrences of a recurring task, the history of progress updates and the progress form.
// Dates in the Vietnamese form (17/5/2023), percentages as "65%", sizes as "1,2 MB".
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/task.h"
#include "domain/task_status.h"
#include "domain/task_update.h"
#include "service/task_service.h"
#include "web/pages_common.h"

namespace nq::web {

// resolution, resolution_task, owner_name, owner_url, cooperating (list of {name}; names from
// `tree`), assigning_document, assigned, deadline, recurring, parent_title ("Nhiệm vụ số N" for
// a parent the principal cannot see) / parent_url (with as_of unless it is `today`), percent,
// completed_on.
mstch::map DefinitionContext(const OrgTree& tree, const TaskDetail& d, const Date& as_of,
                             const Date& today);

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

// The progress form (task_progress_form.h) for `t` on `today`, with the values of `kept` (a
// refused post) or the task's current ones: percent, current_percent, note, reason,
// completed_on, and per product the document fields (document_number, document_issued,
// document_issuing_body), report_ref, open milestones [{name (the field milestone_done_<i>),
// title, due, done_on}]; for a recurring task the periods not completed up to the first one
// still to come [{value, label, selected}]; accept (the file input's accept list) and the
// limits' text.
mstch::map ProgressFormContext(const AssignedTask& t, const Date& today, const FormData* kept);

}  // namespace nq::web
