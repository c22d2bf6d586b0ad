#include "store/data_audit_text.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/json_text.h"

namespace nq::store {
namespace {

// Appends `"key":raw` (raw being JSON text) to the object text `obj` made by JsonObjectText.
std::string WithRaw(std::string obj, std::string_view key, const std::string& raw) {
  obj.pop_back();  // '}'
  if (obj.size() > 1) obj += ',';
  obj += JsonQuote(key);
  obj += ':';
  obj += raw;
  obj += '}';
  return obj;
}

template <typename T, typename Fn>
std::string JsonArray(const std::vector<T>& items, Fn item_json) {
  std::string out = "[";
  for (const T& item : items) {
    if (out.size() > 1) out += ',';
    out += item_json(item);
  }
  return out + "]";
}

void AddBound(JsonObjectText* j, std::string_view key, const std::optional<double>& v) {
  if (v) {
    j->Add(key, *v);
  } else {
    j->AddNull(key);
  }
}

}  // namespace

std::string DataElementJson(const DataElement& e) {
  JsonObjectText j;
  j.Add("id", static_cast<int64_t>(e.id))
      .Add("code", e.code)
      .Add("name", e.name)
      .Add("short_name", e.short_name)
      .Add("type", ValueTypeCode(e.type))
      .Add("period_type", PeriodTypeCode(e.period_type))
      .Add("org_aggregation", OrgAggregationCode(e.org_aggregation))
      .Add("time_aggregation", TimeAggregationCode(e.time_aggregation));
  AddBound(&j, "min", e.min);
  AddBound(&j, "max", e.max);
  j.Add("unit", e.unit).Add("description", e.description);
  return WithRaw(j.str(), "categories",
                 JsonArray(e.categories, [](const std::string& c) { return JsonQuote(c); }));
}

std::string DataSetJson(const DataSet& s) {
  std::string obj = JsonObjectText()
                        .Add("id", static_cast<int64_t>(s.id))
                        .Add("code", s.code)
                        .Add("name", s.name)
                        .Add("period_type", PeriodTypeCode(s.period_type))
                        .Add("deadline_days", s.deadline_days)
                        .str();
  obj = WithRaw(std::move(obj), "element_ids",
                JsonArray(s.element_ids, [](int64_t id) { return std::to_string(id); }));
  obj = WithRaw(std::move(obj), "reporting_kinds",
                JsonArray(s.reporting_kinds, [](OrgKind k) { return JsonQuote(OrgKindCode(k)); }));
  return WithRaw(std::move(obj), "rules", JsonArray(s.rules, [](const ValidationRule& r) {
                   return JsonObjectText()
                       .Add("code", r.code)
                       .Add("condition", r.condition)
                       .Add("message", r.message)
                       .str();
                 }));
}

std::string DataValueJson(const DataValue& v) {
  return JsonObjectText()
      .Add("org_id", static_cast<int64_t>(v.org_id))
      .Add("element_id", static_cast<int64_t>(v.element_id))
      .Add("period", v.period.ToString())
      .Add("value", v.value)
      .Add("estimate", v.estimate)
      .Add("comment", v.comment)
      .Add("updated_by", static_cast<int64_t>(v.updated_by))
      .Add("updated_at", static_cast<int64_t>(v.updated_at))
      .str();
}

std::string ReportJson(const Report& r) {
  return JsonObjectText()
      .Add("org_id", static_cast<int64_t>(r.org_id))
      .Add("data_set_id", static_cast<int64_t>(r.data_set_id))
      .Add("period", r.period.ToString())
      .Add("state", ReportStateCode(r.state))
      .Add("submitted_at", static_cast<int64_t>(r.submitted_at))
      .Add("submitted_by", static_cast<int64_t>(r.submitted_by))
      .Add("approved_at", static_cast<int64_t>(r.approved_at))
      .Add("approved_by", static_cast<int64_t>(r.approved_by))
      .str();
}

}  // namespace nq::store
