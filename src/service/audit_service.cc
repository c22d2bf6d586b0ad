#include "service/audit_service.h"

#include <charconv>

#include "service/scope.h"

namespace nq {
namespace {

bool IsEntityName(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

Status BadQuery(const char* what) {
  return Status::Invalid("audit.bad_query",
                         std::string("Tham số tra cứu nhật ký không hợp lệ: ") + what);
}

}  // namespace

Result<std::vector<store::AuditEntry>> AuditService::List(const Principal& p,
                                                          const AuditQuery& q) const {
  if (p.role != Role::kAdmin && p.role != Role::kCommittee) return RoleDenied();
  if (q.limit < 1 || q.limit > 1000) return BadQuery("số dòng phải từ 1 đến 1000");
  if (!q.entity.empty() && !IsEntityName(q.entity)) return BadQuery("loại đối tượng");
  if (q.entity_id.size() > 64) return BadQuery("mã đối tượng");

  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, p.org_id));
  const Organization* root = tree->Find(p.org_id);
  if (root->parent_id.has_value()) {
    // A narrower scope: one organization's history only.
    int64_t id = 0;
    const std::string& s = q.entity_id;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
    if (q.entity != "organization" || s.empty() || ec != std::errc() ||
        end != s.data() + s.size()) {
      return ScopeDenied();
    }
    NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, id));
  }

  store::Actor actor;
  actor.user_id = p.user_id;
  actor.username = p.username;
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor, store::TxMode::kRead));
  return tx->ListAudit(q.entity, q.entity_id, q.limit);
}

}  // namespace nq
