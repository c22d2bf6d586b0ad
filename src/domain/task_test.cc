#include "domain/task.h"

#include <gtest/gtest.h>

#include "common/test_date.h"
#include "domain/task_status.h"

namespace nq::task_test {
namespace {

Period P(std::string_view id) { return Period::Parse(id).value(); }

// A one-off task of org 7, assigned on `assigned`, due on `due`.
AssignedTask OneOff(Date assigned, Date due) {
  AssignedTask t;
  t.id = 1;
  t.resolution_id = 3;
  t.title = "Xây dựng kế hoạch thực hiện Nghị quyết";
  t.owner_org_id = 7;
  t.assigning_document = "125-CV/ĐUK";
  t.assigned = assigned;
  t.deadline.due = due;
  return t;
}

// A recurring task of org 7 whose occurrences are due `offset` days after each period.
AssignedTask Recurring(Date assigned, TaskRecurrence r, int offset) {
  AssignedTask t = OneOff(assigned, assigned);
  t.title = "Báo cáo kết quả thực hiện Nghị quyết";
  t.deadline.recurrence = r;
  t.deadline.offset_days = offset;
  return t;
}

void Complete(AssignedTask& t, std::string_view period, Date on) {
  t.occurrence_completions.push_back({P(period), on, ""});
}

std::vector<Date> DueDates(const AssignedTask& t, Date last) {
  std::vector<Date> out;
  for (const TaskOccurrence& o : OccurrencesDueBy(t, last)) out.push_back(o.due);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation

TEST(TaskTest, AcceptsAPlainTask) {
  EXPECT_TRUE(ValidateAssignedTask(OneOff(D(2023, 1, 5), D(2023, 3, 31))).ok());
}

TEST(TaskTest, RefusesAnEmptyTitle) {
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 3, 31));
  t.title = "   ";
  const Status st = ValidateAssignedTask(t);
  EXPECT_EQ(st.key(), "task.title_required");
  EXPECT_EQ(st.message(), "Tên nhiệm vụ không được để trống");
}

TEST(TaskTest, RefusesADeadlineBeforeTheAssignment) {
  // Assigned 5/1/2023, due 4/1/2023: one day before the assignment.
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 1, 4));
  const Status st = ValidateAssignedTask(t);
  EXPECT_EQ(st.key(), "task.deadline_before_assignment");
  EXPECT_EQ(st.message(), "Hạn hoàn thành (4/1/2023) không được trước ngày giao (5/1/2023)");
  // Due on the day it is assigned is allowed.
  t.deadline.due = D(2023, 1, 5);
  EXPECT_TRUE(ValidateAssignedTask(t).ok());
  // A recurring task whose series ends before the assignment.
  AssignedTask r = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 10);
  r.deadline.until = D(2022, 12, 31);
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.deadline_before_assignment");
}

TEST(TaskTest, RefusesProgressOutsideZeroToHundred) {
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 3, 31));
  t.progress_percent = 101;
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.progress_invalid");
  t.progress_percent = -1;
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.progress_invalid");
  t.progress_percent = 100;
  EXPECT_TRUE(ValidateAssignedTask(t).ok());
}

TEST(TaskTest, RefusesProgressGoingBackWithoutAReason) {
  const Status st = ValidateProgressUpdate(60, 40, "  ");
  EXPECT_EQ(st.key(), "task.progress_backwards");
  EXPECT_EQ(st.message(), "Tiến độ giảm từ 60% xuống 40% phải nêu lý do");
  EXPECT_TRUE(ValidateProgressUpdate(60, 40, "Dự án phải điều chỉnh thiết kế").ok());
  EXPECT_TRUE(ValidateProgressUpdate(40, 60, "").ok());
  EXPECT_TRUE(ValidateProgressUpdate(60, 60, "").ok());
  EXPECT_EQ(ValidateProgressUpdate(60, 101, "").key(), "task.progress_invalid");
}

