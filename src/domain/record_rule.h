// The cross-field rules of a record type version (record_type.h "Rules"): checking a rule
// against the version's fields, and judging one record by it. Used by ValidateRecordType and
// ValidateRecord; the evaluation is Formula::EvaluatePlain (domain/formula.h).
//
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/status.h"
#include "domain/data.h"
#include "domain/formula.h"
#include "domain/record_type.h"
#include "domain/record_value.h"

namespace nq {

// Parses rule `r` of version `v` and checks what it names. Invalid "record_type.rule_invalid",
// "Quy tắc '<code>': <why>", where <why> is the parser's message with its position, or says that
// the rule uses an aggregate or period function, names an unknown field or a field rules cannot
// use (text, member, document, organization), or compares a string with something other than a
// category field of which it is an option code (positions given as the parser gives them).
// Does not check that code, condition and message are present (ValidateRecordType does).
Result<Formula> ParseRecordRule(const RecordTypeVersion& v, const ValidationRule& r);

// Judges `values` by a rule parsed with ParseRecordRule: true when it holds, false when it is
// broken, nullopt when it is not judged (it names an absent value, or divides by zero). Values
// stand for their NumericValue (record_value.h). Other evaluation errors come back as they are
// ("formula.type", "formula.overflow").
Result<std::optional<bool>> JudgeRecordRule(const RecordTypeVersion& v, const Formula& rule,
                                            const std::map<std::string, FieldValue>& values);

}  // namespace nq
