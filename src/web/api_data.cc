#include "web/api_data.h"

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/api_common.h"
#include "web/data_json.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

constexpr size_t kMaxValuesPerPost = 5000;
constexpr size_t kMaxQueryBytes = 64;

DataService& Data(const ApiCall& c) { return c.app().data(); }

// The query parameter `name` as a period id; absent: nullopt (required: missing is 400).
Status QueryPeriod(const HttpRequest& r, std::string_view name, bool required,
                   std::optional<Period>* out) {
  if (!r.HasQueryParam(name)) {
    if (!required) return Status::Ok();
    return Status::Invalid(
        "query.invalid", "Thiếu tham số \"" + std::string(name) + "\" (kỳ báo cáo, ví dụ 2023M05)");
  }
  std::string text;
  NQ_RETURN_IF_ERROR(QueryText(r, name, kMaxQueryBytes, &text));
  NQ_ASSIGN_OR_RETURN(Period p, Period::Parse(text));
  *out = p;
  return Status::Ok();
}

// Elements by id, for formatting values.
Result<std::map<int64_t, DataElement>> ElementsById(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> all, Data(c).ListElements(c.principal()));
  std::map<int64_t, DataElement> out;
  for (DataElement& e : all) out.emplace(e.id, std::move(e));
  return out;
}

// --- definitions ------------------------------------------------------------------------

Result<HttpResponse> ListElements(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> all, Data(c).ListElements(c.principal()));
  DataJson items = DataJson::array();
  for (const DataElement& e : all) items.push_back(ElementJson(e));
  return JsonResponse(200, DataJson{{"items", std::move(items)}});
}

Result<HttpResponse> GetElement(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(DataElement e, Data(c).GetElement(c.principal(), id));
  return JsonResponse(200, ElementJson(e));
}

Result<HttpResponse> CreateElement(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  DataElement e;
  NQ_RETURN_IF_ERROR(ReadElementFields(body, /*create=*/true, &e));
  NQ_ASSIGN_OR_RETURN(DataElement created,
                      Data(c).CreateElement(c.principal(), e, ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, ElementJson(created));
  r.SetHeader("Location", "/api/v1/data-elements/" + std::to_string(created.id));
  return r;
}

Result<HttpResponse> UpdateElement(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  NQ_ASSIGN_OR_RETURN(DataElement e, Data(c).GetElement(c.principal(), id));
  NQ_RETURN_IF_ERROR(ReadElementFields(body, /*create=*/false, &e));
  NQ_ASSIGN_OR_RETURN(DataElement updated,
                      Data(c).UpdateElement(c.principal(), e, ActorFor(*c.session, c.request)));
  return JsonResponse(200, ElementJson(updated));
}

Result<HttpResponse> ListDataSets(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> all, Data(c).ListDataSets(c.principal()));
  DataJson items = DataJson::array();
  for (const DataSet& s : all) items.push_back(DataSetJson(s));
  return JsonResponse(200, DataJson{{"items", std::move(items)}});
}

Result<HttpResponse> GetDataSet(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(DataSet s, Data(c).GetDataSet(c.principal(), id));
  return JsonResponse(200, DataSetJson(s));
}

