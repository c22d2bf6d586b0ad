// Changing a record type (record_type.h) without breaking the records already written.
//
// Records keep the version they were written with, so a change never rewrites them; what it must
// not do is make the existing records mean something else to the indicators, which read a field
// by its code across every version. The rule, when the type has records:
//   - a field may not change its type under the same code (Invalid "record_type.breaking_change"
//     naming the field): add a field with a new code instead;
//   - a category option may not be removed from a field that stays (same key, naming the field
//     and the option), whether or not a record uses it: an indicator may compare with it, and
//     records of the old version hold it. Its label may change;
//   - everything else goes, as a new version numbered one more than the last: adding fields,
//     removing fields (old records keep theirs), changing labels, help, bounds, lengths, the
//     required flags (a field made required is required of new records only), options added,
//     rules added, changed or removed;
//   - the type's code and its date field may not change (formulas name the code; the date
//     places each record in a period); its name, description and privacy may.
// Without records, anything valid goes and the last version is replaced in place.
//
// Pure functions; thread-safe.
#pragma once

#include "common/status.h"
#include "domain/record_type.h"

namespace nq {

// What changing `current` into `next` may do (see above): OK, or Invalid
// "record_type.breaking_change" naming the first field (and option) it would break. Always OK
// when has_records is false. Checks compatibility only: `next` is validated with its type.
Status CheckNewVersion(const RecordTypeVersion& current, const RecordTypeVersion& next,
                       bool has_records);

// The type with `next` as its newest content: with records, appended as version n+1 after
// CheckNewVersion against the last version (unchanged type when `next` has the same fields and
// rules as the last version); without records, replacing the last version and keeping its
// number. The result passes ValidateRecordType, whose errors are returned otherwise (a field
// code removed earlier and brought back with another type gives record_type.field_type_changed).
// Invalid "record_type.versions_invalid" for a type without versions.
Result<RecordType> ReviseRecordType(const RecordType& type, RecordTypeVersion next,
                                    bool has_records);

// What an edit of the type's own attributes may do: with records, Invalid
// "record_type.breaking_change" when the code or the date field changes; otherwise OK.
Status CheckRecordTypeEdit(const RecordType& before, const RecordType& after, bool has_records);

}  // namespace nq
