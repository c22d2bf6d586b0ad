#include "analytics/resolution_assessment.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analytics/record_index.h"
#include "common/format.h"
#include "domain/formula.h"
#include "domain/organization.h"

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

// Some record of one of `types` kept in the subtree and dated within the window.
bool AnyRecorded(const ResolutionInput& in, const std::vector<std::string>& types, int64_t org_id,
                 const Window& w) {
  if (in.records == nullptr) return false;
  return std::any_of(types.begin(), types.end(), [&](const std::string& code) {
    RecordQuery q;
    q.op = RecordOp::kCount;
    q.type_code = code;
    q.root = org_id;
    q.window = w;
    const Result<std::optional<double>> n = in.records->Run(q);
    return n.ok() && n->value_or(0) > 0;
  });
}

// A subtree's party members against its committee's, both counted over organizations open on
// the assessment date.
struct MemberShare {
  int64_t members = 0;
  int64_t committee_members = 0;
  double ratio() const {
    return static_cast<double>(members) / static_cast<double>(committee_members);
  }
};

int64_t MembersOn(const OrgTree& tree, int64_t root, const Date& d) {
  int64_t n = 0;
  for (const Organization& o : tree.Subtree(root)) {
    if (IsActiveOn(o, d)) n += o.members;
  }
  return n;
}

// Set for a subtree strictly below the committee, with members on both sides.
std::optional<MemberShare> ShareOf(const ValueIndex& index, const ResolutionInput& in,
                                   int64_t org_id) {
  if (in.committee_org == 0 || in.committee_org == org_id) return std::nullopt;
  OrgTree copy;
  if (in.tree == nullptr) copy = index.tree();
  const OrgTree& tree = in.tree ? *in.tree : copy;
  if (!tree.InSubtree(in.committee_org, org_id)) return std::nullopt;
  MemberShare s{MembersOn(tree, org_id, in.as_of), MembersOn(tree, in.committee_org, in.as_of)};
  if (s.committee_members <= 0) return std::nullopt;
  return s;
}

// An indicator whose value for a committee is the sum of its parts' values.
bool Additive(const FormulaNode& n, const ElementCatalog& catalog) {
  if (n.kind == FormulaNode::Kind::kElement) {
    const DataElement* e = catalog.Find(n.text);
    return e && (e->org_aggregation == OrgAggregation::kSum ||
                 e->org_aggregation == OrgAggregation::kCount);
  }
  if (n.kind != FormulaNode::Kind::kCall) return false;
  if (n.text == "sum" || n.text == "count" || n.text == "count_if") return true;
  if (n.text == "record_count" || n.text == "record_sum" || n.text == "record_orgs" ||
      n.text == "record_months") {
    return true;
  }
  const bool period_fn = n.text == "cumulative" || n.text == "year" || n.text == "term_start" ||
                         n.text == "prev_year" || n.text == "yearly_avg";
  return period_fn && !n.children.empty() && n.children[0] && Additive(*n.children[0], catalog);
}

bool Allocatable(const Target& t, const Formula& indicator, const ElementCatalog& catalog) {
  return t.value_formula.empty() && t.comparator != Comparator::kYesNo && t.unit != "%" &&
         Additive(indicator.root(), catalog);
}

TargetResult AssessOne(const ValueIndex& index, const ElementCatalog& catalog,
                       const ResolutionInput& in, Target target, int64_t org_id,
                       const std::optional<MemberShare>& share) {
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
  const std::shared_ptr<const RecordCatalog> record_types =
      in.records ? in.records->catalog() : nullptr;
  if (Status s = CheckElements(indicator.value(), catalog, record_types.get()); !s.ok()) {
    return NoData(std::move(r), input, in.config, s.message());
  }
  std::string allocation;
  if (share && Allocatable(target, indicator.value(), catalog)) {
    const double k = share->ratio();
    target.value *= k;
    if (target.value_high) *target.value_high *= k;
    r.target = target;
    input.target = target;
    r.allocated_share = k;
    allocation = "Chỉ tiêu phân bổ theo tỷ lệ đảng viên (" + FormatNumberVi(share->members, 0) +
                 "/" + FormatNumberVi(share->committee_members, 0) + "): " +
                 FormatNumberVi(target.value, 2) + (target.unit.empty() ? "" : " " + target.unit) +
                 ". ";
  }
  // Yearly ratings exist only after the year-end review; a bare element bounds the values.
  const std::vector<std::string> codes = indicator.value().ElementCodes();
  const std::vector<std::string> record_codes = indicator.value().RecordTypeCodes();
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
  ctx.records = in.records;
  ctx.root_org = org_id;
  ctx.term_start = in.term_start;
  ctx.term_end = in.term_end;

  // The target value: a formula over a base, once at the term's start or year by year.
  std::optional<Formula> value_formula;
  bool per_year = false;
  if (!target.value_formula.empty()) {
    Result<Formula> vf = Formula::Parse(target.value_formula);
    if (!vf.ok()) return NoData(std::move(r), input, in.config, vf.status().message());
    if (Status s = CheckElements(vf.value(), catalog, record_types.get()); !s.ok()) {
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
    if (!AnyReported(index, catalog, codes, org_id, ctx.window) &&
        !AnyRecorded(in, record_codes, org_id, ctx.window)) {
      continue;
    }
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
  r.assessment.explanation = allocation + r.assessment.explanation;
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

  const std::optional<MemberShare> share = ShareOf(index, in, in.root_org);
  for (const Target& t : in.targets) {
    TargetResult r = AssessOne(index, catalog, in, t, in.root_org, share);
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
  return AssessOne(index, catalog, in, target, org_id, ShareOf(index, in, org_id));
}

}  // namespace nq::analytics
