// Strict reading of record type and record bodies (record_json.h); the encoders are in
// record_json.cc.
#include <charconv>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "web/record_json.h"

namespace nq::web {
namespace {

// Above the validator's own limits (100 fields, 200 options, 50 rules), so that its Vietnamese
// message, which names the limit, is what a client sees; these only bound the reading.
constexpr size_t kMaxFields = 1000;
constexpr size_t kMaxOptions = 2000;
constexpr size_t kMaxTypeRules = 500;
constexpr size_t kMaxValues = 1000;

Status ReadFlag(JsonObjectReader& r, std::string_view key, bool* out) {
  std::optional<bool> b;
  NQ_RETURN_IF_ERROR(r.GetBool(key, &b));
  if (b) *out = *b;
  return Status::Ok();
}

Status ReadPrivacy(JsonObjectReader& r, RecordPrivacy* out) {
  std::optional<std::string> code;
  NQ_RETURN_IF_ERROR(r.GetString("privacy", &code));
  if (!code) return Status::Ok();
  const std::optional<RecordPrivacy> p = ParseRecordPrivacy(*code);
  if (!p) return BadValue("privacy", "open, personal");
  *out = *p;
  return Status::Ok();
}

Status ReadOption(JsonObjectReader& r, CategoryOption* o) {
  NQ_RETURN_IF_ERROR(r.GetString("code", &o->code));
  NQ_RETURN_IF_ERROR(r.GetString("label", &o->label));
  NQ_RETURN_IF_ERROR(r.Require("code"));
  NQ_RETURN_IF_ERROR(r.Require("label"));
  return r.Finish();
}

Status ReadField(JsonObjectReader& r, FieldDef* f) {
  NQ_RETURN_IF_ERROR(r.GetString("code", &f->code));
  NQ_RETURN_IF_ERROR(r.GetString("label", &f->label));
  std::optional<std::string> type;
  NQ_RETURN_IF_ERROR(r.GetString("type", &type));
  if (type) {
    const std::optional<FieldType> t = ParseFieldType(*type);
    if (!t) {
      return BadValue("type",
                      "text, number, date, yes_no, category, organization, member, "
                      "document");
    }
    f->type = *t;
  }
  std::optional<std::string> ignored_label;
  NQ_RETURN_IF_ERROR(r.GetString("type_label", &ignored_label));
  NQ_RETURN_IF_ERROR(ReadFlag(r, "required", &f->required));
  NQ_RETURN_IF_ERROR(r.GetNumber("min", &f->min));
  NQ_RETURN_IF_ERROR(r.GetNumber("max", &f->max));
  NQ_RETURN_IF_ERROR(ReadFlag(r, "whole", &f->whole));
  NQ_RETURN_IF_ERROR(ReadFlag(r, "ungrouped", &f->ungrouped));
  std::optional<int64_t> max_length;
  NQ_RETURN_IF_ERROR(r.GetInt("max_length", 0, kMaxTextLength, &max_length));
  if (max_length) f->max_length = static_cast<int>(*max_length);
  NQ_RETURN_IF_ERROR(ReadFlag(r, "within_term", &f->within_term));
  std::optional<std::vector<JsonObjectReader>> options;
  NQ_RETURN_IF_ERROR(r.GetObjects("options", kMaxOptions, &options));
  if (options) {
    for (JsonObjectReader& o : *options) {
      CategoryOption opt;
      NQ_RETURN_IF_ERROR(WithinField("options", ReadOption(o, &opt)));
      f->options.push_back(std::move(opt));
    }
  }
  NQ_RETURN_IF_ERROR(r.GetString("help", &f->help));
  NQ_RETURN_IF_ERROR(r.Require("code"));
  NQ_RETURN_IF_ERROR(r.Require("label"));
  NQ_RETURN_IF_ERROR(r.Require("type"));
  return r.Finish();
}

Status ReadRule(JsonObjectReader& r, ValidationRule* rule) {
  NQ_RETURN_IF_ERROR(r.GetString("code", &rule->code));
  NQ_RETURN_IF_ERROR(r.GetString("condition", &rule->condition));
  NQ_RETURN_IF_ERROR(r.GetString("message", &rule->message));
  NQ_RETURN_IF_ERROR(r.Require("code"));
  NQ_RETURN_IF_ERROR(r.Require("condition"));
  NQ_RETURN_IF_ERROR(r.Require("message"));
  return r.Finish();
}

Status ReadContent(JsonObjectReader& body, RecordTypeVersion* v) {
  std::optional<std::vector<JsonObjectReader>> fields;
  NQ_RETURN_IF_ERROR(body.GetObjects("fields", kMaxFields, &fields));
  v->fields.clear();
  if (fields) {
    for (JsonObjectReader& f : *fields) {
      FieldDef def;
      NQ_RETURN_IF_ERROR(WithinField("fields", ReadField(f, &def)));
      v->fields.push_back(std::move(def));
    }
  }
  std::optional<std::vector<JsonObjectReader>> rules;
  NQ_RETURN_IF_ERROR(body.GetObjects("rules", kMaxTypeRules, &rules));
  v->rules.clear();
  if (rules) {
    for (JsonObjectReader& r : *rules) {
      ValidationRule rule;
      NQ_RETURN_IF_ERROR(WithinField("rules", ReadRule(r, &rule)));
      v->rules.push_back(std::move(rule));
    }
  }
  return Status::Ok();
}

// A double as text ParseNumberText reads back exactly: the shortest fixed form, with a decimal
// comma (a dot followed by three digits would read as a thousands separator).
std::string NumberText(double x) {
  char buf[400];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  std::string s = ec == std::errc() ? std::string(buf, end) : std::to_string(x);
  for (char& c : s) {
    if (c == '.') c = ',';
  }
  return s;
}

// Parses text the strict reader has accepted; never fails then, but is checked all the same.
Result<nlohmann::json> ParseAccepted(std::string_view body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::Invalid("json.malformed", "Nội dung yêu cầu không phải JSON hợp lệ");
  }
  return j;
}

// The text of each value of a JSON object, by name (null values left out).
Status ValuesOf(const nlohmann::json& object, std::string_view where,
                std::map<std::string, std::string>* out) {
  if (object.size() > kMaxValues) {
    return OutOfRange(where, 0, static_cast<int64_t>(kMaxValues));
  }
  for (const auto& [name, value] : object.items()) {
    NQ_ASSIGN_OR_RETURN(std::optional<std::string> text,
                        ValueText(value, std::string(where) + "." + name));
    if (text) (*out)[name] = std::move(*text);
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<std::string>> ValueText(const nlohmann::json& v, std::string_view name) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
      return std::optional<std::string>();
    case nlohmann::json::value_t::string:
      return std::optional<std::string>(v.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return std::optional<std::string>(v.get<bool>() ? "true" : "false");
    case nlohmann::json::value_t::number_integer:
      return std::optional<std::string>(std::to_string(v.get<int64_t>()));
    case nlohmann::json::value_t::number_unsigned:
      return std::optional<std::string>(std::to_string(v.get<uint64_t>()));
    case nlohmann::json::value_t::number_float:
      return std::optional<std::string>(NumberText(v.get<double>()));
    default:
      return WrongType(name, "văn bản, số, true/false hoặc null");
  }
}

Status ReadRecordTypeJson(JsonObjectReader& body, bool create, RecordType* t) {
  RecordTypeVersion content;
  if (create) {
    NQ_RETURN_IF_ERROR(body.GetString("code", &t->code));
    NQ_RETURN_IF_ERROR(body.GetString("date_field", &t->date_field));
    NQ_RETURN_IF_ERROR(body.Require("code"));
    NQ_RETURN_IF_ERROR(body.Require("date_field"));
  } else if (const RecordTypeVersion* current = t->Current()) {
    content.number = current->number;
  }
  NQ_RETURN_IF_ERROR(body.GetString("name", &t->name));
  if (create) {
    t->description.clear();
    t->privacy = RecordPrivacy::kOpen;
  }
  NQ_RETURN_IF_ERROR(body.GetString("description", &t->description));
  NQ_RETURN_IF_ERROR(ReadPrivacy(body, &t->privacy));
  NQ_RETURN_IF_ERROR(ReadContent(body, &content));
  NQ_RETURN_IF_ERROR(body.Require("name"));
  NQ_RETURN_IF_ERROR(body.Require("fields"));
  NQ_RETURN_IF_ERROR(body.Finish());
  if (create || t->versions.empty()) {
    content.number = 1;
    t->versions = {std::move(content)};
  } else {
    t->versions.back() = std::move(content);
  }
  return Status::Ok();
}

Result<RecordBody> ReadRecordBody(std::string_view body) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader reader, JsonObjectReader::Parse(body));
  RecordBody out;
  std::optional<int64_t> org_id;
  NQ_RETURN_IF_ERROR(reader.GetInt("org_id", 1, kMaxId, &org_id));
  std::optional<JsonObjectReader> values;  // checked for its type here, read below
  NQ_RETURN_IF_ERROR(reader.GetObject("values", &values));
  NQ_RETURN_IF_ERROR(reader.Require("org_id"));
  NQ_RETURN_IF_ERROR(reader.Require("values"));
  NQ_RETURN_IF_ERROR(reader.Finish());
  out.org_id = *org_id;
  NQ_ASSIGN_OR_RETURN(nlohmann::json parsed, ParseAccepted(body));
  NQ_RETURN_IF_ERROR(ValuesOf(parsed.at("values"), "values", &out.values));
  return out;
}

Result<std::vector<RecordImportRow>> ReadImportJson(std::string_view body, size_t max_rows) {
  // The strict reader takes objects only: wrapped, the array gets its checks (UTF-8, repeated
  // names, depth) all the same.
  std::string wrapped = "{\"rows\":";
  wrapped += body;
  wrapped += "}";
  NQ_RETURN_IF_ERROR(JsonObjectReader::Parse(wrapped).status());
  NQ_ASSIGN_OR_RETURN(nlohmann::json parsed, ParseAccepted(body));
  if (!parsed.is_array()) return WrongType("(gốc)", "một mảng các đối tượng");
  if (parsed.size() > max_rows) {
    return Status::TooLarge("import.too_many_rows",
                            "Tệp nhập có quá " + std::to_string(max_rows) + " dòng");
  }
  std::vector<RecordImportRow> rows;
  rows.reserve(parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i) {
    const std::string where = "[" + std::to_string(i + 1) + "]";
    if (!parsed[i].is_object()) return WrongType(where, "một đối tượng");
    RecordImportRow row;
    row.line = static_cast<int>(i + 1);
    NQ_RETURN_IF_ERROR(ValuesOf(parsed[i], where, &row.cells));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace nq::web
