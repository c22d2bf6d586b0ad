#include "analytics/value_index_column.h"

#include <malloc.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <new>

namespace nq::analytics {

TreeLinks TreeLinks::Of(const OrgTree& tree) {
  TreeLinks t;
  const size_t n = tree.size();
  t.parent.assign(n, -1);
  t.end.assign(n, 0);
  t.inner.assign(n, -1);
  t.id.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const Organization& o = tree.At(static_cast<int>(i));
    t.id[i] = o.id;
    t.end[i] = tree.End(o.id);
    if (o.parent_id) t.parent[i] = tree.Pre(*o.parent_id);
    if (t.end[i] > static_cast<int32_t>(i) + 1) t.inner[i] = t.inner_count++;
  }
  return t;
}

int64_t TreeLinks::MemoryBytes() const {
  return static_cast<int64_t>((parent.capacity() + end.capacity() + inner.capacity()) *
                                  sizeof(int32_t) +
                              id.capacity() * sizeof(int64_t));
}

ElementColumn::ElementColumn(const ElementShape& shape, const TreeLinks& links)
    : shape_(shape), rows_(links.size()), inner_count_(links.inner_count) {}

ElementColumn::~ElementColumn() {
  for (RowData& r : rows_) Release(&r);
}

int64_t ElementColumn::MemoryBytes() const {
  return static_cast<int64_t>(
             rows_.capacity() * sizeof(RowData) + sums_.capacity() * sizeof(double) +
             (counts_.capacity() + ests_.capacity() + year_orgs_.capacity()) * sizeof(uint32_t) +
             (masks_.capacity() + est_masks_.capacity()) * sizeof(uint64_t) +
             year_sums_.capacity() * sizeof(double)) +
         heap_bytes_;
}

ElementColumn::RowData ElementColumn::Allocate(int want) {
  const size_t bytes = static_cast<size_t>(want) * (sizeof(double) + sizeof(uint16_t));
  void* p = std::malloc(bytes);
  if (p == nullptr) throw std::bad_alloc();
  // The allocator rounds blocks up; use the slack as capacity and count the block as it is,
  // with the allocator's own header word.
  const size_t usable = malloc_usable_size(p);
  RowData r;
  r.data = p;
  r.cap =
      static_cast<uint16_t>(std::min<size_t>(usable / (sizeof(double) + sizeof(uint16_t)), 65535));
  heap_bytes_ += static_cast<int64_t>(usable + sizeof(size_t));
  return r;
}

void ElementColumn::Release(RowData* r) {
  if (r->data == nullptr) return;
  heap_bytes_ -= static_cast<int64_t>(malloc_usable_size(r->data) + sizeof(size_t));
  std::free(r->data);
  *r = RowData();
}

RowView ElementColumn::Row(int pre) const {
  const RowData& r = rows_[static_cast<size_t>(pre)];
  if (r.size == 0) return {};
  return {ValuesOf(r), SlotsOf(r), r.size};
}

void ElementColumn::Bump(const TreeLinks& t, int pre, int slot, double dsum, int dcount, int dest) {
  if (!rollups_) return;
  const size_t off = static_cast<size_t>(slot - base_);
  int a = t.inner[static_cast<size_t>(pre)] >= 0 ? pre : t.parent[static_cast<size_t>(pre)];
  while (a >= 0) {
    const size_t cell =
        static_cast<size_t>(t.inner[static_cast<size_t>(a)]) * static_cast<size_t>(span_) + off;
    counts_[cell] = static_cast<uint32_t>(static_cast<int64_t>(counts_[cell]) + dcount);
    ests_[cell] = static_cast<uint32_t>(static_cast<int64_t>(ests_[cell]) + dest);
    // An emptied cell is exactly zero, whatever rounding the updates left behind.
    sums_[cell] = counts_[cell] == 0 ? 0.0 : sums_[cell] + dsum;
    a = t.parent[static_cast<size_t>(a)];
  }
}

