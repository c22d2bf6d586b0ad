// JSON snapshots of assigned tasks and their progress updates (domain/task.h, task_update.h) for
// the audit log's old_value/new_value columns, like store/audit_text.h. Private to store/.
//
// A task snapshot holds every stored field; its parts are nested: "deadline" an object,
// "document" and "project" an object or null, "cooperating_org_ids", "milestones" and
// "occurrence_completions" arrays in their order. Dates are ISO text or null, periods their ids.
// An update snapshot lists its evidence files by id, name, type, size and SHA-256 — never their
// bytes. Pure functions; thread-safe.
#pragma once

#include <string>

#include "domain/task.h"
#include "domain/task_update.h"

namespace nq::store {

std::string AssignedTaskJson(const AssignedTask& t);
std::string TaskUpdateJson(const TaskUpdate& u);

}  // namespace nq::store
