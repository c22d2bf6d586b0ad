// OrgTree: the organization tree numbered in pre-order, so that a subtree is the contiguous
// range [pre(root), end(root)) and "is X inside Y's scope" is two integer comparisons.
//
// An OrgTree is an immutable snapshot built from a list of organizations; changes build a new
// tree (Build is O(n log n); 52,000 organizations take a few milliseconds). Children are ordered
// by sort_order, then by Vietnamese collation of the name. Several roots are allowed (a province
// may hold several blocs); they are ordered the same way.
//
// Thread-safety: const methods are safe to call concurrently on one tree.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/organization.h"

namespace nq {

class OrgTree {
 public:
  OrgTree() = default;

  // Builds the tree. Fails with Invalid "org.unknown_parent" if a parent_id names no
  // organization in `orgs`, with Conflict "org.duplicate_id" / "org.code_taken" if ids or codes
  // repeat, and Conflict "org.cycle" if the parent links form a cycle (an organization that is
  // its own parent included). Field checks (ValidateOrganization) are not repeated here.
  static Result<OrgTree> Build(std::vector<Organization> orgs);

  size_t size() const { return nodes_.size(); }
  bool Contains(int64_t id) const { return index_.count(id) > 0; }

  // The organization with this id, or nullptr.
  const Organization* Find(int64_t id) const;
  // The organization with this code (exact match), or nullptr.
  const Organization* FindByCode(std::string_view code) const;
  // Pre-order position of the organization, or -1 if absent.
  int Pre(int64_t id) const;
  // One past the last pre-order position of the organization's subtree, or -1 if absent.
  int End(int64_t id) const;
  // Organization at pre-order position i (0 <= i < size()).
  const Organization& At(int i) const { return orgs_[static_cast<size_t>(i)]; }
  int Depth(int64_t id) const;  // roots are at depth 0; -1 if absent

  // True when `id` is `root` or lies below it. False if either is absent.
  bool InSubtree(int64_t root, int64_t id) const;

  // Ids from the root down to `id` inclusive; empty if absent.
  std::vector<int64_t> Path(int64_t id) const;
  // Direct children in display order.
  std::vector<int64_t> Children(int64_t id) const;
  std::vector<int64_t> Roots() const;
  // The subtree of `root` in pre-order (root first), as organizations; empty if absent. The
  // span points into the tree and lives as long as it.
  std::span<const Organization> Subtree(int64_t root) const;
  // Ids of the subtree of `root` in pre-order; empty if absent.
  std::vector<int64_t> SubtreeIds(int64_t root) const;

  // Checks that moving `id` under `new_parent` keeps a tree: both exist (NotFound
  // "org.not_found"), the new parent is not `id` itself nor inside its subtree (Conflict
  // "org.move_cycle", with a Vietnamese message naming both organizations).
  Status CheckMove(int64_t id, int64_t new_parent) const;
  // The tree after that move, or CheckMove's error. The moved organization keeps its
  // sort_order; it is placed among its new siblings by the usual order.
  Result<OrgTree> Moved(int64_t id, int64_t new_parent) const;
  // The tree with `org` added, or replacing the organization with the same id; fails as Build
  // does (unknown parent, duplicate code, cycle). Lets the service layer check a create or an
  // update against the whole tree before it writes anything.
  Result<OrgTree> WithOrganization(Organization org) const;

  // Organizations of the subtree open on `date`, in pre-order.
  std::vector<int64_t> ActiveOn(int64_t root, const Date& date) const;

  // All organizations in pre-order.
  std::vector<Organization> ToVector() const;

 private:
  struct Node {
    int end = 0;      // one past the last pre-order index of the subtree
    int depth = 0;
    int parent = -1;  // pre-order index of the parent, -1 for a root
  };
  int IndexOf(int64_t id) const;              // pre-order index, or -1
  // Organizations and their tree links, both in pre-order (separate so that Subtree can hand
  // out a span of organizations).
  std::vector<Organization> orgs_;
  std::vector<Node> nodes_;
  std::unordered_map<int64_t, int> index_;    // id -> pre-order index
  std::unordered_map<std::string, int> code_index_;  // code -> pre-order index
};

}  // namespace nq
