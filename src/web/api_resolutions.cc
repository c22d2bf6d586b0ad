#include "web/api_resolutions.h"

#include <limits>
#include <utility>
#include <vector>

namespace nq::web {
namespace {

Result<HttpResponse> ListResolutions(const ApiCall& c) {
  std::optional<int64_t> term_id;
  NQ_RETURN_IF_ERROR(
      QueryInt(c.request, "term_id", 1, std::numeric_limits<int64_t>::max(), &term_id));
  NQ_ASSIGN_OR_RETURN(std::vector<Resolution> list,
                      c.app().plans().ListResolutions(c.principal(), term_id));
  Json items = Json::array();
  for (const Resolution& r : list) items.push_back(ResolutionJson(r));
  Json body;
  body["items"] = std::move(items);
  body["total"] = list.size();
  return JsonResponse(200, body);
}

Result<HttpResponse> GetResolution(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(ResolutionDetail d, c.app().plans().GetResolution(c.principal(), id));
  Json body = ResolutionJson(d.resolution);
  body["term"] = TermJson(d.term);
  Json targets = Json::array();
  for (const Target& t : d.targets) targets.push_back(TargetJson(t));
  body["targets"] = std::move(targets);
  Json tasks = Json::array();
  for (const ResolutionTask& t : d.tasks) tasks.push_back(ResolutionTaskJson(t));
  body["tasks"] = std::move(tasks);
  return JsonResponse(200, body);
}

}  // namespace

Json ResolutionJson(const Resolution& r) {
  Json j;
  j["id"] = r.id;
  j["term_id"] = r.term_id;
  j["number"] = r.number;
  j["title"] = r.title;
  j["adopted"] = FormatIso(r.adopted);
  return j;
}

Json TermJson(const Term& t) {
  Json j;
  j["id"] = t.id;
  j["name"] = t.name;
  j["start"] = FormatIso(t.start);
  j["end"] = FormatIso(t.end);
  j["mid_point"] = FormatIso(MidPoint(t));
  j["org_id"] = t.org_id;
  return j;
}

Json TargetJson(const Target& t) {
  Json j;
  j["id"] = t.id;
  j["code"] = t.code;
  j["position"] = t.position;
  j["text"] = t.text;
  j["field"] = FieldCode(t.field);
  j["field_label"] = FieldLabel(t.field);
  j["comparator"] = ComparatorCode(t.comparator);
  j["kind"] = TargetKindCode(t.kind);
  j["indicator"] = t.indicator;
  j["value"] = t.value;
  j["value_high"] = t.value_high ? Json(*t.value_high) : Json(nullptr);
  j["value_formula"] = t.value_formula;
  j["unit"] = t.unit;
  j["baseline"] = t.baseline ? Json(*t.baseline) : Json(nullptr);
  return j;
}

Json ResolutionTaskJson(const ResolutionTask& t) {
  Json j;
  j["id"] = t.id;
  j["kind"] = ResolutionTaskKindCode(t.kind);
  j["position"] = t.position;
  j["title"] = t.title;
  j["description"] = t.description;
  j["target_codes"] = t.target_codes;
  return j;
}

void AddResolutionApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/resolutions", ApiRoute(ctx, ListResolutions));
  router.Add("GET", "/api/v1/resolutions/{id}", ApiRoute(ctx, GetResolution));
}

}  // namespace nq::web