TEST(TaskTest, RefusesCompletionWithoutTheDocument) {
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 3, 31));
  t.product = ProductKind::kDocument;
  t.completed_on = D(2023, 3, 20);
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.product_missing");
  // A draft document (no number, no date) is not the product yet.
  t.document = ConcretizingDocument{"", "Kế hoạch thực hiện Nghị quyết", std::nullopt, ""};
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.product_missing");
  // Issued: number and date.
  t.document->number = "15-KH/ĐUK";
  t.document->issued = D(2023, 3, 20);
  t.document->issuing_body = "Ban Thường vụ Đảng ủy Khối";
  EXPECT_TRUE(ValidateAssignedTask(t).ok());
  // A date without a number is refused by the document's own check.
  t.document->number = "";
  EXPECT_EQ(ValidateAssignedTask(t).key(), "document.number_required");
}

TEST(TaskTest, RefusesCompletionWithoutTheReportOrTheProject) {
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 3, 31));
  t.product = ProductKind::kReport;
  t.completed_on = D(2023, 3, 20);
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.product_missing");
  t.report_ref = "30-BC/ĐU";
  EXPECT_TRUE(ValidateAssignedTask(t).ok());

  t.product = ProductKind::kProject;
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.product_missing");
  t.project = KeyProject{
      "Trụ sở Đảng ủy Khối",
      "TP. Thủ Dầu Một",
      {{"Khởi công", D(2023, 2, 1), D(2023, 2, 1)}, {"Hoàn thành", D(2023, 3, 31), std::nullopt}}};
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.milestones_open");
  // Milestone done after the task's completion date (21/3 > 20/3): still open on 20/3.
  t.project->milestones[1].done_on = D(2023, 3, 21);
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.milestones_open");
  t.project->milestones[1].done_on = D(2023, 3, 20);
  EXPECT_TRUE(ValidateAssignedTask(t).ok());
}

TEST(TaskTest, RefusesCompletionBeforeTheAssignment) {
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 3, 31));
  t.completed_on = D(2023, 1, 4);
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.completed_before_assignment");
  AssignedTask r = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 10);
  Complete(r, "2023M01", D(2023, 1, 4));
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.completed_before_assignment");
}

TEST(TaskTest, RefusesBadOccurrenceCompletions) {
  AssignedTask r = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 10);
  r.deadline.until = D(2023, 6, 30);
  Complete(r, "2023Q1", D(2023, 4, 5));  // a quarter for a monthly task
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.completion_invalid");
  r.occurrence_completions.clear();
  Complete(r, "2022M12", D(2023, 1, 6));  // before the series starts (2023M01)
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.completion_invalid");
  r.occurrence_completions.clear();
  Complete(r, "2023M07", D(2023, 8, 6));  // after the series ends (2023M06)
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.completion_invalid");
  r.occurrence_completions.clear();
  Complete(r, "2023M02", D(2023, 3, 6));
  Complete(r, "2023M02", D(2023, 3, 7));  // twice
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.completion_invalid");
  r.occurrence_completions.pop_back();
  EXPECT_TRUE(ValidateAssignedTask(r).ok());
  r.completed_on = D(2023, 3, 6);  // whole-task completion on a recurring task
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.completion_invalid");
}

TEST(TaskTest, RecurringReportNeedsEachReportNumber) {
  AssignedTask r = Recurring(D(2023, 1, 5), TaskRecurrence::kQuarterly, 10);
  r.product = ProductKind::kReport;
  Complete(r, "2023Q1", D(2023, 4, 5));
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.product_missing");
  r.occurrence_completions[0].report_ref = "12-BC/ĐU";
  EXPECT_TRUE(ValidateAssignedTask(r).ok());
  r.product = ProductKind::kDocument;  // a document cannot recur
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.product_invalid");
}

TEST(TaskTest, RefusesBadOrganizationsAndOffsets) {
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 3, 31));
  t.owner_org_id = 0;
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.owner_required");
  t.resolution_id = 0;
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.resolution_required");
  t.resolution_id = 3;
  t.owner_org_id = 7;
  t.cooperating_org_ids = {8, 7};
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.cooperating_invalid");
  t.cooperating_org_ids = {8, 9, 8};
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.cooperating_invalid");
  t.cooperating_org_ids = {8, 9};
  EXPECT_TRUE(ValidateAssignedTask(t).ok());
  t.parent_id = 1;  // its own id
  EXPECT_EQ(ValidateAssignedTask(t).key(), "task.parent_invalid");
  AssignedTask r = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 367);
  EXPECT_EQ(ValidateAssignedTask(r).key(), "task.deadline_invalid");
}

