#include "service/task_service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/test_date.h"
#include "service/service_test_util.h"

namespace nq::task_service_test {
namespace {

const char kPdf[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

// The bloc's resolution with one breakthrough task; tasks are created per test.
class TaskServiceTest : public testing_util::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    const BlocPlan plan = CreateBlocPlan();
    ASSERT_GT(plan.breakthrough_id, 0);
    resolution_id_ = plan.resolution_id;
    breakthrough_id_ = plan.breakthrough_id;
  }

  // A one-off document task of `owner`, assigned 5/1/2023, due 31/3/2023.
  AssignedTask DocumentTask(const std::string& owner) {
    AssignedTask t;
    t.resolution_id = resolution_id_;
    t.resolution_task_id = breakthrough_id_;
    t.title = "Xây dựng kế hoạch thực hiện Nghị quyết";
    t.owner_org_id = Id(owner);
    t.assigning_document = "125-CV/ĐUK";
    t.assigned = D(2023, 1, 5);
    t.deadline.due = D(2023, 3, 31);
    t.product = ProductKind::kDocument;
    t.document = ConcretizingDocument{"", "Kế hoạch thực hiện Nghị quyết", std::nullopt,
                                      "Ban Thường vụ Đảng ủy"};
    return t;
  }

  AssignedTask Created(const AssignedTask& t) {
    Result<AssignedTask> c = app_->tasks().Create(As(Role::kCommittee, "DUK"), t, system_);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : AssignedTask{};
  }

  size_t UpdateCount(int64_t task_id) {
    Result<TaskDetail> d = app_->tasks().Get(As(Role::kAdmin, "DUK"), task_id, D(2023, 5, 17));
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? d->updates.size() : 0;
  }

  int64_t resolution_id_ = 0;
  int64_t breakthrough_id_ = 0;
};

TEST_F(TaskServiceTest, CommitteeCreatesAndEveryoneInScopeReads) {
  AssignedTask t = DocumentTask("DUK.STC");
  t.cooperating_org_ids = {Id("DUK.SYT")};
  const AssignedTask c = Created(t);
  ASSERT_GT(c.id, 0);
  // The owner and the cooperating cell see it; a sibling committee and a cell below the owner
  // (whose scope does not reach up to it) do not.
  EXPECT_TRUE(app_->tasks().Get(As(Role::kReporter, "DUK.STC"), c.id, D(2023, 5, 17)).ok());
  EXPECT_TRUE(app_->tasks().Get(As(Role::kViewer, "DUK.SYT"), c.id, D(2023, 5, 17)).ok());
  EXPECT_EQ(
      app_->tasks().Get(As(Role::kReporter, "DUK.SCT"), c.id, D(2023, 5, 17)).status().key(),
      "scope.denied");
  EXPECT_EQ(
      app_->tasks().Get(As(Role::kReporter, "DUK.STC.VP"), c.id, D(2023, 5, 17)).status().key(),
      "scope.denied");
  Result<TaskDetail> d = app_->tasks().Get(As(Role::kReporter, "DUK.STC"), c.id, D(2023, 5, 17));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->state, TaskState::kOverdue);
  EXPECT_TRUE(d->can_report);
  EXPECT_FALSE(d->can_edit);
  Result<TaskDetail> coop = app_->tasks().Get(As(Role::kReporter, "DUK.SYT"), c.id, D(2023, 5, 17));
  ASSERT_TRUE(coop.ok());
  EXPECT_FALSE(coop->can_report);  // cooperating organizations read, they do not report
}

TEST_F(TaskServiceTest, CreateRefusesBadInputAndWritesNothing) {
  const int64_t before = LastAuditId();
  AssignedTask t = DocumentTask("DUK.STC");
  t.deadline.due = D(2022, 12, 31);
  EXPECT_EQ(app_->tasks().Create(As(Role::kCommittee, "DUK"), t, system_).status().key(),
            "task.deadline_before_assignment");
  t = DocumentTask("DUK.STC");
  EXPECT_EQ(app_->tasks().Create(As(Role::kReporter, "DUK"), t, system_).status().key(),
            "role.denied");
  EXPECT_EQ(app_->tasks().Create(As(Role::kCommittee, "DUK.SCT"), t, system_).status().key(),
            "scope.denied");
  t.owner_org_id = 987654;
  EXPECT_EQ(app_->tasks().Create(As(Role::kCommittee, "DUK"), t, system_).status().key(),
            "org.not_found");
  t = DocumentTask("DUK.STC");
  t.progress_percent = 40;
  EXPECT_EQ(app_->tasks().Create(As(Role::kCommittee, "DUK"), t, system_).status().key(),
            "task.progress_on_create");
  t = DocumentTask("DUK.STC");
  t.parent_id = 424242;
  EXPECT_EQ(app_->tasks().Create(As(Role::kCommittee, "DUK"), t, system_).status().key(),
            "task.parent_invalid");
  EXPECT_EQ(LastAuditId(), before);
}

