// The demo data set of `nqtrack demo` (dữ liệu minh họa — illustrative, not real figures):
//
//   - the bloc party committee "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre" (code BTR, kind
//     bloc_committee) with about 130 grassroots organizations of every kind and sector: base
//     committees of provincial departments and large units with their sub-cells
//     ("BTR.STC" Đảng bộ Sở Tài chính > "BTR.STC.VP" Chi bộ Văn phòng Sở), base cells of smaller
//     agencies, public service units, state enterprises and non-state enterprises (some founded
//     during the term, one closed in 2022);
//   - member and worker counts are direct: members belong to cells, so a base committee holds
//     none itself and a subtree's total is the sum over it; about 5,000 members in all;
//   - the term 2020–2025 and the resolution "01-NQ/ĐUK" of the 13th Congress with 7 targets and
//     4 breakthrough tasks (demo_plan.cc), and 20 tasks assigned under them (demo_tasks.cc);
//   - the provincial congress resolution the bloc follows, "01-NQ/ĐH", with its 18 concretizing
//     documents and 11 key projects owned by the bloc's organizations (demo_province.cc); every
//     assigned task's progress is posted as dated updates before the review date, so that on
//     17/5/2023 most tasks are done on time, some late, a few overdue and some still in time
//     (demo_progress.cc);
//   - the mid-term review as of 17/5/2023 with the committee's lessons and directions, issued as
//     25-BC/ĐUK (demo_review.cc);
//   - one login per role (DemoUsers), all with the password kDemoPassword.
//
// Deterministic: the same rows, the same numbers (worker counts come from a fixed-seed generator)
// on every run, so tests may rely on names, codes and counts. Everything is written through the
// service layer (ImportAsSystem, CreateAsSystem, ...), so audit rows exist as for any change.
// Not thread-safe; run once on an empty database.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/task.h"
#include "domain/task_update.h"
#include "domain/user.h"
#include "service/app.h"
#include "service/org_service.h"
#include "service/resolution_bundle.h"

