// TaskService: the writes (create, edit, progress with evidence). Reads are in task_service.cc.
#include <algorithm>
#include <utility>

#include "common/time.h"
#include "service/password.h"
#include "service/scope.h"
#include "service/task_service.h"

namespace nq {
namespace {

Status ParentInvalid(std::string msg) {
  return Status::Invalid("task.parent_invalid", std::move(msg));
}

// The references of `t` that the store cannot check alone: the resolution readable, the
// breakthrough task and the parent of the same resolution, no cycle through parents.
Status CheckReferences(store::Tx& tx, const OrgTree& tree, const Principal* p,
                       const AssignedTask& t) {
  NQ_ASSIGN_OR_RETURN(Resolution r, tx.GetResolution(t.resolution_id));
  if (p != nullptr) {
    NQ_ASSIGN_OR_RETURN(Term term, tx.GetTerm(r.term_id));
    NQ_RETURN_IF_ERROR(CheckCanReadPlanOf(tree, *p, term.org_id));
  }
  if (t.resolution_task_id) {
    NQ_ASSIGN_OR_RETURN(ResolutionTask rt, tx.GetResolutionTask(*t.resolution_task_id));
    if (rt.resolution_id != t.resolution_id) {
      return Status::Invalid("task.resolution_task_invalid",
                             "Nhiệm vụ đột phá, trọng tâm đã chọn không thuộc nghị quyết này");
    }
  }
  std::optional<int64_t> parent = t.parent_id;
  for (int depth = 0; parent; ++depth) {
    if (depth > 20 || (t.id != 0 && *parent == t.id)) {
      return ParentInvalid("Nhiệm vụ không thể là nhiệm vụ con của chính nó");
    }
    Result<AssignedTask> up = tx.GetAssignedTask(*parent);
    if (!up.ok() && up.status().key() == "task.not_found") {
      return ParentInvalid("Không có nhiệm vụ cha mã số " + std::to_string(*parent));
    }
    NQ_RETURN_IF_ERROR(up.status());
    if (up->resolution_id != t.resolution_id) {
      return ParentInvalid("Nhiệm vụ cha phải thuộc cùng nghị quyết");
    }
    parent = up->parent_id;
  }
  return Status::Ok();
}

// Checks every file and returns them ready to store (the bytes moved out of `files`).
Result<std::vector<EvidenceFile>> CheckFiles(std::vector<EvidenceUpload>& files) {
  if (files.size() > kMaxEvidenceFiles) {
    return Status::Invalid("evidence.too_many", "Mỗi lần báo cáo tiến độ gửi tối đa " +
                                                    std::to_string(kMaxEvidenceFiles) + " tệp");
  }
  std::vector<EvidenceFile> out;
  for (EvidenceUpload& f : files) {
    NQ_ASSIGN_OR_RETURN(EvidenceType type, CheckEvidence(f.file_name, f.bytes));
    EvidenceFile e;
    e.info.file_name = std::move(f.file_name);
    e.info.type = type;
    e.info.size = static_cast<int64_t>(f.bytes.size());
    e.info.sha256 = Sha256Hex(f.bytes);
    e.bytes = std::move(f.bytes);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Result<AssignedTask> TaskService::Save(const Principal* p, AssignedTask t, bool create,
                                       const store::Actor& a) {
  if (p != nullptr) NQ_RETURN_IF_ERROR(CheckCanEditPlan(*p));
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(bool written, SaveIn(*tx, *tree, p, t, create));
  if (written) NQ_RETURN_IF_ERROR(tx->Commit());
  return t;
}

Result<bool> TaskService::SaveIn(store::Tx& tx, const OrgTree& tree, const Principal* p,
                                 AssignedTask& t, bool create) {
  if (create) {
    t.id = 0;
    NQ_RETURN_IF_ERROR(ValidateAssignedTask(t));  // an update is checked once merged below
  }
  if (p != nullptr) {
    NQ_RETURN_IF_ERROR(CheckInScope(tree, *p, t.owner_org_id));
    for (int64_t id : t.cooperating_org_ids) NQ_RETURN_IF_ERROR(CheckInScope(tree, *p, id));
    if (create && HasProgress(t)) {
      return Status::Invalid("task.progress_on_create",
                             "Nhiệm vụ mới chưa có tiến độ; tiến độ và kết quả do đơn vị chủ trì "
                             "báo cáo sau khi được giao");
    }
  }
  NQ_RETURN_IF_ERROR(CheckReferences(tx, tree, p, t));
  if (create) {
    NQ_ASSIGN_OR_RETURN(t.id, tx.InsertAssignedTask(t));
    return true;
  }
  NQ_ASSIGN_OR_RETURN(AssignedTask old, tx.GetAssignedTask(t.id));
  if (p != nullptr) NQ_RETURN_IF_ERROR(CheckInScope(tree, *p, old.owner_org_id));
  t = KeepProgress(std::move(t), old);
  NQ_RETURN_IF_ERROR(ValidateAssignedTask(t));
  if (t == old) return false;  // nothing to write, nothing to audit
  NQ_RETURN_IF_ERROR(tx.UpdateAssignedTask(t));
  return true;
}

Result<std::vector<AssignedTask>> TaskService::SaveAllAsSystem(std::vector<TaskWrite> writes,
                                                              const store::Actor& a) {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  std::vector<AssignedTask> out;
  for (size_t i = 0; i < writes.size(); ++i) {
    TaskWrite& w = writes[i];
    if (w.parent_index >= 0) {
      if (static_cast<size_t>(w.parent_index) >= i) {
        return Status::Invalid("task.parent_invalid",
                               "Nhiệm vụ cha phải đứng trước nhiệm vụ con trong danh sách");
      }
      w.task.parent_id = out[static_cast<size_t>(w.parent_index)].id;
    }
    NQ_RETURN_IF_ERROR(SaveIn(*tx, *tree, nullptr, w.task, w.create).status());
    out.push_back(std::move(w.task));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  return out;
}

Result<TaskUpdate> TaskService::Post(const Principal* p, int64_t task_id, const ProgressInput& in,
                                     std::vector<EvidenceUpload> files, int64_t at,
                                     const store::Actor& a) {
  if (p != nullptr && !CanEnterData(p->role)) return RoleDenied();
  // Sniffing and hashing up to kMaxEvidenceFiles files is pure work: done before the write
  // lock is taken, its verdict given after the scope check, as if it came in order.
  Result<std::vector<EvidenceFile>> checked = CheckFiles(files);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(AssignedTask task, tx->GetAssignedTask(task_id));
  if (p != nullptr) NQ_RETURN_IF_ERROR(CheckInScope(*orgs_->tree(), *p, task.owner_org_id));
  NQ_RETURN_IF_ERROR(checked.status());
  NQ_ASSIGN_OR_RETURN(AssignedTask next, ApplyProgress(task, in));
  if (next != task) NQ_RETURN_IF_ERROR(tx->UpdateAssignedTask(next));
  TaskUpdate u;
  u.task_id = task_id;
  u.at = at;
  u.user_id = a.user_id;
  u.username = a.username;
  u.old_percent = task.progress_percent;
  u.percent = next.progress_percent;
  u.note = in.note;
  u.reason = in.reason;
  u.completed_on = in.completed_on;
  u.period = in.period;
  NQ_ASSIGN_OR_RETURN(TaskUpdate stored, tx->InsertTaskUpdate(u, *checked));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return stored;
}

Result<AssignedTask> TaskService::Create(const Principal& p, const AssignedTask& t,
                                         const store::Actor& a) {
  return Save(&p, t, true, a);
}

Result<AssignedTask> TaskService::Update(const Principal& p, const AssignedTask& t,
                                         const store::Actor& a) {
  return Save(&p, t, false, a);
}

Result<TaskUpdate> TaskService::PostProgress(const Principal& p, int64_t task_id,
                                             const ProgressInput& in,
                                             std::vector<EvidenceUpload> files,
                                             const store::Actor& a) {
  return Post(&p, task_id, in, std::move(files), NowUnix(), a);
}

Result<AssignedTask> TaskService::CreateAsSystem(const AssignedTask& t, const store::Actor& a) {
  return Save(nullptr, t, true, a);
}

Result<TaskUpdate> TaskService::PostProgressAsSystem(int64_t task_id, const ProgressInput& in,
                                                     std::vector<EvidenceUpload> files,
                                                     int64_t at, const store::Actor& a) {
  return Post(nullptr, task_id, in, std::move(files), at, a);
}

}  // namespace nq
