// StoreTest (see store_test.cc): assigned tasks and their progress updates (issue 4) — round
// trips of every kind of task (document, recurring report, project, sub-task), the list
// filters (resolution, owner, parent), updates that replace the parts, references to missing
// rows, progress updates with evidence files stored byte for byte and returned as stored, and
// the audit rows, which never hold a file's bytes.
#include <nlohmann/json.hpp>

#include "common/base64.h"
#include "store_fixture.h"

namespace nq::store::testing::store_task_test {
namespace {

Period P(const char* id) { return *Period::Parse(id); }

class StoreTaskTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    duk_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
    stc_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK.STC", "Đảng bộ Sở Tài chính", duk_));
    sct_ =
        InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK.SCT", "Đảng bộ Sở Công Thương", duk_));
    vp_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK.VP", "Chi bộ Văn phòng", duk_));
    auto tx = Write();
    Term term{0, "Nhiệm kỳ 2020 - 2025", {2020, 8, 1}, {2025, 7, 31}, duk_};
    term.id = *tx->InsertTerm(term);
    r1_ =
        *tx->InsertResolution({0, term.id, "01-NQ/ĐUK", "Nghị quyết Đại hội XIII", {2020, 8, 20}});
    r2_ = *tx->InsertResolution({0, term.id, "05-NQ/ĐUK", "Nghị quyết chuyên đề", {2021, 3, 1}});
    bt_ = *tx->InsertResolutionTask(
        {0, r1_, ResolutionTaskKind::kBreakthrough, 1, "Đột phá về chuyển đổi số", "", {}});
    ASSERT_TRUE(tx->Commit().ok());
  }

  // A one-off task to issue a plan, not yet issued: the document has a title only.
  AssignedTask DocumentTask(int64_t owner) const {
    AssignedTask t;
    t.resolution_id = r1_;
    t.resolution_task_id = bt_;
    t.title = "Ban hành kế hoạch thực hiện Nghị quyết";
    t.owner_org_id = owner;
    t.assigning_document = "125-CV/ĐUK";
    t.assigned = {2023, 2, 1};
    t.deadline.due = {2023, 6, 30};
    t.product = ProductKind::kDocument;
    t.document = ConcretizingDocument{"", "Kế hoạch thực hiện Nghị quyết 01", {}, ""};
    return t;
  }

  AssignedTask ReportTask(int64_t owner) const {
    AssignedTask t;
    t.resolution_id = r2_;
    t.title = "Báo cáo hằng quý kết quả chuyển đổi số";
    t.owner_org_id = owner;
    t.assigned = {2023, 1, 10};
    t.deadline = {TaskRecurrence::kQuarterly, {1970, 1, 1}, 15, Date{2024, 12, 31}};
    t.product = ProductKind::kReport;
    t.occurrence_completions = {{P("2023Q1"), {2023, 4, 12}, "12-BC/ĐU"},
                                {P("2023Q2"), {2023, 7, 14}, ""}};
    t.progress_percent = 25;
    return t;
  }

  AssignedTask ProjectTask(int64_t owner) const {
    AssignedTask t;
    t.resolution_id = r1_;
    t.title = "Xây dựng trung tâm dữ liệu của Khối";
    t.owner_org_id = owner;
    t.cooperating_org_ids = {vp_, sct_};  // kept in this order, not by id
    t.assigned = {2023, 3, 1};
    t.deadline.due = {2025, 6, 30};
    t.product = ProductKind::kProject;
    t.project = KeyProject{"Trung tâm dữ liệu",
                           "Số 8 Trần Phú, Hà Nội",
                           {{"Phê duyệt chủ trương", {2023, 6, 30}, Date{2023, 6, 20}},
                            {"Khởi công", {2024, 1, 15}, {}},
                            {"Đưa vào sử dụng", {2025, 6, 1}, {}}}};
    t.progress_percent = 40;
    return t;
  }

