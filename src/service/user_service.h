// User administration with role and scope checks: only admins manage users, and only users of
// organizations inside their scope; nobody grants a role above their own (an admin may grant
// any). The password hash never leaves this layer.
//
// Errors: Forbidden "role.denied" for a non-admin managing users, Forbidden "scope.denied" for a
// user or organization outside the admin's scope, NotFound "user.not_found", Conflict
// "user.taken" for a username in use, Invalid from ValidateUser and CheckPasswordPolicy,
// Conflict "user.self_lockout" when admins would disable themselves or change their own role.
// Usernames are trimmed and lower-cased (ASCII) before validation and lookup.
// Argon2 hashing runs before any transaction begins (it takes ~50-100 ms).
//
// Thread-safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/user.h"
#include "service/auth_service.h"
#include "service/org_service.h"
#include "store/database.h"

namespace nq {

struct UserInput {
  std::optional<std::string> username;
  std::optional<std::string> full_name;
  std::optional<Role> role;
  std::optional<int64_t> org_id;
  std::optional<Board> board;           // the committee board (domain/user.h); default none
  std::optional<std::string> password;  // create: required; update: sets a new one
  std::optional<bool> disabled;
};

// A user as shown to clients: everything but the password hash.
struct UserView {
  int64_t id = 0;
  std::string username;
  std::string full_name;
  Role role = Role::kViewer;
  int64_t org_id = 0;
  std::string org_name;
  Board board = Board::kNone;
  bool disabled = false;
  int64_t created_at = 0;
};

class UserService {
 public:
  UserService(store::Database* db, OrgService* orgs, AuthService* auth)
      : db_(db), orgs_(orgs), auth_(auth) {}

  // Users of organizations in the admin's scope, ordered by username. Forbidden for others.
  Result<std::vector<UserView>> List(const Principal& p) const;
  // Any user may read themselves; admins any user in scope.
  Result<UserView> Get(const Principal& p, int64_t id) const;
  // Needs username, full_name, role, org_id (in scope) and a password meeting the policy.
  Result<UserView> CreateUser(const Principal& p, const UserInput& in, const store::Actor& a);
  // Changes the fields `in` sets. Disabling a user or changing their password also ends all
  // their sessions (in the same transaction); any change drops their cached sessions here, so
  // a new role or organization applies to their next request.
  Result<UserView> Update(const Principal& p, int64_t id, const UserInput& in,
                          const store::Actor& a);
  // A user changing their own password: needs the current one (Invalid "user.wrong_password"
  // otherwise). Ends every session of the user, the current one included.
  Status ChangeOwnPassword(const Principal& p, const std::string& current,
                           const std::string& next, const store::Actor& a);

  // For the CLI: acts as the system (no scope); same validation. The organization must exist;
  // a username that does not exist gives NotFound "user.not_found".
  Result<UserView> CreateAsSystem(const UserInput& in);
  Result<UserView> SetPasswordAsSystem(const std::string& username, const std::string& pw);
  Result<UserView> DisableAsSystem(const std::string& username);
  Result<std::vector<UserView>> ListAsSystem() const;

 private:
  // `p` null means the system. Both validate exactly the same way.
  Result<UserView> CreateImpl(const Principal* p, const UserInput& in, const store::Actor& a);
  Result<UserView> UpdateImpl(const Principal* p, int64_t id, const UserInput& in,
                              const store::Actor& a);
  Result<int64_t> IdOf(const std::string& username) const;
  UserView View(const User& u) const;

  store::Database* db_;
  OrgService* orgs_;
  AuthService* auth_;
};

}  // namespace nq
