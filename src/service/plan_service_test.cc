#include "service/plan_service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/service_test_util.h"

namespace nq::plan_service_test {
namespace {

// A term of DUK with its resolution, two targets and a breakthrough task, made as the system
// (as the demo generator does), plus a term of DUK.STC.
class PlanServiceTest : public testing_util::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    PlanService& plans = app_->plans();
    Term term;
    term.name = "Nhiệm kỳ 2020 - 2025";
    term.org_id = Id("DUK");
    Result<Term> t = plans.CreateTermAsSystem(term, system_);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    term_ = *t;

    Resolution r;
    r.term_id = term_.id;
    r.number = "01-NQ/ĐUK";
    r.title = "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII";
    Result<Resolution> res = plans.CreateResolutionAsSystem(r, system_);
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    resolution_ = *res;

    for (int i = 2; i >= 1; --i) {  // stored out of order; listed by position
      Target target;
      target.resolution_id = resolution_.id;
      target.code = "MT" + std::to_string(i);
      target.position = i;
      target.text = "Mục tiêu " + std::to_string(i);
      target.unit = "%";
      target.value = 90;
      ASSERT_TRUE(plans.CreateTargetAsSystem(target, system_).ok());
    }
    ResolutionTask task;
    task.resolution_id = resolution_.id;
    task.position = 1;
    task.title = "Nâng cao chất lượng sinh hoạt chi bộ";
    task.target_codes = {"MT1"};
    ASSERT_TRUE(plans.CreateTaskAsSystem(task, system_).ok());

    Term stc = term;
    stc.name = "Nhiệm kỳ 2020 - 2025 của Đảng bộ Sở Tài chính";
    stc.org_id = Id("DUK.STC");
    Result<Term> t2 = plans.CreateTermAsSystem(stc, system_);
    ASSERT_TRUE(t2.ok());
    stc_term_ = *t2;
  }

  Term term_;
  Term stc_term_;
  Resolution resolution_;
};

TEST_F(PlanServiceTest, GetResolutionWithTargetsAndTasks) {
  Result<ResolutionDetail> d =
      app_->plans().GetResolution(As(Role::kViewer, "DUK"), resolution_.id);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->term, term_);
  EXPECT_EQ(d->resolution, resolution_);
  ASSERT_EQ(d->targets.size(), 2u);
  EXPECT_EQ(d->targets[0].code, "MT1");
  EXPECT_EQ(d->targets[1].code, "MT2");
  ASSERT_EQ(d->tasks.size(), 1u);
  EXPECT_EQ(d->tasks[0].target_codes, (std::vector<std::string>{"MT1"}));
}

TEST_F(PlanServiceTest, TheSystemReadsAnyResolution) {
  Resolution stc;
  stc.term_id = stc_term_.id;
  stc.number = "05-NQ/ĐU";
  stc.title = "Nghị quyết Đại hội Đảng bộ Sở Tài chính";
  Result<Resolution> r = app_->plans().CreateResolutionAsSystem(stc, system_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // DUK.SYT cannot read it (a sibling's plan); the system can, with its term.
  EXPECT_EQ(app_->plans().GetResolution(As(Role::kAdmin, "DUK.SYT"), r->id).status().key(),
            "scope.denied");
  Result<ResolutionDetail> d = app_->plans().GetResolutionAsSystem(r->id);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->resolution, *r);
  EXPECT_EQ(d->term, stc_term_);
  EXPECT_EQ(app_->plans().GetResolutionAsSystem(987654).status().key(), "resolution.not_found");
}

TEST_F(PlanServiceTest, ReadsReachTheScopeAndTheCommitteesAboveIt) {
  // The bloc's resolution binds the organizations under it: a reporter of DUK.STC reads it.
  const Principal reporter = As(Role::kReporter, "DUK.STC");
  Result<ResolutionDetail> d = app_->plans().GetResolution(reporter, resolution_.id);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->resolution, resolution_);
  Result<std::vector<Term>> terms = app_->plans().ListTerms(reporter);
  ASSERT_TRUE(terms.ok());
  EXPECT_EQ(terms->size(), 2u);
  ASSERT_EQ(app_->plans().ListResolutions(reporter, term_.id)->size(), 1u);

  // A sibling's own term is neither above nor inside DUK.SYT's scope.
  const Principal sibling = As(Role::kReporter, "DUK.SYT");
  Result<std::vector<Term>> sibling_terms = app_->plans().ListTerms(sibling);
  ASSERT_TRUE(sibling_terms.ok());
  ASSERT_EQ(sibling_terms->size(), 1u);
  EXPECT_EQ((*sibling_terms)[0], term_);
  EXPECT_EQ(app_->plans().ListResolutions(sibling, stc_term_.id).status().key(), "scope.denied");

  const Principal admin = As(Role::kAdmin, "DUK");
  EXPECT_EQ(app_->plans().ListTerms(admin)->size(), 2u);
  Result<std::vector<Resolution>> all = app_->plans().ListResolutions(admin);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0], resolution_);
}