  // Inserts and commits; returns the task with its id.
  AssignedTask Inserted(AssignedTask t) {
    auto tx = Write();
    Result<int64_t> id = tx->InsertAssignedTask(t);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    t.id = id.ok() ? *id : 0;
    return t;
  }

  // The task as a fresh Database reads it.
  AssignedTask ReadBack(int64_t id) {
    std::unique_ptr<Database> again = Reopen();
    auto tx = again->Begin(actor_, TxMode::kRead);
    EXPECT_TRUE(tx.ok());
    if (!tx.ok()) return {};
    Result<AssignedTask> got = (*tx)->GetAssignedTask(id);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    return got.ok() ? *got : AssignedTask{};
  }

  std::vector<AssignedTask> List(const Tx::TaskQuery& q) {
    auto tx = ReadOnly();
    Result<std::vector<AssignedTask>> got = tx->ListAssignedTasks(q);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    return got.ok() ? *got : std::vector<AssignedTask>{};
  }

  int64_t duk_ = 0, stc_ = 0, sct_ = 0, vp_ = 0, r1_ = 0, r2_ = 0, bt_ = 0;
};

TEST_F(StoreTaskTest, DocumentTaskRoundTrips) {
  const AssignedTask pending = Inserted(DocumentTask(stc_));
  ASSERT_GT(pending.id, 0);
  EXPECT_EQ(ReadBack(pending.id), pending);

  AssignedTask empty_doc = DocumentTask(stc_);  // a document present with every field empty
  empty_doc.document = ConcretizingDocument{};
  empty_doc.resolution_task_id.reset();
  empty_doc = Inserted(empty_doc);
  const AssignedTask got = ReadBack(empty_doc.id);
  EXPECT_EQ(got, empty_doc);
  EXPECT_TRUE(got.document.has_value());

  AssignedTask issued = DocumentTask(sct_);
  issued.document = ConcretizingDocument{"15-KH/ĐUK", "Kế hoạch thực hiện", Date{2023, 5, 4},
                                         "Ban Thường vụ Đảng ủy Khối"};
  issued.completed_on = Date{2023, 5, 4};
  issued.progress_percent = 100;
  issued = Inserted(issued);
  EXPECT_EQ(ReadBack(issued.id), issued);

  AssignedTask bare = DocumentTask(sct_);  // no product at all
  bare.product = ProductKind::kNone;
  bare.document.reset();
  bare.assigning_document.clear();
  bare = Inserted(bare);
  EXPECT_EQ(ReadBack(bare.id), bare);
  EXPECT_FALSE(ReadBack(bare.id).document.has_value());

  auto tx = ReadOnly();
  EXPECT_EQ(tx->GetAssignedTask(bare.id + 100).status().code(), Code::kNotFound);
  EXPECT_EQ(tx->GetAssignedTask(bare.id + 100).status().key(), "task.not_found");
}

TEST_F(StoreTaskTest, RecurringReportTaskRoundTripsWithCompletionsByPeriod) {
  const AssignedTask t = Inserted(ReportTask(stc_));
  EXPECT_EQ(ReadBack(t.id), t);

  AssignedTask open_ended = ReportTask(sct_);  // no end, no completion
  open_ended.deadline.until.reset();
  open_ended.deadline.recurrence = TaskRecurrence::kMonthly;
  open_ended.deadline.offset_days = 0;
  open_ended.occurrence_completions.clear();
  open_ended = Inserted(open_ended);
  EXPECT_EQ(ReadBack(open_ended.id), open_ended);

  AssignedTask shuffled = ReportTask(vp_);  // written out of order, read by period
  shuffled.occurrence_completions = {{P("2023Q3"), {2023, 10, 2}, "3"},
                                     {P("2023Q1"), {2023, 4, 2}, "1"}};
  shuffled = Inserted(shuffled);
  const AssignedTask got = ReadBack(shuffled.id);
  ASSERT_EQ(got.occurrence_completions.size(), 2u);
  EXPECT_EQ(got.occurrence_completions[0], (OccurrenceCompletion{P("2023Q1"), {2023, 4, 2}, "1"}));
  EXPECT_EQ(got.occurrence_completions[1], (OccurrenceCompletion{P("2023Q3"), {2023, 10, 2}, "3"}));
}

