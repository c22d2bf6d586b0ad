#include "analytics/value_index.h"

#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "analytics/value_index_column.h"

namespace nq::analytics {
namespace {

constexpr size_t kPeriodTypes = 6;

// The first period of 2000 of each type: slot 0.
const Period& BasePeriod(PeriodType type) {
  static const std::array<Period, kPeriodTypes> kBases = [] {
    std::array<Period, kPeriodTypes> b{};
    for (size_t i = 0; i < kPeriodTypes; ++i) {
      const auto t = static_cast<PeriodType>(i);
      b[i] = t == PeriodType::kDaily ? Period::Day(Date{2000, 1, 1}).value()
                                     : Period::Of(t, 2000, 1).value();
    }
    return b;
  }();
  return kBases[static_cast<size_t>(type)];
}

int64_t SlotOf(const Period& p) { return p.Ordinal() - BasePeriod(p.type()).Ordinal(); }

Period PeriodOfSlot(PeriodType type, int slot) {
  return BasePeriod(type).Shift(slot).value_or(BasePeriod(type));
}

// The slots of the periods of `type` overlapping the window; false when none can.
bool WindowSlots(PeriodType type, const Window& w, int* lo, int* hi) {
  if (!IsValid(w.from) || !IsValid(w.to) || w.to < w.from) return false;
  const std::optional<Period> a = Period::Containing(type, w.from);
  const std::optional<Period> b = Period::Containing(type, w.to);
  if (!a || !b) return false;
  const int64_t l = std::max<int64_t>(SlotOf(*a), 0);
  const int64_t h = std::min<int64_t>(SlotOf(*b), kMaxSlot);
  if (l > h) return false;
  *lo = static_cast<int>(l);
  *hi = static_cast<int>(h);
  return true;
}

// Organization-level accumulation of combined values.
struct OrgAccumulator {
  int64_t n = 0;
  double sum = 0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  bool estimate = false;

  void Add(double v, bool est) {
    ++n;
    sum += v;
    min = std::min(min, v);
    max = std::max(max, v);
    estimate = estimate || est;
  }
  Rollup Result(OrgAggregation oa) const {
    Rollup r;
    if (n == 0) return r;
    r.orgs = n;
    r.estimate = estimate;
    switch (oa) {
      case OrgAggregation::kSum:
        r.value = sum;
        break;
      case OrgAggregation::kAverage:
        r.value = sum / static_cast<double>(n);
        break;
      case OrgAggregation::kMin:
        r.value = min;
        break;
      case OrgAggregation::kMax:
        r.value = max;
        break;
      case OrgAggregation::kCount:
        r.value = static_cast<double>(n);
        break;
    }
    return r;
  }
};

}  // namespace

struct ValueIndex::State {
  mutable std::shared_mutex mu;
  OrgTree tree;                                                         // guarded by mu
  TreeLinks links;                                                      // guarded by mu
  std::unordered_map<int64_t, std::unique_ptr<ElementColumn>> columns;  // guarded by mu

  const ElementColumn* Find(int64_t element_id) const {
    auto it = columns.find(element_id);
    return it == columns.end() ? nullptr : it->second.get();
  }

  // What a read covers: the element's column, the subtree's positions [pre, end) and the
  // window's slots [lo, hi]; nullopt when the element or the root is unknown or the window holds
  // no period of the element's type.
  struct Span {
    const ElementColumn* column;
    int pre;
    int end;
    int lo;
    int hi;
  };
  std::optional<Span> Resolve(int64_t element_id, int64_t root, const Window& w) const {
    const ElementColumn* c = Find(element_id);
    const int pre = tree.Pre(root);
    int lo = 0;
    int hi = 0;
    if (c == nullptr || pre < 0 || !WindowSlots(c->shape().period_type, w, &lo, &hi)) {
      return std::nullopt;
    }
    return Span{c, pre, links.end[static_cast<size_t>(pre)], lo, hi};
  }

