#include "cli/demo_data.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "common/utf8.h"
#include "domain/task_status.h"

namespace nq::cli::demo_data_test {
namespace {

TEST(DemoDataTest, OrganizationRowsFormOneBlocTreeOfTheRightSize) {
  const auto rows = DemoOrganizationRows();
  std::map<std::string, const OrgService::ImportRow*> by_code;
  int grassroots = 0;
  int members = 0;
  std::map<Sector, int> sectors;
  for (const auto& row : rows) {
    ASSERT_TRUE(row.input.code && row.input.name && row.input.kind && row.input.sector);
    const std::string& code = *row.input.code;
    EXPECT_TRUE(IsValidOrgCode(code)) << code;
    EXPECT_TRUE(IsValidUtf8(*row.input.name)) << code;
    EXPECT_TRUE(by_code.emplace(code, &row).second) << "repeated " << code;
    if (row.parent_code.empty()) {
      EXPECT_EQ(code, kDemoRootCode);
      EXPECT_EQ(*row.input.kind, OrgKind::kBlocCommittee);
    } else {
      // Parents come first, so one import creates the whole tree.
      ASSERT_EQ(by_code.count(row.parent_code), 1u) << code;
      const OrgKind parent_kind = *by_code[row.parent_code]->input.kind;
      if (*row.input.kind == OrgKind::kSubCell) {
        EXPECT_EQ(parent_kind, OrgKind::kBaseCommittee) << code;
      } else {
        EXPECT_EQ(parent_kind, OrgKind::kBlocCommittee) << code;
      }
    }
    const OrgKind kind = *row.input.kind;
    if (kind == OrgKind::kBaseCommittee || kind == OrgKind::kBaseCell) {
      ++grassroots;
      ++sectors[*row.input.sector];
    }
    // Members belong to cells: committees hold none themselves.
    if (kind == OrgKind::kBaseCell || kind == OrgKind::kSubCell) {
      EXPECT_GE(*row.input.members, 5) << code;
      EXPECT_LE(*row.input.members, 150) << code;
    } else {
      EXPECT_EQ(*row.input.members, 0) << code;
    }
    members += *row.input.members;
  }
  EXPECT_GE(grassroots, 120);
  EXPECT_LE(grassroots, 150);
  EXPECT_GE(members, 4500);
  EXPECT_LE(members, 5500);
  for (Sector s : {Sector::kStateAgency, Sector::kPublicServiceUnit, Sector::kStateEnterprise,
                   Sector::kNonStateEnterprise}) {
    EXPECT_GE(sectors[s], 5) << SectorCode(s);
  }
  ASSERT_EQ(by_code.count("BTR.STC"), 1u);
  EXPECT_EQ(*by_code["BTR.STC"]->input.name, "Đảng bộ Sở Tài chính");
  EXPECT_EQ(by_code.count(kDemoClosedCode), 1u);
}

TEST(DemoDataTest, RowsAreTheSameOnEveryCall) {
  const auto a = DemoOrganizationRows();
  const auto b = DemoOrganizationRows();
  ASSERT_EQ(a.size(), b.size());
  int differing_workers = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].line, b[i].line);
    EXPECT_EQ(a[i].input.code, b[i].input.code);
    EXPECT_EQ(a[i].input.workers, b[i].input.workers);
    EXPECT_EQ(a[i].input.sort_order, b[i].input.sort_order);
    if (*a[i].input.workers != *a[i].input.members) ++differing_workers;
  }
  // Worker counts come from the generator, not a copy of the member counts.
  EXPECT_GT(differing_workers, 100);
}

TEST(DemoDataTest, OneUserPerRoleAndTwoSiblingReporters) {
  const auto users = DemoUsers();
  std::set<Role> roles;
  std::set<std::string> reporter_orgs;
  for (const DemoUser& u : users) {
    EXPECT_TRUE(IsValidUsername(u.username)) << u.username;
    roles.insert(u.role);
    if (u.role == Role::kReporter) reporter_orgs.insert(u.org_code);
  }
  EXPECT_EQ(roles.size(), 4u);
  EXPECT_EQ(reporter_orgs, (std::set<std::string>{"BTR.STC", "BTR.SYT"}));
}

// The state of the task `ref` in `tasks` on the review date.
TaskState StateOf(const std::vector<BundleTask>& tasks, const std::string& ref) {
  for (const BundleTask& b : tasks) {
    if (b.ref == ref) return StateAsOf(b.task, kDemoReviewDate);
  }
  ADD_FAILURE() << "no task " << ref;
  return TaskState::kNotAssigned;
}

