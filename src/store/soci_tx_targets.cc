// SociTx: targets (mục tiêu / chỉ tiêu) and resolution tasks (nhiệm vụ đột phá / trọng tâm).
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "store/audit_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

constexpr char kTargetSelect[] =
    "SELECT id, resolution_id, code, position, text, field, comparator, kind, indicator, value, "
    "value_high, value_formula, unit, baseline FROM targets ";

struct TargetRow {
  long long id = 0, resolution_id = 0;
  std::string code;
  int position = 0;
  std::string text, field, comparator, kind, indicator;
  double value = 0, value_high = 0, baseline = 0;
  soci::indicator high_ind = soci::i_ok, baseline_ind = soci::i_ok;
  std::string value_formula, unit;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(resolution_id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(position));
    st.exchange(soci::into(text));
    st.exchange(soci::into(field));
    st.exchange(soci::into(comparator));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(indicator));
    st.exchange(soci::into(value));
    st.exchange(soci::into(value_high, high_ind));
    st.exchange(soci::into(value_formula));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(baseline, baseline_ind));
  }

  Result<Target> ToTarget() const {
    std::optional<Field> f = ParseField(field);
    std::optional<Comparator> c = ParseComparator(comparator);
    std::optional<TargetKind> k = ParseTargetKind(kind);
    if (!f || !c || !k) return Corrupt("targets", id);
    Target t;
    t.id = id;
    t.resolution_id = resolution_id;
    t.code = code;
    t.position = position;
    t.text = text;
    t.field = *f;
    t.comparator = *c;
    t.kind = *k;
    t.indicator = indicator;
    t.value = value;
    if (high_ind == soci::i_ok) t.value_high = value_high;
    t.value_formula = value_formula;
    t.unit = unit;
    if (baseline_ind == soci::i_ok) t.baseline = baseline;
    return t;
  }
};

// The values of a target as SOCI binds them.
struct TargetParams {
  explicit TargetParams(const Target& t)
      : id(t.id),
        resolution_id(t.resolution_id),
        field(FieldCode(t.field)),
        comparator(ComparatorCode(t.comparator)),
        kind(TargetKindCode(t.kind)),
        value_high(t.value_high.value_or(0)),
        high_ind(t.value_high ? soci::i_ok : soci::i_null),
        baseline(t.baseline.value_or(0)),
        baseline_ind(t.baseline ? soci::i_ok : soci::i_null) {}
  long long id, resolution_id;
  std::string field, comparator, kind;
  double value_high;
  soci::indicator high_ind;
  double baseline;
  soci::indicator baseline_ind;
};

constexpr char kTargetTaskSelect[] =
    "SELECT id, resolution_id, kind, position, title, description FROM resolution_tasks ";

struct TaskRow {
  long long id = 0, resolution_id = 0;
  std::string kind;
  int position = 0;
  std::string title, description;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(resolution_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(position));
    st.exchange(soci::into(title));
    st.exchange(soci::into(description));
  }

  Result<ResolutionTask> ToTask() const {
    std::optional<ResolutionTaskKind> k = ParseResolutionTaskKind(kind);
    if (!k) return Corrupt("resolution_tasks", id);
    ResolutionTask t;
    t.id = id;
    t.resolution_id = resolution_id;
    t.kind = *k;
    t.position = position;
    t.title = title;
    t.description = description;
    return t;
  }
};

WriteErrors TargetErrors(const Target& t) {
  return {Status::Conflict("target.code_taken",
                           "Mã mục tiêu '" + t.code + "' đã có trong nghị quyết này"),
          Status::Invalid("target.resolution_unknown", "Nghị quyết của mục tiêu (mã số " +
                                                           std::to_string(t.resolution_id) +
                                                           ") không tồn tại")};
}

WriteErrors TaskErrors(const ResolutionTask& t) {
  return {Status(), Status::Invalid("task.resolution_unknown", "Nghị quyết của nhiệm vụ (mã số " +
                                                                   std::to_string(t.resolution_id) +
                                                                   ") không tồn tại")};
}

Status TaskNotFound(int64_t id) {
  return Status::NotFound("task.not_found",
                          "Không tìm thấy nhiệm vụ (mã số " + std::to_string(id) + ")");
}

