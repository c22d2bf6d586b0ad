// Reading the resolution JSON file into a ResolutionBundle, strictly, with the JSON path of
// every problem.
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "web/resolution_file.h"
#include "web/resolution_file_internal.h"

namespace nq::web {
namespace {

using file_internal::Each;
using file_internal::Fields;
using file_internal::PeriodField;
using nlohmann::json;

void ReadOrganizations(Fields& root, ResolutionBundle& b, std::vector<std::string>* problems) {
  Each(root, "organizations", true, problems, [&](Fields& f, size_t i) {
    BundleOrg o;
    o.org.code = f.String("code");
    o.org.name = f.String("name");
    o.org.kind = f.Enum<OrgKind>("kind", ParseOrgKind, OrgKind::kBaseCell);
    o.org.sector = f.Enum<Sector>("sector", ParseSector, Sector::kNone, false);
    o.parent_code = f.String("parent", false);
    o.org.sort_order = f.Int("sort_order", static_cast<int>(i));
    o.org.members = f.Int("members", 0);
    o.org.workers = f.Int("workers", 0);
    o.org.valid_from = f.DateField("valid_from", false).value_or(Date{2000, 1, 1});
    o.org.valid_to = f.DateField("valid_to", false);
    b.organizations.push_back(std::move(o));
  });
}

void ReadPlan(Fields& root, ResolutionBundle& b, std::vector<std::string>* problems) {
  b.committee_code = root.String("committee");
  if (const json* t = root.Get("term", true)) {
    Fields f(*t, "term", problems);
    b.term.name = f.String("name");
    b.term.start = f.DateField("start").value_or(b.term.start);
    b.term.end = f.DateField("end").value_or(b.term.end);
  }
  if (const json* r = root.Get("resolution", true)) {
    Fields f(*r, "resolution", problems);
    b.resolution.number = f.String("number");
    b.resolution.title = f.String("title");
    b.resolution.adopted = f.DateField("adopted").value_or(b.resolution.adopted);
  }
  Each(root, "targets", true, problems, [&](Fields& f, size_t i) {
    Target t;
    t.code = f.String("code");
    t.position = static_cast<int>(i) + 1;
    t.text = f.String("text");
    t.field = f.Enum<Field>("field", ParseField, Field::kPartyBuilding);
    t.comparator = f.Enum<Comparator>("comparator", ParseComparator, Comparator::kAtLeast);
    t.kind = f.Enum<TargetKind>("kind", ParseTargetKind, TargetKind::kEndLevel);
    t.indicator = f.String("indicator", false);
    t.value = f.Number("value", false).value_or(0);
    t.value_high = f.Number("value_high", false);
    t.value_formula = f.String("value_formula", false);
    t.unit = f.String("unit", false);
    t.baseline = f.Number("baseline", false);
    b.targets.push_back(std::move(t));
  });
  Each(root, "tasks", false, problems, [&](Fields& f, size_t i) {
    ResolutionTask t;
    t.kind = f.Enum<ResolutionTaskKind>("kind", ParseResolutionTaskKind,
                                        ResolutionTaskKind::kBreakthrough);
    t.position = static_cast<int>(i) + 1;
    t.title = f.String("title");
    t.description = f.String("description", false);
    t.target_codes = f.Strings("targets");
    b.tasks.push_back(std::move(t));
  });
}

// Optional; each field optional too (the default where absent). Percentages, as people type
// them: "behind_floor": 85 is 0,85 of the target. The ranges are checked by ValidateBundle.
void ReadSettings(Fields& root, ResolutionBundle& b, std::vector<std::string>* problems) {
  const json* v = root.Get("assessment_settings", false);
  if (v == nullptr) return;
  Fields f(*v, "assessment_settings", problems);
  AssessmentSettings s;
  if (std::optional<double> floor = f.Number("behind_floor", false)) s.behind_floor = *floor / 100;
  if (std::optional<double> m = f.Number("exceed_margin", false)) s.exceed_margin = *m / 100;
  if (std::optional<std::vector<double>> buckets = f.Numbers("buckets")) s.buckets = *buckets;
  if (f.Get("mid_term_counts_on_track", false) != nullptr) {
    s.mid_term_counts_on_track = f.Bool("mid_term_counts_on_track");
  }
  b.settings = std::move(s);
}

void ReadDefinitions(Fields& root, ResolutionBundle& b, std::vector<std::string>* problems) {
  Each(root, "data_elements", true, problems, [&](Fields& f, size_t) {
    DataElement e;
    e.code = f.String("code");
    e.name = f.String("name");
    e.short_name = f.String("short_name", false);
    e.type = f.Enum<ValueType>("type", ParseValueType, ValueType::kNumber);
    e.period_type = f.Enum<PeriodType>("period_type", ParsePeriodType, PeriodType::kMonthly);
    e.org_aggregation =
        f.Enum<OrgAggregation>("org_aggregation", ParseOrgAggregation, OrgAggregation::kSum);
    e.time_aggregation =
        f.Enum<TimeAggregation>("time_aggregation", ParseTimeAggregation, TimeAggregation::kSum);
    e.min = f.Number("min", false);
    e.max = f.Number("max", false);
    e.categories = f.Strings("categories");
    e.unit = f.String("unit", false);
    e.description = f.String("description", false);
    b.elements.push_back(std::move(e));
  });
  Each(root, "data_sets", false, problems, [&](Fields& f, size_t) {
    BundleDataSet s;
    s.data_set.code = f.String("code");
    s.data_set.name = f.String("name");
    s.data_set.period_type =
        f.Enum<PeriodType>("period_type", ParsePeriodType, PeriodType::kMonthly);
    s.element_codes = f.Strings("elements");
    for (const std::string& kind : f.Strings("reporting_kinds")) {
      std::optional<OrgKind> k = ParseOrgKind(kind);
      if (!k) f.Problem("reporting_kinds", "loại tổ chức không hợp lệ: '" + kind + "'");
      if (k) s.data_set.reporting_kinds.push_back(*k);
    }
    s.data_set.deadline_days = f.Int("deadline_days", 10);
    Each(f, "rules", false, problems, [&](Fields& r, size_t) {
      s.data_set.rules.push_back({r.String("code"), r.String("condition"), r.String("message")});
    });
    b.data_sets.push_back(std::move(s));
  });
}

// A value: a number, true/false for yes/no, or a category code (turned into its index).
void ReadValues(Fields& root, ResolutionBundle& b, std::vector<std::string>* problems) {
  Each(root, "values", false, problems, [&](Fields& f, size_t) {
    BundleValue v;
    v.org_code = f.String("org");
    v.element_code = f.String("element");
    std::optional<Period> p = PeriodField(f, "period");
    if (p) v.period = *p;
    if (const json* value = f.Get("value", true)) {
      if (value->is_boolean()) {
        v.value = value->get<bool>() ? 1 : 0;
      } else if (value->is_number() && std::isfinite(value->get<double>())) {
        v.value = value->get<double>();
      } else if (value->is_string()) {
        const std::string code = value->get<std::string>();
        bool found = false;
        for (const DataElement& e : b.elements) {
          if (e.code != v.element_code) continue;
          for (size_t k = 0; k < e.categories.size() && !found; ++k) {
            if (e.categories[k] == code) {
              v.value = static_cast<double>(k);
              found = true;
            }
          }
        }
        if (!found) f.Problem("value", "không có danh mục '" + code + "' của chỉ tiêu");
      } else {
        f.Problem("value", "phải là số, true/false hoặc mã danh mục");
      }
    }
    v.estimate = f.Bool("estimate");
    v.comment = f.String("comment", false);
    b.values.push_back(std::move(v));
  });
}

}  // namespace

namespace file_internal {

Result<json> ParseFileJson(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return Status::Invalid("json.invalid_utf8", "Tệp không phải văn bản UTF-8 hợp lệ");
  }
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    return Status::Invalid("json.malformed", "Tệp không phải JSON hợp lệ");
  }
  return doc;
}

