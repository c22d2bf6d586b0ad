// Helpers shared by task_service.cc (reads) and task_service_write.cc (writes). Not part of the
// service's interface. Pure functions; thread-safe.
#pragma once

#include <optional>

#include "common/status.h"
#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/task.h"
#include "domain/user.h"
#include "service/task_service.h"

namespace nq::task_internal {

// The principal sees the task: its owner or a cooperating organization lies in their scope.
bool CanSee(const OrgTree& tree, const Principal& p, const AssignedTask& t);
// OK, or Forbidden "scope.denied".
Status CheckCanSee(const OrgTree& tree, const Principal& p, const AssignedTask& t);
// The task with its state and next deadline as of the date.
TaskRow MakeRow(AssignedTask t, const Date& as_of);

}  // namespace nq::task_internal
