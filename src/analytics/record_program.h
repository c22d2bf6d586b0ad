// A condition or expression of a record function (domain/formula.h "Record functions"),
// compiled once against a type's columns (analytics/record_index_internal.h) and run over a
// block's rows a batch at a time, for RecordIndex only.
//
// Per record: a missing value (an empty field, NaN) makes arithmetic, comparisons, and, or, not,
// abs and round missing; if(c, a, b) takes the branch c chooses; a division by zero or a result
// that is not finite is missing (the record takes no part, as a record type rule with a
// division by zero is not judged); comparisons and logic give 1 or 0 with the tolerance of
// domain/formula_interp.h.
//
// A compiled program keeps scratch buffers: one program serves one thread (RecordIndex
// compiles one per call).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "analytics/record_index_internal.h"
#include "common/status.h"
#include "domain/formula.h"

namespace nq::analytics::record_internal {

// Checks what `n` (an argument of a record function of type `t`) names: fields of some version
// that rules may name, strings compared with category fields of which they are option codes.
// Errors as CheckRecordCall (record_index.h) says.
Status CheckRecordExpr(const RecordType& t, const FormulaNode& n);

class RecordProgram {
 public:
  // Checks `n` against d.type (CheckRecordExpr) and compiles it over d's columns.
  static Result<std::unique_ptr<RecordProgram>> Compile(const TypeData& d, const FormulaNode& n);
  ~RecordProgram();
  RecordProgram(const RecordProgram&) = delete;
  RecordProgram& operator=(const RecordProgram&) = delete;

  // The value of rows [lo, lo + n) of `b` into out[0..n) (NaN: missing); n <= kBatch.
  void Eval(const Block& b, size_t lo, size_t n, double* out) const;

  struct Node;

 private:
  explicit RecordProgram(std::unique_ptr<Node> root);
  std::unique_ptr<Node> root_;
};

}  // namespace nq::analytics::record_internal
