#include "domain/org_tree.h"

#include <algorithm>
#include <string>
#include <utility>

#include "common/utf8.h"

namespace nq {
namespace {

std::string Describe(const Organization& o) { return "'" + o.code + "'"; }

}  // namespace

Result<OrgTree> OrgTree::Build(std::vector<Organization> orgs) {
  const size_t n = orgs.size();
  std::unordered_map<int64_t, int> by_id;
  std::unordered_map<std::string, int> by_code;
  by_id.reserve(n);
  by_code.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const Organization& o = orgs[i];
    if (!by_id.emplace(o.id, static_cast<int>(i)).second) {
      return Status::Conflict("org.duplicate_id",
                              "Mã định danh tổ chức bị trùng: " + std::to_string(o.id));
    }
    if (!by_code.emplace(o.code, static_cast<int>(i)).second) {
      return Status::Conflict("org.code_taken", "Mã tổ chức " + Describe(o) + " đã tồn tại");
    }
  }

  // Parent links as input indices; children lists in display order.
  std::vector<int> parent(n, -1);
  std::vector<std::vector<int>> children(n);
  std::vector<int> roots;
  for (size_t i = 0; i < n; ++i) {
    const Organization& o = orgs[i];
    if (!o.parent_id) {
      roots.push_back(static_cast<int>(i));
      continue;
    }
    auto it = by_id.find(*o.parent_id);
    if (it == by_id.end()) {
      return Status::Invalid("org.unknown_parent", "Tổ chức cấp trên của " + Describe(o) +
                                                       " (mã định danh " +
                                                       std::to_string(*o.parent_id) +
                                                       ") không tồn tại");
    }
    parent[i] = it->second;
    children[static_cast<size_t>(it->second)].push_back(static_cast<int>(i));
  }
  std::vector<std::string> keys(n);
  for (size_t i = 0; i < n; ++i) keys[i] = CollationKey(orgs[i].name);
  auto display_order = [&](int a, int b) {
    const Organization& x = orgs[static_cast<size_t>(a)];
    const Organization& y = orgs[static_cast<size_t>(b)];
    if (x.sort_order != y.sort_order) return x.sort_order < y.sort_order;
    const std::string& kx = keys[static_cast<size_t>(a)];
    const std::string& ky = keys[static_cast<size_t>(b)];
    if (kx != ky) return kx < ky;
    if (x.code != y.code) return x.code < y.code;
    return x.id < y.id;
  };
  std::sort(roots.begin(), roots.end(), display_order);
  for (auto& c : children) std::sort(c.begin(), c.end(), display_order);

  // Iterative pre-order walk (a chain of 52,000 would overflow a recursive one).
  OrgTree tree;
  tree.orgs_.reserve(n);
  tree.nodes_.reserve(n);
  std::vector<int> pre(n, -1);
  struct Frame {
    int input;       // index into orgs
    size_t next;     // next child to visit
  };
  std::vector<Frame> stack;
  auto enter = [&](int input) {
    pre[static_cast<size_t>(input)] = static_cast<int>(tree.orgs_.size());
    const int par = parent[static_cast<size_t>(input)];
    Node node;
    node.parent = par < 0 ? -1 : pre[static_cast<size_t>(par)];
    node.depth = node.parent < 0 ? 0 : tree.nodes_[static_cast<size_t>(node.parent)].depth + 1;
    tree.nodes_.push_back(node);
    tree.orgs_.push_back(std::move(orgs[static_cast<size_t>(input)]));
  };
  for (int r : roots) {
    enter(r);
    stack.push_back({r, 0});
    while (!stack.empty()) {
      Frame& f = stack.back();
      const std::vector<int>& kids = children[static_cast<size_t>(f.input)];
      if (f.next < kids.size()) {
        const int child = kids[f.next++];
        enter(child);
        stack.push_back({child, 0});
      } else {
        tree.nodes_[static_cast<size_t>(pre[static_cast<size_t>(f.input)])].end =
            static_cast<int>(tree.orgs_.size());
        stack.pop_back();
      }
    }
  }

  if (tree.orgs_.size() != n) {
    // Some organizations cannot be reached from a root: their parent links loop. Walk up from
    // one of them until an organization repeats; that one lies on the cycle.
    size_t start = 0;
    while (pre[start] >= 0) ++start;
    std::vector<bool> seen(n, false);
    size_t at = start;
    while (!seen[at]) {
      seen[at] = true;
      at = static_cast<size_t>(parent[at]);
    }
    // orgs[at] was not moved out: it was never entered.
    return Status::Conflict("org.cycle", "Quan hệ cấp trên tạo thành vòng lặp tại tổ chức " +
                                             Describe(orgs[at]));
  }
  tree.index_.reserve(n);
  tree.code_index_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    tree.index_.emplace(tree.orgs_[i].id, static_cast<int>(i));
    tree.code_index_.emplace(tree.orgs_[i].code, static_cast<int>(i));
  }
  return tree;
}

