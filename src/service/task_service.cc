// TaskService: the reads (lists, a task page, what is due soon, evidence files). Writes are in
// task_service_write.cc.
#include <algorithm>
#include <utility>

#include "service/scope.h"
#include "service/task_service.h"

namespace nq {
namespace {

// The principal sees the task: its owner or a cooperating organization lies in their scope.
bool CanSee(const OrgTree& tree, const Principal& p, const AssignedTask& t) {
  if (tree.InSubtree(p.org_id, t.owner_org_id)) return true;
  return std::any_of(t.cooperating_org_ids.begin(), t.cooperating_org_ids.end(),
                     [&](int64_t id) { return tree.InSubtree(p.org_id, id); });
}

Status CheckCanSee(const OrgTree& tree, const Principal& p, const AssignedTask& t) {
  return CanSee(tree, p, t) ? Status::Ok() : ScopeDenied();
}

// The task with its state and next deadline as of the date.
TaskRow MakeRow(AssignedTask t, const Date& as_of) {
  TaskRow row;
  row.state = StateAsOf(t, as_of);
  row.next_due = NextDue(t, as_of);
  row.task = std::move(t);
  return row;
}

Status InvalidAsOf() {
  return Status::Invalid("task.filter_invalid", "Ngày tính tình trạng nhiệm vụ không hợp lệ");
}

// By next deadline (none last), then id.
void SortRows(std::vector<TaskRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const TaskRow& a, const TaskRow& b) {
    if (a.next_due.has_value() != b.next_due.has_value()) return a.next_due.has_value();
    if (a.next_due && *a.next_due != *b.next_due) return *a.next_due < *b.next_due;
    return a.task.id < b.task.id;
  });
}

}  // namespace

Result<TaskList> TaskService::List(const Principal& p, const TaskFilter& f) const {
  if (!IsValid(f.as_of)) return InvalidAsOf();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  store::Tx::TaskQuery q;
  q.resolution_id = f.resolution_id;
  if (f.org_id) {
    NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, *f.org_id));
    q.owner_org_ids = tree->SubtreeIds(*f.org_id);
  }
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<AssignedTask> tasks, tx->ListAssignedTasks(q));
  TaskList out;
  for (AssignedTask& t : tasks) {
    if (!CanSee(*tree, p, t)) continue;
    if (f.product && t.product != *f.product) continue;
    if (f.resolution_task_id && t.resolution_task_id != f.resolution_task_id) continue;
    if (f.top_level_only && t.parent_id) continue;
    if (f.due_within_days && !DueWithin(t, f.as_of, *f.due_within_days)) continue;
    TaskRow row = MakeRow(std::move(t), f.as_of);
    ++out.counts.by_state[static_cast<size_t>(row.state)];
    if (f.state && row.state != *f.state) continue;
    out.rows.push_back(std::move(row));
  }
  SortRows(out.rows);
  return out;
}

Result<TaskDetail> TaskService::Get(const Principal& p, int64_t id, const Date& as_of) const {
  if (!IsValid(as_of)) return InvalidAsOf();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  TaskDetail d;
  NQ_ASSIGN_OR_RETURN(d.task, tx->GetAssignedTask(id));
  NQ_RETURN_IF_ERROR(CheckCanSee(*tree, p, d.task));
  d.state = StateAsOf(d.task, as_of);
  d.next_due = NextDue(d.task, as_of);
  d.occurrences = OccurrencesDueBy(d.task, as_of);
  NQ_ASSIGN_OR_RETURN(d.updates, tx->ListTaskUpdates(id));
  store::Tx::TaskQuery q;
  q.parent_id = id;
  NQ_ASSIGN_OR_RETURN(std::vector<AssignedTask> subtasks, tx->ListAssignedTasks(q));
  for (AssignedTask& t : subtasks) {
    if (CanSee(*tree, p, t)) d.subtasks.push_back(MakeRow(std::move(t), as_of));
  }
  NQ_ASSIGN_OR_RETURN(d.resolution, tx->GetResolution(d.task.resolution_id));
  if (d.task.resolution_task_id) {
    NQ_ASSIGN_OR_RETURN(d.resolution_task, tx->GetResolutionTask(*d.task.resolution_task_id));
  }
  if (d.task.parent_id) {
    NQ_ASSIGN_OR_RETURN(AssignedTask parent, tx->GetAssignedTask(*d.task.parent_id));
    if (CanSee(*tree, p, parent)) d.parent_title = std::move(parent.title);
  }
  const bool owner_in_scope = tree->InSubtree(p.org_id, d.task.owner_org_id);
  d.can_report = owner_in_scope && CanEnterData(p.role);
  d.can_edit = owner_in_scope && CanEditPlan(p.role);
  return d;
}

Result<std::vector<TaskRow>> TaskService::DueSoon(const Principal& p, const Date& today,
                                                  int days) const {
  if (!IsValid(today) || days < 0) return InvalidAsOf();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  store::Tx::TaskQuery q;
  q.owner_org_ids = tree->SubtreeIds(p.org_id);
  if (q.owner_org_ids.empty()) return std::vector<TaskRow>{};
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<AssignedTask> tasks, tx->ListAssignedTasks(q));
  std::vector<TaskRow> out;
  const Date horizon = AddDays(today, days);
  for (AssignedTask& t : tasks) {
    TaskRow row = MakeRow(std::move(t), today);
    // next_due is the earliest deadline not met: overdue, or the one DueWithin would find.
    const bool soon = row.next_due && !(horizon < *row.next_due);
    if (row.state == TaskState::kOverdue || soon) out.push_back(std::move(row));
  }
  SortRows(out);
  std::stable_partition(out.begin(), out.end(),
                        [](const TaskRow& r) { return r.state == TaskState::kOverdue; });
  return out;
}

Result<EvidenceFile> TaskService::GetEvidence(const Principal& p, int64_t evidence_id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  EvidenceFile f;
  NQ_ASSIGN_OR_RETURN(f.info, tx->GetEvidenceInfo(evidence_id));
  NQ_ASSIGN_OR_RETURN(AssignedTask task, tx->GetAssignedTask(f.info.task_id));
  NQ_RETURN_IF_ERROR(CheckCanSee(*orgs_->tree(), p, task));
  NQ_ASSIGN_OR_RETURN(f.bytes, tx->GetEvidenceContent(evidence_id));
  return f;
}

Result<std::vector<AssignedTask>> TaskService::ListAsSystem(
    std::optional<int64_t> resolution_id) const {
  store::Tx::TaskQuery q;
  q.resolution_id = resolution_id;
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  return tx->ListAssignedTasks(q);
}

}  // namespace nq
