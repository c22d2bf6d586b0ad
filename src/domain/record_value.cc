#include "domain/record_value.h"

#include <charconv>
#include <cmath>

#include "common/format.h"
#include "common/utf8.h"
#include "domain/data.h"

namespace nq {
namespace {

constexpr int kShownDecimals = 6;   // as FormatValue (data.h) shows a reported number
constexpr size_t kShownInput = 40;  // bytes of a bad input quoted back in a message

// At most `max` bytes of `s`, not cutting a UTF-8 sequence.
std::string Shorten(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

Status ValueError(const FieldDef& f, const char* key, const std::string& what,
                  std::string_view text) {
  return Status::Invalid(
      key, "'" + f.label + "' " + what + ", không phải '" + Shorten(text, kShownInput) + "'");
}

std::optional<int64_t> ParseId(std::string_view s) {
  int64_t id = 0;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), id);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

// The option of `f` that `text` names — by code, else by label — with ParseValue's matching
// (exact, then ignoring case, then ignoring case and diacritics; a match must be unique).
std::optional<size_t> MatchOption(const FieldDef& f, std::string_view text) {
  DataElement e;
  e.type = ValueType::kCategory;
  for (const bool by_label : {false, true}) {
    e.categories.clear();
    for (const CategoryOption& o : f.options) e.categories.push_back(by_label ? o.label : o.code);
    Result<double> i = ParseValue(e, text);
    if (i.ok()) return static_cast<size_t>(*i);
  }
  return std::nullopt;
}

Result<FieldValue> ParseCategory(const FieldDef& f, std::string_view text) {
  const std::optional<size_t> i = MatchOption(f, text);
  if (i) return FieldValue(OptionRef{f.options[*i].code});
  std::string labels;
  for (const CategoryOption& o : f.options) labels += (labels.empty() ? "" : ", ") + o.label;
  return ValueError(f, "record.unknown_option", "phải là một trong: " + labels, text);
}

Result<FieldValue> ParseOrganization(const FieldDef& f, std::string_view text,
                                     const OrgLookup& orgs) {
  std::optional<int64_t> id = orgs ? orgs(text) : std::nullopt;
  if (!id) id = ParseId(text);
  if (id) return FieldValue(OrgRef{*id});
  return ValueError(f, "record.not_organization", "phải là mã của một tổ chức đảng", text);
}

}  // namespace

bool HoldsType(FieldType t, const FieldValue& v) {
  switch (t) {
    case FieldType::kText:
    case FieldType::kMember:
    case FieldType::kDocument:
      return std::holds_alternative<std::string>(v);
    case FieldType::kNumber:
      return std::holds_alternative<double>(v);
    case FieldType::kDate:
      return std::holds_alternative<Date>(v);
    case FieldType::kYesNo:
      return std::holds_alternative<bool>(v);
    case FieldType::kCategory:
      return std::holds_alternative<OptionRef>(v);
    case FieldType::kOrganization:
      return std::holds_alternative<OrgRef>(v);
  }
  return false;
}

std::optional<double> NumericValue(const FieldDef& f, const FieldValue& v) {
  if (!HoldsType(f.type, v)) return std::nullopt;
  if (const double* x = std::get_if<double>(&v)) return *x;
  if (const Date* d = std::get_if<Date>(&v)) {
    if (!IsValid(*d)) return std::nullopt;
    return static_cast<double>(DaysFromCivil(*d));
  }
  if (const bool* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  if (const OptionRef* o = std::get_if<OptionRef>(&v)) {
    const std::optional<size_t> i = OptionIndex(f, o->code);
    if (!i) return std::nullopt;
    return static_cast<double>(*i);
  }
  return std::nullopt;
}

bool IsCleanText(std::string_view s, bool multiline) {
  if (!IsValidUtf8(s)) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (multiline && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (u < 0x20 || u == 0x7f) return false;
  }
  return true;
}

Result<FieldValue> ParseFieldText(const FieldDef& f, std::string_view text, const OrgLookup& orgs) {
  const std::string_view in = Trim(text);
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kMember:
    case FieldType::kDocument:
      return FieldValue(std::string(in));
    case FieldType::kNumber: {
      DataElement e;
      e.type = ValueType::kNumber;
      Result<double> x = ParseValue(e, in);
      if (x.ok()) return FieldValue(*x);
      return ValueError(f, "record.not_number", "phải là một số (ví dụ 1.234,5)", in);
    }
    case FieldType::kDate: {
      const std::optional<Date> d = ParseDateIsoOrVi(in);
      if (d) return FieldValue(*d);
      return ValueError(f, "record.not_date",
                        "phải là một ngày có thật, dạng 17/5/2023 hoặc 2023-05-17", in);
    }
    case FieldType::kYesNo: {
      const std::string folded = FoldForSearch(in);
      if (folded == "x") return FieldValue(true);
      if (folded == "chua") return FieldValue(false);  // "Đã tổ chức: chưa"

      DataElement e;
      e.type = ValueType::kYesNo;
      Result<double> x = ParseValue(e, in);
      if (x.ok()) return FieldValue(*x != 0);
      return ValueError(f, "record.not_yes_no", "phải là 'Có' hoặc 'Không'", in);
    }
    case FieldType::kCategory:
      return ParseCategory(f, in);
    case FieldType::kOrganization:
      return ParseOrganization(f, in, orgs);
  }
  return ValueError(f, "record.wrong_type", "không đọc được", in);
}

std::string FormatFieldValue(const FieldDef& f, const FieldValue& v) {
  if (const double* x = std::get_if<double>(&v)) {
    std::string shown = FormatNumberVi(*x, kShownDecimals);
    if (f.ungrouped) std::erase(shown, '.');  // "2.023" -> "2023"
    return shown;
  }
  if (const Date* d = std::get_if<Date>(&v)) return FormatVi(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "Có" : "Không";
  if (const OptionRef* o = std::get_if<OptionRef>(&v)) {
    const CategoryOption* option = FindOption(f, o->code);
    return option != nullptr ? option->label : o->code;
  }
  return CanonicalText(v);
}

std::string CanonicalText(const FieldValue& v) {
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const double* x = std::get_if<double>(&v)) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, *x);
    return std::string(buf, res.ptr);
  }
  if (const Date* d = std::get_if<Date>(&v)) return FormatIso(*d);
  if (const bool* b = std::get_if<bool>(&v)) return *b ? "1" : "0";
  if (const OptionRef* o = std::get_if<OptionRef>(&v)) return o->code;
  return std::to_string(std::get<OrgRef>(v).id);
}

