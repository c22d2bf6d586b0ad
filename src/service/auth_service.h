// Sign-in, sessions, CSRF tokens and throttling (DESIGN.md "Reliability and security").
//
// Passwords are hashed with Argon2id (libsodium crypto_pwhash_str, interactive limits).
// A session is a random 256-bit token given to the browser in an HttpOnly cookie; the database
// keeps only its SHA-256 (store::Session), so a leaked database does not leak live sessions.
// Each session has its own CSRF token, which every state-changing request must echo.
// Throttling: after kMaxFailures failed sign-ins within kWindowSeconds for one account, or
// kMaxAddressFailures for one client address (higher, because an office shares one NAT address),
// further attempts are refused with Throttled until the window passes.
//
// Authenticate() is the hot path of every signed-in request: it keeps a sharded in-memory cache
// (token digest -> SignedIn) whose entries live kCacheSeconds, so most requests touch no database.
// Another instance sharing the database sees a logout or a disabled account within that time.
// Argon2 verification (slow on purpose) runs outside every lock and transaction.
//
// Thread-safety: all methods are thread-safe. libsodium is confined to auth_service.cc and
// password.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "domain/user.h"
#include "service/password.h"  // HashPassword, VerifyPassword, CheckPasswordPolicy, RandomHex
#include "store/database.h"

namespace nq {

struct SignedIn {
  std::string token;       // the cookie value (only ever held by the client)
  std::string csrf_token;
  Principal principal;
  int64_t expires_at = 0;
};

class AuthService {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int kMaxAddressFailures = 20;
  static constexpr int64_t kWindowSeconds = 15 * 60;
  static constexpr int64_t kSessionSeconds = 12 * 3600;
  static constexpr int64_t kCacheSeconds = 5;

  // Unix seconds now; tests pass a fake clock to step over windows and expiries.
  using Clock = std::function<int64_t()>;

  // `db` must outlive the service. The clock defaults to nq::NowUnix.
  explicit AuthService(store::Database* db);
  AuthService(store::Database* db, Clock clock);

  // Unauthorized "auth.bad_credentials" for an unknown user, wrong password or disabled account
  // (one message for all three); Throttled "auth.throttled" when the account or address is
  // over the limit (checked before the password, so guessing stops).
  Result<SignedIn> Login(const std::string& username, const std::string& password,
                         const std::string& address, const std::string& user_agent);

  // Resolves a cookie token; Unauthorized "auth.no_session" if absent, expired or the user is
  // disabled. Results are cached in memory for a few seconds; Logout and LogoutEverywhere on this
  // instance drop the cache entries at once.
  Result<SignedIn> Authenticate(const std::string& token);

  // True when `csrf` equals the session's token (constant-time comparison).
  static bool CheckCsrf(const SignedIn& s, const std::string& csrf);

  Status Logout(const std::string& token, const store::Actor& actor);
  // Ends every session of the user (after a password change, or on request).
  Status LogoutEverywhere(int64_t user_id, const store::Actor& actor);

  // Drops this instance's cached sessions of the user without touching the database. For
  // callers that delete the sessions in their own transaction (UserService on a password
  // change or when disabling), or that changed the user's role or organization.
  void ForgetUser(int64_t user_id);

 private:
  struct Cache;
  Result<SignedIn> LoadSession(const std::string& token, const std::string& token_hash);

  store::Database* db_;
  Clock clock_;
  std::shared_ptr<Cache> cache_;
};

}  // namespace nq
