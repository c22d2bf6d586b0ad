// ValueIndex: every reported value held in memory, for rollups by organization subtree × period
// window in microseconds (DESIGN.md "Analytics").
//
// Organizations are numbered in pre-order (domain/org_tree.h), so a subtree is a contiguous
// range of positions; values are kept column-wise per data element, per organization, sorted by
// period; per-period partial sums of every subtree of inner organizations, and per-organization
// sums of each calendar year (elements with several periods a year), are kept up to date on
// each write, so subtree sums over a window read a few cells instead of every value. Every
// Set/Erase is visible to the very next read: there is no rebuild step. Memory: at most 16 bytes
// per stored value at national scale (bench/ measures it).
//
// Windows. A read names a window of dates [from, to] (inclusive); the element's periods that
// overlap the window take part (a yearly value for 2020 takes part in a window starting on
// 1/8/2020; May 2023 takes part in a window ending on 17/5/2023).
//
// Combining. An organization's value over a window combines its periods by the element's time
// aggregation (sum, last = the value of its latest period in the window, average); a subtree's
// value combines the organizations' values by an organization aggregation (the element's own,
// or the one a formula asks for): sum, average, min, max, count (of organizations with a value).
// A result rests on an estimate when any value that took part is marked as one. Organizations
// with no value in the window take no part; a subtree with none has no value (nullopt).
//
// Periods. Each element has one period type. Period positions are stored relative to the first
// period of the year 2000 of that type and must fit in 0..32767 (monthly: years 2000–4730;
// daily: 2000–2089); a period outside is refused with Invalid "index.period_range".
//
// Thread-safety: all const methods may run concurrently with each other and with writers
// (a shared lock; writers take it exclusively for the few microseconds of an update).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/data.h"
#include "domain/org_tree.h"
#include "domain/period.h"

namespace nq::analytics {

// How an element's values combine; given once per element.
struct ElementShape {
  int64_t element_id = 0;
  PeriodType period_type = PeriodType::kMonthly;
  OrgAggregation org_aggregation = OrgAggregation::kSum;
  TimeAggregation time_aggregation = TimeAggregation::kSum;
};

struct Window {
  Date from;
  Date to;  // inclusive
};

// A combined value. `value` is nullopt when nothing took part.
struct Rollup {
  std::optional<double> value;
  bool estimate = false;  // some value that took part is an estimate
  int64_t orgs = 0;       // organizations that had a value in the window
};

// One organization's combined value over a window.
struct OrgCell {
  int pre = 0;            // pre-order position in the index's tree
  int64_t org_id = 0;
  double value = 0;
  bool estimate = false;
};

// One period of a series: the subtree's combined value for that period alone.
struct SeriesPoint {
  Period period;
  double value = 0;
  bool estimate = false;
  int64_t orgs = 0;
};

class ValueIndex {
 public:
  // An empty index over `tree`.
  explicit ValueIndex(OrgTree tree);
  ~ValueIndex();
  ValueIndex(const ValueIndex&) = delete;
  ValueIndex& operator=(const ValueIndex&) = delete;

  // Declares (or redeclares) an element. Redeclaring with another period type drops its values
  // (the caller reloads them); other changes keep them.
  void DefineElement(const ElementShape& shape);
  // Drops an element and its values.
  void DropElement(int64_t element_id);

  // Loads many values at once (start-up): faster than Set one by one. Values of unknown
  // elements or organizations, or periods of the wrong type or out of range, are refused with
  // the first offending value named (Invalid "index.element_unknown", "index.org_unknown",
  // "index.period_type", "index.period_range"); nothing is loaded then.
  Status Load(const std::vector<DataValue>& values);

  // Sets or replaces one value; errors as for Load.
  Status Set(int64_t org_id, int64_t element_id, const Period& period, double value,
             bool estimate);
  // Removes one value (no error if absent; errors as for Load otherwise).
  Status Erase(int64_t org_id, int64_t element_id, const Period& period);

  // Replaces the tree (organizations added, moved, closed), keeping every value of the
  // organizations still present. O(values).
  void ReplaceTree(OrgTree tree);
  // The tree the index is numbered by (a copy: the index may replace it meanwhile).
  OrgTree tree() const;

  // --- reads ------------------------------------------------------------------------------
  // One stored value.
  std::optional<DataValue> Get(int64_t org_id, int64_t element_id, const Period& period) const;

  // The subtree of `root` over the window, combined with the element's own organization
  // aggregation, or with `org_aggregation` when given. Unknown element or root: nothing.
  Rollup Aggregate(int64_t element_id, int64_t root, const Window& w,
                   std::optional<OrgAggregation> org_aggregation = std::nullopt) const;

  // Each organization of the subtree that has a value in the window, in pre-order, with its
  // value combined over time.
  std::vector<OrgCell> OrgValues(int64_t element_id, int64_t root, const Window& w) const;

  // The same organizations and values as OrgValues, handed one by one to visit(context, pre,
  // value) in pre-order, without building the cells (counting reads over a whole country). The
  // read lock is held during the calls: `visit` must not call into the index.
  using OrgVisitor = void (*)(void* context, int pre, double value);
  void VisitOrgValues(int64_t element_id, int64_t root, const Window& w, OrgVisitor visit,
                      void* context) const;

  // How many organizations of the subtree have a value in the window (combined over time as in
  // OrgValues) that is >= at_least, counting only positions p with (*only)[p] != 0 when `only`
  // is given: a filter by pre-order position in the index's tree (as OrgCell::pre; positions at
  // or past only->size() are not counted; the caller keeps it in step with tree()). A NaN value
  // is never counted. Unknown element or root, or nothing in the window: 0. The same
  // organizations and values as OrgValues, with no call per organization: when the window holds
  // every covered period of one calendar year of a monthly, quarterly or six-monthly element
  // summed or averaged over time, each organization costs two sequential words (its period mask
  // and its kept year sum), rows unread.
  int64_t CountOrgValues(int64_t element_id, int64_t root, const Window& w, double at_least,
                         const std::vector<char>* only = nullptr) const;

  // The subtree's value for each period of the element's type that overlaps the window, in
  // order; periods without any value are left out.
  std::vector<SeriesPoint> Series(int64_t element_id, int64_t root, const Window& w) const;

  // Number of stored values, and the bytes the index holds for them (for the benchmark).
  int64_t size() const;
  int64_t MemoryBytes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace nq::analytics
