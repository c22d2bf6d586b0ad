// Sign-in, sessions, CSRF tokens and throttling (DESIGN.md "Reliability and security").
//
// Passwords are hashed with Argon2id (libsodium crypto_pwhash_str, interactive limits).
// A session is a random 256-bit token given to the browser in an HttpOnly cookie; the database
// keeps only its SHA-256 (store::Session), so a leaked database does not leak live sessions.
// Each session has its own CSRF token, which every state-changing request must echo.
// Throttling: after kMaxFailures failed sign-ins within kWindowSeconds for one account or one
// client address, further attempts are refused with Throttled until the window passes.
//
// Thread-safety: all methods are thread-safe. libsodium is confined to auth_service.cc and
// password.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "domain/user.h"
#include "store/database.h"

namespace nq {

// Argon2id hash of a password ("$argon2id$v=19$..."). Internal on libsodium failure.
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// Password policy: at least 8 characters, not all digits. Invalid with a Vietnamese message.
Status CheckPasswordPolicy(const std::string& password);
// Random bytes as lowercase hex (2*n characters), from a CSPRNG.
std::string RandomHex(size_t n_bytes);

struct SignedIn {
  std::string token;       // the cookie value (only ever held by the client)
  std::string csrf_token;
  Principal principal;
  int64_t expires_at = 0;
};

class AuthService {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int64_t kWindowSeconds = 15 * 60;
  static constexpr int64_t kSessionSeconds = 12 * 3600;

  explicit AuthService(store::Database* db);

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

 private:
  struct Cache;
  store::Database* db_;
  std::shared_ptr<Cache> cache_;
};

}  // namespace nq
