// Scope and role checks shared by the services (DESIGN.md "Users and roles": a user's scope is
// their organization's subtree; scope is enforced in service/ on every read and write).
//
// Each check returns OK or the Status the caller passes on unchanged, so every service answers a
// denied request with the same key and Vietnamese message. Pure functions; thread-safe.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/user.h"

namespace nq {

// Forbidden "scope.denied": "Bạn không có quyền truy cập tổ chức này".
Status ScopeDenied();
// Forbidden "role.denied": the principal's role does not allow the operation.
Status RoleDenied();
// NotFound "org.not_found".
Status OrgNotFound();
// OK for a role that edits the plan (CanEditPlan: admin, committee), else RoleDenied().
Status CheckCanEditPlan(const Principal& p);

// OK when `org_id` is the principal's scope root or lies below it in `tree`. NotFound
// "org.not_found" when no organization has that id; Forbidden "scope.denied" when it exists
// outside the scope (also when the principal's own organization is missing from the tree).
Status CheckInScope(const OrgTree& tree, const Principal& p, int64_t org_id);

// A resolution binds every organization under the committee that adopted it, so the plan of a
// committee `org_id` (its terms, resolutions, targets) is readable from the principal's scope and
// from every committee above their scope root; writes stay limited to the scope itself.
bool CanReadPlanOf(const OrgTree& tree, const Principal& p, int64_t org_id);
// OK when CanReadPlanOf, else CheckInScope's NotFound or Forbidden.
Status CheckCanReadPlanOf(const OrgTree& tree, const Principal& p, int64_t org_id);

}  // namespace nq
