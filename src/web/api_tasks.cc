#include "web/api_tasks.h"

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/api_common.h"
#include "web/api_task_progress.h"
#include "web/task_json.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

constexpr int64_t kMaxDueSoonDays = 366;
constexpr int64_t kDefaultDueSoonDays = 14;
constexpr int64_t kMaxDueWithinDays = 3650;
constexpr size_t kMaxCodeBytes = 32;

// The query's as_of ("YYYY-MM-DD"), today when absent.
Result<Date> AsOf(const HttpRequest& r) {
  std::optional<Date> as_of;
  NQ_RETURN_IF_ERROR(QueryDate(r, "as_of", &as_of));
  return as_of.value_or(Today());
}

// A code of the query parsed by `parse`; `allowed` lists the codes for the message.
template <typename T, typename Parser>
Status QueryCode(const HttpRequest& r, std::string_view name, Parser parse,
                 std::string_view allowed, std::optional<T>* out) {
  if (!r.HasQueryParam(name)) return Status::Ok();
  std::string code;
  NQ_RETURN_IF_ERROR(QueryText(r, name, kMaxCodeBytes, &code));
  const std::optional<T> v = parse(code);
  if (!v) {
    return Status::Invalid("query.invalid", "Tham số \"" + std::string(name) +
                                                "\" phải là một trong: " + std::string(allowed));
  }
  *out = v;
  return Status::Ok();
}

Result<TaskFilter> ReadFilter(const HttpRequest& r) {
  TaskFilter f;
  NQ_ASSIGN_OR_RETURN(f.as_of, AsOf(r));
  NQ_RETURN_IF_ERROR(QueryInt(r, "resolution_id", 1, kMaxId, &f.resolution_id));
  NQ_RETURN_IF_ERROR(QueryInt(r, "org_id", 1, kMaxId, &f.org_id));
  NQ_RETURN_IF_ERROR(QueryInt(r, "resolution_task_id", 1, kMaxId, &f.resolution_task_id));
  NQ_RETURN_IF_ERROR(QueryCode(r, "state", ParseTaskState,
                               "done_on_time, done_late, open_in_time, overdue, not_assigned",
                               &f.state));
  NQ_RETURN_IF_ERROR(
      QueryCode(r, "product", ParseProductKind, "none, document, project, report", &f.product));
  std::optional<int64_t> due_within;
  NQ_RETURN_IF_ERROR(QueryInt(r, "due_within", 0, kMaxDueWithinDays, &due_within));
  if (due_within) f.due_within_days = static_cast<int>(*due_within);
  std::optional<bool> top_level;
  NQ_RETURN_IF_ERROR(QueryBool(r, "top_level", &top_level));
  f.top_level_only = top_level.value_or(false);
  return f;
}

Json RowsJson(const std::vector<TaskRow>& rows, const OrgTree& tree) {
  Json out = Json::array();
  for (const TaskRow& row : rows) out.push_back(TaskRowJson(row, &tree));
  return out;
}

Result<HttpResponse> ListTasks(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(TaskFilter f, ReadFilter(c.request));
  NQ_ASSIGN_OR_RETURN(TaskList list, c.app().tasks().List(c.principal(), f));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  Json body;
  body["as_of"] = FormatIso(f.as_of);
  body["counts"] = TaskCountsJson(list.counts);
  body["tasks"] = RowsJson(list.rows, *tree);
  return JsonResponse(200, body);
}

Result<HttpResponse> DueSoon(const ApiCall& c) {
  std::optional<int64_t> days;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "days", 0, kMaxDueSoonDays, &days));
  const Date today = Today();
  const int n = static_cast<int>(days.value_or(kDefaultDueSoonDays));
  NQ_ASSIGN_OR_RETURN(std::vector<TaskRow> rows, c.app().tasks().DueSoon(c.principal(), today, n));
  Json body;
  body["today"] = FormatIso(today);
  body["days"] = n;
  body["tasks"] = RowsJson(rows, *c.app().orgs().tree());
  return JsonResponse(200, body);
}

