// Assigned-task endpoints of the JSON API (docs/openapi.yaml, tag "tasks"). Roles, scope and
// the four states are TaskService's (service/task_service.h); this file parses and serializes
// (shapes in task_json.h).
//   GET  /api/v1/tasks?as_of=YYYY-MM-DD&resolution_id=&org_id=&state=&product=
//                     &resolution_task_id=&top_level=1
//        -> {as_of, counts, tasks:[row]}; as_of defaults to today; counts are of the tasks that
//           pass every filter but `state`
//   GET  /api/v1/tasks/due-soon?days=14
//        -> {today, days, tasks:[row]}: the signed-in user's overdue tasks and those due within
//           `days` days (0..366), overdue first
//   POST /api/v1/tasks                    create (admin, committee) -> 201 task
//   GET  /api/v1/tasks/{id}?as_of=        the task page (task_json.h TaskDetailJson)
//   PUT  /api/v1/tasks/{id}               replace the definition (admin, committee) -> task
//   GET  /api/v1/resolutions/{id}/task-counts?as_of=
//        -> {as_of, total: counts, by_owner:[{org_id, name, counts}] by organization id,
//            by_resolution_task:[{resolution_task_id, title, counts}]} over the resolution's
//           top-level tasks the user can see; by_resolution_task lists every breakthrough or key
//           task of the resolution in order, then, when some tasks serve none, an entry with
//           resolution_task_id null
// and the progress and evidence routes of api_task_progress.h.
// Bad query values are 400 "query.invalid" naming the parameter; the service's errors keep
// their keys ("scope.denied" 403, "role.denied" 403, "task.not_found" 404,
// "task.deadline_before_assignment" 400, ...).
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

// Adds every route above, and those of AddTaskProgressApi.
void AddTaskApi(Router& router, WebContext& ctx);

}  // namespace nq::web
