// StoreTest (see store_test.cc): terms, resolutions, targets and resolution tasks.
#include "store_fixture.h"

namespace nq::store::testing::store_plan_test {
namespace {

Target MakeTarget(int64_t resolution_id, const std::string& code, int position) {
  Target t;
  t.resolution_id = resolution_id;
  t.code = code;
  t.position = position;
  t.text = "Hằng năm kết nạp từ 3% trở lên so với tổng số đảng viên đầu nhiệm kỳ";
  t.field = Field::kPartyBuilding;
  t.comparator = Comparator::kAtLeast;
  t.kind = TargetKind::kEveryYear;
  t.indicator = "admitted / members@term_start";
  t.value = 0.03;
  t.value_formula = "0.03 * members@term_start";
  t.unit = "%";
  return t;
}

TEST_F(StoreTest, TermsAndResolutionsRoundTrip) {
  const int64_t org = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
  auto tx = Write();
  Term later{0, "Nhiệm kỳ 2025 - 2030", {2025, 10, 1}, {2030, 9, 30}, org};
  Term term{0, "Nhiệm kỳ 2020 - 2025", {2020, 8, 1}, {2025, 7, 31}, org};
  later.id = *tx->InsertTerm(later);
  term.id = *tx->InsertTerm(term);
  EXPECT_EQ(tx->InsertTerm(Term{0, "Lạc", {2020, 1, 1}, {2021, 1, 1}, org + 50}).status().key(),
            "term.org_unknown");
  Resolution r1{0, term.id, "01-NQ/ĐUK", "Nghị quyết Đại hội đại biểu lần thứ XIII", {2020, 8, 20}};
  Resolution r0{0, term.id, "15-NQ/ĐUK", "Nghị quyết chuyên đề", {2020, 8, 2}};
  Resolution r2{0, later.id, "01-NQ/ĐUK", "Nghị quyết Đại hội lần thứ XIV", {2025, 10, 5}};
  r1.id = *tx->InsertResolution(r1);
  r0.id = *tx->InsertResolution(r0);
  r2.id = *tx->InsertResolution(r2);  // same number, other term: allowed
  auto dup = tx->InsertResolution(Resolution{0, term.id, "01-NQ/ĐUK", "Trùng", {2021, 1, 1}});
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "resolution.number_taken");
  EXPECT_EQ(
      tx->InsertResolution(Resolution{0, later.id + 9, "x", "y", {2021, 1, 1}}).status().key(),
      "resolution.term_unknown");
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  auto terms = tx->ListTerms();
  ASSERT_TRUE(terms.ok()) << terms.status().ToString();
  ASSERT_EQ(terms->size(), 2u);
  EXPECT_EQ((*terms)[0], term);  // by start date
  EXPECT_EQ((*terms)[1], later);
  EXPECT_EQ(*tx->GetTerm(later.id), later);
  EXPECT_EQ(tx->GetTerm(later.id + 9).status().key(), "term.not_found");
  auto of_term = tx->ListResolutions(term.id);
  ASSERT_TRUE(of_term.ok());
  ASSERT_EQ(of_term->size(), 2u);
  EXPECT_EQ((*of_term)[0], r0);  // by adoption date
  EXPECT_EQ((*of_term)[1], r1);
  auto all = tx->ListResolutions(std::nullopt);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3u);
  EXPECT_EQ(*tx->GetResolution(r2.id), r2);