TEST_F(TaskServiceTest, ProgressWithEvidenceThenCompletionLate) {
  const AssignedTask c = Created(DocumentTask("DUK.STC"));
  const int64_t reporter = AddUser("bcv.stc", Role::kReporter, "DUK.STC");
  const Principal p = PrincipalOf(reporter);
  ProgressInput in;
  in.percent = 60;
  in.note = "Đã trình dự thảo kế hoạch";
  Result<TaskUpdate> u = app_->tasks().PostProgress(
      p, c.id, in, {EvidenceUpload{"Dự thảo kế hoạch.pdf", kPdf}}, system_);
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->old_percent, 0);
  EXPECT_EQ(u->percent, 60);
  ASSERT_EQ(u->evidence.size(), 1u);
  EXPECT_EQ(u->evidence[0].type, EvidenceType::kPdf);
  EXPECT_EQ(u->evidence[0].file_name, "Dự thảo kế hoạch.pdf");
  Result<EvidenceFile> f = app_->tasks().GetEvidence(p, u->evidence[0].id);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->bytes, std::string(kPdf));
  EXPECT_EQ(app_->tasks().GetEvidence(As(Role::kAdmin, "DUK.SCT"), u->evidence[0].id)
                .status()
                .key(),
            "scope.denied");

  // Completion needs the product: the issued document's number and date.
  ProgressInput done;
  done.percent = 100;
  done.completed_on = D(2023, 4, 3);
  EXPECT_EQ(app_->tasks().PostProgress(p, c.id, done, {}, system_).status().key(),
            "task.product_missing");
  done.document = ConcretizingDocument{"15-KH/ĐU", "Kế hoạch thực hiện Nghị quyết",
                                       D(2023, 4, 3), "Ban Thường vụ Đảng ủy"};
  ASSERT_TRUE(app_->tasks().PostProgress(p, c.id, done, {}, system_).ok());
  Result<TaskDetail> d = app_->tasks().Get(p, c.id, D(2023, 5, 17));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->state, TaskState::kDoneLate);
  EXPECT_EQ(d->updates.size(), 2u);
  EXPECT_EQ(d->task.document->number, "15-KH/ĐU");
  // As of the day before completion it was overdue.
  EXPECT_EQ(app_->tasks().Get(p, c.id, D(2023, 4, 2))->state, TaskState::kOverdue);
}

TEST_F(TaskServiceTest, RefusedUpdatesStoreNothing) {
  const AssignedTask c = Created(DocumentTask("DUK.STC"));
  const Principal p = As(Role::kReporter, "DUK.STC");
  ProgressInput in;
  in.percent = 30;
  in.note = "Đang soạn thảo";
  // HTML named .pdf: refused by content.
  EXPECT_EQ(app_->tasks()
                .PostProgress(p, c.id, in, {EvidenceUpload{"bao-cao.pdf", "<html>x</html>"}},
                              system_)
                .status()
                .key(),
            "evidence.type_mismatch");
  EXPECT_EQ(app_->tasks().PostProgress(p, c.id, in, {EvidenceUpload{"rong.pdf", ""}}, system_)
                .status()
                .key(),
            "evidence.empty");
  EXPECT_EQ(app_->tasks()
                .PostProgress(p, c.id, in,
                              {EvidenceUpload{"lon.pdf", std::string(kMaxEvidenceBytes + 1, 'x')}},
                              system_)
                .status()
                .key(),
            "evidence.too_large");
  EXPECT_EQ(app_->tasks().PostProgress(As(Role::kViewer, "DUK.STC"), c.id, in, {}, system_)
                .status()
                .key(),
            "role.denied");
  EXPECT_EQ(app_->tasks().PostProgress(As(Role::kReporter, "DUK.SCT"), c.id, in, {}, system_)
                .status()
                .key(),
            "scope.denied");
  in.percent = 101;
  EXPECT_EQ(app_->tasks().PostProgress(p, c.id, in, {}, system_).status().key(),
            "task.progress_invalid");
  EXPECT_EQ(UpdateCount(c.id), 0u);

  in.percent = 50;
  ASSERT_TRUE(app_->tasks().PostProgress(p, c.id, in, {}, system_).ok());
  in.percent = 20;  // going back needs a reason
  EXPECT_EQ(app_->tasks().PostProgress(p, c.id, in, {}, system_).status().key(),
            "task.progress_backwards");
  in.reason = "Dự thảo phải làm lại theo ý kiến Ban Thường vụ";
  EXPECT_TRUE(app_->tasks().PostProgress(p, c.id, in, {}, system_).ok());
  EXPECT_EQ(UpdateCount(c.id), 2u);
}

