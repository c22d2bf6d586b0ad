// The only translation unit that includes spdlog (STYLE.md rule 4).
#include "common/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace nq::log {
namespace {

// One process-wide logger writing to stderr. The _mt sink serialises writers, so every
// function below may be called from any thread.
spdlog::logger& Logger() {
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto l = std::make_shared<spdlog::logger>(
        "nqtrack", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    l->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    l->set_level(spdlog::level::info);
    l->flush_on(spdlog::level::warn);
    return l;
  }();
  return *logger;
}

spdlog::level::level_enum ToSpd(Level level) {
  switch (level) {
    case Level::kDebug: return spdlog::level::debug;
    case Level::kInfo: return spdlog::level::info;
    case Level::kWarn: return spdlog::level::warn;
    case Level::kError: return spdlog::level::err;
    case Level::kOff: return spdlog::level::off;
  }
  return spdlog::level::info;
}

void Write(spdlog::level::level_enum level, std::string_view msg) {
  // Passed as a plain string, not a format string: braces in messages are printed as they are.
  Logger().log(level, spdlog::string_view_t(msg.data(), msg.size()));
}

}  // namespace

void SetLevel(Level level) { Logger().set_level(ToSpd(level)); }

bool ParseLevel(std::string_view name, Level* out) {
  struct Entry {
    std::string_view name;
    Level level;
  };
  static constexpr Entry kLevels[] = {{"debug", Level::kDebug},
                                      {"info", Level::kInfo},
                                      {"warn", Level::kWarn},
                                      {"error", Level::kError},
                                      {"off", Level::kOff}};
  for (const Entry& e : kLevels) {
    if (e.name == name) {
      *out = e.level;
      return true;
    }
  }
  return false;
}

void Debug(std::string_view msg) { Write(spdlog::level::debug, msg); }
void Info(std::string_view msg) { Write(spdlog::level::info, msg); }
void Warn(std::string_view msg) { Write(spdlog::level::warn, msg); }
void Error(std::string_view msg) { Write(spdlog::level::err, msg); }

}  // namespace nq::log
