// ElementColumn's derived data (value_index_column.h): the layout of rollups, masks and year
// sums for the covered slot range, their rebuilding from the rows, and the year sums' upkeep.
#include <algorithm>
#include <vector>

#include "analytics/value_index_column.h"

namespace nq::analytics {

double ElementColumn::YearSum(int pre, int year) const {
  return year_sums_[static_cast<size_t>(year - year_base_) * rows_.size() +
                    static_cast<size_t>(pre)];
}

// Added in slot order from 0, as Combine and ForEachOrg add a window's values: the same double.
void ElementColumn::SumYear(int pre, int slot) {
  if (!has_year_sums()) return;
  const int year = slot / per_year_;
  const RowData& r = rows_[static_cast<size_t>(pre)];
  double sum = 0;
  if (r.size > 0) {
    const double* v = ValuesOf(r);
    const uint16_t* s = SlotsOf(r);
    const int end = (year + 1) * per_year_;  // the next year's first slot
    for (int i = LowerBound(s, r.size, year * per_year_); i < r.size && (s[i] & kSlotMask) < end;
         ++i) {
      sum += v[i];
    }
  }
  year_sums_[static_cast<size_t>(year - year_base_) * rows_.size() + static_cast<size_t>(pre)] =
      sum;
}

void ElementColumn::SumRowYears(int pre) {
  if (!has_year_sums()) return;
  const RowData& r = rows_[static_cast<size_t>(pre)];
  const double* v = r.size > 0 ? ValuesOf(r) : nullptr;
  const uint16_t* s = r.size > 0 ? SlotsOf(r) : nullptr;
  // One division per year, not per value (a start-up sums every stored value here).
  for (int i = 0; i < r.size;) {
    const int year = (s[i] & kSlotMask) / per_year_;
    const int end = (year + 1) * per_year_;
    double sum = 0;
    for (; i < r.size && (s[i] & kSlotMask) < end; ++i) sum += v[i];
    year_sums_[static_cast<size_t>(year - year_base_) * rows_.size() + static_cast<size_t>(pre)] =
        sum;
  }
}

void ElementColumn::LayOut(const TreeLinks& t) {
  inner_count_ = t.inner_count;
  rollups_ = span_ > 0 && span_ <= kMaxRollupSpan;
  switch (shape_.period_type) {
    case PeriodType::kYearly:
      per_year_ = 1;
      break;
    case PeriodType::kSixMonthly:
      per_year_ = 2;
      break;
    case PeriodType::kQuarterly:
      per_year_ = 4;
      break;
    case PeriodType::kMonthly:
      per_year_ = 12;
      break;
    default:
      per_year_ = 0;
      break;
  }
  year_base_ = 0;
  years_ = 0;
  if (rollups_ && per_year_ > 0) {
    year_base_ = base_ / per_year_;
    years_ = (base_ + span_ - 1) / per_year_ - year_base_ + 1;
  }
  year_orgs_.assign(static_cast<size_t>(inner_count_) * static_cast<size_t>(years_), 0);
  year_orgs_.shrink_to_fit();
  const size_t cells =
      rollups_ ? static_cast<size_t>(inner_count_) * static_cast<size_t>(span_) : 0;
  sums_.assign(cells, 0.0);
  sums_.shrink_to_fit();
  counts_.assign(cells, 0);
  counts_.shrink_to_fit();
  ests_.assign(cells, 0);
  ests_.shrink_to_fit();
  const int words = (span_ + 63) / 64;
  words_ = span_ > 0 && words <= kMaxMaskWords ? words : 0;
  masks_.assign(static_cast<size_t>(words_) * rows_.size(), 0);
  masks_.shrink_to_fit();
  est_masks_.clear();  // allocated again at the first estimate
  est_masks_.shrink_to_fit();
  const bool keep = per_year_ > 1 && words_ > 0 && years_ > 0;
  year_sums_.assign(keep ? static_cast<size_t>(years_) * rows_.size() : 0, 0.0);
  year_sums_.shrink_to_fit();
}

void ElementColumn::RebuildDerived(const TreeLinks& t) {
  LayOut(t);
  const size_t n = rows_.size();
  const size_t words = static_cast<size_t>(words_);
  for (size_t pre = 0; pre < n; ++pre) {
    const RowData& r = rows_[pre];
    if (r.size == 0) continue;
    const double* v = ValuesOf(r);
    const uint16_t* s = SlotsOf(r);
    // Each value goes into its nearest inner organization (itself or its parent) ...
    const int target = t.inner[pre] >= 0 ? static_cast<int>(pre) : t.parent[pre];
    const bool cells = rollups_ && target >= 0;
    const size_t inner = cells ? static_cast<size_t>(t.inner[static_cast<size_t>(target)]) : 0;
    const size_t row0 = inner * static_cast<size_t>(span_);
    const size_t year0 = inner * static_cast<size_t>(years_);
    uint64_t present[kMaxMaskWords] = {};
    uint64_t estimated[kMaxMaskWords] = {};
    int last_year = -1;
    for (int i = 0; i < r.size; ++i) {
      const int slot = s[i] & kSlotMask;
      const bool est = (s[i] & kEstimateBit) != 0;
      if (words > 0) {
        const int bit = slot - base_;
        present[bit / 64] |= uint64_t{1} << (bit % 64);
        if (est) estimated[bit / 64] |= uint64_t{1} << (bit % 64);
      }
      if (!cells) continue;
      const size_t cell = row0 + static_cast<size_t>(slot - base_);
      sums_[cell] += v[i];
      counts_[cell] += 1;
      ests_[cell] += est ? 1 : 0;
      if (years_ > 0 && slot / per_year_ != last_year) {  // counted at the year's first slot
        last_year = slot / per_year_;
        year_orgs_[year0 + static_cast<size_t>(last_year - year_base_)] += 1;
      }
    }
    for (size_t w = 0; w < words; ++w) {
      masks_[pre * words + w] = present[w];
      if (estimated[w] == 0) continue;
      if (est_masks_.empty()) est_masks_.assign(masks_.size(), 0);
      est_masks_[pre * words + w] = estimated[w];
    }
    SumRowYears(static_cast<int>(pre));
  }
  if (!rollups_) return;
  // ... then inner organizations add their cells into their parent's, children before parents
  // (reverse pre-order).
  const size_t span = static_cast<size_t>(span_);
  for (size_t pre = n; pre-- > 0;) {
    if (t.inner[pre] < 0 || t.parent[pre] < 0) continue;
    const size_t from = static_cast<size_t>(t.inner[pre]) * span;
    const size_t to = static_cast<size_t>(t.inner[static_cast<size_t>(t.parent[pre])]) * span;
    for (size_t k = 0; k < span; ++k) {
      sums_[to + k] += sums_[from + k];
      counts_[to + k] += counts_[from + k];
      ests_[to + k] += ests_[from + k];
    }
    const size_t years = static_cast<size_t>(years_);
    const size_t yfrom = static_cast<size_t>(t.inner[pre]) * years;
    const size_t yto = static_cast<size_t>(t.inner[static_cast<size_t>(t.parent[pre])]) * years;
    for (size_t k = 0; k < years; ++k) year_orgs_[yto + k] += year_orgs_[yfrom + k];
  }
}

void ElementColumn::Cover(const TreeLinks& t, int lo, int hi) {
  if (span_ > 0 && lo >= base_ && hi < base_ + span_) return;
  const int new_base = span_ == 0 ? lo : std::min(lo, base_);
  const int new_end = span_ == 0 ? hi + 1 : std::max(hi + 1, base_ + span_);
  const bool had_rollups = rollups_;
  std::vector<double> sums = std::move(sums_);
  std::vector<uint32_t> counts = std::move(counts_);
  std::vector<uint32_t> ests = std::move(ests_);
  std::vector<uint32_t> year_orgs = std::move(year_orgs_);
  const int old_base = base_;
  const int old_span = span_;
  const int old_year_base = year_base_;
  const int old_years = years_;
  base_ = new_base;
  span_ = new_end - new_base;
  if (had_rollups && span_ <= kMaxRollupSpan) {
    // Move the cells to the wider layout; masks and year sums are recomputed (cheap next to the
    // rows).
    LayOut(t);
    const size_t shift = static_cast<size_t>(old_base - base_);
    for (size_t in = 0; in < static_cast<size_t>(inner_count_); ++in) {
      for (size_t k = 0; k < static_cast<size_t>(old_span); ++k) {
        const size_t from = in * static_cast<size_t>(old_span) + k;
        const size_t to = in * static_cast<size_t>(span_) + shift + k;
        sums_[to] = sums[from];
        counts_[to] = counts[from];
        ests_[to] = ests[from];
      }
      for (size_t k = 0; k < static_cast<size_t>(old_years); ++k) {
        year_orgs_[in * static_cast<size_t>(years_) +
                   static_cast<size_t>(old_year_base - year_base_) + k] =
            year_orgs[in * static_cast<size_t>(old_years) + k];
      }
    }
    if (words_ > 0) {
      for (size_t pre = 0; pre < rows_.size(); ++pre) {
        const RowData& r = rows_[pre];
        const uint16_t* s = r.size > 0 ? SlotsOf(r) : nullptr;
        for (int i = 0; i < r.size; ++i) Mark(static_cast<int>(pre), s[i], true);
        SumRowYears(static_cast<int>(pre));
      }
    }
    return;
  }
  RebuildDerived(t);
}

}  // namespace nq::analytics
