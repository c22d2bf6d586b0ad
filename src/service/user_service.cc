#include "service/user_service.h"

#include <algorithm>
#include <utility>

#include "common/time.h"
#include "common/utf8.h"  // Trim
#include "service/scope.h"

namespace nq {
namespace {

store::Actor SystemActor() {
  store::Actor a;
  a.address = "cli";
  return a;
}

store::Actor ReaderOf(const Principal& p) { return store::Actor{p.user_id, p.username, ""}; }

Status UserNotFound() {
  return Status::NotFound("user.not_found", "Không tìm thấy người dùng");
}

Status UsernameTaken(const std::string& name) {
  return Status::Conflict("user.taken", "Tên đăng nhập đã được sử dụng: " + name);
}

Status CheckCanManage(const Principal* p) {
  return p == nullptr || CanManageUsers(p->role) ? Status::Ok() : RoleDenied();
}

Result<User> LoadUser(store::Tx& tx, int64_t id) {
  Result<User> u = tx.GetUser(id);
  if (!u.ok() && u.status().code() == Code::kNotFound) return UserNotFound();
  return u;
}

// The user's organization must be in the principal's scope (always true for the system, as
// long as the organization exists).
Status CheckUserOrg(const OrgTree& tree, const Principal* p, int64_t org_id) {
  if (p != nullptr) return CheckInScope(tree, *p, org_id);
  return tree.Contains(org_id) ? Status::Ok() : OrgNotFound();
}

// Copies the fields `in` sets except the password; then validates the whole user.
Status ApplyInput(const UserInput& in, User* u) {
  if (in.username) u->username = NormalizeUsername(*in.username);
  if (in.full_name) u->full_name = std::string(Trim(*in.full_name));
  if (in.role) u->role = *in.role;
  if (in.org_id) u->org_id = *in.org_id;
  if (in.board) u->board = *in.board;
  if (in.disabled) u->disabled = *in.disabled;
  return ValidateUser(*u);
}

// Hashes a new password, if any, before a transaction begins (Argon2 is slow on purpose).
Result<std::optional<std::string>> HashIfSet(const std::optional<std::string>& password) {
  if (!password.has_value()) return std::optional<std::string>();
  NQ_RETURN_IF_ERROR(CheckPasswordPolicy(*password));
  NQ_ASSIGN_OR_RETURN(std::string hash, HashPassword(*password));
  return std::optional<std::string>(std::move(hash));
}

}  // namespace

UserView UserService::View(const User& u) const {
  UserView v;
  v.id = u.id;
  v.username = u.username;
  v.full_name = u.full_name;
  v.role = u.role;
  v.org_id = u.org_id;
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  if (const Organization* org = tree->Find(u.org_id)) v.org_name = org->name;
  v.board = u.board;
  v.disabled = u.disabled;
  v.created_at = u.created_at;
  return v;
}

Result<std::vector<UserView>> UserService::List(const Principal& p) const {
  NQ_RETURN_IF_ERROR(CheckCanManage(&p));
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(ReaderOf(p), store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<User> users, tx->ListUsers());
  std::vector<UserView> out;
  for (const User& u : users) {
    if (tree->InSubtree(p.org_id, u.org_id)) out.push_back(View(u));
  }
  std::sort(out.begin(), out.end(),
            [](const UserView& a, const UserView& b) { return a.username < b.username; });
  return out;
}

Result<UserView> UserService::Get(const Principal& p, int64_t id) const {
  if (id != p.user_id) NQ_RETURN_IF_ERROR(CheckCanManage(&p));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(ReaderOf(p), store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(User u, LoadUser(*tx, id));
  if (id != p.user_id) NQ_RETURN_IF_ERROR(CheckUserOrg(*orgs_->tree(), &p, u.org_id));
  return View(u);
}

Result<UserView> UserService::CreateUser(const Principal& p, const UserInput& in,
                                         const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanManage(&p));
  return CreateImpl(&p, in, a);
}

Result<UserView> UserService::Update(const Principal& p, int64_t id, const UserInput& in,
                                     const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanManage(&p));
  if (id == p.user_id && ((in.disabled && *in.disabled) || (in.role && *in.role != p.role))) {
    return Status::Conflict("user.self_lockout",
                            "Không thể tự khóa tài khoản hoặc tự đổi vai trò của chính mình");
  }
  return UpdateImpl(&p, id, in, a);
}

