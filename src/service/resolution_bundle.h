// ResolutionBundle: a resolution with everything needed to assess it — the organizations, the
// term, the resolution, its targets and tasks, its assigned tasks (nhiệm vụ được giao), the data
// elements and data sets, and the reported values — as one self-contained value, referring to
// organizations and elements by code. It is
// the native form of the resolution JSON file (docs/formats.md; parsed and written in
// web/resolution_file.h) and lets `nqtrack assess --file` work without a database.
//
//   ExportBundle   from the database, for a principal who can read the resolution (or as the
//                  system, ExportBundleAsSystem)
//   ImportBundle   into the database as the system: organizations, elements and data sets are
//                  matched by code and created when missing (existing ones are left as they are);
//                  the term by its committee and name, the resolution by number, targets by code
//                  and tasks by title are created or updated; the bundle's assessment settings,
//                  when it has them, replace the resolution's; assigned tasks as ImportTasks
//                  below; values are imported with DataService::ImportValues (all or nothing,
//                  idempotent)
//   AssessBundle   in memory, without a database: builds the tree, the catalog and the index
//                  from the bundle and runs analytics::AssessResolution
//
// Thread-safety: functions are thread-safe; a bundle is a plain value.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/assessment.h"
#include "analytics/resolution_assessment.h"
#include "common/status.h"
#include "domain/assessment_settings.h"
#include "domain/data.h"
#include "domain/organization.h"
#include "domain/resolution.h"
#include "domain/task.h"
#include "domain/user.h"
#include "service/analytics_service.h"
#include "service/app.h"
#include "service/review_service.h"
#include "service/data_service.h"