Result<HttpResponse> CreateDataSet(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  DataSet s;
  NQ_RETURN_IF_ERROR(ReadDataSetFields(body, /*create=*/true, &s));
  NQ_ASSIGN_OR_RETURN(DataSet created,
                      Data(c).CreateDataSet(c.principal(), s, ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, DataSetJson(created));
  r.SetHeader("Location", "/api/v1/data-sets/" + std::to_string(created.id));
  return r;
}

Result<HttpResponse> UpdateDataSet(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  NQ_ASSIGN_OR_RETURN(DataSet s, Data(c).GetDataSet(c.principal(), id));
  NQ_RETURN_IF_ERROR(ReadDataSetFields(body, /*create=*/false, &s));
  NQ_ASSIGN_OR_RETURN(DataSet updated,
                      Data(c).UpdateDataSet(c.principal(), s, ActorFor(*c.session, c.request)));
  return JsonResponse(200, DataSetJson(updated));
}

// --- entry --------------------------------------------------------------------------------

Result<HttpResponse> GetForm(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t set_id, PathId(c.params));
  std::optional<int64_t> org;
  std::optional<Period> period;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "org", 1, kMaxId, &org));
  NQ_RETURN_IF_ERROR(QueryPeriod(c.request, "period", /*required=*/true, &period));
  NQ_ASSIGN_OR_RETURN(
      ReportForm f,
      Data(c).GetForm(c.principal(), org.value_or(c.principal().org_id), set_id, *period, Today()));
  std::map<int64_t, const DataValue*> by_element;
  for (const DataValue& v : f.values) by_element[v.element_id] = &v;
  DataJson elements = DataJson::array();
  for (const DataElement& e : f.elements) {
    DataJson j = ElementJson(e);
    const auto it = by_element.find(e.id);
    j["value"] = it == by_element.end() ? DataJson(nullptr) : ValueJson(*it->second, &e);
    elements.push_back(std::move(j));
  }
  DataJson body;
  body["data_set"] = DataSetJson(f.data_set);
  body["org"] = OrgRefJson(f.org);
  body["period"] = f.period.ToString();
  body["period_label"] = f.period.Label();
  body["report"] = ReportJson(f.report);
  body["due"] = FormatIso(f.due);
  body["timeliness"] = TimelinessCode(f.timeliness);
  body["timeliness_label"] = TimelinessLabel(f.timeliness);
  body["editable"] = f.editable;
  body["can_submit"] = f.can_submit;
  body["can_approve"] = f.can_approve;
  body["can_reopen"] = f.can_reopen;
  body["elements"] = std::move(elements);
  body["violations"] = ViolationsJson(f.violations);
  return JsonResponse(200, body);
}

Result<HttpResponse> ListValues(const ApiCall& c) {
  std::optional<int64_t> root;
  std::optional<int64_t> element;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "root", 1, kMaxId, &root));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "element", 1, kMaxId, &element));
  std::optional<PeriodRange> periods;
  if (c.request.HasQueryParam("periods")) {
    std::string text;
    NQ_RETURN_IF_ERROR(QueryText(c.request, "periods", 2 * kMaxQueryBytes, &text));
    NQ_ASSIGN_OR_RETURN(PeriodRange range, PeriodRange::Parse(text));
    periods = range;
  }
  NQ_ASSIGN_OR_RETURN(
      std::vector<DataValue> values,
      Data(c).ListValues(c.principal(), root.value_or(c.principal().org_id), element, periods));
  NQ_ASSIGN_OR_RETURN(auto elements, ElementsById(c));
  DataJson items = DataJson::array();
  for (const DataValue& v : values) {
    const auto e = elements.find(v.element_id);
    items.push_back(ValueJson(v, e == elements.end() ? nullptr : &e->second));
  }
  return JsonResponse(200, DataJson{{"items", std::move(items)}});
}

Result<HttpResponse> SaveValues(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<std::vector<JsonObjectReader>> items;
  NQ_RETURN_IF_ERROR(body.GetObjects("values", kMaxValuesPerPost, &items));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_RETURN_IF_ERROR(body.Require("values"));
  NQ_ASSIGN_OR_RETURN(auto elements, ElementsById(c));
  std::vector<ValueInput> inputs(items->size());
  for (size_t i = 0; i < items->size(); ++i) {
    const Status s = ReadValueItem((*items)[i], elements, &inputs[i]);
    if (!s.ok()) {
      return Status(s.code(), s.key(), "Giá trị thứ " + std::to_string(i + 1) + ": " + s.message());
    }
  }
  NQ_ASSIGN_OR_RETURN(std::vector<SaveOutcome> saved,
                      Data(c).SaveValues(c.principal(), inputs, ActorFor(*c.session, c.request)));
  DataJson out = DataJson::array();
  for (const SaveOutcome& o : saved) {
    DataJson j;
    if (o.value) {
      const auto e = elements.find(o.value->element_id);
      j["value"] = ValueJson(*o.value, e == elements.end() ? nullptr : &e->second);
    } else {
      j["value"] = nullptr;
    }
    j["changed"] = o.changed;
    j["violations"] = ViolationsJson(o.violations);
    out.push_back(std::move(j));
  }
  return JsonResponse(200, DataJson{{"items", std::move(out)}});
}

// --- approval -----------------------------------------------------------------------------

using ReportStep = Result<Report> (DataService::*)(const Principal&, int64_t, int64_t,
                                                   const Period&, const store::Actor&);

