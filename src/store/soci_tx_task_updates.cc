// SociTx: báo cáo tiến độ, the progress updates of assigned tasks (task_updates), and their
// evidence files (minh chứng): the infos in task_evidence, the bytes as base64 text in
// task_evidence_content, which only GetEvidenceContent reads.
#include <soci/soci.h>

#include <map>
#include <string>

#include "common/base64.h"
#include "store/soci_internal.h"
#include "store/task_audit_text.h"

namespace nq::store {
namespace {

constexpr char kUpdateSelect[] =
    "SELECT id, task_id, at, user_id, username, old_percent, percent, note, reason, "
    "completed_on, period FROM task_updates ";

struct TaskUpdateRow {
  long long id = 0, task_id = 0, at = 0, user_id = 0;
  std::string username;
  int old_percent = 0, percent = 0;
  std::string note, reason, completed_on, period;
  soci::indicator completed_ind = soci::i_ok, period_ind = soci::i_ok;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(task_id));
    st.exchange(soci::into(at));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(username));
    st.exchange(soci::into(old_percent));
    st.exchange(soci::into(percent));
    st.exchange(soci::into(note));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(completed_on, completed_ind));
    st.exchange(soci::into(period, period_ind));
  }

  Result<TaskUpdate> ToUpdate() const {
    TaskUpdate u;
    u.id = id;
    u.task_id = task_id;
    u.at = at;
    u.user_id = user_id;
    u.username = username;
    u.old_percent = old_percent;
    u.percent = percent;
    u.note = note;
    u.reason = reason;
    if (!ReadDate(completed_on, completed_ind, &u.completed_on)) return Corrupt("task_updates", id);
    if (period_ind == soci::i_ok) {
      Result<Period> p = Period::Parse(period);
      if (!p.ok()) return Corrupt("task_updates", id);
      u.period = *p;
    }
    return u;
  }
};

constexpr char kEvidenceSelect[] =
    "SELECT id, task_id, update_id, file_name, type, size, sha256 FROM task_evidence ";

struct EvidenceRow {
  long long id = 0, task_id = 0, update_id = 0, size = 0;
  std::string file_name, type, sha256;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(task_id));
    st.exchange(soci::into(update_id));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(type));
    st.exchange(soci::into(size));
    st.exchange(soci::into(sha256));
  }

  Result<EvidenceInfo> ToInfo() const {
    std::optional<EvidenceType> t = ParseEvidenceType(type);
    if (!t) return Corrupt("task_evidence", id);
    return EvidenceInfo{id, task_id, update_id, file_name, *t, size, sha256};
  }
};

Status EvidenceNotFound(int64_t id) {
  return Status::NotFound("evidence.not_found",
                          "Không tìm thấy tệp minh chứng (mã số " + std::to_string(id) + ")");
}

}  // namespace

Result<std::vector<TaskUpdate>> SociTx::ListTaskUpdates(int64_t task_id) {
  std::vector<TaskUpdate> out;
  Status st = Read("ListTaskUpdates", [&]() -> Status {
    long long key = task_id;
    NQ_RETURN_IF_ERROR(QueryRows<TaskUpdateRow>(
        sql_, std::string(kUpdateSelect) + "WHERE task_id = :t ORDER BY at, id", &key,
        &TaskUpdateRow::ToUpdate, [&](TaskUpdate u) { out.push_back(std::move(u)); }));
    std::map<int64_t, TaskUpdate*> by_id;
    for (TaskUpdate& u : out) by_id[u.id] = &u;
    return QueryRows<EvidenceRow>(sql_,
                                  std::string(kEvidenceSelect) + "WHERE task_id = :t ORDER BY id",
                                  &key, &EvidenceRow::ToInfo, [&](EvidenceInfo e) {
                                    auto it = by_id.find(e.update_id);
                                    if (it != by_id.end())
                                      it->second->evidence.push_back(std::move(e));
                                  });
  });
  if (!st.ok()) return st;
  return out;
}

Result<TaskUpdate> SociTx::InsertTaskUpdate(const TaskUpdate& u,
                                            const std::vector<EvidenceFile>& files) {
  // The one reference that can be missing is the task: its foreign key fails first.
  const WriteErrors errors{
      Status(), Status::Invalid("task.not_found", "Không tìm thấy nhiệm vụ (mã số " +
                                                      std::to_string(u.task_id) + ")")};
  TaskUpdate stored = u;
  Status st = Mutate("InsertTaskUpdate", errors, [&]() -> Status {
    long long task_id = u.task_id, at = u.at, user_id = u.user_id, id = 0;
    DateParam completed(u.completed_on);
    const std::string period = u.period ? u.period->ToString() : std::string();
    soci::indicator period_ind = u.period ? soci::i_ok : soci::i_null;
    sql_ << "INSERT INTO task_updates (task_id, at, user_id, username, old_percent, percent, "
            "note, reason, completed_on, period) VALUES (:t, :at, :u, :un, :op, :p, :n, :r, :c, "
            ":pe) RETURNING id",
        soci::use(task_id), soci::use(at), soci::use(user_id), soci::use(u.username),
        soci::use(u.old_percent), soci::use(u.percent), soci::use(u.note), soci::use(u.reason),
        soci::use(completed.text, completed.ind), soci::use(period, period_ind), soci::into(id);
    stored.id = id;
    stored.evidence.clear();
    for (const EvidenceFile& f : files) {
      EvidenceInfo info = f.info;
      info.task_id = u.task_id;
      info.update_id = id;
      const std::string type = EvidenceTypeCode(info.type);
      long long size = info.size, evidence_id = 0;
      sql_ << "INSERT INTO task_evidence (task_id, update_id, file_name, type, size, sha256) "
              "VALUES (:t, :u, :f, :ty, :s, :h) RETURNING id",
          soci::use(task_id), soci::use(id), soci::use(info.file_name), soci::use(type),
          soci::use(size), soci::use(info.sha256), soci::into(evidence_id);
      const std::string content = Base64Encode(f.bytes);
      sql_ << "INSERT INTO task_evidence_content (evidence_id, content) VALUES (:e, :c)",
          soci::use(evidence_id), soci::use(content);
      info.id = evidence_id;
      stored.evidence.push_back(std::move(info));
    }
    InsertAudit("task_update", std::to_string(id), "create", "", TaskUpdateJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return stored;
}

Result<EvidenceInfo> SociTx::GetEvidenceInfo(int64_t id) {
  std::optional<EvidenceInfo> out;
  Status st = Read("GetEvidenceInfo", [&] {
    long long key = id;
    return QueryRows<EvidenceRow>(sql_, std::string(kEvidenceSelect) + "WHERE id = :id", &key,
                                  &EvidenceRow::ToInfo,
                                  [&](EvidenceInfo e) { out = std::move(e); });
  });
  if (!st.ok()) return st;
  if (!out) return EvidenceNotFound(id);
  return std::move(*out);
}

Result<std::string> SociTx::GetEvidenceContent(int64_t id) {
  std::optional<std::string> out;
  Status st = Read("GetEvidenceContent", [&]() -> Status {
    long long key = id;
    std::string content;
    sql_ << "SELECT content FROM task_evidence_content WHERE evidence_id = :id", soci::use(key),
        soci::into(content);
    if (!sql_.got_data()) return Status::Ok();
    out = Base64Decode(content);
    return out ? Status::Ok() : Corrupt("task_evidence_content", id);
  });
  if (!st.ok()) return st;
  if (!out) return EvidenceNotFound(id);
  return std::move(*out);
}

}  // namespace nq::store
