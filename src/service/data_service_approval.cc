// DataService: approval of reports, level by level up the tree, and the completeness board.
#include <string>
#include <unordered_map>
#include <utility>

#include "common/time.h"
#include "service/data_service.h"
#include "service/data_service_internal.h"
#include "service/scope.h"

namespace nq {
namespace data_internal {

Result<std::optional<Report>> NearestAncestorReport(store::Tx& tx, const OrgTree& tree,
                                                    int64_t org_id, int64_t data_set_id,
                                                    const Period& period) {
  const std::vector<int64_t> path = tree.Path(org_id);  // root .. org
  for (size_t i = path.size(); i-- > 1;) {
    NQ_ASSIGN_OR_RETURN(std::optional<Report> r, tx.GetReport(path[i - 1], data_set_id, period));
    if (r.has_value()) return r;
  }
  return std::optional<Report>();
}

}  // namespace data_internal

namespace {

// The data set, checked against the period's type.
Result<DataSet> LoadSet(store::Tx& tx, int64_t data_set_id, const Period& period) {
  NQ_ASSIGN_OR_RETURN(DataSet s, tx.GetDataSet(data_set_id));
  if (period.type() != s.period_type) {
    return data_internal::PeriodTypeMismatch(s.name, s.period_type, period);
  }
  return s;
}

Status NotSubmitted() {
  return Status::Conflict("report.not_submitted", "Báo cáo chưa được gửi");
}

// Organizations (by id) that have at least one value of the set in the period.
Result<std::unordered_map<int64_t, int>> ValueCounts(store::Tx& tx, const DataSet& s,
                                                     const Period& period) {
  store::Tx::ValueQuery q;
  q.element_ids = s.element_ids;
  q.from = period.start();
  q.to = period.start();
  q.period_type = period.type();
  NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values, tx.ListValues(q));
  std::unordered_map<int64_t, int> counts;
  for (const DataValue& v : values) {
    if (v.period == period) ++counts[v.org_id];
  }
  return counts;
}

}  // namespace

