#include "service/org_service.h"

#include <utility>

#include "common/utf8.h"
#include "service/org_rules.h"
#include "service/scope.h"

namespace nq {

Result<std::unique_ptr<OrgService>> OrgService::Create(store::Database* db) {
  std::unique_ptr<OrgService> service(new OrgService(db));
  NQ_RETURN_IF_ERROR(service->Reload());
  return service;
}

Status OrgService::Reload() {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> orgs, tx->ListOrganizations());
  NQ_ASSIGN_OR_RETURN(OrgTree tree, OrgTree::Build(std::move(orgs)));
  Publish(std::move(tree));
  return Status::Ok();
}

void OrgService::Publish(OrgTree tree) {
  auto folded = std::make_shared<std::vector<std::string>>();
  folded->reserve(tree.size());
  for (size_t i = 0; i < tree.size(); ++i) {
    const Organization& org = tree.At(static_cast<int>(i));
    folded->push_back(FoldForSearch(org.name + " " + org.code));
  }
  Snapshot next{std::make_shared<const OrgTree>(std::move(tree)), std::move(folded)};
  {
    std::unique_lock<std::shared_mutex> lock(mu_);
    snapshot_ = std::move(next);
  }
  version_.fetch_add(1);
}

OrgService::Snapshot OrgService::snapshot() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return snapshot_;
}

std::shared_ptr<const OrgTree> OrgService::tree() const { return snapshot().tree; }

Organization* OrgService::Draft::Find(int64_t id) {
  auto it = index.find(id);
  return it == index.end() ? nullptr : &orgs[it->second];
}

void OrgService::Draft::Add(const Organization& org) {
  index[org.id] = orgs.size();
  orgs.push_back(org);
}

Status OrgService::Write(const store::Actor& actor, const Change& change) {
  std::lock_guard<std::mutex> write_lock(write_mu_);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(actor));
  Draft draft;
  NQ_ASSIGN_OR_RETURN(draft.orgs, tx->ListOrganizations());
  NQ_ASSIGN_OR_RETURN(draft.tree, OrgTree::Build(draft.orgs));
  for (size_t i = 0; i < draft.orgs.size(); ++i) draft.index[draft.orgs[i].id] = i;
  NQ_RETURN_IF_ERROR(change(*tx, draft));
  NQ_ASSIGN_OR_RETURN(OrgTree next, OrgTree::Build(std::move(draft.orgs)));
  NQ_RETURN_IF_ERROR(tx->Commit());
  Publish(std::move(next));
  return Status::Ok();
}

// --- reads ------------------------------------------------------------------------------------

Result<std::vector<Organization>> OrgService::Subtree(const Principal& p) const {
  const Snapshot snap = snapshot();
  NQ_RETURN_IF_ERROR(CheckInScope(*snap.tree, p, p.org_id));
  std::span<const Organization> sub = snap.tree->Subtree(p.org_id);
  return std::vector<Organization>(sub.begin(), sub.end());
}

Result<OrgListPage> OrgService::List(const Principal& p, const OrgListQuery& q) const {
  if (q.limit < 1 || q.limit > 1000) {
    return Status::Invalid("org.bad_limit", "Số dòng mỗi trang phải từ 1 đến 1000");
  }
  if (q.offset < 0) return Status::Invalid("org.bad_offset", "Vị trí bắt đầu không được âm");
  const Snapshot snap = snapshot();
  const OrgTree& tree = *snap.tree;
  const int64_t root = q.root.value_or(p.org_id);
  NQ_RETURN_IF_ERROR(CheckInScope(tree, p, root));
  const std::string query = FoldForSearch(q.search);

  OrgListPage page;
  for (int i = tree.Pre(root), end = tree.End(root); i < end; ++i) {
    const Organization& org = tree.At(i);
    if (!q.include_closed && org.valid_to.has_value()) continue;
    if (!query.empty() && !MatchesSearch((*snap.folded)[static_cast<size_t>(i)], query)) continue;
    if (page.total >= q.offset && page.total - q.offset < q.limit) page.items.push_back(org);
    ++page.total;
  }
  return page;
}

Result<Organization> OrgService::Get(const Principal& p, int64_t id) const {
  const std::shared_ptr<const OrgTree> t = tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*t, p, id));
  return *t->Find(id);
}

Result<std::vector<Organization>> OrgService::PathInScope(const Principal& p, int64_t id) const {
  const std::shared_ptr<const OrgTree> t = tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*t, p, id));
  std::vector<Organization> path;
  bool inside = false;
  for (int64_t step : t->Path(id)) {
    inside = inside || step == p.org_id;
    if (inside) path.push_back(*t->Find(step));
  }
  return path;
}

