#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/test_date.h"
#include "service/resolution_bundle.h"
#include "service/service_test_util.h"

namespace nq::resolution_bundle_tasks_test {
namespace {

bool Has(const std::vector<std::string>& lines, const std::string& needle) {
  for (const std::string& l : lines) {
    if (l.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// A one-off document task of `owner`, assigned 5/1/2021, due 31/3/2021.
BundleTask DocumentTask(const std::string& ref, const std::string& owner) {
  BundleTask b;
  b.ref = ref;
  b.owner_code = owner;
  b.task.title = "Xây dựng kế hoạch thực hiện Nghị quyết (" + ref + ")";
  b.task.assigning_document = "125-CV/ĐUK";
  b.task.assigned = D(2021, 1, 5);
  b.task.deadline.due = D(2021, 3, 31);
  b.task.product = ProductKind::kDocument;
  b.task.document =
      ConcretizingDocument{"", "Kế hoạch thực hiện Nghị quyết", std::nullopt, "Ban Thường vụ"};
  return b;
}

// A quarterly report of `owner` from 2022, each due 10 days after its quarter.
BundleTask QuarterlyReport(const std::string& ref, const std::string& owner) {
  BundleTask b;
  b.ref = ref;
  b.owner_code = owner;
  b.task.title = "Báo cáo quý kết quả thực hiện Nghị quyết";
  b.task.assigned = D(2022, 1, 3);
  b.task.deadline.recurrence = TaskRecurrence::kQuarterly;
  b.task.deadline.offset_days = 10;
  b.task.product = ProductKind::kReport;
  b.task.occurrence_completions = {{Period::Parse("2022Q1").value(), D(2022, 4, 8), "05-BC/ĐU"},
                                   {Period::Parse("2022Q2").value(), D(2022, 7, 12), "09-BC/ĐU"}};
  return b;
}

TEST(CheckBundleTasksTest, NamesEveryProblemWithItsPlace) {
  const std::vector<ResolutionTask> rts = {
      {1, 1, ResolutionTaskKind::kBreakthrough, 1, "Nâng cao chất lượng sinh hoạt chi bộ", "", {}}};
  auto known = [](const std::string& code) { return code.rfind("DUK", 0) == 0; };
  std::vector<BundleTask> tasks = {DocumentTask("A", "DUK.STC"), DocumentTask("A", "DUK.SYT"),
                                   DocumentTask("", "XYZ"), DocumentTask("D", "DUK.STC")};
  tasks[0].resolution_task = "1";  // by position: fine
  tasks[1].resolution_task = "Nhiệm vụ không có";
  tasks[1].cooperating_codes = {"DUK.SYT"};   // the owner again
  tasks[3].task.title = tasks[0].task.title;  // same title and owner as tasks[0]
  tasks[3].parent_ref = "Z";
  tasks[2].task.deadline.due = D(2020, 12, 31);  // before the assignment
  const std::vector<std::string> p = CheckBundleTasks(tasks, known, rts);
  EXPECT_TRUE(Has(p, "assigned_tasks[1]: mã nhiệm vụ 'A' bị lặp")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[1]: nghị quyết không có nhiệm vụ đột phá")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[1]: Đơn vị phối hợp")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[2]: thiếu mã nhiệm vụ")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[2]: không có tổ chức mã 'XYZ'")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[2]: Hạn hoàn thành (31/12/2020)")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[3]: nhiệm vụ \"")) << Joined(p);
  EXPECT_TRUE(Has(p, "assigned_tasks[3]: không có nhiệm vụ cha mã 'Z'")) << Joined(p);
  EXPECT_FALSE(Has(p, "assigned_tasks[0]")) << Joined(p);
}

TEST(CheckBundleTasksTest, CyclesAndCsvLines) {
  auto known = [](const std::string&) { return true; };
  std::vector<BundleTask> tasks = {DocumentTask("A", "DUK.STC"), DocumentTask("B", "DUK.STC"),
                                   DocumentTask("C", "DUK.STC")};
  tasks[0].parent_ref = "B";
  tasks[1].parent_ref = "A";
  tasks[2].parent_ref = "A";  // below the cycle, not in it
  for (size_t i = 0; i < tasks.size(); ++i) tasks[i].line = static_cast<int>(i) + 2;
  const std::vector<std::string> p = CheckBundleTasks(tasks, known, {});
  EXPECT_TRUE(Has(p, "dòng 2: nhiệm vụ cha mã 'B' tạo thành vòng lặp")) << Joined(p);
  EXPECT_TRUE(Has(p, "dòng 3: nhiệm vụ cha mã 'A' tạo thành vòng lặp")) << Joined(p);
  EXPECT_FALSE(Has(p, "dòng 4")) << Joined(p);
}

class ImportTasksTest : public testing_util::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    const BlocPlan plan = CreateBlocPlan();
    ASSERT_GT(plan.breakthrough_id, 0);
    resolution_id_ = plan.resolution_id;
    breakthrough_id_ = plan.breakthrough_id;
  }

