// A small writer for JSON objects and arrays, used where a layer below web/ must produce JSON
// text without a JSON library (audit snapshots). Keys keep insertion order. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"

namespace nq {

// Quotes and escapes s as a JSON string literal: ", \ and control characters are escaped
// (\n, \t, ... or \u00XX); U+2028 and U+2029 are escaped too, so the text is safe inside a
// <script>. s should be valid UTF-8; each invalid byte becomes U+FFFD, so the output always is.
std::string JsonQuote(std::string_view s);

// Builds one flat object: JsonObjectText().Add("code", "DUK").Add("members", 12).str()
// -> {"code":"DUK","members":12}. Keys are escaped like values; repeated keys are not checked.
class JsonObjectText {
 public:
  JsonObjectText& Add(std::string_view key, std::string_view value);
  JsonObjectText& Add(std::string_view key, const char* value) {
    return Add(key, std::string_view(value));
  }
  JsonObjectText& Add(std::string_view key, int64_t value);
  JsonObjectText& Add(std::string_view key, bool value);
  JsonObjectText& AddNull(std::string_view key);
  JsonObjectText& Add(std::string_view key, int value) { return Add(key, int64_t{value}); }
  // Shortest form that reads back as the same double; null for NaN and infinities.
  JsonObjectText& Add(std::string_view key, double value);
  // null when the optional is empty.
  JsonObjectText& Add(std::string_view key, const std::optional<int64_t>& value);
  JsonObjectText& Add(std::string_view key, const std::optional<double>& value);
  // The date as ISO text ("2023-05-17"); null when the optional is empty.
  JsonObjectText& Add(std::string_view key, const std::optional<Date>& value);
  // `json` written as it is: JSON text made elsewhere (a nested object or array). Not checked.
  JsonObjectText& AddRaw(std::string_view key, std::string_view json);
  // "{...}"
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_;
};

// Builds one array from a range: each element is the JSON text item_json(item) returns, written
// as it is. JsonArray(std::vector<int64_t>{4, 9}, [](int64_t id) { return std::to_string(id); })
// -> [4,9]; an empty range -> [].
template <typename Range, typename ItemJson>
std::string JsonArray(const Range& items, ItemJson item_json) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out.push_back(',');
    out += item_json(item);
  }
  out.push_back(']');
  return out;
}

}  // namespace nq
