#include "service/auth_service.h"

#include <array>
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/json_text.h"
#include "common/time.h"
#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kTokenBytes = 32;          // 256-bit session tokens and CSRF tokens
constexpr size_t kMaxUsernameBytes = 64;    // longest valid username (domain/user.h)
constexpr size_t kMaxClientFieldBytes = 255;  // address and user agent as stored

constexpr char kBadCredentials[] = "Tên đăng nhập hoặc mật khẩu không đúng";
constexpr char kThrottled[] = "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.";
constexpr char kNoSession[] = "Phiên đăng nhập không tồn tại hoặc đã hết hạn. Vui lòng đăng nhập lại.";

Status BadCredentials() { return Status::Unauthorized("auth.bad_credentials", kBadCredentials); }
Status NoSession() { return Status::Unauthorized("auth.no_session", kNoSession); }

// Client-supplied text goes into the database, where PostgreSQL refuses invalid UTF-8: keep a
// valid prefix of at most kMaxClientFieldBytes bytes.
std::string ClientField(std::string_view s) {
  if (s.size() > kMaxClientFieldBytes) s = s.substr(0, kMaxClientFieldBytes);
  while (!s.empty() && !IsValidUtf8(s)) s.remove_suffix(1);
  return std::string(s);
}

bool IsTokenShaped(std::string_view token) {
  if (token.size() != kTokenBytes * 2) return false;
  for (char c : token) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// A hash of a random password, verified against when the username is unknown so that the
// answer takes as long as for a known user (no account enumeration by timing). Made once, at the
// cost setting in force on first use.
const std::string& DummyHash() {
  static std::mutex mu;
  static std::string hash;
  std::lock_guard<std::mutex> lock(mu);
  if (hash.empty()) {
    Result<std::string> h = HashPassword(RandomHex(16));
    if (h.ok()) hash = std::move(h).value();
  }
  return hash;
}

}  // namespace

// Sharded map so that concurrent requests of different sessions rarely share a mutex.
struct AuthService::Cache {
  static constexpr size_t kShards = 64;
  static constexpr size_t kMaxEntriesPerShard = 4096;

  struct Entry {
    SignedIn signed_in;
    int64_t fetched_at = 0;
  };
  struct alignas(64) Shard {
    std::mutex mu;
    std::unordered_map<std::string, Entry> map;  // guarded by mu; key: token digest
  };

  Shard& For(const std::string& token_hash) {
    return shards[std::hash<std::string>{}(token_hash) % kShards];
  }

  std::array<Shard, kShards> shards;
  // Bumped by every invalidation after its database change commits. Authenticate caches a
  // session it loaded only if no invalidation happened since it started loading, so a read
  // racing with a logout can never put the ended session back into the cache.
  std::atomic<uint64_t> epoch{0};
};

AuthService::AuthService(store::Database* db) : AuthService(db, [] { return NowUnix(); }) {}

AuthService::AuthService(store::Database* db, Clock clock)
    : db_(db), clock_(std::move(clock)), cache_(std::make_shared<Cache>()) {}

Result<SignedIn> AuthService::Login(const std::string& username, const std::string& password,
                                    const std::string& address, const std::string& user_agent) {
  const std::string name = NormalizeUsername(username);
  const bool name_ok = !name.empty() && name.size() <= kMaxUsernameBytes && IsValidUtf8(name);
  const std::string addr = ClientField(address);
  const std::string user_key = "user:" + name;
  const std::string addr_key = "addr:" + addr;
  const int64_t now = clock_();

  store::Actor actor;
  actor.username = name_ok ? name : std::string("?");
  actor.address = addr;

  // 1. Throttling and the user row, in a short read that ends before Argon2 runs.
  std::optional<User> user;
  {
    NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor, store::TxMode::kRead));
    std::vector<std::pair<std::string, int>> limits = {{addr_key, kMaxAddressFailures}};
    if (name_ok) limits.emplace_back(user_key, kMaxFailures);
    for (const auto& [key, limit] : limits) {
      NQ_ASSIGN_OR_RETURN(int failures, tx->CountLoginFailures(key, now - kWindowSeconds));
      if (failures >= limit) return Status::Throttled("auth.throttled", kThrottled);
    }
    if (name_ok) {
      NQ_ASSIGN_OR_RETURN(user, tx->FindUser(name));
    }
  }

  // 2. The slow part, holding nothing.
  bool verified = false;
  if (user.has_value()) {
    verified = VerifyPassword(user->password_hash, password);
  } else {
    VerifyPassword(DummyHash(), password);  // same cost as for a known user; always a failure
  }

  if (!verified || user->disabled) {
    NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor));
    NQ_RETURN_IF_ERROR(tx->RecordLoginFailure(addr_key, now));
    if (name_ok) NQ_RETURN_IF_ERROR(tx->RecordLoginFailure(user_key, now));
    NQ_RETURN_IF_ERROR(tx->Commit());
    return BadCredentials();
  }

  // 3. Success: a new session.
  SignedIn s;
  s.token = RandomHex(kTokenBytes);
  s.csrf_token = RandomHex(kTokenBytes);
  s.principal = Principal{user->id, user->username, user->full_name, user->role, user->org_id, user->board};
  s.expires_at = now + kSessionSeconds;

  store::Session row;
  row.token_hash = Sha256Hex(s.token);
  row.user_id = user->id;
  row.csrf_token = s.csrf_token;
  row.created_at = now;
  row.expires_at = s.expires_at;
  row.address = addr;
  row.user_agent = ClientField(user_agent);

  actor.user_id = user->id;
  actor.username = user->username;
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor));
  NQ_RETURN_IF_ERROR(tx->ClearLoginFailures(user_key));
  NQ_RETURN_IF_ERROR(tx->DeleteExpiredSessions(now));
  NQ_RETURN_IF_ERROR(tx->InsertSession(row));
  NQ_RETURN_IF_ERROR(tx->Audit("session", std::to_string(user->id), "login", "",
                               JsonObjectText()
                                   .Add("address", row.address)
                                   .Add("user_agent", row.user_agent)
                                   .str()));
  NQ_RETURN_IF_ERROR(tx->Commit());

  Cache::Shard& shard = cache_->For(row.token_hash);
  {
    std::lock_guard<std::mutex> lock(shard.mu);
    shard.map[row.token_hash] = Cache::Entry{s, now};
  }
  return s;
}

