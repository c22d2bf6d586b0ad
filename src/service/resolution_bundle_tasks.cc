// ResolutionBundle: assigned tasks — checking them against organizations and the resolution's
// tasks, importing them into a stored resolution, exporting them.
#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "service/resolution_bundle.h"
#include "service/resolution_bundle_internal.h"

namespace nq {
namespace {

// Every organization's id by code, the closed ones included.
std::map<std::string, int64_t> OrgIdsByCode(const OrgTree& tree) {
  std::map<std::string, int64_t> ids;
  for (size_t k = 0; k < tree.size(); ++k) {
    const Organization& org = tree.At(static_cast<int>(k));
    ids[org.code] = org.id;
  }
  return ids;
}

std::string Where(const std::vector<BundleTask>& tasks, size_t i) {
  return tasks[i].line > 0 ? "dòng " + std::to_string(tasks[i].line)
                           : "assigned_tasks[" + std::to_string(i) + "]";
}

// Refs to positions; problems for blank and repeated refs and repeated (title, owner) keys.
std::map<std::string, size_t> IndexRefs(const std::vector<BundleTask>& tasks,
                                        std::vector<std::string>& problems) {
  std::map<std::string, size_t> by_ref;
  std::set<std::pair<std::string, std::string>> keys;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const BundleTask& b = tasks[i];
    if (Trim(b.ref).empty()) {
      problems.push_back(Where(tasks, i) + ": thiếu mã nhiệm vụ");
    } else if (!by_ref.emplace(b.ref, i).second) {
      problems.push_back(Where(tasks, i) + ": mã nhiệm vụ '" + b.ref + "' bị lặp");
    }
    if (!keys.emplace(b.task.title, b.owner_code).second) {
      problems.push_back(Where(tasks, i) + ": nhiệm vụ \"" + b.task.title + "\" của đơn vị " +
                         b.owner_code + " bị lặp (trùng tên và đơn vị chủ trì)");
    }
  }
  return by_ref;
}

// True when following parent refs from `i` comes back to `i`.
bool InCycle(const std::vector<BundleTask>& tasks, const std::map<std::string, size_t>& by_ref,
             size_t i) {
  size_t at = i;
  for (size_t step = 0; step <= tasks.size(); ++step) {
    auto up = by_ref.find(tasks[at].parent_ref);
    if (tasks[at].parent_ref.empty() || up == by_ref.end()) return false;
    at = up->second;
    if (at == i) return true;
  }
  return false;
}

// Positions in file order, except that a task's ancestors come just before it when the file
// lists them later (the refs are checked first; a cycle, refused before, would stop the walk).
std::vector<size_t> ParentsFirst(const std::vector<BundleTask>& tasks) {
  std::map<std::string, size_t> by_ref;
  for (size_t i = 0; i < tasks.size(); ++i) by_ref.emplace(tasks[i].ref, i);
  std::vector<size_t> order;
  std::vector<bool> placed(tasks.size(), false);
  for (size_t i = 0; i < tasks.size(); ++i) {
    std::vector<size_t> chain;  // i and its ancestors not placed yet, nearest first
    for (size_t at = i; !placed[at] && chain.size() <= tasks.size();) {
      chain.push_back(at);
      auto up = by_ref.find(tasks[at].parent_ref);
      if (tasks[at].parent_ref.empty() || up == by_ref.end()) break;
      at = up->second;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      if (placed[*it]) continue;
      placed[*it] = true;
      order.push_back(*it);
    }
  }
  return order;
}

// The fields of a stored task that a CSV row cannot say (BundleTask::partial).
void KeepUnlisted(AssignedTask& t, const AssignedTask& old) {
  if (t.document && old.document) {
    t.document->title = old.document->title;
    t.document->issuing_body = old.document->issuing_body;
  }
  if (old.project) t.project = old.project;
  if (t.deadline.recurrence != TaskRecurrence::kOnce) {
    t.occurrence_completions = old.occurrence_completions;
  }
}

// True when the file's progress of a task differs from the stored one.
bool ProgressDiffers(const AssignedTask& file, const AssignedTask& old) {
  auto issued = [](const AssignedTask& t) {
    return t.document ? std::make_pair(t.document->number, t.document->issued)
                      : std::make_pair(std::string(), std::optional<Date>());
  };
  auto done = [](const AssignedTask& t) {
    std::vector<std::optional<Date>> out;
    if (t.project) {
      for (const Milestone& m : t.project->milestones) out.push_back(m.done_on);
    }
    return out;
  };
  return file.progress_percent != old.progress_percent || file.completed_on != old.completed_on ||
         file.report_ref != old.report_ref ||
         file.occurrence_completions != old.occurrence_completions || issued(file) != issued(old) ||
         done(file) != done(old);
}

}  // namespace

