// ResolutionBundle: export from and import into the database, and the assessment of a stored
// resolution for the CLI.
#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "service/resolution_bundle.h"
#include "service/resolution_bundle_internal.h"

namespace nq {
namespace {

// The system as an administrator of one root of the tree: every organization below is in scope.
Principal SystemAt(int64_t root) {
  Principal p;
  p.username = "system";
  p.role = Role::kAdmin;
  p.org_id = root;
  return p;
}

// The root of the tree that holds `org_id`.
int64_t RootOf(const OrgTree& tree, int64_t org_id) {
  const std::vector<int64_t> path = tree.Path(org_id);
  return path.empty() ? 0 : path.front();
}

// The system as the services that take a principal need it to see all of a stored resolution:
// an administrator of the root of the tree that holds its committee. NotFound
// "resolution.not_found".
Result<Principal> SystemFor(App& app, int64_t resolution_id) {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, app.plans().GetResolutionAsSystem(resolution_id));
  return SystemAt(RootOf(*app.orgs().tree(), detail.term.org_id));
}

// The text DataService::ImportValues reads back as the same stored number.
std::string ValueText(const DataElement& e, double value) {
  switch (e.type) {
    case ValueType::kYesNo:
      return value != 0 ? "1" : "0";
    case ValueType::kCategory: {
      const auto i = static_cast<size_t>(value);
      return i < e.categories.size() ? e.categories[i] : FormatNumberVi(value, 0);
    }
    case ValueType::kNumber:
    case ValueType::kPercent:
      break;
  }
  return FormatNumberVi(value, 15);
}

Status CreateMissingOrganizations(App& app, const ResolutionBundle& b, const store::Actor& actor,
                                  BundleImportSummary* summary) {
  const std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  std::vector<OrgService::ImportRow> rows;
  for (size_t i = 0; i < b.organizations.size(); ++i) {
    const BundleOrg& o = b.organizations[i];
    bool exists = false;
    for (size_t k = 0; k < tree->size() && !exists; ++k) {
      exists = tree->At(static_cast<int>(k)).code == o.org.code;
    }
    if (exists) continue;
    OrgService::ImportRow row;
    row.line = static_cast<int>(i) + 1;
    row.parent_code = o.parent_code;
    row.input.code = o.org.code;
    row.input.name = o.org.name;
    row.input.kind = o.org.kind;
    row.input.sector = o.org.sector;
    row.input.sort_order = o.org.sort_order;
    row.input.members = o.org.members;
    row.input.workers = o.org.workers;
    row.input.valid_from = o.org.valid_from;
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return Status::Ok();
  NQ_ASSIGN_OR_RETURN(summary->organizations, app.orgs().ImportAsSystem(rows, actor));
  return Status::Ok();
}

// Creates the elements and data sets the database lacks; returns element ids by code.
Result<std::map<std::string, DataElement>> CreateMissingDefinitions(
    App& app, const Principal& sys, const ResolutionBundle& b, const store::Actor& actor,
    BundleImportSummary* summary) {
  DataService& data = app.data();
  std::map<std::string, DataElement> elements;
  NQ_ASSIGN_OR_RETURN(std::vector<DataElement> stored, data.ListElements(sys));
  for (DataElement& e : stored) elements[e.code] = std::move(e);
  for (const DataElement& e : b.elements) {
    if (elements.count(e.code) > 0) continue;
    NQ_ASSIGN_OR_RETURN(DataElement created, data.CreateElementAsSystem(e, actor));
    elements[created.code] = created;
    ++summary->elements;
  }
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets, data.ListDataSets(sys));
  for (const BundleDataSet& s : b.data_sets) {
    const bool exists = std::any_of(sets.begin(), sets.end(), [&](const DataSet& d) {
      return d.code == s.data_set.code;
    });
    if (exists) continue;
    DataSet set = s.data_set;
    set.id = 0;
    set.element_ids.clear();
    for (const std::string& code : s.element_codes) set.element_ids.push_back(elements.at(code).id);
    NQ_RETURN_IF_ERROR(data.CreateDataSetAsSystem(set, actor).status());
    ++summary->data_sets;
  }
  return elements;
}

// Creates or updates the term, the resolution, its targets and tasks; returns the resolution id.
Result<int64_t> SavePlan(App& app, const Principal& sys, const ResolutionBundle& b,
                         int64_t committee_id, const store::Actor& actor,
                         BundleImportSummary* summary) {
  PlanService& plans = app.plans();
  Term term = b.term;
  term.id = 0;
  term.org_id = committee_id;
  NQ_ASSIGN_OR_RETURN(std::vector<Term> terms, plans.ListTerms(sys));
  for (const Term& t : terms) {
    if (t.org_id == committee_id && t.name == term.name) term.id = t.id;
  }
  NQ_ASSIGN_OR_RETURN(term, term.id == 0 ? plans.CreateTermAsSystem(term, actor)
                                         : plans.UpdateTerm(sys, term, actor));
  Resolution res = b.resolution;
  res.id = 0;
  res.term_id = term.id;
  NQ_ASSIGN_OR_RETURN(std::vector<Resolution> resolutions, plans.ListResolutions(sys, term.id));
  for (const Resolution& r : resolutions) {
    if (r.number == res.number) res.id = r.id;
  }
  NQ_ASSIGN_OR_RETURN(res, res.id == 0 ? plans.CreateResolutionAsSystem(res, actor)
                                       : plans.UpdateResolution(sys, res, actor));
  NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, plans.GetResolution(sys, res.id));
  for (Target t : b.targets) {
    t.id = 0;
    t.resolution_id = res.id;
    for (const Target& old : detail.targets) {
      if (old.code == t.code) t.id = old.id;
    }
    NQ_RETURN_IF_ERROR((t.id == 0 ? plans.CreateTargetAsSystem(t, actor)
                                  : plans.UpdateTarget(sys, t, actor))
                           .status());
    ++summary->targets;
  }
  for (ResolutionTask task : b.tasks) {
    task.id = 0;
    task.resolution_id = res.id;
    for (const ResolutionTask& old : detail.tasks) {
      if (old.title == task.title) task.id = old.id;
    }
    NQ_RETURN_IF_ERROR((task.id == 0 ? plans.CreateTaskAsSystem(task, actor)
                                     : plans.UpdateTask(sys, task, actor))
                           .status());
    ++summary->tasks;
  }
  if (b.settings) {
    NQ_RETURN_IF_ERROR(plans.UpdateAssessmentSettingsAsSystem(res.id, *b.settings, actor).status());
  }
  return res.id;
}

}  // namespace

