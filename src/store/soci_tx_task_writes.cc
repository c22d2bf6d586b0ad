// SociTx: nhiệm vụ được giao, assigned tasks — the writes (the reads, and the layout of the
// tables, are in soci_tx_tasks.cc). A write replaces the task's row and its child rows whole.
// The foreign keys check the references; only when one fails is each reference looked up, so
// that the missing row gets its own error key.
#include <soci/soci.h>

#include <string>

#include "common/time.h"
#include "store/soci_internal.h"
#include "store/task_audit_text.h"

namespace nq::store {
namespace {

// Both bind TaskParams by name.
constexpr char kTaskInsert[] =
    "INSERT INTO assigned_tasks (resolution_id, resolution_task_id, parent_id, title, "
    "owner_org_id, assigning_document, assigned, recurrence, due, offset_days, until_date, "
    "product, has_document, document_number, document_title, document_issued, "
    "document_issuing_body, has_project, project_name, project_location, report_ref, "
    "completed_on, progress_percent) VALUES (:resolution_id, :resolution_task_id, :parent_id, "
    ":title, :owner_org_id, :assigning_document, :assigned, :recurrence, :due, :offset_days, "
    ":until_date, :product, :has_document, :document_number, :document_title, "
    ":document_issued, :document_issuing_body, :has_project, :project_name, :project_location, "
    ":report_ref, :completed_on, :progress_percent) RETURNING id";
constexpr char kTaskUpdate[] =
    "UPDATE assigned_tasks SET resolution_id = :resolution_id, resolution_task_id = "
    ":resolution_task_id, parent_id = :parent_id, title = :title, owner_org_id = :owner_org_id, "
    "assigning_document = :assigning_document, assigned = :assigned, recurrence = :recurrence, "
    "due = :due, offset_days = :offset_days, until_date = :until_date, product = :product, "
    "has_document = :has_document, document_number = :document_number, document_title = "
    ":document_title, document_issued = :document_issued, document_issuing_body = "
    ":document_issuing_body, has_project = :has_project, project_name = :project_name, "
    "project_location = :project_location, report_ref = :report_ref, completed_on = "
    ":completed_on, progress_percent = :progress_percent WHERE id = :id";

// The values of a task's row as SOCI binds them (each exchanged by its column's name).
struct TaskParams {
  explicit TaskParams(const AssignedTask& t)
      : resolution_id(t.resolution_id),
        resolution_task_id(t.resolution_task_id.value_or(0)),
        parent_id(t.parent_id.value_or(0)),
        owner_org_id(t.owner_org_id),
        resolution_task_ind(t.resolution_task_id ? soci::i_ok : soci::i_null),
        parent_ind(t.parent_id ? soci::i_ok : soci::i_null),
        assigned(FormatIso(t.assigned)),
        recurrence(TaskRecurrenceCode(t.deadline.recurrence)),
        due(FormatIso(t.deadline.due)),
        product(ProductKindCode(t.product)),
        until(t.deadline.until),
        issued(t.document ? t.document->issued : std::nullopt),
        completed_on(t.completed_on),
        has_document(t.document ? 1 : 0),
        has_project(t.project ? 1 : 0),
        document(t.document.value_or(ConcretizingDocument{})),
        project_name(t.project ? t.project->name : std::string()),
        project_location(t.project ? t.project->location : std::string()) {}

  void Bind(soci::statement& st, const AssignedTask& t) {
    st.exchange(soci::use(resolution_id, "resolution_id"));
    st.exchange(soci::use(resolution_task_id, resolution_task_ind, "resolution_task_id"));
    st.exchange(soci::use(parent_id, parent_ind, "parent_id"));
    st.exchange(soci::use(t.title, "title"));
    st.exchange(soci::use(owner_org_id, "owner_org_id"));
    st.exchange(soci::use(t.assigning_document, "assigning_document"));
    st.exchange(soci::use(assigned, "assigned"));
    st.exchange(soci::use(recurrence, "recurrence"));
    st.exchange(soci::use(due, "due"));
    st.exchange(soci::use(t.deadline.offset_days, "offset_days"));
    st.exchange(soci::use(until.text, until.ind, "until_date"));
    st.exchange(soci::use(product, "product"));
    st.exchange(soci::use(has_document, "has_document"));
    st.exchange(soci::use(document.number, "document_number"));
    st.exchange(soci::use(document.title, "document_title"));
    st.exchange(soci::use(issued.text, issued.ind, "document_issued"));
    st.exchange(soci::use(document.issuing_body, "document_issuing_body"));
    st.exchange(soci::use(has_project, "has_project"));
    st.exchange(soci::use(project_name, "project_name"));
    st.exchange(soci::use(project_location, "project_location"));
    st.exchange(soci::use(t.report_ref, "report_ref"));
    st.exchange(soci::use(completed_on.text, completed_on.ind, "completed_on"));
    st.exchange(soci::use(t.progress_percent, "progress_percent"));
  }

