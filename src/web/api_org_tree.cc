#include "web/api_org_tree.h"

#include <cstdio>
#include <utility>

#include "common/json_text.h"
#include "common/time.h"

namespace nq::web {
namespace {

// Opens a node's object up to and including `"children":[`.
void AppendNodeHead(const Organization& o, std::string* out) {
  *out += "{\"id\":";
  *out += std::to_string(o.id);
  *out += ",\"code\":";
  *out += JsonQuote(o.code);
  *out += ",\"name\":";
  *out += JsonQuote(o.name);
  *out += ",\"kind\":\"";
  *out += OrgKindCode(o.kind);
  *out += "\",\"kind_label\":";
  *out += JsonQuote(OrgKindLabel(o.kind));
  *out += ",\"sector\":\"";
  *out += SectorCode(o.sector);
  *out += "\",\"sector_label\":";
  *out += JsonQuote(SectorLabel(o.sector));
  *out += ",\"members\":";
  *out += std::to_string(o.members);
  *out += ",\"workers\":";
  *out += std::to_string(o.workers);
  *out += ",\"valid_from\":\"";
  *out += FormatIso(o.valid_from);
  *out += "\",\"valid_to\":";
  *out += o.valid_to ? "\"" + FormatIso(*o.valid_to) + "\"" : std::string("null");
  *out += ",\"children\":[";
}

// FNV-1a, 64 bits, as a quoted hex ETag.
std::string EtagOf(std::string_view data) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string OrgTreeJson(const std::vector<Organization>& preorder, uint64_t version) {
  std::string out;
  out.reserve(64 + preorder.size() * 320);
  out += "{\"version\":";
  out += std::to_string(version);
  out += ",\"root\":";
  if (preorder.empty()) {
    out += "null}";
    return out;
  }
  // Pre-order means a node's parent is on the stack of open nodes; nodes that are not the
  // parent are closed first. `has_child` says whether a comma precedes the next child.
  struct Open {
    int64_t id;
    bool has_child;
  };
  std::vector<Open> open;
  for (const Organization& o : preorder) {
    while (!open.empty() && (!o.parent_id || open.back().id != *o.parent_id)) {
      out += "]}";
      open.pop_back();
    }
    if (!open.empty()) {
      if (open.back().has_child) out += ',';
      open.back().has_child = true;
    } else if (&o != &preorder.front()) {
      break;  // not below the root: the input was not one subtree in pre-order
    }
    AppendNodeHead(o, &out);
    open.push_back({o.id, false});
  }
  for (size_t i = 0; i < open.size(); ++i) out += "]}";
  out += '}';
  return out;
}

Result<std::shared_ptr<const OrgTreeCache::Entry>> OrgTreeCache::Get(const OrgService& orgs,
                                                                     const Principal& p) {
  // The version is read before the tree: a change racing with this request can only make the
  // entry newer than its version says, never older, so a stale body is never served.
  const uint64_t version = orgs.version();
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = entries_.find(p.org_id);
    if (it != entries_.end() && it->second->version == version) return it->second;
  }
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> subtree, orgs.Subtree(p));
  auto entry = std::make_shared<Entry>();
  entry->root = p.org_id;
  entry->version = version;
  entry->body = OrgTreeJson(subtree, version);
  entry->etag = EtagOf(entry->body);
  std::shared_ptr<const Entry> shared = std::move(entry);
  std::lock_guard<std::mutex> lock(mu_);
  if (entries_.size() >= kMaxEntries && entries_.find(p.org_id) == entries_.end()) {
    entries_.clear();
  }
  auto& slot = entries_[p.org_id];
  if (!slot || slot->version <= version) slot = shared;
  return shared;
}

}  // namespace nq::web
