// Writing the resolution JSON file and the assessment JSON (docs/formats.md).
#include <nlohmann/json.hpp>
#include <string>

#include "common/time.h"
#include "web/api_assessment_settings.h"
#include "web/json_io.h"
#include "web/resolution_file.h"
#include "web/resolution_file_internal.h"

namespace nq::web {
namespace {

using nlohmann::ordered_json;

ordered_json Optional(const std::optional<double>& v) {
  return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json OrganizationJson(const BundleOrg& o) {
  ordered_json j;
  j["code"] = o.org.code;
  j["name"] = o.org.name;
  j["kind"] = OrgKindCode(o.org.kind);
  j["sector"] = SectorCode(o.org.sector);
  if (!o.parent_code.empty()) j["parent"] = o.parent_code;
  j["sort_order"] = o.org.sort_order;
  j["members"] = o.org.members;
  j["workers"] = o.org.workers;
  j["valid_from"] = FormatIso(o.org.valid_from);
  if (o.org.valid_to) j["valid_to"] = FormatIso(*o.org.valid_to);
  return j;
}

ordered_json TargetJsonOf(const Target& t) {
  ordered_json j;
  j["code"] = t.code;
  j["text"] = t.text;
  j["field"] = FieldCode(t.field);
  j["comparator"] = ComparatorCode(t.comparator);
  j["kind"] = TargetKindCode(t.kind);
  j["indicator"] = t.indicator;
  j["value"] = t.value;
  if (t.value_high) j["value_high"] = *t.value_high;
  if (!t.value_formula.empty()) j["value_formula"] = t.value_formula;
  j["unit"] = t.unit;
  if (t.baseline) j["baseline"] = *t.baseline;
  return j;
}

ordered_json ElementJson(const DataElement& e) {
  ordered_json j;
  j["code"] = e.code;
  j["name"] = e.name;
  if (!e.short_name.empty()) j["short_name"] = e.short_name;
  j["type"] = ValueTypeCode(e.type);
  j["period_type"] = PeriodTypeCode(e.period_type);
  j["org_aggregation"] = OrgAggregationCode(e.org_aggregation);
  j["time_aggregation"] = TimeAggregationCode(e.time_aggregation);
  if (e.min) j["min"] = *e.min;
  if (e.max) j["max"] = *e.max;
  if (!e.categories.empty()) j["categories"] = e.categories;
  j["unit"] = e.unit;
  if (!e.description.empty()) j["description"] = e.description;
  return j;
}

ordered_json DataSetJson(const BundleDataSet& s) {
  ordered_json j;
  j["code"] = s.data_set.code;
  j["name"] = s.data_set.name;
  j["period_type"] = PeriodTypeCode(s.data_set.period_type);
  j["elements"] = s.element_codes;
  ordered_json kinds = ordered_json::array();
  for (OrgKind k : s.data_set.reporting_kinds) kinds.push_back(OrgKindCode(k));
  j["reporting_kinds"] = kinds;
  j["deadline_days"] = s.data_set.deadline_days;
  ordered_json rules = ordered_json::array();
  for (const ValidationRule& r : s.data_set.rules) {
    rules.push_back({{"code", r.code}, {"condition", r.condition}, {"message", r.message}});
  }
  j["rules"] = rules;
  return j;
}

// A value as the file writes it: true/false for yes/no, the code for a category.
ordered_json ValueJson(const BundleValue& v, const DataElement* e) {
  ordered_json j;
  j["org"] = v.org_code;
  j["element"] = v.element_code;
  j["period"] = v.period.ToString();
  if (e != nullptr && e->type == ValueType::kYesNo) {
    j["value"] = v.value != 0;
  } else if (e != nullptr && e->type == ValueType::kCategory &&
             v.value >= 0 && static_cast<size_t>(v.value) < e->categories.size()) {
    j["value"] = e->categories[static_cast<size_t>(v.value)];
  } else {
    j["value"] = v.value;
  }
  if (v.estimate) j["estimate"] = true;
  if (!v.comment.empty()) j["comment"] = v.comment;
  return j;
}

}  // namespace

std::string WriteResolutionFile(const ResolutionBundle& b) {
  ordered_json j;
  j["format"] = "nqtrack.resolution";
  j["version"] = 1;
  j["committee"] = b.committee_code;
  j["organizations"] = ordered_json::array();
  for (const BundleOrg& o : b.organizations) j["organizations"].push_back(OrganizationJson(o));
  j["term"] = {{"name", b.term.name},
               {"start", FormatIso(b.term.start)},
               {"end", FormatIso(b.term.end)}};
  j["resolution"] = {{"number", b.resolution.number},
                     {"title", b.resolution.title},
                     {"adopted", FormatIso(b.resolution.adopted)}};
  j["targets"] = ordered_json::array();
  for (const Target& t : b.targets) j["targets"].push_back(TargetJsonOf(t));
  j["tasks"] = ordered_json::array();
  for (const ResolutionTask& t : b.tasks) {
    j["tasks"].push_back({{"kind", ResolutionTaskKindCode(t.kind)},
                          {"title", t.title},
                          {"description", t.description},
                          {"targets", t.target_codes}});
  }
  j["assigned_tasks"] = ordered_json::array();
  for (const BundleTask& t : b.assigned_tasks) {
    j["assigned_tasks"].push_back(file_internal::AssignedTaskJson(t));
  }
  if (b.settings) j["assessment_settings"] = AssessmentSettingsJson(*b.settings);
  j["data_elements"] = ordered_json::array();
  for (const DataElement& e : b.elements) j["data_elements"].push_back(ElementJson(e));
  j["data_sets"] = ordered_json::array();
  for (const BundleDataSet& s : b.data_sets) j["data_sets"].push_back(DataSetJson(s));
  j["values"] = ordered_json::array();
  for (const BundleValue& v : b.values) {
    const DataElement* element = nullptr;
    for (const DataElement& e : b.elements) {
      if (e.code == v.element_code) element = &e;
    }
    j["values"].push_back(ValueJson(v, element));
  }
  return j.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string AssessmentJsonText(const analytics::ResolutionResult& r, const Resolution& resolution,
                               const std::string& org_code, const std::string& org_name) {
  ordered_json j;
  j["resolution"] = {{"number", resolution.number}, {"title", resolution.title}};
  j["org"] = {{"code", org_code}, {"name", org_name}};
  j["as_of"] = FormatIso(r.as_of);
  j["final"] = r.final;
  j["headline"] = r.headline;
  j["done"] = r.done;
  j["total"] = r.total;
  j["buckets"] = ordered_json::array();
  for (const analytics::BucketCount& b : r.buckets) {
    j["buckets"].push_back({{"threshold", b.threshold}, {"count", b.count}});
  }
  j["fields"] = ordered_json::array();
  for (const analytics::FieldCount& f : r.fields) {
    j["fields"].push_back({{"field", FieldCode(f.field)},
                           {"label", FieldLabel(f.field)},
                           {"done", f.done},
                           {"total", f.total}});
  }
  j["targets"] = ordered_json::array();
  for (const analytics::TargetResult& t : r.targets) {
    const analytics::TargetAssessment& a = t.assessment;
    ordered_json target;
    target["code"] = t.target.code;
    target["text"] = t.target.text;
    target["kind"] = TargetKindCode(t.target.kind);
    target["comparator"] = ComparatorCode(t.target.comparator);
    target["unit"] = t.target.unit;
    target["status"] = analytics::TargetStatusCode(a.status);
    target["status_label"] = analytics::TargetStatusLabel(a.status);
    target["target_value"] = a.target_value;
    target["target_high"] = Optional(a.target_high);
    target["actual"] = Optional(a.actual);
    target["expected"] = Optional(a.expected);
    target["projection"] = Optional(a.projection);
    target["ratio"] = Optional(a.ratio);
    target["estimate"] = a.estimate;
    target["explanation"] = a.explanation;
    if (!t.error.empty()) target["error"] = t.error;
    if (t.allocated_share) target["allocated_share"] = *t.allocated_share;
    ordered_json years = ordered_json::array();
    for (const analytics::YearPoint& y : t.years) {
      years.push_back({{"year", y.year},
                       {"value", Optional(y.value)},
                       {"estimate", y.estimate},
                       {"closed", y.closed},
                       {"target", Optional(y.target)}});
    }
    target["years"] = years;
    j["targets"].push_back(target);
  }
  return j.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace nq::web
