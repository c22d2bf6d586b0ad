// JSON at the edge (STYLE.md rule 5): request bodies become native values here, and errors and
// results become JSON text here. nlohmann/json is confined to web/; nothing below web/ sees it.
//
// Requests are read STRICTLY. A body is rejected with Invalid (HTTP 400) and one of these keys:
//   json.invalid_utf8    the body is not well-formed UTF-8
//   json.malformed       not JSON, trailing text, bad escapes or lone surrogates
//   json.not_object      the top level is not an object
//   json.duplicate_key   a name occurs twice in one object
//   json.unknown_field   the object has a field the endpoint does not take
//   json.wrong_type      a field has the wrong type (e.g. "5" for a number, 5.5 for an integer)
//   json.out_of_range    an integer outside the field's bounds
//   json.missing_field   a required field is absent
//   json.bad_date        a date that is not "YYYY-MM-DD" or does not exist
// Every message is Vietnamese and names the field. JSON null counts as a wrong type: a client
// that means "keep the current value" leaves the field out.
//
// Thread-safety: JsonObjectReader is thread-compatible; the free functions are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "web/http.h"

namespace nq::web {

// Ids named in requests and bodies are integers in [1, kMaxId].
inline constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();

// HTTP status for a Status code: invalid 400, unauthorized 401, forbidden 403, not_found 404,
// conflict 409, too_large 413, throttled 429, unavailable 503, internal (and ok) 500.
int HttpStatusFor(Code code);

// {"error":{"code":"<CodeName>","key":"<key>","message":"<Vietnamese>"}} for a non-OK status.
std::string ErrorJson(const Status& status);

// A JSON error response for `status`, with the HTTP status from HttpStatusFor().
HttpResponse JsonError(const Status& status);

// Serializes a JSON value as compact UTF-8 text (non-ASCII characters are kept, not \u-escaped;
// invalid UTF-8 in a string is replaced by U+FFFD rather than throwing).
std::string DumpJson(const nlohmann::ordered_json& value);

// A date as "YYYY-MM-DD", or JSON null when absent.
nlohmann::ordered_json DateOrNull(const std::optional<Date>& d);

// True when the request declares a JSON body: Content-Type "application/json", optionally with
// parameters such as "; charset=utf-8" (case-insensitive).
bool HasJsonContentType(const HttpRequest& request);

// Reads one JSON object field by field. Each getter marks the field as known; Finish() then
// rejects any field no getter asked for. Getters leave *out untouched when the field is absent.
class JsonObjectReader {
 public:
  // Parses `body` as exactly one JSON object (whitespace around it allowed).
  static Result<JsonObjectReader> Parse(std::string_view body);

  JsonObjectReader(JsonObjectReader&&) noexcept;
  JsonObjectReader& operator=(JsonObjectReader&&) noexcept;
  ~JsonObjectReader();

  bool Has(std::string_view key) const;

  // A string (no NUL characters). wrong_type otherwise.
  Status GetString(std::string_view key, std::optional<std::string>* out);
  // The same, stored straight into *out when present.
  Status GetString(std::string_view key, std::string* out);
  // An integer in [min, max]; 5.0 and "5" are wrong types, out_of_range outside the bounds.
  Status GetInt(std::string_view key, int64_t min, int64_t max, std::optional<int64_t>* out);
  Status GetBool(std::string_view key, std::optional<bool>* out);
  // A date "YYYY-MM-DD".
  Status GetDate(std::string_view key, std::optional<Date>* out);
  // A finite number, integer or decimal (wrong_type otherwise).
  Status GetNumber(std::string_view key, std::optional<double>* out);
  // An array of at most `max_items` strings without NUL (wrong_type for anything else,
  // out_of_range when longer).
  Status GetStrings(std::string_view key, size_t max_items,
                    std::optional<std::vector<std::string>>* out);
  // An array of at most `max_items` integers, each in [min, max].
  Status GetInts(std::string_view key, int64_t min, int64_t max, size_t max_items,
                 std::optional<std::vector<int64_t>>* out);
  // An array of at most `max_items` finite numbers, integer or decimal (wrong_type for anything
  // else, out_of_range when longer).
  Status GetNumbers(std::string_view key, size_t max_items,
                    std::optional<std::vector<double>>* out);
  // An array of at most `max_items` objects, each given as a reader of its own with the same
  // strict rules (the caller reads and Finish()es each).
  Status GetObjects(std::string_view key, size_t max_items,
                    std::optional<std::vector<JsonObjectReader>>* out);
  // One nested object, given as a reader of its own (the caller reads and Finish()es it).
  Status GetObject(std::string_view key, std::optional<JsonObjectReader>* out);

  // missing_field unless the field is present (call after the getter, or before: it only looks).
  Status Require(std::string_view key) const;

  // unknown_field for the first field (in name order) that no getter asked for.
  Status Finish() const;

 private:
  explicit JsonObjectReader(std::unique_ptr<nlohmann::json> object);
  const nlohmann::json* Find(std::string_view key);

  std::unique_ptr<nlohmann::json> object_;
  std::set<std::string, std::less<>> known_;
};

// Field-level Invalid statuses with the shared keys and Vietnamese messages above, for parsers
// of query strings and forms that follow the same conventions.
Status WrongType(std::string_view field, std::string_view expected_vi);
Status OutOfRange(std::string_view field, int64_t min, int64_t max);
Status MissingField(std::string_view field);
Status BadDate(std::string_view field);
// json.bad_value: `field` is none of the codes listed in `allowed`.
Status BadValue(std::string_view field, std::string_view allowed);
// `s` with its message prefixed by the enclosing field ("Trong trường "x": ..."), for errors of
// nested objects; OK stays OK.
Status WithinField(std::string_view field, const Status& s);

// Reads a code field through `parse` (std::string → std::optional<T>) into *out: absent leaves
// *out untouched, a code `parse` refuses is BadValue(key, allowed).
template <typename T, typename Parser>
Status GetCode(JsonObjectReader& r, std::string_view key, Parser parse, std::string_view allowed,
               T* out) {
  std::optional<std::string> code;
  if (Status s = r.GetString(key, &code); !s.ok()) return s;
  if (!code) return Status::Ok();
  const std::optional<T> v = parse(*code);
  if (!v) return BadValue(key, allowed);
  *out = *v;
  return Status::Ok();
}

}  // namespace nq::web
