// Hồ sơ: one record of a record type (record_type.h) — a dissemination session held, a cell
// meeting, an inspection — written by an organization with the fields of one version of its type.
//
// A record is checked in two steps, and both report EVERY problem, not only the first, so that a
// form shows each bad field at once and an import reports every bad field of every row:
//   ParseRecordInput  text as typed (a form, a CSV row) → typed values (record_value.h);
//   ValidateRecord    typed values (from the parser, the JSON API or an import) → problems:
//                     required fields, types, bounds, lengths, dates within the term, rules.
// FillRecord runs both for typed-in text and drops the "missing" problem of a required field
// whose text did not parse (its parse problem says more). RecordProblemsStatus folds the
// problems into one Status for an API answer.
//
// Problem keys (FieldProblem::key), each with a Vietnamese message naming the field's label:
//   record.unknown_field, record.duplicate_field (one field given twice, by code and by label),
//   record.not_number, record.not_date, record.not_yes_no, record.unknown_option,
//   record.not_organization (ParseFieldText, record_value.h), record.wrong_type (a typed value
//   of another type than its field's), record.required, record.out_of_range (outside min..max,
//   or not whole), record.too_long, record.text_invalid (not UTF-8, or control characters other
//   than line breaks and tabs in a text field), record.date_invalid (an impossible date),
//   record.outside_term, record.rule (a rule broken: the rule's own message),
//   record.version (the record names another version than the one it is checked with),
//   record.org_required (no organization).
//
// Pure value types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/record_type.h"
#include "domain/record_value.h"
#include "domain/resolution.h"

namespace nq {

struct Record {
  int64_t id = 0;  // 0 until stored
  int64_t type_id = 0;
  std::string type_code;
  int version = 1;                           // the version of the type the record was written with
  int64_t org_id = 0;                        // the organization that keeps the record
  std::map<std::string, FieldValue> values;  // field code → value; an empty field is absent
  int64_t created_by = 0;                    // user id, 0 for the system (seeding, demo)
  int64_t created_at = 0;                    // Unix seconds
  bool operator==(const Record&) const = default;
};

// The record's date: the value of the type's date field, nullopt when absent or not a date.
std::optional<Date> RecordDate(const RecordType& t, const Record& r);

// One problem of a record.
struct FieldProblem {
  std::string field;    // the field's code (or the name given, for record.unknown_field); empty
                        // for record.rule, record.version and record.org_required
  std::string rule;     // the rule's code, for record.rule
  std::string key;      // "record.required", … (see above)
  std::string message;  // Vietnamese, naming the field by its label
  bool operator==(const FieldProblem&) const = default;
};

struct ParsedInput {
  std::map<std::string, FieldValue> values;  // the fields that parsed, by code
  std::vector<FieldProblem> problems;        // fields in the version's order, then unknown
                                             // and repeated names
};

// Parses text keyed by field code — or by field label, ignoring case and diacritics, as in the
// header of a CSV file. Empty (or blank) text leaves the field absent. Unknown names give
// record.unknown_field, a field named twice record.duplicate_field; `orgs` resolves
// organization codes (organization fields also take a numeric id). See ParseFieldText.
ParsedInput ParseRecordInput(const RecordTypeVersion& v,
                             const std::map<std::string, std::string>& input,
                             const OrgLookup& orgs = nullptr);

// Every problem of `r` against version `v`, in this order: the record (version, organization),
// then the fields in the version's order, then values of unknown fields, then broken rules in
// the version's order. Empty when the record is valid. Date fields marked within_term must lie
// within [term.start, term.end]. Rules are evaluated only over the values that passed their own
// checks; a rule that names an absent value, or divides by zero, is not judged.
std::vector<FieldProblem> ValidateRecord(const RecordTypeVersion& v, const Record& r,
                                         const Term& term);

// The problems of `r`, whose values came from ParseRecordInput with `parse_problems`: those,
// then ValidateRecord's, without the "missing" problem of a required field whose text did not
// parse (its parse problem says more).
std::vector<FieldProblem> CheckParsedRecord(const RecordTypeVersion& v,
                                            std::vector<FieldProblem> parse_problems,
                                            const Record& r, const Term& term);

// Sets r->version to v.number and r->values to the parsed input, and returns the problems of
// ParseRecordInput and ValidateRecord together (CheckParsedRecord; the caller sets the
// organization first).
std::vector<FieldProblem> FillRecord(const RecordTypeVersion& v,
                                     const std::map<std::string, std::string>& input,
                                     const Term& term, Record* r, const OrgLookup& orgs = nullptr);

// OK when `problems` is empty; else Invalid "record.invalid": "Hồ sơ chưa hợp lệ:" and one
// message a line (InvalidWithLines, common/status.h).
Status RecordProblemsStatus(const std::vector<FieldProblem>& problems);

}  // namespace nq
