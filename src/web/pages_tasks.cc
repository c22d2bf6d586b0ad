// The task board (/tasks) and the registration of every task page (pages_tasks.h). The task
// page is in pages_task.cc, the key projects' timeline in pages_task_projects.cc.
#include "web/pages_tasks.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/api_assessment.h"
#include "web/api_common.h"
#include "web/pages_common.h"
#include "web/pages_task_internal.h"
#include "web/task_view.h"

namespace nq::web {
namespace task_pages {

Result<TaskScopeQuery> ReadTaskScopeQuery(const HttpRequest& request) {
  NQ_ASSIGN_OR_RETURN(AssessmentQuery aq, ReadAssessmentQuery(request));
  TaskScopeQuery q;
  q.as_of = aq.as_of;
  q.org = aq.org;
  if (!request.QueryParam("resolution").empty()) {
    NQ_RETURN_IF_ERROR(
        QueryInt(request, "resolution", 1, std::numeric_limits<int64_t>::max(), &q.resolution));
  }
  return q;
}

Result<ScopeOptions> MakeScopeOptions(const PageCall& c, const TaskScopeQuery& q) {
  ScopeOptions out;
  NQ_ASSIGN_OR_RETURN(out.resolutions, c.app().plans().ListResolutions(c.principal()));
  for (const Resolution& r : out.resolutions) {
    out.resolution_options.push_back(mstch::map{{"value", std::to_string(r.id)},
                                                {"label", r.number + " — " + r.title},
                                                {"selected", q.resolution == r.id}});
  }
  NQ_ASSIGN_OR_RETURN(
      out.org_options,
      ScopeOrgOptions(
          c, [&](const Organization& o) { return IsActiveOn(o, q.as_of) || q.org == o.id; },
          q.org ? std::to_string(*q.org) : std::string()));
  return out;
}

}  // namespace task_pages

namespace {

using task_pages::ReadTaskScopeQuery;
using task_pages::TaskScopeQuery;

constexpr TaskState kBoardStates[] = {TaskState::kDoneOnTime, TaskState::kDoneLate,
                                      TaskState::kOpenInTime, TaskState::kOverdue};
constexpr ProductKind kProducts[] = {ProductKind::kDocument, ProductKind::kProject,
                                     ProductKind::kReport, ProductKind::kNone};

// The board's filters as asked; Link() rebuilds the query with another state.
struct BoardQuery {
  TaskScopeQuery scope;
  std::optional<TaskState> state;
  std::optional<ProductKind> product;
  std::optional<int64_t> rtask;
  std::optional<int64_t> due_within;

