// DataService: data elements and data sets (definitions), data entry, approval, completeness
// and imports of reported values — with role and scope checks, all-or-nothing writes, an audit
// row for every change, and the analytics index updated after each commit.
//
// Roles and scope (DESIGN.md "Users and roles"):
//   - definitions (elements, data sets): read by everyone signed in; written by admin and
//     committee (Forbidden "role.denied").
//   - values: entered by admin, committee and reporter for organizations in their scope
//     (Forbidden "scope.denied" outside it; viewers: "role.denied").
//   - submit: who may enter the values. approve / reopen: admin and committee whose scope root
//     is a strict ancestor of the organization (the level above approves), or the scope root
//     itself when it is a root of the tree (the bloc approves its own report).
//
// One element belongs to at most one data set (Conflict "dataset.element_taken"), so every value
// belongs to at most one report (organization, data set, period of the set's type). An element
// in no set (e.g. loaded from a resolution file) has values outside any report: never locked.
//
// Approval, level by level up the tree:
//   draft --submit--> submitted --approve--> approved --reopen--> draft
//   submitted --reopen (return)--> draft
//   - submit needs every validation rule of the set to hold (Invalid "report.rules", message
//     listing each broken rule) and the organization to report the set in that period
//     (Invalid "report.not_expected");
//   - approve needs the report submitted (Conflict "report.not_submitted") and every report of
//     the same set and period below it in the tree that has values or was submitted to be
//     approved first (Conflict "report.children_pending", naming them);
//   - reopen of an approved report needs the report above it (its nearest ancestor that has
//     one) not to be approved (Conflict "report.parent_approved");
//   - values of a submitted or approved report are locked: a write is Conflict "value.locked".
//   Every step writes an audit row (entity "report", id "org/set/period").
//
// Values: a period must be of the element's type (Invalid "value.period_type"); values are checked
// with ParseValue/CheckValue (Invalid "value.not_number", "value.out_of_range", ...). Writing the
// same value again changes nothing and writes no audit row.
//
// Thread-safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/data.h"
#include "domain/period.h"
#include "domain/user.h"
#include "service/analytics_service.h"
#include "service/org_service.h"
#include "store/database.h"

namespace nq {

struct RuleViolation {
  std::string code;
  std::string message;
};

// Everything the entry form of one report needs.
struct ReportForm {
  DataSet data_set;
  std::vector<DataElement> elements;  // in form order
  Organization org;
  Period period;
  Report report;                      // state draft with zeros when never submitted
  std::vector<DataValue> values;      // stored values of the report
  std::vector<RuleViolation> violations;  // rules broken by the stored values
  bool editable = false;              // the principal may write and the report is a draft
  bool can_submit = false;
  bool can_approve = false;
  bool can_reopen = false;
  Date due;
  Timeliness timeliness = Timeliness::kNotDue;
};

// One value as typed: text in the user's form (see ParseValue); empty text erases the value.
struct ValueInput {
  int64_t org_id = 0;
  int64_t element_id = 0;
  Period period;
  std::string text;
  bool estimate = false;
  std::string comment;
};

struct SaveOutcome {
  std::optional<DataValue> value;          // the stored value, nullopt when erased
  bool changed = false;
  std::vector<RuleViolation> violations;   // rules of the report broken after the write
};

// A row of an import file (CSV or JSON), with its 1-based line (or item) number.
struct ValueRow {
  int line = 0;
  std::string org_code;
  std::string element_code;
  std::string period;
  std::string value;     // text as in ParseValue ("1.234,5", "có", "HTXSNV")
  bool estimate = false;
  std::string comment;
};

struct ImportError {
  int line = 0;
  std::string message;  // Vietnamese
};

struct ImportSummary {
  int rows = 0;
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<ImportError> errors;  // non-empty: nothing was written
};

// Completeness of one data set and period under a root.
struct CompletenessRow {
  Organization org;
  Timeliness timeliness = Timeliness::kNotDue;
  ReportState state = ReportState::kDraft;
  int64_t submitted_at = 0;
  int values = 0;       // values entered
};

struct CompletenessBoard {
  DataSet data_set;
  Period period;
  Date due;
  Date as_of;
  std::vector<CompletenessRow> rows;  // expected reporters in tree order
  int expected = 0;
  int on_time = 0;
  int late = 0;
  int missing = 0;
  int not_due = 0;
};

class DataService {
 public:
  // All pointers must outlive the service.
  DataService(store::Database* db, OrgService* orgs, AnalyticsService* analytics)
      : db_(db), orgs_(orgs), analytics_(analytics) {}