TEST(TaskTest, CodesRoundTrip) {
  for (TaskRecurrence r : {TaskRecurrence::kOnce, TaskRecurrence::kMonthly,
                           TaskRecurrence::kQuarterly, TaskRecurrence::kYearly}) {
    EXPECT_EQ(ParseTaskRecurrence(TaskRecurrenceCode(r)), r);
  }
  for (ProductKind k :
       {ProductKind::kNone, ProductKind::kDocument, ProductKind::kProject, ProductKind::kReport}) {
    EXPECT_EQ(ParseProductKind(ProductKindCode(k)), k);
  }
  EXPECT_EQ(ParseTaskRecurrence("weekly"), std::nullopt);
  EXPECT_STREQ(TaskRecurrenceLabel(TaskRecurrence::kQuarterly), "Hằng quý");
  EXPECT_STREQ(ProductKindLabel(ProductKind::kDocument), "Văn bản cụ thể hóa");
}

// ---------------------------------------------------------------------------------------------
// States as of a date

TEST(TaskStateTest, CodesAndLabels) {
  for (TaskState s : {TaskState::kNotAssigned, TaskState::kDoneOnTime, TaskState::kDoneLate,
                      TaskState::kOpenInTime, TaskState::kOverdue}) {
    EXPECT_EQ(ParseTaskState(TaskStateCode(s)), s);
  }
  EXPECT_STREQ(TaskStateCode(TaskState::kOpenInTime), "open_in_time");
  EXPECT_STREQ(TaskStateLabel(TaskState::kDoneOnTime), "Hoàn thành đúng hạn");
  EXPECT_STREQ(TaskStateLabel(TaskState::kDoneLate), "Hoàn thành trễ hạn");
  EXPECT_STREQ(TaskStateLabel(TaskState::kOpenInTime), "Chưa hoàn thành, trong hạn");
  EXPECT_STREQ(TaskStateLabel(TaskState::kOverdue), "Quá hạn");
  EXPECT_STREQ(TaskStateLabel(TaskState::kNotAssigned), "Chưa giao");
  EXPECT_EQ(ParseTaskState("late"), std::nullopt);
}

// The one-off boundaries, as a golden table. Every row: a task assigned 5/1/2023, its due date,
// its completion date (if any), the as-of date, the expected state and why.
TEST(TaskStateTest, OneOffBoundaries) {
  struct Row {
    Date due;
    std::optional<Date> done;
    Date as_of;
    TaskState want;
    const char* why;
  };
  const std::optional<Date> open;
  const Row rows[] = {
      {D(2023, 5, 17), open, D(2023, 5, 16), TaskState::kOpenInTime, "due tomorrow"},
      {D(2023, 5, 17), open, D(2023, 5, 17), TaskState::kOpenInTime, "due today, not done"},
      {D(2023, 5, 17), open, D(2023, 5, 18), TaskState::kOverdue, "due yesterday, not done"},
      {D(2023, 5, 17), D(2023, 5, 17), D(2023, 5, 16), TaskState::kOpenInTime,
       "done on the deadline, asked the day before: not done yet"},
      {D(2023, 5, 17), D(2023, 5, 17), D(2023, 5, 17), TaskState::kDoneOnTime,
       "done on the deadline day: on time"},
      {D(2023, 5, 17), D(2023, 5, 17), D(2025, 12, 31), TaskState::kDoneOnTime,
       "done on the deadline, asked years later: still on time"},
      {D(2023, 5, 17), D(2023, 5, 18), D(2023, 5, 17), TaskState::kOpenInTime,
       "done a day late, asked on the deadline: still in time"},
      {D(2023, 5, 17), D(2023, 5, 18), D(2023, 5, 18), TaskState::kDoneLate,
       "done a day late: late, never overdue"},
      {D(2023, 5, 17), D(2023, 5, 18), D(2024, 1, 1), TaskState::kDoneLate,
       "done a day late, asked later: still late"},
      {D(2023, 5, 10), D(2023, 5, 20), D(2023, 5, 17), TaskState::kOverdue,
       "the review on 17/5 does not see a completion of 20/5"},
      {D(2023, 5, 10), D(2023, 5, 20), D(2023, 5, 20), TaskState::kDoneLate, "done 10 days late"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.why);
    AssignedTask t = OneOff(D(2023, 1, 5), r.due);
    t.completed_on = r.done;
    EXPECT_EQ(StateAsOf(t, r.as_of), r.want);
  }
}

