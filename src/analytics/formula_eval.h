// Evaluating formulas (domain/formula.h) over the value index, for an organization subtree and a
// window of dates, within a term.
//
// Meaning of each construct at (root, window [from, to], term):
//   element x        x over the subtree and the window with the element's own organization and
//                    time aggregations (ValueIndex::Aggregate); nullopt when nothing reported
//   sum/avg/min/max/count(x)   the same with that organization aggregation (x an element); with
//                    an expression over several elements: the expression evaluated for each
//                    organization of the subtree that has all of them, then combined
//   count_if(cond)   number of organizations of the subtree for which cond holds, cond evaluated
//                    on each organization's own values over the window (organizations lacking a
//                    value the condition names are not counted); 0 when none
//   year(x, Y)       x over the part of year Y inside the term
//   cumulative(x)    x over [term start, window end]
//   term_start(x)    x over the period of x's type that holds the term's first day (or, when that
//                    has no value, the first period after it with one)
//   prev_year(x)     x over the year before the window's end year
//   yearly_avg(x)    mean of x over each year of the window that has a value
//   record_count(type, cond), record_sum, … record_share   over the records of the subtree
//                    dated within the window (RecordIndex::Run, domain/formula.h); a period
//                    function around one changes its window as for an element (term_start,
//                    which needs an element's period type, evaluates a record function over
//                    the window as it is)
//   comparisons, and, or, not: 1 or 0; if(c, a, b)
// A result rests on an estimate when any value that took part does. Arithmetic with a missing
// operand is missing (nullopt), except that count_if and count give 0.
//
// Thread-safe: reads only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/record_index.h"
#include "analytics/value_index.h"
#include "common/status.h"
#include "common/time.h"
#include "domain/data.h"
#include "domain/formula.h"

namespace nq::analytics {

// The data elements a formula may name, by code.
class ElementCatalog {
 public:
  ElementCatalog() = default;
  explicit ElementCatalog(std::vector<DataElement> elements);
  const DataElement* Find(std::string_view code) const;
  const DataElement* FindId(int64_t id) const;
  const std::vector<DataElement>& elements() const { return elements_; }

 private:
  std::vector<DataElement> elements_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<int64_t, size_t> by_id_;
};

struct EvalContext {
  const ValueIndex* index = nullptr;
  const ElementCatalog* catalog = nullptr;
  // The records for the record functions, with their types (RecordIndex::catalog); nullptr:
  // every record function fails with Invalid "formula.unknown_record_type".
  const RecordIndex* records = nullptr;
  int64_t root_org = 0;
  Window window;
  Date term_start;
  Date term_end;
};

struct EvalValue {
  std::optional<double> value;
  bool estimate = false;
};

// Errors as in domain/formula.h ("formula.div_zero", "formula.unknown_element", "formula.type",
// "formula.unknown_record_type", "formula.unknown_field", "formula.overflow").
Result<EvalValue> Evaluate(const Formula& f, const EvalContext& ctx);

// Checks, without evaluating, that every element the formula names is in the catalog (Invalid
// "formula.unknown_element" with the position and a Vietnamese message), and every record
// function its record type and fields (CheckRecordCall, record_index.h: "formula.unknown_
// record_type" — always when `records` is null —, "formula.unknown_field", "formula.type").
Status CheckElements(const Formula& f, const ElementCatalog& catalog,
                     const RecordCatalog* records = nullptr);

}  // namespace nq::analytics
