#include "web/json_io.h"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "common/utf8.h"

namespace nq::web {
namespace {

using nlohmann::json;

// Deeper nesting than any request of ours needs; refusing it bounds the parser's work.
constexpr int kMaxDepth = 32;
// Field names from clients are echoed in messages; long ones are cut.
constexpr size_t kMaxEchoedName = 64;

std::string Quoted(std::string_view name) {
  std::string s(name.substr(0, kMaxEchoedName));
  // Cutting may split a UTF-8 sequence at the end: drop its bytes (at most three).
  for (int i = 0; i < 3 && !IsValidUtf8(s); ++i) s.pop_back();
  if (!IsValidUtf8(s)) s = "?";
  return "\"" + s + "\"";
}

Status Malformed() {
  return Status::Invalid("json.malformed", "Nội dung yêu cầu không phải JSON hợp lệ");
}

}  // namespace

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kInvalid:
      return 400;
    case Code::kUnauthorized:
      return 401;
    case Code::kForbidden:
      return 403;
    case Code::kNotFound:
      return 404;
    case Code::kConflict:
      return 409;
    case Code::kTooLarge:
      return 413;
    case Code::kThrottled:
      return 429;
    case Code::kUnavailable:
      return 503;
    case Code::kOk:
    case Code::kInternal:
      return 500;
  }
  return 500;
}

nlohmann::ordered_json DateOrNull(const std::optional<Date>& d) {
  return d ? nlohmann::ordered_json(FormatIso(*d)) : nlohmann::ordered_json(nullptr);
}

std::string DumpJson(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ErrorJson(const Status& status) {
  nlohmann::ordered_json error;
  error["code"] = CodeName(status.ok() ? Code::kInternal : status.code());
  error["key"] = status.key();
  error["message"] = status.message();
  nlohmann::ordered_json body;
  body["error"] = std::move(error);
  return DumpJson(body);
}

HttpResponse JsonError(const Status& status) {
  return HttpResponse::Json(HttpStatusFor(status.code()), ErrorJson(status));
}

bool HasJsonContentType(const HttpRequest& request) {
  std::string_view type = request.Header("content-type");
  type = Trim(type.substr(0, type.find(';')));
  constexpr std::string_view kJson = "application/json";
  if (type.size() != kJson.size()) return false;
  for (size_t i = 0; i < type.size(); ++i) {
    char c = type[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kJson[i]) return false;
  }
  return true;
}

Status WrongType(std::string_view field, std::string_view expected_vi) {
  return Status::Invalid("json.wrong_type",
                         "Trường " + Quoted(field) + " phải là " + std::string(expected_vi));
}

Status OutOfRange(std::string_view field, int64_t min, int64_t max) {
  return Status::Invalid("json.out_of_range", "Trường " + Quoted(field) + " phải từ " +
                                                  std::to_string(min) + " đến " +
                                                  std::to_string(max));
}

Status MissingField(std::string_view field) {
  return Status::Invalid("json.missing_field", "Thiếu trường bắt buộc " + Quoted(field));
}

Status BadDate(std::string_view field) {
  return Status::Invalid("json.bad_date",
                         "Trường " + Quoted(field) + " phải là ngày hợp lệ dạng YYYY-MM-DD");
}

Status BadValue(std::string_view field, std::string_view allowed) {
  return Status::Invalid("json.bad_value",
                         "Trường " + Quoted(field) + " phải là một trong: " + std::string(allowed));
}

Status WithinField(std::string_view field, const Status& s) {
  if (s.ok()) return s;
  return Status(s.code(), s.key(), "Trong trường " + Quoted(field) + ": " + s.message());
}

JsonObjectReader::JsonObjectReader(std::unique_ptr<nlohmann::json> object)
    : object_(std::move(object)) {}
JsonObjectReader::JsonObjectReader(JsonObjectReader&&) noexcept = default;
JsonObjectReader& JsonObjectReader::operator=(JsonObjectReader&&) noexcept = default;
JsonObjectReader::~JsonObjectReader() = default;

Result<JsonObjectReader> JsonObjectReader::Parse(std::string_view body) {
  if (!IsValidUtf8(body)) {
    return Status::Invalid("json.invalid_utf8", "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ");
  }
  // The callback sees every object's keys as they come: duplicates are refused rather than
  // silently keeping the last one, which would let two readers of one body disagree.
  std::vector<std::set<std::string, std::less<>>> open_objects;
  std::string duplicate;
  bool too_deep = false;
  json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth > kMaxDepth) too_deep = true;
    switch (event) {
      case json::parse_event_t::object_start:
        open_objects.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!open_objects.empty()) open_objects.pop_back();
        break;
      case json::parse_event_t::key:
        if (!open_objects.empty() && parsed.is_string() && duplicate.empty() &&
            !open_objects.back().insert(parsed.get<std::string>()).second) {
          duplicate = parsed.get<std::string>();
        }
        break;
      default:
        break;
    }
    return true;
  };
  auto value = std::make_unique<json>(json::parse(body.begin(), body.end(), callback,
                                                  /*allow_exceptions=*/false,
                                                  /*ignore_comments=*/false));
  if (value->is_discarded() || too_deep) return Malformed();
  if (!duplicate.empty()) {
    return Status::Invalid("json.duplicate_key",
                           "Trường " + Quoted(duplicate) + " xuất hiện nhiều lần");
  }
  if (!value->is_object()) {
    return Status::Invalid("json.not_object", "Nội dung yêu cầu phải là một đối tượng JSON");
  }
  return JsonObjectReader(std::move(value));
}

bool JsonObjectReader::Has(std::string_view key) const {
  return object_->find(key) != object_->end();
}

