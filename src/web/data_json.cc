#include "web/data_json.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "common/time.h"

namespace nq::web {
namespace {

constexpr size_t kMaxElementsPerSet = 500;
constexpr size_t kMaxCategories = 100;
constexpr size_t kMaxRules = 200;

DataJson InstantOrNull(int64_t unix_seconds) {
  return unix_seconds > 0 ? DataJson(FormatIsoInstant(unix_seconds)) : DataJson(nullptr);
}

DataJson OptionalNumber(const std::optional<double>& v) {
  return v ? DataJson(*v) : DataJson(nullptr);
}

constexpr char kPeriodTypes[] = "yearly, six_monthly, quarterly, monthly, weekly, daily";

}  // namespace

std::string NumberText(double x) {
  if (x == 0 || !std::isfinite(x)) return "0";
  char buf[400];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  std::string s = ec == std::errc() ? std::string(buf, end) : std::string("0");
  for (char& c : s) {
    if (c == '.') c = ',';
  }
  return s;
}

DataJson ElementJson(const DataElement& e) {
  DataJson j;
  j["id"] = e.id;
  j["code"] = e.code;
  j["name"] = e.name;
  j["short_name"] = e.short_name;
  j["type"] = ValueTypeCode(e.type);
  j["type_label"] = ValueTypeLabel(e.type);
  j["period_type"] = PeriodTypeCode(e.period_type);
  j["period_type_label"] = PeriodTypeLabel(e.period_type);
  j["org_aggregation"] = OrgAggregationCode(e.org_aggregation);
  j["time_aggregation"] = TimeAggregationCode(e.time_aggregation);
  j["min"] = OptionalNumber(e.min);
  j["max"] = OptionalNumber(e.max);
  j["categories"] = e.categories;
  j["unit"] = e.unit;
  j["description"] = e.description;
  return j;
}

DataJson DataSetJson(const DataSet& s) {
  DataJson j;
  j["id"] = s.id;
  j["code"] = s.code;
  j["name"] = s.name;
  j["period_type"] = PeriodTypeCode(s.period_type);
  j["period_type_label"] = PeriodTypeLabel(s.period_type);
  j["element_ids"] = s.element_ids;
  DataJson kinds = DataJson::array();
  for (OrgKind k : s.reporting_kinds) kinds.push_back(OrgKindCode(k));
  j["reporting_kinds"] = std::move(kinds);
  j["deadline_days"] = s.deadline_days;
  DataJson rules = DataJson::array();
  for (const ValidationRule& r : s.rules) {
    rules.push_back(DataJson{{"code", r.code}, {"condition", r.condition}, {"message", r.message}});
  }
  j["rules"] = std::move(rules);
  return j;
}

DataJson ValueJson(const DataValue& v, const DataElement* e) {
  DataJson j;
  j["org_id"] = v.org_id;
  j["element_id"] = v.element_id;
  j["period"] = v.period.ToString();
  j["value"] = v.value;
  j["text"] = e ? FormatValue(*e, v.value) : NumberText(v.value);
  j["estimate"] = v.estimate;
  j["comment"] = v.comment;
  j["updated_by"] = v.updated_by;
  j["updated_at"] = InstantOrNull(v.updated_at);
  return j;
}

DataJson ReportJson(const Report& r) {
  DataJson j;
  j["org_id"] = r.org_id;
  j["data_set_id"] = r.data_set_id;
  j["period"] = r.period.ToString();
  j["state"] = ReportStateCode(r.state);
  j["state_label"] = ReportStateLabel(r.state);
  j["submitted_at"] = InstantOrNull(r.submitted_at);
  j["approved_at"] = InstantOrNull(r.approved_at);
  return j;
}

DataJson ViolationsJson(const std::vector<RuleViolation>& violations) {
  DataJson out = DataJson::array();
  for (const RuleViolation& v : violations) {
    out.push_back(DataJson{{"code", v.code}, {"message", v.message}});
  }
  return out;
}

Status ReadElementFields(JsonObjectReader& body, bool create, DataElement* e) {
  NQ_RETURN_IF_ERROR(body.GetString("code", &e->code));
  NQ_RETURN_IF_ERROR(body.GetString("name", &e->name));
  NQ_RETURN_IF_ERROR(body.GetString("short_name", &e->short_name));
  NQ_RETURN_IF_ERROR(
      GetCode(body, "type", ParseValueType, "number, percent, yes_no, category", &e->type));
  NQ_RETURN_IF_ERROR(GetCode(body, "period_type", ParsePeriodType, kPeriodTypes, &e->period_type));
  NQ_RETURN_IF_ERROR(GetCode(body, "org_aggregation", ParseOrgAggregation,
                             "sum, average, min, max, count", &e->org_aggregation));
  NQ_RETURN_IF_ERROR(GetCode(body, "time_aggregation", ParseTimeAggregation, "sum, last, average",
                             &e->time_aggregation));
  std::optional<double> bound;
  NQ_RETURN_IF_ERROR(body.GetNumber("min", &bound));
  if (bound) e->min = bound;
  bound.reset();
  NQ_RETURN_IF_ERROR(body.GetNumber("max", &bound));
  if (bound) e->max = bound;
  std::optional<std::vector<std::string>> categories;
  NQ_RETURN_IF_ERROR(body.GetStrings("categories", kMaxCategories, &categories));
  if (categories) e->categories = std::move(*categories);
  NQ_RETURN_IF_ERROR(body.GetString("unit", &e->unit));
  NQ_RETURN_IF_ERROR(body.GetString("description", &e->description));
  NQ_RETURN_IF_ERROR(body.Finish());
  if (create) {
    for (const char* field : {"code", "name"}) NQ_RETURN_IF_ERROR(body.Require(field));
  }
  return Status::Ok();
}

Status ReadDataSetFields(JsonObjectReader& body, bool create, DataSet* s) {
  NQ_RETURN_IF_ERROR(body.GetString("code", &s->code));
  NQ_RETURN_IF_ERROR(body.GetString("name", &s->name));
  NQ_RETURN_IF_ERROR(GetCode(body, "period_type", ParsePeriodType, kPeriodTypes, &s->period_type));
  std::optional<std::vector<int64_t>> ids;
  NQ_RETURN_IF_ERROR(body.GetInts("element_ids", 1, kMaxId, kMaxElementsPerSet, &ids));
  if (ids) s->element_ids = std::move(*ids);
  std::optional<std::vector<std::string>> kinds;
  NQ_RETURN_IF_ERROR(body.GetStrings("reporting_kinds", 4, &kinds));
  if (kinds) {
    s->reporting_kinds.clear();
    for (const std::string& k : *kinds) {
      const std::optional<OrgKind> kind = ParseOrgKind(k);
      if (!kind) {
        return BadValue("reporting_kinds", "bloc_committee, base_committee, base_cell, sub_cell");
      }
      s->reporting_kinds.push_back(*kind);
    }
  }
  std::optional<int64_t> deadline;
  NQ_RETURN_IF_ERROR(body.GetInt("deadline_days", 0, 366, &deadline));
  if (deadline) s->deadline_days = static_cast<int>(*deadline);
  std::optional<std::vector<JsonObjectReader>> rules;
  NQ_RETURN_IF_ERROR(body.GetObjects("rules", kMaxRules, &rules));
  if (rules) {
    s->rules.clear();
    for (JsonObjectReader& r : *rules) {
      std::optional<std::string> code;
      std::optional<std::string> condition;
      std::optional<std::string> message;
      NQ_RETURN_IF_ERROR(r.GetString("code", &code));
      NQ_RETURN_IF_ERROR(r.GetString("condition", &condition));
      NQ_RETURN_IF_ERROR(r.GetString("message", &message));
      NQ_RETURN_IF_ERROR(r.Finish());
      for (const char* field : {"code", "condition", "message"}) {
        NQ_RETURN_IF_ERROR(r.Require(field));
      }
      s->rules.push_back(ValidationRule{*code, *condition, *message});
    }
  }
  NQ_RETURN_IF_ERROR(body.Finish());
  if (create) {
    for (const char* field : {"code", "name", "element_ids", "reporting_kinds"}) {
      NQ_RETURN_IF_ERROR(body.Require(field));
    }
  }
  return Status::Ok();
}

Status ReadValueItem(JsonObjectReader& item, const std::map<int64_t, DataElement>& elements,
                     ValueInput* in) {
  std::optional<int64_t> org;
  std::optional<int64_t> element;
  std::optional<std::string> period;
  std::optional<bool> estimate;
  std::optional<std::string> comment;
  NQ_RETURN_IF_ERROR(item.GetInt("org_id", 1, kMaxId, &org));
  NQ_RETURN_IF_ERROR(item.GetInt("element_id", 1, kMaxId, &element));
  NQ_RETURN_IF_ERROR(item.GetString("period", &period));
  NQ_RETURN_IF_ERROR(item.GetBool("estimate", &estimate));
  NQ_RETURN_IF_ERROR(item.GetString("comment", &comment));
  // "value": a string as typed, or a number.
  std::optional<std::string> text;
  std::optional<double> number;
  if (item.Has("value") && !item.GetString("value", &text).ok() &&
      !item.GetNumber("value", &number).ok()) {
    return WrongType("value", "chuỗi ký tự hoặc số");
  }
  NQ_RETURN_IF_ERROR(item.Finish());
  for (const char* field : {"org_id", "element_id", "period", "value"}) {
    NQ_RETURN_IF_ERROR(item.Require(field));
  }
  NQ_ASSIGN_OR_RETURN(in->period, Period::Parse(*period));
  in->org_id = *org;
  in->element_id = *element;
  in->estimate = estimate.value_or(false);
  in->comment = comment.value_or("");
  if (text) {
    in->text = std::move(*text);
    return Status::Ok();
  }
  const auto e = elements.find(*element);
  if (e != elements.end() && e->second.type == ValueType::kCategory) {
    const double idx = *number;
    if (idx < 0 || idx != std::floor(idx) ||
        idx >= static_cast<double>(e->second.categories.size())) {
      return Status::Invalid("value.not_category",
                             "Giá trị của chỉ tiêu \"" + e->second.name +
                                 "\" phải là số thứ tự của một mục trong danh mục");
    }
    in->text = e->second.categories[static_cast<size_t>(idx)];
    return Status::Ok();
  }
  in->text = NumberText(*number);
  return Status::Ok();
}

}  // namespace nq::web
