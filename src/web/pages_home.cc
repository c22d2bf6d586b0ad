#include "web/pages_home.h"

#include <map>
#include <string>
#include <vector>

#include "common/format.h"
#include "web/pages_common.h"
#include "web/task_view.h"

namespace nq::web {
namespace {

// How many tasks the "Việc sắp đến hạn / quá hạn" card lists, and how far ahead it looks.
constexpr size_t kDueListLength = 8;
constexpr int kDueSoonDays = 14;

// The card's context: the first tasks of TaskService::DueSoon and how many more there are.
Result<mstch::map> DueSoonContext(const PageCall& c, const Date& today) {
  NQ_ASSIGN_OR_RETURN(std::vector<TaskRow> rows,
                      c.app().tasks().DueSoon(c.principal(), today, kDueSoonDays));
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  mstch::array items;
  int overdue = 0;
  for (const TaskRow& row : rows) {
    if (row.state == TaskState::kOverdue) ++overdue;
    if (items.size() < kDueListLength) items.push_back(TaskRowContext(*tree, row, today, today));
  }
  const size_t more = rows.size() - items.size();
  return mstch::map{
      {"items", std::move(items)},
      {"has_items", !rows.empty()},
      {"overdue_count", std::to_string(overdue)},
      {"soon_count", std::to_string(rows.size() - static_cast<size_t>(overdue))},
      {"days", std::to_string(kDueSoonDays)},
      {"more", more > 0 ? std::to_string(more) : std::string()},
      {"board_url", "/tasks?due_within=" + std::to_string(kDueSoonDays)},
      {"overdue_url", std::string("/tasks?state=overdue")},
  };
}

mstch::map ResolutionContext(const ResolutionDetail& d) {
  mstch::array targets;
  for (const Target& t : d.targets) {
    targets.push_back(mstch::map{
        {"code", t.code},
        {"text", t.text},
        {"field_label", std::string(FieldLabel(t.field)) + " · " + TargetKindLabel(t.kind)},
        {"target_display", TargetValueVi(t)},
    });
  }
  mstch::array tasks;
  for (const ResolutionTask& t : d.tasks) {
    const bool breakthrough = t.kind == ResolutionTaskKind::kBreakthrough;
    tasks.push_back(mstch::map{
        {"kind_label", std::string(breakthrough ? "Đột phá" : "Trọng tâm")},
        {"badge_class", std::string(breakthrough ? "text-bg-danger" : "text-bg-secondary")},
        {"position", std::to_string(t.position)},
        {"title", t.title},
        {"description", t.description},
    });
  }
  const bool has_targets = !targets.empty();
  const bool has_tasks = !tasks.empty();
  return mstch::map{
      {"number", d.resolution.number},
      {"title", d.resolution.title},
      {"dashboard_url", "/resolutions/" + std::to_string(d.resolution.id) + "/dashboard"},
      {"adopted", FormatVi(d.resolution.adopted)},
      {"term_name", d.term.name},
      {"target_count", std::to_string(d.targets.size())},
      {"targets", std::move(targets)},
      {"has_targets", has_targets},
      {"tasks", std::move(tasks)},
      {"has_tasks", has_tasks},
  };
}

Result<HttpResponse> Home(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> orgs, c.app().orgs().Subtree(c.principal()));
  const Date today = Today();
  const std::vector<int64_t> totals = SubtreeMembers(orgs, today);

  int64_t active = 0, grassroots = 0, sub_cells = 0, members = 0, workers = 0;
  struct SectorRow {
    int64_t count = 0;
    int64_t members = 0;
  };
  std::map<int, SectorRow> by_sector;  // by Sector's order
  for (size_t i = 0; i < orgs.size(); ++i) {
    const Organization& o = orgs[i];
    if (!IsActiveOn(o, today)) continue;
    ++active;
    members += o.members;
    workers += o.workers;
    if (o.kind == OrgKind::kSubCell) ++sub_cells;
    if (o.kind == OrgKind::kBaseCommittee || o.kind == OrgKind::kBaseCell) {
      ++grassroots;
      SectorRow& row = by_sector[static_cast<int>(o.sector)];
      ++row.count;
      row.members += totals[i];
    }
  }
  mstch::array sectors;
  for (const auto& [sector, row] : by_sector) {
    const std::string label = SectorLabel(static_cast<Sector>(sector));
    sectors.push_back(mstch::map{
        {"label", label.empty() ? std::string("Khác") : label},
        {"count", FormatIntVi(row.count)},
        {"members", FormatIntVi(row.members)},
    });
  }

  NQ_ASSIGN_OR_RETURN(std::vector<Resolution> list, c.app().plans().ListResolutions(c.principal()));
  mstch::array resolutions;
  for (const Resolution& r : list) {
    NQ_ASSIGN_OR_RETURN(ResolutionDetail d, c.app().plans().GetResolution(c.principal(), r.id));
    resolutions.push_back(ResolutionContext(d));
  }

  NQ_ASSIGN_OR_RETURN(mstch::map due, DueSoonContext(c, today));

  const Organization& root = orgs.front();
  mstch::map context{
      {"org_id", std::to_string(root.id)},
      {"org_name", root.name},
      {"org_kind_label", std::string(OrgKindLabel(root.kind))},
      {"today", FormatVi(today)},
      {"org_count", FormatIntVi(active)},
      {"grassroots_count", FormatIntVi(grassroots)},
      {"sub_cell_count", FormatIntVi(sub_cells)},
      {"members", FormatIntVi(members)},
      {"workers", FormatIntVi(workers)},
      {"sectors", std::move(sectors)},
      {"resolutions", std::move(resolutions)},
      {"due", std::move(due)},
  };
  return PageResponse(200, FrameFor(c, "Trang chủ", "home"), "home", context);
}

}  // namespace

std::string WithUnit(const std::string& number, const std::string& unit) {
  if (unit.empty()) return number;
  if (unit == "%") return number + "%";
  return number + " " + unit;
}

std::string TargetValueVi(const Target& t) {
  std::string value = FormatNumberVi(t.value, 2);
  switch (t.comparator) {
    case Comparator::kAtLeast:
      return "≥ " + WithUnit(value, t.unit);
    case Comparator::kAtMost:
      return "≤ " + WithUnit(value, t.unit);
    case Comparator::kRange:
      return WithUnit(value + "–" + FormatNumberVi(t.value_high.value_or(t.value), 2), t.unit);
    case Comparator::kYesNo:
      return "Đạt";
  }
  return value;
}

void AddHomePage(Router& router, WebContext& ctx) { router.Add("GET", "/", PageRoute(ctx, Home)); }

}  // namespace nq::web