  long long resolution_id, resolution_task_id, parent_id, owner_org_id;
  soci::indicator resolution_task_ind, parent_ind;
  std::string assigned, recurrence, due, product;
  DateParam until, issued, completed_on;
  int has_document, has_project;
  ConcretizingDocument document;
  std::string project_name, project_location;
};

// After a write of t failed on a foreign key: Invalid with the key of t's first reference to a
// missing row, in the order of the contract. Throws what SOCI throws.
Status MissingReference(soci::session& sql, const AssignedTask& t, const char* op) {
  struct Ref {
    const char* table;
    std::vector<int64_t> ids;
    const char* key;
    const char* what;
  };
  const Ref refs[] = {
      {"resolutions", {t.resolution_id}, "task.resolution_unknown", "Nghị quyết"},
      {"organizations", {t.owner_org_id}, "task.owner_unknown", "Đơn vị chủ trì"},
      {"organizations", t.cooperating_org_ids, "task.cooperating_unknown", "Đơn vị phối hợp"},
      {"assigned_tasks", t.parent_id ? std::vector<int64_t>{*t.parent_id} : std::vector<int64_t>{},
       "task.parent_unknown", "Nhiệm vụ cha"},
      {"resolution_tasks",
       t.resolution_task_id ? std::vector<int64_t>{*t.resolution_task_id} : std::vector<int64_t>{},
       "task.resolution_task_unknown", "Nhiệm vụ đột phá, trọng tâm"},
  };
  for (const Ref& r : refs) {
    if (std::optional<int64_t> missing = FirstMissingId(sql, r.table, r.ids)) {
      return Status::Invalid(r.key, std::string(r.what) + " (mã số " + std::to_string(*missing) +
                                        ") của nhiệm vụ không tồn tại");
    }
  }
  return GenericError({DbErrorKind::kForeignKey, "no reference of the task is missing"}, op);
}

// Writes the task's row: a new one (returning its id in *id) or the one with id t.id.
void WriteTaskRow(soci::session& sql, const AssignedTask& t, bool insert, long long* id) {
  TaskParams p(t);
  soci::statement stmt(sql);
  stmt.alloc();
  p.Bind(stmt, t);
  if (insert) {
    stmt.exchange(soci::into(*id));
  } else {
    stmt.exchange(soci::use(*id, "id"));
  }
  stmt.prepare(insert ? kTaskInsert : kTaskUpdate);
  stmt.define_and_bind();
  stmt.execute(true);
}

// Replaces the child rows of t (whose id is set). Throws what SOCI throws.
void WriteTaskParts(soci::session& sql, const AssignedTask& t) {
  long long id = t.id;
  for (const char* table :
       {"assigned_task_cooperators", "assigned_task_completions", "assigned_task_milestones"}) {
    sql << std::string("DELETE FROM ") + table + " WHERE task_id = :id", soci::use(id);
  }
  for (size_t i = 0; i < t.cooperating_org_ids.size(); ++i) {
    long long org = t.cooperating_org_ids[i];
    int position = static_cast<int>(i);
    sql << "INSERT INTO assigned_task_cooperators (task_id, position, org_id) VALUES (:t, :p, :o)",
        soci::use(id), soci::use(position), soci::use(org);
  }
  for (const OccurrenceCompletion& c : t.occurrence_completions) {
    const std::string period = c.period.ToString(), start = FormatIso(c.period.start());
    const std::string on = FormatIso(c.completed_on);
    sql << "INSERT INTO assigned_task_completions (task_id, period, period_start, completed_on, "
           "report_ref) VALUES (:t, :p, :s, :c, :r)",
        soci::use(id), soci::use(period), soci::use(start), soci::use(on), soci::use(c.report_ref);
  }
  const std::vector<Milestone> none;
  const std::vector<Milestone>& milestones = t.project ? t.project->milestones : none;
  for (size_t i = 0; i < milestones.size(); ++i) {
    int position = static_cast<int>(i);
    const std::string due = FormatIso(milestones[i].due);
    DateParam done(milestones[i].done_on);
    sql << "INSERT INTO assigned_task_milestones (task_id, position, title, due, done_on) "
           "VALUES (:t, :p, :ti, :d, :o)",
        soci::use(id), soci::use(position), soci::use(milestones[i].title), soci::use(due),
        soci::use(done.text, done.ind);
  }
}

// The one unique key a task's rows can break is (task, period) of a completion: a period
// completed twice, which ValidateAssignedTask refuses with the same key.
WriteErrors TaskWriteErrors() {
  return {Status::Invalid("task.completion_invalid",
                          "Một kỳ của nhiệm vụ được ghi nhận hoàn thành hai lần"),
          Status::Invalid(kRefUnknown, "")};
}

}  // namespace

Result<int64_t> SociTx::InsertAssignedTask(const AssignedTask& t) {
  int64_t new_id = 0;
  Status st = Mutate("InsertAssignedTask", TaskWriteErrors(), [&]() -> Status {
    long long id = 0;
    WriteTaskRow(sql_, t, /*insert=*/true, &id);
    AssignedTask stored = t;
    stored.id = id;
    WriteTaskParts(sql_, stored);
    InsertAudit("assigned_task", std::to_string(id), "create", "", AssignedTaskJson(stored));
    new_id = id;
    return Status::Ok();
  });
  if (st.key() == kRefUnknown) {
    st = Read("InsertAssignedTask", [&] { return MissingReference(sql_, t, "InsertAssignedTask"); });
  }
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateAssignedTask(const AssignedTask& t) {
  Status st = Mutate("UpdateAssignedTask", TaskWriteErrors(), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(AssignedTask old, GetAssignedTask(t.id));
    long long id = t.id;
    WriteTaskRow(sql_, t, /*insert=*/false, &id);
    WriteTaskParts(sql_, t);
    InsertAudit("assigned_task", std::to_string(t.id), "update", AssignedTaskJson(old),
                AssignedTaskJson(t));
    return Status::Ok();
  });
  if (st.key() != kRefUnknown) return st;
  return Read("UpdateAssignedTask", [&] { return MissingReference(sql_, t, "UpdateAssignedTask"); });
}

}  // namespace nq::store