TEST_F(StoreTaskTest, ProjectTaskAndSubTaskRoundTrip) {
  const AssignedTask project = Inserted(ProjectTask(stc_));
  const AssignedTask got = ReadBack(project.id);
  EXPECT_EQ(got, project);
  EXPECT_EQ(got.cooperating_org_ids, (std::vector<int64_t>{vp_, sct_}));
  ASSERT_TRUE(got.project.has_value());
  ASSERT_EQ(got.project->milestones.size(), 3u);
  EXPECT_EQ(got.project->milestones[2].title, "Đưa vào sử dụng");

  AssignedTask empty_project = ProjectTask(sct_);  // a project with no milestones yet
  empty_project.project->milestones.clear();
  empty_project.cooperating_org_ids.clear();
  empty_project = Inserted(empty_project);
  EXPECT_EQ(ReadBack(empty_project.id), empty_project);

  AssignedTask sub = DocumentTask(vp_);
  sub.parent_id = project.id;
  sub.title = "Lập hồ sơ đề xuất chủ trương";
  sub.cooperating_org_ids = {stc_};
  sub = Inserted(sub);
  EXPECT_EQ(ReadBack(sub.id), sub);
  EXPECT_EQ(ReadBack(sub.id).parent_id, project.id);
}

TEST_F(StoreTaskTest, ListFiltersByResolutionAndOwner) {
  const AssignedTask a = Inserted(ProjectTask(stc_));         // r1, STC
  const AssignedTask b = Inserted(DocumentTask(sct_));        // r1, SCT
  const AssignedTask c = Inserted(ReportTask(stc_));          // r2, STC
  EXPECT_EQ(List({}), (std::vector<AssignedTask>{a, b, c}));  // complete, by id
  EXPECT_EQ(List({r1_, {}, {}}), (std::vector<AssignedTask>{a, b}));
  EXPECT_EQ(List({r2_, {}, {}}), (std::vector<AssignedTask>{c}));
  EXPECT_EQ(List({std::nullopt, {stc_}, {}}), (std::vector<AssignedTask>{a, c}));
  EXPECT_EQ(List({std::nullopt, {sct_, stc_}, {}}), (std::vector<AssignedTask>{a, b, c}));
  EXPECT_EQ(List({r1_, {stc_}, {}}), (std::vector<AssignedTask>{a}));
  EXPECT_EQ(List({r2_, {sct_}, {}}), std::vector<AssignedTask>{});
  EXPECT_EQ(List({std::nullopt, {vp_}, {}}), std::vector<AssignedTask>{});
  EXPECT_EQ(List({r2_ + 50, {}, {}}), std::vector<AssignedTask>{});
}

