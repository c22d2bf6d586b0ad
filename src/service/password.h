// Passwords and secrets: Argon2id hashing, the password policy, random tokens and token digests.
//
// Hashes are libsodium crypto_pwhash_str strings ("$argon2id$v=19$m=...,t=...,p=1$...") made with
// the interactive limits (about 64 MiB and 50-100 ms per hash on a server core). Each hash string
// carries its own parameters, so a hash made at any cost verifies at any other setting.
// libsodium is initialized once, on first use, by every function here (sodium_init is
// idempotent and thread-safe behind a std::call_once).
//
// Thread-safety: all functions are thread-safe. libsodium is confined to password.cc and
// auth_service.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace nq {

// Argon2id hash of a password ("$argon2id$v=19$..."). Internal "auth.hash_failed" when libsodium
// cannot allocate the memory the hash needs.
Result<std::string> HashPassword(const std::string& password);
// True when `password` matches `hash`; false for a wrong password or a malformed hash.
bool VerifyPassword(const std::string& hash, const std::string& password);

// Password policy: at least 8 characters (code points), at most 256 bytes, valid UTF-8, not all
// digits. Invalid "user.weak_password" with a Vietnamese message saying which rule failed.
Status CheckPasswordPolicy(const std::string& password);

// Random bytes as lowercase hex (2*n characters), from libsodium's CSPRNG.
std::string RandomHex(size_t n_bytes);

// Lowercase hex SHA-256 of `data` (64 characters): how a session token is stored.
std::string Sha256Hex(std::string_view data);

// Constant-time equality of two strings (different lengths compare unequal at once: lengths of
// tokens are not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// For unit tests only: when `cheap` is true, new hashes use libsodium's minimum Argon2id limits
// (one pass, 8 KiB) so that a test suite with dozens of sign-ins stays fast, also under ASan.
// Never called by the program itself. Affects hashes made afterwards, in every thread.
void SetCheapPasswordHashingForTests(bool cheap);

}  // namespace nq
