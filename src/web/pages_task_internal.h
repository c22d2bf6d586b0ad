// Internal to the task pages (pages_tasks.cc, pages_task.cc, pages_task_projects.cc): the
// handlers registered by AddTaskPages and what the board and the timeline share. Routes and
// their contracts are in pages_tasks.h. Thread-safe.
#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <optional>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/resolution.h"
#include "web/pages_common.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web::task_pages {

// The query both the board and the timeline take: as_of (default today), org, resolution.
struct TaskScopeQuery {
  Date as_of;
  std::optional<int64_t> org;
  std::optional<int64_t> resolution;
};
// Invalid "date.invalid" for a bad as_of, "query.invalid" for a bad org or resolution id.
Result<TaskScopeQuery> ReadTaskScopeQuery(const HttpRequest& request);

// <option> lists for the scope pickers: the resolutions the principal reads, the organizations
// of their scope open on the as-of date (indented by depth; the chosen one is kept even when
// closed).
struct ScopeOptions {
  std::vector<Resolution> resolutions;
  mstch::array resolution_options;
  mstch::array org_options;
};
Result<ScopeOptions> MakeScopeOptions(const PageCall& c, const TaskScopeQuery& q);

Result<HttpResponse> TaskPage(const PageCall& c);
// POST /tasks/{id}/progress, a multipart form (PageRoute gives its files).
Result<HttpResponse> PostProgress(const PageCall& c);
Result<HttpResponse> ProjectsPage(const PageCall& c);

}  // namespace nq::web::task_pages
