#include "service/review_service.h"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "service/app.h"

namespace nq {
namespace {

Result<review::TaskGroup> TasksOf(App& app, const Principal& p, const Resolution& r,
                                        int64_t root, const Date& as_of) {
  review::TaskGroup out;
  out.resolution = r;
  NQ_ASSIGN_OR_RETURN(out.resolution_tasks, app.plans().ListResolutionTasks(p, r.id));
  TaskFilter f;
  f.as_of = as_of;
  f.resolution_id = r.id;
  f.org_id = root;
  NQ_ASSIGN_OR_RETURN(TaskList list, app.tasks().List(p, f));
  for (TaskRow& row : list.rows) out.tasks.push_back(std::move(row.task));
  std::sort(out.tasks.begin(), out.tasks.end(),
            [](const AssignedTask& a, const AssignedTask& b) { return a.id < b.id; });
  return out;
}

// On time, late and missing reports per organization, over every data set and every period of
// it that ended within the term and was due by as_of.
Result<std::vector<review::OrgReporting>> Reporting(App& app, const Principal& p, const Term& term,
                                                    int64_t root, const Date& as_of) {
  std::map<int64_t, review::OrgReporting> by_org;
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets, app.data().ListDataSets(p));
  for (const DataSet& s : sets) {
    std::optional<Period> period = Period::Containing(s.period_type, term.start);
    for (; period && period->end() <= term.end && !(as_of < DueDate(s, *period));
         period = period->Next()) {
      NQ_ASSIGN_OR_RETURN(CompletenessBoard board,
                          app.data().Completeness(p, s.id, *period, root, as_of));
      for (const CompletenessRow& row : board.rows) {
        review::OrgReporting& o = by_org[row.org.id];
        o.org_id = row.org.id;
        if (row.timeliness == Timeliness::kOnTime) ++o.on_time;
        if (row.timeliness == Timeliness::kLate) ++o.late;
        if (row.timeliness == Timeliness::kMissing) ++o.missing;
      }
    }
  }
  std::vector<review::OrgReporting> out;
  for (auto& [id, o] : by_org) out.push_back(o);
  return out;
}

// The assessment for each direct child of the root open on as_of (the per-organization rows).
Result<std::vector<analytics::ResolutionResult>> ChildAssessments(App& app, const Principal& p,
                                                                  const ReviewRequest& r,
                                                                  const OrgTree& tree,
                                                                  int64_t root) {
  std::vector<analytics::ResolutionResult> out;
  for (int64_t child : tree.Children(root)) {
    if (!IsActiveOn(*tree.Find(child), r.as_of)) continue;
    NQ_ASSIGN_OR_RETURN(ResolutionDashboard dash,
                        app.analytics().Assess(p, r.resolution_id, r.as_of, child));
    out.push_back(std::move(dash.result));
  }
  return out;
}

}  // namespace

Result<review::Review> BuildReview(App& app, const Principal& p, const ReviewRequest& r) {
  NQ_ASSIGN_OR_RETURN(ResolutionDashboard dash,
                      app.analytics().Assess(p, r.resolution_id, r.as_of, r.root));
  const std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  review::ReviewInput in;
  in.kind = r.kind;
  in.as_of = r.as_of;
  in.term = dash.plan.term;
  in.resolution = dash.plan.resolution;
  in.resolution_tasks = dash.plan.tasks;
  in.assessment = std::move(dash.result);
  in.tree = tree.get();
  in.root_org = dash.root.id;
  NQ_ASSIGN_OR_RETURN(review::TaskGroup own,
                      TasksOf(app, p, in.resolution, in.root_org, r.as_of));
  in.tasks.push_back(std::move(own));
  NQ_ASSIGN_OR_RETURN(std::vector<Resolution> same_term,
                      app.plans().ListResolutions(p, in.term.id));
  for (const Resolution& other : same_term) {
    if (other.id == in.resolution.id) continue;
    NQ_ASSIGN_OR_RETURN(review::TaskGroup followed,
                        TasksOf(app, p, other, in.root_org, r.as_of));
    if (!followed.tasks.empty()) in.tasks.push_back(std::move(followed));
  }
  NQ_ASSIGN_OR_RETURN(in.reporting, Reporting(app, p, in.term, in.root_org, r.as_of));
  NQ_ASSIGN_OR_RETURN(in.children, ChildAssessments(app, p, r, *tree, in.root_org));
  NQ_ASSIGN_OR_RETURN(RecordService::RecordSet records,
                      app.records().RecordsForFigures(p, in.root_org, in.term.start, r.as_of));
  in.record_types = std::move(records.types);
  in.records = std::move(records.records);
  return review::BuildReview(in);
}

}  // namespace nq