  // A parent document task (completed, with cooperating organizations and the breakthrough
  // task), its sub-task, and a quarterly report.
  std::vector<BundleTask> Tasks() {
    BundleTask parent = DocumentTask("P", "DUK.STC");
    parent.cooperating_codes = {"DUK.SYT", "DUK.SCT"};
    parent.resolution_task = "Nâng cao chất lượng sinh hoạt chi bộ";
    parent.task.document->number = "05-KH/ĐU";
    parent.task.document->issued = D(2021, 3, 2);
    parent.task.completed_on = D(2021, 3, 2);
    parent.task.progress_percent = 100;
    BundleTask child = DocumentTask("C", "DUK.STC.VP");
    child.parent_ref = "P";
    return {child, parent, QuarterlyReport("Q", "DUK.SYT")};  // a child before its parent
  }

  std::vector<AssignedTask> Stored() {
    Result<std::vector<AssignedTask>> all = app_->tasks().ListAsSystem(resolution_id_);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    return all.ok() ? *all : std::vector<AssignedTask>{};
  }

  int64_t resolution_id_ = 0;
  int64_t breakthrough_id_ = 0;
};

TEST_F(ImportTasksTest, CreatesWithLinksAndProgressThenSecondRunChangesNothing) {
  Result<TaskImportSummary> first = ImportTasks(*app_, resolution_id_, Tasks(), system_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->created, 3);
  const std::vector<AssignedTask> stored = Stored();
  ASSERT_EQ(stored.size(), 3u);
  // Parents first: P is stored before C although the file lists C first.
  const AssignedTask& parent = stored[0];
  const AssignedTask& child = stored[1];
  EXPECT_EQ(parent.owner_org_id, Id("DUK.STC"));
  EXPECT_EQ(parent.cooperating_org_ids, (std::vector<int64_t>{Id("DUK.SYT"), Id("DUK.SCT")}));
  EXPECT_EQ(parent.resolution_task_id, breakthrough_id_);
  EXPECT_EQ(parent.completed_on, D(2021, 3, 2));
  EXPECT_EQ(parent.document->number, "05-KH/ĐU");
  EXPECT_EQ(child.parent_id, parent.id);
  EXPECT_EQ(child.owner_org_id, Id("DUK.STC.VP"));
  EXPECT_EQ(stored[2].occurrence_completions.size(), 2u);
  EXPECT_EQ(StateAsOf(parent, D(2023, 5, 17)), TaskState::kDoneOnTime);
  const std::map<std::string, int64_t> ids = {
      {"P", parent.id}, {"C", child.id}, {"Q", stored[2].id}};
  EXPECT_EQ(first->ids, ids);

  Result<TaskImportSummary> again = ImportTasks(*app_, resolution_id_, Tasks(), system_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_TRUE(again->progress_kept.empty());
  EXPECT_EQ(again->ids, ids);  // matched to the stored ones
  EXPECT_EQ(Stored(), stored);
}

TEST_F(ImportTasksTest, UpdatesTheDefinitionAndKeepsReportedProgress) {
  ASSERT_TRUE(ImportTasks(*app_, resolution_id_, Tasks(), system_).ok());
  std::vector<BundleTask> changed = Tasks();
  changed[0].task.deadline.due = D(2021, 4, 30);      // C: a later deadline
  changed[2].task.occurrence_completions.pop_back();  // Q: the file lost a completion
  Result<TaskImportSummary> s = ImportTasks(*app_, resolution_id_, changed, system_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->created, 0);
  EXPECT_EQ(s->updated, 1);
  EXPECT_EQ(s->unchanged, 2);
  ASSERT_EQ(s->progress_kept.size(), 1u);
  EXPECT_EQ(s->progress_kept[0].rfind("Q (", 0), 0u) << s->progress_kept[0];
  const std::vector<AssignedTask> stored = Stored();
  EXPECT_EQ(stored[1].deadline.due, D(2021, 4, 30));
  EXPECT_EQ(stored[2].occurrence_completions.size(), 2u);  // kept
}

TEST_F(ImportTasksTest, AnyBadTaskWritesNothing) {
  std::vector<BundleTask> tasks = Tasks();
  tasks[2].owner_code = "DUK.KHONGCO";
  tasks[0].task.progress_percent = 140;
  Result<TaskImportSummary> s = ImportTasks(*app_, resolution_id_, tasks, system_);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().key(), "tasks.invalid");
  EXPECT_NE(s.status().message().find("assigned_tasks[2]: không có tổ chức mã 'DUK.KHONGCO'"),
            std::string::npos)
      << s.status().message();
  EXPECT_NE(s.status().message().find("assigned_tasks[0]: Tiến độ"), std::string::npos)
      << s.status().message();
  EXPECT_TRUE(Stored().empty());
  EXPECT_EQ(ImportTasks(*app_, resolution_id_ + 99, Tasks(), system_).status().key(),
            "resolution.not_found");
}

