// Internal to RecordService's files (record_service*.cc): the steps its writes share.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/record.h"
#include "domain/resolution.h"
#include "domain/record_type.h"
#include "domain/record_value.h"
#include "domain/user.h"
#include "store/database.h"

namespace nq::record_internal {

// Type `type_id` as read in `tx`; Internal "store.corrupt" for a type without a version.
Result<RecordType> TypeWithVersion(store::Tx& tx, int64_t type_id);

// The privacy rule's facts about `p` reading a record of their own scope (record_type.h).
RecordReader ReaderInScope(const Principal& p);

// A query of the records kept in the subtree of `root`: no organization list when that is the
// whole (single-rooted) tree.
store::Tx::RecordQuery ScopeQuery(const OrgTree& tree, int64_t root);

// The term a record of organization `org_id` dated `date` (nullopt: no date) is checked against
// (record_service.h "Dates"), from every stored term. Invalid "record.no_term".
Result<Term> TermFor(const std::vector<Term>& terms, const OrgTree& tree, int64_t org_id,
                     const std::optional<Date>& date);

// Every problem of `r` (CheckParsedRecord with the term it falls in, and organizations it names
// that do not exist); Invalid "record.type_unknown" for a version the type lacks, and
// TermFor's error.
Result<std::vector<FieldProblem>> CheckRecord(const OrgTree& tree, const std::vector<Term>& terms,
                                              const RecordType& t, const Record& r,
                                              std::vector<FieldProblem> parse_problems);

// Organization codes looked up in `tree` (which must outlive the lookup).
OrgLookup LookupIn(const OrgTree& tree);

}  // namespace nq::record_internal
