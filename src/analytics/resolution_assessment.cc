#include "analytics/resolution_assessment.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "domain/formula.h"

namespace nq::analytics {
namespace {

Status OrgNotFound(int64_t id) {
  return Status::NotFound("org.not_found",
                          "Không tìm thấy tổ chức có mã số " + std::to_string(id));
}

bool HasOrg(const ValueIndex& index, const ResolutionInput& in, int64_t id) {
  return in.tree ? in.tree->Contains(id) : index.tree().Contains(id);
}

bool UsesPrevYear(const FormulaNode& n) {
  if (n.kind == FormulaNode::Kind::kCall && n.text == "prev_year") return true;
  return std::any_of(n.children.begin(), n.children.end(),
                     [](const auto& c) { return c && UsesPrevYear(*c); });
}

// The part of year `y` inside the term and up to the review date; false when there is none
// (the year starts after the review date).
bool YearWindow(const ResolutionInput& in, int y, Window* w) {
  const Date jan1{y, 1, 1};
  const Date dec31{y, 12, 31};
  w->from = std::max(jan1, in.term_start);
  w->to = std::min({dec31, in.as_of, in.term_end});
  return w->from <= w->to;
}

// Everything but the values: what a target with an unusable formula still shows.
TargetResult NoData(TargetResult r, const TargetInput& input, const AssessmentConfig& config,
                    std::string error) {
  r.assessment = AssessTarget(input, config);
  r.assessment.status = TargetStatus::kNoData;
  r.assessment.actual.reset();
  r.assessment.expected.reset();
  r.assessment.projection.reset();
  r.assessment.ratio.reset();
  r.assessment.estimate = false;
  r.assessment.explanation = "Không tính được chỉ tiêu: " + error + ".";
  r.error = std::move(error);
  return r;
}

bool AnyReported(const ValueIndex& index, const ElementCatalog& catalog,
                 const std::vector<std::string>& codes, int64_t org_id, const Window& w) {
  return std::any_of(codes.begin(), codes.end(), [&](const std::string& code) {
    const DataElement* e = catalog.Find(code);
    return e && index.Aggregate(e->id, org_id, w, OrgAggregation::kCount).value.has_value();
  });
}

TargetResult AssessOne(const ValueIndex& index, const ElementCatalog& catalog,
                       const ResolutionInput& in, const Target& target, int64_t org_id) {
  TargetResult r;
  r.target = target;
  TargetInput input;
  input.target = target;
  input.term_start = in.term_start;
  input.term_end = in.term_end;
  input.as_of = in.as_of;
  for (int y = in.term_start.year; y <= in.term_end.year; ++y) {
    YearPoint p;
    p.year = y;
    p.closed = in.as_of > Date{y, 12, 31};
    input.years.push_back(p);
  }
  r.years = input.years;

  if (target.indicator.empty()) {
    return NoData(std::move(r), input, in.config,
                  "mục tiêu " + target.code + " chưa có công thức chỉ số");
  }
  Result<Formula> indicator = Formula::Parse(target.indicator);
  if (!indicator.ok()) return NoData(std::move(r), input, in.config, indicator.status().message());
  if (Status s = CheckElements(indicator.value(), catalog); !s.ok()) {
    return NoData(std::move(r), input, in.config, s.message());
  }
  // Yearly ratings exist only after the year-end review; a bare element bounds the values.
  const std::vector<std::string> codes = indicator.value().ElementCodes();
  input.pending_until_year_end =
      !codes.empty() && std::all_of(codes.begin(), codes.end(), [&](const std::string& c) {
        const DataElement* e = catalog.Find(c);
        return e && e->period_type == PeriodType::kYearly;
      });
  if (indicator.value().root().kind == FormulaNode::Kind::kElement) {
    const DataElement* e = catalog.Find(indicator.value().root().text);
    if (e && e->max) input.max_value = e->max;
  }

  EvalContext ctx;
  ctx.index = &index;
  ctx.catalog = &catalog;
  ctx.root_org = org_id;
  ctx.term_start = in.term_start;
  ctx.term_end = in.term_end;

  // The target value: a formula over a base, once at the term's start or year by year.
  std::optional<Formula> value_formula;
  bool per_year = false;
  if (!target.value_formula.empty()) {
    Result<Formula> vf = Formula::Parse(target.value_formula);
    if (!vf.ok()) return NoData(std::move(r), input, in.config, vf.status().message());
    if (Status s = CheckElements(vf.value(), catalog); !s.ok()) {
      return NoData(std::move(r), input, in.config, s.message());
    }
    per_year = UsesPrevYear(vf.value().root());
    if (!per_year) {
      ctx.window = Window{in.term_start, in.term_start};
      Result<EvalValue> tv = Evaluate(vf.value(), ctx);
      if (!tv.ok()) return NoData(std::move(r), input, in.config, tv.status().message());
      if (!tv.value().value) {
        return NoData(std::move(r), input, in.config,
                      "chưa có số liệu để tính giá trị mục tiêu theo công thức «" +
                          target.value_formula + "»");
      }
      input.target_value = tv.value().value;
    }
    value_formula = std::move(vf).value();
  }

  for (YearPoint& p : input.years) {
    if (!YearWindow(in, p.year, &ctx.window)) continue;
    // A year in which nothing the indicator names was reported has no value (rather than,
    // say, a division of two empty counts).
    if (!AnyReported(index, catalog, codes, org_id, ctx.window)) continue;
    Result<EvalValue> v = Evaluate(indicator.value(), ctx);
    if (!v.ok()) return NoData(std::move(r), input, in.config, v.status().message());
    p.value = v.value().value;
    p.estimate = v.value().estimate;
    if (per_year) {
      Result<EvalValue> t = Evaluate(*value_formula, ctx);
      if (!t.ok()) return NoData(std::move(r), input, in.config, t.status().message());
      p.target = t.value().value;
      // A year whose own target has no base value cannot be judged.
      if (!p.target) p.value.reset();
    }
  }
  r.years = input.years;
  r.assessment = AssessTarget(input, in.config);
  return r;
}

// The wording real reviews use at mid-term too: which statuses count is CountsAsDone's business.
std::string Headline(int done, int total) {
  return "Hoàn thành " + std::to_string(done) + "/" + std::to_string(total) + " mục tiêu";
}

}  // namespace

Result<ResolutionResult> AssessResolution(const ValueIndex& index, const ElementCatalog& catalog,
                                          const ResolutionInput& in) {
  if (!HasOrg(index, in, in.root_org)) return OrgNotFound(in.root_org);
  ResolutionResult out;
  out.root_org = in.root_org;
  out.as_of = in.as_of;
  out.final = in.as_of >= in.term_end;
  for (double threshold : in.config.buckets) out.buckets.push_back(BucketCount{threshold, 0});
  constexpr Field kFields[] = {Field::kEconomy, Field::kCultureSociety, Field::kDefenceSecurity,
                               Field::kPartyBuilding};
  std::vector<FieldCount> fields;
  for (Field f : kFields) fields.push_back(FieldCount{f, 0, 0});

  for (const Target& t : in.targets) {
    TargetResult r = AssessOne(index, catalog, in, t, in.root_org);
    const bool done = CountsAsDone(r.assessment.status, out.final, in.config);
    ++out.total;
    out.done += done ? 1 : 0;
    for (BucketCount& b : out.buckets) {
      if (r.assessment.ratio && *r.assessment.ratio >= b.threshold) ++b.count;
    }
    for (FieldCount& f : fields) {
      if (f.field != t.field) continue;
      ++f.total;
      f.done += done ? 1 : 0;
    }
    out.targets.push_back(std::move(r));
  }
  for (const FieldCount& f : fields) {
    if (f.total > 0) out.fields.push_back(f);
  }
  out.headline = Headline(out.done, out.total);
  return out;
}

Result<TargetResult> AssessTargetFor(const ValueIndex& index, const ElementCatalog& catalog,
                                     const ResolutionInput& in, const Target& target,
                                     int64_t org_id) {
  if (!HasOrg(index, in, org_id)) return OrgNotFound(org_id);
  return AssessOne(index, catalog, in, target, org_id);
}

}  // namespace nq::analytics