namespace bundle_internal {

const ResolutionTask* FindResolutionTask(const std::vector<ResolutionTask>& tasks,
                                         const std::string& text) {
  for (const ResolutionTask& t : tasks) {
    if (t.title == text) return &t;
  }
  const bool number =
      !text.empty() && text.size() < 4 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!number) return nullptr;
  for (const ResolutionTask& t : tasks) {
    if (t.position == std::stoi(text)) return &t;
  }
  return nullptr;
}

}  // namespace bundle_internal

using bundle_internal::FindResolutionTask;

std::vector<std::string> CheckBundleTasks(const std::vector<BundleTask>& tasks,
                                          const std::function<bool(const std::string&)>& org_known,
                                          const std::vector<ResolutionTask>& resolution_tasks) {
  std::vector<std::string> problems;
  const std::map<std::string, size_t> by_ref = IndexRefs(tasks, problems);
  // Organizations numbered for the domain checks, which compare ids.
  std::map<std::string, int64_t> numbers;
  auto number = [&](const std::string& code, const std::string& where) -> int64_t {
    if (code.empty()) return 0;
    if (!org_known(code)) problems.push_back(where + ": không có tổ chức mã '" + code + "'");
    return numbers.emplace(code, static_cast<int64_t>(numbers.size()) + 1).first->second;
  };
  for (size_t i = 0; i < tasks.size(); ++i) {
    const BundleTask& b = tasks[i];
    const std::string where = Where(tasks, i);
    AssignedTask t = b.task;
    t.id = static_cast<int64_t>(i) + 1;
    t.resolution_id = 1;
    t.owner_org_id = number(b.owner_code, where);
    t.cooperating_org_ids.clear();
    for (const std::string& code : b.cooperating_codes) {
      t.cooperating_org_ids.push_back(number(code, where));
    }
    t.resolution_task_id.reset();
    if (!b.resolution_task.empty() && !FindResolutionTask(resolution_tasks, b.resolution_task)) {
      problems.push_back(where + ": nghị quyết không có nhiệm vụ đột phá, trọng tâm \"" +
                         b.resolution_task + "\"");
    }
    t.parent_id.reset();
    if (!b.parent_ref.empty()) {
      auto parent = by_ref.find(b.parent_ref);
      if (parent == by_ref.end()) {
        problems.push_back(where + ": không có nhiệm vụ cha mã '" + b.parent_ref + "'");
      } else if (InCycle(tasks, by_ref, i)) {
        problems.push_back(where + ": nhiệm vụ cha mã '" + b.parent_ref +
                           "' tạo thành vòng lặp (nhiệm vụ là cấp trên của chính nó)");
      } else {
        t.parent_id = static_cast<int64_t>(parent->second) + 1;
      }
    }
    const Status valid = ValidateAssignedTask(t);
    if (!valid.ok()) problems.push_back(where + ": " + valid.message());
  }
  return problems;
}

std::vector<BundleTask> bundle_internal::ToBundleTasks(
    const std::vector<AssignedTask>& tasks, const std::map<int64_t, std::string>& org_codes,
    const std::vector<ResolutionTask>& resolution_tasks) {
  std::set<int64_t> exported;
  for (const AssignedTask& t : tasks) {
    if (org_codes.count(t.owner_org_id) > 0) exported.insert(t.id);
  }
  std::vector<BundleTask> out;
  for (const AssignedTask& t : tasks) {
    if (exported.count(t.id) == 0) continue;
    BundleTask b;
    b.ref = "NV" + std::to_string(t.id);
    b.task = t;
    b.owner_code = org_codes.at(t.owner_org_id);
    for (int64_t id : t.cooperating_org_ids) {
      auto code = org_codes.find(id);
      if (code != org_codes.end()) b.cooperating_codes.push_back(code->second);
    }
    for (const ResolutionTask& rt : resolution_tasks) {
      if (t.resolution_task_id == rt.id) b.resolution_task = rt.title;
    }
    if (t.parent_id && exported.count(*t.parent_id) > 0) {
      b.parent_ref = "NV" + std::to_string(*t.parent_id);
    }
    out.push_back(std::move(b));
  }
  return out;
}