namespace nq::cli {

inline constexpr const char* kDemoPassword = "nqtrack-demo";
inline constexpr const char* kDemoRootCode = "BTR";

// A demo login: who it is and where (the organization by code).
struct DemoUser {
  std::string username;
  std::string full_name;
  Role role = Role::kViewer;
  std::string org_code;
  std::string note;  // the post, e.g. "Văn phòng Đảng ủy Khối"
  Board board = Board::kNone;
};

struct DemoSummary {
  int organizations = 0;  // every organization, the root included
  int grassroots = 0;     // base committees and base cells
  int members = 0;
  int workers = 0;
  int targets = 0;
  int tasks = 0;
  int data_sets = 0;
  int values = 0;
  std::string resolution_number;
  int64_t resolution_id = 0;
  int assigned_tasks = 0;  // of both resolutions
  int progress_updates = 0;
  std::string provincial_number;
  int64_t provincial_id = 0;
  int records = 0;             // party-building records (demo_records.cc)
  int64_t review_id = 0;       // the issued mid-term review (demo_review.cc)
  std::string review_number;   // "25-BC/ĐUK"
  std::vector<DemoUser> users;
};

// The organization rows, parents before children, each with its line number in the table
// (1-based) so that errors name the row. Deterministic.
std::vector<OrgService::ImportRow> DemoOrganizationRows();
// The code of the organization closed during the term, and its closing date.
inline constexpr const char* kDemoClosedCode = "BTR.TTXTDT";
inline constexpr Date kDemoClosedOn{2022, 6, 30};

// The demo logins: admin, bantochuc (committee), lanhdao (viewer), baocao.stc and baocao.syt
// (reporters of the sibling organizations BTR.STC and BTR.SYT).
std::vector<DemoUser> DemoUsers();

// The titles of the resolution's 4 breakthrough tasks, by position: CreateDemoPlan writes them,
// the demo's assigned tasks serve them (demo_tasks.cc).
inline constexpr const char* kDemoBreakthroughTitles[] = {
    "Nâng cao chất lượng sinh hoạt chi bộ",
    "Phát triển tổ chức đảng và đảng viên trong doanh nghiệp ngoài khu vực Nhà nước",
    "Đẩy mạnh chuyển đổi số trong công tác xây dựng Đảng",
    "Nâng cao vai trò nêu gương của người đứng đầu cấp ủy, cơ quan, đơn vị",
};

// Writes the term, the resolution, its targets and breakthrough tasks for the committee
// `root_org_id`; fills summary->targets, tasks and resolution_number.
Status CreateDemoPlan(App& app, int64_t root_org_id, DemoSummary* summary);

// The demo's data sets (biểu mẫu báo cáo): monthly party-building report of the grassroots
// organizations, their yearly rating report, and the bloc's yearly report on non-state
// enterprises (demo_reporting.cc).
inline constexpr const char* kDemoMonthlySet = "XDD-THANG";
inline constexpr const char* kDemoYearlySet = "XDD-NAM";
inline constexpr const char* kDemoEnterpriseSet = "DN-NAM";
// The demo's mid-term review date, up to which values exist.
inline constexpr Date kDemoReviewDate{2023, 5, 17};

// The party-building records of the grassroots organizations and cells under `root_org_id` from
// the start of the term to kDemoReviewDate (demo_records.cc): dissemination of six documents,
// cell meetings, role-model pledges, workers' conferences, inspections, and one admission per
// new member reported. Call after CreateDemoReporting; fills summary->records.
Status CreateDemoRecords(App& app, int64_t root_org_id, DemoSummary* summary);

// The number the demo's mid-term review is issued under ("25-BC/ĐUK").
inline constexpr int kDemoReviewNumber = 25;

// The committee user makes the mid-term review of the resolution as of kDemoReviewDate, writes
// its lessons and directions, and issues it as kDemoReviewNumber (demo_review.cc); fills
// summary->review_id and review_number. Call after the plan, the reports and the tasks.
Status CreateDemoReview(App& app, const Principal& committee, DemoSummary* summary);

// The instant `hour`:`minute` of the day `d` in Vietnam (UTC+7), in Unix seconds: when a demo
// report or progress update was sent.
inline int64_t DemoInstant(const Date& d, int hour, int minute = 0) {
  return DaysFromCivil(d) * 86400 + (int64_t{hour - 7} * 60 + minute) * 60;
}

// The indicator formula of a demo target by its code ("MT3" -> "new_members"); empty if none.
std::string DemoIndicator(const std::string& target_code);

// Writes the data elements, the data sets, the values from August 2020 to May 2023 and the
// reports' history under `root_org_id`; fills summary->data_sets and values.
Status CreateDemoReporting(App& app, int64_t root_org_id, DemoSummary* summary);

// --- assigned tasks (demo_tasks.cc, demo_province.cc, demo_progress.cc) ---------------------

// The provincial congress resolution the bloc follows: "01-NQ/ĐH", adopted 16/10/2020.
Resolution DemoProvincialResolution();

// A milestone of a demo key project: ISO dates, done "" while open.
struct DemoMilestone {
  const char* title;
  const char* due;
  const char* done;
};

// An evidence file of the demo: a one-page PDF showing `text` (ASCII: the PDF's base font has no
// Vietnamese letters), uploaded as `file_name`. No file when file_name is "".
struct DemoEvidence {
  const char* file_name = "";
  const char* text = "";
};

// A task as the demo's tables give it: codes, ISO dates, and the facts its progress updates
// tell (when it was done, how far an open one has come).
struct DemoTaskRow {
  const char* ref;
  const char* parent = "";           // ref of the parent task
  const char* resolution_task = "";  // title of the breakthrough task served
  const char* owner = "";
  std::vector<std::string> cooperating = {};  // codes
  const char* title = "";
  const char* assigning = "";  // văn bản giao
  const char* assigned = "";
  const char* due = "";  // one-off: the deadline; recurring: the series' last day
  TaskRecurrence recurrence = TaskRecurrence::kOnce;
  int offset_days = 10;
  ProductKind product = ProductKind::kNone;
  // Document: its number once issued; one-off report: its number; recurring report: the symbol
  // its numbers end with ("BC/ĐU" gives "12-BC/ĐU").
  const char* number = "";
  const char* doc_title = "";  // document: trích yếu; project: name
  const char* body = "";       // document: issuing body; project: location
  const char* done = "";       // one-off: the completion (document: also its issue) date
  int percent = 0;             // an open one-off task's progress
  const char* late = "";       // recurring: the periods reported late ("2021Q3 2022Q1")
  const char* missing = "";    // recurring: the periods not reported
  std::vector<DemoMilestone> milestones = {};
  DemoEvidence evidence = {};  // document: attached to the update that records its issue
};

// The rows of the bloc resolution's tasks and of the provincial resolution's documents and
// projects.
std::vector<DemoTaskRow> DemoBlocTaskRows();
std::vector<DemoTaskRow> DemoProvincialTaskRows();

// A task as assigned (no progress) and the progress updates that follow, in date order, each
// dated (Vietnam time) before the review date.
struct DemoTaskPlan {
  BundleTask definition;
  std::vector<std::pair<int64_t, ProgressInput>> updates;  // (Unix seconds, update)
  DemoEvidence evidence;  // the row's, for the update that carries the issued document
};

struct DemoTaskSet {
  Resolution resolution;  // the provincial one, or the bloc's (number only)
  std::vector<DemoTaskPlan> plans;
};

// The demo's tasks of both resolutions with their updates. Deterministic (fixed-seed dates and
// percents of intermediate updates).
std::vector<DemoTaskSet> DemoTaskSets();

// Each task as its updates leave it (ApplyProgress in order), by resolution: the states the demo
// shows. Internal "demo.task_invalid" naming the task when an update does not apply.
Result<std::vector<ResolutionTasks>> DemoTasksAfterUpdates();

// Creates the provincial resolution in the term of the bloc's (summary->resolution_id), imports
// both resolutions' tasks (ImportTasks) and posts their updates (PostProgressAsSystem); fills
// summary->assigned_tasks, progress_updates, provincial_number and provincial_id. Needs
// CreateDemoPlan first.
Status CreateDemoTasks(App& app, DemoSummary* summary);

// Creates the whole demo on an empty database. Conflict "demo.not_empty" when organizations
// exist already; any service error otherwise (what was written before it stays written: the
// caller deletes the file and starts again).
Result<DemoSummary> CreateDemo(App& app);

}  // namespace nq::cli
