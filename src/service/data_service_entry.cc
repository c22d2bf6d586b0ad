// DataService: the entry form, value writes and value reads.
#include <map>
#include <mutex>
#include <utility>

#include "service/data_service.h"
#include "service/data_service_internal.h"
#include "service/scope.h"

namespace nq {

using data_internal::Definitions;
using data_internal::PlannedWrite;

Result<ReportForm> DataService::GetForm(const Principal& p, int64_t org_id, int64_t data_set_id,
                                        const Period& period, const Date& today) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  ReportForm form;
  NQ_ASSIGN_OR_RETURN(form.data_set, tx->GetDataSet(data_set_id));
  if (period.type() != form.data_set.period_type) {
    return data_internal::PeriodTypeMismatch(form.data_set.name, form.data_set.period_type,
                                             period);
  }
  NQ_ASSIGN_OR_RETURN(Definitions defs, Definitions::Load(*tx));
  form.elements = defs.ElementsOf(form.data_set);
  form.org = *tree->Find(org_id);
  form.period = period;
  NQ_ASSIGN_OR_RETURN(std::optional<Report> stored, tx->GetReport(org_id, data_set_id, period));
  form.report = stored.value_or(data_internal::DraftReport(org_id, data_set_id, period));
  NQ_ASSIGN_OR_RETURN(form.values,
                      data_internal::ReportValues(*tx, form.data_set, org_id, period));
  form.violations = data_internal::CheckRules(form.data_set, form.elements, form.values);

  const bool expected = Reports(form.data_set, form.org, period);
  const bool writer = data_internal::CheckValueWriter(*tree, &p, org_id).ok();
  const ReportState state = form.report.state;
  form.editable = writer && expected && state == ReportState::kDraft;
  form.can_submit = form.editable;
  const bool approver = data_internal::IsApprover(*tree, p, org_id);
  form.can_approve = approver && state == ReportState::kSubmitted;
  form.can_reopen = approver && state == ReportState::kSubmitted;
  if (approver && state == ReportState::kApproved) {
    NQ_ASSIGN_OR_RETURN(std::optional<Report> above,
                        data_internal::NearestAncestorReport(*tx, *tree, org_id, data_set_id,
                                                             period));
    form.can_reopen = !above.has_value() || above->state != ReportState::kApproved;
  }
  form.due = DueDate(form.data_set, period);
  form.timeliness =
      TimelinessOf(form.data_set, period, stored.has_value() ? &form.report : nullptr, today);
  return form;
}

Result<SaveOutcome> DataService::SaveValue(const Principal& p, const ValueInput& v,
                                           const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(std::vector<SaveOutcome> out, SaveValues(p, {v}, a));
  return std::move(out.front());
}

Result<std::vector<SaveOutcome>> DataService::SaveValues(const Principal& p,
                                                         const std::vector<ValueInput>& values,
                                                         const store::Actor& a) {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  // A quick refusal before the write transaction for a principal who may write nothing.
  if (p.role != Role::kAdmin && p.role != Role::kCommittee && p.role != Role::kReporter) {
    return RoleDenied();
  }
  std::lock_guard lock(write_mu_);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(Definitions defs, Definitions::Load(*tx));
  std::unordered_map<std::string, Report> reports;
  std::vector<PlannedWrite> writes;
  writes.reserve(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    Result<PlannedWrite> w =
        data_internal::PlanWrite(*tx, *tree, defs, &p, values[i], a, &reports);
    Status s = w.ok() ? data_internal::ApplyWrite(*tx, *w) : w.status();
    if (!s.ok()) {
      if (values.size() == 1) return s;
      return Status(s.code(), s.key(), "Mục " + std::to_string(i + 1) + ": " + s.message());
    }
    writes.push_back(std::move(w).value());
  }

  // Rules of every report touched, over its values after the writes.
  std::map<std::string, std::vector<RuleViolation>> violations;
  std::vector<SaveOutcome> out;
  out.reserve(writes.size());
  for (const PlannedWrite& w : writes) {
    SaveOutcome o;
    if (!w.erase) o.value = w.value;
    o.changed = w.changed;
    if (w.set != nullptr) {
      const std::string key = data_internal::ReportKey(w.value.org_id, w.set->id, w.value.period);
      auto it = violations.find(key);
      if (it == violations.end()) {
        NQ_ASSIGN_OR_RETURN(
            std::vector<DataValue> stored,
            data_internal::ReportValues(*tx, *w.set, w.value.org_id, w.value.period));
        it = violations
                 .emplace(key,
                          data_internal::CheckRules(*w.set, defs.ElementsOf(*w.set), stored))
                 .first;
      }
      o.violations = it->second;
    }
    out.push_back(std::move(o));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());

  if (analytics_ != nullptr) {
    for (const PlannedWrite& w : writes) {
      if (!w.changed) continue;
      if (w.erase) {
        analytics_->OnValueErased(w.value.org_id, w.value.element_id, w.value.period);
      } else {
        analytics_->OnValueSet(w.value);
      }
    }
  }
  return out;
}

Result<std::vector<DataValue>> DataService::ListValues(const Principal& p, int64_t root,
                                                       std::optional<int64_t> element_id,
                                                       std::optional<PeriodRange> periods) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, root));
  store::Tx::ValueQuery q;
  const Organization* org = tree->Find(root);
  // A whole tree needs no list of organizations; a subtree names them.
  const bool whole = !org->parent_id.has_value() && tree->Roots().size() == 1;
  if (!whole) q.org_ids = tree->SubtreeIds(root);
  q.element_id = element_id;
  if (periods.has_value()) {
    q.period_type = periods->type();
    q.from = periods->first().start();
    q.to = periods->last().start();
  }
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values, tx->ListValues(q));
  std::erase_if(values, [&](const DataValue& v) {
    return !tree->InSubtree(root, v.org_id) ||
           (periods.has_value() && !periods->Contains(v.period));
  });
  return values;
}

}  // namespace nq
