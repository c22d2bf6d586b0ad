// SociTx: users, sessions and failed sign-in attempts.
#include <soci/soci.h>

#include <string>

#include "store/audit_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

// Failed sign-ins older than this are dropped when a new one is recorded.
constexpr long long kLoginFailureMemorySeconds = 24LL * 3600;

constexpr char kUserSelect[] =
    "SELECT id, username, full_name, role, org_id, board, disabled, password_hash, created_at "
    "FROM users ";

struct UserRow {
  long long id = 0;
  std::string username, full_name, role;
  long long org_id = 0;
  std::string board;
  int disabled = 0;
  std::string password_hash;
  long long created_at = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(username));
    st.exchange(soci::into(full_name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(org_id));
    st.exchange(soci::into(board));
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(password_hash));
    st.exchange(soci::into(created_at));
  }

  Result<User> ToUser() const {
    std::optional<Role> r = ParseRole(role);
    std::optional<Board> b = ParseBoard(board);
    if (!r || !b) return Corrupt("users", id);
    User u;
    u.id = id;
    u.username = username;
    u.full_name = full_name;
    u.role = *r;
    u.org_id = org_id;
    u.board = *b;
    u.disabled = disabled != 0;
    u.password_hash = password_hash;
    u.created_at = created_at;
    return u;
  }
};

WriteErrors UserErrors(const User& u) {
  return {Status::Conflict("user.taken", "Tên đăng nhập '" + u.username + "' đã có người dùng"),
          Status::Invalid("user.org_unknown", "Tổ chức của người dùng (mã số " +
                                                  std::to_string(u.org_id) + ") không tồn tại")};
}

}  // namespace

// --- users ---------------------------------------------------------------------------------------

