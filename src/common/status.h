// Status and Result<T>: expected failures as values (STYLE.md rule 8).
//
// A Status is either OK or an error with
//   - a Code: the kind of failure, which the web layer maps to an HTTP status and the CLI to an
//     exit code;
//   - a machine-readable key (e.g. "org.code_taken") that API clients can switch on;
//   - a human message in Vietnamese, fit to show to a user as it is.
// Result<T> holds either a T or a non-OK Status. Both are cheap to move, copyable, and carry no
// exceptions: callers must look at ok() before value(). Calling value() on an error aborts
// (a programming error, not an expected failure).
//
// Thread-safety: plain values; distinct objects may be used from distinct threads.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace nq {

enum class Code {
  kOk = 0,
  kInvalid,       // bad input: malformed, out of range, unknown field (HTTP 400)
  kUnauthorized,  // not signed in, bad credentials (401)
  kForbidden,     // signed in but outside scope or role (403)
  kNotFound,      // no such entity (404)
  kConflict,      // duplicate code, cycle, stale state (409)
  kTooLarge,      // body or file over the limit (413)
  kThrottled,     // too many attempts (429)
  kInternal,      // a bug or an I/O failure (500)
  kUnavailable,   // database down, shutting down (503)
};

// Name of a code as used in API error bodies ("invalid", "forbidden", ...).
const char* CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string key, std::string message)
      : code_(code), key_(std::move(key)), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status Invalid(std::string key, std::string msg) {
    return {Code::kInvalid, std::move(key), std::move(msg)};
  }
  static Status Unauthorized(std::string key, std::string msg) {
    return {Code::kUnauthorized, std::move(key), std::move(msg)};
  }
  static Status Forbidden(std::string key, std::string msg) {
    return {Code::kForbidden, std::move(key), std::move(msg)};
  }
  static Status NotFound(std::string key, std::string msg) {
    return {Code::kNotFound, std::move(key), std::move(msg)};
  }
  static Status Conflict(std::string key, std::string msg) {
    return {Code::kConflict, std::move(key), std::move(msg)};
  }
  static Status TooLarge(std::string key, std::string msg) {
    return {Code::kTooLarge, std::move(key), std::move(msg)};
  }
  static Status Throttled(std::string key, std::string msg) {
    return {Code::kThrottled, std::move(key), std::move(msg)};
  }
  static Status Internal(std::string key, std::string msg) {
    return {Code::kInternal, std::move(key), std::move(msg)};
  }
  static Status Unavailable(std::string key, std::string msg) {
    return {Code::kUnavailable, std::move(key), std::move(msg)};
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // Machine key such as "org.code_taken"; empty when ok().
  const std::string& key() const { return key_; }
  // Vietnamese, human-readable; empty when ok().
  const std::string& message() const { return message_; }
  // "invalid/org.code_taken: Mã ... đã tồn tại" — for logs and CLI output.
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string key_;
  std::string message_;
};

// The problems of an input, one a line, so that a person can fix them all at once: OK when
// `lines` is empty, else Invalid `key` whose message is `title`, then the first kMaxListedLines
// lines, each on its own line, then "… và N lỗi khác" for the N left out.
inline constexpr size_t kMaxListedLines = 50;
Status InvalidWithLines(std::string key, const std::string& title,
                        const std::vector<std::string>& lines);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(v_).ok()) std::abort();   // an error Result needs an error
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // The error; OK status when ok().
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

  T& value() & { return Get(); }
  const T& value() const& { return const_cast<Result*>(this)->Get(); }
  T&& value() && { return std::move(Get()); }
  T* operator->() { return &Get(); }
  const T* operator->() const { return &const_cast<Result*>(this)->Get(); }
  T& operator*() & { return Get(); }
  const T& operator*() const& { return const_cast<Result*>(this)->Get(); }

 private:
  T& Get() {
    if (!ok()) std::abort();  // value() on an error is a programming error
    return std::get<T>(v_);
  }
  std::variant<T, Status> v_;
};

}  // namespace nq

// Propagates a non-OK Status from an expression returning Status.
#define NQ_RETURN_IF_ERROR(expr)          \
  do {                                    \
    ::nq::Status nq_status_ = (expr);     \
    if (!nq_status_.ok()) return nq_status_; \
  } while (0)

#define NQ_CONCAT_INNER_(a, b) a##b
#define NQ_CONCAT_(a, b) NQ_CONCAT_INNER_(a, b)
// NQ_ASSIGN_OR_RETURN(auto x, Fn()) — binds the value or returns the error.
#define NQ_ASSIGN_OR_RETURN(lhs, expr) \
  NQ_ASSIGN_OR_RETURN_IMPL_(NQ_CONCAT_(nq_result_, __LINE__), lhs, expr)
// tmp and lhs are declarations ("auto x"), so they cannot be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define NQ_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