TEST_F(TaskServiceTest, ListFiltersCountsAndDueSoon) {
  const AssignedTask a = Created(DocumentTask("DUK.STC"));
  AssignedTask later = DocumentTask("DUK.SCT");
  later.deadline.due = D(2023, 5, 25);
  const AssignedTask b = Created(later);
  AssignedTask sub = DocumentTask("DUK.STC.VP");
  sub.parent_id = a.id;
  sub.product = ProductKind::kNone;
  sub.document.reset();
  const AssignedTask s = Created(sub);

  TaskFilter f;
  f.as_of = D(2023, 5, 17);
  Result<TaskList> all = app_->tasks().List(As(Role::kViewer, "DUK"), f);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->rows.size(), 3u);
  EXPECT_EQ(all->counts.Get(TaskState::kOverdue), 2);
  EXPECT_EQ(all->counts.Get(TaskState::kOpenInTime), 1);
  f.state = TaskState::kOverdue;
  Result<TaskList> overdue = app_->tasks().List(As(Role::kViewer, "DUK"), f);
  ASSERT_TRUE(overdue.ok());
  EXPECT_EQ(overdue->rows.size(), 2u);
  EXPECT_EQ(overdue->counts.Assigned(), 3);  // counts ignore the state filter
  f.state.reset();
  f.top_level_only = true;
  EXPECT_EQ(app_->tasks().List(As(Role::kViewer, "DUK"), f)->rows.size(), 2u);
  f.top_level_only = false;
  f.due_within_days = 14;  // only b is due within two weeks; the others are overdue
  Result<TaskList> window = app_->tasks().List(As(Role::kViewer, "DUK"), f);
  ASSERT_TRUE(window.ok());
  ASSERT_EQ(window->rows.size(), 1u);
  EXPECT_EQ(window->rows[0].task.id, b.id);
  EXPECT_EQ(window->counts.Assigned(), 1);
  f.due_within_days.reset();

  // The task page: sub-tasks as rows, the resolution, the parent's title where visible.
  Result<TaskDetail> da = app_->tasks().Get(As(Role::kViewer, "DUK"), a.id, D(2023, 5, 17));
  ASSERT_TRUE(da.ok());
  ASSERT_EQ(da->subtasks.size(), 1u);
  EXPECT_EQ(da->subtasks[0].task.id, s.id);
  EXPECT_EQ(da->subtasks[0].state, TaskState::kOverdue);
  EXPECT_EQ(da->next_due, D(2023, 3, 31));
  EXPECT_EQ(da->resolution.number, "01-NQ/ĐUK");
  ASSERT_TRUE(da->resolution_task);
  EXPECT_EQ(da->resolution_task->title, "Nâng cao chất lượng sinh hoạt chi bộ");
  EXPECT_EQ(da->resolution_task->kind, ResolutionTaskKind::kBreakthrough);
  Result<TaskDetail> ds = app_->tasks().Get(As(Role::kViewer, "DUK"), s.id, D(2023, 5, 17));
  ASSERT_TRUE(ds.ok());
  EXPECT_EQ(ds->parent_title, a.title);
  Result<TaskDetail> cell = app_->tasks().Get(As(Role::kReporter, "DUK.STC.VP"), s.id,
                                              D(2023, 5, 17));
  ASSERT_TRUE(cell.ok());
  EXPECT_EQ(cell->parent_title, "");  // the parent belongs to DUK.STC, above the cell's scope
  f.org_id = Id("DUK.STC");
  EXPECT_EQ(app_->tasks().List(As(Role::kViewer, "DUK"), f)->rows.size(), 2u);
  EXPECT_EQ(app_->tasks().List(As(Role::kViewer, "DUK.SCT"), f).status().key(), "scope.denied");
  f.org_id.reset();
  Result<TaskList> sct = app_->tasks().List(As(Role::kReporter, "DUK.SCT"), f);
  ASSERT_TRUE(sct.ok());
  ASSERT_EQ(sct->rows.size(), 1u);
  EXPECT_EQ(sct->rows[0].task.id, b.id);
  EXPECT_EQ(sct->rows[0].next_due, D(2023, 5, 25));

  Result<std::vector<TaskRow>> soon =
      app_->tasks().DueSoon(As(Role::kReporter, "DUK"), D(2023, 5, 17), 14);
  ASSERT_TRUE(soon.ok());
  ASSERT_EQ(soon->size(), 3u);
  EXPECT_EQ((*soon)[0].state, TaskState::kOverdue);
  EXPECT_EQ((*soon)[2].task.id, b.id);  // due in 8 days, after the overdue ones
  EXPECT_EQ(app_->tasks().DueSoon(As(Role::kReporter, "DUK"), D(2023, 5, 17), 5)->size(), 2u);
  EXPECT_EQ(app_->tasks().DueSoon(As(Role::kReporter, "DUK"), D(2023, 5, 17), 8)->size(), 3u);
}

