#include "analytics/record_program.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "analytics/record_index.h"
#include "domain/formula_lexer.h"

namespace nq::analytics {
namespace record_internal {
namespace {

using formula_internal::FormulaError;
using Kind = FormulaNode::Kind;

bool IsComparison(const std::string& op) {
  return op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=";
}

// Any version's option of f matching `code` as a rule matches it (OptionIndex).
bool IsOptionOf(const RecordType& t, const std::string& field, const std::string& code) {
  for (const RecordTypeVersion& v : t.versions) {
    const FieldDef* f = v.Find(field);
    if (f != nullptr && OptionIndex(*f, code)) return true;
  }
  return false;
}

// The field `n` names, when it exists and may take part in a record function.
Result<const FieldDef*> UsableField(const RecordType& t, const FormulaNode& n) {
  const FieldDef* f = FindRecordField(t, n.text);
  if (f == nullptr) {
    return FormulaError("formula.unknown_field", n.position,
                        "trường '" + n.text + "' không có trong loại hồ sơ '" + t.code + "'");
  }
  if (!IsRuleOperand(f->type)) {
    return FormulaError("formula.type", n.position,
                        "trường '" + f->label + "' (" + FieldTypeLabel(f->type) +
                            ") không dùng được trong hàm hồ sơ; chỉ dùng trường số, ngày, "
                            "có/không và danh mục");
  }
  return f;
}

Status CheckString(const RecordType& t, const FormulaNode& s, const FormulaNode& other) {
  const std::string quoted = "\"" + s.text + "\"";
  if (other.kind != Kind::kElement) {
    return FormulaError("formula.type", s.position,
                        "chuỗi " + quoted + " chỉ so sánh được trực tiếp với một trường danh mục");
  }
  NQ_ASSIGN_OR_RETURN(const FieldDef* f, UsableField(t, other));
  if (f->type != FieldType::kCategory) {
    return FormulaError("formula.type", s.position,
                        "trường '" + f->label + "' không phải trường danh mục nên không so sánh " +
                            "được với chuỗi " + quoted);
  }
  if (!IsOptionOf(t, other.text, s.text)) {
    return FormulaError("formula.type", s.position,
                        quoted + " không phải là mã lựa chọn của trường '" + f->label + "'");
  }
  return Status::Ok();
}

bool NearlyEqual(double a, double b) {
  const double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
  return std::fabs(a - b) <= 1e-9 * scale;
}

double RoundTo(double x, double digits) {
  const int d = static_cast<int>(std::clamp(std::trunc(digits), -15.0, 15.0));
  const double scale = std::pow(10.0, std::abs(d));
  if (d >= 0) return std::round(x * scale) / scale;
  return std::round(x / scale) * scale;
}

double Finite(double x) { return std::isfinite(x) ? x : Missing(); }

}  // namespace

Status CheckRecordExpr(const RecordType& t, const FormulaNode& n) {
  if (n.kind == Kind::kElement) return UsableField(t, n).status();
  if (n.kind == Kind::kString) {
    return FormulaError("formula.type", n.position,
                        "chuỗi \"" + n.text + "\" chỉ dùng để so sánh với một trường danh mục");
  }
  const bool comparison = n.kind == Kind::kBinary && IsComparison(n.text);
  if (comparison && n.children[0]->kind == Kind::kString &&
      n.children[1]->kind == Kind::kString) {
    return FormulaError("formula.type", n.children[0]->position,
                        "không thể so sánh hai chuỗi với nhau");
  }
  for (size_t i = 0; i < n.children.size(); ++i) {
    const FormulaNode& c = *n.children[i];
    if (comparison && c.kind == Kind::kString) {
      NQ_RETURN_IF_ERROR(CheckString(t, c, *n.children[1 - i]));
    } else {
      NQ_RETURN_IF_ERROR(CheckRecordExpr(t, c));
    }
  }
  return Status::Ok();
}

struct RecordProgram::Node {
  enum class Op {
    kConst, kColumn, kDay, kNeg, kNot, kAbs, kRound, kAdd, kSub, kMul, kDiv,
    kLt, kLe, kGt, kGe, kEq, kNe, kAnd, kOr, kIf,
  };
  Op op = Op::kConst;
  double constant = 0;
  int column = 0;
  std::vector<std::unique_ptr<Node>> children;
  mutable std::vector<double> scratch1;  // second and third operands
  mutable std::vector<double> scratch2;

