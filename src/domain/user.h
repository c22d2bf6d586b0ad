// Users, roles and scope (DESIGN.md "Users and roles").
//
// Every user belongs to an organization; their scope is that organization's subtree. Roles:
//   admin      — Văn phòng Đảng ủy: everything in scope, user management;
//   committee  — Ban Thường vụ and boards: read all in scope, edit plans, approve;
//   reporter   — staff of a grassroots organization: enter data for their subtree;
//   viewer     — leaders: read dashboards and reviews in scope.
// Pure value types; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace nq {

enum class Role { kAdmin, kCommittee, kReporter, kViewer };

const char* RoleCode(Role r);   // "admin", "committee", "reporter", "viewer"
const char* RoleLabel(Role r);  // "Quản trị", "Cấp ủy", "Báo cáo viên", "Theo dõi"
std::optional<Role> ParseRole(std::string_view code);

// What a role may do, independent of scope.
bool CanManageUsers(Role r);          // admin
bool CanEditOrganizations(Role r);    // admin, committee
bool CanEditPlan(Role r);             // admin, committee: resolutions, targets, tasks, forms
bool CanEnterData(Role r);            // admin, committee, reporter

// The board of the committee a user works in (Ban): who may read records about individuals
// (domain/record_type.h MayReadRecord) depends on it. kNone for users outside the boards.
enum class Board {
  kNone,
  kOrganization,      // Ban Tổ chức
  kInspection,        // Ủy ban Kiểm tra
  kPropaganda,        // Ban Tuyên giáo
  kMassMobilization,  // Ban Dân vận
  kOffice,            // Văn phòng
};
const char* BoardCode(Board b);   // "", "organization", "inspection", "propaganda",
                                  // "mass_mobilization", "office"
const char* BoardLabel(Board b);  // "", "Ban Tổ chức", "Ủy ban Kiểm tra", "Ban Tuyên giáo",
                                  // "Ban Dân vận", "Văn phòng"
// "" (or "none") → kNone; nullopt for an unknown code.
std::optional<Board> ParseBoard(std::string_view code);
// The boards that see records about individuals: the organization board and the inspection
// commission.
bool IsPersonnelBoard(Board b);

struct User {
  int64_t id = 0;
  std::string username;       // unique, [a-z0-9._-]{3,64}, case-folded
  std::string full_name;      // e.g. "Nguyễn Văn An"
  Role role = Role::kViewer;
  int64_t org_id = 0;         // the organization whose subtree is the user's scope
  Board board = Board::kNone;  // the committee board the user works in, if any
  bool disabled = false;
  std::string password_hash;  // libsodium Argon2id string; never leaves the service layer
  int64_t created_at = 0;     // Unix seconds
};

// Usernames are case-folded: trims ASCII whitespace and lower-cases ASCII letters
// (" NguyenVanA " -> "nguyenvana"). Apply before validating or looking up a username.
std::string NormalizeUsername(std::string_view name);
// True for [a-z0-9._-]{3,64}.
bool IsValidUsername(std::string_view name);

// Checks username format, full name present (valid UTF-8, at most 255 code points), org_id set.
// Invalid with a Vietnamese message naming the field and the keys user.username_invalid,
// user.full_name_invalid, user.full_name_required, user.full_name_too_long, user.org_required.
Status ValidateUser(const User& u);

// The signed-in user as the service layer sees them on every call.
struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string full_name;
  Role role = Role::kViewer;
  int64_t org_id = 0;  // scope root
  Board board = Board::kNone;
};

}  // namespace nq