  // Where a value goes, or why it cannot.
  struct Place {
    ElementColumn* column = nullptr;
    int pre = -1;
    int slot = 0;
  };
  Result<Place> Locate(int64_t org_id, int64_t element_id, const Period& period) const {
    auto it = columns.find(element_id);
    if (it == columns.end()) {
      return Status::Invalid("index.element_unknown", "Chỉ tiêu báo cáo có mã định danh " +
                                                          std::to_string(element_id) +
                                                          " chưa được khai báo trong chỉ mục");
    }
    Place p;
    p.column = it->second.get();
    p.pre = tree.Pre(org_id);
    if (p.pre < 0) {
      return Status::Invalid(
          "index.org_unknown",
          "Tổ chức có mã định danh " + std::to_string(org_id) + " không có trong cây tổ chức");
    }
    const PeriodType type = p.column->shape().period_type;
    if (period.type() != type) {
      return Status::Invalid(
          "index.period_type",
          "Kỳ báo cáo " + period.ToString() +
              " không đúng loại kỳ của chỉ tiêu (loại kỳ: " + PeriodTypeLabel(type) + ")");
    }
    const int64_t slot = SlotOf(period);
    if (slot < 0 || slot > kMaxSlot) {
      return Status::Invalid("index.period_range", "Kỳ báo cáo " + period.ToString() +
                                                       " nằm ngoài phạm vi của chỉ mục (từ kỳ " +
                                                       BasePeriod(type).ToString() + " đến kỳ " +
                                                       PeriodOfSlot(type, kMaxSlot).ToString() +
                                                       ")");
    }
    p.slot = static_cast<int>(slot);
    return p;
  }
};

ValueIndex::ValueIndex(OrgTree tree) : state_(std::make_unique<State>()) {
  state_->tree = std::move(tree);
  state_->links = TreeLinks::Of(state_->tree);
}

ValueIndex::~ValueIndex() = default;

void ValueIndex::DefineElement(const ElementShape& shape) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  auto it = s.columns.find(shape.element_id);
  if (it == s.columns.end()) {
    s.columns.emplace(shape.element_id, std::make_unique<ElementColumn>(shape, s.links));
    return;
  }
  ElementColumn& c = *it->second;
  const bool retype = c.shape().period_type != shape.period_type;
  c.set_shape(shape);
  if (retype) c.Clear(s.links);
}

void ValueIndex::DropElement(int64_t element_id) {
  std::unique_lock lock(state_->mu);
  state_->columns.erase(element_id);
}

Status ValueIndex::Set(int64_t org_id, int64_t element_id, const Period& period, double value,
                       bool estimate) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  Result<State::Place> p = s.Locate(org_id, element_id, period);
  if (!p.ok()) return p.status();
  ElementColumn& c = *p.value().column;
  c.Cover(s.links, p.value().slot, p.value().slot);
  const auto flagged = static_cast<uint16_t>(p.value().slot | (estimate ? kEstimateBit : 0));
  c.Set(s.links, p.value().pre, flagged, value);
  return Status::Ok();
}

Status ValueIndex::Erase(int64_t org_id, int64_t element_id, const Period& period) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  Result<State::Place> p = s.Locate(org_id, element_id, period);
  if (!p.ok()) return p.status();
  p.value().column->Erase(s.links, p.value().pre, p.value().slot);
  return Status::Ok();
}

