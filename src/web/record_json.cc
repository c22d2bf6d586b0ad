// Encoders of record_json.h; the readers are in record_json_read.cc.
#include "web/record_json.h"

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "common/time.h"

namespace nq::web {
namespace {

Json RulesJson(const std::vector<ValidationRule>& rules) {
  Json out = Json::array();
  for (const ValidationRule& r : rules) {
    out.push_back(Json{{"code", r.code}, {"condition", r.condition}, {"message", r.message}});
  }
  return out;
}

Json FieldsJson(const std::vector<FieldDef>& fields) {
  Json out = Json::array();
  for (const FieldDef& f : fields) out.push_back(FieldDefJson(f));
  return out;
}

Json OrgValueJson(int64_t id, const OrgTree& tree) {
  const Organization* org = tree.Find(id);
  return Json{{"id", id},
              {"code", org ? org->code : std::string()},
              {"name", org ? org->name : std::string()}};
}

}  // namespace

Json FieldDefJson(const FieldDef& f) {
  Json j;
  j["code"] = f.code;
  j["label"] = f.label;
  j["type"] = FieldTypeCode(f.type);
  j["type_label"] = FieldTypeLabel(f.type);
  j["required"] = f.required;
  if (f.min) j["min"] = *f.min;
  if (f.max) j["max"] = *f.max;
  j["whole"] = f.whole;
  j["ungrouped"] = f.ungrouped;
  j["max_length"] = f.max_length;
  j["within_term"] = f.within_term;
  Json options = Json::array();
  for (const CategoryOption& o : f.options) {
    options.push_back(Json{{"code", o.code}, {"label", o.label}});
  }
  j["options"] = std::move(options);
  j["help"] = f.help;
  return j;
}

Json VersionJson(const RecordTypeVersion& v) {
  return Json{
      {"number", v.number}, {"fields", FieldsJson(v.fields)}, {"rules", RulesJson(v.rules)}};
}

Json RecordTypeJson(const RecordType& t, std::optional<int64_t> records, bool all_versions) {
  const RecordTypeVersion* current = t.Current();
  Json j;
  j["id"] = t.id;
  j["code"] = t.code;
  j["name"] = t.name;
  j["description"] = t.description;
  j["privacy"] = RecordPrivacyCode(t.privacy);
  j["privacy_label"] = RecordPrivacyLabel(t.privacy);
  j["date_field"] = t.date_field;
  j["version"] = current ? current->number : 0;
  j["version_count"] = t.versions.size();
  j["records"] = records ? Json(*records) : Json(nullptr);
  j["fields"] = current ? FieldsJson(current->fields) : Json::array();
  j["rules"] = current ? RulesJson(current->rules) : Json::array();
  if (all_versions) {
    Json versions = Json::array();
    for (const RecordTypeVersion& v : t.versions) versions.push_back(VersionJson(v));
    j["versions"] = std::move(versions);
  }
  return j;
}

Json FieldValueJson(const FieldDef* f, const FieldValue& v, const OrgTree& tree) {
  if (f == nullptr) return CanonicalText(v);
  return std::visit(
      [&](const auto& x) -> Json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, double> ||
                      std::is_same_v<T, bool>) {
          return Json(x);
        } else if constexpr (std::is_same_v<T, Date>) {
          return FormatIso(x);
        } else if constexpr (std::is_same_v<T, OptionRef>) {
          const CategoryOption* o = FindOption(*f, x.code);
          return Json{{"code", x.code}, {"label", o ? o->label : x.code}};
        } else {
          return OrgValueJson(x.id, tree);
        }
      },
      v);
}

std::string DisplayFieldValue(const FieldDef& f, const FieldValue& v, const OrgTree& tree) {
  if (const OrgRef* org = std::get_if<OrgRef>(&v)) {
    const Organization* o = tree.Find(org->id);
    if (o != nullptr) return o->name;
  }
  return FormatFieldValue(f, v);
}

const FieldDef* RecordField(const RecordType& t, const Record& r, std::string_view code) {
  if (const RecordTypeVersion* own = t.Version(r.version)) {
    if (const FieldDef* f = own->Find(code)) return f;
  }
  const RecordTypeVersion* current = t.Current();
  return current ? current->Find(code) : nullptr;
}

Json RecordJson(const RecordType& t, const Record& r, const OrgTree& tree) {
  const Organization* org = tree.Find(r.org_id);
  Json values = Json::object();
  Json display = Json::object();
  for (const auto& [code, value] : r.values) {
    const FieldDef* f = RecordField(t, r, code);
    values[code] = FieldValueJson(f, value, tree);
    display[code] = f ? DisplayFieldValue(*f, value, tree) : CanonicalText(value);
  }
  Json j;
  j["id"] = r.id;
  j["type_id"] = r.type_id;
  j["type_code"] = r.type_code.empty() ? t.code : r.type_code;
  j["version"] = r.version;
  j["org_id"] = r.org_id;
  j["org_code"] = org ? org->code : std::string();
  j["org_name"] = org ? org->name : std::string();
  j["date"] = DateOrNull(RecordDate(t, r));
  j["created_by"] = r.created_by;
  j["created_at"] = FormatIsoInstant(r.created_at);
  j["values"] = std::move(values);
  j["display"] = std::move(display);
  return j;
}

Json ProblemJson(const FieldProblem& p) {
  return Json{{"field", p.field}, {"rule", p.rule}, {"key", p.key}, {"message", p.message}};
}

Json ImportReportJson(const RecordImportReport& report, bool dry_run) {
  Json problems = Json::array();
  for (const RecordImportProblem& p : report.problems) {
    problems.push_back(Json{{"line", p.line},
                            {"field", p.problem.field},
                            {"rule", p.problem.rule},
                            {"key", p.problem.key},
                            {"message", p.problem.message}});
  }
  Json j;
  j["dry_run"] = dry_run;
  j["rows"] = report.rows;
  j["added"] = report.added;
  j["unchanged"] = report.unchanged;
  j["problems"] = std::move(problems);
  return j;
}

}  // namespace nq::web