TEST_F(StoreTaskTest, ListFiltersBySubTasksOfOneParent) {
  const AssignedTask project = Inserted(ProjectTask(stc_));
  const AssignedTask other = Inserted(ProjectTask(sct_));
  AssignedTask sub = DocumentTask(vp_);
  sub.parent_id = project.id;
  sub = Inserted(sub);
  AssignedTask other_sub = DocumentTask(sct_);
  other_sub.parent_id = other.id;
  other_sub = Inserted(other_sub);
  AssignedTask report = ReportTask(stc_);  // r2, STC
  report.parent_id = project.id;
  report = Inserted(report);
  AssignedTask grandchild = DocumentTask(stc_);
  grandchild.parent_id = sub.id;
  grandchild = Inserted(grandchild);
  const auto sub_tasks = [](int64_t parent, std::optional<int64_t> resolution,
                            std::vector<int64_t> owners) {
    Tx::TaskQuery q{resolution, std::move(owners), {}};
    q.parent_id = parent;
    return q;
  };
  // Complete, by id; the direct sub-tasks only.
  EXPECT_EQ(List(sub_tasks(project.id, {}, {})), (std::vector<AssignedTask>{sub, report}));
  EXPECT_EQ(List(sub_tasks(other.id, {}, {})), (std::vector<AssignedTask>{other_sub}));
  EXPECT_EQ(List(sub_tasks(sub.id, {}, {})), (std::vector<AssignedTask>{grandchild}));
  EXPECT_EQ(List(sub_tasks(report.id, {}, {})), std::vector<AssignedTask>{});
  EXPECT_EQ(List(sub_tasks(project.id, {}, {stc_})), (std::vector<AssignedTask>{report}));
  EXPECT_EQ(List(sub_tasks(project.id, r1_, {})), (std::vector<AssignedTask>{sub}));
  EXPECT_EQ(List(sub_tasks(project.id, r1_, {stc_})), std::vector<AssignedTask>{});
  EXPECT_EQ(List(sub_tasks(grandchild.id + 100, {}, {})), std::vector<AssignedTask>{});
  EXPECT_EQ(List({}).size(), 6u);  // no parent given: every task
}

TEST_F(StoreTaskTest, UpdateReplacesEveryField) {
  const AssignedTask other = Inserted(ProjectTask(sct_));
  AssignedTask t = Inserted(ProjectTask(stc_));
  t.title = "Đổi tên nhiệm vụ";
  t.resolution_id = r2_;
  t.owner_org_id = vp_;
  t.cooperating_org_ids.clear();
  t.product = ProductKind::kDocument;
  t.project.reset();
  t.document = ConcretizingDocument{"7-KH/ĐUK", "Kế hoạch", Date{2023, 9, 1}, "Ban Thường vụ"};
  t.deadline.due = {2023, 12, 31};
  t.completed_on = Date{2023, 9, 1};
  t.progress_percent = 100;
  t.parent_id = other.id;
  auto tx = Write();
  ASSERT_TRUE(tx->UpdateAssignedTask(t).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(ReadBack(t.id), t);
  EXPECT_EQ(ReadBack(other.id), other);  // the other task's parts are untouched

  t.document.reset();  // and back: optional fields cleared
  t.product = ProductKind::kNone;
  t.completed_on.reset();
  t.parent_id.reset();
  t.cooperating_org_ids = {sct_, stc_};
  tx = Write();
  ASSERT_TRUE(tx->UpdateAssignedTask(t).ok());
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(ReadBack(t.id), t);
}

TEST_F(StoreTaskTest, UnknownReferencesAreRefusedAndNothingIsWritten) {
  const AssignedTask stored = Inserted(ProjectTask(stc_));
  struct Case {
    const char* key;
    void (*spoil)(AssignedTask*, int64_t missing);
  };
  const Case cases[] = {
      {"task.resolution_unknown", [](AssignedTask* t, int64_t m) { t->resolution_id = m; }},
      {"task.owner_unknown", [](AssignedTask* t, int64_t m) { t->owner_org_id = m; }},
      {"task.cooperating_unknown",
       [](AssignedTask* t, int64_t m) { t->cooperating_org_ids.push_back(m); }},
      {"task.parent_unknown", [](AssignedTask* t, int64_t m) { t->parent_id = m; }},
      {"task.resolution_task_unknown",
       [](AssignedTask* t, int64_t m) { t->resolution_task_id = m; }},
  };
  const int64_t missing = 9999;
  auto tx = Write();
  for (const Case& c : cases) {
    AssignedTask bad = ProjectTask(stc_);
    c.spoil(&bad, missing);
    Result<int64_t> ins = tx->InsertAssignedTask(bad);
    EXPECT_EQ(ins.status().code(), Code::kInvalid) << c.key;
    EXPECT_EQ(ins.status().key(), c.key);
    bad.id = stored.id;
    const Status upd = tx->UpdateAssignedTask(bad);
    EXPECT_EQ(upd.code(), Code::kInvalid) << c.key;
    EXPECT_EQ(upd.key(), c.key);
    EXPECT_NE(upd.message().find("9999"), std::string::npos) << upd.message();
  }
  // Several missing: the first in the order of the contract is named, whichever row fails first.
  AssignedTask worse = ProjectTask(stc_);
  worse.cooperating_org_ids.push_back(missing);
  worse.parent_id = missing + 1;
  worse.resolution_task_id = missing + 2;
  EXPECT_EQ(tx->InsertAssignedTask(worse).status().key(), "task.cooperating_unknown");
  worse.owner_org_id = missing + 3;
  EXPECT_EQ(tx->InsertAssignedTask(worse).status().key(), "task.owner_unknown");
  worse.id = stored.id;
  EXPECT_EQ(tx->UpdateAssignedTask(worse).key(), "task.owner_unknown");
  worse.owner_org_id = stc_;
  worse.cooperating_org_ids = {sct_};
  EXPECT_EQ(tx->UpdateAssignedTask(worse).key(), "task.parent_unknown");
  AssignedTask twice = ReportTask(stc_);  // what validation refuses, the store refuses too
  twice.occurrence_completions.push_back(twice.occurrence_completions[0]);
  EXPECT_EQ(tx->InsertAssignedTask(twice).status().key(), "task.completion_invalid");
  AssignedTask missing_task = ProjectTask(stc_);
  missing_task.id = stored.id + 100;
  const Status not_found = tx->UpdateAssignedTask(missing_task);
  EXPECT_EQ(not_found.code(), Code::kNotFound);
  EXPECT_EQ(not_found.key(), "task.not_found");
  ASSERT_TRUE(tx->Commit().ok());  // the failures left the transaction usable

  EXPECT_EQ(List({}), (std::vector<AssignedTask>{stored}));
  tx = ReadOnly();
  auto audit = tx->ListAudit("assigned_task", "", 50);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);  // the create of `stored` only
  EXPECT_EQ((*audit)[0].action, "create");
}

