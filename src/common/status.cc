#include "common/status.h"

namespace nq {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalid: return "invalid";
    case Code::kUnauthorized: return "unauthorized";
    case Code::kForbidden: return "forbidden";
    case Code::kNotFound: return "not_found";
    case Code::kConflict: return "conflict";
    case Code::kTooLarge: return "too_large";
    case Code::kThrottled: return "throttled";
    case Code::kInternal: return "internal";
    case Code::kUnavailable: return "unavailable";
  }
  return "unknown";
}

Status InvalidWithLines(std::string key, const std::string& title,
                        const std::vector<std::string>& lines) {
  if (lines.empty()) return Status::Ok();
  std::string message = title;
  for (size_t i = 0; i < lines.size() && i < kMaxListedLines; ++i) message += "\n" + lines[i];
  if (lines.size() > kMaxListedLines) {
    message += "\n… và " + std::to_string(lines.size() - kMaxListedLines) + " lỗi khác";
  }
  return Status::Invalid(std::move(key), std::move(message));
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = CodeName(code_);
  if (!key_.empty()) {
    out += '/';
    out += key_;
  }
  if (!message_.empty()) {
    out += ": ";
    out += message_;
  }
  return out;
}

}  // namespace nq
