#include "domain/task_update.h"

#include <gtest/gtest.h>

#include "common/test_date.h"
#include "domain/task_status.h"

namespace nq::task_update_test {
namespace {

// A document task of org 7 assigned 5/1/2023, due 31/3/2023, not started.
AssignedTask DocumentTask() {
  AssignedTask t;
  t.id = 1;
  t.resolution_id = 3;
  t.title = "Xây dựng kế hoạch thực hiện Nghị quyết";
  t.owner_org_id = 7;
  t.assigned = D(2023, 1, 5);
  t.deadline.due = D(2023, 3, 31);
  t.product = ProductKind::kDocument;
  t.document = ConcretizingDocument{"", "Kế hoạch", std::nullopt, "Ban Thường vụ"};
  return t;
}

AssignedTask ProjectTask() {
  AssignedTask t = DocumentTask();
  t.product = ProductKind::kProject;
  t.document.reset();
  t.project = KeyProject{"Cầu Rạch Miễu 2", "Châu Thành",
                         {Milestone{"Khởi công", D(2023, 2, 1), std::nullopt},
                          Milestone{"Hợp long", D(2023, 3, 1), std::nullopt}}};
  return t;
}

TEST(TaskUpdateTest, ProgressThenCompletionWithTheProduct) {
  ProgressInput in;
  in.percent = 60;
  in.note = "Đã trình dự thảo";
  Result<AssignedTask> t = ApplyProgress(DocumentTask(), in);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->progress_percent, 60);
  EXPECT_FALSE(t->completed_on);

  ProgressInput done;
  done.percent = 90;
  done.completed_on = D(2023, 4, 3);
  EXPECT_EQ(ApplyProgress(*t, done).status().key(), "task.product_missing");
  done.document = ConcretizingDocument{"15-KH/ĐU", "Kế hoạch", D(2023, 4, 3), "Ban Thường vụ"};
  Result<AssignedTask> c = ApplyProgress(*t, done);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->progress_percent, 100);  // completing a one-off task makes it 100%
  EXPECT_EQ(c->completed_on, D(2023, 4, 3));
  EXPECT_EQ(StateAsOf(*c, D(2023, 5, 17)), TaskState::kDoneLate);
  EXPECT_EQ(ApplyProgress(*c, done).status().key(), "task.progress_backwards");  // 90 < 100
  done.percent = 100;
  EXPECT_EQ(ApplyProgress(*c, done).status().key(), "task.completion_invalid");  // twice
}

TEST(TaskUpdateTest, RefusesBackwardsEmptyAndMisplacedInput) {
  AssignedTask t = DocumentTask();
  t.progress_percent = 50;
  ProgressInput in;
  in.percent = 50;
  EXPECT_EQ(ApplyProgress(t, in).status().key(), "task.note_required");
  in.percent = 40;
  in.note = "Làm lại";
  EXPECT_EQ(ApplyProgress(t, in).status().key(), "task.progress_backwards");
  in.reason = "Dự thảo bị trả lại";
  EXPECT_TRUE(ApplyProgress(t, in).ok());
  in.percent = 101;
  EXPECT_EQ(ApplyProgress(t, in).status().key(), "task.progress_invalid");
  in.percent = 60;
  in.report_ref = "12-BC/ĐU";  // a document task takes no report number
  EXPECT_EQ(ApplyProgress(t, in).status().key(), "task.product_invalid");
  in.report_ref.clear();
  in.period = Period::Parse("2023M01").value();  // a one-off task has no periods
  in.completed_on = D(2023, 2, 1);
  EXPECT_EQ(ApplyProgress(t, in).status().key(), "task.completion_invalid");
}

TEST(TaskUpdateTest, MilestonesAndRecurringOccurrences) {
  ProgressInput in;
  in.percent = 50;
  in.milestones_done = {MilestoneDone{0, D(2023, 2, 3)}};
  Result<AssignedTask> p = ApplyProgress(ProjectTask(), in);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->project->milestones[0].done_on, D(2023, 2, 3));
  EXPECT_EQ(ApplyProgress(*p, in).status().key(), "task.milestone_invalid");  // done already
  in.milestones_done = {MilestoneDone{2, D(2023, 2, 3)}};
  EXPECT_EQ(ApplyProgress(*p, in).status().key(), "task.milestone_invalid");  // no such one

  AssignedTask r = DocumentTask();
  r.product = ProductKind::kReport;
  r.document.reset();
  r.deadline.recurrence = TaskRecurrence::kQuarterly;
  ProgressInput q;
  q.completed_on = D(2023, 4, 8);
  q.period = Period::Parse("2023Q1").value();
  q.report_ref = "21-BC/ĐU";
  Result<AssignedTask> done = ApplyProgress(r, q);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  ASSERT_EQ(done->occurrence_completions.size(), 1u);
  EXPECT_EQ(done->occurrence_completions[0].report_ref, "21-BC/ĐU");
  q.completed_on.reset();
  EXPECT_EQ(ApplyProgress(r, q).status().key(), "task.completion_invalid");  // no date
}

TEST(TaskUpdateTest, AnEditKeepsWhatUpdatesRecorded) {
  AssignedTask old = ProjectTask();
  EXPECT_FALSE(HasProgress(old));
  old.project->milestones[0].done_on = D(2023, 2, 3);
  EXPECT_TRUE(HasProgress(old));
  old.progress_percent = 40;

  AssignedTask def = ProjectTask();  // the committee moves the deadline, renames a milestone
  def.deadline.due = D(2023, 6, 30);
  def.project->milestones[1].title = "Hợp long cầu chính";
  const AssignedTask kept = KeepProgress(def, old);
  EXPECT_EQ(kept.deadline.due, D(2023, 6, 30));
  EXPECT_EQ(kept.progress_percent, 40);
  EXPECT_EQ(kept.project->milestones[0].done_on, D(2023, 2, 3));
  EXPECT_EQ(kept.project->milestones[1].title, "Hợp long cầu chính");
  EXPECT_FALSE(kept.project->milestones[1].done_on);
}

TEST(TaskUpdateTest, NextDueIsTheEarliestDeadlineNotMet) {
  AssignedTask t = DocumentTask();
  EXPECT_EQ(NextDue(t, D(2023, 1, 4)), std::nullopt);  // not assigned yet
  EXPECT_EQ(NextDue(t, D(2023, 5, 17)), D(2023, 3, 31));  // overdue still counts
  t.completed_on = D(2023, 4, 3);
  t.document = ConcretizingDocument{"15-KH/ĐU", "Kế hoạch", D(2023, 4, 3), "Ban Thường vụ"};
  EXPECT_EQ(NextDue(t, D(2023, 4, 2)), D(2023, 3, 31));  // done after that day
  EXPECT_EQ(NextDue(t, D(2023, 4, 3)), std::nullopt);

  AssignedTask m = DocumentTask();
  m.product = ProductKind::kNone;
  m.document.reset();
  m.deadline.recurrence = TaskRecurrence::kMonthly;
  m.deadline.offset_days = 10;
  m.occurrence_completions = {{Period::Parse("2023M01").value(), D(2023, 2, 6), ""}};
  EXPECT_EQ(NextDue(m, D(2023, 2, 20)), D(2023, 3, 10));  // January done, February next
}

}  // namespace
}  // namespace nq::task_update_test