// --- writes -----------------------------------------------------------------------------------

Result<Organization> OrgService::CreateOrg(const Principal& p, const OrgInput& in,
                                           const store::Actor& actor) {
  NQ_RETURN_IF_ERROR(CheckCanEdit(p));
  if (!in.parent_id.has_value()) {
    return Status::Invalid("org.missing_parent", "Thiếu tổ chức cấp trên");
  }
  Organization created;
  const Status status = Write(actor, [&](store::Tx& tx, Draft& draft) -> Status {
    if (!draft.tree.Contains(*in.parent_id)) {
      return Status::NotFound("org.parent_not_found", "Không tìm thấy tổ chức cấp trên");
    }
    NQ_RETURN_IF_ERROR(CheckInScope(draft.tree, p, *in.parent_id));
    NQ_RETURN_IF_ERROR(CheckParentOpen(*draft.tree.Find(*in.parent_id)));
    NQ_ASSIGN_OR_RETURN(Organization org, NewOrganization(in));
    org.parent_id = in.parent_id;
    NQ_RETURN_IF_ERROR(ValidateOrganization(org));
    if (FindCode(draft.orgs, org.code) != nullptr) return CodeTaken(org.code);
    NQ_ASSIGN_OR_RETURN(org.id, tx.InsertOrganization(org));
    draft.Add(org);
    created = org;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<Organization> OrgService::Update(const Principal& p, int64_t id, const OrgInput& in,
                                        const store::Actor& actor) {
  NQ_RETURN_IF_ERROR(CheckCanEdit(p));
  Organization updated;
  const Status status = Write(actor, [&](store::Tx& tx, Draft& draft) -> Status {
    NQ_RETURN_IF_ERROR(CheckInScope(draft.tree, p, id));
    Organization* org = draft.Find(id);
    Organization next = *org;
    ApplyInput(in, &next);
    const bool moved = in.parent_id.has_value() && in.parent_id != org->parent_id;
    if (moved) {
      NQ_RETURN_IF_ERROR(CheckMoveAllowed(draft.tree, p, id, *in.parent_id));
      next.parent_id = in.parent_id;
    }
    NQ_RETURN_IF_ERROR(ValidateOrganization(next));
    if (next.code != org->code && FindCode(draft.orgs, next.code) != nullptr) {
      return CodeTaken(next.code);
    }
    if (!(next == *org)) {
      NQ_RETURN_IF_ERROR(tx.UpdateOrganization(next, moved ? "move" : "update"));
      *org = next;
    }
    updated = next;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return updated;
}

Result<Organization> OrgService::Move(const Principal& p, int64_t id, int64_t new_parent,
                                      const store::Actor& actor) {
  NQ_RETURN_IF_ERROR(CheckCanEdit(p));
  Organization moved;
  const Status status = Write(actor, [&](store::Tx& tx, Draft& draft) -> Status {
    NQ_RETURN_IF_ERROR(CheckInScope(draft.tree, p, id));
    Organization* org = draft.Find(id);
    if (org->parent_id != new_parent) {
      NQ_RETURN_IF_ERROR(CheckMoveAllowed(draft.tree, p, id, new_parent));
      Organization next = *org;
      next.parent_id = new_parent;
      NQ_RETURN_IF_ERROR(ValidateOrganization(next));
      NQ_RETURN_IF_ERROR(tx.UpdateOrganization(next, "move"));
      *org = next;
    }
    moved = *org;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return moved;
}

Result<Organization> OrgService::Close(const Principal& p, int64_t id, const Date& date,
                                       const store::Actor& actor) {
  NQ_RETURN_IF_ERROR(CheckCanEdit(p));
  if (!IsValid(date)) return Status::Invalid("org.bad_date", "Ngày đóng không hợp lệ");
  Organization closed;
  const Status status = Write(actor, [&](store::Tx& tx, Draft& draft) -> Status {
    NQ_RETURN_IF_ERROR(CheckInScope(draft.tree, p, id));
    if (id == p.org_id) return ScopeRootLocked();
    // Every organization of the subtree still open on `date` (or later) closes on `date`.
    std::vector<Organization> changes;
    for (const Organization& org : draft.tree.Subtree(id)) {
      if (org.valid_to.has_value() && *org.valid_to <= date) continue;
      if (date < org.valid_from) return CloseBeforeStart(org);
      Organization next = org;
      next.valid_to = date;
      changes.push_back(next);
    }
    for (const Organization& next : changes) {
      NQ_RETURN_IF_ERROR(tx.UpdateOrganization(next, "close"));
      *draft.Find(next.id) = next;
    }
    closed = *draft.Find(id);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return closed;
}

}  // namespace nq
