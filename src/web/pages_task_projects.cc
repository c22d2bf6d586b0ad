// Công trình, dự án trọng điểm: the key projects' timeline (GET /tasks/projects, pages_tasks.h).
// The chart's data goes to web/tasks.js in a data- attribute (no inline script under the CSP);
// the same rows are in a table for screen readers and print.
#include <memory>
#include <string>
#include <utility>

#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/pages_task_internal.h"
#include "web/task_view.h"

namespace nq::web::task_pages {
namespace {

}  // namespace

Result<HttpResponse> ProjectsPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(TaskScopeQuery q, ReadTaskScopeQuery(c.request));
  TaskFilter f;
  f.as_of = q.as_of;
  f.resolution_id = q.resolution;
  f.org_id = q.org;
  f.product = ProductKind::kProject;
  NQ_ASSIGN_OR_RETURN(TaskList list, c.app().tasks().List(c.principal(), f));
  NQ_ASSIGN_OR_RETURN(ScopeOptions scope, MakeScopeOptions(c, q));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  const Date today = Today();

  Json projects = Json::array();
  mstch::array rows;
  for (const TaskRow& row : list.rows) {
    const AssignedTask& t = row.task;
    if (!t.project) continue;
    const std::string owner = OrgNameOf(*tree, t.owner_org_id);
    Json milestones = Json::array();
    mstch::array ms_rows;
    for (const Milestone& m : t.project->milestones) {
      const TaskState s = DeadlineState(m.due, m.done_on, q.as_of);
      milestones.push_back(Json{{"title", m.title},
                                {"due", FormatIso(m.due)},
                                {"done", DateOrNull(m.done_on)},
                                {"state", TaskStateCode(s)},
                                {"state_label", TaskStateLabel(s)}});
      mstch::map r = TaskStateContext(s);
      r.emplace("title", m.title);
      r.emplace("due", FormatVi(m.due));
      r.emplace("done_on", m.done_on ? FormatVi(*m.done_on) : std::string("—"));
      ms_rows.push_back(std::move(r));
    }
    projects.push_back(Json{{"id", t.id},
                            {"name", t.project->name},
                            {"owner", owner},
                            {"start", FormatIso(t.assigned)},
                            {"end", FormatIso(t.deadline.due)},
                            {"state", TaskStateCode(row.state)},
                            {"state_label", TaskStateLabel(row.state)},
                            {"milestones", std::move(milestones)}});
    mstch::map r = TaskRowContext(*tree, row, q.as_of, today);
    r.emplace("project_name", t.project->name);
    r.emplace("location", t.project->location);
    const bool has_milestones = !ms_rows.empty();
    r.emplace("milestone_rows", std::move(ms_rows));
    r.emplace("has_milestones", has_milestones);
    rows.push_back(std::move(r));
  }
  const Json chart{{"as_of", FormatIso(q.as_of)}, {"projects", projects}};
  const bool has_rows = !rows.empty();
  mstch::map context{
      {"as_of", FormatIso(q.as_of)},
      {"as_of_vi", FormatVi(q.as_of)},
      {"scope_name", OrgNameOf(*tree, q.org.value_or(c.principal().org_id))},
      {"resolution_options", std::move(scope.resolution_options)},
      {"org_options", std::move(scope.org_options)},
      {"project_count", std::to_string(rows.size())},
      {"rows", std::move(rows)},
      {"has_rows", has_rows},
      {"chart_json", DumpJson(chart)},
      {"board_url", "/tasks?product=project&as_of=" + FormatIso(q.as_of) +
                        (q.org ? "&org=" + std::to_string(*q.org) : "")},
  };
  return PageResponse(200, FrameFor(c, "Công trình, dự án trọng điểm", "tasks"), "task_projects",
                      context);
}

}  // namespace nq::web::task_pages
