#include "domain/record_rule.h"

#include <string_view>

#include "domain/formula_lexer.h"

namespace nq {
namespace {

using formula_internal::FormulaError;
using Kind = FormulaNode::Kind;

bool IsComparison(const FormulaNode& n) {
  if (n.kind != Kind::kBinary) return false;
  const std::string& op = n.text;
  return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=";
}

// A string operand `s` of a comparison whose other operand is `other`: allowed only when
// `other` names a category field of which `s` is an option code. An unknown field is left to
// the check of `other` itself.
Status CheckStringOperand(const RecordTypeVersion& v, const FormulaNode& s,
                          const FormulaNode& other) {
  const std::string quoted = "\"" + s.text + "\"";
  if (other.kind != Kind::kElement) {
    return FormulaError("formula.type", s.position,
                        "chuỗi " + quoted + " chỉ so sánh được trực tiếp với một trường danh mục");
  }
  const FieldDef* f = v.Find(other.text);
  if (f == nullptr) return Status::Ok();
  if (f->type != FieldType::kCategory) {
    return FormulaError("formula.type", s.position,
                        "trường '" + f->label +
                            "' không phải trường danh mục nên không so sánh "
                            "được với chuỗi " +
                            quoted);
  }
  if (!OptionIndex(*f, s.text)) {
    return FormulaError("formula.type", s.position,
                        quoted + " không phải là mã lựa chọn của trường '" + f->label + "'");
  }
  return Status::Ok();
}

// Checks every field name and string of the tree under `n`.
Status CheckNode(const RecordTypeVersion& v, const FormulaNode& n) {
  if (n.kind == Kind::kElement) {
    const FieldDef* f = v.Find(n.text);
    if (f == nullptr) {
      return FormulaError("formula.unknown_element", n.position,
                          "trường '" + n.text + "' không có trong loại hồ sơ");
    }
    if (!IsRuleOperand(f->type)) {
      return FormulaError("formula.type", n.position,
                          "trường '" + f->label + "' (" + FieldTypeLabel(f->type) +
                              ") không dùng được trong quy tắc; quy tắc chỉ dùng trường số, "
                              "ngày, có/không và danh mục");
    }
    return Status::Ok();
  }
  if (n.kind == Kind::kString) {
    return FormulaError("formula.type", n.position,
                        "chuỗi \"" + n.text + "\" chỉ dùng để so sánh với một trường danh mục");
  }
  const bool comparison = IsComparison(n);
  for (size_t i = 0; i < n.children.size(); ++i) {
    const FormulaNode& c = *n.children[i];
    if (comparison && c.kind == Kind::kString) {
      NQ_RETURN_IF_ERROR(CheckStringOperand(v, c, *n.children[1 - i]));
    } else {
      NQ_RETURN_IF_ERROR(CheckNode(v, c));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<Formula> ParseRecordRule(const RecordTypeVersion& v, const ValidationRule& r) {
  auto invalid = [&](const std::string& why) {
    return Status::Invalid("record_type.rule_invalid", "Quy tắc '" + r.code + "': " + why);
  };
  Result<Formula> f = Formula::Parse(r.condition);
  if (!f.ok()) return invalid(f.status().message());
  if (f->UsesIndex()) {
    return invalid(
        "quy tắc chỉ so sánh các trường của cùng một hồ sơ, không dùng hàm tổng hợp "
        "hay hàm theo kỳ");
  }
  const Status names = CheckNode(v, f->root());
  if (!names.ok()) return invalid(names.message());
  return f;
}

Result<std::optional<bool>> JudgeRecordRule(const RecordTypeVersion& v, const Formula& rule,
                                            const std::map<std::string, FieldValue>& values) {
  auto lookup = [&](std::string_view code) -> std::optional<double> {
    const FieldDef* f = v.Find(code);
    if (f == nullptr) return std::nullopt;
    auto it = values.find(std::string(code));
    if (it == values.end()) return std::nullopt;
    return NumericValue(*f, it->second);
  };
  auto category_index = [&](std::string_view code, std::string_view text) -> std::optional<double> {
    const FieldDef* f = v.Find(code);
    if (f == nullptr || f->type != FieldType::kCategory) return std::nullopt;
    const std::optional<size_t> i = OptionIndex(*f, text);
    if (!i) return std::nullopt;
    return static_cast<double>(*i);
  };
  Result<std::optional<double>> r = rule.EvaluatePlain(lookup, category_index);
  if (!r.ok()) {
    if (r.status().key() == "formula.div_zero") return std::optional<bool>();
    return r.status();
  }
  if (!r->has_value()) return std::optional<bool>();
  return std::optional<bool>(**r != 0);
}

}  // namespace nq
