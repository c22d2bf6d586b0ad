#include "domain/record.h"

#include <cmath>
#include <set>
#include <utility>

#include "common/utf8.h"
#include "domain/record_rule.h"

namespace nq {
namespace {

constexpr size_t kShownName = 60;  // bytes of an unknown field name quoted back

// A number as field `f` shows it ("1.234,5", a year "2023").
std::string Num(const FieldDef& f, double x) { return FormatFieldValue(f, FieldValue(x)); }

FieldProblem Problem(const FieldDef& f, const char* key, const std::string& what) {
  return {f.code, "", key, "'" + f.label + "' " + what};
}

FieldProblem UnknownField(const std::string& name) {
  const bool shown = IsCleanText(name, false) && name.size() <= kShownName;
  return {name, "", "record.unknown_field",
          shown ? "Loại hồ sơ không có trường '" + name + "'"
                : "Loại hồ sơ không có trường được nhập (tên trường không hợp lệ)"};
}

std::optional<FieldProblem> CheckNumber(const FieldDef& f, double x) {
  if (!std::isfinite(x)) return Problem(f, "record.not_number", "không phải là một số hợp lệ");
  if ((!f.min || x >= *f.min) && (!f.max || x <= *f.max)) {
    if (f.whole && x != std::floor(x)) {
      return Problem(f, "record.out_of_range", "phải là số nguyên (đã nhập " + Num(f, x) + ")");
    }
    return std::nullopt;
  }
  std::string bounds;
  if (f.min && f.max) {
    bounds = "phải từ " + Num(f, *f.min) + " đến " + Num(f, *f.max);
  } else if (f.min) {
    bounds = "không được nhỏ hơn " + Num(f, *f.min);
  } else {
    bounds = "không được lớn hơn " + Num(f, *f.max);
  }
  return Problem(f, "record.out_of_range", bounds + " (đã nhập " + Num(f, x) + ")");
}

std::optional<FieldProblem> CheckDate(const FieldDef& f, const Date& d, const Term& term) {
  if (!IsValid(d)) return Problem(f, "record.date_invalid", "không phải là một ngày có thật");
  if (f.within_term && (d < term.start || term.end < d)) {
    return Problem(f, "record.outside_term",
                   "(" + FormatVi(d) + ") nằm ngoài nhiệm kỳ (từ " + FormatVi(term.start) +
                       " đến " + FormatVi(term.end) + ")");
  }
  return std::nullopt;
}

// The problem of one present value of field `f`, if any.
std::optional<FieldProblem> CheckValue(const FieldDef& f, const FieldValue& value,
                                       const Term& term) {
  if (!HoldsType(f.type, value)) {
    return Problem(f, "record.wrong_type",
                   std::string("cần giá trị kiểu ") + FieldTypeLabel(f.type));
  }
  if (const std::string* s = std::get_if<std::string>(&value)) {
    if (!IsCleanText(*s, f.type == FieldType::kText)) {
      return Problem(f, "record.text_invalid", "chứa ký tự không hợp lệ");
    }
    const size_t n = CodePointCount(*s);
    if (n > static_cast<size_t>(MaxLengthOf(f))) {
      return Problem(f, "record.too_long",
                     "dài tối đa " + std::to_string(MaxLengthOf(f)) + " ký tự (đã nhập " +
                         std::to_string(n) + ")");
    }
  } else if (const double* x = std::get_if<double>(&value)) {
    return CheckNumber(f, *x);
  } else if (const Date* d = std::get_if<Date>(&value)) {
    return CheckDate(f, *d, term);
  } else if (const OptionRef* o = std::get_if<OptionRef>(&value)) {
    if (FindOption(f, o->code) == nullptr) {
      return Problem(f, "record.unknown_option", "không có lựa chọn mã '" + o->code + "'");
    }
  } else if (const OrgRef* org = std::get_if<OrgRef>(&value)) {
    if (org->id <= 0) return Problem(f, "record.not_organization", "chưa chọn tổ chức đảng");
  }
  return std::nullopt;
}

bool IsBlankText(const FieldValue& v) {
  const std::string* s = std::get_if<std::string>(&v);
  return s != nullptr && Trim(*s).empty();
}

}  // namespace

std::optional<Date> RecordDate(const RecordType& t, const Record& r) {
  auto it = r.values.find(t.date_field);
  if (it == r.values.end()) return std::nullopt;
  if (const Date* d = std::get_if<Date>(&it->second)) return *d;
  return std::nullopt;
}

ParsedInput ParseRecordInput(const RecordTypeVersion& v,
                             const std::map<std::string, std::string>& input,
                             const OrgLookup& orgs) {
  ParsedInput out;
  std::map<std::string, const FieldDef*> by_label;
  for (const FieldDef& f : v.fields) by_label.emplace(FoldForSearch(f.label), &f);
  // Each field's text, resolved by code or label; unknown names in input order.
  std::map<std::string, const std::string*> text_of;
  std::vector<FieldProblem> late;
  for (const auto& [name, text] : input) {
    const FieldDef* f = v.Find(name);
    if (f == nullptr) {
      auto it = by_label.find(FoldForSearch(name));
      if (it != by_label.end()) f = it->second;
    }
    if (f == nullptr) {
      late.push_back(UnknownField(name));
    } else if (!text_of.emplace(f->code, &text).second) {
      late.push_back(Problem(*f, "record.duplicate_field", "được nhập hai lần"));
    }
  }
  for (const FieldDef& f : v.fields) {
    auto it = text_of.find(f.code);
    if (it == text_of.end() || Trim(*it->second).empty()) continue;
    Result<FieldValue> value = ParseFieldText(f, *it->second, orgs);
    if (value.ok()) {
      out.values.emplace(f.code, std::move(value).value());
    } else {
      out.problems.push_back({f.code, "", value.status().key(), value.status().message()});
    }
  }
  out.problems.insert(out.problems.end(), late.begin(), late.end());
  return out;
}

std::vector<FieldProblem> ValidateRecord(const RecordTypeVersion& v, const Record& r,
                                         const Term& term) {
  std::vector<FieldProblem> out;
  if (r.version != v.number) {
    out.push_back({"", "", "record.version",
                   "Hồ sơ ghi theo phiên bản " + std::to_string(r.version) +
                       " nhưng được kiểm tra theo phiên bản " + std::to_string(v.number)});
  }
  if (r.org_id <= 0) out.push_back({"", "", "record.org_required", "Hồ sơ chưa có tổ chức đảng"});
  std::map<std::string, FieldValue> good;  // the values rules may judge
  for (const FieldDef& f : v.fields) {
    auto it = r.values.find(f.code);
    if (it == r.values.end() || IsBlankText(it->second)) {
      if (f.required) out.push_back(Problem(f, "record.required", "chưa được nhập (bắt buộc)"));
      continue;
    }
    if (std::optional<FieldProblem> p = CheckValue(f, it->second, term)) {
      out.push_back(std::move(*p));
    } else {
      good.emplace(f.code, it->second);
    }
  }
  for (const auto& [code, value] : r.values) {
    if (v.Find(code) == nullptr) out.push_back(UnknownField(code));
  }
  for (const ValidationRule& rule : v.rules) {
    Result<Formula> f = ParseRecordRule(v, rule);
    Result<std::optional<bool>> holds =
        f.ok() ? JudgeRecordRule(v, *f, good) : Result<std::optional<bool>>(f.status());
    if (!holds.ok()) {
      out.push_back(
          {"", rule.code, "record.rule", rule.message + " (" + holds.status().message() + ")"});
    } else if (holds->has_value() && !**holds) {
      out.push_back({"", rule.code, "record.rule", rule.message});
    }
  }
  return out;
}

std::vector<FieldProblem> FillRecord(const RecordTypeVersion& v,
                                     const std::map<std::string, std::string>& input,
                                     const Term& term, Record* r, const OrgLookup& orgs) {
  ParsedInput parsed = ParseRecordInput(v, input, orgs);
  r->version = v.number;
  r->values = std::move(parsed.values);
  return CheckParsedRecord(v, std::move(parsed.problems), *r, term);
}

std::vector<FieldProblem> CheckParsedRecord(const RecordTypeVersion& v,
                                            std::vector<FieldProblem> parse_problems,
                                            const Record& r, const Term& term) {
  std::vector<FieldProblem> out = std::move(parse_problems);
  std::set<std::string> unparsed;
  for (const FieldProblem& p : out) unparsed.insert(p.field);
  for (FieldProblem& p : ValidateRecord(v, r, term)) {
    if (p.key == "record.required" && unparsed.count(p.field) != 0) continue;
    out.push_back(std::move(p));
  }
  return out;
}

Status RecordProblemsStatus(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> lines;
  lines.reserve(problems.size());
  for (const FieldProblem& p : problems) lines.push_back(p.message);
  return InvalidWithLines("record.invalid", "Hồ sơ chưa hợp lệ:", lines);
}

}  // namespace nq
