#include "web/pages_data.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"
#include "service/data_service.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

constexpr OrgKind kKinds[] = {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell,
                              OrgKind::kSubCell};
constexpr PeriodType kPeriodTypeChoices[] = {PeriodType::kYearly,    PeriodType::kSixMonthly,
                                             PeriodType::kQuarterly, PeriodType::kMonthly,
                                             PeriodType::kWeekly,    PeriodType::kDaily};

mstch::array PeriodTypeOptions(std::string_view selected) {
  Pairs items;
  for (PeriodType t : kPeriodTypeChoices) items.emplace_back(PeriodTypeCode(t), PeriodTypeLabel(t));
  return SelectOptions(items, selected);
}

// Comma- or newline-separated items, trimmed, empty ones dropped.
std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    const std::string_view t = Trim(item);
    if (!t.empty()) out.emplace_back(t);
    item.clear();
  };
  for (const char ch : text) {
    if (ch == ',' || ch == '\n' || ch == '\r' || ch == ';') {
      flush();
    } else {
      item.push_back(ch);
    }
  }
  flush();
  return out;
}

std::string JoinList(const std::vector<std::string>& items, std::string_view sep) {
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : std::string(sep)) + i;
  return s;
}

// A bound as typed: "1.234,5", "1.000" (a thousand) or "1234.5"; empty is none.
Status FormBound(const FormData& form, std::string_view name, std::string_view label,
                 std::optional<double>* out) {
  return FormNumber(form, name, label, "số (ví dụ 1.234,5)", out);
}

std::string BoundText(const std::optional<double>& v) {
  return v ? FormatNumberVi(*v, 6) : std::string();
}

// --- elements -----------------------------------------------------------------------------

Status ReadElementForm(const FormData& f, DataElement* e) {
  e->code = std::string(Trim(f.Get("code")));
  e->name = std::string(Trim(f.Get("name")));
  e->short_name = std::string(Trim(f.Get("short_name")));
  const auto type = ParseValueType(f.Get("type"));
  const auto period = ParsePeriodType(f.Get("period_type"));
  const auto org_agg = ParseOrgAggregation(f.Get("org_aggregation"));
  const auto time_agg = ParseTimeAggregation(f.Get("time_aggregation"));
  if (!type || !period || !org_agg || !time_agg) {
    return Status::Invalid("form.bad_choice",
                           "Kiểu dữ liệu, kỳ báo cáo hoặc cách tổng hợp không hợp lệ");
  }
  e->type = *type;
  e->period_type = *period;
  e->org_aggregation = *org_agg;
  e->time_aggregation = *time_agg;
  NQ_RETURN_IF_ERROR(FormBound(f, "min", "Giá trị nhỏ nhất", &e->min));
  NQ_RETURN_IF_ERROR(FormBound(f, "max", "Giá trị lớn nhất", &e->max));
  e->categories = SplitList(f.Get("categories"));
  e->unit = std::string(Trim(f.Get("unit")));
  e->description = std::string(Trim(f.Get("description")));
  return Status::Ok();
}

// The element form's values: from `e`, or as typed when `typed` is given.
mstch::map ElementFormValues(const DataElement& e, const FormData* typed) {
  auto pick = [&](const char* name, std::string stored) {
    return typed ? typed->Get(name) : std::move(stored);
  };
  Pairs types;
  for (ValueType t :
       {ValueType::kNumber, ValueType::kPercent, ValueType::kYesNo, ValueType::kCategory}) {
    types.emplace_back(ValueTypeCode(t), ValueTypeLabel(t));
  }
  const Pairs org_aggs = {{"sum", "Cộng"},
                          {"average", "Trung bình"},
                          {"min", "Nhỏ nhất"},
                          {"max", "Lớn nhất"},
                          {"count", "Đếm số tổ chức có số liệu"}};
  const Pairs time_aggs = {
      {"sum", "Cộng các kỳ"}, {"last", "Lấy kỳ gần nhất"}, {"average", "Trung bình các kỳ"}};
  return mstch::map{
      {"code", pick("code", e.code)},
      {"name", pick("name", e.name)},
      {"short_name", pick("short_name", e.short_name)},
      {"types", SelectOptions(types, pick("type", ValueTypeCode(e.type)))},
      {"period_types", PeriodTypeOptions(pick("period_type", PeriodTypeCode(e.period_type)))},
      {"org_aggregations",
       SelectOptions(org_aggs, pick("org_aggregation", OrgAggregationCode(e.org_aggregation)))},
      {"time_aggregations",
       SelectOptions(time_aggs, pick("time_aggregation", TimeAggregationCode(e.time_aggregation)))},
      {"min", pick("min", BoundText(e.min))},
      {"max", pick("max", BoundText(e.max))},
      {"categories", pick("categories", JoinList(e.categories, ", "))},
      {"unit", pick("unit", e.unit)},
      {"description", pick("description", e.description)},
  };
}

