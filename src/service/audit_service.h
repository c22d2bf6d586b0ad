// Nhật ký thay đổi: reading the audit log (every change writes an audit row in its own
// transaction, store/database.h) with role and scope checks.
//
// Only admins and committee members read the log (Forbidden "role.denied" for the others).
// A principal whose scope is a whole tree (their organization has no parent) reads every row;
// a principal with a narrower scope may read only the history of one organization inside it
// (entity "organization" and its id), since other rows (users, sessions, other subtrees) are
// not theirs to see — anything else is Forbidden "scope.denied".
//
// Thread-safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/user.h"
#include "service/org_service.h"
#include "store/database.h"

namespace nq {

struct AuditQuery {
  std::string entity;     // "organization", "user", "session", ...; empty: any
  std::string entity_id;  // empty: any
  int limit = 100;        // 1..1000
};

class AuditService {
 public:
  // `db` and `orgs` must outlive the service.
  AuditService(store::Database* db, const OrgService* orgs) : db_(db), orgs_(orgs) {}

  // Newest first, at most q.limit rows. Invalid "audit.bad_query" for a limit outside 1..1000,
  // an entity that is not [a-z_]{1,32} or an entity_id over 64 bytes.
  Result<std::vector<store::AuditEntry>> List(const Principal& p, const AuditQuery& q) const;

 private:
  store::Database* db_;
  const OrgService* orgs_;
};

}  // namespace nq
