// The stored text of a record type version (record_type.h): its fields, their options and its
// rules, in the definition column of record_type_versions. Line-based, one item a line:
//   nqtrack-record-version 1                                       (the format's own version)
//   field <TAB> code <TAB> type <TAB> required <TAB> min <TAB> max <TAB> whole <TAB> ungrouped
//         <TAB> max_length <TAB> within_term <TAB> label <TAB> help
//   option <TAB> code <TAB> label                                  (an option of the last field)
//   rule <TAB> code <TAB> condition <TAB> message
// Flags are "1"/"0"; a bound is the number's CanonicalText (record_value.h: exact round trip),
// empty when absent; the type is FieldTypeCode. In every text, "\" is written "\\", a line
// break "\n", a carriage return "\r" and a tab "\t", so any text survives (Vietnamese, quotes,
// several lines). The version number is not part of the text: it is the row's key.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/record_type.h"

namespace nq::store {

// The text of v's fields and rules (not of its number). DecodeRecordVersion reads it back equal.
std::string EncodeRecordVersion(const RecordTypeVersion& v);

// Reads EncodeRecordVersion's text back, with `number` as the version number. Invalid
// "store.bad_definition" naming the line for text it cannot have written (unknown header or
// item, wrong number of columns, bad flag, number or type, a bad escape, an option before any
// field). Does not validate the version (ValidateRecordType does).
Result<RecordTypeVersion> DecodeRecordVersion(std::string_view text, int number);

}  // namespace nq::store
