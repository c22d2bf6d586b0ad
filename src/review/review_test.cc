#include "review/review.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/test_date.h"

namespace nq::review::review_test {
namespace {

using analytics::TargetStatus;

OrgTree Tree() {
  auto org = [](int64_t id, std::optional<int64_t> parent, std::string code, std::string name) {
    Organization o;
    o.id = id;
    o.parent_id = parent;
    o.code = std::move(code);
    o.name = std::move(name);
    return o;
  };
  Result<OrgTree> t = OrgTree::Build({org(1, std::nullopt, "DUK", "Đảng bộ Khối"),
                                      org(2, 1, "DUK.STC", "Đảng bộ Sở Tài chính"),
                                      org(3, 1, "DUK.SYT", "Đảng bộ Sở Y tế")});
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

analytics::TargetResult TargetWith(const std::string& code, TargetStatus s) {
  analytics::TargetResult r;
  r.target.code = code;
  r.target.text = "Mục tiêu " + code;
  r.assessment.status = s;
  r.assessment.explanation = "Giải thích " + code;
  return r;
}

AssignedTask TaskDue(int64_t id, int64_t owner, const Date& due, std::optional<Date> done) {
  AssignedTask t;
  t.id = id;
  t.title = "Nhiệm vụ " + std::to_string(id);
  t.owner_org_id = owner;
  t.assigned = D(2021, 1, 4);
  t.deadline.due = due;
  t.completed_on = done;
  if (done) t.progress_percent = 100;
  return t;
}

class ReviewTest : public ::testing::Test {
 protected:
  ReviewTest() : tree_(Tree()) {
    in_.as_of = D(2023, 5, 17);
    in_.term.name = "Nhiệm kỳ 2020 - 2025";
    in_.term.start = D(2020, 8, 1);
    in_.term.end = D(2025, 7, 31);
    in_.resolution.number = "01-NQ/ĐUK";
    in_.tree = &tree_;
    in_.root_org = 1;
    in_.assessment.targets = {TargetWith("MT1", TargetStatus::kMet),
                              TargetWith("MT2", TargetStatus::kOnTrack)};
    in_.assessment.headline = "Hoàn thành 2/2 mục tiêu";
    TaskGroup own;
    own.resolution = in_.resolution;
    own.tasks = {TaskDue(1, 2, D(2022, 6, 30), D(2022, 6, 30))};  // done on time
    in_.tasks.push_back(own);
  }

  std::vector<std::string> Kinds() {
    Result<Review> r = BuildReview(in_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> out;
    if (r.ok()) {
      for (const Finding& f : r->findings) out.push_back(f.kind);
    }
    return out;
  }

  OrgTree tree_;
  ReviewInput in_;
};

TEST_F(ReviewTest, NothingToReportWhenAllIsWell) {
  EXPECT_EQ(Kinds(), std::vector<std::string>{});
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assessment.headline, "Hoàn thành 2/2 mục tiêu");
  EXPECT_EQ(r->root_name, "Đảng bộ Khối");
  EXPECT_TRUE(r->needing_action.empty());
  ASSERT_EQ(r->task_sections.size(), 1u);
  EXPECT_EQ(r->task_sections[0].counts.Get(TaskState::kDoneOnTime), 1);
}

TEST_F(ReviewTest, EachTargetStatusThatCallsForItGivesItsFinding) {
  const std::pair<TargetStatus, std::string> cases[] = {
      {TargetStatus::kNotMet, "targets_not_met"},
      {TargetStatus::kAtRisk, "targets_at_risk"},
      {TargetStatus::kBehind, "targets_behind"},
      {TargetStatus::kNoData, "targets_no_data"},
  };
  for (const auto& [status, kind] : cases) {
    in_.assessment.targets[1].assessment.status = status;
    EXPECT_EQ(Kinds(), std::vector<std::string>{kind}) << kind;
    Result<Review> r = BuildReview(in_);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->findings.size(), 1u);
    EXPECT_EQ(r->findings[0].evidence.size(), 1u);
    EXPECT_EQ(r->findings[0].evidence[0].code, "MT2");
    EXPECT_EQ(r->findings[0].evidence[0].detail, "Giải thích MT2");
    ASSERT_EQ(r->needing_action.size(), 1u);
    EXPECT_EQ(r->needing_action[0].target.code, "MT2");
  }
  for (TargetStatus fine : {TargetStatus::kExceeded, TargetStatus::kMet, TargetStatus::kOnTrack,
                            TargetStatus::kPending}) {
    in_.assessment.targets[1].assessment.status = fine;
    EXPECT_EQ(Kinds(), std::vector<std::string>{});
  }
}

TEST_F(ReviewTest, FindingsComeInTheirOrderWithEveryTargetListed) {
  in_.assessment.targets = {TargetWith("MT1", TargetStatus::kBehind),
                            TargetWith("MT2", TargetStatus::kNotMet),
                            TargetWith("MT3", TargetStatus::kBehind)};
  EXPECT_EQ(Kinds(), (std::vector<std::string>{"targets_not_met", "targets_behind"}));
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->findings[1].text,
            "Mục tiêu thực hiện chậm so với tiến độ: 2/3 mục tiêu (MT1, MT3).");
}

TEST_F(ReviewTest, OverdueAndLateTasksAreFoundAsOfTheReviewDate) {
  in_.tasks[0].tasks.push_back(TaskDue(2, 3, D(2023, 3, 31), std::nullopt));
  EXPECT_EQ(Kinds(), std::vector<std::string>{"tasks_overdue"});
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings[0].evidence.size(), 1u);
  EXPECT_EQ(r->findings[0].evidence[0].label, "Nhiệm vụ 2 (Đảng bộ Sở Y tế)");
  EXPECT_EQ(r->findings[0].evidence[0].detail, "hạn 31/3/2023, quá hạn 47 ngày");