Status ValueIndex::Load(const std::vector<DataValue>& values) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  const size_t n = s.links.size();
  // Pass 1: check everything before changing anything.
  std::vector<ElementColumn*> cols;
  std::unordered_map<int64_t, size_t> col_of;
  std::vector<int> lo;
  std::vector<int> hi;
  std::vector<int64_t> count;                // values of this load per column
  std::vector<uint64_t> key(values.size());  // column * n + pre
  std::vector<uint16_t> slot(values.size());
  std::vector<double> number(values.size());  // read once: DataValue is large
  // Values usually come grouped by element and organization: remember the last lookups.
  int64_t last_element = 0;
  size_t last_col = 0;
  int64_t last_org = 0;
  int last_pre = -1;
  for (size_t i = 0; i < values.size(); ++i) {
    const DataValue& v = values[i];
    size_t c = last_col;
    int pre = last_pre;
    int64_t sl = 0;
    if (i > 0 && v.element_id == last_element && v.org_id == last_org && pre >= 0 &&
        v.period.type() == cols[c]->shape().period_type && (sl = SlotOf(v.period)) >= 0 &&
        sl <= kMaxSlot) {
      // Same element and organization as the value before, period well-formed: known good.
    } else {
      Result<State::Place> p = s.Locate(v.org_id, v.element_id, v.period);
      if (!p.ok()) {
        return Status(p.status().code(), p.status().key(),
                      "Số liệu thứ " + std::to_string(i + 1) + ": " + p.status().message());
      }
      auto [it, added] = col_of.emplace(v.element_id, cols.size());
      if (added) {
        cols.push_back(p.value().column);
        lo.push_back(p.value().slot);
        hi.push_back(p.value().slot);
        count.push_back(0);
      }
      c = it->second;
      pre = p.value().pre;
      sl = p.value().slot;
      last_element = v.element_id;
      last_org = v.org_id;
      last_col = c;
      last_pre = pre;
    }
    const int si = static_cast<int>(sl);
    lo[c] = std::min(lo[c], si);
    hi[c] = std::max(hi[c], si);
    ++count[c];
    key[i] = c * n + static_cast<size_t>(pre);
    slot[i] = static_cast<uint16_t>(si | (v.estimate ? kEstimateBit : 0));
    number[i] = v.value;
  }
  // A column taking many values has its rollups rebuilt once at the end rather than updated
  // value by value.
  std::vector<bool> rebuild(cols.size());
  for (size_t c = 0; c < cols.size(); ++c) {
    cols[c]->Cover(s.links, lo[c], hi[c]);
    rebuild[c] = count[c] >= 4096 && count[c] * 4 >= cols[c]->size();
  }

  // Pass 2: a stable counting sort by row, so that a repeated value keeps the last one given.
  std::vector<size_t> start(cols.size() * n + 1, 0);
  for (uint64_t k : key) ++start[k + 1];
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<uint32_t> order(values.size());
  {
    std::vector<size_t> next(start.begin(), start.end() - 1);
    for (size_t i = 0; i < values.size(); ++i) order[next[key[i]]++] = static_cast<uint32_t>(i);
  }
  key.clear();
  key.shrink_to_fit();

  // Pass 3: each row sorted by slot, repeats dropped, merged into the column.
  std::vector<uint32_t> run;
  std::vector<uint16_t> run_slots;
  std::vector<double> run_values;
  for (size_t b = 0; b + 1 < start.size(); ++b) {
    if (start[b] == start[b + 1]) continue;
    run.assign(order.begin() + static_cast<std::ptrdiff_t>(start[b]),
               order.begin() + static_cast<std::ptrdiff_t>(start[b + 1]));
    auto by_slot = [&](uint32_t x, uint32_t y) {
      return (slot[x] & kSlotMask) < (slot[y] & kSlotMask);
    };
    if (!std::is_sorted(run.begin(), run.end(), by_slot)) {
      std::stable_sort(run.begin(), run.end(), by_slot);
    }
    run_slots.clear();
    run_values.clear();
    for (size_t k = 0; k < run.size(); ++k) {
      if (k + 1 < run.size() && (slot[run[k]] & kSlotMask) == (slot[run[k + 1]] & kSlotMask)) {
        continue;  // a later value of the same period replaces this one
      }
      run_slots.push_back(slot[run[k]]);
      run_values.push_back(number[run[k]]);
    }
    cols[b / n]->Merge(s.links, static_cast<int>(b % n), run_slots.data(), run_values.data(),
                       static_cast<int>(run_slots.size()), !rebuild[b / n]);
  }
  for (size_t c = 0; c < cols.size(); ++c) {
    if (rebuild[c]) cols[c]->Refresh(s.links);
  }
  return Status::Ok();
}

void ValueIndex::ReplaceTree(OrgTree tree) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  std::vector<int32_t> old_to_new(s.tree.size());
  for (size_t i = 0; i < s.tree.size(); ++i) {
    old_to_new[i] = tree.Pre(s.tree.At(static_cast<int>(i)).id);
  }
  s.tree = std::move(tree);
  s.links = TreeLinks::Of(s.tree);
  for (auto& [id, column] : s.columns) column->Renumber(s.links, old_to_new);
}

