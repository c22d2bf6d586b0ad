// SociTx: nhiệm vụ được giao, assigned tasks — the reads (the writes are in
// soci_tx_task_writes.cc). One row of assigned_tasks per task, its document and project inlined
// (present when has_document / has_project is 1), and three child tables:
// assigned_task_cooperators, assigned_task_completions and assigned_task_milestones.
#include <soci/soci.h>

#include <map>
#include <string>

#include "common/time.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

constexpr char kTaskSelect[] =
    "SELECT id, resolution_id, resolution_task_id, parent_id, title, owner_org_id, "
    "assigning_document, assigned, recurrence, due, offset_days, until_date, product, "
    "has_document, document_number, document_title, document_issued, document_issuing_body, "
    "has_project, project_name, project_location, report_ref, completed_on, progress_percent "
    "FROM assigned_tasks";

struct AssignedTaskRow {
  long long id = 0, resolution_id = 0, resolution_task_id = 0, parent_id = 0, owner_org_id = 0;
  soci::indicator resolution_task_ind = soci::i_ok, parent_ind = soci::i_ok;
  std::string title, assigning_document, assigned, recurrence, due, until, product;
  int offset_days = 0, has_document = 0, has_project = 0, progress_percent = 0;
  std::string document_number, document_title, document_issued, document_issuing_body;
  std::string project_name, project_location, report_ref, completed_on;
  soci::indicator until_ind = soci::i_ok, issued_ind = soci::i_ok, completed_ind = soci::i_ok;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(resolution_id));
    st.exchange(soci::into(resolution_task_id, resolution_task_ind));
    st.exchange(soci::into(parent_id, parent_ind));
    st.exchange(soci::into(title));
    st.exchange(soci::into(owner_org_id));
    st.exchange(soci::into(assigning_document));
    st.exchange(soci::into(assigned));
    st.exchange(soci::into(recurrence));
    st.exchange(soci::into(due));
    st.exchange(soci::into(offset_days));
    st.exchange(soci::into(until, until_ind));
    st.exchange(soci::into(product));
    st.exchange(soci::into(has_document));
    st.exchange(soci::into(document_number));
    st.exchange(soci::into(document_title));
    st.exchange(soci::into(document_issued, issued_ind));
    st.exchange(soci::into(document_issuing_body));
    st.exchange(soci::into(has_project));
    st.exchange(soci::into(project_name));
    st.exchange(soci::into(project_location));
    st.exchange(soci::into(report_ref));
    st.exchange(soci::into(completed_on, completed_ind));
    st.exchange(soci::into(progress_percent));
  }

  Result<AssignedTask> ToTask() const {
    AssignedTask t;
    std::optional<Date> assigned_on = ParseIsoDate(assigned), due_on = ParseIsoDate(due), issued;
    std::optional<TaskRecurrence> rec = ParseTaskRecurrence(recurrence);
    std::optional<ProductKind> kind = ParseProductKind(product);
    if (!assigned_on || !due_on || !rec || !kind ||
        !ReadDate(until, until_ind, &t.deadline.until) ||
        !ReadDate(document_issued, issued_ind, &issued) ||
        !ReadDate(completed_on, completed_ind, &t.completed_on)) {
      return Corrupt("assigned_tasks", id);
    }
    t.id = id;
    t.resolution_id = resolution_id;
    if (resolution_task_ind == soci::i_ok) t.resolution_task_id = resolution_task_id;
    if (parent_ind == soci::i_ok) t.parent_id = parent_id;
    t.title = title;
    t.owner_org_id = owner_org_id;
    t.assigning_document = assigning_document;
    t.assigned = *assigned_on;
    t.deadline.recurrence = *rec;
    t.deadline.due = *due_on;
    t.deadline.offset_days = offset_days;
    t.product = *kind;
    if (has_document != 0) {
      t.document =
          ConcretizingDocument{document_number, document_title, issued, document_issuing_body};
    }
    if (has_project != 0) t.project = KeyProject{project_name, project_location, {}};
    t.report_ref = report_ref;
    t.progress_percent = progress_percent;
    return t;
  }
};