TEST(TaskStateTest, BeforeTheAssignmentIsNotAssigned) {
  // Assigned 1/3/2023: on 28/2/2023 the task did not exist; on 1/3 it is in time.
  AssignedTask t = OneOff(D(2023, 3, 1), D(2023, 3, 31));
  EXPECT_EQ(StateAsOf(t, D(2023, 2, 28)), TaskState::kNotAssigned);
  EXPECT_EQ(StateAsOf(t, D(2023, 3, 1)), TaskState::kOpenInTime);
  EXPECT_FALSE(DueWithin(t, D(2023, 2, 28), 60));
  AssignedTask r = Recurring(D(2023, 3, 1), TaskRecurrence::kMonthly, 10);
  EXPECT_EQ(StateAsOf(r, D(2023, 2, 28)), TaskState::kNotAssigned);
}

TEST(TaskStateTest, MonthlyDeadlinesCrossMonthEnds) {
  // Monthly, 10 days after each month: January 2023 ends 31/1 → due 10/2; February (28 days)
  // ends 28/2 → due 10/3; March ends 31/3 → due 10/4.
  const AssignedTask t = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 10);
  EXPECT_EQ(DueDates(t, D(2023, 4, 10)),
            (std::vector<Date>{D(2023, 2, 10), D(2023, 3, 10), D(2023, 4, 10)}));
  // 9/4 is before March's due date, so March is not listed.
  EXPECT_EQ(DueDates(t, D(2023, 4, 9)), (std::vector<Date>{D(2023, 2, 10), D(2023, 3, 10)}));
  const std::vector<TaskOccurrence> occ = OccurrencesDueBy(t, D(2023, 2, 10));
  ASSERT_EQ(occ.size(), 1u);
  EXPECT_EQ(occ[0].period, P("2023M01"));
}

TEST(TaskStateTest, QuarterlyDeadlineCrossesTheYearEnd) {
  // Quarterly, 10 days: 2022Q4 ends 31/12/2022 → due 10/1/2023.
  AssignedTask t = Recurring(D(2022, 10, 1), TaskRecurrence::kQuarterly, 10);
  EXPECT_EQ(DueDates(t, D(2023, 1, 10)), (std::vector<Date>{D(2023, 1, 10)}));
  EXPECT_EQ(StateAsOf(t, D(2023, 1, 9)), TaskState::kOpenInTime);   // none due yet
  EXPECT_EQ(StateAsOf(t, D(2023, 1, 10)), TaskState::kOpenInTime);  // due today
  EXPECT_EQ(StateAsOf(t, D(2023, 1, 11)), TaskState::kOverdue);
  Complete(t, "2022Q4", D(2023, 1, 12));
  EXPECT_EQ(StateAsOf(t, D(2023, 1, 12)), TaskState::kDoneLate);
}