Result<HttpResponse> CreateTask(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  AssignedTask t;
  NQ_RETURN_IF_ERROR(ReadTaskFields(body, /*create=*/true, &t));
  NQ_ASSIGN_OR_RETURN(AssignedTask created,
                      c.app().tasks().Create(c.principal(), t, ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, TaskJson(created, c.app().orgs().tree().get()));
  r.SetHeader("Location", "/api/v1/tasks/" + std::to_string(created.id));
  return r;
}

Result<HttpResponse> GetTask(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(Date as_of, AsOf(c.request));
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, as_of));
  return JsonResponse(200, TaskDetailJson(d, as_of, c.app().orgs().tree().get()));
}

Result<HttpResponse> UpdateTask(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, Today()));
  AssignedTask t = std::move(d.task);
  NQ_RETURN_IF_ERROR(ReadTaskFields(body, /*create=*/false, &t));
  NQ_ASSIGN_OR_RETURN(AssignedTask updated,
                      c.app().tasks().Update(c.principal(), t, ActorFor(*c.session, c.request)));
  return JsonResponse(200, TaskJson(updated, c.app().orgs().tree().get()));
}

Result<HttpResponse> ResolutionCounts(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(Date as_of, AsOf(c.request));
  NQ_ASSIGN_OR_RETURN(ResolutionDetail resolution,
                      c.app().plans().GetResolution(c.principal(), id));
  TaskFilter f;
  f.as_of = as_of;
  f.resolution_id = id;
  f.top_level_only = true;
  NQ_ASSIGN_OR_RETURN(TaskList list, c.app().tasks().List(c.principal(), f));
  std::vector<AssignedTask> tasks;
  tasks.reserve(list.rows.size());
  for (TaskRow& row : list.rows) tasks.push_back(std::move(row.task));

  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  Json by_owner = Json::array();
  for (const auto& [org_id, counts] : CountStatesByOwner(tasks, as_of)) {
    const Organization* org = tree->Find(org_id);
    by_owner.push_back(Json{{"org_id", org_id},
                            {"name", org ? org->name : std::string()},
                            {"counts", TaskCountsJson(counts)}});
  }
  std::map<int64_t, TaskCounts> by_task = CountStatesByResolutionTask(tasks, as_of);
  Json by_resolution_task = Json::array();
  for (const ResolutionTask& rt : resolution.tasks) {
    by_resolution_task.push_back(Json{{"resolution_task_id", rt.id},
                                      {"title", rt.title},
                                      {"counts", TaskCountsJson(by_task[rt.id])}});
  }
  if (const auto none = by_task.find(0); none != by_task.end()) {
    by_resolution_task.push_back(
        Json{{"resolution_task_id", nullptr},
             {"title", "Nhiệm vụ không gắn với nhiệm vụ đột phá, trọng tâm"},
             {"counts", TaskCountsJson(none->second)}});
  }
  Json body;
  body["as_of"] = FormatIso(as_of);
  body["total"] = TaskCountsJson(list.counts);  // no state filter: the counts of every task
  body["by_owner"] = std::move(by_owner);
  body["by_resolution_task"] = std::move(by_resolution_task);
  return JsonResponse(200, body);
}

}  // namespace

void AddTaskApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/tasks", ApiRoute(ctx, ListTasks));
  router.Add("POST", "/api/v1/tasks", ApiRoute(ctx, CreateTask));
  router.Add("GET", "/api/v1/tasks/due-soon", ApiRoute(ctx, DueSoon));
  router.Add("GET", "/api/v1/tasks/{id}", ApiRoute(ctx, GetTask));
  router.Add("PUT", "/api/v1/tasks/{id}", ApiRoute(ctx, UpdateTask));
  router.Add("GET", "/api/v1/resolutions/{id}/task-counts", ApiRoute(ctx, ResolutionCounts));
  AddTaskProgressApi(router, ctx);
}

}  // namespace nq::web
