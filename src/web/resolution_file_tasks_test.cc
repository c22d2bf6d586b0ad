#include <gtest/gtest.h>

#include <string>

#include "common/test_date.h"
#include "web/resolution_file.h"

namespace nq::web::resolution_file_tasks_test {
namespace {

// A bloc with two cells, one breakthrough task and three assigned tasks: a completed document
// task, its sub-task (a key project with milestones) and a quarterly report.
ResolutionBundle TaskBundle() {
  ResolutionBundle b;
  BundleOrg root;
  root.org.code = "DUK";
  root.org.name = "Đảng bộ Khối";
  root.org.kind = OrgKind::kBlocCommittee;
  BundleOrg a;
  a.org.code = "DUK.A";
  a.org.name = "Chi bộ Sở Y tế";
  a.org.kind = OrgKind::kBaseCell;
  a.org.sector = Sector::kStateAgency;
  a.parent_code = "DUK";
  BundleOrg c = a;
  c.org.code = "DUK.C";
  c.org.name = "Chi bộ Sở Giao thông vận tải";
  b.organizations = {root, a, c};
  b.committee_code = "DUK";
  b.term.name = "Nhiệm kỳ 2020 - 2025";
  b.term.start = D(2020, 8, 1);
  b.term.end = D(2025, 7, 31);
  b.resolution.number = "01-NQ/ĐUK";
  b.resolution.title = "Nghị quyết Đại hội";
  ResolutionTask rt;
  rt.title = "Nâng cao chất lượng sinh hoạt chi bộ";
  b.tasks = {rt};

  BundleTask doc;
  doc.ref = "VB1";
  doc.owner_code = "DUK.A";
  doc.cooperating_codes = {"DUK.C"};
  doc.resolution_task = rt.title;
  doc.task.title = "Xây dựng kế hoạch thực hiện Nghị quyết";
  doc.task.assigning_document = "125-CV/ĐUK";
  doc.task.assigned = D(2021, 1, 5);
  doc.task.deadline.due = D(2021, 3, 31);
  doc.task.product = ProductKind::kDocument;
  doc.task.document = ConcretizingDocument{"05-KH/ĐU", "Kế hoạch thực hiện Nghị quyết",
                                           D(2021, 4, 1), "Ban Thường vụ Đảng ủy"};
  doc.task.completed_on = D(2021, 4, 1);
  doc.task.progress_percent = 100;

  BundleTask project;
  project.ref = "DA1";
  project.parent_ref = "VB1";
  project.owner_code = "DUK.C";
  project.task.title = "Cầu Rạch Miễu 2";
  project.task.assigned = D(2021, 2, 1);
  project.task.deadline.due = D(2025, 6, 30);
  project.task.product = ProductKind::kProject;
  project.task.project = KeyProject{
      "Cầu Rạch Miễu 2",
      "Châu Thành",
      {{"Khởi công", D(2022, 1, 15), D(2022, 1, 15)}, {"Hợp long", D(2024, 6, 30), std::nullopt}}};
  project.task.progress_percent = 45;

  BundleTask report;
  report.ref = "BC1";
  report.owner_code = "DUK.A";
  report.task.title = "Báo cáo quý";
  report.task.assigned = D(2022, 1, 3);
  report.task.deadline.recurrence = TaskRecurrence::kQuarterly;
  report.task.deadline.offset_days = 15;
  report.task.deadline.until = D(2025, 7, 31);
  report.task.product = ProductKind::kReport;
  report.task.occurrence_completions = {{Period::Parse("2022Q1").value(), D(2022, 4, 20), "7-BC"}};
  b.assigned_tasks = {doc, project, report};
  return b;
}

TEST(ResolutionFileTasksTest, AssignedTasksRoundTrip) {
  const ResolutionBundle b = TaskBundle();
  ASSERT_TRUE(ValidateBundle(b).ok()) << ValidateBundle(b).message();
  const std::string text = WriteResolutionFile(b);
  EXPECT_NE(text.find("\"deadline\": {\n    \"recurrence\": \"quarterly\",\n    \"offset_days\": "
                      "15,\n    \"until\": \"2025-07-31\"\n   }"),
            std::string::npos)
      << text;
  auto back = ParseResolutionFile(text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->assigned_tasks, b.assigned_tasks);
}

TEST(ResolutionFileTasksTest, OldFilesWithoutAssignedTasksStillLoad) {
  ResolutionBundle b = TaskBundle();
  b.assigned_tasks.clear();
  std::string text = WriteResolutionFile(b);
  const std::string field = "\"assigned_tasks\": [],";
  ASSERT_NE(text.find(field), std::string::npos) << text;
  text.erase(text.find(field), field.size());
  auto back = ParseResolutionFile(text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back->assigned_tasks.empty());
}

TEST(ResolutionFileTasksTest, ProblemsNameTheirPathAndComputedFieldsAreRefused) {
  std::string text = WriteResolutionFile(TaskBundle());
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("\"due\": \"2021-03-31\"", "\"due\": \"31/3/2021\"");
  replace("\"period\": \"2022Q1\"", "\"period\": \"2022Q5\"");
  replace("\"done_on\": \"2022-01-15\"", "\"done_on\": 15");
  replace("\"progress\": 45", "\"progress\": 45, \"state\": \"overdue\"");
  replace("\"recurrence\": \"quarterly\"", "\"recurrence\": \"weekly\", \"due\": \"2022-01-01\"");
  auto parsed = ParseResolutionFile(text);
  ASSERT_FALSE(parsed.ok());
  const std::string m = parsed.status().message();
  for (const char* path :
       {"assigned_tasks[0].deadline.due", "assigned_tasks[2].completions[0].period",
        "assigned_tasks[1].project.milestones[0].done_on", "assigned_tasks[1].state",
        "assigned_tasks[2].deadline.recurrence"}) {
    EXPECT_NE(m.find(path), std::string::npos) << path << ": " << m;
  }
}

TEST(ResolutionFileTasksTest, BundleValidationChecksTasksAgainstTheBundle) {
  ResolutionBundle b = TaskBundle();
  b.assigned_tasks[0].cooperating_codes = {"DUK.X"};
  b.assigned_tasks[1].parent_ref = "VB9";
  b.assigned_tasks[2].resolution_task = "Không có";
  const Status st = ValidateBundle(b);
  EXPECT_EQ(st.key(), "bundle.invalid");
  for (const char* line : {"assigned_tasks[0]: không có tổ chức mã 'DUK.X'",
                           "assigned_tasks[1]: không có nhiệm vụ cha mã 'VB9'",
                           "assigned_tasks[2]: nghị quyết không có nhiệm vụ đột phá"}) {
    EXPECT_NE(st.message().find(line), std::string::npos) << line << ": " << st.message();
  }
}

TEST(TasksFileTest, WritesStatesAndReadsBackIgnoringThem) {
  const ResolutionBundle b = TaskBundle();
  const std::vector<ResolutionTasks> in = {{b.resolution, b.assigned_tasks}};
  // As of 20/7/2022: the document was done late (1/4 for 31/3), the project is in time, the
  // report of 2022Q1 was sent on 20/4 for 15/4 (late) and 2022Q2 (due 15/7) is missing.
  const std::string text = WriteTasksFile(in, D(2022, 7, 20));
  for (const char* want : {"\"as_of\": \"2022-07-20\"", "\"state\": \"done_late\"",
                           "\"state\": \"open_in_time\"", "\"state_label\": \"Quá hạn\""}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
  // The occurrence of 2022Q2: due 15/7, overdue; no occurrence due after the date.
  const size_t q2 = text.find("\"period\": \"2022Q2\"");
  ASSERT_NE(q2, std::string::npos) << text;
  const std::string occurrence = text.substr(q2, text.find('}', q2) - q2);
  EXPECT_NE(occurrence.find("\"due\": \"2022-07-15\""), std::string::npos) << occurrence;
  EXPECT_NE(occurrence.find("\"state\": \"overdue\""), std::string::npos) << occurrence;
  EXPECT_EQ(text.find("2022Q3"), std::string::npos) << text;
  EXPECT_NE(text.find("\"done_on_time\": 0,\n    \"done_late\": 1,\n    \"open_in_time\": 1,\n    "
                      "\"overdue\": 1,\n    \"not_assigned\": 0,\n    \"assigned\": 3"),
            std::string::npos)
      << text;
  auto back = ParseTasksFile(text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].resolution.number, "01-NQ/ĐUK");
  EXPECT_EQ((*back)[0].tasks, b.assigned_tasks);

  auto from_resolution_file = ParseTasksFile(WriteResolutionFile(b));
  ASSERT_TRUE(from_resolution_file.ok()) << from_resolution_file.status().message();
  EXPECT_EQ((*from_resolution_file)[0].tasks, b.assigned_tasks);
  EXPECT_EQ(ParseTasksFile("{\"format\":\"nqtrack.values\",\"version\":1}").status().key(),
            "file.format");
  EXPECT_EQ(ParseTasksFile("{\"format\":\"nqtrack.tasks\",\"version\":1,\"resolutions\":[{}]}")
                .status()
                .key(),
            "file.invalid");
}

}  // namespace
}  // namespace nq::web::resolution_file_tasks_test
