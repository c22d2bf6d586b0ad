// RecordIndex::Run: the reads of the record functions (record_index.h).
#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

#include "analytics/record_index.h"
#include "analytics/record_index_internal.h"
#include "analytics/record_program.h"
#include "domain/formula_lexer.h"

namespace nq::analytics {
namespace {

using record_internal::Block;
using record_internal::kBatch;
using record_internal::RecordProgram;
using record_internal::TypeData;

// Calls visit(pre, day, value) for each record of organizations [lo, hi) dated within
// [from, to] for which `cond` holds and `expr` has a value (value 1 without expr), in order of
// (pre, day).
template <typename Visit>
void Scan(const TypeData& d, int lo, int hi, int32_t from, int32_t to, const RecordProgram* cond,
          const RecordProgram* expr, Visit&& visit) {
  const std::vector<Block>& blocks = d.blocks;
  auto b = std::partition_point(blocks.begin(), blocks.end(),
                                [&](const Block& x) { return x.pre.back() < lo; });
  std::vector<double> cbuf(cond ? kBatch : 0);
  std::vector<double> vbuf(expr ? kBatch : 0);
  for (; b != blocks.end() && b->pre.front() < hi; ++b) {
    const size_t begin = static_cast<size_t>(
        std::lower_bound(b->pre.begin(), b->pre.end(), lo) - b->pre.begin());
    const size_t end = static_cast<size_t>(
        std::lower_bound(b->pre.begin() + static_cast<std::ptrdiff_t>(begin), b->pre.end(), hi) -
        b->pre.begin());
    for (size_t s = begin; s < end; s += kBatch) {
      const size_t n = std::min(kBatch, end - s);
      const int32_t* day = b->day.data() + s;
      const bool any = std::any_of(day, day + n, [&](int32_t x) { return x >= from && x <= to; });
      if (!any) continue;
      if (cond) cond->Eval(*b, s, n, cbuf.data());
      if (expr) expr->Eval(*b, s, n, vbuf.data());
      for (size_t k = 0; k < n; ++k) {
        if (day[k] < from || day[k] > to) continue;
        if (cond && (std::isnan(cbuf[k]) || cbuf[k] == 0)) continue;
        double v = 1;
        if (expr) {
          v = vbuf[k];
          if (std::isnan(v)) continue;
        }
        visit(b->pre[s + k], day[k], v);
      }
    }
  }
}

// The first day of each calendar month of [from, to], the first one being `from` itself.
std::vector<int32_t> MonthStarts(const Date& from, const Date& to) {
  std::vector<int32_t> starts{static_cast<int32_t>(DaysFromCivil(from))};
  Date m{from.year, from.month, 1};
  while (true) {
    m = m.month == 12 ? Date{m.year + 1, 1, 1} : Date{m.year, m.month + 1, 1};
    if (to < m) break;
    starts.push_back(static_cast<int32_t>(DaysFromCivil(m)));
  }
  return starts;
}

// Organizations of the records visited, with at least `n` records each (in every month when
// `months` is given): Visit → counts flushed at each change of organization.
class OrgCounter {
 public:
  OrgCounter(int64_t n, const std::vector<int32_t>* months) : n_(n), months_(months) {
    if (months_) per_month_.assign(months_->size(), 0);
  }
  void operator()(int pre, int32_t day, double) {
    if (pre != pre_) Flush(pre);
    if (months_) {
      const auto m = std::upper_bound(months_->begin(), months_->end(), day) - months_->begin();
      ++per_month_[static_cast<size_t>(m - 1)];
    } else {
      ++count_;
    }
  }
  // Ends the last organization; returns the pre-order positions that qualified.
  const std::vector<int>& Finish() {
    Flush(-1);
    return qualified_;
  }

