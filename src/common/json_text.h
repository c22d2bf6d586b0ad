// A small writer for flat JSON objects, used where a layer below web/ must produce JSON text
// without a JSON library (audit snapshots). Keys keep insertion order. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nq {

// Quotes and escapes s as a JSON string literal (s must be valid UTF-8).
std::string JsonQuote(std::string_view s);

class JsonObjectText {
 public:
  JsonObjectText& Add(std::string_view key, std::string_view value);
  JsonObjectText& Add(std::string_view key, const char* value) {
    return Add(key, std::string_view(value));
  }
  JsonObjectText& Add(std::string_view key, int64_t value);
  JsonObjectText& Add(std::string_view key, bool value);
  JsonObjectText& AddNull(std::string_view key);
  JsonObjectText& Add(std::string_view key, const std::optional<int64_t>& value);
  // "{...}"
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_;
};

}  // namespace nq
