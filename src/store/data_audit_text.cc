#include "store/data_audit_text.h"

#include <cstdint>

#include "common/json_text.h"

namespace nq::store {

std::string DataElementJson(const DataElement& e) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(e.id))
      .Add("code", e.code)
      .Add("name", e.name)
      .Add("short_name", e.short_name)
      .Add("type", ValueTypeCode(e.type))
      .Add("period_type", PeriodTypeCode(e.period_type))
      .Add("org_aggregation", OrgAggregationCode(e.org_aggregation))
      .Add("time_aggregation", TimeAggregationCode(e.time_aggregation))
      .Add("min", e.min)
      .Add("max", e.max)
      .Add("unit", e.unit)
      .Add("description", e.description)
      .AddRaw("categories", JsonArray(e.categories, JsonQuote))
      .str();
}

std::string DataSetJson(const DataSet& s) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(s.id))
      .Add("code", s.code)
      .Add("name", s.name)
      .Add("period_type", PeriodTypeCode(s.period_type))
      .Add("deadline_days", s.deadline_days)
      .AddRaw("element_ids",
              JsonArray(s.element_ids, [](int64_t id) { return std::to_string(id); }))
      .AddRaw("reporting_kinds",
              JsonArray(s.reporting_kinds, [](OrgKind k) { return JsonQuote(OrgKindCode(k)); }))
      .AddRaw("rules", JsonArray(s.rules,
                                 [](const ValidationRule& r) {
                                   return JsonObjectText()
                                       .Add("code", r.code)
                                       .Add("condition", r.condition)
                                       .Add("message", r.message)
                                       .str();
                                 }))
      .str();
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
