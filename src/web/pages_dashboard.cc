#include "web/pages_dashboard.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "web/api_assessment.h"
#include "web/api_common.h"
#include "web/http.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/pages_home.h"

namespace nq::web {
namespace {

// Percent-encodes a path segment or query value (everything but unreserved characters).
std::string Query(const Date& as_of, int64_t org_id) {
  return "?as_of=" + FormatIso(as_of) + "&org=" + std::to_string(org_id);
}

std::string DashboardPath(int64_t resolution_id) {
  return "/resolutions/" + std::to_string(resolution_id) + "/dashboard";
}

std::string TargetPath(int64_t resolution_id, const std::string& code) {
  return "/resolutions/" + std::to_string(resolution_id) + "/targets/" + PercentEncode(code);
}


// A value of the target's indicator as read in the UI: "1.234,5 đảng viên", "92,5%", "Có".
std::string ValueText(const std::optional<double>& x, const Target& t) {
  if (!x) return "—";
  if (t.comparator == Comparator::kYesNo) return *x >= 0.5 ? "Có" : "Chưa";
  return WithUnit(FormatNumberVi(*x, 1), t.unit);
}

// The target as assessed (allocated to a subtree, or resolved from its formula).
std::string TargetText(const analytics::TargetResult& r) {
  Target t = r.target;
  t.value = r.assessment.target_value;
  t.value_high = r.assessment.target_high;
  return TargetValueVi(t);
}

// What the templates show of one assessed target (cards, drill-down rows).
mstch::map TargetContext(const analytics::TargetResult& r) {
  const analytics::TargetAssessment& a = r.assessment;
  const double bar = a.ratio ? std::clamp(*a.ratio, 0.0, 100.0) : 0.0;
  return mstch::map{
      {"code", r.target.code},
      {"text", r.target.text},
      {"field_label", std::string(FieldLabel(r.target.field))},
      {"kind_label", std::string(TargetKindLabel(r.target.kind))},
      {"status", std::string(analytics::TargetStatusCode(a.status))},
      {"status_label", std::string(analytics::TargetStatusLabel(a.status))},
      {"colour", std::string(analytics::TargetStatusColour(a.status))},
      {"has_ratio", a.ratio.has_value()},
      {"ratio", a.ratio ? FormatNumberVi(*a.ratio, 1) + "%" : std::string("—")},
      {"bar", FormatNumberVi(bar, 1)},
      {"bar_value", std::to_string(static_cast<int>(bar + 0.5))},
      {"actual", ValueText(a.actual, r.target)},
      {"expected", ValueText(a.expected, r.target)},
      {"projection", ValueText(a.projection, r.target)},
      {"target", TargetText(r)},
      {"estimate", a.estimate},
      {"explanation", a.explanation},
      // The error, unless the explanation already quotes it.
      {"error", a.explanation.find(r.error) == std::string::npos ? r.error : std::string()},
  };
}

// The organization picker: the path from the scope root down to `root`, then its children
// open on `as_of`; the selected entry is `root`.
Result<mstch::array> OrgOptions(const PageCall& c, const Organization& root, const Date& as_of) {
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> path,
                      c.app().orgs().PathInScope(c.principal(), root.id));
  mstch::array options;
  std::string indent;
  for (const Organization& o : path) {
    options.push_back(mstch::map{{"value", std::to_string(o.id)},
                                 {"label", indent + o.name},
                                 {"selected", o.id == root.id}});
    indent += "— ";
  }
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  for (const int64_t id : tree->Children(root.id)) {
    const Organization* o = tree->Find(id);
    if (o == nullptr || !IsActiveOn(*o, as_of)) continue;
    options.push_back(mstch::map{
        {"value", std::to_string(o->id)}, {"label", indent + o->name}, {"selected", false}});
  }
  return options;
}

// Header fields shared by both pages.
Result<mstch::map> HeaderContext(const PageCall& c, const ResolutionDetail& plan,
                                 const Organization& root, const Date& as_of) {
  NQ_ASSIGN_OR_RETURN(mstch::array orgs, OrgOptions(c, root, as_of));
  return mstch::map{
      {"resolution_id", std::to_string(plan.resolution.id)},
      {"number", plan.resolution.number},
      {"title", plan.resolution.title},
      {"term_name", plan.term.name},
      {"org_id", std::to_string(root.id)},
      {"org_name", root.name},
      {"as_of", FormatIso(as_of)},
      {"as_of_vi", FormatVi(as_of)},
      {"org_options", std::move(orgs)},
      {"dashboard_url", DashboardPath(plan.resolution.id) + Query(as_of, root.id)},
  };
}

Result<HttpResponse> DashboardPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(AssessmentQuery q, ReadAssessmentQuery(c.request));
  NQ_ASSIGN_OR_RETURN(ResolutionDashboard d,
                      c.app().analytics().Assess(c.principal(), id, q.as_of, q.org));
  const analytics::ResolutionResult& r = d.result;
  NQ_ASSIGN_OR_RETURN(mstch::map context, HeaderContext(c, d.plan, d.root, q.as_of));