TEST_F(ImportTasksTest, PartialRowsKeepWhatTheCsvCannotSay) {
  std::vector<BundleTask> tasks = Tasks();
  BundleTask project;
  project.ref = "K";
  project.owner_code = "DUK.SCT";
  project.task.title = "Cầu Rạch Miễu 2";
  project.task.assigned = D(2021, 1, 5);
  project.task.deadline.due = D(2025, 6, 30);
  project.task.product = ProductKind::kProject;
  project.task.project =
      KeyProject{"Cầu Rạch Miễu 2", "Châu Thành", {{"Khởi công", D(2022, 1, 1), D(2022, 1, 1)}}};
  tasks.push_back(project);
  ASSERT_TRUE(ImportTasks(*app_, resolution_id_, tasks, system_).ok());
  // The same tasks as a CSV reads them: no document title or body, no milestones, no
  // completions of the quarterly report.
  for (BundleTask& b : tasks) {
    b.partial = true;
    if (b.task.document) b.task.document->title = b.task.document->issuing_body = "";
    if (b.task.project) b.task.project = KeyProject{b.task.title, "", {}};
    b.task.occurrence_completions.clear();
  }
  Result<TaskImportSummary> s = ImportTasks(*app_, resolution_id_, tasks, system_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->unchanged, 4);
  EXPECT_TRUE(s->progress_kept.empty());
  const std::vector<AssignedTask> stored = Stored();
  EXPECT_EQ(stored[0].document->title, "Kế hoạch thực hiện Nghị quyết");
  EXPECT_EQ(stored[3].project->milestones.size(), 1u);
}

TEST_F(ImportTasksTest, ExportGivesRefsAndCodesThatImportBackUnchanged) {
  ASSERT_TRUE(ImportTasks(*app_, resolution_id_, Tasks(), system_).ok());
  Result<std::vector<ResolutionTasks>> out = ExportTasksAsSystem(*app_, resolution_id_);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->size(), 1u);
  EXPECT_EQ((*out)[0].resolution.number, "01-NQ/ĐUK");
  const std::vector<BundleTask>& tasks = (*out)[0].tasks;
  ASSERT_EQ(tasks.size(), 3u);
  const std::vector<AssignedTask> stored = Stored();
  EXPECT_EQ(tasks[0].ref, "NV" + std::to_string(stored[0].id));
  EXPECT_EQ(tasks[0].owner_code, "DUK.STC");
  EXPECT_EQ(tasks[0].cooperating_codes, (std::vector<std::string>{"DUK.SYT", "DUK.SCT"}));
  EXPECT_EQ(tasks[0].resolution_task, "Nâng cao chất lượng sinh hoạt chi bộ");
  EXPECT_EQ(tasks[1].parent_ref, tasks[0].ref);
  Result<TaskImportSummary> back = ImportTasks(*app_, resolution_id_, tasks, system_);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->unchanged, 3);
  // Every resolution with tasks when none is named; a resolution without tasks is empty.
  Result<std::vector<ResolutionTasks>> all = ExportTasksAsSystem(*app_, std::nullopt);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
  EXPECT_EQ(ExportTasksAsSystem(*app_, resolution_id_ + 99).status().key(), "resolution.not_found");
}

TEST_F(ImportTasksTest, ExportBundleAsSystemHoldsTheCommitteesTreeWhateverItsRoot) {
  ASSERT_TRUE(ImportTasks(*app_, resolution_id_, Tasks(), system_).ok());
  // A second tree, whose committee has a resolution of its own.
  ASSERT_TRUE(app_->orgs()
                  .ImportAsSystem({testing_util::Row(8, "", "HU", "Đảng bộ huyện",
                                                     OrgKind::kBlocCommittee, Sector::kNone),
                                   testing_util::Row(9, "HU", "HU.XA", "Đảng bộ xã",
                                                     OrgKind::kBaseCommittee, Sector::kStateAgency)},
                                  system_)
                  .ok());
  Result<Resolution> other =
      CreateTermAndResolution("HU", "01-NQ/HU", "Nghị quyết Đại hội Đảng bộ huyện");
  ASSERT_TRUE(other.ok()) << other.status().ToString();

  Result<ResolutionBundle> bloc = ExportBundleAsSystem(*app_, resolution_id_);
  ASSERT_TRUE(bloc.ok()) << bloc.status().ToString();
  EXPECT_EQ(bloc->committee_code, "DUK");
  EXPECT_EQ(bloc->organizations.size(), 6u);
  EXPECT_EQ(bloc->assigned_tasks.size(), 3u);
  Result<ResolutionBundle> district = ExportBundleAsSystem(*app_, other->id);
  ASSERT_TRUE(district.ok()) << district.status().ToString();
  EXPECT_EQ(district->committee_code, "HU");
  ASSERT_EQ(district->organizations.size(), 2u);
  EXPECT_EQ(district->organizations[1].org.code, "HU.XA");
  EXPECT_EQ(district->resolution.number, "01-NQ/HU");
  EXPECT_TRUE(district->assigned_tasks.empty());
  EXPECT_EQ(ExportBundleAsSystem(*app_, other->id + 99).status().key(), "resolution.not_found");
}

}  // namespace
}  // namespace nq::resolution_bundle_tasks_test