  void Eval(const Block& b, size_t lo, size_t n, double* out) const;
};

namespace {

using Node = RecordProgram::Node;
using Op = Node::Op;

Op BinaryOp(const std::string& s) {
  if (s == "+") return Op::kAdd;
  if (s == "-") return Op::kSub;
  if (s == "*") return Op::kMul;
  if (s == "/") return Op::kDiv;
  if (s == "<") return Op::kLt;
  if (s == "<=") return Op::kLe;
  if (s == ">") return Op::kGt;
  if (s == ">=") return Op::kGe;
  if (s == "==") return Op::kEq;
  if (s == "!=") return Op::kNe;
  if (s == "and") return Op::kAnd;
  return Op::kOr;
}

std::unique_ptr<Node> Constant(double x) {
  auto node = std::make_unique<Node>();
  node->op = Op::kConst;
  node->constant = x;
  return node;
}

Result<std::unique_ptr<Node>> Build(const TypeData& d, const FormulaNode& n,
                                    const FormulaNode* category_of = nullptr) {
  auto node = std::make_unique<Node>();
  switch (n.kind) {
    case Kind::kNumber:
      return Constant(n.number);
    case Kind::kString: {  // compared with `category_of` (CheckRecordExpr made sure)
      auto it = d.column_of.find(category_of->text);
      const int i = it == d.column_of.end() || it->second < 0
                        ? -1
                        : OptionIndexOf(d.fields[static_cast<size_t>(it->second)], n.text);
      if (i < 0) {
        return FormulaError("formula.type", n.position,
                            "\"" + n.text + "\" không phải là mã lựa chọn của trường '" +
                                category_of->text + "'");
      }
      return Constant(i);
    }
    case Kind::kElement: {
      auto it = d.column_of.find(n.text);
      if (it == d.column_of.end()) return Constant(Missing());  // checked: a field never held
      node->op = it->second == kDateColumn ? Op::kDay : Op::kColumn;
      node->column = it->second;
      return node;
    }
    case Kind::kUnary:
      node->op = n.text == "not" ? Op::kNot : Op::kNeg;
      break;
    case Kind::kBinary:
      node->op = BinaryOp(n.text);
      break;
    case Kind::kCall:
      node->op = n.text == "abs" ? Op::kAbs : n.text == "round" ? Op::kRound : Op::kIf;
      break;
  }
  const bool comparison = n.kind == Kind::kBinary && IsComparison(n.text);
  for (size_t i = 0; i < n.children.size(); ++i) {
    const FormulaNode* other = comparison ? n.children[1 - i].get() : nullptr;
    NQ_ASSIGN_OR_RETURN(std::unique_ptr<Node> c, Build(d, *n.children[i], other));
    node->children.push_back(std::move(c));
  }
  if (node->children.size() > 1) node->scratch1.resize(kBatch);
  if (node->children.size() > 2) node->scratch2.resize(kBatch);
  return node;
}

template <typename F>
void Each(size_t n, double* out, const double* y, F f) {
  for (size_t i = 0; i < n; ++i) {
    const double a = out[i];
    const double b = y[i];
    out[i] = std::isnan(a) || std::isnan(b) ? Missing() : f(a, b);
  }
}

}  // namespace

void Node::Eval(const Block& b, size_t lo, size_t n, double* out) const {
  switch (op) {
    case Op::kConst:
      std::fill_n(out, n, constant);
      return;
    case Op::kColumn:
      b.cols[static_cast<size_t>(column)].Read(lo, n, out);
      return;
    case Op::kDay:
      for (size_t i = 0; i < n; ++i) out[i] = b.day[lo + i];
      return;
    default:
      break;
  }
  children[0]->Eval(b, lo, n, out);
  if (op == Op::kNeg || op == Op::kNot || op == Op::kAbs) {
    for (size_t i = 0; i < n; ++i) {
      const double x = out[i];
      if (std::isnan(x)) continue;
      out[i] = op == Op::kNeg ? -x : op == Op::kAbs ? std::fabs(x) : (x != 0 ? 0.0 : 1.0);
    }
    return;
  }
  if (op == Op::kRound && children.size() == 1) {
    for (size_t i = 0; i < n; ++i) out[i] = Finite(RoundTo(out[i], 0));
    return;
  }
  double* y = scratch1.data();
  children[1]->Eval(b, lo, n, y);
  switch (op) {
    case Op::kRound: Each(n, out, y, [](double a, double c) { return Finite(RoundTo(a, c)); });
      return;
    case Op::kAdd: Each(n, out, y, [](double a, double c) { return Finite(a + c); }); return;
    case Op::kSub: Each(n, out, y, [](double a, double c) { return Finite(a - c); }); return;
    case Op::kMul: Each(n, out, y, [](double a, double c) { return Finite(a * c); }); return;
    case Op::kDiv:
      Each(n, out, y, [](double a, double c) { return c == 0 ? Missing() : Finite(a / c); });
      return;
    case Op::kLt:
      Each(n, out, y, [](double a, double c) { return a < c && !NearlyEqual(a, c) ? 1.0 : 0.0; });
      return;
    case Op::kLe:
      Each(n, out, y, [](double a, double c) { return a < c || NearlyEqual(a, c) ? 1.0 : 0.0; });
      return;
    case Op::kGt:
      Each(n, out, y, [](double a, double c) { return a > c && !NearlyEqual(a, c) ? 1.0 : 0.0; });
      return;
    case Op::kGe:
      Each(n, out, y, [](double a, double c) { return a > c || NearlyEqual(a, c) ? 1.0 : 0.0; });
      return;
    case Op::kEq: Each(n, out, y, [](double a, double c) { return NearlyEqual(a, c) ? 1.0 : 0.0; });
      return;
    case Op::kNe: Each(n, out, y, [](double a, double c) { return NearlyEqual(a, c) ? 0.0 : 1.0; });
      return;
    case Op::kAnd:
      Each(n, out, y, [](double a, double c) { return a != 0 && c != 0 ? 1.0 : 0.0; });
      return;
    case Op::kOr:
      Each(n, out, y, [](double a, double c) { return a != 0 || c != 0 ? 1.0 : 0.0; });
      return;
    case Op::kIf: {
      double* z = scratch2.data();
      children[2]->Eval(b, lo, n, z);
      for (size_t i = 0; i < n; ++i) {
        if (std::isnan(out[i])) continue;
        out[i] = out[i] != 0 ? y[i] : z[i];
      }
      return;
    }
    default:
      return;
  }
}

RecordProgram::RecordProgram(std::unique_ptr<Node> root) : root_(std::move(root)) {}
RecordProgram::~RecordProgram() = default;

Result<std::unique_ptr<RecordProgram>> RecordProgram::Compile(const TypeData& d,
                                                              const FormulaNode& n) {
  NQ_RETURN_IF_ERROR(CheckRecordExpr(d.type, n));
  NQ_ASSIGN_OR_RETURN(std::unique_ptr<Node> root, Build(d, n));
  return std::unique_ptr<RecordProgram>(new RecordProgram(std::move(root)));
}

void RecordProgram::Eval(const Block& b, size_t lo, size_t n, double* out) const {
  root_->Eval(b, lo, n, out);
}

}  // namespace record_internal

std::optional<RecordQuery> RecordQueryOf(const FormulaNode& call) {
  if (call.kind != FormulaNode::Kind::kCall || call.children.empty()) return std::nullopt;
  const std::optional<RecordOp> op = RecordOpOf(call.text);
  if (!op) return std::nullopt;
  RecordQuery q;
  q.op = *op;
  q.type_code = call.children[0]->text;
  q.position = call.children[0]->position;
  auto arg = [&](size_t i) { return i < call.children.size() ? call.children[i].get() : nullptr; };
  switch (*op) {
    case RecordOp::kCount:
      q.cond = arg(1);
      break;
    case RecordOp::kSum:
    case RecordOp::kAvg:
    case RecordOp::kMin:
    case RecordOp::kMax:
      q.expr = arg(1);
      q.cond = arg(2);
      break;
    case RecordOp::kOrgs:
    case RecordOp::kMonths:
    case RecordOp::kShare:
      if (const FormulaNode* n = arg(1)) q.min_records = static_cast<int64_t>(n->number);
      q.cond = arg(2);
      break;
  }
  return q;
}

Status CheckRecordCall(const FormulaNode& call, const RecordCatalog* catalog) {
  const std::optional<RecordQuery> q = RecordQueryOf(call);
  if (!q) return Status::Ok();
  const RecordType* t = catalog ? catalog->Find(q->type_code) : nullptr;
  if (t == nullptr) {
    return formula_internal::FormulaError("formula.unknown_record_type", q->position,
                                          "loại hồ sơ '" + q->type_code + "' không tồn tại");
  }
  if (q->expr) NQ_RETURN_IF_ERROR(record_internal::CheckRecordExpr(*t, *q->expr));
  if (q->cond) NQ_RETURN_IF_ERROR(record_internal::CheckRecordExpr(*t, *q->cond));
  return Status::Ok();
}

}  // namespace nq::analytics