Result<ResolutionBundle> ExportBundle(App& app, const Principal& p, int64_t resolution_id) {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail detail, app.plans().GetResolution(p, resolution_id));
  const std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  // The committee's subtree, or the principal's scope when it lies below the committee.
  const int64_t committee = detail.term.org_id;
  const int64_t root = tree->InSubtree(p.org_id, committee) ? committee : p.org_id;
  ResolutionBundle b;
  std::map<int64_t, std::string> org_codes;
  for (const Organization& org : tree->Subtree(root)) {
    BundleOrg o;
    o.org = org;
    if (org.id != root && org.parent_id) o.parent_code = org_codes.at(*org.parent_id);
    org_codes[org.id] = org.code;
    b.organizations.push_back(std::move(o));
  }
  b.committee_code = org_codes.at(root);
  b.term = detail.term;
  b.resolution = detail.resolution;
  b.targets = detail.targets;
  b.tasks = detail.tasks;
  b.settings = detail.settings;
  TaskFilter filter;
  filter.as_of = Today();
  filter.resolution_id = resolution_id;
  NQ_ASSIGN_OR_RETURN(TaskList visible, app.tasks().List(p, filter));
  std::vector<AssignedTask> tasks;
  for (TaskRow& row : visible.rows) tasks.push_back(std::move(row.task));
  std::sort(tasks.begin(), tasks.end(),
            [](const AssignedTask& x, const AssignedTask& y) { return x.id < y.id; });
  b.assigned_tasks = bundle_internal::ToBundleTasks(tasks, org_codes, detail.tasks);
  NQ_ASSIGN_OR_RETURN(b.elements, app.data().ListElements(p));
  std::map<int64_t, const DataElement*> elements;
  for (const DataElement& e : b.elements) elements[e.id] = &e;
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets, app.data().ListDataSets(p));
  for (const DataSet& s : sets) {
    BundleDataSet bs;
    bs.data_set = s;
    for (int64_t id : s.element_ids) bs.element_codes.push_back(elements.at(id)->code);
    b.data_sets.push_back(std::move(bs));
  }
  NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values,
                      app.data().ListValues(p, root, std::nullopt, std::nullopt));
  for (const DataValue& v : values) {
    auto org = org_codes.find(v.org_id);
    auto element = elements.find(v.element_id);
    if (org == org_codes.end() || element == elements.end()) continue;
    b.values.push_back({org->second, element->second->code, v.period, v.value, v.estimate,
                        v.comment});
  }
  return b;
}

