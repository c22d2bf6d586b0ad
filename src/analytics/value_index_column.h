// ElementColumn: the values of one data element inside ValueIndex (analytics/value_index.h).
//
//   rows      one sorted row per organization (pre-order position): parallel arrays of period
//             slots (uint16, the estimate flag in the high bit) and values (double) in a single
//             heap block, so a value costs 10 bytes plus the block's slack.
//   rollups   per inner organization (one with children) and per period slot: the subtree's sum,
//             number of values and number of estimates, kept up to date on every write by
//             walking the ancestors; kept while the element's slots span at most
//             kMaxRollupSpan periods (a monthly term is 60). Beside them, per inner
//             organization and calendar year, the number of organizations of the subtree with a
//             value in that year (yearly to monthly elements), kept by looking at a row's
//             neighbouring slots on each write.
//   masks     per organization, bitmaps of the slots holding a value and an estimate, so "how
//             many organizations of this range have a value in the window" reads one word per
//             organization, and a row's values in a window are found by counting bits, without
//             reading its slots; kept while the span is at most 64 * kMaxMaskWords. The
//             estimate masks are allocated at the column's first estimate (real data rarely has
//             any): empty, they mean "no estimates".
//   year sums per calendar year and organization, the sum of the row's values of that year in
//             slot order (bit for bit what Combine adds up), year-major so that one year of a
//             range of organizations is one sequential read; recomputed from the row on each
//             write to that organization and year. Kept for elements with several periods a year
//             (six-monthly, quarterly, monthly) while the column has masks: a window holding
//             every covered slot of one year is then summed or averaged without reading rows.
//
// Slots are period positions relative to the first period of 2000 of the element's type
// (0..32767). The column covers the slot range [base(), base() + span()): every stored value
// lies inside it; Cover() widens it before values outside are stored.
//
// Internal to ValueIndex: not thread-safe (the index holds its lock around every call).
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include "analytics/value_index.h"
#include "domain/org_tree.h"

namespace nq::analytics {

inline constexpr uint16_t kEstimateBit = 0x8000;
inline constexpr uint16_t kSlotMask = 0x7fff;
inline constexpr int kMaxSlot = 32767;
inline constexpr int kMaxRollupSpan = 4096;
inline constexpr int kMaxMaskWords = 4;

// Mask of bits [a, b] of a 64-bit word (0 <= a <= b <= 63).
inline uint64_t BitRange(int a, int b) {
  const uint64_t upper = b == 63 ? ~uint64_t{0} : (uint64_t{1} << (b + 1)) - 1;
  return upper & ~((uint64_t{1} << a) - 1);
}

// Number of set bits. std::popcount becomes a library call when the build targets plain x86-64
// (no -mpopcnt); this stays inline either way.
inline int PopCount(uint64_t x) {
#if defined(__POPCNT__) || !(defined(__x86_64__) || defined(__i386__))
  return __builtin_popcountll(x);
#else
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

// Plain x86-64, the baseline Debian builds for, lacks the POPCNT instruction, though every x86-64
// CPU since 2008 has it: the one-word read of ForEachOrg, the hot loop of per-organization
// reads, is compiled twice and the CPU's choice made once at run time.
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__)) && !defined(__POPCNT__)
#define NQ_POPCNT_DISPATCH 1
inline bool CpuHasPopcnt() {
  static const bool has = __builtin_cpu_supports("popcnt");
  return has;
}
#endif

// PopCount, or the builtin where the caller is compiled for a CPU with POPCNT.
template <bool kHardware>
inline int PopCountAs(uint64_t x) {
  if constexpr (kHardware) {
    return __builtin_popcountll(x);
  } else {
    return PopCount(x);
  }
}

