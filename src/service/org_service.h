// Use cases on the organization tree, with role and scope checks (DESIGN.md: scope is enforced
// here, so the API, the pages and the CLI cannot differ).
//
// Reads return only organizations inside the principal's scope (their organization's subtree);
// asking for one outside gives Forbidden "scope.denied", "Bạn không có quyền truy cập tổ chức
// này" (an id that exists nowhere gives NotFound "org.not_found"). Writes need
// CanEditOrganizations(role) (Forbidden "role.denied") and both the organization and (for
// create/move) the new parent inside scope; a principal cannot move or close their own scope
// root (Forbidden "org.scope_root"). Nothing is created or moved under a closed organization
// (Invalid "org.parent_closed"). Field errors come from ValidateOrganization (Invalid
// "org.code_invalid", ...); a code in use is Conflict "org.code_taken".
//
// Every write runs in one store transaction (serialized here, so snapshots follow commit order):
// it reads the stored tree, checks, writes the rows with their audit rows, rebuilds the tree
// and commits; a failure leaves the database and the snapshot as they were. A write that
// changes no field writes nothing (and no audit row).
//
// The service keeps the current OrgTree in memory as an immutable snapshot, replaced after every
// committed change, and a version counter that is incremented just after each replacement (used
// by the web layer to cache serialized trees: read version() before tree(), so that a cached
// body is never older than the version it is stored under). Reads take a shared lock only to
// copy the snapshot's shared_ptr. Another instance's changes are seen after this instance's
// next write (or a restart).
// Thread-safety: all methods are thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
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

  // The principal's scope subtree in pre-order, closed organizations included.
  Result<std::vector<Organization>> Subtree(const Principal& p) const;
  // Organizations of the subtree of q.root (in scope) whose folded name or code matches every
  // word of q.search, in pre-order; closed ones (valid_to set) only with include_closed.
  // Invalid "org.bad_limit" / "org.bad_offset" for a limit outside 1..1000 or a negative offset.
  Result<OrgListPage> List(const Principal& p, const OrgListQuery& q) const;
  Result<Organization> Get(const Principal& p, int64_t id) const;
  // Path from the principal's scope root down to id (for breadcrumbs).
  Result<std::vector<Organization>> PathInScope(const Principal& p, int64_t id) const;

  // Creates an organization under in.parent_id (NotFound "org.parent_not_found" if absent).
  // Invalid "org.missing_code" / "org.missing_name" / "org.missing_kind" / "org.missing_parent"
  // for an absent required field. The sector defaults to none for a bloc committee and to
  // state_agency otherwise. Returns the stored organization with its id.
  Result<Organization> CreateOrg(const Principal& p, const OrgInput& in,
                                 const store::Actor& actor);
  // Sets the fields `in` gives; a different parent_id is a move, with Move's checks (audit
  // action "move", else "update"). valid_to is changed only by Close.
  Result<Organization> Update(const Principal& p, int64_t id, const OrgInput& in,
                              const store::Actor& actor);
  // Moves `id` (and its subtree) under new_parent. Conflict "org.move_cycle", "Không thể chuyển
  // tổ chức vào chính nó hoặc tổ chức cấp dưới của nó", when new_parent is `id` or below it.
  Result<Organization> Move(const Principal& p, int64_t id, int64_t new_parent,
                            const store::Actor& actor);
  // Closes the organization (valid_to = date) and every organization below it that is open on
  // `date` or closes later (one audit row "close" each; those closed earlier keep their date).
  // Invalid "org.bad_date" for an impossible date, "org.close_before_start" when `date` is
  // before the valid_from of one of them. Returns the closed organization.
  Result<Organization> Close(const Principal& p, int64_t id, const Date& date,
                             const store::Actor& actor);

  // Bulk create/update by code, all-or-nothing (CSV import). Rows refer to parents by code,
  // which may be earlier rows of the same batch. On failure returns Invalid "org.import_invalid"
  // whose message lists every bad row as "dòng N: ..." one per line (line numbers as given in
  // `line`), and nothing is written. A row whose code exists updates that organization (only
  // the fields it sets; a different parent moves it); a row that changes nothing writes nothing,
  // so importing the same rows twice changes nothing the second time (no audit rows either).
  // Returns the number of organizations created or changed. Needs CanEditOrganizations; every
  // row must stay inside the principal's scope (so no new roots).
  struct ImportRow {
    int line = 0;
    std::string parent_code;  // empty for a root
    OrgInput input;           // code required
  };
  Result<int> Import(const Principal& p, const std::vector<ImportRow>& rows,
                     const store::Actor& actor);
  // The same for the CLI and the demo generator: acts as the system, without scope or role
  // checks (roots may be created), with the same validation.
  Result<int> ImportAsSystem(const std::vector<ImportRow>& rows, const store::Actor& actor);

 private:
  // What a read works on: one consistent tree and, by pre-order position, the folded search
  // text of each organization (FoldForSearch of name and code).
  struct Snapshot {
    std::shared_ptr<const OrgTree> tree;
    std::shared_ptr<const std::vector<std::string>> folded;
  };
  // The organizations of a write in progress, read inside its transaction.
  struct Draft {
    OrgTree tree;                    // as stored when the transaction began
    std::vector<Organization> orgs;  // edited in place; new organizations appended by Add
    std::unordered_map<int64_t, size_t> index;  // id -> position in orgs
    Organization* Find(int64_t id);  // nullptr if absent
    void Add(const Organization& org);
  };
  using Change = std::function<Status(store::Tx& tx, Draft& draft)>;

  explicit OrgService(store::Database* db) : db_(db) {}
  Snapshot snapshot() const;
  Status Reload();  // rebuilds the snapshot from the database
  void Publish(OrgTree tree);
  // Serialized write: begins a transaction as `actor`, loads the stored tree into a Draft, runs
  // `change` (which checks, edits the draft and writes through tx), rebuilds the tree from the
  // draft (any inconsistency rolls back), commits and publishes the new snapshot.
  Status Write(const store::Actor& actor, const Change& change);
  // `p` null means the system (no scope or role checks).
  Result<int> ImportImpl(const Principal* p, const std::vector<ImportRow>& rows,
                         const store::Actor& actor);

  store::Database* db_;
  mutable std::shared_mutex mu_;
  Snapshot snapshot_;  // guarded by mu_
  std::atomic<uint64_t> version_{0};
  std::mutex write_mu_;  // serializes writers so snapshots follow commit order
};

}  // namespace nq