Result<UserView> UserService::CreateImpl(const Principal* p, const UserInput& in,
                                         const store::Actor& a) {
  User u;
  if (!in.username || !in.full_name || !in.role || !in.org_id) {
    return Status::Invalid("user.missing_field",
                           "Cần nhập đủ tên đăng nhập, họ và tên, vai trò và tổ chức");
  }
  if (!in.password) return Status::Invalid("user.missing_password", "Cần nhập mật khẩu");
  NQ_RETURN_IF_ERROR(ApplyInput(in, &u));
  NQ_RETURN_IF_ERROR(CheckUserOrg(*orgs_->tree(), p, u.org_id));
  NQ_ASSIGN_OR_RETURN(std::optional<std::string> hash, HashIfSet(in.password));
  u.password_hash = std::move(*hash);
  u.created_at = NowUnix();

  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(std::optional<User> existing, tx->FindUser(u.username));
  if (existing.has_value()) return UsernameTaken(u.username);
  NQ_ASSIGN_OR_RETURN(u.id, tx->InsertUser(u));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return View(u);
}

Result<UserView> UserService::UpdateImpl(const Principal* p, int64_t id, const UserInput& in,
                                         const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(std::optional<std::string> hash, HashIfSet(in.password));
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();

  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  Result<User> stored = LoadUser(*tx, id);
  if (!stored.ok()) return stored.status();
  NQ_RETURN_IF_ERROR(CheckUserOrg(*tree, p, stored->org_id));
  User next = *stored;
  NQ_RETURN_IF_ERROR(ApplyInput(in, &next));
  if (next.org_id != stored->org_id) NQ_RETURN_IF_ERROR(CheckUserOrg(*tree, p, next.org_id));
  if (next.username != stored->username) {
    NQ_ASSIGN_OR_RETURN(std::optional<User> other, tx->FindUser(next.username));
    if (other.has_value()) return UsernameTaken(next.username);
  }
  if (hash.has_value()) next.password_hash = std::move(*hash);

  const bool disabling = next.disabled && !stored->disabled;
  const bool new_password = in.password.has_value();
  const char* action = disabling ? "disable" : new_password ? "set_password" : "update";
  NQ_RETURN_IF_ERROR(tx->UpdateUser(next, action));
  if (disabling || new_password) NQ_RETURN_IF_ERROR(tx->DeleteUserSessions(id));
  NQ_RETURN_IF_ERROR(tx->Commit());
  auth_->ForgetUser(id);
  return View(next);
}

Status UserService::ChangeOwnPassword(const Principal& p, const std::string& current,
                                      const std::string& next, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckPasswordPolicy(next));
  std::string stored_hash;
  {
    NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a, store::TxMode::kRead));
    NQ_ASSIGN_OR_RETURN(User u, LoadUser(*tx, p.user_id));
    stored_hash = u.password_hash;
  }
  if (!VerifyPassword(stored_hash, current)) {
    return Status::Invalid("user.wrong_password", "Mật khẩu hiện tại không đúng");
  }
  UserInput in;
  in.password = next;
  return UpdateImpl(nullptr, p.user_id, in, a).status();
}

Result<int64_t> UserService::IdOf(const std::string& username) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(SystemActor(), store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::optional<User> u, tx->FindUser(NormalizeUsername(username)));
  if (!u.has_value()) return UserNotFound();
  return u->id;
}

Result<UserView> UserService::CreateAsSystem(const UserInput& in) {
  return CreateImpl(nullptr, in, SystemActor());
}

Result<UserView> UserService::SetPasswordAsSystem(const std::string& username,
                                                  const std::string& pw) {
  NQ_ASSIGN_OR_RETURN(int64_t id, IdOf(username));
  UserInput in;
  in.password = pw;
  return UpdateImpl(nullptr, id, in, SystemActor());
}

Result<UserView> UserService::DisableAsSystem(const std::string& username) {
  NQ_ASSIGN_OR_RETURN(int64_t id, IdOf(username));
  UserInput in;
  in.disabled = true;
  return UpdateImpl(nullptr, id, in, SystemActor());
}

Result<std::vector<UserView>> UserService::ListAsSystem() const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(SystemActor(), store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<User> users, tx->ListUsers());
  std::vector<UserView> out;
  for (const User& u : users) out.push_back(View(u));
  std::sort(out.begin(), out.end(),
            [](const UserView& a, const UserView& b) { return a.username < b.username; });
  return out;
}

}  // namespace nq
