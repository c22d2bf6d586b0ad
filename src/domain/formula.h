// Công thức: the formula language of indicators, target values and validation rules.
//
//   new_members                          an element over the subtree and the window (its own
//                                        aggregations)
//   100 * sum(members_good) / sum(members_rated)
//   count_if(org_rating == "HTXSNV" or org_rating == "HTTNV")   organizations whose value holds
//   0.03 * term_start(members)           period functions: year(x, 2022), cumulative(x),
//                                        term_start(x), prev_year(x), yearly_avg(x)
//   members_present <= members_total     a condition (validation rules)
//
// Grammar (recursive descent; precedence from low to high):
//   expr    := or
//   or      := and ("or" and)*
//   and     := not ("and" not)*
//   not     := "not" not | cmp
//   cmp     := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/") unary)*
//   unary   := "-" unary | primary
//   primary := number | string | name | name "(" args? ")" | "(" expr ")"
//   number  := digits ("." digits)?  (a decimal point; "1.234,5" is not a number here)
//   string  := '"' ... '"'           (a category code, compared with a category element)
//   name    := [A-Za-z_][A-Za-z0-9_]*  (keywords and, or, not are reserved; case-insensitive
//                                      function names, case-sensitive element codes)
// Functions and their arity: sum, avg, min, max, count (1: an element or expression over
// elements, combined over the subtree), count_if (1: a condition, counts organizations of the
// subtree for which it holds), year (2: x and a year literal), cumulative (1), term_start (1),
// prev_year (1), yearly_avg (1), abs (1), round (1 or 2), if (3: condition, then, else), and
// the record functions below (record_count 1 or 2, the others 2 or 3).
//
// Record functions: indicators fed by records (domain/record.h) instead of reported values.
// `type` is the code of a record type, written bare (record_count(cell_meeting)); `cond` is a
// condition and `expr` an expression over ONE record's fields, with the meaning of a record
// type's rule (domain/record_type.h "Rules"): a date is its day number, yes/no is 1 or 0, a
// category compares with an option code in double quotes (kind == "thematic"); number, date,
// yes/no and category fields may be named. The records taken are those of `type` kept by the
// organizations of the subtree and dated (the type's date field) within the window; period
// functions around a record function change that window as for an element
// (year(record_count(cell_meeting), 2022), cumulative(record_count(admission,
// stage == "admitted"))).
//   record_count(type[, cond])      records for which cond holds (all without cond); 0 if none
//   record_sum(type, expr[, cond])  sum of expr over those records; records where expr is
//                                   missing (an empty field) take no part; 0 if none takes part
//   record_avg / record_min / record_max(type, expr[, cond])  mean, least, greatest of expr;
//                                   missing when no record takes part
//                                   (record_avg(inspection, end_on - start_on): days)
//   record_orgs(type, n[, cond])    organizations of the subtree that themselves kept at least n
//                                   such records in the window
//   record_months(type, n[, cond])  organizations of the subtree that kept at least n such
//                                   records in EVERY calendar month of the window (months cut
//                                   to the window): regularity, "12 of 12 months"
//   record_share(type, n[, cond])   100 × (party cells — organizations of the subtree with no
//                                   subordinate organization open in the window — open in the
//                                   window that themselves kept at least n such records) /
//                                   (party cells of the subtree open in the window); missing
//                                   when there is none ("tỷ lệ chi bộ đã tổ chức quán triệt")
// A condition or expression that cannot be judged for a record (an empty field, a division by
// zero) leaves that record out; an empty window gives a missing value. n is a whole number
// literal from 1 to 1,000,000 ("formula.syntax" otherwise, as for a first argument that is not
// a bare name, and for an aggregate, period or record function inside a record function).
// Limits: 4,096 bytes of text (Invalid "formula.too_long"), and 64 levels of nesting of
// parentheses, function calls and unary operators ("formula.too_deep", with the position). The
// text must be valid UTF-8 ("formula.syntax" at the first bad byte). Keywords are
// case-insensitive too. Comparisons do not chain ("a < b < c" is an error: use "and").
// Aggregates (sum ... count, count_if, the record functions) cannot be nested inside one
// another ("formula.syntax").
//
// Errors: Invalid "formula.syntax" with a Vietnamese message giving the 1-based character
// position (code points) and what was expected, e.g. "Lỗi công thức ở vị trí 12: thiếu dấu ')'";
// "formula.unknown_function", "formula.arity" likewise with the position. Evaluation errors
// (analytics/formula_eval.h and EvaluatePlain) are "formula.div_zero" (with the position of the
// '/'), "formula.unknown_element" (with the position of the name), "formula.unknown_record_type"
// and "formula.unknown_field" (a record type or one of its fields that does not exist, with the
// position of the name), "formula.type" (a string
// where a number is needed, an unknown category, an aggregate or period function in
// EvaluatePlain) and "formula.overflow" (a result too large to be a finite number). The
// shared evaluation rules are in domain/formula_interp.h.
//
// Pure; a parsed Formula is immutable and thread-safe to share.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nq {

// One node of the syntax tree.
struct FormulaNode {
  enum class Kind { kNumber, kString, kElement, kCall, kUnary, kBinary };
  Kind kind = Kind::kNumber;
  int position = 0;          // 1-based code-point position in the text, for messages
  double number = 0;         // kNumber
  std::string text;          // kString: the string; kElement: the code; kCall: the function
                             // name in lower case; kUnary/kBinary: the operator ("-", "not",
                             // "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or")
  std::vector<std::unique_ptr<FormulaNode>> children;  // operands / arguments in order
};

class Formula {
 public:
  // Parses `text`; errors as described above.
  static Result<Formula> Parse(std::string_view text);

  const std::string& text() const { return text_; }
  const FormulaNode& root() const { return *root_; }
  // Element codes the formula names, sorted, without repeats. The arguments of record
  // functions (a record type code, field codes) are not element codes and are left out.
  std::vector<std::string> ElementCodes() const;
  // Record type codes the record functions name, sorted, without repeats.
  std::vector<std::string> RecordTypeCodes() const;
  // True when the formula uses an aggregate, period or record function (it needs the index).
  bool UsesIndex() const;

  // Evaluates a formula without aggregate or period functions over plain values (a validation
  // rule over one report). `lookup(code)` gives an element's value, nullopt when missing; a
  // missing value makes the result nullopt. Conditions give 1 or 0. Categories compare by
  // `category_index(code, string)` (nullopt: unknown category, Invalid "formula.type").
  Result<std::optional<double>> EvaluatePlain(
      const std::function<std::optional<double>(std::string_view code)>& lookup,
      const std::function<std::optional<double>(std::string_view code, std::string_view text)>&
          category_index) const;

 private:
  std::string text_;
  std::shared_ptr<const FormulaNode> root_;
};

}  // namespace nq