  term.end = {2025, 9, 30};
  term.name = "Nhiệm kỳ 2020 - 2025 (điều chỉnh)";
  ASSERT_TRUE(tx->UpdateTerm(term).ok());
  r0.title = "Nghị quyết chuyên đề về công tác dân vận";
  r0.adopted = {2021, 3, 1};
  ASSERT_TRUE(tx->UpdateResolution(r0).ok());
  Resolution clash = r0;
  clash.number = "01-NQ/ĐUK";
  EXPECT_EQ(tx->UpdateResolution(clash).key(), "resolution.number_taken");
  EXPECT_EQ(tx->UpdateTerm(Term{term.id + 99, "x", {2020, 1, 1}, {2021, 1, 1}, org}).code(),
            Code::kNotFound);
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(*tx->GetTerm(term.id), term);
  EXPECT_EQ(*tx->GetResolution(r0.id), r0);
  auto audit = tx->ListAudit("resolution", std::to_string(r0.id), 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_NE((*audit)[0].old_value.find(R"("adopted":"2020-08-02")"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find(R"("adopted":"2021-03-01")"), std::string::npos);
  EXPECT_EQ(tx->ListAudit("term", "", 10)->size(), 3u);
}

TEST_F(StoreTest, TargetsAndResolutionTasksRoundTrip) {
  const int64_t org = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
  auto tx = Write();
  const int64_t term =
      *tx->InsertTerm(Term{0, "Nhiệm kỳ 2020 - 2025", {2020, 8, 1}, {2025, 7, 31}, org});
  const int64_t res = *tx->InsertResolution(
      Resolution{0, term, "01-NQ/ĐUK", "Nghị quyết Đại hội XIII", {2020, 8, 20}});
  const int64_t other =
      *tx->InsertResolution(Resolution{0, term, "02-NQ/ĐUK", "Nghị quyết khác", {2021, 1, 1}});

  Target mt1 = MakeTarget(res, "MT1", 2);
  Target mt2 = MakeTarget(res, "MT2", 1);
  mt2.text = "Kết nạp từ 1.200 - 1.300 đảng viên";
  mt2.comparator = Comparator::kRange;
  mt2.kind = TargetKind::kCumulative;
  mt2.field = Field::kCultureSociety;
  mt2.value = 1200;
  mt2.value_high = 1300.5;
  mt2.baseline = 0.1 + 0.2;  // not exactly 0.3: must round-trip bit for bit
  mt2.value_formula = "";
  mt2.unit = "đảng viên";
  mt1.id = *tx->InsertTarget(mt1);
  mt2.id = *tx->InsertTarget(mt2);
  auto dup = tx->InsertTarget(MakeTarget(res, "MT1", 3));
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "target.code_taken");
  EXPECT_TRUE(tx->InsertTarget(MakeTarget(other, "MT1", 1)).ok());  // other resolution
  EXPECT_EQ(tx->InsertTarget(MakeTarget(other + 50, "MT9", 1)).status().key(),
            "target.resolution_unknown");

  ResolutionTask key{0, res, ResolutionTaskKind::kKey, 1, "Nhiệm vụ trọng tâm", "Mô tả", {}};
  ResolutionTask bt2{0,  res,    ResolutionTaskKind::kBreakthrough, 2, "Đột phá về chuyển đổi số",
                     "", {"MT2"}};
  ResolutionTask bt1{0,
                     res,
                     ResolutionTaskKind::kBreakthrough,
                     1,
                     "Đột phá về công tác cán bộ",
                     "Nâng cao chất lượng",
                     {"MT2", "MT1"}};
  key.id = *tx->InsertResolutionTask(key);
  bt2.id = *tx->InsertResolutionTask(bt2);
  bt1.id = *tx->InsertResolutionTask(bt1);
  ResolutionTask wrong{0, res, ResolutionTaskKind::kKey, 5, "Sai", "", {"MT1", "MT7"}};
  auto unknown = tx->InsertResolutionTask(wrong);
  EXPECT_EQ(unknown.status().code(), Code::kInvalid);
  EXPECT_EQ(unknown.status().key(), "task.target_unknown");
  EXPECT_NE(unknown.status().message().find("MT7"), std::string::npos);
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  auto targets = tx->ListTargets(res);
  ASSERT_TRUE(targets.ok()) << targets.status().ToString();
  ASSERT_EQ(targets->size(), 2u);
  EXPECT_EQ((*targets)[0], mt2);  // by position
  EXPECT_EQ((*targets)[1], mt1);
  EXPECT_EQ(*(*targets)[0].baseline, 0.1 + 0.2);
  EXPECT_FALSE((*targets)[1].value_high.has_value());
  EXPECT_EQ(*tx->GetTarget(mt1.id), mt1);
  auto tasks = tx->ListResolutionTasks(res);
  ASSERT_TRUE(tasks.ok()) << tasks.status().ToString();
  ASSERT_EQ(tasks->size(), 3u);
  EXPECT_EQ((*tasks)[0], bt1);  // breakthrough before key, then by position
  EXPECT_EQ((*tasks)[1], bt2);
  EXPECT_EQ((*tasks)[2], key);
  EXPECT_EQ(*tx->GetResolutionTask(bt1.id), bt1);
  EXPECT_EQ(tx->GetResolutionTask(bt1.id + 99).status().key(), "task.not_found");
  EXPECT_TRUE(tx->ListResolutionTasks(other)->empty());

  // A renamed target is renamed in the tasks that name it.
  mt2.code = "MT2a";
  mt2.value_high.reset();
  mt2.baseline = 12.5;
  ASSERT_TRUE(tx->UpdateTarget(mt2).ok());
  bt2.target_codes = {"MT1", "MT2a"};
  bt2.title = "Đột phá về hạ tầng số";
  ASSERT_TRUE(tx->UpdateResolutionTask(bt2).ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(*tx->GetTarget(mt2.id), mt2);
  bt1.target_codes = {"MT2a", "MT1"};
  EXPECT_EQ(*tx->GetResolutionTask(bt1.id), bt1);
  EXPECT_EQ(*tx->GetResolutionTask(bt2.id), bt2);
  auto audit = tx->ListAudit("target", std::to_string(mt2.id), 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_NE((*audit)[0].old_value.find(R"("code":"MT2")"), std::string::npos);
  EXPECT_NE((*audit)[0].old_value.find(R"("value_high":1300.5)"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find(R"("code":"MT2a")"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find(R"("value_high":null)"), std::string::npos);
  auto task_audit = tx->ListAudit("resolution_task", std::to_string(bt2.id), 10);
  ASSERT_TRUE(task_audit.ok());
  ASSERT_EQ(task_audit->size(), 2u);
  EXPECT_EQ((*task_audit)[0].action, "update");
  EXPECT_EQ((*task_audit)[1].action, "create");
}

}  // namespace
}  // namespace nq::store::testing::store_plan_test