// Loads the target codes of the tasks in `tasks` (all of one resolution), in their order.
void LoadTaskTargets(soci::session& sql, long long resolution_id,
                     std::vector<ResolutionTask>* tasks) {
  std::map<long long, ResolutionTask*> by_id;
  for (ResolutionTask& t : *tasks) by_id[t.id] = &t;
  long long task_id = 0;
  std::string code;
  soci::statement stmt = (sql.prepare << "SELECT task_id, target_code FROM resolution_task_targets "
                                         "WHERE resolution_id = :r ORDER BY task_id, position",
                          soci::use(resolution_id), soci::into(task_id), soci::into(code));
  stmt.execute(false);
  while (stmt.fetch()) {
    auto it = by_id.find(task_id);
    if (it != by_id.end()) it->second->target_codes.push_back(code);
  }
}

}  // namespace

// --- targets
// ----------------------------------------------------------------------------------------

Result<std::vector<Target>> SociTx::ListTargets(int64_t resolution_id) {
  std::vector<Target> out;
  Status st = Read("ListTargets", [&] {
    long long key = resolution_id;
    return QueryRows<TargetRow>(
        sql_, std::string(kTargetSelect) + "WHERE resolution_id = :r ORDER BY position, id", &key,
        &TargetRow::ToTarget, [&](Target t) { out.push_back(std::move(t)); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<Target> SociTx::GetTarget(int64_t id) {
  std::optional<Target> out;
  Status st = Read("GetTarget", [&] {
    long long key = id;
    return QueryRows<TargetRow>(sql_, std::string(kTargetSelect) + "WHERE id = :id", &key,
                                &TargetRow::ToTarget, [&](Target t) { out = std::move(t); });
  });
  if (!st.ok()) return st;
  if (!out) {
    return Status::NotFound("target.not_found",
                            "Không tìm thấy mục tiêu (mã số " + std::to_string(id) + ")");
  }
  return std::move(*out);
}

Result<int64_t> SociTx::InsertTarget(const Target& t) {
  int64_t new_id = 0;
  Status st = Mutate("InsertTarget", TargetErrors(t), [&] {
    TargetParams p(t);
    long long id = 0;
    sql_ << "INSERT INTO targets (resolution_id, code, position, text, field, comparator, kind, "
            "indicator, value, value_high, value_formula, unit, baseline) VALUES (:r, :c, :p, "
            ":t, :f, :cmp, :k, :i, :v, :vh, :vf, :u, :b) RETURNING id",
        soci::use(p.resolution_id), soci::use(t.code), soci::use(t.position), soci::use(t.text),
        soci::use(p.field), soci::use(p.comparator), soci::use(p.kind), soci::use(t.indicator),
        soci::use(t.value), soci::use(p.value_high, p.high_ind), soci::use(t.value_formula),
        soci::use(t.unit), soci::use(p.baseline, p.baseline_ind), soci::into(id);
    new_id = id;
    Target stored = t;
    stored.id = new_id;
    InsertAudit("target", std::to_string(new_id), "create", "", TargetJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateTarget(const Target& t) {
  return Mutate("UpdateTarget", TargetErrors(t), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(Target old, GetTarget(t.id));
    TargetParams p(t);
    sql_ << "UPDATE targets SET resolution_id = :r, code = :c, position = :p, text = :t, "
            "field = :f, comparator = :cmp, kind = :k, indicator = :i, value = :v, "
            "value_high = :vh, value_formula = :vf, unit = :u, baseline = :b WHERE id = :id",
        soci::use(p.resolution_id), soci::use(t.code), soci::use(t.position), soci::use(t.text),
        soci::use(p.field), soci::use(p.comparator), soci::use(p.kind), soci::use(t.indicator),
        soci::use(t.value), soci::use(p.value_high, p.high_ind), soci::use(t.value_formula),
        soci::use(t.unit), soci::use(p.baseline, p.baseline_ind), soci::use(p.id);
    InsertAudit("target", std::to_string(t.id), "update", TargetJson(old), TargetJson(t));
    return Status::Ok();
  });
}

// --- resolution tasks
// --------------------------------------------------------------------------------

Result<std::vector<ResolutionTask>> SociTx::ListResolutionTasks(int64_t resolution_id) {
  std::vector<ResolutionTask> out;
  Status st = Read("ListResolutionTasks", [&]() -> Status {
    long long key = resolution_id;
    NQ_RETURN_IF_ERROR(QueryRows<TaskRow>(
        sql_,
        std::string(kTargetTaskSelect) + "WHERE resolution_id = :r ORDER BY kind, position, id",
        &key, &TaskRow::ToTask, [&](ResolutionTask t) { out.push_back(std::move(t)); }));
    // The stored kind codes sort "breakthrough" < "key", which is the order wanted.
    LoadTaskTargets(sql_, key, &out);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<ResolutionTask> SociTx::GetResolutionTask(int64_t id) {
  std::vector<ResolutionTask> found;
  Status st = Read("GetResolutionTask", [&]() -> Status {
    long long key = id;
    NQ_RETURN_IF_ERROR(QueryRows<TaskRow>(
        sql_, std::string(kTargetTaskSelect) + "WHERE id = :id", &key, &TaskRow::ToTask,
        [&](ResolutionTask t) { found.push_back(std::move(t)); }));
    if (!found.empty()) LoadTaskTargets(sql_, found[0].resolution_id, &found);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (found.empty()) return TaskNotFound(id);
  return std::move(found[0]);
}

Status SociTx::WriteTaskTargets(const ResolutionTask& t) {
  // Name the first unknown code in the message; the foreign key stays the last word.
  std::set<std::string> known;
  std::string code;
  long long resolution_id = t.resolution_id;
  soci::statement stmt = (sql_.prepare << "SELECT code FROM targets WHERE resolution_id = :r",
                          soci::use(resolution_id), soci::into(code));
  stmt.execute(false);
  while (stmt.fetch()) known.insert(code);
  for (const std::string& c : t.target_codes) {
    if (known.count(c) == 0) {
      return Status::Invalid("task.target_unknown",
                             "Mục tiêu '" + c + "' không có trong nghị quyết của nhiệm vụ");
    }
  }
  long long task_id = t.id;
  sql_ << "DELETE FROM resolution_task_targets WHERE task_id = :id", soci::use(task_id);
  for (size_t i = 0; i < t.target_codes.size(); ++i) {
    int position = static_cast<int>(i);
    sql_ << "INSERT INTO resolution_task_targets (task_id, position, resolution_id, target_code) "
            "VALUES (:t, :p, :r, :c)",
        soci::use(task_id), soci::use(position), soci::use(resolution_id),
        soci::use(t.target_codes[i]);
  }
  return Status::Ok();
}

Result<int64_t> SociTx::InsertResolutionTask(const ResolutionTask& t) {
  int64_t new_id = 0;
  Status st = Mutate("InsertResolutionTask", TaskErrors(t), [&]() -> Status {
    std::string kind = ResolutionTaskKindCode(t.kind);
    long long resolution_id = t.resolution_id;
    long long id = 0;
    sql_ << "INSERT INTO resolution_tasks (resolution_id, kind, position, title, description) "
            "VALUES (:r, :k, :p, :t, :d) RETURNING id",
        soci::use(resolution_id), soci::use(kind), soci::use(t.position), soci::use(t.title),
        soci::use(t.description), soci::into(id);
    ResolutionTask stored = t;
    stored.id = id;
    NQ_RETURN_IF_ERROR(WriteTaskTargets(stored));
    new_id = id;
    InsertAudit("resolution_task", std::to_string(id), "create", "", ResolutionTaskJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateResolutionTask(const ResolutionTask& t) {
  return Mutate("UpdateResolutionTask", TaskErrors(t), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(ResolutionTask old, GetResolutionTask(t.id));
    std::string kind = ResolutionTaskKindCode(t.kind);
    long long resolution_id = t.resolution_id;
    long long id = t.id;
    sql_ << "UPDATE resolution_tasks SET resolution_id = :r, kind = :k, position = :p, "
            "title = :t, description = :d WHERE id = :id",
        soci::use(resolution_id), soci::use(kind), soci::use(t.position), soci::use(t.title),
        soci::use(t.description), soci::use(id);
    NQ_RETURN_IF_ERROR(WriteTaskTargets(t));
    InsertAudit("resolution_task", std::to_string(t.id), "update", ResolutionTaskJson(old),
                ResolutionTaskJson(t));
    return Status::Ok();
  });
}

}  // namespace nq::store
