// User administration with role and scope checks: only admins manage users, and only users of
// organizations inside their scope; nobody grants a role above their own (an admin may grant
// any). The password hash never leaves this layer.
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
  bool disabled = false;
  int64_t created_at = 0;
};

class UserService {
 public:
  UserService(store::Database* db, OrgService* orgs, AuthService* auth)
      : db_(db), orgs_(orgs), auth_(auth) {}

  Result<std::vector<UserView>> List(const Principal& p) const;
  Result<UserView> Get(const Principal& p, int64_t id) const;
  Result<UserView> CreateUser(const Principal& p, const UserInput& in, const store::Actor& a);
  // Disabling a user or changing their password also ends all their sessions.
  Result<UserView> Update(const Principal& p, int64_t id, const UserInput& in,
                          const store::Actor& a);
  // A user changing their own password: needs the current one.
  Status ChangeOwnPassword(const Principal& p, const std::string& current,
                           const std::string& next, const store::Actor& a);

  // For the CLI: acts as the system (no scope); same validation.
  Result<UserView> CreateAsSystem(const UserInput& in);
  Result<UserView> SetPasswordAsSystem(const std::string& username, const std::string& pw);
  Result<UserView> DisableAsSystem(const std::string& username);
  Result<std::vector<UserView>> ListAsSystem() const;

 private:
  store::Database* db_;
  OrgService* orgs_;
  AuthService* auth_;
};

}  // namespace nq