  // Done a day late, before the review: late, no longer overdue.
  in_.tasks[0].tasks[1].completed_on = D(2023, 4, 1);
  EXPECT_EQ(Kinds(), std::vector<std::string>{"tasks_done_late"});
  r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->findings[0].evidence[0].detail, "hạn 31/3/2023, hoàn thành 1/4/2023 (trễ 1 ngày)");
  // Done after the review date: as of then it was still overdue.
  in_.tasks[0].tasks[1].completed_on = D(2023, 6, 1);
  EXPECT_EQ(Kinds(), std::vector<std::string>{"tasks_overdue"});
  // Not yet due at the review date: nothing to say.
  in_.tasks[0].tasks[1].completed_on.reset();
  in_.tasks[0].tasks[1].deadline.due = D(2023, 5, 17);
  EXPECT_EQ(Kinds(), std::vector<std::string>{});
}

TEST_F(ReviewTest, TasksAssignedAfterTheReviewDateAreLeftOut) {
  AssignedTask later = TaskDue(3, 2, D(2023, 12, 31), std::nullopt);
  later.assigned = D(2023, 6, 1);
  in_.tasks[0].tasks.push_back(later);
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->task_sections[0].counts.Assigned(), 1);
  EXPECT_EQ(r->task_sections[0].counts.Get(TaskState::kNotAssigned), 0);
}

TEST_F(ReviewTest, LateReportingFromAFifthOfTheDueReports) {
  in_.reporting = {{2, 4, 1, 0}, {3, 5, 1, 0}};  // 1 of 5 late: named; 1 of 6: not
  EXPECT_EQ(Kinds(), std::vector<std::string>{"late_reporting"});
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings[0].evidence.size(), 1u);
  EXPECT_EQ(r->findings[0].evidence[0].code, "DUK.STC");
  EXPECT_EQ(r->findings[0].evidence[0].detail, "1 báo cáo gửi trễ hạn (4 đúng hạn)");
  in_.reporting = {{2, 5, 1, 0}, {3, 8, 0, 2}};  // missing counts too; the most late first
  r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->findings.size(), 1u);
  ASSERT_EQ(r->findings[0].evidence.size(), 1u);
  EXPECT_EQ(r->findings[0].evidence[0].detail,
            "2 báo cáo chưa gửi (8 đúng hạn)");
  in_.reporting = {{2, 0, 0, 0}};  // nothing due
  EXPECT_EQ(Kinds(), std::vector<std::string>{});
}

TEST_F(ReviewTest, BreakthroughTasksGatherTheTasksServingThem) {
  ResolutionTask key;
  key.id = 7;
  key.kind = ResolutionTaskKind::kKey;
  key.title = "Nhiệm vụ trọng tâm";
  ResolutionTask bt;
  bt.id = 8;
  bt.kind = ResolutionTaskKind::kBreakthrough;
  bt.title = "Nhiệm vụ đột phá";
  in_.resolution_tasks = {key, bt};
  in_.tasks[0].tasks[0].resolution_task_id = 8;
  in_.tasks[0].tasks.push_back(TaskDue(2, 3, D(2024, 1, 1), std::nullopt));
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->breakthroughs.size(), 2u);
  EXPECT_EQ(r->breakthroughs[0].task.id, 8);  // breakthrough tasks first
  ASSERT_EQ(r->breakthroughs[0].tasks.size(), 1u);
  EXPECT_EQ(r->breakthroughs[0].tasks[0].id, 1);
  EXPECT_EQ(r->breakthroughs[0].counts.Get(TaskState::kDoneOnTime), 1);
  EXPECT_TRUE(r->breakthroughs[1].tasks.empty());
}