TEST_F(PlanServiceTest, WritesNeedCommitteeRoleAndScope) {
  Target target;
  target.resolution_id = resolution_.id;
  target.code = "MT3";
  target.position = 3;
  target.text = "Kết nạp đảng viên mới";
  target.comparator = Comparator::kRange;
  target.value = 30;
  target.value_high = 35;
  target.unit = "đảng viên";
  for (Role role : {Role::kReporter, Role::kViewer}) {
    EXPECT_EQ(app_->plans().CreateTarget(As(role, "DUK"), target, actor_).status().key(),
              "role.denied");
  }
  EXPECT_EQ(app_->plans().CreateTarget(As(Role::kCommittee, "DUK.STC"), target, actor_)
                .status()
                .key(),
            "scope.denied");
  Result<Target> made = app_->plans().CreateTarget(As(Role::kCommittee, "DUK"), target, actor_);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_GT(made->id, 0);

  Target invalid = target;
  invalid.value_high = 20;  // a range whose high is below its low
  EXPECT_EQ(app_->plans().CreateTarget(As(Role::kAdmin, "DUK"), invalid, actor_).status().code(),
            Code::kInvalid);

  // Updates: unchanged values write nothing; a change is audited.
  const Principal committee = As(Role::kCommittee, "DUK");
  const int64_t audit_before = LastAuditId();
  ASSERT_TRUE(app_->plans().UpdateTarget(committee, *made, actor_).ok());
  EXPECT_EQ(LastAuditId(), audit_before);
  Target changed = *made;
  changed.value_high = 40;
  ASSERT_TRUE(app_->plans().UpdateTarget(committee, changed, actor_).ok());
  EXPECT_GT(LastAuditId(), audit_before);
  Result<ResolutionDetail> d = app_->plans().GetResolution(committee, resolution_.id);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->targets.size(), 3u);
  EXPECT_EQ(d->targets[2], changed);
  EXPECT_EQ(app_->plans().UpdateTarget(committee, target, actor_).status().key(),
            "plan.missing_id");
}

TEST_F(PlanServiceTest, ResolutionCannotMoveOutOfScope) {
  const Principal committee = As(Role::kCommittee, "DUK.STC");
  Resolution r;
  r.term_id = stc_term_.id;
  r.number = "01-NQ/ĐU";
  r.title = "Nghị quyết Đại hội Đảng bộ Sở Tài chính";
  Result<Resolution> made = app_->plans().CreateResolution(committee, r, actor_);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  Resolution moved = *made;
  moved.term_id = term_.id;
  EXPECT_EQ(app_->plans().UpdateResolution(committee, moved, actor_).status().key(),
            "scope.denied");
  EXPECT_EQ(app_->plans().UpdateResolution(committee, resolution_, actor_).status().key(),
            "scope.denied");
}

TEST_F(PlanServiceTest, AssessmentSettingsNeedCommitteeRoleAndScope) {
  PlanService& plans = app_->plans();
  // Anyone who reads the resolution reads its settings: the defaults until some are stored.
  Result<AssessmentSettings> read =
      plans.GetAssessmentSettings(As(Role::kReporter, "DUK.STC"), resolution_.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, AssessmentSettings{});

  AssessmentSettings s;
  s.behind_floor = 0.7;
  s.exceed_margin = 0.1;
  s.buckets = {50, 90, 75};
  s.mid_term_counts_on_track = false;
  for (Role role : {Role::kReporter, Role::kViewer}) {
    EXPECT_EQ(
        plans.UpdateAssessmentSettings(As(role, "DUK"), resolution_.id, s, actor_).status().key(),
        "role.denied");
  }
  EXPECT_EQ(
      plans.UpdateAssessmentSettings(As(Role::kCommittee, "DUK.STC"), resolution_.id, s, actor_)
          .status()
          .key(),
      "scope.denied");
  AssessmentSettings bad = s;
  bad.behind_floor = 0.3;
  const int64_t audit_before = LastAuditId();
  EXPECT_EQ(plans.UpdateAssessmentSettings(As(Role::kAdmin, "DUK"), resolution_.id, bad, actor_)
                .status()
                .key(),
            "settings.behind_floor_invalid");
  EXPECT_EQ(plans.UpdateAssessmentSettings(As(Role::kAdmin, "DUK"), 999, s, actor_).status().key(),
            "resolution.not_found");
  EXPECT_EQ(LastAuditId(), audit_before);  // nothing written

  const Principal committee = As(Role::kCommittee, "DUK");
  Result<AssessmentSettings> stored =
      plans.UpdateAssessmentSettings(committee, resolution_.id, s, actor_);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->buckets, (std::vector<double>{90, 75, 50}));  // descending
  EXPECT_EQ(*plans.GetAssessmentSettings(committee, resolution_.id), *stored);
  Result<ResolutionDetail> d = plans.GetResolution(committee, resolution_.id);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->settings, *stored);
  const std::vector<store::AuditEntry> audit =
      Audit("assessment_settings", std::to_string(resolution_.id));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  EXPECT_TRUE(audit[0].old_value.empty());

  // The same settings again write nothing; a change is an "update" with the old value.
  const int64_t after_create = LastAuditId();
  ASSERT_TRUE(plans.UpdateAssessmentSettings(committee, resolution_.id, s, actor_).ok());
  EXPECT_EQ(LastAuditId(), after_create);
  s.exceed_margin = 0.2;
  ASSERT_TRUE(plans.UpdateAssessmentSettings(committee, resolution_.id, s, actor_).ok());
  const std::vector<store::AuditEntry> updated =
      Audit("assessment_settings", std::to_string(resolution_.id));
  ASSERT_EQ(updated.size(), 2u);
  EXPECT_EQ(updated[0].action, "update");
  EXPECT_NE(updated[0].old_value.find("\"exceed_margin\":0.1"), std::string::npos)
      << updated[0].old_value;
  EXPECT_NE(updated[0].new_value.find("\"exceed_margin\":0.2"), std::string::npos)
      << updated[0].new_value;
}

}  // namespace
}  // namespace nq::plan_service_test
