// SociTx: organizations.
#include <soci/soci.h>

#include <string>

#include "common/time.h"
#include "common/utf8.h"
#include "store/audit_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

constexpr char kOrgSelect[] =
    "SELECT id, code, name, kind, sector, parent_id, sort_order, members, workers, valid_from, "
    "valid_to FROM organizations ";

// One organizations row as SOCI reads it.
struct OrgRow {
  long long id = 0;
  std::string code, name, kind, sector;
  long long parent_id = 0;
  soci::indicator parent_ind = soci::i_ok;
  int sort_order = 0, members = 0, workers = 0;
  std::string valid_from, valid_to;
  soci::indicator valid_to_ind = soci::i_ok;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(name));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(sector));
    st.exchange(soci::into(parent_id, parent_ind));
    st.exchange(soci::into(sort_order));
    st.exchange(soci::into(members));
    st.exchange(soci::into(workers));
    st.exchange(soci::into(valid_from));
    st.exchange(soci::into(valid_to, valid_to_ind));
  }

  Result<Organization> ToOrganization() const {
    Organization org;
    org.id = id;
    org.code = code;
    org.name = name;
    std::optional<OrgKind> k = ParseOrgKind(kind);
    std::optional<Sector> s = ParseSector(sector);
    std::optional<Date> from = ParseIsoDate(valid_from);
    if (!k || !s || !from) return Corrupt("organizations", id);
    org.kind = *k;
    org.sector = *s;
    org.valid_from = *from;
    if (parent_ind == soci::i_ok) org.parent_id = parent_id;
    org.sort_order = sort_order;
    org.members = members;
    org.workers = workers;
    if (!ReadDate(valid_to, valid_to_ind, &org.valid_to)) return Corrupt("organizations", id);
    return org;
  }
};

// The values of an organization as SOCI binds them.
struct OrgParams {
  explicit OrgParams(const Organization& org)
      : id(org.id),
        code(org.code),
        name(org.name),
        name_fold(FoldForSearch(org.name)),
        kind(OrgKindCode(org.kind)),
        sector(SectorCode(org.sector)),
        parent_id(org.parent_id.value_or(0)),
        parent_ind(org.parent_id ? soci::i_ok : soci::i_null),
        valid_from(FormatIso(org.valid_from)),
        valid_to(org.valid_to) {}

  long long id;
  std::string code, name, name_fold, kind, sector;
  long long parent_id;
  soci::indicator parent_ind;
  std::string valid_from;
  DateParam valid_to;
};

WriteErrors OrgErrors(const Organization& org) {
  return {Status::Conflict("org.code_taken", "Mã tổ chức '" + org.code + "' đã tồn tại"),
          Status::Invalid("org.parent_unknown", "Tổ chức cấp trên (mã số " +
                                                    std::to_string(org.parent_id.value_or(0)) +
                                                    ") không tồn tại")};
}

Status OrgNotFound(int64_t id) {
  return Status::NotFound("org.not_found",
                          "Không tìm thấy tổ chức (mã số " + std::to_string(id) + ")");
}

}  // namespace

Result<std::vector<Organization>> SociTx::ListOrganizations() {
  std::vector<Organization> out;
  Status st = Read("ListOrganizations", [&] {
    return QueryRows<OrgRow, long long>(sql_, std::string(kOrgSelect) + "ORDER BY id", nullptr,
                                        &OrgRow::ToOrganization,
                                        [&](Organization o) { out.push_back(std::move(o)); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<Organization> SociTx::GetOrganization(int64_t id) {
  std::optional<Organization> out;
  Status st = Read("GetOrganization", [&] {
    long long key = id;
    return QueryRows<OrgRow>(sql_, std::string(kOrgSelect) + "WHERE id = :id", &key,
                             &OrgRow::ToOrganization, [&](Organization o) { out = std::move(o); });
  });
  if (!st.ok()) return st;
  if (!out) return OrgNotFound(id);
  return std::move(*out);
}

Result<int64_t> SociTx::InsertOrganization(const Organization& org) {
  int64_t new_id = 0;
  Status st = Mutate("InsertOrganization", OrgErrors(org), [&] {
    OrgParams p(org);
    long long id = 0;
    sql_ << "INSERT INTO organizations (code, name, name_fold, kind, sector, parent_id, "
            "sort_order, members, workers, valid_from, valid_to) VALUES (:code, :name, :fold, "
            ":kind, :sector, :parent, :sort, :members, :workers, :from, :to) RETURNING id",
        soci::use(p.code), soci::use(p.name), soci::use(p.name_fold), soci::use(p.kind),
        soci::use(p.sector), soci::use(p.parent_id, p.parent_ind), soci::use(org.sort_order),
        soci::use(org.members), soci::use(org.workers), soci::use(p.valid_from),
        soci::use(p.valid_to.text, p.valid_to.ind), soci::into(id);
    new_id = id;
    Organization stored = org;
    stored.id = new_id;
    InsertAudit("organization", std::to_string(new_id), "create", "", OrganizationJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateOrganization(const Organization& org, const std::string& action) {
  return Mutate("UpdateOrganization", OrgErrors(org), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(Organization old, GetOrganization(org.id));
    OrgParams p(org);
    sql_ << "UPDATE organizations SET code = :code, name = :name, name_fold = :fold, "
            "kind = :kind, sector = :sector, parent_id = :parent, sort_order = :sort, "
            "members = :members, workers = :workers, valid_from = :from, valid_to = :to "
            "WHERE id = :id",
        soci::use(p.code), soci::use(p.name), soci::use(p.name_fold), soci::use(p.kind),
        soci::use(p.sector), soci::use(p.parent_id, p.parent_ind), soci::use(org.sort_order),
        soci::use(org.members), soci::use(org.workers), soci::use(p.valid_from),
        soci::use(p.valid_to.text, p.valid_to.ind), soci::use(p.id);
    InsertAudit("organization", std::to_string(org.id), action, OrganizationJson(old),
                OrganizationJson(org));
    return Status::Ok();
  });
}

}  // namespace nq::store