void ElementColumn::BumpYear(const TreeLinks& t, int pre, int year, int d) {
  if (years_ == 0) return;
  const size_t off = static_cast<size_t>(year - year_base_);
  int a = t.inner[static_cast<size_t>(pre)] >= 0 ? pre : t.parent[static_cast<size_t>(pre)];
  while (a >= 0) {
    uint32_t& cell = year_orgs_[static_cast<size_t>(t.inner[static_cast<size_t>(a)]) *
                                    static_cast<size_t>(years_) +
                                off];
    cell = static_cast<uint32_t>(static_cast<int64_t>(cell) + d);
    a = t.parent[static_cast<size_t>(a)];
  }
}

bool ElementColumn::YearShared(const RowData& r, int i) const {
  const uint16_t* s = SlotsOf(r);
  const int y = (s[i] & kSlotMask) / per_year_;
  return (i > 0 && (s[i - 1] & kSlotMask) / per_year_ == y) ||
         (i + 1 < r.size && (s[i + 1] & kSlotMask) / per_year_ == y);
}

void ElementColumn::Mark(int pre, uint16_t flagged_slot, bool present) {
  if (words_ == 0) return;
  const int bit = (flagged_slot & kSlotMask) - base_;
  const size_t at =
      static_cast<size_t>(pre) * static_cast<size_t>(words_) + static_cast<size_t>(bit / 64);
  const uint64_t m = uint64_t{1} << (bit % 64);
  masks_[at] = present ? (masks_[at] | m) : (masks_[at] & ~m);
  const bool est = present && (flagged_slot & kEstimateBit) != 0;
  if (est_masks_.empty()) {
    if (!est) return;
    est_masks_.assign(masks_.size(), 0);  // the column's first estimate
  }
  est_masks_[at] = est ? (est_masks_[at] | m) : (est_masks_[at] & ~m);
}

void ElementColumn::Set(const TreeLinks& t, int pre, uint16_t flagged_slot, double value) {
  RowData& r = rows_[static_cast<size_t>(pre)];
  const int slot = flagged_slot & kSlotMask;
  const int est = (flagged_slot & kEstimateBit) != 0 ? 1 : 0;
  int i = r.size > 0 ? LowerBound(SlotsOf(r), r.size, slot) : 0;
  if (i < r.size && (SlotsOf(r)[i] & kSlotMask) == slot) {
    double& v = ValuesOf(r)[i];
    uint16_t& s = SlotsOf(r)[i];
    const int old_est = (s & kEstimateBit) != 0 ? 1 : 0;
    Bump(t, pre, slot, value - v, 0, est - old_est);
    v = value;
    s = flagged_slot;
    Mark(pre, flagged_slot, true);
    SumYear(pre, slot);
    return;
  }
  if (r.size == r.cap) {
    // Grow by half (at least 4) into a new block.
    const int want = std::min(kMaxSlot + 1, r.size + std::max(4, r.size / 2));
    RowData g = Allocate(want);
    g.size = r.size;
    if (r.size > 0) {
      std::memcpy(ValuesOf(g), ValuesOf(r), sizeof(double) * static_cast<size_t>(r.size));
      std::memcpy(SlotsOf(g), SlotsOf(r), sizeof(uint16_t) * static_cast<size_t>(r.size));
    }
    Release(&r);
    r = g;
  }
  double* v = ValuesOf(r);
  uint16_t* s = SlotsOf(r);
  const size_t tail = static_cast<size_t>(r.size - i);
  std::memmove(v + i + 1, v + i, sizeof(double) * tail);
  std::memmove(s + i + 1, s + i, sizeof(uint16_t) * tail);
  v[i] = value;
  s[i] = flagged_slot;
  ++r.size;
  ++values_;
  Bump(t, pre, slot, value, 1, est);
  if (years_ > 0 && !YearShared(r, i)) BumpYear(t, pre, slot / per_year_, 1);
  Mark(pre, flagged_slot, true);
  SumYear(pre, slot);
}

