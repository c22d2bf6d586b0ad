#include "domain/formula_interp.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "domain/formula_lexer.h"

namespace nq::formula_internal {
namespace {

using FnKind = FunctionInfo::Kind;

constexpr std::array<FunctionInfo, 22> kFunctions = {{
    {"sum", 1, 1, FnKind::kAggregate},       {"avg", 1, 1, FnKind::kAggregate},
    {"min", 1, 1, FnKind::kAggregate},       {"max", 1, 1, FnKind::kAggregate},
    {"count", 1, 1, FnKind::kAggregate},     {"count_if", 1, 1, FnKind::kCountIf},
    {"year", 2, 2, FnKind::kPeriod},         {"cumulative", 1, 1, FnKind::kPeriod},
    {"term_start", 1, 1, FnKind::kPeriod},   {"prev_year", 1, 1, FnKind::kPeriod},
    {"yearly_avg", 1, 1, FnKind::kPeriod},   {"record_count", 1, 2, FnKind::kRecord},
    {"record_sum", 2, 3, FnKind::kRecord},   {"record_avg", 2, 3, FnKind::kRecord},
    {"record_min", 2, 3, FnKind::kRecord},   {"record_max", 2, 3, FnKind::kRecord},
    {"record_orgs", 2, 3, FnKind::kRecord},  {"record_months", 2, 3, FnKind::kRecord},
    {"record_share", 2, 3, FnKind::kRecord}, {"abs", 1, 1, FnKind::kPlain},
    {"round", 1, 2, FnKind::kPlain},         {"if", 3, 3, FnKind::kPlain},
}};

bool NearlyEqual(double a, double b) {
  const double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
  return std::fabs(a - b) <= 1e-9 * scale;
}

bool Truth(double x) { return x != 0; }

Result<FormulaValue> Finite(FormulaValue v, const FormulaNode& at) {
  if (v.value && !std::isfinite(*v.value)) {
    return FormulaError("formula.overflow", at.position, "kết quả quá lớn");
  }
  return v;
}

// Half away from zero to `digits` decimals (digits clamped to -15..15).
double RoundTo(double x, double digits) {
  const int d = static_cast<int>(std::clamp(std::trunc(digits), -15.0, 15.0));
  const double scale = std::pow(10.0, std::abs(d));
  if (d >= 0) return std::round(x * scale) / scale;
  return std::round(x / scale) * scale;
}

Result<FormulaValue> Compare(const FormulaNode& node, FormulaHooks& hooks) {
  const FormulaNode& l = *node.children[0];
  const FormulaNode& r = *node.children[1];
  FormulaValue a;
  FormulaValue b;
  if (l.kind == FormulaNode::Kind::kString && r.kind == FormulaNode::Kind::kString) {
    return FormulaError("formula.type", l.position, "không thể so sánh hai chuỗi với nhau");
  }
  if (l.kind == FormulaNode::Kind::kString || r.kind == FormulaNode::Kind::kString) {
    const bool left_string = l.kind == FormulaNode::Kind::kString;
    const FormulaNode& other = left_string ? r : l;
    const FormulaNode& literal = left_string ? l : r;
    NQ_ASSIGN_OR_RETURN(const double index, hooks.Category(other, literal));
    NQ_ASSIGN_OR_RETURN(FormulaValue value, EvaluateNode(other, hooks));
    a = left_string ? FormulaValue{index, false} : value;
    b = left_string ? value : FormulaValue{index, false};
  } else {
    NQ_ASSIGN_OR_RETURN(a, EvaluateNode(l, hooks));
    NQ_ASSIGN_OR_RETURN(b, EvaluateNode(r, hooks));
  }
  FormulaValue out{std::nullopt, a.estimate || b.estimate};
  if (!a.value || !b.value) return out;
  const double x = *a.value;
  const double y = *b.value;
  const bool eq = NearlyEqual(x, y);
  bool holds = false;
  const std::string& op = node.text;
  if (op == "==") holds = eq;
  else if (op == "!=") holds = !eq;
  else if (op == "<") holds = x < y && !eq;
  else if (op == "<=") holds = x < y || eq;
  else if (op == ">") holds = x > y && !eq;
  else holds = x > y || eq;  // ">="
  out.value = holds ? 1.0 : 0.0;
  return out;
}

Result<FormulaValue> Binary(const FormulaNode& node, FormulaHooks& hooks) {
  const std::string& op = node.text;
  if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=") {
    return Compare(node, hooks);
  }
  NQ_ASSIGN_OR_RETURN(const FormulaValue a, EvaluateNode(*node.children[0], hooks));
  NQ_ASSIGN_OR_RETURN(const FormulaValue b, EvaluateNode(*node.children[1], hooks));
  FormulaValue out{std::nullopt, a.estimate || b.estimate};
  if (!a.value || !b.value) return out;
  const double x = *a.value;
  const double y = *b.value;
  if (op == "+") out.value = x + y;
  else if (op == "-") out.value = x - y;
  else if (op == "*") out.value = x * y;
  else if (op == "/") {
    if (y == 0) return FormulaError("formula.div_zero", node.position, "chia cho 0");
    out.value = x / y;
  } else if (op == "and") out.value = Truth(x) && Truth(y) ? 1.0 : 0.0;
  else out.value = Truth(x) || Truth(y) ? 1.0 : 0.0;  // "or"
  return Finite(out, node);
}

Result<FormulaValue> PlainCall(const FormulaNode& node, FormulaHooks& hooks) {
  if (node.text == "if") {
    NQ_ASSIGN_OR_RETURN(const FormulaValue c, EvaluateNode(*node.children[0], hooks));
    if (!c.value) return c;
    NQ_ASSIGN_OR_RETURN(FormulaValue branch,
                        EvaluateNode(*node.children[Truth(*c.value) ? 1 : 2], hooks));
    branch.estimate = branch.estimate || c.estimate;
    return branch;
  }
  NQ_ASSIGN_OR_RETURN(FormulaValue x, EvaluateNode(*node.children[0], hooks));
  if (node.text == "abs") {
    if (x.value) x.value = std::fabs(*x.value);
    return x;
  }
  // round(x) or round(x, digits)
  double digits = 0;
  if (node.children.size() == 2) {
    NQ_ASSIGN_OR_RETURN(const FormulaValue d, EvaluateNode(*node.children[1], hooks));
    x.estimate = x.estimate || d.estimate;
    if (!d.value) return FormulaValue{std::nullopt, x.estimate};
    digits = *d.value;
  }
  if (x.value) x.value = RoundTo(*x.value, digits);
  return Finite(x, node);
}

}  // namespace