// A file holding every byte value, with a marker that must never reach the audit log.
std::string BinaryBytes() {
  std::string out = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 256; ++i) out += static_cast<char>(i);
  out += "MARKER-bytes-never-audited";
  for (int i = 255; i >= 0; --i) out += static_cast<char>(i);
  return out;
}

EvidenceFile MakeFile(const std::string& name, EvidenceType type, const std::string& bytes,
                      const std::string& sha) {
  EvidenceFile f;
  f.info = {555, 666, 777, name, type, static_cast<int64_t>(bytes.size()), sha};  // ids ignored
  f.bytes = bytes;
  return f;
}

TEST_F(StoreTaskTest, ProgressUpdatesKeepEvidenceByteForByte) {
  const AssignedTask task = Inserted(DocumentTask(stc_));
  const std::string pdf = "%PDF-1.7\nMARKER-bytes-never-audited\n%%EOF";
  const std::string png = BinaryBytes();
  ASSERT_EQ(png.size(), 8u + 256 + 26 + 256);
  const std::vector<EvidenceFile> files = {
      MakeFile("Kế hoạch 15.pdf", EvidenceType::kPdf, pdf, std::string(64, 'a')),
      MakeFile("ảnh.png", EvidenceType::kPng, png, std::string(64, 'b'))};

  TaskUpdate later{0, task.id, 1700000500, 7, "tester", 10, 60, "Đã trình dự thảo", "", {}, {}, {}};
  TaskUpdate first{0,           task.id, 1700000000,       7,           "tester", 0, 10,
                   "Khởi động", "",      Date{2023, 5, 4}, P("2023Q2"), {}};
  TaskUpdate later_given = later;  // its id and evidence are ignored
  later_given.id = 4242;
  later_given.evidence = {files[1].info};
  auto tx = Write();
  Result<TaskUpdate> later_stored = tx->InsertTaskUpdate(later_given, files);
  ASSERT_TRUE(later_stored.ok()) << later_stored.status().ToString();
  Result<TaskUpdate> first_stored = tx->InsertTaskUpdate(first, {});
  ASSERT_TRUE(first_stored.ok()) << first_stored.status().ToString();
  Result<TaskUpdate> lost =
      tx->InsertTaskUpdate({0, task.id + 100, 1, 7, "tester", 0, 1, "x", "", {}, {}, {}}, files);
  EXPECT_EQ(lost.status().code(), Code::kInvalid);
  EXPECT_EQ(lost.status().key(), "task.not_found");
  ASSERT_TRUE(tx->Commit().ok());
  const int64_t later_id = later_stored->id, first_id = first_stored->id;
  EXPECT_GT(later_id, 0);
  EXPECT_NE(later_id, 4242);
  EXPECT_GT(first_id, later_id);

  tx = ReadOnly();
  Result<std::vector<TaskUpdate>> updates = tx->ListTaskUpdates(task.id);
  ASSERT_TRUE(updates.ok()) << updates.status().ToString();
  ASSERT_EQ(updates->size(), 2u);
  first.id = first_id;
  EXPECT_EQ((*updates)[0], first);  // oldest first, by `at`
  EXPECT_EQ(*first_stored, first);
  const TaskUpdate& got = (*updates)[1];
  ASSERT_EQ(got.evidence.size(), 2u);
  EXPECT_EQ(*later_stored, got);  // returned as stored: ids, evidence infos in the order given
  later.id = later_id;
  later.evidence = got.evidence;
  EXPECT_EQ(got, later);
  for (size_t i = 0; i < 2; ++i) {
    const EvidenceInfo& info = got.evidence[i];
    EXPECT_GT(info.id, 0);
    EXPECT_EQ(info.task_id, task.id);
    EXPECT_EQ(info.update_id, later_id);
    EXPECT_EQ(info.file_name, files[i].info.file_name);
    EXPECT_EQ(info.type, files[i].info.type);
    EXPECT_EQ(info.size, files[i].info.size);
    EXPECT_EQ(info.sha256, files[i].info.sha256);
    EXPECT_EQ(*tx->GetEvidenceInfo(info.id), info);
    Result<std::string> bytes = tx->GetEvidenceContent(info.id);
    ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
    EXPECT_EQ(*bytes, files[i].bytes);
  }
  EXPECT_LT(got.evidence[0].id, got.evidence[1].id);
  const int64_t none = got.evidence[1].id + 100;
  EXPECT_EQ(tx->GetEvidenceInfo(none).status().code(), Code::kNotFound);
  EXPECT_EQ(tx->GetEvidenceInfo(none).status().key(), "evidence.not_found");
  EXPECT_EQ(tx->GetEvidenceContent(none).status().code(), Code::kNotFound);
  EXPECT_EQ(tx->GetEvidenceContent(none).status().key(), "evidence.not_found");
  EXPECT_TRUE(tx->ListTaskUpdates(task.id + 100)->empty());

  auto audit = tx->ListAudit("", "", 100);
  ASSERT_TRUE(audit.ok());
  for (const AuditEntry& e : *audit) {
    for (const std::string* v : {&e.old_value, &e.new_value}) {
      EXPECT_EQ(v->find("MARKER"), std::string::npos) << e.entity << " " << *v;
      EXPECT_EQ(v->find(Base64Encode(png).substr(0, 40)), std::string::npos);
    }
  }
}