Result<TaskImportSummary> ImportTasks(App& app, int64_t resolution_id,
                                      const std::vector<BundleTask>& tasks,
                                      const store::Actor& actor) {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, app.plans().GetResolutionAsSystem(resolution_id));
  const std::map<std::string, int64_t> org_ids = OrgIdsByCode(*app.orgs().tree());
  const std::vector<std::string> problems = CheckBundleTasks(
      tasks, [&](const std::string& code) { return org_ids.count(code) > 0; }, detail.tasks);
  NQ_RETURN_IF_ERROR(InvalidWithLines("tasks.invalid",
                                      "Nhiệm vụ không hợp lệ; chưa nhập nhiệm vụ nào:", problems));
  TaskService& service = app.tasks();
  NQ_ASSIGN_OR_RETURN(std::vector<AssignedTask> stored, service.ListAsSystem(resolution_id));
  // The key a file's task is matched on (CheckBundleTasks refused repeats of it in the file).
  std::map<std::pair<std::string, int64_t>, const AssignedTask*> stored_by_key;
  for (const AssignedTask& s : stored) stored_by_key.emplace(std::pair(s.title, s.owner_org_id), &s);
  TaskImportSummary summary;
  // Every write prepared first, parents before children, then stored in one transaction.
  std::vector<TaskService::TaskWrite> writes;
  std::vector<const AssignedTask*> olds;  // the stored task a write replaces, or null
  std::map<std::string, int> index_by_ref;
  for (size_t i : ParentsFirst(tasks)) {
    const BundleTask& b = tasks[i];
    TaskService::TaskWrite w;
    AssignedTask& t = w.task;
    t = b.task;
    t.id = 0;
    t.resolution_id = resolution_id;
    t.owner_org_id = org_ids.at(b.owner_code);
    t.cooperating_org_ids.clear();
    for (const std::string& code : b.cooperating_codes) {
      t.cooperating_org_ids.push_back(org_ids.at(code));
    }
    const ResolutionTask* rt = FindResolutionTask(detail.tasks, b.resolution_task);
    t.resolution_task_id =
        b.resolution_task.empty() || rt == nullptr ? std::nullopt : std::optional<int64_t>(rt->id);
    t.parent_id.reset();
    if (!b.parent_ref.empty()) w.parent_index = index_by_ref.at(b.parent_ref);
    auto old = stored_by_key.find({t.title, t.owner_org_id});
    w.create = old == stored_by_key.end();
    olds.push_back(w.create ? nullptr : old->second);
    if (!w.create) {
      if (b.partial) KeepUnlisted(t, *old->second);
      t.id = old->second->id;
      if (ProgressDiffers(t, *old->second)) {
        summary.progress_kept.push_back(b.ref + " (" + t.title + ")");
      }
    }
    index_by_ref[b.ref] = static_cast<int>(writes.size());
    writes.push_back(std::move(w));
  }
  NQ_ASSIGN_OR_RETURN(std::vector<AssignedTask> saved,
                      service.SaveAllAsSystem(std::move(writes), actor));
  for (size_t k = 0; k < saved.size(); ++k) {
    if (olds[k] == nullptr) {
      ++summary.created;
    } else {
      ++(saved[k] == *olds[k] ? summary.unchanged : summary.updated);
    }
  }
  for (const auto& [ref, k] : index_by_ref) summary.ids[ref] = saved[static_cast<size_t>(k)].id;
  return summary;
}

Result<std::vector<ResolutionTasks>> ExportTasksAsSystem(App& app,
                                                         std::optional<int64_t> resolution_id) {
  const std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  std::map<int64_t, std::string> org_codes;
  for (size_t k = 0; k < tree->size(); ++k) {
    const Organization& org = tree->At(static_cast<int>(k));
    org_codes[org.id] = org.code;
  }
  NQ_ASSIGN_OR_RETURN(std::vector<AssignedTask> all, app.tasks().ListAsSystem(resolution_id));
  std::map<int64_t, std::vector<AssignedTask>> by_resolution;
  if (resolution_id) by_resolution[*resolution_id];  // listed even without tasks
  for (AssignedTask& t : all) by_resolution[t.resolution_id].push_back(std::move(t));
  std::vector<ResolutionTasks> out;
  for (const auto& [id, tasks] : by_resolution) {
    NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, app.plans().GetResolutionAsSystem(id));
    out.push_back(
        {detail.resolution, bundle_internal::ToBundleTasks(tasks, org_codes, detail.tasks)});
  }
  return out;
}

}  // namespace nq
