// The parts of formula evaluation that do not depend on where values come from: the function
// table, arithmetic, comparisons, and, or, not, abs, round and if. Formula::EvaluatePlain and
// analytics::Evaluate (analytics/formula_eval.h) both run EvaluateNode and differ only in their
// FormulaHooks: how an element's value is found, how a category literal is resolved, and what
// the aggregate and period functions mean.
//
// Semantics (shared by every evaluator):
//   - a missing operand (nullopt) makes arithmetic, comparisons, and/or/not, abs and round
//     missing; if(c, a, b) evaluates only the branch c chooses, and is missing when c is;
//   - comparisons, and, or, not give 1 or 0; a number is true when it is not 0; == and != allow
//     a relative difference of 1e-9 (so 0.1 + 0.2 == 0.3), and <=, >= agree with them;
//   - x / 0 fails with Invalid "formula.div_zero" at the position of the '/';
//   - a string is only allowed on one side of a comparison, the other side naming a category
//     element: hooks.Category turns it into the category's index; elsewhere Invalid
//     "formula.type";
//   - a result that is not finite (1e300 * 1e300) fails with Invalid "formula.overflow";
//   - the estimate flag of a result is set when any value that took part is an estimate.
//
// Pure; thread-safe as far as the hooks are.
#pragma once

#include <optional>
#include <string_view>

#include "common/status.h"
#include "domain/formula.h"

namespace nq::formula_internal {

struct FunctionInfo {
  // kRecord: the record functions (record_count, …): the first argument names a record type,
  // the others are expressions over one record's fields (analytics/record_index.h).
  enum class Kind { kAggregate, kCountIf, kPeriod, kRecord, kPlain };
  const char* name;  // lower case
  int min_args;
  int max_args;
  Kind kind;
};

// The function named `lower_name` (already in lower case), or nullptr.
const FunctionInfo* FindFunction(std::string_view lower_name);

struct FormulaValue {
  std::optional<double> value;
  bool estimate = false;
};

class FormulaHooks {
 public:
  virtual ~FormulaHooks() = default;
  // The value of an element node (kElement).
  virtual Result<FormulaValue> Element(const FormulaNode& element) = 0;
  // The category index `literal` (a kString node) stands for when compared with `other`.
  virtual Result<double> Category(const FormulaNode& other, const FormulaNode& literal) = 0;
  // An aggregate, count_if, period or record call (FunctionInfo::Kind other than kPlain).
  virtual Result<FormulaValue> IndexCall(const FormulaNode& call, const FunctionInfo& f) = 0;
};

Result<FormulaValue> EvaluateNode(const FormulaNode& node, FormulaHooks& hooks);

}  // namespace nq::formula_internal
