#include "service/scope.h"

namespace nq {

Status ScopeDenied() {
  return Status::Forbidden("scope.denied", "Bạn không có quyền truy cập tổ chức này");
}

Status RoleDenied() {
  return Status::Forbidden("role.denied", "Vai trò của bạn không được phép thực hiện thao tác này");
}

Status OrgNotFound() { return Status::NotFound("org.not_found", "Không tìm thấy tổ chức"); }

Status CheckCanEditPlan(const Principal& p) {
  return CanEditPlan(p.role) ? Status::Ok() : RoleDenied();
}

Status CheckInScope(const OrgTree& tree, const Principal& p, int64_t org_id) {
  if (!tree.Contains(org_id)) return OrgNotFound();
  if (!tree.InSubtree(p.org_id, org_id)) return ScopeDenied();
  return Status::Ok();
}

bool CanReadPlanOf(const OrgTree& tree, const Principal& p, int64_t org_id) {
  return tree.InSubtree(p.org_id, org_id) || tree.InSubtree(org_id, p.org_id);
}

Status CheckCanReadPlanOf(const OrgTree& tree, const Principal& p, int64_t org_id) {
  if (CanReadPlanOf(tree, p, org_id)) return Status::Ok();
  return CheckInScope(tree, p, org_id);
}

}  // namespace nq
