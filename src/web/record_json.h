// JSON forms of record types and records (domain/record_type.h, record.h) for the API of
// api_records.h: serialization (record_json.cc) and strict reading of request bodies
// (record_json_read.cc, json_io.h's rules: unknown fields, wrong types and missing fields are
// 400; nested objects follow the same rules, their messages name the enclosing field).
//
// Shapes (docs/openapi.yaml, tag "records"):
//   field    {code, label, type, type_label, required, min, max, whole, ungrouped, max_length,
//             within_term, options:[{code, label}], help} — min/max absent when unbounded,
//             max_length 0 for the type's default
//   rule     {code, condition, message}
//   version  {number, fields:[field], rules:[rule]}
//   type     {id, code, name, description, privacy, privacy_label, date_field, version,
//             version_count, records, fields, rules} — version, fields and rules are the
//             current version's; records is RecordTypeView::records (null when not known)
//   type detail  the type shape plus versions:[version], oldest first
//   record   {id, type_id, type_code, version, org_id, org_code, org_name, date, created_by,
//             created_at, values:{code: value}, display:{code: text}} — values typed by the
//             field's type in the record's own version: number → JSON number, date →
//             "YYYY-MM-DD", yes/no → true/false, category → {code, label}, organization →
//             {id, code, name}, text-like → string; display is what a person reads
//             (FormatFieldValue, an organization by its name); date is the record's date
//             (RecordDate), created_at "2023-05-17T08:30:00Z"
//   problem  {field, rule, key, message} (FieldProblem); in an import report also {line}
//
// Values in request bodies ("values" of a record, the objects of a JSON import) may be typed or
// text: a string is taken as typed, a number becomes text the record parser reads back exactly
// (1234.5 → "1234,5": a decimal comma, never a dot that could read as a thousands separator),
// true/false become "true"/"false", null leaves the field empty; arrays and objects are 400
// "json.wrong_type".
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "service/record_service.h"
#include "web/json_io.h"

namespace nq::web {

using Json = nlohmann::ordered_json;

Json FieldDefJson(const FieldDef& f);
Json VersionJson(const RecordTypeVersion& v);
// The type shape; `records` null when not known. With `all_versions`, the detail shape.
Json RecordTypeJson(const RecordType& t, std::optional<int64_t> records, bool all_versions);
// One value as typed JSON (see above); `f` null gives the canonical text.
Json FieldValueJson(const FieldDef* f, const FieldValue& v, const OrgTree& tree);
// What a person reads for a value: FormatFieldValue, but an organization by its name (its id
// when it is gone from the tree).
std::string DisplayFieldValue(const FieldDef& f, const FieldValue& v, const OrgTree& tree);
// The field definition a record's value is read with: the field of the record's own version,
// else of the type's current version; nullptr when neither has it.
const FieldDef* RecordField(const RecordType& t, const Record& r, std::string_view code);
Json RecordJson(const RecordType& t, const Record& r, const OrgTree& tree);
Json ProblemJson(const FieldProblem& p);
Json ImportReportJson(const RecordImportReport& report, bool dry_run);

// A JSON scalar as text for the record parser (see above); nullopt for null. Invalid
// "json.wrong_type" naming `name` for arrays and objects.
Result<std::optional<std::string>> ValueText(const nlohmann::json& v, std::string_view name);

// Reads a record type body.
//   create: {code, name, description, privacy, date_field, fields:[field], rules:[rule]} →
//     *t with one version numbered 1; code, name, date_field and fields are required.
//   !create (PUT, a revision): {name, description, privacy, fields, rules}; name and fields are
//     required, description and privacy left out keep their values; the code and the date field
//     stay as *t holds them, and the last version of *t takes the fields and rules read
//     (RecordService::ReviseType reads it as the new content).
// A field object takes the field shape (type_label is read and ignored, so that a field read
// from the API can be sent back); code, label and type are required.
// Semantic checks (ValidateRecordType) are the service's.
Status ReadRecordTypeJson(JsonObjectReader& body, bool create, RecordType* t);

// A record body {org_id, values:{name: value}} (names are field codes or labels).
struct RecordBody {
  int64_t org_id = 0;
  std::map<std::string, std::string> values;
};
Result<RecordBody> ReadRecordBody(std::string_view body);

// A JSON import body: an array of at most `max_rows` objects, each a row whose names are
// columns (field codes or labels, and "org" for the organization's code), numbered from 1 as
// the row's line. Malformed JSON is 400 as for any body (json.*); a top level that is not an
// array, or an element that is not an object, is 400 "json.wrong_type"; more rows than
// `max_rows` is 413 "import.too_many_rows".
Result<std::vector<RecordImportRow>> ReadImportJson(std::string_view body, size_t max_rows);

}  // namespace nq::web