Result<ResolutionBundle> ExportBundleAsSystem(App& app, int64_t resolution_id) {
  NQ_ASSIGN_OR_RETURN(const Principal sys, SystemFor(app, resolution_id));
  return ExportBundle(app, sys, resolution_id);
}

Result<BundleImportSummary> ImportBundle(App& app, const ResolutionBundle& b,
                                         const store::Actor& actor,
                                         const std::function<void(int, int)>& progress) {
  NQ_RETURN_IF_ERROR(ValidateBundle(b));
  BundleImportSummary summary;
  NQ_RETURN_IF_ERROR(CreateMissingOrganizations(app, b, actor, &summary));
  const std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  const Organization* committee = nullptr;
  for (size_t k = 0; k < tree->size() && committee == nullptr; ++k) {
    if (tree->At(static_cast<int>(k)).code == b.committee_code) {
      committee = &tree->At(static_cast<int>(k));
    }
  }
  if (committee == nullptr) {
    return Status::NotFound("org.not_found", "Không có tổ chức mã " + b.committee_code);
  }
  const Principal sys = SystemAt(RootOf(*tree, committee->id));
  NQ_ASSIGN_OR_RETURN(auto elements, CreateMissingDefinitions(app, sys, b, actor, &summary));
  NQ_ASSIGN_OR_RETURN(summary.resolution_id,
                      SavePlan(app, sys, b, committee->id, actor, &summary));
  if (!b.assigned_tasks.empty()) {
    NQ_ASSIGN_OR_RETURN(summary.assigned_tasks,
                        ImportTasks(app, summary.resolution_id, b.assigned_tasks, actor));
  }
  std::vector<ValueRow> rows;
  rows.reserve(b.values.size());
  for (size_t i = 0; i < b.values.size(); ++i) {
    const BundleValue& v = b.values[i];
    ValueRow row;
    row.line = static_cast<int>(i) + 1;
    row.org_code = v.org_code;
    row.element_code = v.element_code;
    row.period = v.period.ToString();
    row.value = ValueText(elements.at(v.element_code), v.value);
    row.estimate = v.estimate;
    row.comment = v.comment;
    rows.push_back(std::move(row));
  }
  NQ_ASSIGN_OR_RETURN(summary.values, app.data().ImportValues(nullptr, rows, actor, progress));
  return summary;
}

// The organization with this code (NotFound "org.not_found"); nullopt for an empty code.
Result<std::optional<int64_t>> OrgByCode(const OrgTree& tree, const std::string& org_code) {
  if (org_code.empty()) return std::optional<int64_t>();
  for (size_t k = 0; k < tree.size(); ++k) {
    if (tree.At(static_cast<int>(k)).code == org_code) {
      return std::optional<int64_t>(tree.At(static_cast<int>(k)).id);
    }
  }
  return Status::NotFound("org.not_found", "Không có tổ chức mã " + org_code);
}

Result<review::Review> ReviewInDatabase(App& app, ReviewRequest r, const std::string& org_code) {
  NQ_ASSIGN_OR_RETURN(r.root, OrgByCode(*app.orgs().tree(), org_code));
  NQ_ASSIGN_OR_RETURN(const Principal sys, SystemFor(app, r.resolution_id));
  return BuildReview(app, sys, r);
}

Result<ResolutionDashboard> AssessInDatabase(App& app, int64_t resolution_id, const Date& as_of,
                                             const std::string& org_code) {
  NQ_ASSIGN_OR_RETURN(const std::optional<int64_t> root,
                      OrgByCode(*app.orgs().tree(), org_code));
  NQ_ASSIGN_OR_RETURN(const Principal sys, SystemFor(app, resolution_id));
  return app.analytics().Assess(sys, resolution_id, as_of, root);
}

}  // namespace nq