Result<std::vector<User>> SociTx::ListUsers() {
  std::vector<User> out;
  Status st = Read("ListUsers", [&] {
    return QueryRows<UserRow, long long>(sql_, std::string(kUserSelect) + "ORDER BY username",
                                         nullptr, &UserRow::ToUser,
                                         [&](User u) { out.push_back(std::move(u)); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<User> SociTx::GetUser(int64_t id) {
  std::optional<User> out;
  Status st = Read("GetUser", [&] {
    long long key = id;
    return QueryRows<UserRow>(sql_, std::string(kUserSelect) + "WHERE id = :id", &key,
                              &UserRow::ToUser, [&](User u) { out = std::move(u); });
  });
  if (!st.ok()) return st;
  if (!out) {
    return Status::NotFound("user.not_found",
                            "Không tìm thấy người dùng (mã số " + std::to_string(id) + ")");
  }
  return std::move(*out);
}

Result<std::optional<User>> SociTx::FindUser(const std::string& username) {
  std::optional<User> out;
  Status st = Read("FindUser", [&] {
    std::string key = username;
    return QueryRows<UserRow>(sql_, std::string(kUserSelect) + "WHERE username = :u", &key,
                              &UserRow::ToUser, [&](User u) { out = std::move(u); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> SociTx::InsertUser(const User& user) {
  int64_t new_id = 0;
  Status st = Mutate("InsertUser", UserErrors(user), [&] {
    std::string role = RoleCode(user.role);
    int disabled = user.disabled ? 1 : 0;
    long long org_id = user.org_id;
    long long created_at = user.created_at;
    long long id = 0;
    std::string board = BoardCode(user.board);
    sql_ << "INSERT INTO users (username, full_name, role, org_id, board, disabled, "
            "password_hash, created_at) VALUES (:u, :f, :r, :o, :b, :d, :p, :c) RETURNING id",
        soci::use(user.username), soci::use(user.full_name), soci::use(role), soci::use(org_id),
        soci::use(board), soci::use(disabled), soci::use(user.password_hash), soci::use(created_at), soci::into(id);
    new_id = id;
    User stored = user;
    stored.id = new_id;
    InsertAudit("user", std::to_string(new_id), "create", "", UserJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateUser(const User& user, const std::string& action) {
  return Mutate("UpdateUser", UserErrors(user), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(User old, GetUser(user.id));
    std::string role = RoleCode(user.role);
    int disabled = user.disabled ? 1 : 0;
    long long org_id = user.org_id;
    long long created_at = user.created_at;
    long long id = user.id;
    std::string board = BoardCode(user.board);
    sql_ << "UPDATE users SET username = :u, full_name = :f, role = :r, org_id = :o, board = :b, "
            "disabled = :d, password_hash = :p, created_at = :c WHERE id = :id",
        soci::use(user.username), soci::use(user.full_name), soci::use(role), soci::use(org_id),
        soci::use(board), soci::use(disabled), soci::use(user.password_hash), soci::use(created_at), soci::use(id);
    InsertAudit("user", std::to_string(user.id), action, UserJson(old),
                UserJson(user, old.password_hash != user.password_hash));
    return Status::Ok();
  });
}

// --- sessions
// --------------------------------------------------------------------------------------

Status SociTx::InsertSession(const Session& s) {
  WriteErrors errors{
      Status::Conflict("session.exists", "Phiên đăng nhập đã tồn tại"),
      Status::Invalid("session.user_unknown", "Người dùng của phiên đăng nhập không tồn tại")};
  return Mutate("InsertSession", errors, [&] {
    long long user_id = s.user_id;
    long long created_at = s.created_at;
    long long expires_at = s.expires_at;
    sql_ << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, "
            "address, user_agent) VALUES (:t, :u, :c, :ca, :ea, :a, :ua)",
        soci::use(s.token_hash), soci::use(user_id), soci::use(s.csrf_token), soci::use(created_at),
        soci::use(expires_at), soci::use(s.address), soci::use(s.user_agent);
    return Status::Ok();
  });
}

Result<std::optional<Session>> SociTx::FindSession(const std::string& token_hash) {
  std::optional<Session> out;
  Status st = Read("FindSession", [&] {
    Session s;
    long long user_id = 0;
    long long created_at = 0;
    long long expires_at = 0;
    sql_ << "SELECT token_hash, user_id, csrf_token, created_at, expires_at, address, user_agent "
            "FROM sessions WHERE token_hash = :t",
        soci::use(token_hash), soci::into(s.token_hash), soci::into(user_id),
        soci::into(s.csrf_token), soci::into(created_at), soci::into(expires_at),
        soci::into(s.address), soci::into(s.user_agent);
    if (sql_.got_data()) {
      s.user_id = user_id;
      s.created_at = created_at;
      s.expires_at = expires_at;
      out = std::move(s);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SociTx::DeleteSession(const std::string& token_hash) {
  return Mutate("DeleteSession", {}, [&] {
    sql_ << "DELETE FROM sessions WHERE token_hash = :t", soci::use(token_hash);
    return Status::Ok();
  });
}

Status SociTx::DeleteUserSessions(int64_t user_id) {
  return Mutate("DeleteUserSessions", {}, [&] {
    long long id = user_id;
    sql_ << "DELETE FROM sessions WHERE user_id = :u", soci::use(id);
    return Status::Ok();
  });
}

Status SociTx::DeleteExpiredSessions(int64_t now) {
  return Mutate("DeleteExpiredSessions", {}, [&] {
    long long t = now;
    sql_ << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(t);
    return Status::Ok();
  });
}

// --- failed sign-in attempts
// -------------------------------------------------------------------------

Status SociTx::RecordLoginFailure(const std::string& key, int64_t at) {
  return Mutate("RecordLoginFailure", {}, [&] {
    long long t = at;
    long long forget_before = at - kLoginFailureMemorySeconds;
    sql_ << "DELETE FROM login_failures WHERE at < :before", soci::use(forget_before);
    sql_ << "INSERT INTO login_failures (key, at) VALUES (:k, :at)", soci::use(key), soci::use(t);
    return Status::Ok();
  });
}

Result<int> SociTx::CountLoginFailures(const std::string& key, int64_t since) {
  int count = 0;
  Status st = Read("CountLoginFailures", [&] {
    long long t = since;
    sql_ << "SELECT COUNT(*) FROM login_failures WHERE key = :k AND at >= :since", soci::use(key),
        soci::use(t), soci::into(count);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return count;
}

Status SociTx::ClearLoginFailures(const std::string& key) {
  return Mutate("ClearLoginFailures", {}, [&] {
    sql_ << "DELETE FROM login_failures WHERE key = :k", soci::use(key);
    return Status::Ok();
  });
}

}  // namespace nq::store
