// The JSON form of a review (review/review.h), as `nqtrack review --format json` writes it and
// the API will serve it; documented in docs/formats.md ("Review JSON"):
//   {kind, kind_label, as_of, term:{id, name, start, end, mid_point, org_id},
//    resolution:{id, term_id, number, title, adopted}, org:{id, name}, headline, done, total,
//    buckets:[{threshold, count, label}], fields:[{field, label, done, total}],
//    targets:[target (as api_assessment.h)],
//    breakthrough_tasks:[{id, kind, position, title, description, target_codes, counts,
//                         tasks:[task line]}],
//    task_sections:[{resolution:{id, term_id, number, title, adopted}, counts,
//                    documents:[line], projects:[line], overdue:[line], done_late:[line]}],
//    findings:[{kind, text, evidence:[{kind, id, code, label, detail}]}],
//    needing_action:[code],
//    organizations:[{id, code, name, reports:{on_time, late, missing},
//                    targets:[{code, actual, status, ratio}]}],
//    lessons, directions}
// A task line: {id, title, owner_org_id, owner, state, state_label, progress, next_due,
// completed_on, product, document_number, milestones_done, milestones_total,
// late:[{period, due, completed_on}]} (the deadlines met late; period null for a one-off task).
// Dates
// "YYYY-MM-DD" (null when absent); counts as TaskCountsJson. Thread-safe.
#pragma once

#include <string>

#include "review/review.h"
#include "web/task_json.h"

namespace nq::web {

Json ReviewJson(const review::Review& r);
// ReviewJson, indented by 2, ending in a newline.
std::string ReviewJsonText(const review::Review& r);

}  // namespace nq::web