const FunctionInfo* FindFunction(std::string_view lower_name) {
  for (const FunctionInfo& f : kFunctions) {
    if (lower_name == f.name) return &f;
  }
  return nullptr;
}

Result<FormulaValue> EvaluateNode(const FormulaNode& node, FormulaHooks& hooks) {
  switch (node.kind) {
    case FormulaNode::Kind::kNumber:
      return FormulaValue{node.number, false};
    case FormulaNode::Kind::kString:
      return FormulaError("formula.type", node.position,
                          "chuỗi \"" + node.text +
                              "\" chỉ dùng để so sánh với một chỉ tiêu danh mục, ở đây cần một số");
    case FormulaNode::Kind::kElement:
      return hooks.Element(node);
    case FormulaNode::Kind::kUnary: {
      NQ_ASSIGN_OR_RETURN(FormulaValue x, EvaluateNode(*node.children[0], hooks));
      if (x.value) x.value = node.text == "not" ? (Truth(*x.value) ? 0.0 : 1.0) : -*x.value;
      return x;
    }
    case FormulaNode::Kind::kBinary:
      return Binary(node, hooks);
    case FormulaNode::Kind::kCall: {
      const FunctionInfo* f = FindFunction(node.text);
      if (f == nullptr) {  // the parser only builds known functions
        return FormulaError("formula.unknown_function", node.position,
                            "hàm '" + node.text + "' không tồn tại");
      }
      if (f->kind == FnKind::kPlain) return PlainCall(node, hooks);
      return hooks.IndexCall(node, *f);
    }
  }
  return FormulaError("formula.syntax", node.position, "nút không hợp lệ");
}

}  // namespace nq::formula_internal
