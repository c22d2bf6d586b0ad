#include "domain/formula.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "domain/formula_interp.h"
#include "domain/formula_lexer.h"

namespace nq {
namespace {

using formula_internal::Describe;
using formula_internal::FormulaError;
using formula_internal::FunctionInfo;
using formula_internal::Tok;
using formula_internal::Token;
using NodePtr = std::unique_ptr<FormulaNode>;

constexpr size_t kMaxBytes = 4096;
constexpr int kMaxDepth = 64;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsKeyword(const Token& t, std::string_view word) {
  return t.kind == Tok::kName && Lower(t.text) == word;
}

const char* ComparisonOp(Tok k) {
  switch (k) {
    case Tok::kLt: return "<";
    case Tok::kLe: return "<=";
    case Tok::kGt: return ">";
    case Tok::kGe: return ">=";
    case Tok::kEq: return "==";
    case Tok::kNe: return "!=";
    default: return nullptr;
  }
}

NodePtr MakeNode(FormulaNode::Kind kind, int position, std::string text) {
  auto n = std::make_unique<FormulaNode>();
  n->kind = kind;
  n->position = position;
  n->text = std::move(text);
  return n;
}

NodePtr MakeBinary(const Token& op, std::string text, NodePtr l, NodePtr r) {
  NodePtr n = MakeNode(FormulaNode::Kind::kBinary, op.position, std::move(text));
  n->children.push_back(std::move(l));
  n->children.push_back(std::move(r));
  return n;
}

bool IsRecordCall(const FormulaNode& n) {
  if (n.kind != FormulaNode::Kind::kCall) return false;
  const FunctionInfo* f = formula_internal::FindFunction(n.text);
  return f != nullptr && f->kind == FunctionInfo::Kind::kRecord;
}

// The first call under `n` (itself included) of a function other than a plain one, or nullptr.
const FormulaNode* FirstIndexCall(const FormulaNode& n) {
  if (n.kind == FormulaNode::Kind::kCall) {
    const FunctionInfo* f = formula_internal::FindFunction(n.text);
    if (f != nullptr && f->kind != FunctionInfo::Kind::kPlain) return &n;
  }
  for (const auto& c : n.children) {
    if (const FormulaNode* found = FirstIndexCall(*c)) return found;
  }
  return nullptr;
}

// The arguments of a record function (formula.h "Record functions"): a record type code first,
// for record_orgs, record_months and record_share a whole number from 1 next, and expressions
// over the record's fields without aggregate, period or record functions.
Status CheckRecordArgs(const FormulaNode& call) {
  const std::string& fn = call.text;
  const FormulaNode& type = *call.children[0];
  if (type.kind != FormulaNode::Kind::kElement) {
    return FormulaError("formula.syntax", type.position,
                        "đối số thứ nhất của hàm '" + fn +
                            "' phải là mã một loại hồ sơ, ví dụ cell_meeting");
  }
  size_t fields_from = 1;
  if (fn == "record_orgs" || fn == "record_months" || fn == "record_share") {
    const FormulaNode& n = *call.children[1];
    if (n.kind != FormulaNode::Kind::kNumber || n.number < 1 || n.number > 1e6 ||
        n.number != std::floor(n.number)) {
      return FormulaError("formula.syntax", n.position,
                          "đối số thứ hai của hàm '" + fn +
                              "' phải là một số nguyên từ 1 trở lên (số hồ sơ tối thiểu), ví "
                              "dụ 1");
    }
    fields_from = 2;
  }
  for (size_t i = fields_from; i < call.children.size(); ++i) {
    if (const FormulaNode* inner = FirstIndexCall(*call.children[i])) {
      return FormulaError("formula.syntax", inner->position,
                          "trong hàm '" + fn + "' chỉ dùng các trường của hồ sơ, không dùng hàm '" +
                              inner->text + "'");
    }
  }
  return Status::Ok();
}

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : t_(tokens) {}

  Result<NodePtr> Parse() {
    NQ_ASSIGN_OR_RETURN(NodePtr root, Expr());
    if (Peek().kind != Tok::kEnd) return Trailing();
    return root;
  }

 private:
  // Counts one level of nesting for as long as it lives.
  class Nest {
   public:
    explicit Nest(Parser* p) : p_(p) { ++p_->depth_; }
    ~Nest() { --p_->depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    bool too_deep() const { return p_->depth_ > kMaxDepth; }

   private:
    Parser* p_;
  };

  const Token& Peek() const { return t_[i_]; }
  const Token& Take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }

