#include "analytics/formula_eval.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "domain/formula_interp.h"
#include "domain/formula_lexer.h"

namespace nq::analytics {
namespace {

using formula_internal::FormulaError;
using formula_internal::FormulaValue;
using formula_internal::FunctionInfo;
using Kind = FormulaNode::Kind;

constexpr int kMaxTermStartPeriods = 400;  // bound on the search for a first reported period

Date Min(const Date& a, const Date& b) { return a < b ? a : b; }
Date Max(const Date& a, const Date& b) { return a < b ? b : a; }

bool IsRecordCall(const FormulaNode& n) {
  if (n.kind != Kind::kCall) return false;
  const FunctionInfo* f = formula_internal::FindFunction(n.text);
  return f != nullptr && f->kind == FunctionInfo::Kind::kRecord;
}

// Elements only: a record function's arguments name a record type and its fields.
const FormulaNode* FirstElement(const FormulaNode& n) {
  if (n.kind == Kind::kElement) return &n;
  if (IsRecordCall(n)) return nullptr;
  for (const auto& c : n.children) {
    if (const FormulaNode* e = FirstElement(*c)) return e;
  }
  return nullptr;
}

void CollectElements(const FormulaNode& n, std::vector<const FormulaNode*>* out) {
  if (n.kind == Kind::kElement) out->push_back(&n);
  if (IsRecordCall(n)) return;
  for (const auto& c : n.children) CollectElements(*c, out);
}

Status UnknownElement(const FormulaNode& n) {
  return FormulaError("formula.unknown_element", n.position,
                      "chỉ tiêu '" + n.text + "' không tồn tại");
}

class IndexHooks : public formula_internal::FormulaHooks {
 public:
  explicit IndexHooks(const EvalContext& ctx) : ctx_(ctx), window_(ctx.window) {}

  Result<FormulaValue> Element(const FormulaNode& n) override {
    const DataElement* e = ctx_.catalog->Find(n.text);
    if (e == nullptr) return UnknownElement(n);
    if (window_.to < window_.from) return FormulaValue{};
    if (org_pre_ < 0) {
      const Rollup r = ctx_.index->Aggregate(e->id, ctx_.root_org, window_);
      return FormulaValue{r.value, r.estimate};
    }
    const std::vector<OrgCell>& cells = Cells(e->id);
    auto it = std::lower_bound(cells.begin(), cells.end(), org_pre_,
                               [](const OrgCell& c, int pre) { return c.pre < pre; });
    if (it == cells.end() || it->pre != org_pre_) return FormulaValue{};
    return FormulaValue{it->value, it->estimate};
  }

  Result<double> Category(const FormulaNode& other, const FormulaNode& literal) override {
    if (other.kind != Kind::kElement) {
      return FormulaError("formula.type", literal.position,
                          "chuỗi \"" + literal.text +
                              "\" chỉ so sánh được trực tiếp với một chỉ tiêu danh mục");
    }
    const DataElement* e = ctx_.catalog->Find(other.text);
    if (e == nullptr) return UnknownElement(other);
    for (size_t i = 0; i < e->categories.size(); ++i) {
      if (e->categories[i] == literal.text) return static_cast<double>(i);
    }
    return FormulaError("formula.type", literal.position,
                        "\"" + literal.text + "\" không phải là một mục của chỉ tiêu '" +
                            other.text + "'");
  }

  Result<FormulaValue> IndexCall(const FormulaNode& call, const FunctionInfo& f) override {
    const FormulaNode& x = *call.children[0];
    if (f.kind == FunctionInfo::Kind::kRecord) return RecordCall(call);
    if (f.kind == FunctionInfo::Kind::kPeriod) return PeriodCall(call, x);
    const bool count_if = f.kind == FunctionInfo::Kind::kCountIf;
    if (!count_if && x.kind == Kind::kElement && org_pre_ < 0) {
      const DataElement* e = ctx_.catalog->Find(x.text);
      if (e == nullptr) return UnknownElement(x);
      if (window_.to < window_.from) return FormulaValue{};
      const Rollup r = ctx_.index->Aggregate(e->id, ctx_.root_org, window_, Aggregation(call));
      if (call.text == "count") return FormulaValue{r.value.value_or(0), r.estimate};
      return FormulaValue{r.value, r.estimate};
    }
    return PerOrg(call, x, count_if);
  }