Result<Report> DataService::Submit(const Principal& p, int64_t org_id, int64_t data_set_id,
                                   const Period& period, const store::Actor& a) {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(data_internal::CheckValueWriter(*tree, &p, org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(DataSet s, LoadSet(*tx, data_set_id, period));
  const Organization& org = *tree->Find(org_id);
  if (!Reports(s, org, period)) {
    return Status::Invalid("report.not_expected", "Tổ chức " + org.code +
                                                      " không báo cáo biểu mẫu '" + s.name +
                                                      "' trong kỳ " + period.Label());
  }
  NQ_ASSIGN_OR_RETURN(std::optional<Report> stored, tx->GetReport(org_id, data_set_id, period));
  Report r = stored.value_or(data_internal::DraftReport(org_id, data_set_id, period));
  if (r.state != ReportState::kDraft) {
    return Status::Conflict("report.not_draft", "Báo cáo đã được gửi hoặc đã được duyệt");
  }
  NQ_ASSIGN_OR_RETURN(data_internal::Definitions defs, data_internal::Definitions::Load(*tx));
  NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values,
                      data_internal::ReportValues(*tx, s, org_id, period));
  const std::vector<RuleViolation> broken =
      data_internal::CheckRules(s, defs.ElementsOf(s), values);
  if (!broken.empty()) {
    return Status::Invalid("report.rules", "Báo cáo vi phạm quy tắc kiểm tra: " +
                                               data_internal::JoinViolations(broken));
  }
  r.state = ReportState::kSubmitted;
  r.submitted_at = NowUnix();
  r.submitted_by = p.user_id;
  r.approved_at = 0;
  r.approved_by = 0;
  NQ_RETURN_IF_ERROR(tx->UpsertReport(r, "submit"));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return r;
}

Result<Report> DataService::Approve(const Principal& p, int64_t org_id, int64_t data_set_id,
                                    const Period& period, const store::Actor& a) {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(data_internal::CheckApprover(*tree, p, org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(DataSet s, LoadSet(*tx, data_set_id, period));
  NQ_ASSIGN_OR_RETURN(std::optional<Report> stored, tx->GetReport(org_id, data_set_id, period));
  if (!stored.has_value() || stored->state != ReportState::kSubmitted) return NotSubmitted();

  NQ_ASSIGN_OR_RETURN(std::vector<Report> reports, tx->ListReports(data_set_id, period));
  std::unordered_map<int64_t, const Report*> by_org;
  for (const Report& r : reports) by_org[r.org_id] = &r;
  NQ_ASSIGN_OR_RETURN(auto counts, ValueCounts(*tx, s, period));
  std::string pending;
  for (const Organization& below : tree->Subtree(org_id)) {
    if (below.id == org_id) continue;
    auto it = by_org.find(below.id);
    const Report* r = it == by_org.end() ? nullptr : it->second;
    if (r != nullptr && r->state == ReportState::kApproved) continue;
    const bool was_submitted =
        r != nullptr && (r->state == ReportState::kSubmitted || r->submitted_at > 0);
    if (!was_submitted && counts.count(below.id) == 0) continue;
    if (!pending.empty()) pending += ", ";
    pending += below.name;
  }
  if (!pending.empty()) {
    return Status::Conflict("report.children_pending",
                            "Cần duyệt báo cáo của các tổ chức cấp dưới trước: " + pending);
  }
  Report r = *stored;
  r.state = ReportState::kApproved;
  r.approved_at = NowUnix();
  r.approved_by = p.user_id;
  NQ_RETURN_IF_ERROR(tx->UpsertReport(r, "approve"));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return r;
}

Result<Report> DataService::Reopen(const Principal& p, int64_t org_id, int64_t data_set_id,
                                   const Period& period, const store::Actor& a) {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(data_internal::CheckApprover(*tree, p, org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_RETURN_IF_ERROR(LoadSet(*tx, data_set_id, period).status());
  NQ_ASSIGN_OR_RETURN(std::optional<Report> stored, tx->GetReport(org_id, data_set_id, period));
  if (!stored.has_value() || stored->state == ReportState::kDraft) return NotSubmitted();
  if (stored->state == ReportState::kApproved) {
    NQ_ASSIGN_OR_RETURN(std::optional<Report> above,
                        data_internal::NearestAncestorReport(*tx, *tree, org_id, data_set_id,
                                                             period));
    if (above.has_value() && above->state == ReportState::kApproved) {
      const Organization* parent = tree->Find(above->org_id);
      return Status::Conflict("report.parent_approved",
                              "Báo cáo cấp trên (" + (parent ? parent->name : std::string()) +
                                  ") đã được duyệt; đề nghị mở lại báo cáo cấp trên trước");
    }
  }
  Report r = *stored;
  r.state = ReportState::kDraft;
  r.approved_at = 0;
  r.approved_by = 0;
  NQ_RETURN_IF_ERROR(tx->UpsertReport(r, "reopen"));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return r;
}

Result<CompletenessBoard> DataService::Completeness(const Principal& p, int64_t data_set_id,
                                                    const Period& period,
                                                    std::optional<int64_t> root,
                                                    const Date& as_of) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  const int64_t top = root.value_or(p.org_id);
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, top));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  CompletenessBoard board;
  NQ_ASSIGN_OR_RETURN(board.data_set, LoadSet(*tx, data_set_id, period));
  board.period = period;
  board.due = DueDate(board.data_set, period);
  board.as_of = as_of;
  NQ_ASSIGN_OR_RETURN(std::vector<Report> reports, tx->ListReports(data_set_id, period));
  std::unordered_map<int64_t, const Report*> by_org;
  for (const Report& r : reports) by_org[r.org_id] = &r;
  NQ_ASSIGN_OR_RETURN(auto counts, ValueCounts(*tx, board.data_set, period));

  for (const Organization& org : tree->Subtree(top)) {
    if (!Reports(board.data_set, org, period)) continue;
    CompletenessRow row;
    row.org = org;
    auto it = by_org.find(org.id);
    const Report* r = it == by_org.end() ? nullptr : it->second;
    if (r != nullptr) {
      row.state = r->state;
      row.submitted_at = r->submitted_at;
    }
    auto c = counts.find(org.id);
    row.values = c == counts.end() ? 0 : c->second;
    row.timeliness = TimelinessOf(board.data_set, period, r, as_of);
    switch (row.timeliness) {
      case Timeliness::kOnTime: ++board.on_time; break;
      case Timeliness::kLate: ++board.late; break;
      case Timeliness::kMissing: ++board.missing; break;
      case Timeliness::kNotDue: ++board.not_due; break;
    }
    board.rows.push_back(std::move(row));
  }
  board.expected = static_cast<int>(board.rows.size());
  return board;
}

}  // namespace nq
