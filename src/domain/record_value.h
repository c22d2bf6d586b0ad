// The typed value of one field of a record (record.h), and its text forms:
//   - what a person types (ParseFieldText): Vietnamese numbers "1.234,5", dates "17/5/2023" or
//     "2023-05-17", "có"/"không"/"x", an option by code or label ignoring case and diacritics —
//     the conventions of ParseValue (data.h) and ParseDateIsoOrVi (common/time.h);
//   - what a person reads (FormatFieldValue): "1.234,5", "17/5/2023", "Có", the option's label;
//   - a canonical text for storage and exports (CanonicalText / ParseCanonical): "1234.5",
//     "2023-05-17", "1"/"0", the option code, the organization id — lossless and locale-free.
// NumericValue gives the number a rule or an indicator sees.
//
// Pure value types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "common/status.h"
#include "common/time.h"
#include "domain/record_type.h"

namespace nq {

// A category value: the option's code.
struct OptionRef {
  std::string code;
  auto operator<=>(const OptionRef&) const = default;
};
// An organization value: its id.
struct OrgRef {
  int64_t id = 0;
  auto operator<=>(const OrgRef&) const = default;
};

// The value of a field, by FieldType:
//   text, member, document → std::string;  number → double;  date → Date;  yes/no → bool;
//   category → OptionRef;  organization → OrgRef.
using FieldValue = std::variant<std::string, double, Date, bool, OptionRef, OrgRef>;

// True when `v` holds the alternative of type `t`.
bool HoldsType(FieldType t, const FieldValue& v);

// The number a rule or an indicator sees: a number as itself, a date as its day number
// (DaysFromCivil), yes/no as 1/0, a category as the 0-based index of its option in `f` (nullopt
// when the code is not an option of `f`); nullopt for text-like and organization fields and for
// a value of the wrong type.
std::optional<double> NumericValue(const FieldDef& f, const FieldValue& v);

// True for valid UTF-8 without control characters; line breaks and tabs are allowed when
// `multiline` (free text), not otherwise (labels, names, codes).
bool IsCleanText(std::string_view s, bool multiline);

// Looks an organization code up: its id, or nullopt when there is none.
using OrgLookup = std::function<std::optional<int64_t>(std::string_view code)>;

// Parses what a person typed for field `f` (ASCII whitespace trimmed; the caller treats empty
// text as "no value" before calling). Does not check bounds, lengths or the term: ValidateRecord
// does. Invalid with a Vietnamese message naming the field's label and keys:
//   record.not_number   not a number in the forms ParseValue accepts
//   record.not_date     not "17/5/2023", "17/05/2023" or "2023-05-17", or an impossible date
//   record.not_yes_no   not có/không, x (a ticked box: yes), chưa (not yet: no), 1/0, yes/no,
//                       true/false (case and diacritics ignored)
//   record.unknown_option  no option whose code — exactly, then ignoring case, then ignoring
//                       case and diacritics — or else whose label — ignoring case, then case and
//                       diacritics — matches uniquely; the message lists the labels
//   record.not_organization  neither a code `orgs` knows (tried first, when given) nor a
//                       positive id
// Text-like fields take the text as it is (trimmed).
Result<FieldValue> ParseFieldText(const FieldDef& f, std::string_view text,
                                  const OrgLookup& orgs = nullptr);

// The value as a person reads it: a number with Vietnamese separators ("1.234,5"; "2023" for an
// ungrouped field), to 6 decimals, a date as
// "17/5/2023", "Có"/"Không", an option's label (its code if unknown), an organization's id,
// text as it is. ParseFieldText reads it back to the same value.
std::string FormatFieldValue(const FieldDef& f, const FieldValue& v);

// Lossless text for storage and machine exports: a number in the shortest form that reads back
// exactly ("1234.5", "-3", "1e+300"), a date in ISO form, "1"/"0", the option code, the id.
std::string CanonicalText(const FieldValue& v);
// Reads CanonicalText back for a field of type `t`; Invalid "record.bad_stored_value" for text
// that CanonicalText cannot have written for that type.
Result<FieldValue> ParseCanonical(FieldType t, std::string_view text);

}  // namespace nq