// First index of the row whose slot is >= slot.
inline int LowerBound(const uint16_t* slots, int size, int slot) {
  int lo = 0;
  int hi = size;
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    if ((slots[mid] & kSlotMask) < slot) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The tree's links by pre-order position, as the columns need them.
struct TreeLinks {
  std::vector<int32_t> parent;  // parent's position, -1 for a root
  std::vector<int32_t> end;     // one past the last position of the subtree
  std::vector<int32_t> inner;   // index among inner organizations, -1 for a leaf
  std::vector<int64_t> id;      // organization id
  int32_t inner_count = 0;

  static TreeLinks Of(const OrgTree& tree);
  size_t size() const { return parent.size(); }
  int64_t MemoryBytes() const;
};

// One organization's row: `size` values in slot order.
struct RowView {
  const double* values = nullptr;
  const uint16_t* slots = nullptr;  // slot | kEstimateBit for an estimate
  int size = 0;
};

// Sums of rollup cells over a slot range.
struct CellTotals {
  double sum = 0;
  int64_t count = 0;      // values (not organizations)
  int64_t estimates = 0;  // values marked as estimates
};

// A window of slots prepared for reading many organizations' rows (see ElementColumn::Combine).
struct MaskWindow {
  int lo = 0;
  int hi = -1;  // lo > hi: nothing of the column lies in the window
  int words = 0;
  uint64_t below[kMaxMaskWords] = {};  // bits of slots before the window
  uint64_t range[kMaxMaskWords] = {};  // bits of the window's slots
  // The year index (slot / periods per year) when the window holds exactly the covered slots of
  // one calendar year and the column keeps year sums; -1 otherwise.
  int year = -1;
};

// One organization's values over a window, combined over time.
struct OrgWindow {
  double value = 0;
  bool estimate = false;  // some value that took part is an estimate
  bool any = false;       // false: no value in the window
};

class ElementColumn {
 public:
  ElementColumn(const ElementShape& shape, const TreeLinks& links);
  ~ElementColumn();
  ElementColumn(const ElementColumn&) = delete;
  ElementColumn& operator=(const ElementColumn&) = delete;

  const ElementShape& shape() const { return shape_; }
  void set_shape(const ElementShape& shape) { shape_ = shape; }
  int64_t size() const { return values_; }
  int base() const { return base_; }
  int span() const { return span_; }
  bool has_rollups() const { return rollups_; }
  bool has_year_sums() const { return !year_sums_.empty(); }
  // Bytes held: row headers, row blocks (as the allocator sized them), rollups, masks, year sums.
  int64_t MemoryBytes() const;

  RowView Row(int pre) const;

  // --- writes ---------------------------------------------------------------------------
  // Widens the covered slot range to include [lo, hi].
  void Cover(const TreeLinks& t, int lo, int hi);
  // Sets one value; the slot must be covered. `flagged_slot` carries the estimate bit.
  void Set(const TreeLinks& t, int pre, uint16_t flagged_slot, double value);
  // Removes the value of `slot` (no-op if absent).
  void Erase(const TreeLinks& t, int pre, int slot);
  // Merges n entries sorted by slot, without repeats, into the row of `pre`; an entry replaces
  // a stored value of the same slot. Every slot must be covered. With `derived` false the
  // rollups, masks and year sums are left behind: the caller calls Refresh() after its last
  // Merge.
  void Merge(const TreeLinks& t, int pre, const uint16_t* slots, const double* values, int n,
             bool derived = true);
  // Recomputes rollups, masks and year sums from the rows (after merges without them).
  void Refresh(const TreeLinks& t) { RebuildDerived(t); }
  // Drops every value.
  void Clear(const TreeLinks& t);
  // Follows a new tree: old_to_new[old position] is the new position or -1 (dropped).
  void Renumber(const TreeLinks& t, const std::vector<int32_t>& old_to_new);

  // --- reads ----------------------------------------------------------------------------
  // Totals of the rollup cells of inner organization `inner` over slots [lo, hi]
  // (has_rollups() must hold).
  CellTotals Cells(int inner, int lo, int hi) const;
  // The cell of one slot.
  CellTotals Cell(int inner, int slot) const;
  // Organizations at positions [begin, end) with a value in slots [lo, hi].
  int64_t CountOrgs(int begin, int end, int lo, int hi) const;
  // Organizations of the subtree of inner organization `inner` with a value in slots
  // [lo, hi] when the window lies in one calendar year and holds every covered slot of it
  // (yearly to monthly elements; kept per year in the rollups); -1 when it cannot say.
  int64_t YearOrgs(int inner, int lo, int hi) const;
  // The window [lo, hi] (clipped to the covered range), ready for Combine.
  MaskWindow MaskFor(int lo, int hi) const;
  // The values of `pre` in the window combined by `ta` (with "last", only the latest value
  // takes part, estimate included), read from the row (never from the year sums: this is the
  // reference the year sums must agree with).
  OrgWindow Combine(int pre, const MaskWindow& m, TimeAggregation ta) const;
  // Calls fn(pre, const OrgWindow&) for each position in [begin, end) with a value in the
  // window, in order, with what Combine gives for it (the same values bit for bit).
  // Organizations without a value in the window cost one mask word each when the column has
  // masks. When the window is one year's covered slots (m.year >= 0) and `ta` is sum or
  // average, the values come from the year sums and no row is read.
  template <typename Fn>
  void ForEachOrg(int begin, int end, const MaskWindow& m, TimeAggregation ta, Fn&& fn) const;
  // The year sum of `pre` for year index `year` (has_year_sums() and a covered year); 0 when
  // the row has no value in that year.
  double YearSum(int pre, int year) const;

 private:
  struct RowData {
    void* data = nullptr;  // cap doubles, then cap uint16 slots
    uint16_t size = 0;
    uint16_t cap = 0;
  };
  static double* ValuesOf(const RowData& r) { return static_cast<double*>(r.data); }
  static uint16_t* SlotsOf(const RowData& r) {
    return reinterpret_cast<uint16_t*>(static_cast<double*>(r.data) + r.cap);
  }
  // ForEachOrg over a column with one mask word; kHardware: POPCNT may be used.
  template <bool kHardware, typename Fn>
  void ForEachOrgOneWord(int begin, int end, const MaskWindow& m, TimeAggregation ta,
                         Fn& fn) const;
  // ForEachOrg from the year sums (m.year >= 0, ta sum or average).
  template <bool kHardware, typename Fn>
  void ForEachOrgYear(int begin, int end, const MaskWindow& m, TimeAggregation ta, Fn& fn) const;
#ifdef NQ_POPCNT_DISPATCH
  template <typename Fn>
  __attribute__((target("popcnt"))) void ForEachOrgOneWordPopcnt(int begin, int end,
                                                                 const MaskWindow& m,
                                                                 TimeAggregation ta,
                                                                 Fn& fn) const {
    ForEachOrgOneWord<true>(begin, end, m, ta, fn);
  }
#endif
  RowData Allocate(int want);
  void Release(RowData* r);
  // Adds a change to the cells of every inner organization whose subtree holds `pre`.
  void Bump(const TreeLinks& t, int pre, int slot, double dsum, int dcount, int dest);
  // Adds d to the year cells of `year` of every inner organization whose subtree holds `pre`.
  void BumpYear(const TreeLinks& t, int pre, int year, int d);
  // True when the row holds a slot of the same year as position i's, other than position i.
  bool YearShared(const RowData& r, int i) const;
  // Sets or clears the presence bit of a slot, and its estimate bit from the flag.
  void Mark(int pre, uint16_t flagged_slot, bool present);
  // Recomputes the year sum of `pre` for the calendar year holding `slot` from its row.
  void SumYear(int pre, int slot);
  // Recomputes every year sum of `pre` from its row (the cells of its other years must be 0).
  void SumRowYears(int pre);
  // Recomputes rollups, masks and year sums from the rows for the current base/span.
  void RebuildDerived(const TreeLinks& t);
  void LayOut(const TreeLinks& t);  // sizes rollups, masks and year sums for base_/span_

  ElementShape shape_;
  std::vector<RowData> rows_;  // by pre-order position
  int64_t values_ = 0;
  int64_t heap_bytes_ = 0;  // row blocks, as allocated
  int base_ = 0;
  int span_ = 0;  // 0: nothing covered yet
  bool rollups_ = false;
  int32_t inner_count_ = 0;
  std::vector<double> sums_;  // [inner * span_ + slot - base_]
  std::vector<uint32_t> counts_;
  std::vector<uint32_t> ests_;
  int per_year_ = 0;   // periods per calendar year; 0: weekly, daily (no year cells)
  int year_base_ = 0;  // year index (slot / per_year_) of the first year cell
  int years_ = 0;
  std::vector<uint32_t> year_orgs_;  // [inner * years_ + year - year_base_]: orgs with a value
  int words_ = 0;                    // mask words per organization, 0: no masks
  std::vector<uint64_t> masks_;      // [pre * words_ + bit / 64]: slots holding a value
  std::vector<uint64_t> est_masks_;  // same layout: slots holding an estimate; empty: none
  std::vector<double> year_sums_;    // [(year - year_base_) * rows_.size() + pre]; empty: not kept
};

template <typename Fn>
void ElementColumn::ForEachOrg(int begin, int end, const MaskWindow& m, TimeAggregation ta,
                               Fn&& fn) const {
  if (m.lo > m.hi) return;
  if (m.words != 1) {
    if (m.year >= 0 && ta != TimeAggregation::kLast) {
      return ForEachOrgYear<false>(begin, end, m, ta, fn);
    }
    const RowData* rows = rows_.data();
    for (int pre = begin; pre < end; ++pre) {
      if (rows[pre].size == 0) continue;
      const OrgWindow v = Combine(pre, m, ta);
      if (v.any) fn(pre, v);
    }
    return;
  }
#ifdef NQ_POPCNT_DISPATCH
  if (CpuHasPopcnt()) return ForEachOrgOneWordPopcnt(begin, end, m, ta, fn);
#endif
  ForEachOrgOneWord<false>(begin, end, m, ta, fn);
}

// One mask word (a span of at most 64 periods, as a monthly term): where the window's values sit
// in a row follows from its mask alone, without reading its slots.
template <bool kHardware, typename Fn>
inline __attribute__((always_inline)) void ElementColumn::ForEachOrgOneWord(
    int begin, int end, const MaskWindow& m, TimeAggregation ta, Fn& fn) const {
  if (m.year >= 0 && ta != TimeAggregation::kLast) {
    return ForEachOrgYear<kHardware>(begin, end, m, ta, fn);
  }
  const uint64_t below = m.below[0];
  const uint64_t range = m.range[0];
  const uint64_t* pm = masks_.data();
  const uint64_t* pe = est_masks_.empty() ? nullptr : est_masks_.data();
  const RowData* rows = rows_.data();
  // Each row's values are a heap block of its own: the one kAhead rows on is asked for while
  // this one is combined, so that the cache misses overlap instead of following one another.
  constexpr int kAhead = 16;
  for (int pre = begin; pre < end; ++pre) {
    if (pre + kAhead < end) {
      const auto block = reinterpret_cast<uintptr_t>(rows[pre + kAhead].data);
      const auto skip = static_cast<uintptr_t>(PopCountAs<kHardware>(pm[pre + kAhead] & below));
      __builtin_prefetch(reinterpret_cast<const void*>(block + sizeof(double) * skip));
    }
    const uint64_t mask = pm[pre];
    const uint64_t x = mask & range;
    if (x == 0) continue;
    const double* v = ValuesOf(rows[pre]) + PopCountAs<kHardware>(mask & below);
    OrgWindow out;
    out.any = true;
    if (ta == TimeAggregation::kLast) {
      const int top = 63 - std::countl_zero(x);
      out.value = v[PopCountAs<kHardware>(x) - 1];
      out.estimate = pe != nullptr && ((pe[pre] >> top) & 1) != 0;
    } else {
      double sum = 0;
      int n = 0;
      for (uint64_t bits = x; bits != 0; bits &= bits - 1) sum += v[n++];
      out.value = ta == TimeAggregation::kSum ? sum : sum / n;
      out.estimate = pe != nullptr && (pe[pre] & range) != 0;
    }
    fn(pre, out);
  }
}

// A window of one year's covered slots, summed or averaged: each organization's value is its
// year sum (read in pre-order, one year's cells side by side), its presence, number of values and
// estimate come from the masks.
template <bool kHardware, typename Fn>
inline __attribute__((always_inline)) void ElementColumn::ForEachOrgYear(int begin, int end,
                                                                         const MaskWindow& m,
                                                                         TimeAggregation ta,
                                                                         Fn& fn) const {
  const double* ys = year_sums_.data() + static_cast<size_t>(m.year - year_base_) * rows_.size();
  const uint64_t* pm = masks_.data();
  const uint64_t* pe = est_masks_.empty() ? nullptr : est_masks_.data();
  const bool average = ta == TimeAggregation::kAverage;
  if (m.words == 1) {
    const uint64_t range = m.range[0];
    for (int pre = begin; pre < end; ++pre) {
      const uint64_t x = pm[pre] & range;
      if (x == 0) continue;
      OrgWindow out;
      out.any = true;
      out.value = average ? ys[pre] / PopCountAs<kHardware>(x) : ys[pre];
      out.estimate = pe != nullptr && (pe[pre] & range) != 0;
      fn(pre, out);
    }
    return;
  }
  const size_t words = static_cast<size_t>(m.words);
  for (int pre = begin; pre < end; ++pre) {
    const size_t at = static_cast<size_t>(pre) * words;
    int n = 0;
    bool est = false;
    for (size_t w = 0; w < words; ++w) {
      n += PopCountAs<kHardware>(pm[at + w] & m.range[w]);
      est = est || (pe != nullptr && (pe[at + w] & m.range[w]) != 0);
    }
    if (n == 0) continue;
    OrgWindow out;
    out.any = true;
    out.value = average ? ys[pre] / n : ys[pre];
    out.estimate = est;
    fn(pre, out);
  }
}

}  // namespace nq::analytics