namespace nq {

struct BundleOrg {
  Organization org;         // id ignored; parent given by code
  std::string parent_code;  // empty for a root
};

struct BundleDataSet {
  DataSet data_set;                        // id and element_ids ignored
  std::vector<std::string> element_codes;  // in form order
};

struct BundleValue {
  std::string org_code;
  std::string element_code;
  Period period;
  double value = 0;  // as stored (yes/no 1/0, a category's index)
  bool estimate = false;
  std::string comment;
};

// Nhiệm vụ được giao as a file holds it: organizations by code, the breakthrough or key task by
// its title, the parent task by the file's own `ref`.
struct BundleTask {
  int line = 0;       // the CSV line it came from (1-based); 0 for JSON
  std::string ref;    // unique within the file (export writes "NV<id>"); what parent_ref names
  AssignedTask task;  // every id in it is ignored: the codes and refs below say it
  std::string owner_code;
  std::vector<std::string> cooperating_codes;
  // A breakthrough or key task of the resolution by title, or (the CSV column) by its position
  // 1..n when no title is that number; empty: none.
  std::string resolution_task;
  std::string parent_ref;  // empty: a top-level task
  // Set by the CSV reader, whose columns cannot say the document's title and issuing body, the
  // project with its milestones and the completions of a recurring task: a task that exists
  // already keeps its stored ones.
  bool partial = false;
  bool operator==(const BundleTask&) const = default;
};

// One resolution with its assigned tasks (the tasks file, `nqtrack export tasks`).
struct ResolutionTasks {
  Resolution resolution;
  std::vector<BundleTask> tasks;
};

struct ResolutionBundle {
  std::vector<BundleOrg> organizations;  // parents before children
  std::string committee_code;            // the organization whose term it is
  Term term;                             // ids ignored
  Resolution resolution;
  std::vector<Target> targets;
  std::vector<ResolutionTask> tasks;
  std::vector<BundleTask> assigned_tasks;  // parents before or after children: refs link them
  std::vector<DataElement> elements;     // ids ignored
  std::vector<BundleDataSet> data_sets;
  std::vector<BundleValue> values;
  // Cài đặt đánh giá; nullopt: none given (assessing uses the defaults, importing keeps what the
  // database has). Exported always (the resolution's settings, or the defaults).
  std::optional<AssessmentSettings> settings;
};

// Checks a bundle on its own: every organization, element, data set, term, resolution, target
// and task valid (the domain rules), codes unique, parents and the committee known, values
// naming known organizations and elements with periods of the element's type and valid values,
// the assessment settings (when given) valid (ValidateAssessmentSettings), the assigned tasks
// as CheckBundleTasks says. Invalid "bundle.invalid" with one line per problem ("values[12]:
// ...") in the message.
Status ValidateBundle(const ResolutionBundle& b);

// The problems of assigned tasks, one line each, "assigned_tasks[3]: ..." (or "dòng 4: ..." for
// a task read from CSV, by its line): a blank or repeated ref; two tasks with the same title and
// owner (the key import matches on); an owner or cooperating code for which `org_known` is
// false; a resolution task that is none of `resolution_tasks`; a parent ref that is unknown or
// makes a cycle; the domain rules of ValidateAssignedTask (deadline before the assignment,
// completion without the product, ...). Empty when all is well.
std::vector<std::string> CheckBundleTasks(const std::vector<BundleTask>& tasks,
                                          const std::function<bool(const std::string&)>& org_known,
                                          const std::vector<ResolutionTask>& resolution_tasks);

// The resolution `resolution_id` as `p` sees it: the organizations of the committee's subtree
// within the principal's scope, every data element and data set, the values of those
// organizations, and the assigned tasks the principal sees whose owner is among them (a
// cooperating organization outside them is left out, and so is a parent task not exported).
Result<ResolutionBundle> ExportBundle(App& app, const Principal& p, int64_t resolution_id);
// ExportBundle as the system (the CLI): the committee's whole subtree, with every task owned in
// it. NotFound "resolution.not_found".
Result<ResolutionBundle> ExportBundleAsSystem(App& app, int64_t resolution_id);

struct TaskImportSummary {
  int created = 0;
  int updated = 0;  // definition changed
  int unchanged = 0;
  // Tasks that exist already and whose progress in the file differs from the stored one, each
  // "ref (title)": their stored progress is kept (progress comes from progress updates).
  std::vector<std::string> progress_kept;
  std::map<std::string, int64_t> ids;  // the stored task's id by the ref of each task given
};

// Writes assigned tasks into the stored resolution `resolution_id` as the system. Each task is
// matched by title and owner among the resolution's tasks: a new one is created with its
// progress, completions and product as given (the records of tasks assigned before nqtrack); an
// existing one gets the file's definition (title, owner, cooperating organizations, assigning
// document, dates, deadline, product, resolution task, parent) and keeps the progress its
// updates recorded (TaskService::Update). Every task is checked first (CheckBundleTasks against
// the database's organizations and the resolution's tasks): Invalid "tasks.invalid" listing
// every problem, and nothing written. The tasks are then written in one transaction
// (TaskService::SaveAllAsSystem): all or nothing, also when the process dies or the database
// fails midway. Importing the same tasks twice changes nothing. NotFound
// "resolution.not_found".
Result<TaskImportSummary> ImportTasks(App& app, int64_t resolution_id,
                                      const std::vector<BundleTask>& tasks,
                                      const store::Actor& actor);

// The assigned tasks of the stored resolution `resolution_id` (or, unset, of every resolution
// that has any, by id) as the system, by task id, refs "NV<id>". NotFound
// "resolution.not_found".
Result<std::vector<ResolutionTasks>> ExportTasksAsSystem(App& app,
                                                         std::optional<int64_t> resolution_id);

struct BundleImportSummary {
  int organizations = 0;  // created
  int elements = 0;       // created
  int data_sets = 0;      // created
  int targets = 0;        // created or updated
  int tasks = 0;
  TaskImportSummary assigned_tasks;
  ImportSummary values;
  int64_t resolution_id = 0;
};

// Writes the bundle into the database as the system (see above). Validates first; fails before
// writing anything when the bundle is invalid or its values would not import.
Result<BundleImportSummary> ImportBundle(App& app, const ResolutionBundle& b,
                                         const store::Actor& actor,
                                         const std::function<void(int, int)>& progress = {});

// Assesses the bundle's resolution as of `as_of` for the subtree of `org_code` (empty: the
// committee), with the bundle's assessment settings (the defaults when it has none). NotFound
// "org.not_found" for an unknown code; the bundle is validated first.
Result<analytics::ResolutionResult> AssessBundle(const ResolutionBundle& b, const Date& as_of,
                                                 const std::string& org_code);
// The review of the bundle's resolution as of `as_of` for the subtree of `org_code` (empty: the
// committee), without a database: AssessBundle's assessment, and for each direct child of the
// subtree's root open on as_of its own (one index built for all), the bundle's assigned tasks
// owned in the subtree (numbered in file order), no reporting (a file has no submission dates).
// Errors: AssessBundle's, review::BuildReview's.
Result<review::Review> ReviewBundle(const ResolutionBundle& b, const Date& as_of,
                                    review::ReviewKind kind, const std::string& org_code);

// Assesses a resolution of the database as the system (the CLI): every organization is in
// scope. `org_code` empty: the resolution's committee. The resolution's stored assessment
// settings apply.
Result<ResolutionDashboard> AssessInDatabase(App& app, int64_t resolution_id, const Date& as_of,
                                             const std::string& org_code);
// The review of a resolution of the database as the system (the CLI), for the subtree of
// `org_code` (empty: the committee): BuildReview (service/review_service.h) with every
// organization in scope. NotFound "org.not_found" for an unknown code.
Result<review::Review> ReviewInDatabase(App& app, ReviewRequest r, const std::string& org_code);

}  // namespace nq