  mstch::array buckets;
  for (const analytics::BucketCount& b : r.buckets) {
    buckets.push_back(mstch::map{{"label", BucketLabel(b.threshold)},
                                 {"count", std::to_string(b.count)},
                                 {"total", std::to_string(r.total)}});
  }
  mstch::array fields;
  for (const analytics::FieldCount& f : r.fields) {
    fields.push_back(mstch::map{{"label", std::string(FieldLabel(f.field))},
                                {"done", std::to_string(f.done)},
                                {"total", std::to_string(f.total)}});
  }
  mstch::array targets;
  for (const analytics::TargetResult& t : r.targets) {
    mstch::map card = TargetContext(t);
    card.emplace("url", TargetPath(id, t.target.code) + Query(q.as_of, d.root.id));
    targets.push_back(std::move(card));
  }
  context.emplace("headline", r.headline);
  context.emplace("done", std::to_string(r.done));
  context.emplace("total", std::to_string(r.total));
  context.emplace("final", r.final);
  context.emplace("counts_on_track", d.plan.settings.mid_term_counts_on_track);
  context.emplace("buckets", std::move(buckets));
  context.emplace("fields", std::move(fields));
  context.emplace("has_targets", !r.targets.empty());
  context.emplace("targets", std::move(targets));
  context.emplace("reviews_url", "/resolutions/" + std::to_string(id) + "/reviews");
  // Cài đặt đánh giá (web/pages_assessment_settings.h): linked for those who may change them.
  context.emplace("settings_url",
                  CanEditOrganizations(c.principal().role)
                      ? "/resolutions/" + std::to_string(id) + "/assessment-settings"
                      : std::string());
  return PageResponse(200, FrameFor(c, "Đánh giá " + d.plan.resolution.number, "dashboard"),
                      "dashboard", context);
}

Result<HttpResponse> TargetPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(TargetView v, ReadTargetView(c.app(), c.principal(), c.params, c.request));
  const ResolutionDetail& plan = v.plan;
  const Organization& root = v.root;
  const TargetChart& chart = v.chart;
  const int64_t id = plan.resolution.id;
  const Date as_of = v.as_of;
  NQ_ASSIGN_OR_RETURN(mstch::map context, HeaderContext(c, plan, root, as_of));
  const Target& target = chart.result.target;

  mstch::array children;
  for (const auto& [org, result] : chart.children) {
    mstch::map row = TargetContext(result);
    row.emplace("org_name", org.name);
    row.emplace("org_url", TargetPath(id, target.code) + Query(as_of, org.id));
    children.push_back(std::move(row));
  }
  mstch::array years;
  bool year_targets = false;
  for (const analytics::YearPoint& y : chart.result.years) {
    const bool future = y.year > as_of.year;
    year_targets = year_targets || y.target.has_value();
    years.push_back(mstch::map{
        {"year", std::to_string(y.year)},
        {"value", ValueText(y.value, target)},
        {"estimate", y.estimate},
        {"state", std::string(y.closed ? "Đã kết thúc" : future ? "Chưa đến" : "Đang thực hiện")},
        {"year_target", ValueText(y.target, target)},
    });
  }
  context.emplace("target", TargetContext(chart.result));
  context.emplace("chart_json", DumpJson(TargetChartJson(plan, root, as_of, chart)));
  context.emplace("children", std::move(children));
  context.emplace("has_children", !chart.children.empty());
  context.emplace("years", std::move(years));
  context.emplace("year_targets", year_targets);
  context.emplace("code_url", TargetPath(id, target.code));
  return PageResponse(200, FrameFor(c, target.code + " · " + plan.resolution.number, "dashboard"),
                      "dashboard_target", context);
}

// /dashboard: straight to the only resolution in scope, else a list of them.
Result<HttpResponse> IndexPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<Resolution> list, c.app().plans().ListResolutions(c.principal()));
  if (list.size() == 1) return HttpResponse::Redirect(DashboardPath(list.front().id));
  mstch::array items;
  for (const Resolution& r : list) {
    items.push_back(mstch::map{{"url", DashboardPath(r.id)},
                               {"number", r.number},
                               {"title", r.title},
                               {"adopted", FormatVi(r.adopted)}});
  }
  const bool empty = items.empty();
  mstch::map context{{"resolutions", std::move(items)}, {"empty", empty}};
  return PageResponse(200, FrameFor(c, "Đánh giá thực hiện Nghị quyết", "dashboard"),
                      "dashboard_index", context);
}

}  // namespace

void AddDashboardPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/dashboard", PageRoute(ctx, IndexPage));
  router.Add("GET", "/resolutions/{id}/dashboard", PageRoute(ctx, DashboardPage));
  router.Add("GET", "/resolutions/{id}/targets/{code}", PageRoute(ctx, TargetPage));
}

}  // namespace nq::web