 private:
  // A record function over the subtree and the current window (a period function around it
  // has changed the window).
  Result<FormulaValue> RecordCall(const FormulaNode& call) {
    std::optional<RecordQuery> q = RecordQueryOf(call);
    if (!q) return FormulaError("formula.unknown_function", call.position, "hàm không hợp lệ");
    if (ctx_.records == nullptr) {
      return FormulaError("formula.unknown_record_type", q->position,
                          "loại hồ sơ '" + q->type_code + "' không tồn tại");
    }
    q->root = ctx_.root_org;
    q->window = window_;
    NQ_ASSIGN_OR_RETURN(const std::optional<double> v, ctx_.records->Run(*q));
    return FormulaValue{v, false};
  }

  static OrgAggregation Aggregation(const FormulaNode& call) {
    if (call.text == "avg") return OrgAggregation::kAverage;
    if (call.text == "min") return OrgAggregation::kMin;
    if (call.text == "max") return OrgAggregation::kMax;
    if (call.text == "count") return OrgAggregation::kCount;
    return OrgAggregation::kSum;
  }

  const std::vector<OrgCell>& Cells(int64_t element_id) {
    const auto key = std::make_tuple(element_id, DaysFromCivil(window_.from),
                                     DaysFromCivil(window_.to));
    auto it = cells_.find(key);
    if (it == cells_.end()) {
      it = cells_.emplace(key, ctx_.index->OrgValues(element_id, ctx_.root_org, window_)).first;
    }
    return it->second;
  }

  // x evaluated on each organization of the subtree, combined as `call` says.
  Result<FormulaValue> PerOrg(const FormulaNode& call, const FormulaNode& x, bool count_if) {
    std::vector<const FormulaNode*> elements;
    CollectElements(x, &elements);
    // Candidates: organizations with a value of any element named, over a window wide enough
    // for the period functions inside x (a year before the window or the term, to its end).
    const Window saved = window_;
    const Date start = Min(ctx_.term_start, window_.from);
    window_ = Window{Date{std::max(1, start.year - 1), 1, 1}, Max(window_.to, ctx_.term_end)};
    std::vector<int> candidates;
    for (const FormulaNode* n : elements) {
      const DataElement* e = ctx_.catalog->Find(n->text);
      if (e == nullptr) {
        window_ = saved;
        return UnknownElement(*n);
      }
      for (const OrgCell& c : ctx_.index->OrgValues(e->id, ctx_.root_org, window_)) {
        candidates.push_back(c.pre);
      }
    }
    window_ = saved;
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    FormulaValue out;
    double acc = 0;
    int64_t n = 0;
    for (int pre : candidates) {
      org_pre_ = pre;
      Result<FormulaValue> v = formula_internal::EvaluateNode(x, *this);
      org_pre_ = -1;
      if (!v.ok()) return v.status();
      if (!v->value) continue;
      out.estimate = out.estimate || v->estimate;
      const double y = *v->value;
      if (count_if) {
        if (y != 0) ++n;
        continue;
      }
      if (n == 0) acc = y;
      else if (call.text == "min") acc = std::min(acc, y);
      else if (call.text == "max") acc = std::max(acc, y);
      else if (call.text != "count") acc += y;
      ++n;
    }
    if (count_if || call.text == "count") out.value = static_cast<double>(n);
    else if (n > 0) out.value = call.text == "avg" ? acc / static_cast<double>(n) : acc;
    return out;
  }

  Result<FormulaValue> Within(const Window& w, const FormulaNode& x) {
    const Window saved = window_;
    window_ = w;
    Result<FormulaValue> v = formula_internal::EvaluateNode(x, *this);
    window_ = saved;
    return v;
  }