Result<SignedIn> AuthService::Authenticate(const std::string& token) {
  if (!IsTokenShaped(token)) return NoSession();
  const std::string token_hash = Sha256Hex(token);
  const int64_t now = clock_();
  Cache::Shard& shard = cache_->For(token_hash);
  {
    std::lock_guard<std::mutex> lock(shard.mu);
    auto it = shard.map.find(token_hash);
    if (it != shard.map.end()) {
      const Cache::Entry& e = it->second;
      const bool fresh = now >= e.fetched_at && now - e.fetched_at < kCacheSeconds;
      if (fresh && e.signed_in.expires_at > now) return e.signed_in;
      shard.map.erase(it);
    }
  }

  const uint64_t epoch = cache_->epoch.load();
  NQ_ASSIGN_OR_RETURN(SignedIn s, LoadSession(token, token_hash));
  {
    std::lock_guard<std::mutex> lock(shard.mu);
    if (cache_->epoch.load() != epoch) return s;  // valid when read; too old to cache
    if (shard.map.size() >= Cache::kMaxEntriesPerShard) {
      std::erase_if(shard.map, [now](const auto& kv) {
        return now < kv.second.fetched_at || now - kv.second.fetched_at >= kCacheSeconds;
      });
      if (shard.map.size() >= Cache::kMaxEntriesPerShard) shard.map.clear();
    }
    shard.map[token_hash] = Cache::Entry{s, now};
  }
  return s;
}

Result<SignedIn> AuthService::LoadSession(const std::string& token,
                                          const std::string& token_hash) {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::optional<store::Session> row, tx->FindSession(token_hash));
  if (!row.has_value() || row->expires_at <= clock_()) return NoSession();
  Result<User> user = tx->GetUser(row->user_id);
  if (!user.ok()) {
    if (user.status().code() == Code::kNotFound) return NoSession();
    return user.status();
  }
  if (user->disabled) return NoSession();
  SignedIn s;
  s.token = token;
  s.csrf_token = row->csrf_token;
  s.principal = Principal{user->id, user->username, user->full_name, user->role, user->org_id, user->board};
  s.expires_at = row->expires_at;
  return s;
}

bool AuthService::CheckCsrf(const SignedIn& s, const std::string& csrf) {
  return !s.csrf_token.empty() && ConstantTimeEquals(s.csrf_token, csrf);
}

Status AuthService::Logout(const std::string& token, const store::Actor& actor) {
  if (!IsTokenShaped(token)) return Status::Ok();  // nothing could match: already signed out
  const std::string token_hash = Sha256Hex(token);
  {
    Cache::Shard& shard = cache_->For(token_hash);
    std::lock_guard<std::mutex> lock(shard.mu);
    shard.map.erase(token_hash);
  }
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor));
  NQ_ASSIGN_OR_RETURN(std::optional<store::Session> row, tx->FindSession(token_hash));
  if (!row.has_value()) return Status::Ok();
  NQ_RETURN_IF_ERROR(tx->DeleteSession(token_hash));
  NQ_RETURN_IF_ERROR(tx->Audit("session", std::to_string(row->user_id), "logout", "", ""));
  NQ_RETURN_IF_ERROR(tx->Commit());
  cache_->epoch.fetch_add(1);
  Cache::Shard& shard = cache_->For(token_hash);
  std::lock_guard<std::mutex> lock(shard.mu);
  shard.map.erase(token_hash);
  return Status::Ok();
}

Status AuthService::LogoutEverywhere(int64_t user_id, const store::Actor& actor) {
  ForgetUser(user_id);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor));
  NQ_RETURN_IF_ERROR(tx->DeleteUserSessions(user_id));
  NQ_RETURN_IF_ERROR(
      tx->Audit("session", std::to_string(user_id), "logout_everywhere", "", ""));
  NQ_RETURN_IF_ERROR(tx->Commit());
  // A request that read the sessions just before the delete may have cached one again; the
  // epoch bump in ForgetUser stops any such read still in flight from caching.
  ForgetUser(user_id);
  return Status::Ok();
}

void AuthService::ForgetUser(int64_t user_id) {
  cache_->epoch.fetch_add(1);
  for (Cache::Shard& shard : cache_->shards) {
    std::lock_guard<std::mutex> lock(shard.mu);
    std::erase_if(shard.map,
                  [user_id](const auto& kv) { return kv.second.signed_in.principal.user_id == user_id; });
  }
}

}  // namespace nq