Result<FieldValue> ParseCanonical(FieldType t, std::string_view text) {
  switch (t) {
    case FieldType::kText:
    case FieldType::kMember:
    case FieldType::kDocument:
      return FieldValue(std::string(text));
    case FieldType::kNumber: {
      double x = 0;
      const auto res = std::from_chars(text.data(), text.data() + text.size(), x);
      if (res.ec == std::errc() && res.ptr == text.data() + text.size() && std::isfinite(x)) {
        return FieldValue(x);
      }
      break;
    }
    case FieldType::kDate:
      if (const std::optional<Date> d = ParseIsoDate(text)) return FieldValue(*d);
      break;
    case FieldType::kYesNo:
      if (text == "1" || text == "0") return FieldValue(text == "1");
      break;
    case FieldType::kCategory:
      if (IsValidOptionCode(text)) return FieldValue(OptionRef{std::string(text)});
      break;
    case FieldType::kOrganization:
      if (const std::optional<int64_t> id = ParseId(text)) return FieldValue(OrgRef{*id});
      break;
  }
  return Status::Invalid("record.bad_stored_value", "Giá trị lưu '" + Shorten(text, kShownInput) +
                                                        "' không đọc được như kiểu " +
                                                        FieldTypeLabel(t));
}

}  // namespace nq
