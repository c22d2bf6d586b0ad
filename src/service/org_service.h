// Use cases on the organization tree, with role and scope checks (DESIGN.md: scope is enforced
// here, so the API, the pages and the CLI cannot differ).
//
// Reads return only organizations inside the principal's scope (their organization's subtree);
// asking for one outside gives Forbidden "scope.denied" (not NotFound, so a reporter learns
// nothing of other subtrees beyond "no access"). Writes need CanEditOrganizations(role) and
// both the organization and (for create/move) the new parent inside scope; a principal cannot
// move or close their own scope root.
//
// The service keeps the current OrgTree in memory, rebuilt after every committed change, and a
// version counter that changes with it (used by the web layer to cache serialized trees).
// Thread-safety: all methods are thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/org_tree.h"
#include "domain/organization.h"
#include "domain/user.h"
#include "store/database.h"

namespace nq {

// Fields a client may set when creating or updating; absent optionals keep the current value
// on update. On create, code, name, kind and parent_id are required.
struct OrgInput {
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<OrgKind> kind;
  std::optional<Sector> sector;
  std::optional<int64_t> parent_id;
  std::optional<int> sort_order;
  std::optional<int> members;
  std::optional<int> workers;
  std::optional<Date> valid_from;
};

struct OrgListQuery {
  std::string search;             // free text; tone marks and đ/d ignored
  std::optional<int64_t> root;    // default: the principal's scope root
  bool include_closed = false;
  int limit = 200;                // 1..1000
  int offset = 0;
};

struct OrgListPage {
  std::vector<Organization> items;  // in pre-order (tree order)
  int total = 0;                    // matches before limit/offset
};

class OrgService {
 public:
  // `db` must outlive the service. Loads the tree; fails if the stored tree is inconsistent.
  static Result<std::unique_ptr<OrgService>> Create(store::Database* db);

  // The tree snapshot (whole database; callers restrict to scope) and its version.
  std::shared_ptr<const OrgTree> tree() const;
  uint64_t version() const { return version_.load(); }

  // The principal's scope subtree in pre-order.
  Result<std::vector<Organization>> Subtree(const Principal& p) const;
  Result<OrgListPage> List(const Principal& p, const OrgListQuery& q) const;
  Result<Organization> Get(const Principal& p, int64_t id) const;
  // Path from the principal's scope root down to id (for breadcrumbs).
  Result<std::vector<Organization>> PathInScope(const Principal& p, int64_t id) const;

  Result<Organization> CreateOrg(const Principal& p, const OrgInput& in,
                                 const store::Actor& actor);
  Result<Organization> Update(const Principal& p, int64_t id, const OrgInput& in,
                              const store::Actor& actor);
  Result<Organization> Move(const Principal& p, int64_t id, int64_t new_parent,
                            const store::Actor& actor);
  // Closes the organization (valid_to = date) and every open organization below it.
  Result<Organization> Close(const Principal& p, int64_t id, const Date& date,
                             const store::Actor& actor);

  // Bulk create/update by code, all-or-nothing (CSV import). Rows refer to parents by code,
  // which may be earlier rows of the same batch. On failure returns Invalid whose message lists
  // every bad row as "dòng N: ..." (line numbers as given in `lines`).
  struct ImportRow {
    int line = 0;
    std::string parent_code;  // empty for a root
    OrgInput input;           // code required
  };
  Result<int> Import(const Principal& p, const std::vector<ImportRow>& rows,
                     const store::Actor& actor);

 private:
  explicit OrgService(store::Database* db) : db_(db) {}
  Status Reload();  // rebuilds tree_ from the database

  store::Database* db_;
  mutable std::shared_mutex mu_;
  std::shared_ptr<const OrgTree> tree_;  // guarded by mu_
  std::atomic<uint64_t> version_{0};
  std::mutex write_mu_;  // serializes writers so tree rebuilds follow commit order
};

}  // namespace nq
