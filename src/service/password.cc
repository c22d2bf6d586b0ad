#include "service/password.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMinPasswordChars = 8;
constexpr size_t kMaxPasswordBytes = 256;

std::atomic<bool> g_cheap_hashing{false};

// sodium_init() fails only when the system cannot provide randomness; nothing in the program can
// run safely without it, so that is fatal rather than an expected failure.
void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();
  });
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  EnsureSodium();
  const bool cheap = g_cheap_hashing.load(std::memory_order_relaxed);
  const unsigned long long ops =
      cheap ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const size_t mem = cheap ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("auth.hash_failed", "Không tạo được mã băm mật khẩu (thiếu bộ nhớ)");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  EnsureSodium();
  // crypto_pwhash_str_verify reads a NUL-terminated string of at most STRBYTES bytes.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status CheckPasswordPolicy(const std::string& password) {
  if (!IsValidUtf8(password)) {
    return Status::Invalid("user.weak_password", "Mật khẩu chứa ký tự không hợp lệ");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Status::Invalid("user.weak_password", "Mật khẩu quá dài (tối đa 256 byte)");
  }
  if (CodePointCount(password) < kMinPasswordChars) {
    return Status::Invalid("user.weak_password", "Mật khẩu phải có ít nhất 8 ký tự");
  }
  if (std::all_of(password.begin(), password.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::Invalid("user.weak_password", "Mật khẩu không được chỉ gồm chữ số");
  }
  return Status::Ok();
}

std::string RandomHex(size_t n_bytes) {
  EnsureSodium();
  std::vector<unsigned char> bytes(n_bytes);
  randombytes_buf(bytes.data(), bytes.size());
  std::string hex(n_bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

std::string Sha256Hex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  EnsureSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

void SetCheapPasswordHashingForTests(bool cheap) {
  g_cheap_hashing.store(cheap, std::memory_order_relaxed);
}

}  // namespace nq
