// Internals shared by the translation units of DataService (data_service_*.cc): role and scope
// checks, the definitions read inside one transaction, validation rules over a report's values,
// and the planning of one value write. Not part of the service's interface.
//
// Pure helpers over a store::Tx the caller owns; thread-safe as far as their arguments are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "domain/data.h"
#include "domain/org_tree.h"
#include "domain/period.h"
#include "domain/user.h"
#include "service/data_service.h"
#include "store/database.h"

namespace nq::data_internal {

// Admin and committee edit element and set definitions (Forbidden "role.denied").
Status CheckDefinitionWriter(const Principal& p);
// Admin, committee and reporter enter values for organizations in scope. `p` null: the system.
Status CheckValueWriter(const OrgTree& tree, const Principal* p, int64_t org_id);
// Approve / reopen: admin or committee whose scope root is a strict ancestor of `org_id`, or
// the scope root itself when it is a root of the tree.
bool IsApprover(const OrgTree& tree, const Principal& p, int64_t org_id);
Status CheckApprover(const OrgTree& tree, const Principal& p, int64_t org_id);

// "org/set/period": the audit entity id of a report.
std::string ReportKey(int64_t org_id, int64_t data_set_id, const Period& period);
// The draft of a report that has no stored row.
Report DraftReport(int64_t org_id, int64_t data_set_id, const Period& period);
bool IsLocked(const Report& r);

Status ElementNotFound();
Status DataSetNotFound();
// Invalid "value.period_type": the period is not of the element's (or set's) type.
Status PeriodTypeMismatch(const std::string& name, PeriodType expected, const Period& period);
// Invalid "value.not_expected": the organization does not report the set in that period.
Status NotExpected(const Organization& org, const DataSet& s, const Period& period);
// Conflict "value.locked".
Status Locked();

// Every element and data set, read once inside a transaction.
struct Definitions {
  std::vector<DataElement> elements;
  std::vector<DataSet> sets;
  std::unordered_map<int64_t, size_t> element_by_id;
  std::unordered_map<std::string, size_t> element_by_code;
  std::unordered_map<int64_t, size_t> set_by_element;  // element id -> index in sets
  std::unordered_map<int64_t, size_t> set_by_id;

  static Result<Definitions> Load(store::Tx& tx);
  const DataElement* Element(int64_t id) const;
  const DataElement* ElementByCode(const std::string& code) const;
  const DataSet* SetOf(int64_t element_id) const;  // nullptr: the element is in no set
  const DataSet* Set(int64_t id) const;
  // The set's elements in form order (unknown ids skipped).
  std::vector<DataElement> ElementsOf(const DataSet& s) const;
};

// Stored values of one report: the set's elements, the organization, the period.
Result<std::vector<DataValue>> ReportValues(store::Tx& tx, const DataSet& s, int64_t org_id,
                                            const Period& period);

// Rules of `s` broken by `values` (element id -> value); a rule naming a missing value is
// skipped, and so is one that divides by zero.
std::vector<RuleViolation> CheckRules(const DataSet& s, const std::vector<DataElement>& elements,
                                      const std::unordered_map<int64_t, double>& values);
std::vector<RuleViolation> CheckRules(const DataSet& s, const std::vector<DataElement>& elements,
                                      const std::vector<DataValue>& values);
// "R1: message; R2: message".
std::string JoinViolations(const std::vector<RuleViolation>& v);

// One value write, checked and compared with the stored value, not yet made.
struct PlannedWrite {
  DataValue value;                 // what will be stored (when !erase)
  std::optional<DataValue> old;    // the stored value
  bool erase = false;
  bool changed = false;
  const DataSet* set = nullptr;    // the report the value belongs to, if any
};

// Checks one input (organization known and writable by `p`, element known, period of its type,
// organization expected to report the set, report not locked, text valid) inside `tx` and
// compares it with the stored value. `reports` caches the reports read (by ReportKey).
Result<PlannedWrite> PlanWrite(store::Tx& tx, const OrgTree& tree, const Definitions& defs,
                               const Principal* p, const ValueInput& in, const store::Actor& a,
                               std::unordered_map<std::string, Report>* reports);

// Makes a planned write through `tx` (nothing when unchanged).
Status ApplyWrite(store::Tx& tx, const PlannedWrite& w);

// The report of the same set and period of the nearest ancestor of `org_id` that has one
// (a stored row), or nullopt.
Result<std::optional<Report>> NearestAncestorReport(store::Tx& tx, const OrgTree& tree,
                                                    int64_t org_id, int64_t data_set_id,
                                                    const Period& period);

}  // namespace nq::data_internal
