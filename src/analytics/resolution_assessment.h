// Assessing a whole resolution over the index: each target's indicator (a formula) evaluated per
// year of the term for a subtree, its target value resolved (a number or a formula over a base),
// the rules of analytics/assessment.h applied, and the headline, buckets and counts by field
// that a review reports ("hoàn thành 6/7 mục tiêu"). Used by the service layer, the CLI (from a
// file, without a database) and the review.
//
// For each target: the indicator is evaluated for each calendar year of the term with the
// window [max(1 January, term start), min(31 December, as_of, term end)] (a year starting after
// as_of has no value); closed = as_of after 31 December. target.value_formula, when present, is
// evaluated once with the window [term start, term start] to give target_value ("0.03 *
// term_start(members)"), or, when it uses prev_year, with each year's window to give that year's
// own target (YearPoint::target; a year whose own target has no base value is not judged).
// A year has a value only when something the indicator names was reported in it: a value of
// one of its elements, or a record (any, whatever the condition) of one of its record types in
// the subtree — so a year before the records were kept has no value rather than 0.
// pending_until_year_end is set when every element the indicator names is yearly; max_value is
// the element's max when the indicator is a bare element. A target whose indicator is empty,
// does not parse, names an unknown element or fails to evaluate (division by zero), or whose
// value formula gives nothing, is CHƯA CÓ SỐ LIỆU with the error in TargetResult::error and the
// explanation "Không tính được chỉ tiêu: <error>.".
//
// Headline: "Hoàn thành X/Y mục tiêu", X counting the targets CountsAsDone accepts (before the end
// of term on-track ones too, when AssessmentConfig::mid_term_counts_on_track).
//
// Thread-safe: reads the index under its shared lock; no state of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/assessment.h"
#include "analytics/formula_eval.h"
#include "analytics/value_index.h"
#include "common/status.h"
#include "domain/resolution.h"

namespace nq::analytics {

struct TargetResult {
  Target target;
  TargetAssessment assessment;
  std::vector<YearPoint> years;  // every year of the term (values only up to as_of)
  // A formula that does not parse or evaluate (unknown element, division by zero): the target
  // is CHƯA CÓ SỐ LIỆU and this holds the Vietnamese error with its position.
  std::string error;
  // For a subtree below the committee and a target on a quantity that adds up over
  // organizations: the subtree's share of the committee's party members (open on as_of), by
  // which `target`'s values were scaled ("chỉ tiêu phân bổ"). nullopt: the target as resolved.
  std::optional<double> allocated_share;
};

struct BucketCount {
  double threshold = 0;  // "đạt từ 80% trở lên": targets whose ratio ≥ threshold
  int count = 0;
};

struct FieldCount {
  Field field = Field::kPartyBuilding;
  int done = 0;   // counted as done (CountsAsDone)
  int total = 0;
};

struct ResolutionResult {
  int64_t root_org = 0;   // the subtree assessed
  Date as_of;
  bool final = false;     // as_of ≥ term end
  std::vector<TargetResult> targets;  // in the resolution's order
  int done = 0;           // "hoàn thành done/total mục tiêu"
  int total = 0;
  std::vector<BucketCount> buckets;   // in config order
  std::vector<FieldCount> fields;     // fields that have targets, in Field order
  std::string headline;   // "Hoàn thành 6/7 mục tiêu"
};

struct ResolutionInput {
  Date term_start;
  Date term_end;
  std::vector<Target> targets;
  int64_t root_org = 0;
  // The organization whose term it is (the resolution's committee); 0: root_org. Targets are
  // set for it: assessed for a subtree below it, a target on a quantity that adds up over
  // organizations (an indicator that is a summed or counted element, or sum/count/count_if,
  // record_count/record_sum/record_orgs/record_months; not a percentage, a yes/no target or one with a value formula) is scaled by the subtree's
  // share of the committee's members, and the explanation says so.
  int64_t committee_org = 0;
  Date as_of;
  AssessmentConfig config;
  // The caller's snapshot of the organization tree, used only to check that root_org (or the
  // drill-down organization) exists. nullptr: the index's tree is copied for the check, which
  // costs milliseconds at national scale (≈17 ms for 52,000 organizations) — callers that
  // assess many subtrees (all provinces) pass their tree.
  const OrgTree* tree = nullptr;
  // The records for indicators with record functions (record_count, …; RecordIndex, with its
  // catalog). nullptr: such an indicator is CHƯA CÓ SỐ LIỆU with "formula.unknown_record_type".
  const RecordIndex* records = nullptr;
};

// Evaluates and assesses every target. Fails only for an unknown root organization (NotFound
// "org.not_found"); a target's own formula errors are reported in its TargetResult.
Result<ResolutionResult> AssessResolution(const ValueIndex& index, const ElementCatalog& catalog,
                                          const ResolutionInput& in);

// The yearly series of one target for one organization subtree (a drill-down row), as in
// TargetResult::years; error text as there.
Result<TargetResult> AssessTargetFor(const ValueIndex& index, const ElementCatalog& catalog,
                                     const ResolutionInput& in, const Target& target,
                                     int64_t org_id);

}  // namespace nq::analytics