  // --- definitions ------------------------------------------------------------------------
  Result<std::vector<DataElement>> ListElements(const Principal& p) const;  // by code
  Result<DataElement> GetElement(const Principal& p, int64_t id) const;     // "element.not_found"
  Result<DataElement> CreateElement(const Principal& p, const DataElement& e,
                                    const store::Actor& a);  // Conflict "element.code_taken"
  Result<DataElement> UpdateElement(const Principal& p, const DataElement& e,
                                    const store::Actor& a);
  Result<std::vector<DataSet>> ListDataSets(const Principal& p) const;      // by code
  Result<DataSet> GetDataSet(const Principal& p, int64_t id) const;         // "dataset.not_found"
  // Rules are parsed (formula errors are Invalid "dataset.rule_invalid" naming the rule) and
  // may name only the set's elements.
  Result<DataSet> CreateDataSet(const Principal& p, const DataSet& s, const store::Actor& a);
  Result<DataSet> UpdateDataSet(const Principal& p, const DataSet& s, const store::Actor& a);

  // Data sets the organization reports in some period, for its menu.
  Result<std::vector<DataSet>> DataSetsOf(const Principal& p, int64_t org_id) const;

  // --- entry --------------------------------------------------------------------------------
  Result<ReportForm> GetForm(const Principal& p, int64_t org_id, int64_t data_set_id,
                             const Period& period, const Date& today) const;
  // Saves one value (the form saves each as it is typed).
  Result<SaveOutcome> SaveValue(const Principal& p, const ValueInput& v, const store::Actor& a);
  // Saves several values in one transaction: all or nothing; the first error is returned with
  // the index of the offending item in its message.
  Result<std::vector<SaveOutcome>> SaveValues(const Principal& p,
                                              const std::vector<ValueInput>& values,
                                              const store::Actor& a);
  // Stored values of a subtree (the API), optionally of one element and a period range.
  Result<std::vector<DataValue>> ListValues(const Principal& p, int64_t root,
                                            std::optional<int64_t> element_id,
                                            std::optional<PeriodRange> periods) const;

  // --- approval -----------------------------------------------------------------------------
  Result<Report> Submit(const Principal& p, int64_t org_id, int64_t data_set_id,
                        const Period& period, const store::Actor& a);
  Result<Report> Approve(const Principal& p, int64_t org_id, int64_t data_set_id,
                         const Period& period, const store::Actor& a);
  Result<Report> Reopen(const Principal& p, int64_t org_id, int64_t data_set_id,
                        const Period& period, const store::Actor& a);

  // --- completeness and timeliness ----------------------------------------------------------
  Result<CompletenessBoard> Completeness(const Principal& p, int64_t data_set_id,
                                         const Period& period, std::optional<int64_t> root,
                                         const Date& as_of) const;

  // --- imports --------------------------------------------------------------------------------
  // Checks every row (organization in scope, element known, period of the element's set type,
  // value valid, no locked report, no row repeated with another value, validation rules of each
  // affected report) and writes all of them in one transaction, or nothing: the summary lists
  // every bad row by line. Rows equal to the stored value count as unchanged (idempotent).
  // `progress(done, total)` is called now and then while checking and writing. `p` null: the
  // system (CLI), no scope checks.
  Result<ImportSummary> ImportValues(const Principal* p, const std::vector<ValueRow>& rows,
                                     const store::Actor& a,
                                     const std::function<void(int, int)>& progress = {});

  // --- the system (demo generator, CLI): no role or scope checks, same validation -----------
  // (implemented in data_service_system.cc)
  Result<DataElement> CreateElementAsSystem(const DataElement& e, const store::Actor& a);
  Result<DataSet> CreateDataSetAsSystem(const DataSet& s, const store::Actor& a);
  // Writes a report's state as given (history loaded from elsewhere, the demo's past reports).
  Status RecordReportAsSystem(const Report& r, const store::Actor& a);

 private:
  store::Database* db_;
  OrgService* orgs_;
  AnalyticsService* analytics_;
  // Held from the write transaction of a value or an element to the index update after its
  // commit, so that the index sees the writes of this process in commit order.
  std::mutex write_mu_;
};

}  // namespace nq