bool IsFormat(const json& doc, const char* format) {
  const auto f = doc.is_object() ? doc.find("format") : doc.end();
  const auto version = doc.is_object() ? doc.find("version") : doc.end();
  return f != doc.end() && f->is_string() && f->get_ref<const std::string&>() == format &&
         version != doc.end() && version->is_number_integer() && version->get<int64_t>() == 1;
}

}  // namespace file_internal

Result<ResolutionBundle> ParseResolutionFile(std::string_view text) {
  NQ_ASSIGN_OR_RETURN(json doc, file_internal::ParseFileJson(text));
  if (!file_internal::IsFormat(doc, "nqtrack.resolution")) {
    return Status::Invalid("file.format",
                           "Tệp không phải tệp nghị quyết của nqtrack (cần \"format\": "
                           "\"nqtrack.resolution\", \"version\": 1)");
  }
  std::vector<std::string> problems;
  ResolutionBundle b;
  {
    Fields root(doc, "", &problems);
    root.Get("format", true);
    root.Get("version", true);
    ReadOrganizations(root, b, &problems);
    ReadPlan(root, b, &problems);
    file_internal::ReadAssignedTasks(root, "assigned_tasks", false, &b.assigned_tasks, &problems);
    ReadSettings(root, b, &problems);
    ReadDefinitions(root, b, &problems);
    ReadValues(root, b, &problems);
  }
  NQ_RETURN_IF_ERROR(InvalidWithLines("file.invalid", "Tệp nghị quyết không hợp lệ:", problems));
  return b;
}

}  // namespace nq::web
