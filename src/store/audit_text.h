// JSON snapshots of entities for the audit log's old_value/new_value columns. Private to
// store/. Each snapshot holds every stored field of the entity except secrets: a user's password
// hash, a session's token hash and CSRF token never appear. Pure functions; thread-safe.
#pragma once

#include <string>

#include "domain/organization.h"
#include "domain/resolution.h"
#include "domain/user.h"

namespace nq::store {

std::string OrganizationJson(const Organization& org);
// `password_changed` adds "password_changed": true (for an update that set a new hash).
std::string UserJson(const User& user, bool password_changed = false);
std::string TermJson(const Term& term);
std::string ResolutionJson(const Resolution& r);
std::string TargetJson(const Target& t);
std::string ResolutionTaskJson(const ResolutionTask& t);

}  // namespace nq::store
