// Logging: a thin front over spdlog so that spdlog stays in common/log.cc.
// Thread-safe. Messages go to stderr with a timestamp and level.
#pragma once

#include <string_view>

namespace nq::log {

enum class Level { kDebug, kInfo, kWarn, kError, kOff };

void SetLevel(Level level);
// Parses "debug", "info", "warn", "error", "off"; returns false for anything else.
bool ParseLevel(std::string_view name, Level* out);
void Debug(std::string_view msg);
void Info(std::string_view msg);
void Warn(std::string_view msg);
void Error(std::string_view msg);

}  // namespace nq::log