mstch::map ElementRow(const DataElement& e) {
  std::string bounds;
  if (e.min || e.max) bounds = BoundText(e.min) + " – " + BoundText(e.max);
  return mstch::map{
      {"id", std::to_string(e.id)},
      {"code", e.code},
      {"name", e.name},
      {"type_label", std::string(ValueTypeLabel(e.type))},
      {"period_type_label", std::string(PeriodTypeLabel(e.period_type))},
      {"unit", e.unit},
      {"bounds", bounds},
      {"categories", JoinList(e.categories, ", ")},
      {"description", e.description},
  };
}

std::string NoticeFor(const HttpRequest& r, const char* created, const char* saved) {
  if (r.HasQueryParam("created")) return created;
  if (r.HasQueryParam("saved")) return saved;
  return "";
}

Result<HttpResponse> RenderElements(const PageCall& c, int status, const std::string& error) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> all, c.app().data().ListElements(c.principal()));
  mstch::array rows;
  for (const DataElement& e : all) rows.push_back(ElementRow(e));
  const bool failed = !error.empty();
  mstch::map context{
      {"elements", std::move(rows)},
      {"element_count", FormatIntVi(static_cast<int64_t>(all.size()))},
      {"can_edit", CanEditOrganizations(c.principal().role)},
      {"csrf_token", c.session.csrf_token},
      {"error", error},
      {"form", ElementFormValues(DataElement{}, failed ? &c.form : nullptr)},
  };
  return PageResponse(status, FrameFor(c, "Chỉ tiêu báo cáo", "data_sets"), "data_elements",
                      context);
}

Result<HttpResponse> RenderElement(const PageCall& c, int64_t id, int status,
                                   const std::string& error) {
  NQ_ASSIGN_OR_RETURN(DataElement e, c.app().data().GetElement(c.principal(), id));
  mstch::map context{
      {"element", ElementRow(e)},
      {"can_edit", CanEditOrganizations(c.principal().role)},
      {"csrf_token", c.session.csrf_token},
      {"notice", error.empty() ? NoticeFor(c.request, "Đã thêm chỉ tiêu.", "Đã lưu thay đổi.")
                               : std::string()},
      {"error", error},
      {"form", ElementFormValues(e, error.empty() ? nullptr : &c.form)},
  };
  return PageResponse(status, FrameFor(c, e.name, "data_sets"), "data_element", context);
}

bool IsFormError(const Status& s) {
  return s.code() == Code::kInvalid || s.code() == Code::kConflict;
}

Result<HttpResponse> ElementsPage(const PageCall& c) { return RenderElements(c, 200, ""); }

Result<HttpResponse> ElementPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return RenderElement(c, id, 200, "");
}

Result<HttpResponse> PostCreateElement(const PageCall& c) {
  DataElement e;
  Status s = ReadElementForm(c.form, &e);
  if (s.ok()) {
    Result<DataElement> created =
        c.app().data().CreateElement(c.principal(), e, ActorFor(c.session, c.request));
    if (created.ok()) {
      return HttpResponse::Redirect("/data-elements/" + std::to_string(created->id) + "?created=1");
    }
    s = created.status();
  }
  if (!IsFormError(s)) return s;
  return RenderElements(c, HttpStatusFor(s.code()), s.message());
}

Result<HttpResponse> PostEditElement(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  DataElement e;
  e.id = id;
  Status s = ReadElementForm(c.form, &e);
  if (s.ok()) {
    s = c.app().data().UpdateElement(c.principal(), e, ActorFor(c.session, c.request)).status();
    if (s.ok()) return HttpResponse::Redirect("/data-elements/" + std::to_string(id) + "?saved=1");
  }
  if (!IsFormError(s)) return s;
  return RenderElement(c, id, HttpStatusFor(s.code()), s.message());
}

// --- data sets ----------------------------------------------------------------------------

