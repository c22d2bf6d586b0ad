#include "service/org_rules.h"

#include "common/utf8.h"  // Trim
#include "service/scope.h"

namespace nq {

Status CheckCanEdit(const Principal& p) {
  return CanEditOrganizations(p.role) ? Status::Ok() : RoleDenied();
}

Result<Organization> NewOrganization(const OrgInput& in) {
  if (!in.code.has_value() || Trim(*in.code).empty()) {
    return Status::Invalid("org.missing_code", "Thiếu mã tổ chức");
  }
  if (!in.name.has_value() || Trim(*in.name).empty()) {
    return Status::Invalid("org.missing_name", "Thiếu tên tổ chức");
  }
  if (!in.kind.has_value()) return Status::Invalid("org.missing_kind", "Thiếu loại tổ chức");
  Organization org;
  org.kind = *in.kind;
  org.sector = org.kind == OrgKind::kBlocCommittee ? Sector::kNone : Sector::kStateAgency;
  ApplyInput(in, &org);
  return org;
}

void ApplyInput(const OrgInput& in, Organization* org) {
  if (in.code) org->code = std::string(Trim(*in.code));
  if (in.name) org->name = std::string(Trim(*in.name));
  if (in.kind) org->kind = *in.kind;
  if (in.sector) org->sector = *in.sector;
  if (in.sort_order) org->sort_order = *in.sort_order;
  if (in.members) org->members = *in.members;
  if (in.workers) org->workers = *in.workers;
  if (in.valid_from) org->valid_from = *in.valid_from;
}

const Organization* FindCode(const std::vector<Organization>& orgs, std::string_view code) {
  for (const Organization& org : orgs) {
    if (org.code == code) return &org;
  }
  return nullptr;
}

Status CodeTaken(const std::string& code) {
  return Status::Conflict("org.code_taken", "Mã tổ chức đã tồn tại: " + code);
}

Status CheckParentOpen(const Organization& parent) {
  if (!parent.valid_to.has_value()) return Status::Ok();
  return Status::Invalid("org.parent_closed",
                         "Tổ chức cấp trên \"" + parent.name + "\" đã ngừng hoạt động");
}

Status CheckMoveAllowed(const OrgTree& tree, const Principal& p, int64_t id, int64_t new_parent) {
  if (id == p.org_id) return ScopeRootLocked();
  if (!tree.Contains(new_parent)) {
    return Status::NotFound("org.parent_not_found", "Không tìm thấy tổ chức cấp trên");
  }
  NQ_RETURN_IF_ERROR(CheckInScope(tree, p, new_parent));
  Status cycle = tree.CheckMove(id, new_parent);
  if (!cycle.ok()) return cycle.code() == Code::kConflict ? MoveCycle() : cycle;
  return CheckParentOpen(*tree.Find(new_parent));
}

Status MoveCycle() {
  return Status::Conflict("org.move_cycle",
                          "Không thể chuyển tổ chức vào chính nó hoặc tổ chức cấp dưới của nó");
}

Status ScopeRootLocked() {
  return Status::Forbidden("org.scope_root",
                           "Không thể chuyển hoặc đóng tổ chức gốc trong phạm vi của bạn");
}

Status CloseBeforeStart(const Organization& org) {
  return Status::Invalid("org.close_before_start",
                         "Ngày đóng sớm hơn ngày bắt đầu hoạt động của tổ chức " + org.code + " (" +
                             FormatVi(org.valid_from) + ")");
}

}  // namespace nq
