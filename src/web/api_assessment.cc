#include "web/api_assessment.h"

#include <limits>
#include <utility>
#include <vector>

#include "common/format.h"
#include "service/scope.h"
#include "web/api_resolutions.h"

namespace nq::web {
namespace {

Json Number(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

Json PathJson(const std::vector<std::pair<Date, double>>& path) {
  Json items = Json::array();
  for (const auto& [date, value] : path) {
    Json p;
    p["date"] = FormatIso(date);
    p["value"] = value;
    items.push_back(std::move(p));
  }
  return items;
}

Json BucketsJson(const std::vector<analytics::BucketCount>& buckets) {
  Json out = Json::array();
  for (const analytics::BucketCount& b : buckets) {
    Json item;
    item["threshold"] = b.threshold;
    item["count"] = b.count;
    item["label"] = BucketLabel(b.threshold);
    out.push_back(std::move(item));
  }
  return out;
}

Json FieldCountsJson(const std::vector<analytics::FieldCount>& fields) {
  Json out = Json::array();
  for (const analytics::FieldCount& f : fields) {
    Json item;
    item["field"] = FieldCode(f.field);
    item["label"] = FieldLabel(f.field);
    item["done"] = f.done;
    item["total"] = f.total;
    out.push_back(std::move(item));
  }
  return out;
}

Json ResolutionRefJson(const ResolutionDetail& plan) {
  Json j;
  j["id"] = plan.resolution.id;
  j["number"] = plan.resolution.number;
  j["title"] = plan.resolution.title;
  return j;
}

Result<HttpResponse> Assessment(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(AssessmentQuery q, ReadAssessmentQuery(c.request));
  NQ_ASSIGN_OR_RETURN(ResolutionDashboard d,
                      c.app().analytics().Assess(c.principal(), id, q.as_of, q.org));
  return JsonResponse(200, DashboardJson(d));
}

Result<HttpResponse> TargetDetail(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(TargetView v, ReadTargetView(c.app(), c.principal(), c.params, c.request));
  return JsonResponse(200, TargetChartJson(v.plan, v.root, v.as_of, v.chart));
}

}  // namespace

Result<AssessmentQuery> ReadAssessmentQuery(const HttpRequest& request) {
  AssessmentQuery q;
  q.as_of = Today();
  const std::string as_of = request.QueryParam("as_of");
  if (!as_of.empty()) {
    const std::optional<Date> d = ParseIsoDate(as_of);
    if (!d) {
      return Status::Invalid("date.invalid",
                             "Ngày đánh giá không hợp lệ: cần một ngày có thật, dạng "
                             "YYYY-MM-DD (ví dụ 2023-05-17)");
    }
    q.as_of = *d;
  }
  if (!request.QueryParam("org").empty()) {
    NQ_RETURN_IF_ERROR(
        QueryInt(request, "org", 1, std::numeric_limits<int64_t>::max(), &q.org));
  }
  return q;
}

Result<Organization> AssessmentRoot(App& app, const Principal& p, const ResolutionDetail& plan,
                                    std::optional<int64_t> org) {
  if (!org) {
    const bool committee_in_scope = CheckInScope(*app.orgs().tree(), p, plan.term.org_id).ok();
    org = committee_in_scope ? plan.term.org_id : p.org_id;
  }
  return app.orgs().Get(p, *org);
}

Result<TargetView> ReadTargetView(App& app, const Principal& p, const RouteParams& params,
                                  const HttpRequest& request) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(params));
  NQ_ASSIGN_OR_RETURN(AssessmentQuery q, ReadAssessmentQuery(request));
  NQ_ASSIGN_OR_RETURN(ResolutionDetail plan, app.plans().GetResolution(p, id));
  NQ_ASSIGN_OR_RETURN(Organization root, AssessmentRoot(app, p, plan, q.org));
  const std::string code(params.Get("code"));
  NQ_ASSIGN_OR_RETURN(TargetChart chart,
                      app.analytics().TargetDetail(p, id, code, q.as_of, root.id));
  return TargetView{std::move(plan), std::move(root), q.as_of, std::move(chart)};
}