void ElementColumn::Erase(const TreeLinks& t, int pre, int slot) {
  RowData& r = rows_[static_cast<size_t>(pre)];
  if (r.size == 0) return;
  double* v = ValuesOf(r);
  uint16_t* s = SlotsOf(r);
  const int i = LowerBound(s, r.size, slot);
  if (i == r.size || (s[i] & kSlotMask) != slot) return;
  Bump(t, pre, slot, -v[i], -1, (s[i] & kEstimateBit) != 0 ? -1 : 0);
  if (years_ > 0 && !YearShared(r, i)) BumpYear(t, pre, slot / per_year_, -1);
  Mark(pre, static_cast<uint16_t>(slot), false);
  const size_t tail = static_cast<size_t>(r.size - i - 1);
  std::memmove(v + i, v + i + 1, sizeof(double) * tail);
  std::memmove(s + i, s + i + 1, sizeof(uint16_t) * tail);
  --r.size;
  --values_;
  if (r.size == 0) Release(&r);
  SumYear(pre, slot);
}

void ElementColumn::Merge(const TreeLinks& t, int pre, const uint16_t* slots, const double* values,
                          int n, bool derived) {
  if (n == 0) return;
  RowData& r = rows_[static_cast<size_t>(pre)];
  const int old = r.size;
  RowData g = Allocate(old + n);
  double* gv = ValuesOf(g);
  uint16_t* gs = SlotsOf(g);
  const double* ov = old > 0 ? ValuesOf(r) : nullptr;
  const uint16_t* os = old > 0 ? SlotsOf(r) : nullptr;
  int i = 0;
  int j = 0;
  int k = 0;
  while (i < old || j < n) {
    const int a = i < old ? (os[i] & kSlotMask) : kMaxSlot + 1;
    const int b = j < n ? (slots[j] & kSlotMask) : kMaxSlot + 1;
    if (a < b) {
      gv[k] = ov[i];
      gs[k++] = os[i++];
      continue;
    }
    const int est = (slots[j] & kEstimateBit) != 0 ? 1 : 0;
    if (a == b) {
      if (derived) {
        Bump(t, pre, b, values[j] - ov[i], 0, est - ((os[i] & kEstimateBit) != 0 ? 1 : 0));
      }
      ++i;
    } else {
      if (derived) Bump(t, pre, b, values[j], 1, est);
      ++values_;
    }
    if (derived) Mark(pre, slots[j], true);
    gv[k] = values[j];
    gs[k++] = slots[j++];
  }
  g.size = static_cast<uint16_t>(k);
  if (derived && years_ > 0) {
    // Years the new row holds and the old one did not gain this organization.
    int i2 = 0;
    for (int x = 0; x < k; ++x) {
      const int y = (gs[x] & kSlotMask) / per_year_;
      if (x > 0 && (gs[x - 1] & kSlotMask) / per_year_ == y) continue;
      while (i2 < old && (os[i2] & kSlotMask) / per_year_ < y) ++i2;
      if (i2 == old || (os[i2] & kSlotMask) / per_year_ != y) BumpYear(t, pre, y, 1);
    }
  }
  Release(&r);
  r = g;
  if (derived && has_year_sums()) {
    for (int x = 0; x < n; ++x) {
      const int slot = slots[x] & kSlotMask;
      if (x > 0 && (slots[x - 1] & kSlotMask) / per_year_ == slot / per_year_) continue;
      SumYear(pre, slot);
    }
  }
}

void ElementColumn::Clear(const TreeLinks& t) {
  for (RowData& r : rows_) Release(&r);
  values_ = 0;
  base_ = 0;
  span_ = 0;
  LayOut(t);
}

void ElementColumn::Renumber(const TreeLinks& t, const std::vector<int32_t>& old_to_new) {
  std::vector<RowData> rows(t.size());
  int lo = kMaxSlot + 1;
  int hi = -1;
  values_ = 0;
  for (size_t old = 0; old < rows_.size(); ++old) {
    RowData& r = rows_[old];
    if (r.size == 0) continue;
    const int32_t to = old_to_new[old];
    if (to < 0) {
      Release(&r);
      continue;
    }
    lo = std::min(lo, SlotsOf(r)[0] & kSlotMask);
    hi = std::max(hi, SlotsOf(r)[r.size - 1] & kSlotMask);
    values_ += r.size;
    rows[static_cast<size_t>(to)] = r;
    r = RowData();
  }
  rows_ = std::move(rows);
  base_ = hi < 0 ? 0 : lo;
  span_ = hi < 0 ? 0 : hi - lo + 1;
  RebuildDerived(t);
}

}  // namespace nq::analytics