TEST_F(TaskServiceTest, EditKeepsTheProgressThatUpdatesRecorded) {
  const AssignedTask c = Created(DocumentTask("DUK.STC"));
  ProgressInput in;
  in.percent = 70;
  in.note = "Đã xin ý kiến các đơn vị";
  ASSERT_TRUE(app_->tasks().PostProgress(As(Role::kReporter, "DUK.STC"), c.id, in, {}, system_).ok());
  AssignedTask edit = c;
  edit.deadline.due = D(2023, 6, 30);  // the committee extends the deadline
  Result<AssignedTask> e = app_->tasks().Update(As(Role::kCommittee, "DUK"), edit, system_);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->progress_percent, 70);
  EXPECT_EQ(e->deadline.due, D(2023, 6, 30));
  EXPECT_EQ(app_->tasks().Get(As(Role::kAdmin, "DUK"), c.id, D(2023, 5, 17))->state,
            TaskState::kOpenInTime);
  EXPECT_EQ(app_->tasks().Update(As(Role::kReporter, "DUK.STC"), edit, system_).status().key(),
            "role.denied");
}

TEST_F(TaskServiceTest, SaveAllWritesEverythingOrNothing) {
  TaskService::TaskWrite parent{DocumentTask("DUK.STC"), true, -1};
  TaskService::TaskWrite child{DocumentTask("DUK.STC.VP"), true, 0};
  child.task.title = "Xây dựng kế hoạch của chi bộ";
  TaskService::TaskWrite bad{DocumentTask("DUK.SYT"), true, -1};
  bad.task.owner_org_id = 987654;  // no such organization: the store refuses it
  const int64_t before = LastAuditId();
  EXPECT_FALSE(app_->tasks().SaveAllAsSystem({parent, child, bad}, system_).ok());
  EXPECT_EQ(LastAuditId(), before);  // the two good tasks were not written either
  TaskService::TaskWrite late_parent{DocumentTask("DUK.STC"), true, 1};  // names a later write
  EXPECT_EQ(app_->tasks().SaveAllAsSystem({late_parent, child}, system_).status().key(),
            "task.parent_invalid");

  Result<std::vector<AssignedTask>> saved =
      app_->tasks().SaveAllAsSystem({parent, child}, system_);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  ASSERT_EQ(saved->size(), 2u);
  EXPECT_EQ((*saved)[1].parent_id, (*saved)[0].id);
  EXPECT_EQ(app_->tasks().ListAsSystem(resolution_id_)->size(), 2u);
}

}  // namespace
}  // namespace nq::task_service_test
