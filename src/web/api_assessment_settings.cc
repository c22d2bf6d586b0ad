#include "web/api_assessment_settings.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include "web/web_auth.h"

namespace nq::web {
namespace {

// Room for a few more than the domain allows, so that six buckets get the domain's message.
constexpr size_t kMaxBucketsRead = 64;

// 85 rather than 85.0.
Json NumberJson(double v) {
  if (std::isfinite(v) && v == std::trunc(v) && std::abs(v) < 1e15) {
    return Json(static_cast<int64_t>(v));
  }
  return Json(v);
}

Result<HttpResponse> GetSettings(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(AssessmentSettings s,
                      c.app().plans().GetAssessmentSettings(c.principal(), id));
  return JsonResponse(200, AssessmentSettingsJson(s));
}

Result<HttpResponse> Put(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  AssessmentSettings s;
  NQ_RETURN_IF_ERROR(ReadAssessmentSettings(body, &s));
  NQ_ASSIGN_OR_RETURN(AssessmentSettings stored,
                      c.app().plans().UpdateAssessmentSettings(c.principal(), id, s,
                                                               ActorFor(*c.session, c.request)));
  return JsonResponse(200, AssessmentSettingsJson(stored));
}

}  // namespace

Json AssessmentSettingsJson(const AssessmentSettings& s) {
  Json buckets = Json::array();
  for (double b : s.buckets) buckets.push_back(NumberJson(b));
  Json j;
  j["behind_floor"] = NumberJson(FractionToPercent(s.behind_floor));
  j["exceed_margin"] = NumberJson(FractionToPercent(s.exceed_margin));
  j["buckets"] = std::move(buckets);
  j["mid_term_counts_on_track"] = s.mid_term_counts_on_track;
  return j;
}

Status ReadAssessmentSettings(JsonObjectReader& body, AssessmentSettings* out) {
  std::optional<double> floor;
  std::optional<double> margin;
  std::optional<std::vector<double>> buckets;
  std::optional<bool> on_track;
  NQ_RETURN_IF_ERROR(body.GetNumber("behind_floor", &floor));
  NQ_RETURN_IF_ERROR(body.GetNumber("exceed_margin", &margin));
  NQ_RETURN_IF_ERROR(body.GetNumbers("buckets", kMaxBucketsRead, &buckets));
  NQ_RETURN_IF_ERROR(body.GetBool("mid_term_counts_on_track", &on_track));
  for (const char* key : {"behind_floor", "exceed_margin", "buckets", "mid_term_counts_on_track"}) {
    NQ_RETURN_IF_ERROR(body.Require(key));
  }
  NQ_RETURN_IF_ERROR(body.Finish());
  out->behind_floor = *floor / 100;
  out->exceed_margin = *margin / 100;
  out->buckets = std::move(*buckets);
  out->mid_term_counts_on_track = *on_track;
  return Status::Ok();
}

void AddAssessmentSettingsApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/resolutions/{id}/assessment-settings", ApiRoute(ctx, GetSettings));
  router.Add("PUT", "/api/v1/resolutions/{id}/assessment-settings", ApiRoute(ctx, Put));
}

}  // namespace nq::web