TEST_F(StoreTaskTest, AuditRowsDescribeTasksAndUpdates) {
  AssignedTask t = Inserted(ProjectTask(stc_));
  AssignedTask changed = t;
  changed.cooperating_org_ids = {sct_};
  changed.project->milestones[1].done_on = Date{2024, 1, 10};
  auto tx = Write();
  ASSERT_TRUE(tx->UpdateAssignedTask(changed).ok());
  const std::vector<EvidenceFile> files = {MakeFile(
      "bb.pdf", EvidenceType::kPdf, "%PDF-1.4 MARKER-bytes-never-audited", std::string(64, 'c'))};
  Result<TaskUpdate> stored = tx->InsertTaskUpdate(
      {0, t.id, 1700000000, 7, "tester", 40, 55, "Khởi công", "", {}, {}, {}}, files);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto rows = tx->ListAudit("assigned_task", std::to_string(t.id), 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const AuditEntry& update = (*rows)[0];
  const AuditEntry& create = (*rows)[1];
  EXPECT_EQ(create.action, "create");
  EXPECT_EQ(create.old_value, "");
  EXPECT_EQ(create.username, "tester");
  EXPECT_EQ(update.action, "update");
  EXPECT_EQ(update.old_value, create.new_value);

  const nlohmann::json before = nlohmann::json::parse(create.new_value);
  EXPECT_EQ(before["id"], t.id);
  EXPECT_EQ(before["title"], "Xây dựng trung tâm dữ liệu của Khối");
  EXPECT_EQ(before["owner_org_id"], stc_);
  EXPECT_EQ(before["cooperating_org_ids"], nlohmann::json::array({vp_, sct_}));
  EXPECT_EQ(before["resolution_task_id"], nullptr);
  EXPECT_EQ(before["deadline"], nlohmann::json::parse(R"({"recurrence":"once","due":"2025-06-30",
                                                          "offset_days":10,"until":null})"));
  EXPECT_EQ(before["product"], "project");
  EXPECT_EQ(before["document"], nullptr);
  EXPECT_EQ(before["project"]["location"], "Số 8 Trần Phú, Hà Nội");
  EXPECT_EQ(before["project"]["milestones"][0],
            nlohmann::json::parse(
                R"({"title":"Phê duyệt chủ trương","due":"2023-06-30","done_on":"2023-06-20"})"));
  EXPECT_EQ(before["project"]["milestones"][1]["done_on"], nullptr);
  EXPECT_EQ(before["occurrence_completions"], nlohmann::json::array());
  EXPECT_EQ(before["progress_percent"], 40);
  const nlohmann::json after = nlohmann::json::parse(update.new_value);
  EXPECT_EQ(after["cooperating_org_ids"], nlohmann::json::array({sct_}));
  EXPECT_EQ(after["project"]["milestones"][1]["done_on"], "2024-01-10");

  rows = tx->ListAudit("task_update", std::to_string(stored->id), 10);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].action, "create");
  EXPECT_EQ((*rows)[0].new_value.find("MARKER"), std::string::npos);
  const nlohmann::json u = nlohmann::json::parse((*rows)[0].new_value);
  EXPECT_EQ(u["task_id"], t.id);
  EXPECT_EQ(u["percent"], 55);
  EXPECT_EQ(u["note"], "Khởi công");
  EXPECT_EQ(u["period"], nullptr);
  ASSERT_EQ(u["evidence"].size(), 1u);
  EXPECT_EQ(u["evidence"][0]["file_name"], "bb.pdf");
  EXPECT_EQ(u["evidence"][0]["type"], "pdf");
  EXPECT_EQ(u["evidence"][0]["size"], 35);
  EXPECT_EQ(u["evidence"][0]["sha256"], std::string(64, 'c'));
  EXPECT_EQ(u["evidence"][0]["id"], tx->ListTaskUpdates(t.id)->at(0).evidence.at(0).id);
}

}  // namespace
}  // namespace nq::store::testing::store_task_test
