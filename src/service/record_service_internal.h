// Internal to RecordService's files (record_service*.cc): the steps its writes share.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/record_type.h"
#include "domain/record_value.h"
#include "store/database.h"

namespace nq::record_internal {

// Type `type_id` as read in `tx`; Internal "store.corrupt" for a type without a version.
Result<RecordType> TypeWithVersion(store::Tx& tx, int64_t type_id);

// Organization codes looked up in `tree` (which must outlive the lookup).
OrgLookup LookupIn(const OrgTree& tree);

}  // namespace nq::record_internal