std::string BucketLabel(double threshold) {
  return "Đạt từ " + FormatNumberVi(threshold, 2) + "% trở lên";
}

Json TargetResultJson(const analytics::TargetResult& t) {
  const analytics::TargetAssessment& a = t.assessment;
  Json j;
  j["code"] = t.target.code;
  j["text"] = t.target.text;
  j["field"] = FieldCode(t.target.field);
  j["field_label"] = FieldLabel(t.target.field);
  j["unit"] = t.target.unit;
  j["kind"] = TargetKindCode(t.target.kind);
  j["comparator"] = ComparatorCode(t.target.comparator);
  j["status"] = analytics::TargetStatusCode(a.status);
  j["status_label"] = analytics::TargetStatusLabel(a.status);
  j["colour"] = analytics::TargetStatusColour(a.status);
  j["actual"] = Number(a.actual);
  j["expected"] = Number(a.expected);
  j["projection"] = Number(a.projection);
  j["target_value"] = a.target_value;
  j["target_high"] = Number(a.target_high);
  j["ratio"] = Number(a.ratio);
  j["estimate"] = a.estimate;
  j["final"] = a.final;
  j["elapsed"] = a.elapsed;
  j["explanation"] = a.explanation;
  j["error"] = t.error;
  j["allocated_share"] = Number(t.allocated_share);
  Json years = Json::array();
  for (const analytics::YearPoint& y : t.years) {
    Json p;
    p["year"] = y.year;
    p["value"] = Number(y.value);
    p["estimate"] = y.estimate;
    p["closed"] = y.closed;
    p["target"] = Number(y.target);
    years.push_back(std::move(p));
  }
  j["years"] = std::move(years);
  return j;
}

void AddAssessmentSummary(const analytics::ResolutionResult& r, Json* j) {
  (*j)["headline"] = r.headline;
  (*j)["done"] = r.done;
  (*j)["total"] = r.total;
  (*j)["buckets"] = BucketsJson(r.buckets);
  (*j)["fields"] = FieldCountsJson(r.fields);
  Json targets = Json::array();
  for (const analytics::TargetResult& t : r.targets) targets.push_back(TargetResultJson(t));
  (*j)["targets"] = std::move(targets);
}

Json DashboardJson(const ResolutionDashboard& d) {
  const analytics::ResolutionResult& r = d.result;
  Json j;
  j["resolution"] = ResolutionRefJson(d.plan);
  j["term"] = TermJson(d.plan.term);
  j["org"] = OrgRefJson(d.root);
  j["as_of"] = FormatIso(r.as_of);
  j["final"] = r.final;
  AddAssessmentSummary(r, &j);
  return j;
}

Json TargetChartJson(const ResolutionDetail& plan, const Organization& root, const Date& as_of,
                     const TargetChart& chart) {
  Json j = TargetResultJson(chart.result);
  j["resolution"] = ResolutionRefJson(plan);
  j["term"] = TermJson(plan.term);
  j["org"] = OrgRefJson(root);
  j["as_of"] = FormatIso(as_of);
  j["expected_path"] = PathJson(chart.expected_path);
  j["projection_path"] = PathJson(chart.projection_path);
  Json children = Json::array();
  for (const auto& [org, result] : chart.children) {
    Json child = TargetResultJson(result);
    child["org"] = OrgRefJson(org);
    children.push_back(std::move(child));
  }
  j["children"] = std::move(children);
  return j;
}

void AddAssessmentApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/resolutions/{id}/assessment", ApiRoute(ctx, Assessment));
  router.Add("GET", "/api/v1/resolutions/{id}/targets/{code}", ApiRoute(ctx, TargetDetail));
}

}  // namespace nq::web
