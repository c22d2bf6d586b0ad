// Formula::EvaluatePlain: a formula over the plain values of one report (validation rules).
#include <string>

#include "domain/formula.h"
#include "domain/formula_interp.h"
#include "domain/formula_lexer.h"

namespace nq {
namespace {

using formula_internal::FormulaError;
using formula_internal::FormulaValue;
using formula_internal::FunctionInfo;

class PlainHooks : public formula_internal::FormulaHooks {
 public:
  PlainHooks(const std::function<std::optional<double>(std::string_view)>& lookup,
             const std::function<std::optional<double>(std::string_view, std::string_view)>&
                 category_index)
      : lookup_(lookup), category_index_(category_index) {}

  Result<FormulaValue> Element(const FormulaNode& element) override {
    return FormulaValue{lookup_(element.text), false};
  }

  Result<double> Category(const FormulaNode& other, const FormulaNode& literal) override {
    if (other.kind != FormulaNode::Kind::kElement) {
      return FormulaError("formula.type", literal.position,
                          "chuỗi \"" + literal.text +
                              "\" chỉ so sánh được trực tiếp với một chỉ tiêu danh mục");
    }
    const std::optional<double> index = category_index_(other.text, literal.text);
    if (!index) {
      return FormulaError("formula.type", literal.position,
                          "\"" + literal.text + "\" không phải là một mục của chỉ tiêu '" +
                              other.text + "'");
    }
    return *index;
  }

  Result<FormulaValue> IndexCall(const FormulaNode& call, const FunctionInfo& f) override {
    return FormulaError("formula.type", call.position,
                        "hàm '" + std::string(f.name) +
                            "' cần số liệu tổng hợp, không dùng được trong quy tắc kiểm tra");
  }

 private:
  const std::function<std::optional<double>(std::string_view)>& lookup_;
  const std::function<std::optional<double>(std::string_view, std::string_view)>&
      category_index_;
};

}  // namespace

Result<std::optional<double>> Formula::EvaluatePlain(
    const std::function<std::optional<double>(std::string_view code)>& lookup,
    const std::function<std::optional<double>(std::string_view code, std::string_view text)>&
        category_index) const {
  PlainHooks hooks(lookup, category_index);
  NQ_ASSIGN_OR_RETURN(const FormulaValue v, formula_internal::EvaluateNode(*root_, hooks));
  return v.value;
}

}  // namespace nq
