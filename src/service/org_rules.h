// Rules of OrgService shared by its single-row writes (org_service.cc) and its bulk import
// (org_import.cc): building an Organization from an OrgInput, role checks, move and close rules,
// and the errors they return. Internal to service/; pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/organization.h"
#include "domain/user.h"
#include "service/org_service.h"

namespace nq {

// Forbidden "role.denied" unless CanEditOrganizations(p.role).
Status CheckCanEdit(const Principal& p);

// A new organization from `in` without its parent: Invalid "org.missing_code", "org.missing_name"
// or "org.missing_kind" when a required field is absent. The sector defaults to none for a bloc
// committee and to state_agency otherwise; counts to 0; valid_from to 2020-01-01.
Result<Organization> NewOrganization(const OrgInput& in);
// Copies every field `in` sets except parent_id onto `org`; code and name are trimmed.
void ApplyInput(const OrgInput& in, Organization* org);

// The organization with this code, or nullptr.
const Organization* FindCode(const std::vector<Organization>& orgs, std::string_view code);
// Conflict "org.code_taken": "Mã tổ chức đã tồn tại: <code>".
Status CodeTaken(const std::string& code);
// Invalid "org.parent_closed" when the would-be parent has been closed.
Status CheckParentOpen(const Organization& parent);

// Everything a move of `id` under `new_parent` needs besides the role: `id` is not the scope
// root (Forbidden "org.scope_root"), the new parent exists, is in scope and open, and is neither
// `id` nor below it (Conflict "org.move_cycle").
Status CheckMoveAllowed(const OrgTree& tree, const Principal& p, int64_t id, int64_t new_parent);
// Conflict "org.move_cycle": "Không thể chuyển tổ chức vào chính nó hoặc tổ chức cấp dưới của nó".
Status MoveCycle();
// Forbidden "org.scope_root": a principal may not move or close their own scope root.
Status ScopeRootLocked();
// Invalid "org.close_before_start": the closing date precedes the organization's valid_from.
Status CloseBeforeStart(const Organization& org);

}  // namespace nq