OrgTree ValueIndex::tree() const {
  std::shared_lock lock(state_->mu);
  return state_->tree;
}

std::optional<DataValue> ValueIndex::Get(int64_t org_id, int64_t element_id,
                                         const Period& period) const {
  std::shared_lock lock(state_->mu);
  Result<State::Place> p = state_->Locate(org_id, element_id, period);
  if (!p.ok()) return std::nullopt;
  const RowView r = p.value().column->Row(p.value().pre);
  for (int i = 0; i < r.size; ++i) {
    if ((r.slots[i] & kSlotMask) != p.value().slot) continue;
    DataValue v;
    v.org_id = org_id;
    v.element_id = element_id;
    v.period = period;
    v.value = r.values[i];
    v.estimate = (r.slots[i] & kEstimateBit) != 0;
    return v;
  }
  return std::nullopt;
}

Rollup ValueIndex::Aggregate(int64_t element_id, int64_t root, const Window& w,
                             std::optional<OrgAggregation> org_aggregation) const {
  std::shared_lock lock(state_->mu);
  const State& s = *state_;
  const std::optional<State::Span> span = s.Resolve(element_id, root, w);
  if (!span) return {};
  const auto [c, pre, end, lo, hi] = *span;
  const OrgAggregation oa = org_aggregation.value_or(c->shape().org_aggregation);
  // Over a single period every time aggregation gives the value itself.
  const TimeAggregation ta = lo == hi ? TimeAggregation::kSum : c->shape().time_aggregation;
  const int inner = s.links.inner[static_cast<size_t>(pre)];
  const bool by_cells = inner >= 0 && c->has_rollups() &&
                        ((ta == TimeAggregation::kSum &&
                          (oa == OrgAggregation::kSum || oa == OrgAggregation::kAverage ||
                           oa == OrgAggregation::kCount)) ||
                         (ta == TimeAggregation::kAverage && oa == OrgAggregation::kCount));
  if (by_cells) {
    const CellTotals t = c->Cells(inner, lo, hi);
    Rollup r;
    if (t.count == 0) return r;
    r.orgs = lo == hi ? t.count : c->YearOrgs(inner, lo, hi);
    if (r.orgs < 0) r.orgs = c->CountOrgs(pre, end, lo, hi);
    r.estimate = t.estimates > 0;
    switch (oa) {
      case OrgAggregation::kAverage:
        r.value = t.sum / static_cast<double>(r.orgs);
        break;
      case OrgAggregation::kCount:
        r.value = static_cast<double>(r.orgs);
        break;
      default:
        r.value = t.sum;
        break;
    }
    return r;
  }
  OrgAccumulator acc;
  c->ForEachOrg(pre, end, c->MaskFor(lo, hi), ta,
                [&acc](int, const OrgWindow& v) { acc.Add(v.value, v.estimate); });
  return acc.Result(oa);
}

std::vector<OrgCell> ValueIndex::OrgValues(int64_t element_id, int64_t root,
                                           const Window& w) const {
  std::shared_lock lock(state_->mu);
  const State& s = *state_;
  std::vector<OrgCell> out;
  const std::optional<State::Span> span = s.Resolve(element_id, root, w);
  if (!span) return out;
  const auto [c, pre, end, lo, hi] = *span;
  const TimeAggregation ta = c->shape().time_aggregation;
  const MaskWindow m = c->MaskFor(lo, hi);
  // With masks the exact count costs one word per organization: no regrowth while filling.
  if (m.words > 0) out.reserve(static_cast<size_t>(c->CountOrgs(pre, end, lo, hi)));
  const int64_t* ids = s.links.id.data();
  c->ForEachOrg(pre, end, m, ta, [&out, ids](int p, const OrgWindow& v) {
    out.push_back(OrgCell{p, ids[p], v.value, v.estimate});
  });
  return out;
}

void ValueIndex::VisitOrgValues(int64_t element_id, int64_t root, const Window& w,
                                OrgVisitor visit, void* context) const {
  std::shared_lock lock(state_->mu);
  const State& s = *state_;
  const std::optional<State::Span> span = s.Resolve(element_id, root, w);
  if (!span) return;
  const auto [c, pre, end, lo, hi] = *span;
  c->ForEachOrg(pre, end, c->MaskFor(lo, hi), c->shape().time_aggregation,
                [visit, context](int p, const OrgWindow& v) { visit(context, p, v.value); });
}