TEST_F(ReviewTest, RefusesADateOutsideTheTermNoTargetsAndAnUnknownOrganization) {
  in_.as_of = D(2020, 7, 31);
  EXPECT_EQ(BuildReview(in_).status().key(), "review.as_of_outside_term");
  in_.as_of = D(2025, 8, 1);
  EXPECT_EQ(BuildReview(in_).status().key(), "review.as_of_outside_term");
  in_.kind = ReviewKind::kEndOfTerm;  // an end-of-term review may come after the term
  EXPECT_TRUE(BuildReview(in_).ok());
  in_.as_of = D(2026, 8, 1);  // 366 days after the term: still its end-of-term review
  EXPECT_TRUE(BuildReview(in_).ok());
  in_.as_of = D(2026, 8, 2);
  EXPECT_EQ(BuildReview(in_).status().key(), "review.as_of_outside_term");
  in_.as_of = D(2023, 5, 17);
  in_.root_org = 99;
  EXPECT_EQ(BuildReview(in_).status().key(), "review.org_unknown");
  in_.root_org = 1;
  in_.assessment.targets.clear();
  EXPECT_EQ(BuildReview(in_).status().key(), "review.no_targets");
}

analytics::ResolutionResult ChildResult(int64_t org, std::vector<analytics::TargetResult> targets) {
  analytics::ResolutionResult r;
  r.root_org = org;
  r.targets = std::move(targets);
  return r;
}

TEST_F(ReviewTest, OrganizationRowsSumTheReportingOfEachChildsSubtree) {
  auto org = [](int64_t id, int64_t parent, std::string code, int order) {
    Organization o;
    o.id = id;
    o.parent_id = parent;
    o.code = code;
    o.name = "Tổ chức " + code;
    o.sort_order = order;
    return o;
  };
  Organization root;
  root.id = 1;
  root.code = "DUK";
  root.name = "Đảng bộ Khối";
  root.kind = OrgKind::kBlocCommittee;
  Organization closed = org(6, 1, "DUK.DONG", 0);
  closed.valid_to = D(2022, 12, 31);
  Result<OrgTree> tree =
      OrgTree::Build({root, org(3, 1, "DUK.SYT", 2), org(2, 1, "DUK.STC", 1),
                      org(4, 2, "DUK.STC.1", 0), org(5, 2, "DUK.STC.2", 0), closed});
  ASSERT_TRUE(tree.ok());
  in_.tree = &*tree;
  analytics::TargetResult mt1 = TargetWith("MT1", TargetStatus::kMet);
  mt1.assessment.actual = 12.5;
  analytics::TargetResult mt2 = TargetWith("MT2", TargetStatus::kAtRisk);
  mt2.assessment.actual = 40;
  // The base committee's results in the other order; the health one lacks MT2; the closed
  // organization and the grandchild are not rows.
  in_.children = {ChildResult(3, {mt1}), ChildResult(2, {mt2, mt1}), ChildResult(6, {mt1}),
                  ChildResult(4, {mt1, mt2})};
  // {org, on_time, late, missing}: the root's own and the closed one's are nobody's row.
  in_.reporting = {{1, 100, 100, 100}, {2, 1, 0, 0}, {4, 2, 1, 0},
                   {5, 3, 0, 1},       {3, 7, 2, 3}, {6, 50, 50, 50}};
  Result<Review> r = BuildReview(in_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->organizations.size(), 2u);
  const OrgRow& stc = r->organizations[0];  // sort_order 1 before 2
  EXPECT_EQ(stc.org_id, 2);
  EXPECT_EQ(stc.code, "DUK.STC");
  EXPECT_EQ(stc.name, "Tổ chức DUK.STC");
  EXPECT_EQ(stc.reports_on_time, 1 + 2 + 3);
  EXPECT_EQ(stc.reports_late, 1);
  EXPECT_EQ(stc.reports_missing, 1);
  ASSERT_EQ(stc.targets.size(), 2u);
  EXPECT_EQ(stc.targets[0].actual, 12.5);  // MT1 first, as in the review
  EXPECT_EQ(stc.targets[1].actual, 40);
  EXPECT_EQ(stc.targets[1].status, TargetStatus::kAtRisk);
  const OrgRow& syt = r->organizations[1];
  EXPECT_EQ(syt.org_id, 3);
  EXPECT_EQ(syt.reports_on_time, 7);
  EXPECT_EQ(syt.reports_late, 2);
  EXPECT_EQ(syt.reports_missing, 3);
  ASSERT_EQ(syt.targets.size(), 2u);
  EXPECT_EQ(syt.targets[0].status, TargetStatus::kMet);
  EXPECT_EQ(syt.targets[1].status, TargetStatus::kNoData);
  EXPECT_FALSE(syt.targets[1].actual.has_value());
  in_.children.clear();  // no children's results: no rows
  r = BuildReview(in_);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->organizations.empty());
}

TEST(ReviewKindTest, CodesRoundTrip) {
  for (ReviewKind k : {ReviewKind::kMidTerm, ReviewKind::kEndOfTerm}) {
    EXPECT_EQ(ParseReviewKind(ReviewKindCode(k)), k);
  }
  EXPECT_EQ(ParseReviewKind("giua-ky"), std::nullopt);
  EXPECT_STREQ(ReviewKindLabel(ReviewKind::kMidTerm), "sơ kết giữa nhiệm kỳ");
}

}  // namespace
}  // namespace nq::review::review_test
