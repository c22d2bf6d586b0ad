// ResolutionBundle: validation and the in-memory assessment (no database).
#include "service/resolution_bundle.h"
#include "service/resolution_bundle_internal.h"

#include <iterator>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analytics/formula_eval.h"
#include "analytics/value_index.h"
#include "domain/org_tree.h"

namespace nq {
namespace {

// Collects the problems of a bundle, one line each, and turns them into one Status.
class Problems {
 public:
  void Add(const std::string& where, const Status& s) {
    if (!s.ok()) lines_.push_back(where + ": " + s.message());
  }
  void Add(const std::string& where, const std::string& message) {
    lines_.push_back(where + ": " + message);
  }
  void AddLines(const std::vector<std::string>& lines) {
    lines_.insert(lines_.end(), lines.begin(), lines.end());
  }
  Status ToStatus() const {
    return InvalidWithLines("bundle.invalid", "Tệp nghị quyết không hợp lệ:", lines_);
  }

 private:
  std::vector<std::string> lines_;
};

std::string At(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

// The bundle numbered for memory: organizations and elements get ids 1..n in file order.
struct Numbered {
  std::vector<Organization> orgs;
  std::unordered_map<std::string, int64_t> org_ids;
  std::vector<DataElement> elements;
  std::unordered_map<std::string, size_t> element_index;
};

Numbered Number(const ResolutionBundle& b) {
  Numbered n;
  for (size_t i = 0; i < b.organizations.size(); ++i) {
    n.org_ids[b.organizations[i].org.code] = static_cast<int64_t>(i) + 1;
  }
  for (size_t i = 0; i < b.organizations.size(); ++i) {
    Organization org = b.organizations[i].org;
    org.id = static_cast<int64_t>(i) + 1;
    org.parent_id.reset();
    auto parent = n.org_ids.find(b.organizations[i].parent_code);
    if (!b.organizations[i].parent_code.empty() && parent != n.org_ids.end()) {
      org.parent_id = parent->second;
    }
    n.orgs.push_back(std::move(org));
  }
  for (size_t i = 0; i < b.elements.size(); ++i) {
    DataElement e = b.elements[i];
    e.id = static_cast<int64_t>(i) + 1;
    n.element_index[e.code] = i;
    n.elements.push_back(std::move(e));
  }
  return n;
}

void CheckDefinitions(const ResolutionBundle& b, const Numbered& n, Problems& problems) {
  std::unordered_set<std::string> codes;
  for (size_t i = 0; i < b.organizations.size(); ++i) {
    const BundleOrg& o = b.organizations[i];
    // The file's root may be a committee below a bloc (an export of a subtree): only the fields
    // are checked here, the links by OrgTree.
    Organization fields = o.org;
    if (fields.kind != OrgKind::kBlocCommittee || !o.parent_code.empty()) {
      fields.parent_id = -1;
    } else {
      fields.parent_id.reset();
    }
    problems.Add(At("organizations", i), ValidateOrganization(fields));
    if (!codes.insert(o.org.code).second) {
      problems.Add(At("organizations", i), "mã tổ chức '" + o.org.code + "' bị lặp");
    }
    if (!o.parent_code.empty() && n.org_ids.count(o.parent_code) == 0) {
      problems.Add(At("organizations", i), "không có tổ chức cấp trên mã '" + o.parent_code + "'");
    }
  }
  if (n.org_ids.count(b.committee_code) == 0) {
    problems.Add("committee", "không có tổ chức mã '" + b.committee_code + "'");
  }
  problems.Add("term", ValidateTerm(b.term));
  problems.Add("resolution", ValidateResolution(b.resolution));
  if (b.settings) problems.Add("assessment_settings", ValidateAssessmentSettings(*b.settings));
  std::unordered_set<std::string> target_codes;
  for (size_t i = 0; i < b.targets.size(); ++i) {
    problems.Add(At("targets", i), ValidateTarget(b.targets[i]));
    if (!target_codes.insert(b.targets[i].code).second) {
      problems.Add(At("targets", i), "mã mục tiêu '" + b.targets[i].code + "' bị lặp");
    }
  }
  for (size_t i = 0; i < b.tasks.size(); ++i) {
    problems.Add(At("tasks", i), ValidateResolutionTask(b.tasks[i]));
    for (const std::string& code : b.tasks[i].target_codes) {
      if (target_codes.count(code) == 0) {
        problems.Add(At("tasks", i), "không có mục tiêu mã '" + code + "'");
      }
    }
  }
  problems.AddLines(CheckBundleTasks(
      b.assigned_tasks, [&](const std::string& code) { return n.org_ids.count(code) > 0; },
      b.tasks));
  std::unordered_set<std::string> element_codes;
  for (size_t i = 0; i < b.elements.size(); ++i) {
    problems.Add(At("data_elements", i), ValidateDataElement(b.elements[i]));
    if (!element_codes.insert(b.elements[i].code).second) {
      problems.Add(At("data_elements", i), "mã chỉ tiêu '" + b.elements[i].code + "' bị lặp");
    }
  }
  for (size_t i = 0; i < b.data_sets.size(); ++i) {
    const BundleDataSet& s = b.data_sets[i];
    DataSet check = s.data_set;
    check.element_ids.clear();
    for (size_t k = 0; k < s.element_codes.size(); ++k) {
      auto it = n.element_index.find(s.element_codes[k]);
      if (it == n.element_index.end()) {
        problems.Add(At("data_sets", i), "không có chỉ tiêu mã '" + s.element_codes[k] + "'");
        continue;
      }
      check.element_ids.push_back(static_cast<int64_t>(it->second) + 1);
    }
    problems.Add(At("data_sets", i), ValidateDataSet(check));
  }
}

void CheckValues(const ResolutionBundle& b, const Numbered& n, Problems& problems) {
  for (size_t i = 0; i < b.values.size(); ++i) {
    const BundleValue& v = b.values[i];
    if (n.org_ids.count(v.org_code) == 0) {
      problems.Add(At("values", i), "không có tổ chức mã '" + v.org_code + "'");
    }
    auto e = n.element_index.find(v.element_code);
    if (e == n.element_index.end()) {
      problems.Add(At("values", i), "không có chỉ tiêu mã '" + v.element_code + "'");
      continue;
    }
    const DataElement& element = n.elements[e->second];
    if (v.period.type() != element.period_type) {
      problems.Add(At("values", i), "kỳ " + v.period.ToString() + " không phải kỳ loại '" +
                                        PeriodTypeLabel(element.period_type) +
                                        "' của chỉ tiêu " + element.code);
    }
    problems.Add(At("values", i), CheckValue(element, v.value));
  }
}

// The id of `org_code` (empty: the committee) in `n`; NotFound "org.not_found" when none.
Result<int64_t> RootId(const ResolutionBundle& b, const Numbered& n, const std::string& org_code) {
  const std::string code = org_code.empty() ? b.committee_code : org_code;
  auto it = n.org_ids.find(code);
  if (it == n.org_ids.end()) {
    return Status::NotFound("org.not_found", "Không có tổ chức mã " + code);
  }
  return it->second;
}

// Assesses the bundle's resolution for each of `roots` (ids of `n`, organizations of `tree`,
// the tree built from `n`) over one index of the bundle's values, building the index once.
// The bundle is valid.
Result<std::vector<analytics::ResolutionResult>> AssessRoots(const ResolutionBundle& b,
                                                             const Numbered& n, const OrgTree& tree,
                                                             const Date& as_of,
                                                             const std::vector<int64_t>& roots) {
  analytics::ValueIndex index(tree);
  for (const DataElement& e : n.elements) {
    index.DefineElement({e.id, e.period_type, e.org_aggregation, e.time_aggregation});
  }
  std::vector<DataValue> values;
  values.reserve(b.values.size());
  for (const BundleValue& v : b.values) {
    DataValue dv;
    dv.org_id = n.org_ids.at(v.org_code);
    dv.element_id = static_cast<int64_t>(n.element_index.at(v.element_code)) + 1;
    dv.period = v.period;
    dv.value = v.value;
    dv.estimate = v.estimate;
    values.push_back(std::move(dv));
  }
  NQ_RETURN_IF_ERROR(index.Load(values));
  const analytics::ElementCatalog catalog(n.elements);
  analytics::ResolutionInput in;
  in.term_start = b.term.start;
  in.term_end = b.term.end;
  in.targets = b.targets;
  in.committee_org = n.org_ids.at(b.committee_code);
  in.as_of = as_of;
  in.tree = &tree;
  if (b.settings) in.config = WithSortedBuckets(*b.settings);
  std::vector<analytics::ResolutionResult> out;
  for (int64_t root : roots) {
    in.root_org = root;
    NQ_ASSIGN_OR_RETURN(analytics::ResolutionResult r,
                        analytics::AssessResolution(index, catalog, in));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Status ValidateBundle(const ResolutionBundle& b) {
  const Numbered n = Number(b);
  Problems problems;
  CheckDefinitions(b, n, problems);
  CheckValues(b, n, problems);
  NQ_RETURN_IF_ERROR(problems.ToStatus());
  return OrgTree::Build(n.orgs).status();
}

Result<analytics::ResolutionResult> AssessBundle(const ResolutionBundle& b, const Date& as_of,
                                                 const std::string& org_code) {
  NQ_RETURN_IF_ERROR(ValidateBundle(b));
  const Numbered n = Number(b);
  NQ_ASSIGN_OR_RETURN(const int64_t root, RootId(b, n, org_code));
  NQ_ASSIGN_OR_RETURN(const OrgTree tree, OrgTree::Build(n.orgs));
  NQ_ASSIGN_OR_RETURN(std::vector<analytics::ResolutionResult> results,
                      AssessRoots(b, n, tree, as_of, {root}));
  return std::move(results.front());
}

Result<review::Review> ReviewBundle(const ResolutionBundle& b, const Date& as_of,
                                    review::ReviewKind kind, const std::string& org_code) {
  NQ_RETURN_IF_ERROR(ValidateBundle(b));
  const Numbered n = Number(b);
  NQ_ASSIGN_OR_RETURN(const int64_t root, RootId(b, n, org_code));
  NQ_ASSIGN_OR_RETURN(const OrgTree tree, OrgTree::Build(n.orgs));
  // The root first, then its direct children open on as_of (the per-organization rows).
  std::vector<int64_t> roots{root};
  for (int64_t child : tree.Children(root)) {
    if (IsActiveOn(*tree.Find(child), as_of)) roots.push_back(child);
  }
  NQ_ASSIGN_OR_RETURN(std::vector<analytics::ResolutionResult> results,
                      AssessRoots(b, n, tree, as_of, roots));
  review::ReviewInput in;
  in.kind = kind;
  in.as_of = as_of;
  in.term = b.term;
  in.resolution = b.resolution;
  in.resolution_tasks = b.tasks;
  for (size_t i = 0; i < in.resolution_tasks.size(); ++i) {
    in.resolution_tasks[i].id = static_cast<int64_t>(i) + 1;
  }
  in.root_org = root;
  review::TaskGroup own{b.resolution, in.resolution_tasks, {}};
  for (size_t i = 0; i < b.assigned_tasks.size(); ++i) {
    const BundleTask& bt = b.assigned_tasks[i];
    AssignedTask t = bt.task;
    t.id = static_cast<int64_t>(i) + 1;
    t.owner_org_id = n.org_ids.at(bt.owner_code);  // ValidateBundle checked the codes
    const ResolutionTask* rt =
        bundle_internal::FindResolutionTask(in.resolution_tasks, bt.resolution_task);
    t.resolution_task_id = rt ? std::optional<int64_t>(rt->id) : std::nullopt;
    if (tree.InSubtree(in.root_org, t.owner_org_id)) own.tasks.push_back(std::move(t));
  }
  in.tasks.push_back(std::move(own));
  in.assessment = std::move(results.front());
  in.children.assign(std::make_move_iterator(results.begin() + 1),
                     std::make_move_iterator(results.end()));
  in.tree = &tree;
  return review::BuildReview(in);
}

}  // namespace nq