int64_t ValueIndex::CountOrgValues(int64_t element_id, int64_t root, const Window& w,
                                   double at_least, const std::vector<char>* only) const {
  std::shared_lock lock(state_->mu);
  const State& s = *state_;
  const std::optional<State::Span> span = s.Resolve(element_id, root, w);
  if (!span) return 0;
  auto [c, pre, end, lo, hi] = *span;
  const MaskWindow m = c->MaskFor(lo, hi);
  const TimeAggregation ta = c->shape().time_aggregation;
  int64_t n = 0;
  if (only == nullptr) {
    c->ForEachOrg(pre, end, m, ta,
                  [&n, at_least](int, const OrgWindow& v) { n += v.value >= at_least ? 1 : 0; });
    return n;
  }
  end = std::min(end, static_cast<int>(std::min<size_t>(only->size(), s.links.size())));
  const char* keep = only->data();
  c->ForEachOrg(pre, end, m, ta, [&n, at_least, keep](int p, const OrgWindow& v) {
    n += v.value >= at_least && keep[p] != 0 ? 1 : 0;
  });
  return n;
}

std::vector<SeriesPoint> ValueIndex::Series(int64_t element_id, int64_t root,
                                            const Window& w) const {
  std::shared_lock lock(state_->mu);
  const State& s = *state_;
  std::vector<SeriesPoint> out;
  const std::optional<State::Span> span = s.Resolve(element_id, root, w);
  if (!span || span->column->span() == 0) return out;
  auto [c, pre, end, lo, hi] = *span;
  lo = std::max(lo, c->base());
  hi = std::min(hi, c->base() + c->span() - 1);
  if (lo > hi) return out;
  const PeriodType type = c->shape().period_type;
  const OrgAggregation oa = c->shape().org_aggregation;
  const int inner = s.links.inner[static_cast<size_t>(pre)];
  if (inner >= 0 && c->has_rollups() && oa != OrgAggregation::kMin && oa != OrgAggregation::kMax) {
    for (int slot = lo; slot <= hi; ++slot) {
      const CellTotals t = c->Cell(inner, slot);
      if (t.count == 0) continue;
      SeriesPoint p;
      p.period = PeriodOfSlot(type, slot);
      p.orgs = t.count;
      p.estimate = t.estimates > 0;
      p.value = oa == OrgAggregation::kSum       ? t.sum
                : oa == OrgAggregation::kAverage ? t.sum / static_cast<double>(t.count)
                                                 : static_cast<double>(t.count);
      out.push_back(p);
    }
    return out;
  }
  // One pass over the subtree's rows, one accumulator per period.
  std::vector<OrgAccumulator> acc(static_cast<size_t>(hi - lo + 1));
  for (int p = pre; p < end; ++p) {
    const RowView r = c->Row(p);
    for (int i = 0; i < r.size; ++i) {
      const int slot = r.slots[i] & kSlotMask;
      if (slot < lo) continue;
      if (slot > hi) break;
      acc[static_cast<size_t>(slot - lo)].Add(r.values[i], (r.slots[i] & kEstimateBit) != 0);
    }
  }
  for (size_t k = 0; k < acc.size(); ++k) {
    const Rollup r = acc[k].Result(oa);
    if (!r.value) continue;
    out.push_back(
        SeriesPoint{PeriodOfSlot(type, lo + static_cast<int>(k)), *r.value, r.estimate, r.orgs});
  }
  return out;
}

int64_t ValueIndex::size() const {
  std::shared_lock lock(state_->mu);
  int64_t n = 0;
  for (const auto& [id, column] : state_->columns) n += column->size();
  return n;
}

int64_t ValueIndex::MemoryBytes() const {
  std::shared_lock lock(state_->mu);
  int64_t n = state_->links.MemoryBytes();
  for (const auto& [id, column] : state_->columns) {
    n += column->MemoryBytes() + static_cast<int64_t>(sizeof(ElementColumn)) + 32;
  }
  return n;
}

}  // namespace nq::analytics