  Status TooDeep(int position) const {
    return FormulaError("formula.too_deep", position,
                        "công thức lồng quá " + std::to_string(kMaxDepth) + " cấp");
  }
  Status Expected(std::string_view what) const {
    return FormulaError("formula.syntax", Peek().position,
                        "cần " + std::string(what) + " nhưng gặp " + Describe(Peek()));
  }
  Status Trailing() const {
    const Token& t = Peek();
    if (t.kind == Tok::kRParen) {
      return FormulaError("formula.syntax", t.position, "thừa dấu ')'");
    }
    if (ComparisonOp(t.kind) != nullptr) {
      return FormulaError("formula.syntax", t.position,
                          "không thể nối liền hai phép so sánh; dùng 'and'");
    }
    if (t.kind == Tok::kComma) {
      return FormulaError("formula.syntax", t.position,
                          "thừa dấu ','; số thập phân viết với dấu chấm, ví dụ 2.5");
    }
    return FormulaError("formula.syntax", t.position,
                        "thừa " + Describe(t) + " sau một biểu thức đã trọn vẹn");
  }

  Result<NodePtr> Expr() { return Or(); }

  Result<NodePtr> Or() {
    NQ_ASSIGN_OR_RETURN(NodePtr left, And());
    while (IsKeyword(Peek(), "or")) {
      const Token op = Take();
      NQ_ASSIGN_OR_RETURN(NodePtr right, And());
      left = MakeBinary(op, "or", std::move(left), std::move(right));
    }
    return left;
  }

  Result<NodePtr> And() {
    NQ_ASSIGN_OR_RETURN(NodePtr left, Not());
    while (IsKeyword(Peek(), "and")) {
      const Token op = Take();
      NQ_ASSIGN_OR_RETURN(NodePtr right, Not());
      left = MakeBinary(op, "and", std::move(left), std::move(right));
    }
    return left;
  }

  Result<NodePtr> Not() {
    if (!IsKeyword(Peek(), "not")) return Cmp();
    const Nest nest(this);
    if (nest.too_deep()) return TooDeep(Peek().position);
    const Token op = Take();
    NQ_ASSIGN_OR_RETURN(NodePtr operand, Not());
    NodePtr n = MakeNode(FormulaNode::Kind::kUnary, op.position, "not");
    n->children.push_back(std::move(operand));
    return n;
  }

  Result<NodePtr> Cmp() {
    NQ_ASSIGN_OR_RETURN(NodePtr left, Sum());
    const char* op = ComparisonOp(Peek().kind);
    if (op == nullptr) return left;
    const Token tok = Take();
    NQ_ASSIGN_OR_RETURN(NodePtr right, Sum());
    if (ComparisonOp(Peek().kind) != nullptr) return Trailing();
    return MakeBinary(tok, op, std::move(left), std::move(right));
  }

  Result<NodePtr> Sum() {
    NQ_ASSIGN_OR_RETURN(NodePtr left, Product());
    while (Peek().kind == Tok::kPlus || Peek().kind == Tok::kMinus) {
      const Token op = Take();
      NQ_ASSIGN_OR_RETURN(NodePtr right, Product());
      left = MakeBinary(op, op.text, std::move(left), std::move(right));
    }
    return left;
  }

  Result<NodePtr> Product() {
    NQ_ASSIGN_OR_RETURN(NodePtr left, Unary());
    while (Peek().kind == Tok::kStar || Peek().kind == Tok::kSlash) {
      const Token op = Take();
      NQ_ASSIGN_OR_RETURN(NodePtr right, Unary());
      left = MakeBinary(op, op.text, std::move(left), std::move(right));
    }
    return left;
  }

  Result<NodePtr> Unary() {
    if (Peek().kind != Tok::kMinus) return Primary();
    const Nest nest(this);
    if (nest.too_deep()) return TooDeep(Peek().position);
    const Token op = Take();
    NQ_ASSIGN_OR_RETURN(NodePtr operand, Unary());
    NodePtr n = MakeNode(FormulaNode::Kind::kUnary, op.position, "-");
    n->children.push_back(std::move(operand));
    return n;
  }

  Result<NodePtr> Primary() {
    const Token& t = Peek();
    switch (t.kind) {
      case Tok::kNumber: {
        NodePtr n = MakeNode(FormulaNode::Kind::kNumber, t.position, t.text);
        n->number = t.number;
        Take();
        return n;
      }
      case Tok::kString: {
        NodePtr n = MakeNode(FormulaNode::Kind::kString, t.position, t.text);
        Take();
        return n;
      }
      case Tok::kLParen: {
        const Nest nest(this);
        if (nest.too_deep()) return TooDeep(Peek().position);
        Take();
        NQ_ASSIGN_OR_RETURN(NodePtr inner, Expr());
        if (Peek().kind != Tok::kRParen) return MissingParen();
        Take();
        return inner;
      }
      case Tok::kName: {
        const std::string lower = Lower(t.text);
        if (lower == "and" || lower == "or" || lower == "not") {
          return FormulaError("formula.syntax", t.position,
                              "cần một giá trị nhưng gặp từ khóa '" + t.text + "'");
        }
        if (t_[i_ + 1].kind == Tok::kLParen) return Call();
        NodePtr n = MakeNode(FormulaNode::Kind::kElement, t.position, t.text);
        Take();
        return n;
      }
      default:
        return Expected("một số, một chỉ tiêu, một hàm hoặc dấu '('");
    }
  }