// Reads the data set form; element codes are looked up in `by_code`.
Status ReadDataSetForm(const FormData& f, const std::map<std::string, int64_t>& by_code,
                       DataSet* s) {
  s->code = std::string(Trim(f.Get("code")));
  s->name = std::string(Trim(f.Get("name")));
  const auto period = ParsePeriodType(f.Get("period_type"));
  if (!period) return Status::Invalid("form.bad_choice", "Kỳ báo cáo không hợp lệ");
  s->period_type = *period;
  s->element_ids.clear();
  for (const std::string& code : SplitList(f.Get("elements"))) {
    const auto it = by_code.find(code);
    if (it == by_code.end()) {
      return Status::Invalid("form.unknown_element", "Không có chỉ tiêu mã \"" + code + "\"");
    }
    s->element_ids.push_back(it->second);
  }
  s->reporting_kinds.clear();
  for (OrgKind k : kKinds) {
    if (!f.Get(std::string("kind_") + OrgKindCode(k)).empty()) s->reporting_kinds.push_back(k);
  }
  std::optional<int64_t> deadline;
  NQ_RETURN_IF_ERROR(FormInt(f, "deadline_days", "Số ngày hạn gửi", 0, 366, &deadline));
  s->deadline_days = deadline ? static_cast<int>(*deadline) : 0;
  s->rules.clear();
  const std::string rules = f.Get("rules");
  size_t start = 0;
  int line = 0;
  while (start <= rules.size()) {
    size_t end = rules.find('\n', start);
    if (end == std::string::npos) end = rules.size();
    const std::string_view text = Trim(std::string_view(rules).substr(start, end - start));
    ++line;
    start = end + 1;
    if (text.empty()) continue;
    const size_t a = text.find('|');
    const size_t b = a == std::string_view::npos ? a : text.find('|', a + 1);
    if (b == std::string_view::npos) {
      return Status::Invalid("form.bad_rule", "Quy tắc ở dòng " + std::to_string(line) +
                                                  " phải có dạng: MÃ | điều kiện | thông báo");
    }
    s->rules.push_back(ValidationRule{std::string(Trim(text.substr(0, a))),
                                      std::string(Trim(text.substr(a + 1, b - a - 1))),
                                      std::string(Trim(text.substr(b + 1)))});
  }
  return Status::Ok();
}

mstch::map DataSetFormValues(const DataSet& s, const std::map<int64_t, DataElement>& elements,
                             const FormData* typed) {
  auto pick = [&](const std::string& name, std::string stored) {
    return typed ? typed->Get(name) : std::move(stored);
  };
  std::vector<std::string> codes;
  for (int64_t id : s.element_ids) {
    const auto it = elements.find(id);
    if (it != elements.end()) codes.push_back(it->second.code);
  }
  std::string rules;
  for (const ValidationRule& r : s.rules) {
    rules += r.code + " | " + r.condition + " | " + r.message + "\n";
  }
  mstch::array kinds;
  for (OrgKind k : kKinds) {
    bool on = false;
    for (OrgKind have : s.reporting_kinds) on = on || have == k;
    const std::string field = std::string("kind_") + OrgKindCode(k);
    kinds.push_back(mstch::map{{"field", field},
                               {"label", std::string(OrgKindLabel(k))},
                               {"checked", typed ? !typed->Get(field).empty() : on}});
  }
  return mstch::map{
      {"code", pick("code", s.code)},
      {"name", pick("name", s.name)},
      {"period_types", PeriodTypeOptions(pick("period_type", PeriodTypeCode(s.period_type)))},
      {"elements", pick("elements", JoinList(codes, "\n"))},
      {"kinds", std::move(kinds)},
      {"deadline_days", pick("deadline_days", std::to_string(s.deadline_days))},
      {"rules", pick("rules", rules)},
  };
}

Result<std::map<int64_t, DataElement>> ElementsById(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> all, c.app().data().ListElements(c.principal()));
  std::map<int64_t, DataElement> out;
  for (DataElement& e : all) out.emplace(e.id, std::move(e));
  return out;
}

std::string KindsText(const DataSet& s) {
  std::vector<std::string> labels;
  for (OrgKind k : s.reporting_kinds) labels.emplace_back(OrgKindLabel(k));
  return JoinList(labels, ", ");
}

Result<HttpResponse> RenderDataSets(const PageCall& c, int status, const std::string& error) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets, c.app().data().ListDataSets(c.principal()));
  NQ_ASSIGN_OR_RETURN(auto elements, ElementsById(c));
  mstch::array rows;
  for (const DataSet& s : sets) {
    rows.push_back(mstch::map{
        {"id", std::to_string(s.id)},
        {"code", s.code},
        {"name", s.name},
        {"period_type_label", std::string(PeriodTypeLabel(s.period_type))},
        {"element_count", FormatIntVi(static_cast<int64_t>(s.element_ids.size()))},
        {"kinds", KindsText(s)},
        {"deadline_days", FormatIntVi(s.deadline_days)},
    });
  }
  DataSet blank;
  blank.reporting_kinds = {OrgKind::kBaseCommittee, OrgKind::kBaseCell};
  mstch::map context{
      {"sets", std::move(rows)},
      {"set_count", FormatIntVi(static_cast<int64_t>(sets.size()))},
      {"can_edit", CanEditOrganizations(c.principal().role)},
      {"csrf_token", c.session.csrf_token},
      {"error", error},
      {"form", DataSetFormValues(blank, elements, error.empty() ? nullptr : &c.form)},
  };
  return PageResponse(status, FrameFor(c, "Biểu mẫu báo cáo", "data_sets"), "data_sets", context);
}