TEST(DemoDataTest, ProvincialResolutionHas18DocumentsAnd11ProjectsWithMilestones) {
  auto sets = DemoTasksAfterUpdates();
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  ASSERT_EQ(sets->size(), 2u);
  const ResolutionTasks& provincial = (*sets)[1];
  EXPECT_EQ(provincial.resolution.number, "01-NQ/ĐH");
  int documents = 0;
  int projects = 0;
  for (const BundleTask& b : provincial.tasks) {
    if (b.task.product == ProductKind::kDocument) ++documents;
    if (b.task.product != ProductKind::kProject) continue;
    ++projects;
    ASSERT_TRUE(b.task.project.has_value()) << b.ref;
    EXPECT_GE(b.task.project->milestones.size(), 3u) << b.ref;
    EXPECT_LE(b.task.project->milestones.size(), 5u) << b.ref;
  }
  EXPECT_EQ(documents, 18);
  EXPECT_EQ(projects, 11);
  EXPECT_EQ(provincial.tasks.size(), 29u);
}

TEST(DemoDataTest, EveryStateOccursOnTheReviewDateAndMostAreDoneOnTime) {
  auto sets = DemoTasksAfterUpdates();
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  std::vector<AssignedTask> all;
  for (const ResolutionTasks& r : *sets) {
    for (const BundleTask& b : r.tasks) all.push_back(b.task);
  }
  const TaskCounts counts = CountStates(all, kDemoReviewDate);
  EXPECT_EQ(counts.Get(TaskState::kNotAssigned), 0);
  for (TaskState s : {TaskState::kDoneLate, TaskState::kOpenInTime, TaskState::kOverdue}) {
    EXPECT_GT(counts.Get(s), 0) << TaskStateCode(s);
    EXPECT_GT(counts.Get(TaskState::kDoneOnTime), counts.Get(s)) << TaskStateCode(s);
  }
  // As the tables mean them (checked by hand against their dates).
  const std::vector<BundleTask>& bloc = (*sets)[0].tasks;
  const std::vector<BundleTask>& province = (*sets)[1].tasks;
  EXPECT_EQ(StateOf(bloc, "SH2"), TaskState::kDoneOnTime);   // every quarter on time
  EXPECT_EQ(StateOf(bloc, "SH3"), TaskState::kDoneLate);     // 2021Q3 late
  EXPECT_EQ(StateOf(bloc, "DN5"), TaskState::kOverdue);      // no report for 2022
  EXPECT_EQ(StateOf(bloc, "CDS2"), TaskState::kDoneOnTime);  // monthly, April due 5/5/2023
  EXPECT_EQ(StateOf(bloc, "DN4"), TaskState::kOpenInTime);
  EXPECT_EQ(StateOf(province, "VB01"), TaskState::kDoneOnTime);
  EXPECT_EQ(StateOf(province, "VB04"), TaskState::kDoneLate);    // 20/4 for 31/3/2021
  EXPECT_EQ(StateOf(province, "VB17"), TaskState::kOverdue);     // due 31/12/2022
  EXPECT_EQ(StateOf(province, "VB18"), TaskState::kOpenInTime);  // due 30/6/2023
  EXPECT_EQ(StateOf(province, "DA06"), TaskState::kDoneLate);    // 22/12 for 31/10/2021
  EXPECT_EQ(StateOf(province, "DA07"), TaskState::kOverdue);
  EXPECT_EQ(StateOf(province, "DA01"), TaskState::kOpenInTime);
}

TEST(DemoDataTest, TasksAreValidAndEveryOneHasUpdatesBeforeTheReview) {
  std::set<std::string> codes;
  for (const auto& row : DemoOrganizationRows()) codes.insert(*row.input.code);
  auto known = [&](const std::string& code) { return codes.count(code) > 0; };
  // Midnight at the end of the review day in Vietnam (UTC+7), in Unix seconds.
  const int64_t review_end = (DaysFromCivil(kDemoReviewDate) + 1) * 86400 - 25200;
  for (const DemoTaskSet& set : DemoTaskSets()) {
    std::vector<BundleTask> definitions;
    for (const DemoTaskPlan& p : set.plans) {
      definitions.push_back(p.definition);
      definitions.back().resolution_task.clear();  // titles checked when the demo imports them
      EXPECT_FALSE(p.updates.empty()) << p.definition.ref;
      for (const auto& [at, in] : p.updates) EXPECT_LT(at, review_end) << p.definition.ref;
    }
    const std::vector<std::string> problems = CheckBundleTasks(definitions, known, {});
    EXPECT_TRUE(problems.empty()) << problems.front();
  }
}

TEST(DemoDataTest, TasksAreTheSameOnEveryCall) {
  const std::vector<DemoTaskSet> a = DemoTaskSets();
  const std::vector<DemoTaskSet> b = DemoTaskSets();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].plans.size(), b[i].plans.size());
    for (size_t k = 0; k < a[i].plans.size(); ++k) {
      EXPECT_EQ(a[i].plans[k].definition, b[i].plans[k].definition);
      ASSERT_EQ(a[i].plans[k].updates.size(), b[i].plans[k].updates.size());
      for (size_t u = 0; u < a[i].plans[k].updates.size(); ++u) {
        EXPECT_EQ(a[i].plans[k].updates[u].first, b[i].plans[k].updates[u].first);
        EXPECT_EQ(a[i].plans[k].updates[u].second.percent, b[i].plans[k].updates[u].second.percent);
      }
    }
  }
}

}  // namespace
}  // namespace nq::cli::demo_data_test
