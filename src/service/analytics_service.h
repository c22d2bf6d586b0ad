// AnalyticsService: the in-memory value index of the whole database (analytics/value_index.h)
// and its record index (analytics/record_index.h: every record type and record, for the record
// functions of formulas), loaded at start-up and updated by DataService and RecordService after
// each committed write, and the assessment of resolutions over both, with scope checks.
//
// Scope: a principal may assess a resolution they can read (PlanService rules) for any
// organization inside their own scope; the default root is the resolution's committee when it
// is in scope, else the principal's scope root. An organization outside scope: Forbidden
// "scope.denied".
//
// Thread-safety: all methods are thread-safe. The indexes follow the organization tree: a read
// that finds OrgService's version changed first renumbers them (ValueIndex::ReplaceTree,
// RecordIndex::ReplaceTree).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "analytics/formula_eval.h"
#include "analytics/record_index.h"
#include "analytics/resolution_assessment.h"
#include "analytics/value_index.h"
#include "common/status.h"
#include "domain/data.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "domain/user.h"
#include "service/org_service.h"
#include "service/plan_service.h"
#include "store/database.h"

namespace nq {

// One target in a dashboard: the assessment plus what a chart needs.
struct TargetChart {
  analytics::TargetResult result;
  // Linear expected path from the start of term (baseline or 0) to the target at the end,
  // one point per year end (and the as-of date), for the chart's dashed line.
  std::vector<std::pair<Date, double>> expected_path;
  // Projection from the last value to the end of term.
  std::vector<std::pair<Date, double>> projection_path;
  // Drill-down: the same target for each child organization of the root (name, result).
  std::vector<std::pair<Organization, analytics::TargetResult>> children;
};

struct ResolutionDashboard {
  ResolutionDetail plan;
  Organization root;
  analytics::ResolutionResult result;
};

class AnalyticsService {
 public:
  // Loads every data element and value into a new index, and every record type and record into
  // the record index. `db`, `orgs`, `plans` must outlive it.
  static Result<std::unique_ptr<AnalyticsService>> Create(store::Database* db, OrgService* orgs,
                                                          PlanService* plans);

  // The catalog of data elements (a snapshot).
  std::shared_ptr<const analytics::ElementCatalog> catalog() const;
  const analytics::ValueIndex& index() const { return *index_; }
  // The records (with their types: records().catalog()).
  const analytics::RecordIndex& records() const { return *records_; }

  // Called by DataService after a committed change (never before the commit).
  void OnElementChanged(const DataElement& e);
  void OnValueSet(const DataValue& v);
  void OnValueErased(int64_t org_id, int64_t element_id, const Period& period);
  // Called by RecordService after a committed change. A type revised so that its records
  // cannot be kept in the index (a field that changed type) has them reloaded from the store.
  // A record the index cannot hold (no date, unknown type) is left out and logged.
  void OnRecordTypeChanged(const RecordType& t);
  void OnRecordInserted(const Record& r);
  void OnRecordErased(int64_t record_id);

  // Assessment of a resolution as of a date for a subtree (root nullopt: the default above),
  // with the resolution's assessment settings (PlanService::GetAssessmentSettings).
  Result<ResolutionDashboard> Assess(const Principal& p, int64_t resolution_id, const Date& as_of,
                                     std::optional<int64_t> root = std::nullopt) const;
  // One target with its chart series and the drill-down by child organization (with the
  // resolution's assessment settings too).
  Result<TargetChart> TargetDetail(const Principal& p, int64_t resolution_id,
                                   const std::string& target_code, const Date& as_of,
                                   std::optional<int64_t> root = std::nullopt) const;

  // The index's series of one element for a subtree (drill-down by period).
  Result<std::vector<analytics::SeriesPoint>> ElementSeries(const Principal& p, int64_t element_id,
                                                            int64_t root,
                                                            const analytics::Window& w) const;

 private:
  AnalyticsService() = default;
  void SyncTree() const;  // renumbers the index when the organization tree changed

  store::Database* db_ = nullptr;
  OrgService* orgs_ = nullptr;
  PlanService* plans_ = nullptr;
  std::unique_ptr<analytics::ValueIndex> index_;
  std::unique_ptr<analytics::RecordIndex> records_;
  mutable std::mutex tree_mu_;
  mutable uint64_t tree_version_ = 0;
  mutable std::shared_mutex catalog_mu_;
  std::shared_ptr<const analytics::ElementCatalog> catalog_;
};

}  // namespace nq
