// Helpers shared by the resolution bundle's files (resolution_bundle.cc, resolution_bundle_io.cc,
// resolution_bundle_tasks.cc). Not part of the service's interface. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/resolution.h"
#include "domain/task.h"
#include "service/resolution_bundle.h"

namespace nq::bundle_internal {

// Assigned tasks in the bundle's form: refs "NV<id>", organizations by their codes in
// `org_codes`, the resolution task by title (from `resolution_tasks`). A task whose owner has no
// code there is left out; so are cooperating organizations without one, and the parent link to
// a task left out. Keeps the order of `tasks`.
std::vector<BundleTask> ToBundleTasks(const std::vector<AssignedTask>& tasks,
                                      const std::map<int64_t, std::string>& org_codes,
                                      const std::vector<ResolutionTask>& resolution_tasks);

// The resolution task a bundle task names (BundleTask::resolution_task): by title, else by
// position when the text is a number; nullptr when none is.
const ResolutionTask* FindResolutionTask(const std::vector<ResolutionTask>& tasks,
                                         const std::string& text);

}  // namespace nq::bundle_internal