Result<HttpResponse> RenderDataSet(const PageCall& c, int64_t id, int status,
                                   const std::string& error) {
  NQ_ASSIGN_OR_RETURN(DataSet s, c.app().data().GetDataSet(c.principal(), id));
  NQ_ASSIGN_OR_RETURN(auto elements, ElementsById(c));
  mstch::array element_rows;
  int position = 0;
  for (int64_t eid : s.element_ids) {
    const auto it = elements.find(eid);
    if (it == elements.end()) continue;
    mstch::map row = ElementRow(it->second);
    row.emplace("position", std::to_string(++position));
    element_rows.push_back(std::move(row));
  }
  mstch::array rules;
  for (const ValidationRule& r : s.rules) {
    rules.push_back(
        mstch::map{{"code", r.code}, {"condition", r.condition}, {"message", r.message}});
  }
  mstch::map context{
      {"set",
       mstch::map{
           {"id", std::to_string(s.id)},
           {"code", s.code},
           {"name", s.name},
           {"period_type_label", std::string(PeriodTypeLabel(s.period_type))},
           {"kinds", KindsText(s)},
           {"deadline_days", FormatIntVi(s.deadline_days)},
       }},
      {"set_id", std::to_string(s.id)},
      {"elements", std::move(element_rows)},
      {"rules", std::move(rules)},
      {"has_rules", !s.rules.empty()},
      {"can_edit", CanEditOrganizations(c.principal().role)},
      {"csrf_token", c.session.csrf_token},
      {"notice", error.empty() ? NoticeFor(c.request, "Đã thêm biểu mẫu.", "Đã lưu thay đổi.")
                               : std::string()},
      {"error", error},
      {"form", DataSetFormValues(s, elements, error.empty() ? nullptr : &c.form)},
  };
  return PageResponse(status, FrameFor(c, s.name, "data_sets"), "data_set", context);
}

Result<std::map<std::string, int64_t>> ElementIdsByCode(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> all, c.app().data().ListElements(c.principal()));
  std::map<std::string, int64_t> out;
  for (const DataElement& e : all) out.emplace(e.code, e.id);
  return out;
}

Result<HttpResponse> DataSetsPage(const PageCall& c) { return RenderDataSets(c, 200, ""); }

Result<HttpResponse> DataSetPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return RenderDataSet(c, id, 200, "");
}

Result<HttpResponse> PostCreateDataSet(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(auto by_code, ElementIdsByCode(c));
  DataSet s;
  Status st = ReadDataSetForm(c.form, by_code, &s);
  if (st.ok()) {
    Result<DataSet> created =
        c.app().data().CreateDataSet(c.principal(), s, ActorFor(c.session, c.request));
    if (created.ok()) {
      return HttpResponse::Redirect("/data-sets/" + std::to_string(created->id) + "?created=1");
    }
    st = created.status();
  }
  if (!IsFormError(st)) return st;
  return RenderDataSets(c, HttpStatusFor(st.code()), st.message());
}

Result<HttpResponse> PostEditDataSet(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(auto by_code, ElementIdsByCode(c));
  DataSet s;
  s.id = id;
  Status st = ReadDataSetForm(c.form, by_code, &s);
  if (st.ok()) {
    st = c.app().data().UpdateDataSet(c.principal(), s, ActorFor(c.session, c.request)).status();
    if (st.ok()) return HttpResponse::Redirect("/data-sets/" + std::to_string(id) + "?saved=1");
  }
  if (!IsFormError(st)) return st;
  return RenderDataSet(c, id, HttpStatusFor(st.code()), st.message());
}

}  // namespace

void AddDataPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/data-elements", PageRoute(ctx, ElementsPage));
  router.Add("POST", "/data-elements", PageRoute(ctx, PostCreateElement));
  router.Add("GET", "/data-elements/{id}", PageRoute(ctx, ElementPage));
  router.Add("POST", "/data-elements/{id}", PageRoute(ctx, PostEditElement));
  router.Add("GET", "/data-sets", PageRoute(ctx, DataSetsPage));
  router.Add("POST", "/data-sets", PageRoute(ctx, PostCreateDataSet));
  router.Add("GET", "/data-sets/{id}", PageRoute(ctx, DataSetPage));
  router.Add("POST", "/data-sets/{id}", PageRoute(ctx, PostEditDataSet));
}

}  // namespace nq::web
