// Helpers shared by the resolution bundle's files (resolution_bundle_io.cc,
// resolution_bundle_tasks.cc). Not part of the service's interface. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/user.h"
#include "service/app.h"
#include "service/plan_service.h"

namespace nq::bundle_internal {

// The system as an administrator of one root of the tree: every organization below is in scope.
Principal SystemAt(int64_t root);

// A stored resolution with the system principal that reads it (an administrator of the root
// of the tree that holds its committee).
struct SystemResolution {
  Principal sys;
  ResolutionDetail detail;
};
// NotFound "resolution.not_found" when no root of the tree can read it.
Result<SystemResolution> ResolutionAsSystem(App& app, int64_t resolution_id);

// Every organization's id by code, the closed ones included.
std::map<std::string, int64_t> OrgIdsByCode(const OrgTree& tree);

}  // namespace nq::bundle_internal