  Result<FormulaValue> PeriodCall(const FormulaNode& call, const FormulaNode& x) {
    const std::string& fn = call.text;
    if (fn == "year") {
      const int y = static_cast<int>(call.children[1]->number);
      return Within(Window{Max(Date{y, 1, 1}, ctx_.term_start),
                           Min(Min(Date{y, 12, 31}, window_.to), ctx_.term_end)},
                    x);
    }
    if (fn == "cumulative") return Within(Window{ctx_.term_start, window_.to}, x);
    if (fn == "prev_year") {
      const int y = window_.to.year - 1;
      if (y < 1) return FormulaValue{};
      return Within(Window{Date{y, 1, 1}, Date{y, 12, 31}}, x);
    }
    if (fn == "yearly_avg") {
      FormulaValue out;
      double total = 0;
      int years = 0;
      for (int y = window_.from.year; y <= window_.to.year; ++y) {
        NQ_ASSIGN_OR_RETURN(const FormulaValue v,
                            Within(Window{Max(Date{y, 1, 1}, window_.from),
                                          Min(Date{y, 12, 31}, window_.to)},
                                   x));
        if (!v.value) continue;
        total += *v.value;
        ++years;
        out.estimate = out.estimate || v.estimate;
      }
      if (years > 0) out.value = total / years;
      return out;
    }
    // term_start: the period of x's type holding the term's first day, or the first later
    // one (up to the window's end) with a value.
    const FormulaNode* first = FirstElement(x);
    if (first == nullptr) return Within(window_, x);
    const DataElement* e = ctx_.catalog->Find(first->text);
    if (e == nullptr) return UnknownElement(*first);
    std::optional<Period> p = Period::Containing(e->period_type, ctx_.term_start);
    const Date last = Max(window_.to, ctx_.term_start);
    for (int i = 0; p && p->start() <= last && i < kMaxTermStartPeriods; ++i, p = p->Next()) {
      NQ_ASSIGN_OR_RETURN(const FormulaValue v, Within(Window{p->start(), p->end()}, x));
      if (v.value) return v;
    }
    return FormulaValue{};
  }

  const EvalContext& ctx_;
  Window window_;
  int org_pre_ = -1;  // >= 0 while evaluating for one organization (its pre-order position)
  std::map<std::tuple<int64_t, int64_t, int64_t>, std::vector<OrgCell>> cells_;
};

}  // namespace

ElementCatalog::ElementCatalog(std::vector<DataElement> elements)
    : elements_(std::move(elements)) {
  for (size_t i = 0; i < elements_.size(); ++i) {
    by_code_.emplace(elements_[i].code, i);
    by_id_.emplace(elements_[i].id, i);
  }
}

const DataElement* ElementCatalog::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &elements_[it->second];
}

const DataElement* ElementCatalog::FindId(int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &elements_[it->second];
}

Result<EvalValue> Evaluate(const Formula& f, const EvalContext& ctx) {
  if (ctx.index == nullptr || ctx.catalog == nullptr) {
    return Status::Internal("formula.context", "Thiếu dữ liệu để tính công thức");
  }
  IndexHooks hooks(ctx);
  NQ_ASSIGN_OR_RETURN(const FormulaValue v, formula_internal::EvaluateNode(f.root(), hooks));
  return EvalValue{v.value, v.estimate};
}

namespace {

Status CheckRecordCalls(const FormulaNode& n, const RecordCatalog* records) {
  if (IsRecordCall(n)) return CheckRecordCall(n, records);
  for (const auto& c : n.children) NQ_RETURN_IF_ERROR(CheckRecordCalls(*c, records));
  return Status::Ok();
}

}  // namespace

Status CheckElements(const Formula& f, const ElementCatalog& catalog,
                     const RecordCatalog* records) {
  std::vector<const FormulaNode*> elements;
  CollectElements(f.root(), &elements);
  for (const FormulaNode* n : elements) {
    if (catalog.Find(n->text) == nullptr) return UnknownElement(*n);
  }
  return CheckRecordCalls(f.root(), records);
}

}  // namespace nq::analytics
