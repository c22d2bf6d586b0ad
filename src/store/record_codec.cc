// The stored text of a record type version (record_codec.h).
#include "store/record_codec.h"

#include <charconv>
#include <optional>
#include <vector>

#include "domain/record_value.h"

namespace nq::store {
namespace {

constexpr std::string_view kHeader = "nqtrack-record-version 1";

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<std::string> Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return std::nullopt;
    switch (s[i]) {
      case '\\':
        out += '\\';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::string Bound(const std::optional<double>& b) {
  return b ? CanonicalText(FieldValue(*b)) : std::string();
}

const char* Flag(bool b) { return b ? "1" : "0"; }

// One line's columns, unescaped; nullopt for a bad escape.
std::optional<std::vector<std::string>> Columns(std::string_view line) {
  std::vector<std::string> out;
  for (;;) {
    size_t tab = line.find('\t');
    std::optional<std::string> col = Unescape(line.substr(0, tab));
    if (!col) return std::nullopt;
    out.push_back(std::move(*col));
    if (tab == std::string_view::npos) return out;
    line.remove_prefix(tab + 1);
  }
}

bool ReadFlag(const std::string& s, bool* out) {
  if (s != "0" && s != "1") return false;
  *out = s == "1";
  return true;
}

bool ReadBound(const std::string& s, std::optional<double>* out) {
  if (s.empty()) return true;
  Result<FieldValue> v = ParseCanonical(FieldType::kNumber, s);
  if (!v.ok()) return false;
  *out = std::get<double>(*v);
  return true;
}

bool ReadInt(const std::string& s, int* out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end && !s.empty();
}

// Fills f from the columns of a "field" line (12 of them); false for a bad column.
bool ReadField(const std::vector<std::string>& c, FieldDef* f) {
  std::optional<FieldType> type = ParseFieldType(c[2]);
  if (!type) return false;
  f->code = c[1];
  f->type = *type;
  f->label = c[10];
  f->help = c[11];
  return ReadFlag(c[3], &f->required) && ReadBound(c[4], &f->min) && ReadBound(c[5], &f->max) &&
         ReadFlag(c[6], &f->whole) && ReadFlag(c[7], &f->ungrouped) &&
         ReadInt(c[8], &f->max_length) && ReadFlag(c[9], &f->within_term);
}

}  // namespace

std::string EncodeRecordVersion(const RecordTypeVersion& v) {
  std::string out(kHeader);
  out += '\n';
  for (const FieldDef& f : v.fields) {
    const std::string cols[] = {"field",
                                Escape(f.code),
                                FieldTypeCode(f.type),
                                Flag(f.required),
                                Bound(f.min),
                                Bound(f.max),
                                Flag(f.whole),
                                Flag(f.ungrouped),
                                std::to_string(f.max_length),
                                Flag(f.within_term),
                                Escape(f.label),
                                Escape(f.help)};
    for (size_t i = 0; i < std::size(cols); ++i) out += (i > 0 ? "\t" : "") + cols[i];
    out += '\n';
    for (const CategoryOption& o : f.options) {
      out += "option\t" + Escape(o.code) + '\t' + Escape(o.label) + '\n';
    }
  }
  for (const ValidationRule& r : v.rules) {
    out += "rule\t" + Escape(r.code) + '\t' + Escape(r.condition) + '\t' + Escape(r.message) + '\n';
  }
  return out;
}

Result<RecordTypeVersion> DecodeRecordVersion(std::string_view text, int number) {
  RecordTypeVersion v;
  v.number = number;
  int line_no = 0;
  auto bad = [&line_no](std::string_view why) {
    return Status::Invalid(
        "store.bad_definition",
        "Định nghĩa loại hồ sơ hỏng ở dòng " + std::to_string(line_no) + ": " + std::string(why));
  };
  while (!text.empty()) {
    ++line_no;
    size_t end = text.find('\n');
    if (end == std::string_view::npos) return bad("thiếu dấu xuống dòng cuối");
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    if (line_no == 1) {
      if (line != kHeader) return bad("không phải định dạng đã biết");
      continue;
    }
    std::optional<std::vector<std::string>> cols = Columns(line);
    if (!cols) return bad("ký tự thoát sai");
    const std::vector<std::string>& c = *cols;
    if (c[0] == "field" && c.size() == 12) {
      FieldDef f;
      if (!ReadField(c, &f)) return bad("thuộc tính trường sai");
      v.fields.push_back(std::move(f));
    } else if (c[0] == "option" && c.size() == 3) {
      if (v.fields.empty()) return bad("lựa chọn đứng trước mọi trường");
      v.fields.back().options.push_back(CategoryOption{c[1], c[2]});
    } else if (c[0] == "rule" && c.size() == 4) {
      v.rules.push_back(ValidationRule{c[1], c[2], c[3]});
    } else {
      return bad("dòng không đọc được");
    }
  }
  if (line_no == 0) return bad("văn bản rỗng");
  return v;
}

}  // namespace nq::store