 private:
  void Flush(int next) {
    if (pre_ >= 0) {
      const bool ok = months_ ? std::all_of(per_month_.begin(), per_month_.end(),
                                            [&](int64_t c) { return c >= n_; })
                              : count_ >= n_;
      if (ok) qualified_.push_back(pre_);
    }
    pre_ = next;
    count_ = 0;
    std::fill(per_month_.begin(), per_month_.end(), 0);
  }
  int64_t n_;
  const std::vector<int32_t>* months_;
  int pre_ = -1;
  int64_t count_ = 0;
  std::vector<int64_t> per_month_;
  std::vector<int> qualified_;
};

// record_share: 100 × qualified cells / cells open in the window (formula.h).
std::optional<double> Share(const record_internal::TreeFacts& f, int lo, int hi, int32_t from,
                            int32_t to, const std::vector<int>& qualified) {
  const auto size = static_cast<size_t>(hi - lo);
  std::vector<char> open(size, 0);
  std::vector<char> open_child(size, 0);
  std::vector<char> ok(size, 0);
  for (int p : qualified) ok[static_cast<size_t>(p - lo)] = 1;
  for (int p = lo; p < hi; ++p) {
    const auto i = static_cast<size_t>(p);
    if (f.open_from[i] > to || f.open_to[i] < from) continue;
    open[i - static_cast<size_t>(lo)] = 1;
    const int parent = f.parent[i];
    if (parent >= lo && parent < hi) open_child[static_cast<size_t>(parent - lo)] = 1;
  }
  int64_t cells = 0;
  int64_t kept = 0;
  for (size_t i = 0; i < size; ++i) {
    if (!open[i] || open_child[i]) continue;
    ++cells;
    kept += ok[i];
  }
  if (cells == 0) return std::nullopt;
  return 100.0 * static_cast<double>(kept) / static_cast<double>(cells);
}

}  // namespace

Result<std::optional<double>> RecordIndex::Run(const RecordQuery& q) const {
  std::shared_lock lock(state_->mu);
  const State& s = *state_;
  const TypeData* d = s.Find(q.type_code);
  if (d == nullptr) {
    return formula_internal::FormulaError("formula.unknown_record_type", q.position,
                                          "loại hồ sơ '" + q.type_code + "' không tồn tại");
  }
  std::unique_ptr<RecordProgram> cond;
  std::unique_ptr<RecordProgram> expr;
  if (q.cond) {
    NQ_ASSIGN_OR_RETURN(cond, RecordProgram::Compile(*d, *q.cond));
  }
  if (q.expr) {
    NQ_ASSIGN_OR_RETURN(expr, RecordProgram::Compile(*d, *q.expr));
  }
  const Window& w = q.window;
  if (!IsValid(w.from) || !IsValid(w.to) || w.to < w.from) return std::optional<double>();
  const int lo = s.tree.Pre(q.root);
  if (lo < 0) return std::optional<double>();
  const int hi = s.tree.End(q.root);
  const auto from = static_cast<int32_t>(DaysFromCivil(w.from));
  const auto to = static_cast<int32_t>(DaysFromCivil(w.to));

  std::optional<double> out;
  switch (q.op) {
    case RecordOp::kCount: {
      int64_t n = 0;
      Scan(*d, lo, hi, from, to, cond.get(), nullptr, [&](int, int32_t, double) { ++n; });
      out = static_cast<double>(n);
      break;
    }
    case RecordOp::kSum:
    case RecordOp::kAvg:
    case RecordOp::kMin:
    case RecordOp::kMax: {
      int64_t n = 0;
      double sum = 0;
      double min = 0;
      double max = 0;
      Scan(*d, lo, hi, from, to, cond.get(), expr.get(), [&](int, int32_t, double v) {
        sum += v;
        min = n == 0 ? v : std::min(min, v);
        max = n == 0 ? v : std::max(max, v);
        ++n;
      });
      if (q.op == RecordOp::kSum) out = sum;
      else if (n == 0) out.reset();
      else if (q.op == RecordOp::kAvg) out = sum / static_cast<double>(n);
      else out = q.op == RecordOp::kMin ? min : max;
      break;
    }
    case RecordOp::kOrgs:
    case RecordOp::kMonths:
    case RecordOp::kShare: {
      const std::vector<int32_t> months =
          q.op == RecordOp::kMonths ? MonthStarts(w.from, w.to) : std::vector<int32_t>{};
      OrgCounter counter(q.min_records, q.op == RecordOp::kMonths ? &months : nullptr);
      Scan(*d, lo, hi, from, to, cond.get(), nullptr, counter);
      const std::vector<int>& qualified = counter.Finish();
      if (q.op == RecordOp::kShare) out = Share(s.facts, lo, hi, from, to, qualified);
      else out = static_cast<double>(qualified.size());
      break;
    }
  }
  if (out && !std::isfinite(*out)) {
    return formula_internal::FormulaError("formula.overflow", q.position, "kết quả quá lớn");
  }
  return out;
}

}  // namespace nq::analytics
