#include "common/csv.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "common/utf8.h"

namespace nq {
namespace {

enum class FieldState { kStart, kUnquoted, kQuoted, kAfterQuote };

bool IsBlankRecord(const std::vector<std::string>& fields, bool any_quoted) {
  if (any_quoted || fields.size() != 1) return false;
  for (char c : fields[0]) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Reads one record starting at *pos (which is < text.size()); advances *pos past its terminator
// and *line by the line breaks consumed. Returns the record's error message, empty if none.
std::string ReadRecord(std::string_view text, size_t* pos, int* line,
                       std::vector<std::string>* fields, bool* any_quoted) {
  const size_t n = text.size();
  size_t i = *pos;
  std::string field;
  std::string error;
  FieldState st = FieldState::kStart;
  auto set_error = [&error](const char* msg) {
    if (error.empty()) error = msg;
  };
  while (i < n) {
    const char c = text[i];
    if (st == FieldState::kQuoted) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          field += '"';
          i += 2;
        } else {
          st = FieldState::kAfterQuote;
          ++i;
        }
        continue;
      }
      // A line break inside quotes is data; count it (a "\r\n" pair once, at its '\n').
      if (c == '\n' || (c == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) ++*line;
      field += c;
      ++i;
      continue;
    }
    if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      st = FieldState::kStart;
      ++i;
      continue;
    }
    if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
      ++*line;
      fields->push_back(std::move(field));
      *pos = i;
      return error;
    }
    if (c == '"') {
      if (st == FieldState::kStart) {
        st = FieldState::kQuoted;
        *any_quoted = true;
      } else {
        set_error("dấu ngoặc kép (\") nằm giữa một trường không được đặt trong ngoặc kép");
        field += c;
      }
      ++i;
      continue;
    }
    if (st == FieldState::kAfterQuote) {
      set_error("có ký tự sau dấu ngoặc kép đóng trường");
    } else {
      st = FieldState::kUnquoted;
    }
    field += c;
    ++i;
  }
  if (st == FieldState::kQuoted) set_error("trường mở bằng dấu ngoặc kép nhưng không được đóng");
  fields->push_back(std::move(field));
  *pos = i;
  return error;
}

}  // namespace

CsvData ReadCsv(std::string_view text) {
  CsvData out;
  size_t pos = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  int line = 1;
  while (pos < text.size()) {
    const size_t begin = pos;
    const int start_line = line;
    std::vector<std::string> fields;
    bool any_quoted = false;
    std::string error = ReadRecord(text, &pos, &line, &fields, &any_quoted);
    // Invalid bytes are the likelier root cause (a file saved in another encoding), so that
    // message wins over a quoting one.
    if (!IsValidUtf8(text.substr(begin, pos - begin))) {
      error = "không phải văn bản UTF-8 hợp lệ (hãy lưu tệp với mã hóa UTF-8)";
    }
    if (!error.empty()) {
      out.errors.push_back({start_line, std::move(error)});
    } else if (!IsBlankRecord(fields, any_quoted)) {
      out.records.push_back({start_line, std::move(fields)});
    }
  }
  return out;
}

CsvHeader ReadCsvHeader(const std::vector<std::string>& fields,
                        const std::vector<std::string_view>& known,
                        const std::vector<std::string_view>& required) {
  CsvHeader h;
  auto fail = [&h](CsvHeader::Error error, std::string_view column) {
    h.positions.clear();
    h.error = error;
    h.column = std::string(column);
    return h;
  };
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string name(Trim(fields[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return fail(CsvHeader::Error::kUnknownColumn, name);
    }
    if (!h.positions.emplace(name, i).second) return fail(CsvHeader::Error::kRepeatedColumn, name);
  }
  for (std::string_view need : required) {
    if (h.positions.count(std::string(need)) == 0) {
      return fail(CsvHeader::Error::kMissingColumn, need);
    }
  }
  return h;
}

std::optional<int64_t> ParseIntCell(std::string_view cell, int64_t lo, int64_t hi) {
  int64_t v = 0;
  const char* end = cell.data() + cell.size();
  auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (ec != std::errc() || ptr != end || v < lo || v > hi) return std::nullopt;
  return v;
}

std::string CsvEscape(std::string_view field) {
  bool quote = !field.empty() && (field.front() == ' ' || field.front() == '\t' ||
                                  field.back() == ' ' || field.back() == '\t');
  // A leading BOM would be taken for the file's own mark when this is the first field.
  if (field.starts_with(kUtf8Bom)) quote = true;
  for (char c : field) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
  }
  if (!quote) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  // A lone empty field would read back as a blank line, which readers skip.
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvEscape(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace nq