TEST(TaskStateTest, LeapYearDeadlines) {
  // 29 days after January: 31/1/2024 + 29 = 29/2/2024 (leap year), 31/1/2023 + 29 = 1/3/2023.
  const AssignedTask leap = Recurring(D(2024, 1, 2), TaskRecurrence::kMonthly, 29);
  EXPECT_EQ(DueDates(leap, D(2024, 2, 29)), (std::vector<Date>{D(2024, 2, 29)}));
  const AssignedTask plain = Recurring(D(2023, 1, 2), TaskRecurrence::kMonthly, 29);
  EXPECT_EQ(DueDates(plain, D(2023, 3, 1)), (std::vector<Date>{D(2023, 3, 1)}));
  // February 2024 ends 29/2 → 10 days later is 10/3/2024; February 2023 ends 28/2 → 10/3/2023.
  const AssignedTask feb = Recurring(D(2024, 2, 1), TaskRecurrence::kMonthly, 10);
  EXPECT_EQ(DueDates(feb, D(2024, 3, 10)), (std::vector<Date>{D(2024, 3, 10)}));
  // A one-off task due 29/2/2024: done that day is on time, done 1/3/2024 is late.
  AssignedTask once = OneOff(D(2024, 1, 2), D(2024, 2, 29));
  once.completed_on = D(2024, 2, 29);
  EXPECT_EQ(StateAsOf(once, D(2024, 3, 1)), TaskState::kDoneOnTime);
  once.completed_on = D(2024, 3, 1);
  EXPECT_EQ(StateAsOf(once, D(2024, 3, 1)), TaskState::kDoneLate);
  EXPECT_EQ(StateAsOf(once, D(2024, 2, 29)), TaskState::kOpenInTime);
}

TEST(TaskStateTest, YearlyTaskCombinesItsOccurrences) {
  // Yearly, 15 days: 2020 → due 15/1/2021, 2021 → 15/1/2022, 2022 → 15/1/2023, 2023 → 15/1/2024.
  AssignedTask t = Recurring(D(2020, 6, 15), TaskRecurrence::kYearly, 15);
  EXPECT_EQ(DueDates(t, D(2023, 5, 17)),
            (std::vector<Date>{D(2021, 1, 15), D(2022, 1, 15), D(2023, 1, 15)}));
  Complete(t, "2020", D(2021, 1, 10));
  Complete(t, "2021", D(2022, 1, 15));
  // As of 17/5/2023: 2022's report (due 15/1/2023) is missing → overdue.
  EXPECT_EQ(StateAsOf(t, D(2023, 5, 17)), TaskState::kOverdue);
  // As of 17/5/2022: 2020 and 2021 done on time (10/1 ≤ 15/1, 15/1 ≤ 15/1) → on time.
  EXPECT_EQ(StateAsOf(t, D(2022, 5, 17)), TaskState::kDoneOnTime);
  // 2022 sent on 20/1/2023, five days late: as of 17/5/2023 all done, one late → done late.
  Complete(t, "2022", D(2023, 1, 20));
  EXPECT_EQ(StateAsOf(t, D(2023, 5, 17)), TaskState::kDoneLate);
  // As of 15/1/2023, 2022 is due today and not done → in time (it is only late from 16/1).
  EXPECT_EQ(StateAsOf(t, D(2023, 1, 15)), TaskState::kOpenInTime);
}

TEST(TaskStateTest, UntilEndsTheSeries) {
  // Monthly, 10 days, until 15/3/2023: January, February and March only.
  AssignedTask t = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 10);
  t.deadline.until = D(2023, 3, 15);
  EXPECT_EQ(DueDates(t, D(2025, 1, 1)),
            (std::vector<Date>{D(2023, 2, 10), D(2023, 3, 10), D(2023, 4, 10)}));
  Complete(t, "2023M01", D(2023, 2, 1));
  Complete(t, "2023M02", D(2023, 3, 1));
  Complete(t, "2023M03", D(2023, 4, 1));
  EXPECT_EQ(StateAsOf(t, D(2025, 1, 1)), TaskState::kDoneOnTime);
  EXPECT_FALSE(DueWithin(t, D(2023, 4, 2), 365));
}

TEST(TaskStateTest, DueWithinDays) {
  // Due 24/5/2023; as of 17/5/2023 it is 7 days away.
  AssignedTask t = OneOff(D(2023, 1, 5), D(2023, 5, 24));
  EXPECT_TRUE(DueWithin(t, D(2023, 5, 17), 7));
  EXPECT_FALSE(DueWithin(t, D(2023, 5, 17), 6));
  EXPECT_TRUE(DueWithin(t, D(2023, 5, 24), 0));    // due today
  EXPECT_FALSE(DueWithin(t, D(2023, 5, 25), 30));  // overdue, not "due soon"
  EXPECT_FALSE(DueWithin(t, D(2023, 5, 17), -1));
  t.completed_on = D(2023, 5, 16);
  EXPECT_FALSE(DueWithin(t, D(2023, 5, 17), 7));  // already done
  // Monthly, 0 days: as of 17/5/2023 May is due 31/5 (14 days); June 30/6 is 44 days away.
  const AssignedTask m = Recurring(D(2023, 1, 5), TaskRecurrence::kMonthly, 0);
  EXPECT_FALSE(DueWithin(m, D(2023, 5, 17), 13));
  EXPECT_TRUE(DueWithin(m, D(2023, 5, 17), 14));
  EXPECT_EQ(DueDates(m, D(2023, 6, 30)).back(), D(2023, 6, 30));
}

