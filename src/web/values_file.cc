// The JSON values file of `nqtrack import values FILE.json` (docs/formats.md).
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"
#include "web/resolution_file.h"

namespace nq::web {
namespace {

using nlohmann::json;

const char* const kFields[] = {"org", "element", "period", "value", "estimate", "comment"};

// Reads one item; appends "values[i].field: message" lines to *problems.
ValueRow ReadItem(const json& item, size_t i, std::vector<std::string>* problems) {
  const std::string where = "values[" + std::to_string(i) + "]";
  ValueRow row;
  row.line = static_cast<int>(i) + 1;
  if (!item.is_object()) {
    problems->push_back(where + ": phải là một đối tượng JSON");
    return row;
  }
  for (auto it = item.begin(); it != item.end(); ++it) {
    bool known = false;
    for (const char* f : kFields) known = known || it.key() == f;
    if (!known) problems->push_back(where + "." + it.key() + ": trường không được hỗ trợ");
  }
  auto text = [&](const char* key, std::string* out, bool required) {
    auto it = item.find(key);
    if (it == item.end()) {
      if (required) problems->push_back(where + "." + key + ": thiếu trường bắt buộc");
      return;
    }
    if (!it->is_string()) {
      problems->push_back(where + "." + key + ": phải là chuỗi");
      return;
    }
    *out = it->get<std::string>();
  };
  text("org", &row.org_code, true);
  text("element", &row.element_code, true);
  text("period", &row.period, true);
  text("comment", &row.comment, false);
  auto value = item.find("value");
  if (value == item.end()) {
    problems->push_back(where + ".value: thiếu trường bắt buộc");
  } else if (value->is_boolean()) {
    row.value = value->get<bool>() ? "1" : "0";
  } else if (value->is_number() && std::isfinite(value->get<double>())) {
    row.value = FormatNumberVi(value->get<double>(), 15);
  } else if (value->is_string()) {
    row.value = value->get<std::string>();
  } else {
    problems->push_back(where + ".value: phải là số, true/false hoặc chuỗi");
  }
  auto estimate = item.find("estimate");
  if (estimate != item.end()) {
    if (estimate->is_boolean()) {
      row.estimate = estimate->get<bool>();
    } else {
      problems->push_back(where + ".estimate: phải là true hoặc false");
    }
  }
  return row;
}

}  // namespace

Result<std::vector<ValueRow>> ParseValuesJson(std::string_view text) {
  if (!IsValidUtf8(text)) {
    return Status::Invalid("json.invalid_utf8", "Tệp không phải văn bản UTF-8 hợp lệ");
  }
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("json.malformed", "Tệp không phải JSON hợp lệ");
  const json* items = &doc;
  if (doc.is_object()) {
    auto it = doc.find("values");
    if (it == doc.end() || doc.size() != 1) {
      return Status::Invalid("file.format",
                             "Tệp số liệu phải là một mảng hoặc đối tượng chỉ có trường \"values\"");
    }
    items = &*it;
  }
  if (!items->is_array()) {
    return Status::Invalid("file.format", "Trường \"values\" phải là một mảng");
  }
  std::vector<std::string> problems;
  std::vector<ValueRow> rows;
  rows.reserve(items->size());
  for (size_t i = 0; i < items->size(); ++i) rows.push_back(ReadItem((*items)[i], i, &problems));
  if (problems.empty()) return rows;
  return InvalidWithLines("file.invalid", "Tệp số liệu không hợp lệ; chưa nhập dòng nào:",
                          problems);
}

}  // namespace nq::web
