// The resolution file's reading and writing helpers, shared by resolution_file_read.cc,
// resolution_file_write.cc and resolution_file_tasks.cc. Not part of web/'s interface.
// Thread-compatible (a Fields reader belongs to one parse).
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "common/utf8.h"
#include "domain/period.h"
#include "service/resolution_bundle.h"

namespace nq::web::file_internal {

using nlohmann::json;

// Reads fields of one object at a path; records problems instead of stopping at the first.
class Fields {
 public:
  Fields(const json& object, std::string path, std::vector<std::string>* problems)
      : object_(object), path_(std::move(path)), problems_(problems) {
    if (!object_.is_object()) Problem("", "phải là một đối tượng JSON");
  }
  // Reports fields nobody asked for.
  ~Fields() {
    if (!object_.is_object()) return;
    for (auto it = object_.begin(); it != object_.end(); ++it) {
      if (known_.count(it.key()) == 0) Problem(it.key(), "trường không được hỗ trợ");
    }
  }
  Fields(const Fields&) = delete;
  Fields& operator=(const Fields&) = delete;

  void Problem(const std::string& field, const std::string& message) {
    problems_->push_back((field.empty() ? path_ : Path(field)) + ": " + message);
  }
  std::string Path(const std::string& field) const {
    return path_.empty() ? field : path_ + "." + field;
  }

  const json* Get(const std::string& key, bool required) {
    known_.insert(key);
    if (!object_.is_object()) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end()) {
      if (required) Problem(key, "thiếu trường bắt buộc");
      return nullptr;
    }
    return &*it;
  }
  std::string String(const std::string& key, bool required = true) {
    const json* v = Get(key, required);
    if (v == nullptr) return "";
    if (!v->is_string()) {
      Problem(key, "phải là chuỗi");
      return "";
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (!IsValidUtf8(s)) Problem(key, "không phải UTF-8 hợp lệ");
    return s;
  }
  std::optional<double> Number(const std::string& key, bool required = true) {
    const json* v = Get(key, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number() || !std::isfinite(v->get<double>())) {
      Problem(key, "phải là số");
      return std::nullopt;
    }
    return v->get<double>();
  }
  int Int(const std::string& key, int fallback, bool required = false) {
    const json* v = Get(key, required);
    if (v == nullptr) return fallback;
    if (!v->is_number_integer() || v->get<int64_t>() < 0 || v->get<int64_t>() > 100000000) {
      Problem(key, "phải là số nguyên không âm");
      return fallback;
    }
    return static_cast<int>(v->get<int64_t>());
  }
  bool Bool(const std::string& key) {
    const json* v = Get(key, false);
    if (v == nullptr) return false;
    if (!v->is_boolean()) Problem(key, "phải là true hoặc false");
    return v->is_boolean() && v->get<bool>();
  }
  std::optional<Date> DateField(const std::string& key, bool required = true) {
    const std::string s = String(key, required);
    if (s.empty()) return std::nullopt;
    std::optional<Date> d = ParseIsoDate(s);
    if (!d) Problem(key, "ngày phải có dạng YYYY-MM-DD: '" + s + "'");
    return d;
  }
  std::vector<std::string> Strings(const std::string& key) {
    std::vector<std::string> out;
    const json* v = Get(key, false);
    if (v == nullptr) return out;
    if (!v->is_array()) {
      Problem(key, "phải là mảng chuỗi");
      return out;
    }
    for (const json& item : *v) {
      if (item.is_string()) {
        out.push_back(item.get<std::string>());
      } else {
        Problem(key, "phải là mảng chuỗi");
      }
    }
    return out;
  }
  // An array of finite numbers; absent: nullopt.
  std::optional<std::vector<double>> Numbers(const std::string& key) {
    const json* v = Get(key, false);
    if (v == nullptr) return std::nullopt;
    std::vector<double> out;
    if (!v->is_array()) {
      Problem(key, "phải là mảng số");
      return out;
    }
    for (const json& item : *v) {
      if (item.is_number() && std::isfinite(item.get<double>())) {
        out.push_back(item.get<double>());
      } else {
        Problem(key, "phải là mảng số");
      }
    }
    return out;
  }
  const json* Array(const std::string& key, bool required = true) {
    const json* v = Get(key, required);
    if (v != nullptr && !v->is_array()) {
      Problem(key, "phải là mảng");
      return nullptr;
    }
    return v;
  }
  // An enumeration code through its parser.
  template <typename T, typename Parser>
  T Enum(const std::string& key, Parser parse, T fallback, bool required = true) {
    const std::string s = String(key, required);
    if (s.empty()) return fallback;
    std::optional<T> v = parse(s);
    if (!v) Problem(key, "giá trị không hợp lệ: '" + s + "'");
    return v.value_or(fallback);
  }

 private:
  const json& object_;
  std::string path_;
  std::vector<std::string>* problems_;
  std::set<std::string> known_;
};

inline std::string Item(const std::string& list, size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

// Calls read(fields, index) for each object of the array `key` (paths "parent.key[i]").
template <typename F>
void Each(Fields& parent, const std::string& key, bool required, std::vector<std::string>* problems,
          F read) {
  const json* array = parent.Array(key, required);
  if (array == nullptr) return;
  for (size_t i = 0; i < array->size(); ++i) {
    Fields f((*array)[i], Item(parent.Path(key), i), problems);
    read(f, i);
  }
}

inline std::optional<Period> PeriodField(Fields& f, const std::string& key) {
  const std::string s = f.String(key);
  if (s.empty()) return std::nullopt;
  Result<Period> p = Period::Parse(s);
  if (!p.ok()) {
    f.Problem(key, p.status().message());
    return std::nullopt;
  }
  return *p;
}

// The text as JSON: Invalid "json.invalid_utf8" or "json.malformed".
Result<json> ParseFileJson(std::string_view text);

// True when `doc` is an object with "format": `format` and "version": 1.
bool IsFormat(const json& doc, const char* format);

// Reads the optional array `key` of assigned tasks (docs/formats.md). With `computed`, the fields
// that `nqtrack export tasks` adds to each task (state, state_label, occurrences) are accepted
// and ignored.
void ReadAssignedTasks(Fields& parent, const std::string& key, bool computed,
                       std::vector<BundleTask>* out, std::vector<std::string>* problems);

// One assigned task as the file writes it (keys in the documented order, empty optional fields
// left out).
nlohmann::ordered_json AssignedTaskJson(const BundleTask& b);

}  // namespace nq::web::file_internal