ApiFn ReportAction(ReportStep step) {
  return [step](const ApiCall& c) -> Result<HttpResponse> {
    NQ_ASSIGN_OR_RETURN(int64_t org, PathId(c.params, "org"));
    NQ_ASSIGN_OR_RETURN(int64_t set, PathId(c.params, "set"));
    NQ_ASSIGN_OR_RETURN(Period period, Period::Parse(c.params.Get("period")));
    NQ_ASSIGN_OR_RETURN(Report r, (Data(c).*step)(c.principal(), org, set, period,
                                                  ActorFor(*c.session, c.request)));
    return JsonResponse(200, ReportJson(r));
  };
}

// --- completeness -------------------------------------------------------------------------

Result<HttpResponse> Completeness(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t set_id, PathId(c.params));
  std::optional<Period> period;
  std::optional<int64_t> root;
  std::optional<Date> as_of;
  NQ_RETURN_IF_ERROR(QueryPeriod(c.request, "period", /*required=*/true, &period));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "root", 1, kMaxId, &root));
  NQ_RETURN_IF_ERROR(QueryDate(c.request, "as_of", &as_of));
  NQ_ASSIGN_OR_RETURN(CompletenessBoard b, Data(c).Completeness(c.principal(), set_id, *period,
                                                                root, as_of.value_or(Today())));
  DataJson rows = DataJson::array();
  for (const CompletenessRow& r : b.rows) {
    DataJson j;
    j["org"] = OrgRefJson(r.org);
    j["state"] = ReportStateCode(r.state);
    j["state_label"] = ReportStateLabel(r.state);
    j["timeliness"] = TimelinessCode(r.timeliness);
    j["timeliness_label"] = TimelinessLabel(r.timeliness);
    j["submitted_at"] =
        r.submitted_at > 0 ? DataJson(FormatIsoInstant(r.submitted_at)) : DataJson(nullptr);
    j["values"] = r.values;
    rows.push_back(std::move(j));
  }
  DataJson body;
  body["data_set"] =
      DataJson{{"id", b.data_set.id}, {"code", b.data_set.code}, {"name", b.data_set.name}};
  body["period"] = b.period.ToString();
  body["period_label"] = b.period.Label();
  body["due"] = FormatIso(b.due);
  body["as_of"] = FormatIso(b.as_of);
  body["expected"] = b.expected;
  body["on_time"] = b.on_time;
  body["late"] = b.late;
  body["missing"] = b.missing;
  body["not_due"] = b.not_due;
  body["rows"] = std::move(rows);
  return JsonResponse(200, body);
}

}  // namespace

void AddDataApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/data-elements", ApiRoute(ctx, ListElements));
  router.Add("POST", "/api/v1/data-elements", ApiRoute(ctx, CreateElement));
  router.Add("GET", "/api/v1/data-elements/{id}", ApiRoute(ctx, GetElement));
  router.Add("PATCH", "/api/v1/data-elements/{id}", ApiRoute(ctx, UpdateElement));
  router.Add("GET", "/api/v1/data-sets", ApiRoute(ctx, ListDataSets));
  router.Add("POST", "/api/v1/data-sets", ApiRoute(ctx, CreateDataSet));
  router.Add("GET", "/api/v1/data-sets/{id}", ApiRoute(ctx, GetDataSet));
  router.Add("PATCH", "/api/v1/data-sets/{id}", ApiRoute(ctx, UpdateDataSet));
  router.Add("GET", "/api/v1/data-sets/{id}/form", ApiRoute(ctx, GetForm));
  router.Add("GET", "/api/v1/data-sets/{id}/completeness", ApiRoute(ctx, Completeness));
  router.Add("GET", "/api/v1/data-values", ApiRoute(ctx, ListValues));
  router.Add("POST", "/api/v1/data-values", ApiRoute(ctx, SaveValues));
  router.Add("POST", "/api/v1/reports/{org}/{set}/{period}/submit",
             ApiRoute(ctx, ReportAction(&DataService::Submit)));
  router.Add("POST", "/api/v1/reports/{org}/{set}/{period}/approve",
             ApiRoute(ctx, ReportAction(&DataService::Approve)));
  router.Add("POST", "/api/v1/reports/{org}/{set}/{period}/reopen",
             ApiRoute(ctx, ReportAction(&DataService::Reopen)));
}

}  // namespace nq::web