  // Every value is an id, a code or a date: nothing to percent-encode.
  std::string Link(std::optional<TaskState> with_state) const {
    std::string q = "/tasks?as_of=" + FormatIso(scope.as_of);
    if (scope.resolution) q += "&resolution=" + std::to_string(*scope.resolution);
    if (scope.org) q += "&org=" + std::to_string(*scope.org);
    if (product) q += std::string("&product=") + ProductKindCode(*product);
    if (rtask) q += "&rtask=" + std::to_string(*rtask);
    if (due_within) q += "&due_within=" + std::to_string(*due_within);
    if (with_state) q += std::string("&state=") + TaskStateCode(*with_state);
    return q;
  }
};

Status BadChoice(const char* what) {
  return Status::Invalid("query.invalid", std::string(what) + " không hợp lệ");
}

Result<BoardQuery> ReadBoardQuery(const HttpRequest& request) {
  BoardQuery q;
  NQ_ASSIGN_OR_RETURN(q.scope, ReadTaskScopeQuery(request));
  const std::string state = request.QueryParam("state");
  if (!state.empty()) {
    q.state = ParseTaskState(state);
    if (!q.state || *q.state == TaskState::kNotAssigned) return BadChoice("Tình trạng");
  }
  const std::string product = request.QueryParam("product");
  if (!product.empty()) {
    q.product = ParseProductKind(product);
    if (!q.product) return BadChoice("Loại sản phẩm");
  }
  if (!request.QueryParam("rtask").empty()) {
    NQ_RETURN_IF_ERROR(
        QueryInt(request, "rtask", 1, std::numeric_limits<int64_t>::max(), &q.rtask));
  }
  if (!request.QueryParam("due_within").empty()) {
    NQ_RETURN_IF_ERROR(QueryInt(request, "due_within", 0, 3650, &q.due_within));
  }
  return q;
}

// Breakthrough and key tasks of the resolutions in scope (or of the one chosen). Without a
// chosen resolution this reads the tasks of each resolution the principal reads: a few per term.
Result<mstch::array> ResolutionTaskOptions(const PageCall& c, const BoardQuery& q,
                                           const std::vector<Resolution>& resolutions) {
  mstch::array out;
  for (const Resolution& r : resolutions) {
    if (q.scope.resolution && *q.scope.resolution != r.id) continue;
    NQ_ASSIGN_OR_RETURN(std::vector<ResolutionTask> tasks,
                        c.app().plans().ListResolutionTasks(c.principal(), r.id));
    for (const ResolutionTask& t : tasks) {
      const bool breakthrough = t.kind == ResolutionTaskKind::kBreakthrough;
      std::string label;
      if (resolutions.size() > 1 && !q.scope.resolution) label = r.number + " · ";
      label += breakthrough ? "Đột phá " : "Trọng tâm ";
      label += std::to_string(t.position);
      label += ": ";
      label += t.title;
      out.push_back(mstch::map{
          {"value", std::to_string(t.id)}, {"label", label}, {"selected", q.rtask == t.id}});
    }
  }
  return out;
}

Result<HttpResponse> BoardPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(BoardQuery q, ReadBoardQuery(c.request));
  TaskFilter f;
  f.as_of = q.scope.as_of;
  f.resolution_id = q.scope.resolution;
  f.org_id = q.scope.org;
  f.product = q.product;
  f.resolution_task_id = q.rtask;
  if (q.due_within) f.due_within_days = static_cast<int>(*q.due_within);
  f.state = q.state;
  NQ_ASSIGN_OR_RETURN(TaskList list, c.app().tasks().List(c.principal(), f));
  NQ_ASSIGN_OR_RETURN(task_pages::ScopeOptions scope, task_pages::MakeScopeOptions(c, q.scope));
  NQ_ASSIGN_OR_RETURN(mstch::array rtasks, ResolutionTaskOptions(c, q, scope.resolutions));

  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  const Date today = Today();
  mstch::array rows;
  for (const TaskRow& row : list.rows) {
    rows.push_back(TaskRowContext(*tree, row, q.scope.as_of, today));
  }
  // The tabs count every state of what the other filters leave.
  const TaskCounts& counts = list.counts;
  mstch::array tabs{mstch::map{{"label", std::string("Tất cả")},
                               {"count", std::to_string(counts.Assigned())},
                               {"url", q.Link(std::nullopt)},
                               {"active", !q.state.has_value()},
                               {"state", std::string("all")},
                               {"colour", std::string("secondary")}}};
  for (TaskState s : kBoardStates) {
    mstch::map tab = TaskStateContext(s);
    tab.emplace("label", std::string(TaskStateLabel(s)));
    tab.emplace("count", std::to_string(counts.Get(s)));
    tab.emplace("url", q.Link(s));
    tab.emplace("active", q.state == s);
    tabs.push_back(std::move(tab));
  }
  mstch::array products;
  for (ProductKind k : kProducts) {
    products.push_back(mstch::map{{"value", std::string(ProductKindCode(k))},
                                  {"label", std::string(ProductKindLabel(k))},
                                  {"selected", q.product == k}});
  }
  const bool has_rows = !rows.empty();
  mstch::map context{
      {"as_of", FormatIso(q.scope.as_of)},
      {"as_of_vi", FormatVi(q.scope.as_of)},
      {"scope_name", OrgNameOf(*tree, q.scope.org.value_or(c.principal().org_id))},
      {"state", q.state ? std::string(TaskStateCode(*q.state)) : std::string()},
      {"due_within", q.due_within ? std::to_string(*q.due_within) : std::string()},
      {"resolution_options", std::move(scope.resolution_options)},
      {"org_options", std::move(scope.org_options)},
      {"rtask_options", std::move(rtasks)},
      {"product_options", std::move(products)},
      {"tabs", std::move(tabs)},
      {"rows", std::move(rows)},
      {"has_rows", has_rows},
      {"projects_url", "/tasks/projects?as_of=" + FormatIso(q.scope.as_of) +
                           (q.scope.org ? "&org=" + std::to_string(*q.scope.org) : "")},
  };
  return PageResponse(200, FrameFor(c, "Nhiệm vụ được giao", "tasks"), "tasks", context);
}

}  // namespace

void AddTaskPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/tasks", PageRoute(ctx, BoardPage));
  router.Add("GET", "/tasks/projects", PageRoute(ctx, task_pages::ProjectsPage));
  router.Add("GET", "/tasks/{id}", PageRoute(ctx, task_pages::TaskPage));
  router.Add("POST", "/tasks/{id}/progress", PageRoute(ctx, task_pages::PostProgress));
}

}  // namespace nq::web