  Status MissingParen() const {
    if (Peek().kind == Tok::kEnd) {
      return FormulaError("formula.syntax", Peek().position, "thiếu dấu ')'");
    }
    return Expected("dấu ')'");
  }

  Result<NodePtr> Call() {
    const Token name = Take();
    const std::string lower = Lower(name.text);
    const FunctionInfo* f = formula_internal::FindFunction(lower);
    if (f == nullptr) {
      return FormulaError("formula.unknown_function", name.position,
                          "hàm '" + name.text + "' không tồn tại");
    }
    const bool aggregate = f->kind == FunctionInfo::Kind::kAggregate ||
                           f->kind == FunctionInfo::Kind::kCountIf ||
                           f->kind == FunctionInfo::Kind::kRecord;
    if (aggregate && !inside_aggregate_.empty()) {
      return FormulaError("formula.syntax", name.position,
                          "không thể dùng hàm '" + lower + "' bên trong hàm '" +
                              inside_aggregate_ + "'");
    }
    const Nest nest(this);
    if (nest.too_deep()) return TooDeep(name.position);
    Take();  // '('
    NodePtr n = MakeNode(FormulaNode::Kind::kCall, name.position, lower);
    const std::string outer = inside_aggregate_;
    if (aggregate) inside_aggregate_ = lower;
    if (Peek().kind != Tok::kRParen) {
      while (true) {
        NQ_ASSIGN_OR_RETURN(NodePtr arg, Expr());
        n->children.push_back(std::move(arg));
        if (Peek().kind != Tok::kComma) break;
        Take();
      }
    }
    inside_aggregate_ = outer;
    if (Peek().kind != Tok::kRParen) {
      return Peek().kind == Tok::kEnd ? MissingParen() : Expected("dấu ',' hoặc ')'");
    }
    Take();
    const int argc = static_cast<int>(n->children.size());
    if (argc < f->min_args || argc > f->max_args) {
      const std::string need = f->min_args == f->max_args
                                   ? std::to_string(f->min_args)
                                   : std::to_string(f->min_args) + " hoặc " +
                                         std::to_string(f->max_args);
      return FormulaError("formula.arity", name.position,
                          "hàm '" + lower + "' cần " + need + " đối số, ở đây có " +
                              std::to_string(argc));
    }
    if (lower == "year") {
      const FormulaNode& y = *n->children[1];
      if (y.kind != FormulaNode::Kind::kNumber || y.number < 1 || y.number > 9999 ||
          y.number != std::floor(y.number)) {
        return FormulaError("formula.syntax", y.position,
                            "đối số thứ hai của hàm 'year' phải là một năm, ví dụ 2022");
      }
    }
    if (f->kind == FunctionInfo::Kind::kRecord) NQ_RETURN_IF_ERROR(CheckRecordArgs(*n));
    return n;
  }

  const std::vector<Token>& t_;
  size_t i_ = 0;
  int depth_ = 0;
  std::string inside_aggregate_;  // the aggregate whose argument is being parsed, if any
};

// Element codes; the arguments of record functions name record types and fields, not elements.
void CollectElements(const FormulaNode& n, std::vector<std::string>* out) {
  if (n.kind == FormulaNode::Kind::kElement) out->push_back(n.text);
  if (IsRecordCall(n)) return;
  for (const auto& c : n.children) CollectElements(*c, out);
}

void CollectRecordTypes(const FormulaNode& n, std::vector<std::string>* out) {
  if (IsRecordCall(n)) {
    out->push_back(n.children[0]->text);
    return;
  }
  for (const auto& c : n.children) CollectRecordTypes(*c, out);
}

}  // namespace

Result<Formula> Formula::Parse(std::string_view text) {
  if (text.size() > kMaxBytes) {
    return Status::Invalid("formula.too_long",
                           "Công thức quá dài: " + std::to_string(text.size()) +
                               " byte, tối đa " + std::to_string(kMaxBytes) + " byte");
  }
  NQ_ASSIGN_OR_RETURN(const std::vector<Token> tokens, formula_internal::Lex(text));
  Parser parser(tokens);
  NQ_ASSIGN_OR_RETURN(NodePtr root, parser.Parse());
  Formula f;
  f.text_ = std::string(text);
  f.root_ = std::shared_ptr<const FormulaNode>(std::move(root));
  return f;
}

std::vector<std::string> Formula::ElementCodes() const {
  std::vector<std::string> codes;
  CollectElements(*root_, &codes);
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

std::vector<std::string> Formula::RecordTypeCodes() const {
  std::vector<std::string> codes;
  CollectRecordTypes(*root_, &codes);
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

bool Formula::UsesIndex() const { return FirstIndexCall(*root_) != nullptr; }

}  // namespace nq