// Fills the cooperating organizations, occurrence completions and milestones of `tasks`, which
// are the rows of assigned_tasks that `where` selects. Throws what SOCI throws.
Status LoadTaskParts(soci::session& sql, const std::string& where,
                     std::vector<AssignedTask>* tasks) {
  std::map<long long, AssignedTask*> by_id;
  for (AssignedTask& t : *tasks) by_id[t.id] = &t;
  const std::string of_tasks = " WHERE task_id IN (SELECT id FROM assigned_tasks" + where + ")";
  long long task_id = 0, org_id = 0;
  soci::statement orgs = (sql.prepare << "SELECT task_id, org_id FROM assigned_task_cooperators" +
                                             of_tasks + " ORDER BY task_id, position",
                          soci::into(task_id), soci::into(org_id));
  orgs.execute(false);
  while (orgs.fetch()) by_id.at(task_id)->cooperating_org_ids.push_back(org_id);

  // By period: a task's completions are all of its recurrence's period type
  // (ValidateAssignedTask), so their first days order them.
  std::string period, completed_on, report_ref;
  soci::statement done =
      (sql.prepare << "SELECT task_id, period, completed_on, report_ref FROM "
                      "assigned_task_completions" +
                          of_tasks + " ORDER BY task_id, period_start",
       soci::into(task_id), soci::into(period), soci::into(completed_on), soci::into(report_ref));
  done.execute(false);
  while (done.fetch()) {
    Result<Period> p = Period::Parse(period);
    std::optional<Date> on = ParseIsoDate(completed_on);
    if (!p.ok() || !on) return Corrupt("assigned_task_completions", task_id);
    by_id.at(task_id)->occurrence_completions.push_back({*p, *on, report_ref});
  }

  std::string title, due, done_on;
  soci::indicator done_ind = soci::i_ok;
  soci::statement steps =
      (sql.prepare << "SELECT task_id, title, due, done_on FROM "
                      "assigned_task_milestones" +
                          of_tasks + " ORDER BY task_id, position",
       soci::into(task_id), soci::into(title), soci::into(due), soci::into(done_on, done_ind));
  steps.execute(false);
  while (steps.fetch()) {
    AssignedTask* t = by_id.at(task_id);
    Milestone m{title, {}, {}};
    std::optional<Date> due_on = ParseIsoDate(due);
    if (!t->project || !due_on || !ReadDate(done_on, done_ind, &m.done_on)) {
      return Corrupt("assigned_task_milestones", task_id);
    }
    m.due = *due_on;
    t->project->milestones.push_back(std::move(m));
  }
  return Status::Ok();
}

// The tasks that `where` selects, complete, by id. Throws what SOCI throws.
Status LoadTasks(soci::session& sql, const std::string& where, std::vector<AssignedTask>* out) {
  NQ_RETURN_IF_ERROR(QueryRows<AssignedTaskRow>(
      sql, kTaskSelect + where + " ORDER BY id", static_cast<const long long*>(nullptr),
      &AssignedTaskRow::ToTask, [&](AssignedTask t) { out->push_back(std::move(t)); }));
  return out->empty() ? Status::Ok() : LoadTaskParts(sql, where, out);
}

}  // namespace

Result<std::vector<AssignedTask>> SociTx::ListAssignedTasks(const TaskQuery& q) {
  std::vector<AssignedTask> out;
  Status st = Read("ListAssignedTasks", [&] {
    // Numbers only: safe to write into the statement.
    std::string where = " WHERE 1 = 1";
    if (q.resolution_id) where += " AND resolution_id = " + std::to_string(*q.resolution_id);
    if (!q.owner_org_ids.empty()) where += " AND " + InList("owner_org_id", q.owner_org_ids);
    if (q.parent_id) where += " AND parent_id = " + std::to_string(*q.parent_id);
    return LoadTasks(sql_, where, &out);
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssignedTask> SociTx::GetAssignedTask(int64_t id) {
  std::vector<AssignedTask> found;
  Status st = Read("GetAssignedTask",
                   [&] { return LoadTasks(sql_, " WHERE id = " + std::to_string(id), &found); });
  if (!st.ok()) return st;
  if (found.empty()) {
    return Status::NotFound("task.not_found",
                            "Không tìm thấy nhiệm vụ (mã số " + std::to_string(id) + ")");
  }
  return std::move(found[0]);
}

}  // namespace nq::store