const nlohmann::json* JsonObjectReader::Find(std::string_view key) {
  known_.emplace(key);
  auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

Status JsonObjectReader::GetString(std::string_view key, std::optional<std::string>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_string()) return WrongType(key, "chuỗi ký tự");
  const auto& s = v->get_ref<const std::string&>();
  if (s.find('\0') != std::string::npos) return WrongType(key, "chuỗi ký tự không chứa ký tự NUL");
  *out = s;
  return Status::Ok();
}

Status JsonObjectReader::GetString(std::string_view key, std::string* out) {
  std::optional<std::string> text;
  NQ_RETURN_IF_ERROR(GetString(key, &text));
  if (text) *out = std::move(*text);
  return Status::Ok();
}

Status JsonObjectReader::GetInt(std::string_view key, int64_t min, int64_t max,
                                std::optional<int64_t>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  int64_t n = 0;
  if (v->is_number_unsigned()) {
    const auto u = v->get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return OutOfRange(key, min, max);
    }
    n = static_cast<int64_t>(u);
  } else if (v->is_number_integer()) {
    n = v->get<int64_t>();
  } else {
    return WrongType(key, "số nguyên");
  }
  if (n < min || n > max) return OutOfRange(key, min, max);
  *out = n;
  return Status::Ok();
}

Status JsonObjectReader::GetBool(std::string_view key, std::optional<bool>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_boolean()) return WrongType(key, "true hoặc false");
  *out = v->get<bool>();
  return Status::Ok();
}

Status JsonObjectReader::GetDate(std::string_view key, std::optional<Date>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_string()) return WrongType(key, "ngày dạng YYYY-MM-DD");
  std::optional<Date> d = ParseIsoDate(v->get_ref<const std::string&>());
  if (!d) return BadDate(key);
  *out = *d;
  return Status::Ok();
}

Status JsonObjectReader::GetNumber(std::string_view key, std::optional<double>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_number()) return WrongType(key, "số");
  const double d = v->get<double>();
  if (!std::isfinite(d)) return WrongType(key, "số hữu hạn");
  *out = d;
  return Status::Ok();
}

Status JsonObjectReader::GetStrings(std::string_view key, size_t max_items,
                                    std::optional<std::vector<std::string>>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_array()) return WrongType(key, "mảng chuỗi ký tự");
  if (v->size() > max_items) return OutOfRange(key, 0, static_cast<int64_t>(max_items));
  std::vector<std::string> items;
  for (const json& item : *v) {
    if (!item.is_string()) return WrongType(key, "mảng chuỗi ký tự");
    const auto& s = item.get_ref<const std::string&>();
    if (s.find('\0') != std::string::npos) {
      return WrongType(key, "mảng chuỗi ký tự không chứa ký tự NUL");
    }
    items.push_back(s);
  }
  *out = std::move(items);
  return Status::Ok();
}

Status JsonObjectReader::GetInts(std::string_view key, int64_t min, int64_t max, size_t max_items,
                                 std::optional<std::vector<int64_t>>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_array()) return WrongType(key, "mảng số nguyên");
  if (v->size() > max_items) return OutOfRange(key, 0, static_cast<int64_t>(max_items));
  std::vector<int64_t> items;
  for (const json& item : *v) {
    if (item.is_number_unsigned()) {
      const auto u = item.get<uint64_t>();
      if (u > static_cast<uint64_t>(max) || static_cast<int64_t>(u) < min) {
        return OutOfRange(key, min, max);
      }
      items.push_back(static_cast<int64_t>(u));
    } else if (item.is_number_integer()) {
      const auto n = item.get<int64_t>();
      if (n < min || n > max) return OutOfRange(key, min, max);
      items.push_back(n);
    } else {
      return WrongType(key, "mảng số nguyên");
    }
  }
  *out = std::move(items);
  return Status::Ok();
}

Status JsonObjectReader::GetNumbers(std::string_view key, size_t max_items,
                                    std::optional<std::vector<double>>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_array()) return WrongType(key, "mảng số");
  if (v->size() > max_items) return OutOfRange(key, 0, static_cast<int64_t>(max_items));
  std::vector<double> items;
  for (const json& item : *v) {
    if (!item.is_number() || !std::isfinite(item.get<double>())) return WrongType(key, "mảng số");
    items.push_back(item.get<double>());
  }
  *out = std::move(items);
  return Status::Ok();
}

Status JsonObjectReader::GetObjects(std::string_view key, size_t max_items,
                                    std::optional<std::vector<JsonObjectReader>>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_array()) return WrongType(key, "mảng đối tượng");
  if (v->size() > max_items) return OutOfRange(key, 0, static_cast<int64_t>(max_items));
  std::vector<JsonObjectReader> items;
  items.reserve(v->size());
  for (const json& item : *v) {
    if (!item.is_object()) return WrongType(key, "mảng đối tượng");
    items.push_back(JsonObjectReader(std::make_unique<json>(item)));
  }
  *out = std::move(items);
  return Status::Ok();
}

Status JsonObjectReader::GetObject(std::string_view key, std::optional<JsonObjectReader>* out) {
  const json* v = Find(key);
  if (!v) return Status::Ok();
  if (!v->is_object()) return WrongType(key, "đối tượng");
  out->emplace(JsonObjectReader(std::make_unique<json>(*v)));
  return Status::Ok();
}

Status JsonObjectReader::Require(std::string_view key) const {
  return Has(key) ? Status::Ok() : MissingField(key);
}

Status JsonObjectReader::Finish() const {
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (known_.find(it.key()) == known_.end()) {
      return Status::Invalid("json.unknown_field",
                             "Trường " + Quoted(it.key()) + " không được hỗ trợ");
    }
  }
  return Status::Ok();
}

}  // namespace nq::web
