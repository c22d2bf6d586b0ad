// ResolutionBundle: a resolution with everything needed to assess it — the organizations, the
// term, the resolution, its targets and tasks, the data elements and data sets, and the reported
// values — as one self-contained value, referring to organizations and elements by code. It is
// the native form of the resolution JSON file (docs/formats.md; parsed and written in
// web/resolution_file.h) and lets `nqtrack assess --file` work without a database.
//
//   ExportBundle   from the database, for a principal who can read the resolution
//   ImportBundle   into the database as the system: organizations, elements and data sets are
//                  matched by code and created when missing (existing ones are left as they are);
//                  the term by its committee and name, the resolution by number, targets by code
//                  and tasks by title are created or updated; the bundle's assessment settings,
//                  when it has them, replace the resolution's; values are imported with
//                  DataService::ImportValues (all or nothing, idempotent)
//   AssessBundle   in memory, without a database: builds the tree, the catalog and the index
//                  from the bundle and runs analytics::AssessResolution
//
// Thread-safety: functions are thread-safe; a bundle is a plain value.
#pragma once

#include <cstdint>
#include <functional>
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
#include "domain/user.h"
#include "service/analytics_service.h"
#include "service/app.h"
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

struct ResolutionBundle {
  std::vector<BundleOrg> organizations;  // parents before children
  std::string committee_code;            // the organization whose term it is
  Term term;                             // ids ignored
  Resolution resolution;
  std::vector<Target> targets;
  std::vector<ResolutionTask> tasks;
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
// the assessment settings (when given) valid (ValidateAssessmentSettings).
// Invalid "bundle.invalid" with one line per problem ("values[12]: ...") in the message.
Status ValidateBundle(const ResolutionBundle& b);

// The resolution `resolution_id` as `p` sees it: the organizations of the committee's subtree
// within the principal's scope, every data element and data set, and the values of those
// organizations.
Result<ResolutionBundle> ExportBundle(App& app, const Principal& p, int64_t resolution_id);

struct BundleImportSummary {
  int organizations = 0;  // created
  int elements = 0;       // created
  int data_sets = 0;      // created
  int targets = 0;        // created or updated
  int tasks = 0;
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

// Assesses a resolution of the database as the system (the CLI): every organization is in
// scope. `org_code` empty: the resolution's committee. The resolution's stored assessment
// settings apply.
Result<ResolutionDashboard> AssessInDatabase(App& app, int64_t resolution_id, const Date& as_of,
                                             const std::string& org_code);

}  // namespace nq
