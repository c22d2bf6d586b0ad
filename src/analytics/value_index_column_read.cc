// ElementColumn's reads (value_index_column.h): rollup cells, organization counts, and the
// combination of one organization's values over a window.
#include <algorithm>
#include <bit>

#include "analytics/value_index_column.h"

namespace nq::analytics {

CellTotals ElementColumn::Cells(int inner, int lo, int hi) const {
  CellTotals c;
  lo = std::max(lo, base_);
  hi = std::min(hi, base_ + span_ - 1);
  if (lo > hi) return c;
  const size_t row0 = static_cast<size_t>(inner) * static_cast<size_t>(span_);
  for (size_t k = row0 + static_cast<size_t>(lo - base_);
       k <= row0 + static_cast<size_t>(hi - base_); ++k) {
    c.sum += sums_[k];
    c.count += counts_[k];
    c.estimates += ests_[k];
  }
  return c;
}

CellTotals ElementColumn::Cell(int inner, int slot) const { return Cells(inner, slot, slot); }

int64_t ElementColumn::CountOrgs(int begin, int end, int lo, int hi) const {
  lo = std::max(lo, base_);
  hi = std::min(hi, base_ + span_ - 1);
  if (lo > hi) return 0;
  int64_t n = 0;
  if (words_ == 1) {
    const uint64_t m = BitRange(lo - base_, hi - base_);
    const uint64_t* p = masks_.data();
    for (int pre = begin; pre < end; ++pre) n += (p[pre] & m) != 0 ? 1 : 0;
    return n;
  }
  if (words_ > 1) {
    uint64_t m[kMaxMaskWords] = {};
    for (int w = 0; w < words_; ++w) {
      const int a = std::max(lo - base_, w * 64);
      const int b = std::min(hi - base_, w * 64 + 63);
      if (a <= b) m[w] = BitRange(a - w * 64, b - w * 64);
    }
    for (int pre = begin; pre < end; ++pre) {
      const uint64_t* p = masks_.data() + static_cast<size_t>(pre) * static_cast<size_t>(words_);
      uint64_t any = 0;
      for (int w = 0; w < words_; ++w) any |= p[w] & m[w];
      n += any != 0 ? 1 : 0;
    }
    return n;
  }
  for (int pre = begin; pre < end; ++pre) {
    const RowData& r = rows_[static_cast<size_t>(pre)];
    if (r.size == 0) continue;
    const uint16_t* s = SlotsOf(r);
    const int i = LowerBound(s, r.size, lo);
    n += i < r.size && (s[i] & kSlotMask) <= hi ? 1 : 0;
  }
  return n;
}

int64_t ElementColumn::YearOrgs(int inner, int lo, int hi) const {
  if (years_ == 0 || lo / per_year_ != hi / per_year_) return -1;
  // The window must hold every stored slot of its year (the column may cover only part of it,
  // as a term starting in August does).
  const int y = lo / per_year_;
  if (lo > std::max(y * per_year_, base_)) return -1;
  if (hi < std::min(y * per_year_ + per_year_ - 1, base_ + span_ - 1)) return -1;
  if (y < year_base_ || y >= year_base_ + years_) return 0;
  return year_orgs_[static_cast<size_t>(inner) * static_cast<size_t>(years_) +
                    static_cast<size_t>(y - year_base_)];
}

MaskWindow ElementColumn::MaskFor(int lo, int hi) const {
  MaskWindow m;
  lo = std::max(lo, base_);
  hi = std::min(hi, base_ + span_ - 1);
  m.lo = lo;
  m.hi = hi;
  if (lo > hi || words_ == 0) return m;
  m.words = words_;
  const int a = lo - base_;
  const int b = hi - base_;
  for (int w = 0; w < words_; ++w) {
    const int first = w * 64;
    if (a > first) m.below[w] = a >= first + 64 ? ~uint64_t{0} : BitRange(0, a - first - 1);
    const int x = std::max(a, first);
    const int y = std::min(b, first + 63);
    if (x <= y) m.range[w] = BitRange(x - first, y - first);
  }
  if (has_year_sums()) {
    // Exactly the covered slots of one year: nothing of that year lies outside the window.
    const int y = lo / per_year_;
    if (hi / per_year_ == y && lo == std::max(y * per_year_, base_) &&
        hi == std::min(y * per_year_ + per_year_ - 1, base_ + span_ - 1)) {
      m.year = y;
    }
  }
  return m;
}

OrgWindow ElementColumn::Combine(int pre, const MaskWindow& m, TimeAggregation ta) const {
  OrgWindow out;
  if (m.lo > m.hi) return out;
  const RowData& r = rows_[static_cast<size_t>(pre)];
  if (r.size == 0) return out;
  const double* v = ValuesOf(r);
  int first = 0;
  int n = 0;
  if (m.words > 0) {
    // The masks say where the window's values sit in the row: no need to read the slots.
    const size_t at = static_cast<size_t>(pre) * static_cast<size_t>(words_);
    const uint64_t* pm = masks_.data() + at;
    const uint64_t* pe = est_masks_.empty() ? nullptr : est_masks_.data() + at;
    int last_bit = -1;
    for (int w = 0; w < m.words; ++w) {
      first += PopCount(pm[w] & m.below[w]);
      const uint64_t x = pm[w] & m.range[w];
      if (x == 0) continue;
      n += PopCount(x);
      last_bit = w * 64 + 63 - std::countl_zero(x);
      out.estimate = out.estimate || (pe != nullptr && (pe[w] & m.range[w]) != 0);
    }
    if (n == 0) return out;
    if (ta == TimeAggregation::kLast) {
      out.estimate = pe != nullptr && ((pe[last_bit / 64] >> (last_bit % 64)) & 1) != 0;
    }
  } else {
    const uint16_t* s = SlotsOf(r);
    first = LowerBound(s, r.size, m.lo);
    int k = first;
    for (; k < r.size && (s[k] & kSlotMask) <= m.hi; ++k) {
      if (ta != TimeAggregation::kLast) out.estimate = out.estimate || (s[k] & kEstimateBit) != 0;
    }
    n = k - first;
    if (n == 0) return out;
    if (ta == TimeAggregation::kLast) out.estimate = (s[k - 1] & kEstimateBit) != 0;
  }
  out.any = true;
  if (ta == TimeAggregation::kLast) {
    out.value = v[first + n - 1];
    return out;
  }
  double sum = 0;
  for (int k = first; k < first + n; ++k) sum += v[k];
  out.value = ta == TimeAggregation::kSum ? sum : sum / n;
  return out;
}

}  // namespace nq::analytics
