// GET /api/v1/orgs/tree: the principal's scope as one nested JSON tree, served from a cache.
//
// This endpoint is the HTTP benchmark's target (DESIGN.md "Scale and speed": at least half of
// nginx's requests per second for the same bytes). So the serialized body is cached per
// (scope root, tree version): OrgService bumps its version on every committed change, and a
// request whose scope root and version match a cached entry costs only the session check and a
// copy of the bytes. The entry carries a strong ETag (a hash of the bytes, so it stays right
// across restarts); If-None-Match with that ETag gets 304 and no body.
//
// Body: {"version":N,"root":{id,code,name,kind,kind_label,sector,sector_label,members,workers,
//        valid_from,valid_to,children:[...]}} — the subtree in display order, closed
// organizations included (valid_to set).
//
// Thread-safety: OrgTreeCache is thread-safe (a mutex around a small map of shared entries; the
// bytes are built outside the lock).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "domain/organization.h"
#include "domain/user.h"
#include "service/org_service.h"

namespace nq::web {

// The JSON text of a subtree given in pre-order (root first, as OrgService::Subtree returns
// it), with `version` at the top.
std::string OrgTreeJson(const std::vector<Organization>& preorder, uint64_t version);

class OrgTreeCache {
 public:
  struct Entry {
    int64_t root = 0;
    uint64_t version = 0;
    std::string body;  // the JSON text
    std::string etag;  // quoted strong ETag
  };

  // More scope roots than this and the cache starts over (each is at most one tree's bytes).
  static constexpr size_t kMaxEntries = 256;

  // The principal's tree at the service's current version: from the cache, or built (and then
  // cached). Errors are OrgService::Subtree's (Forbidden when the scope root is gone).
  Result<std::shared_ptr<const Entry>> Get(const OrgService& orgs, const Principal& p);

 private:
  std::mutex mu_;
  std::unordered_map<int64_t, std::shared_ptr<const Entry>> entries_;  // by root; guarded by mu_
};

}  // namespace nq::web