const Organization* OrgTree::FindByCode(std::string_view code) const {
  auto it = code_index_.find(std::string(code));
  return it == code_index_.end() ? nullptr : &orgs_[static_cast<size_t>(it->second)];
}

int OrgTree::IndexOf(int64_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? -1 : it->second;
}

const Organization* OrgTree::Find(int64_t id) const {
  const int i = IndexOf(id);
  return i < 0 ? nullptr : &orgs_[static_cast<size_t>(i)];
}

int OrgTree::Pre(int64_t id) const { return IndexOf(id); }

int OrgTree::End(int64_t id) const {
  const int i = IndexOf(id);
  return i < 0 ? -1 : nodes_[static_cast<size_t>(i)].end;
}

int OrgTree::Depth(int64_t id) const {
  const int i = IndexOf(id);
  return i < 0 ? -1 : nodes_[static_cast<size_t>(i)].depth;
}

bool OrgTree::InSubtree(int64_t root, int64_t id) const {
  const int r = IndexOf(root);
  const int i = IndexOf(id);
  if (r < 0 || i < 0) return false;
  return r <= i && i < nodes_[static_cast<size_t>(r)].end;
}

std::vector<int64_t> OrgTree::Path(int64_t id) const {
  std::vector<int64_t> path;
  for (int i = IndexOf(id); i >= 0; i = nodes_[static_cast<size_t>(i)].parent) {
    path.push_back(orgs_[static_cast<size_t>(i)].id);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<int64_t> OrgTree::Children(int64_t id) const {
  std::vector<int64_t> out;
  const int i = IndexOf(id);
  if (i < 0) return out;
  const int end = nodes_[static_cast<size_t>(i)].end;
  for (int c = i + 1; c < end; c = nodes_[static_cast<size_t>(c)].end) {
    out.push_back(orgs_[static_cast<size_t>(c)].id);
  }
  return out;
}

std::vector<int64_t> OrgTree::Roots() const {
  std::vector<int64_t> out;
  const int n = static_cast<int>(orgs_.size());
  for (int c = 0; c < n; c = nodes_[static_cast<size_t>(c)].end) {
    out.push_back(orgs_[static_cast<size_t>(c)].id);
  }
  return out;
}

std::span<const Organization> OrgTree::Subtree(int64_t root) const {
  const int i = IndexOf(root);
  if (i < 0) return {};
  const auto b = static_cast<size_t>(i);
  const auto e = static_cast<size_t>(nodes_[b].end);
  return std::span<const Organization>(orgs_).subspan(b, e - b);
}

std::vector<int64_t> OrgTree::SubtreeIds(int64_t root) const {
  std::vector<int64_t> out;
  for (const Organization& o : Subtree(root)) out.push_back(o.id);
  return out;
}

Status OrgTree::CheckMove(int64_t id, int64_t new_parent) const {
  const Organization* org = Find(id);
  if (org == nullptr) {
    return Status::NotFound("org.not_found",
                            "Không tìm thấy tổ chức (mã định danh " + std::to_string(id) + ")");
  }
  const Organization* parent = Find(new_parent);
  if (parent == nullptr) {
    return Status::NotFound("org.not_found", "Không tìm thấy tổ chức cấp trên mới (mã định danh " +
                                                 std::to_string(new_parent) + ")");
  }
  if (id == new_parent) {
    return Status::Conflict("org.move_cycle", "Không thể chuyển tổ chức " + Describe(*org) +
                                                  " vào dưới chính nó");
  }
  if (InSubtree(id, new_parent)) {
    return Status::Conflict("org.move_cycle", "Không thể chuyển tổ chức " + Describe(*org) +
                                                  " vào dưới tổ chức cấp dưới của nó " +
                                                  Describe(*parent));
  }
  return Status::Ok();
}

Result<OrgTree> OrgTree::Moved(int64_t id, int64_t new_parent) const {
  NQ_RETURN_IF_ERROR(CheckMove(id, new_parent));
  std::vector<Organization> orgs = orgs_;
  orgs[static_cast<size_t>(IndexOf(id))].parent_id = new_parent;
  return Build(std::move(orgs));
}

Result<OrgTree> OrgTree::WithOrganization(Organization org) const {
  std::vector<Organization> orgs = orgs_;
  const int i = IndexOf(org.id);
  if (i >= 0) {
    orgs[static_cast<size_t>(i)] = std::move(org);
  } else {
    orgs.push_back(std::move(org));
  }
  return Build(std::move(orgs));
}

std::vector<int64_t> OrgTree::ActiveOn(int64_t root, const Date& date) const {
  std::vector<int64_t> out;
  for (const Organization& o : Subtree(root)) {
    if (IsActiveOn(o, date)) out.push_back(o.id);
  }
  return out;
}

std::vector<Organization> OrgTree::ToVector() const { return orgs_; }

}  // namespace nq