TEST(TaskStateTest, MilestoneUsesTheSameRule) {
  const Milestone m{"Khởi công", D(2023, 2, 1), D(2023, 2, 2)};
  EXPECT_EQ(DeadlineState(m.due, m.done_on, D(2023, 2, 1)), TaskState::kOpenInTime);
  EXPECT_EQ(DeadlineState(m.due, m.done_on, D(2023, 2, 2)), TaskState::kDoneLate);
  EXPECT_EQ(DeadlineState(m.due, std::nullopt, D(2023, 2, 2)), TaskState::kOverdue);
}

TEST(TaskStateTest, CountsByStateOwnerAndResolutionTask) {
  // As of 17/5/2023:
  //   a (org 7, NV 1): due 30/4, done 28/4        → done on time
  //   b (org 7, NV 1): due 30/4, done 3/5         → done late
  //   c (org 8, NV 2): due 30/6, open             → open in time
  //   d (org 8, none): due 10/5, open             → overdue
  //   e (org 8, NV 2): assigned 1/6/2023          → not assigned
  AssignedTask a = OneOff(D(2023, 1, 5), D(2023, 4, 30));
  a.resolution_task_id = 1;
  a.completed_on = D(2023, 4, 28);
  AssignedTask b = a;
  b.completed_on = D(2023, 5, 3);
  AssignedTask c = OneOff(D(2023, 1, 5), D(2023, 6, 30));
  c.owner_org_id = 8;
  c.resolution_task_id = 2;
  AssignedTask d = OneOff(D(2023, 1, 5), D(2023, 5, 10));
  d.owner_org_id = 8;
  AssignedTask e = c;
  e.assigned = D(2023, 6, 1);
  const std::vector<AssignedTask> tasks = {a, b, c, d, e};
  const Date as_of = D(2023, 5, 17);

  const TaskCounts all = CountStates(tasks, as_of);
  EXPECT_EQ(all.Get(TaskState::kDoneOnTime), 1);
  EXPECT_EQ(all.Get(TaskState::kDoneLate), 1);
  EXPECT_EQ(all.Get(TaskState::kOpenInTime), 1);
  EXPECT_EQ(all.Get(TaskState::kOverdue), 1);
  EXPECT_EQ(all.Get(TaskState::kNotAssigned), 1);
  EXPECT_EQ(all.Assigned(), 4);

  const std::map<int64_t, TaskCounts> by_owner = CountStatesByOwner(tasks, as_of);
  ASSERT_EQ(by_owner.size(), 2u);
  EXPECT_EQ(by_owner.at(7).by_state, (std::array<int, kTaskStateCount>{0, 1, 1, 0, 0}));
  EXPECT_EQ(by_owner.at(8).by_state, (std::array<int, kTaskStateCount>{1, 0, 0, 1, 1}));

  const std::map<int64_t, TaskCounts> by_rt = CountStatesByResolutionTask(tasks, as_of);
  ASSERT_EQ(by_rt.size(), 3u);
  EXPECT_EQ(by_rt.at(1).Assigned(), 2);                   // a, b
  EXPECT_EQ(by_rt.at(2).Get(TaskState::kOpenInTime), 1);  // c (e is not assigned yet)
  EXPECT_EQ(by_rt.at(2).Get(TaskState::kNotAssigned), 1);
  EXPECT_EQ(by_rt.at(0).Get(TaskState::kOverdue), 1);  // d, linked to none
}

}  // namespace
}  // namespace nq::task_test
