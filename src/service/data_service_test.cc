#include "service/data_service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/data_test_fixture.h"

namespace nq::data_service_test {
namespace {

using testing_util::DataTest;

// --- definitions --------------------------------------------------------------------------------

TEST_F(DataTest, DefinitionsNeedAdminOrCommittee) {
  DataElement e;
  e.code = "x_count";
  e.name = "Số X";
  for (Role r : {Role::kReporter, Role::kViewer}) {
    Principal p = As(r, "DUK");
    Result<DataElement> created = app_->data().CreateElement(p, e, ActorOf(p));
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.status().key(), "role.denied");
  }
  Principal committee = As(Role::kCommittee, "DUK.STC");
  EXPECT_TRUE(app_->data().CreateElement(committee, e, ActorOf(committee)).ok());
  // Everyone signed in reads them.
  Result<std::vector<DataElement>> all = app_->data().ListElements(As(Role::kViewer, "DUK.SYT"));
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 6u);
}

TEST_F(DataTest, AnElementBelongsToOneDataSet) {
  DataSet other;
  other.code = "BC-KHAC";
  other.name = "Biểu mẫu khác";
  other.period_type = PeriodType::kMonthly;
  other.element_ids = {total_.id};
  other.reporting_kinds = {OrgKind::kBaseCell};
  Result<DataSet> r = app_->data().CreateDataSet(admin_, other, ActorOf(admin_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "dataset.element_taken");
  EXPECT_NE(r.status().message().find("Tổng số đảng viên"), std::string::npos);
}

TEST_F(DataTest, DataSetRulesMustParseAndNameItsElements) {
  DataElement extra = Element("cells", "Số chi bộ", ValueType::kNumber);
  DataSet s;
  s.code = "BC-CB";
  s.name = "Báo cáo chi bộ";
  s.period_type = PeriodType::kMonthly;
  s.element_ids = {extra.id};
  s.reporting_kinds = {OrgKind::kBaseCell};
  s.rules = {{"R1", "cells >= (1", "Số chi bộ không âm"}};
  Result<DataSet> r = app_->data().CreateDataSet(admin_, s, ActorOf(admin_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "dataset.rule_invalid");
  EXPECT_NE(r.status().message().find("R1"), std::string::npos);

  s.rules = {{"R1", "cells <= members_total", "Không quá số đảng viên"}};
  r = app_->data().CreateDataSet(admin_, s, ActorOf(admin_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "dataset.rule_invalid");
  EXPECT_NE(r.status().message().find("members_total"), std::string::npos);

  s.rules = {{"R1", "cells >= 0", "Số chi bộ không âm"}};
  EXPECT_TRUE(app_->data().CreateDataSet(admin_, s, ActorOf(admin_)).ok());
}

TEST_F(DataTest, DataSetElementsShareItsPeriodType) {
  DataSet s;
  s.code = "BC-NAM";
  s.name = "Báo cáo năm";
  s.period_type = PeriodType::kMonthly;
  s.element_ids = {new_members_.id};
  s.reporting_kinds = {OrgKind::kBaseCell};
  Result<DataSet> r = app_->data().CreateDataSet(admin_, s, ActorOf(admin_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "dataset.period_type");
}

// --- entry --------------------------------------------------------------------------------------

TEST_F(DataTest, ReporterEntersAValueAndTheFormShowsIt) {
  Principal rep = As(Role::kReporter, "DUK.STC");
  const int64_t before = LastAuditId();
  Result<SaveOutcome> r = Save(rep, "DUK.STC.VP", total_, "2023M05", "1.234");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->changed);
  ASSERT_TRUE(r->value.has_value());
  EXPECT_EQ(r->value->value, 1234);
  EXPECT_EQ(r->value->updated_by, rep.user_id);
  EXPECT_TRUE(r->violations.empty());
  EXPECT_GT(LastAuditId(), before);
  EXPECT_FALSE(Audit("data_value").empty());

  Result<ReportForm> form =
      app_->data().GetForm(rep, Id("DUK.STC.VP"), set_.id, P("2023M05"), Date{2023, 6, 1});
  ASSERT_TRUE(form.ok()) << form.status().ToString();
  ASSERT_EQ(form->values.size(), 1u);
  EXPECT_EQ(form->values[0].value, 1234);
  ASSERT_EQ(form->elements.size(), 4u);
  EXPECT_EQ(form->elements[0].code, "members_total");
  EXPECT_TRUE(form->editable);
  EXPECT_TRUE(form->can_submit);
  EXPECT_FALSE(form->can_approve);  // a reporter never approves
  EXPECT_EQ(form->report.state, ReportState::kDraft);
  EXPECT_EQ(form->due, (Date{2023, 6, 10}));
  EXPECT_EQ(form->timeliness, Timeliness::kNotDue);
}

TEST_F(DataTest, TheSameValueAgainWritesNothing) {
  Principal rep = As(Role::kReporter, "DUK.STC.VP");
  ASSERT_TRUE(Save(rep, "DUK.STC.VP", total_, "2023M05", "30").ok());
  const int64_t before = LastAuditId();
  Result<SaveOutcome> again = Save(rep, "DUK.STC.VP", total_, "2023M05", "30,0");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(LastAuditId(), before);
  Result<SaveOutcome> other = Save(rep, "DUK.STC.VP", total_, "2023M05", "31");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->changed);
  EXPECT_GT(LastAuditId(), before);
  EXPECT_EQ(Stored("DUK.STC.VP", total_, "2023M05"), 31);
}

TEST_F(DataTest, EmptyTextErasesTheValue) {
  Principal rep = As(Role::kReporter, "DUK.SYT");
  ASSERT_TRUE(Save(rep, "DUK.SYT", total_, "2023M05", "12").ok());
  Result<SaveOutcome> erased = Save(rep, "DUK.SYT", total_, "2023M05", "");
  ASSERT_TRUE(erased.ok()) << erased.status().ToString();
  EXPECT_TRUE(erased->changed);
  EXPECT_FALSE(erased->value.has_value());
  EXPECT_FALSE(Stored("DUK.SYT", total_, "2023M05").has_value());
  EXPECT_FALSE(app_->analytics().index().Get(Id("DUK.SYT"), total_.id, P("2023M05")).has_value());
}

TEST_F(DataTest, BadValuesAreRefusedWithTheirKeys) {
  Principal rep = As(Role::kReporter, "DUK");
  struct Case {
    const DataElement* element;
    std::string period;
    std::string text;
    std::string key;
  };
  const std::vector<Case> cases = {
      {&total_, "2023M05", "mười", "value.not_number"},
      {&total_, "2023M05", "-1", "value.out_of_range"},
      {&held_, "2023M05", "có lẽ", "value.not_yes_no"},
      {&rating_, "2023M05", "XUATSAC", "value.unknown_category"},
      {&total_, "2023Q2", "10", "value.period_type"},
      {&total_, "2019M05", "10", "value.not_expected"},  // before the organization existed
  };
  const int64_t before = LastAuditId();
  for (const Case& c : cases) {
    Result<SaveOutcome> r = Save(rep, "DUK.SCT", *c.element, c.period, c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().key(), c.key) << c.text;
    EXPECT_FALSE(r.status().message().empty());
  }
  Result<SaveOutcome> wrong_type = Save(rep, "DUK.SCT", total_, "2023Q2", "10");
  EXPECT_NE(wrong_type.status().message().find("Tháng"), std::string::npos)
      << wrong_type.status().message();
  EXPECT_EQ(LastAuditId(), before);

  ValueInput unknown;
  unknown.org_id = Id("DUK.SCT");
  unknown.element_id = 987654;
  unknown.period = P("2023M05");
  unknown.text = "1";
  Result<SaveOutcome> r = app_->data().SaveValue(rep, unknown, ActorOf(rep));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "element.not_found");
}

TEST_F(DataTest, CategoryValuesAreStoredAsTheirIndex) {
  Principal rep = As(Role::kReporter, "DUK.SYT");
  Result<SaveOutcome> r = Save(rep, "DUK.SYT", rating_, "2023M05", "httnv");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->value->value, 1);
}

TEST_F(DataTest, ScopeAndRoleAreChecked) {
  Principal other_unit = As(Role::kReporter, "DUK.SCT");
  Result<SaveOutcome> r = Save(other_unit, "DUK.STC.VP", total_, "2023M05", "5");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "scope.denied");
  Principal viewer = As(Role::kViewer, "DUK");
  r = Save(viewer, "DUK.STC.VP", total_, "2023M05", "5");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "role.denied");
  EXPECT_FALSE(Stored("DUK.STC.VP", total_, "2023M05").has_value());

  Result<ReportForm> form =
      app_->data().GetForm(viewer, Id("DUK.STC.VP"), set_.id, P("2023M05"), Date{2023, 6, 1});
  ASSERT_TRUE(form.ok());
  EXPECT_FALSE(form->editable);  // viewers read the form, never write it
  Result<std::vector<DataValue>> values =
      app_->data().ListValues(other_unit, Id("DUK.STC"), std::nullopt, std::nullopt);
  ASSERT_FALSE(values.ok());
  EXPECT_EQ(values.status().key(), "scope.denied");
}

TEST_F(DataTest, SaveValuesIsAllOrNothing) {
  Principal rep = As(Role::kReporter, "DUK.STC");
  ValueInput good;
  good.org_id = Id("DUK.STC.NS");
  good.element_id = total_.id;
  good.period = P("2023M05");
  good.text = "20";
  ValueInput bad = good;
  bad.element_id = present_.id;
  bad.text = "hai mươi";
  const int64_t before = LastAuditId();
  Result<std::vector<SaveOutcome>> r = app_->data().SaveValues(rep, {good, bad}, ActorOf(rep));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "value.not_number");
  EXPECT_NE(r.status().message().find("Mục 2"), std::string::npos);
  EXPECT_EQ(LastAuditId(), before);
  EXPECT_FALSE(Stored("DUK.STC.NS", total_, "2023M05").has_value());

  bad.text = "18";
  r = app_->data().SaveValues(rep, {good, bad}, ActorOf(rep));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Stored("DUK.STC.NS", present_, "2023M05"), 18);
}

// --- rules, submission and locks ------------------------------------------------------------

TEST_F(DataTest, BrokenRulesAreReportedAndBlockSubmission) {
  Principal rep = As(Role::kReporter, "DUK.SYT");
  ASSERT_TRUE(Save(rep, "DUK.SYT", total_, "2023M05", "20").ok());
  Result<SaveOutcome> r = Save(rep, "DUK.SYT", present_, "2023M05", "25");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->violations.size(), 1u);
  EXPECT_EQ(r->violations[0].code, "R1");
  r = Save(rep, "DUK.SYT", rating_, "2023M05", "KHTNV");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->violations.size(), 2u);  // R1 still broken, R2 now too

  Result<Report> sub = Submit(rep, "DUK.SYT", "2023M05");
  ASSERT_FALSE(sub.ok());
  EXPECT_EQ(sub.status().key(), "report.rules");
  EXPECT_NE(sub.status().message().find("R1"), std::string::npos);
  EXPECT_NE(sub.status().message().find("R2"), std::string::npos);

  ASSERT_TRUE(Save(rep, "DUK.SYT", present_, "2023M05", "19").ok());
  r = Save(rep, "DUK.SYT", rating_, "2023M05", "HTXSNV");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->violations.empty());
  sub = Submit(rep, "DUK.SYT", "2023M05");
  ASSERT_TRUE(sub.ok()) << sub.status().ToString();
  EXPECT_EQ(sub->state, ReportState::kSubmitted);
  EXPECT_GT(sub->submitted_at, 0);
}

TEST_F(DataTest, ARuleWithAMissingValueIsSkipped) {
  Principal rep = As(Role::kReporter, "DUK.SYT");
  Result<SaveOutcome> r = Save(rep, "DUK.SYT", present_, "2023M05", "25");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->violations.empty());  // members_total is missing: R1 cannot be judged
  EXPECT_TRUE(Submit(rep, "DUK.SYT", "2023M05").ok());
}

TEST_F(DataTest, SubmittedAndApprovedValuesAreLocked) {
  Principal rep = As(Role::kReporter, "DUK.SYT");
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(rep, "DUK.SYT", total_, "2023M05", "20").ok());
  ASSERT_TRUE(Submit(rep, "DUK.SYT", "2023M05").ok());
  Result<SaveOutcome> r = Save(rep, "DUK.SYT", total_, "2023M05", "21");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "value.locked");
  EXPECT_EQ(r.status().message(),
            "Số liệu đã gửi/đã duyệt, không thể sửa; đề nghị cấp trên mở lại");
  ASSERT_TRUE(Approve(bloc, "DUK.SYT", "2023M05").ok());
  r = Save(bloc, "DUK.SYT", total_, "2023M05", "21");  // the approver too
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "value.locked");
  // Another period of the same organization is not locked.
  EXPECT_TRUE(Save(rep, "DUK.SYT", total_, "2023M06", "21").ok());

  ASSERT_TRUE(Reopen(bloc, "DUK.SYT", "2023M05").ok());
  r = Save(rep, "DUK.SYT", total_, "2023M05", "21");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Stored("DUK.SYT", total_, "2023M05"), 21);
}

TEST_F(DataTest, ElementsOutsideAnyDataSetAreNeverLocked) {
  Principal rep = As(Role::kReporter, "DUK.SYT");
  Result<SaveOutcome> r = Save(rep, "DUK.SYT", new_members_, "2023", "3");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->violations.empty());
}

// --- approval -------------------------------------------------------------------------------

TEST_F(DataTest, ApprovalGoesUpTheTreeChildrenFirst) {
  Principal rep_vp = As(Role::kReporter, "DUK.STC.VP");
  Principal rep_stc = As(Role::kReporter, "DUK.STC");
  Principal stc = As(Role::kCommittee, "DUK.STC");
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(rep_vp, "DUK.STC.VP", total_, "2023M05", "12").ok());
  ASSERT_TRUE(Save(rep_stc, "DUK.STC", total_, "2023M05", "40").ok());
  ASSERT_TRUE(Submit(rep_vp, "DUK.STC.VP", "2023M05").ok());
  ASSERT_TRUE(Submit(rep_stc, "DUK.STC", "2023M05").ok());

  // The level above approves: a committee cannot approve its own non-root report.
  Result<Report> r = Approve(stc, "DUK.STC", "2023M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "report.own_level");
  r = Approve(rep_stc, "DUK.STC.VP", "2023M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "role.denied");

  // The parent waits for its submitted child.
  r = Approve(bloc, "DUK.STC", "2023M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "report.children_pending");
  EXPECT_NE(r.status().message().find("Chi bộ Văn phòng"), std::string::npos);

  // A draft cannot be approved.
  r = Approve(stc, "DUK.STC.NS", "2023M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "report.not_submitted");

  r = Approve(stc, "DUK.STC.VP", "2023M05");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->state, ReportState::kApproved);
  EXPECT_EQ(r->approved_by, stc.user_id);
  r = Approve(bloc, "DUK.STC", "2023M05");
  ASSERT_TRUE(r.ok()) << r.status().ToString();

  // The child cannot be reopened while the report above it is approved.
  r = Reopen(stc, "DUK.STC.VP", "2023M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "report.parent_approved");
  ASSERT_TRUE(Reopen(bloc, "DUK.STC", "2023M05").ok());
  r = Reopen(stc, "DUK.STC.VP", "2023M05");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->state, ReportState::kDraft);

  // Every step is audited under the report's id.
  const std::string key = std::to_string(Id("DUK.STC.VP")) + "/" + std::to_string(set_.id) +
                          "/2023M05";
  std::vector<std::string> actions;
  for (const store::AuditEntry& e : Audit("report", key)) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"reopen", "approve", "submit"}));
}

TEST_F(DataTest, AChildWithValuesButNotSubmittedHoldsTheParentBack) {
  Principal rep = As(Role::kReporter, "DUK.STC");
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(rep, "DUK.STC.NS", total_, "2023M05", "9").ok());
  ASSERT_TRUE(Save(rep, "DUK.STC", total_, "2023M05", "40").ok());
  ASSERT_TRUE(Submit(rep, "DUK.STC", "2023M05").ok());
  Result<Report> r = Approve(bloc, "DUK.STC", "2023M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "report.children_pending");
  EXPECT_NE(r.status().message().find("Chi bộ Phòng Ngân sách"), std::string::npos);
  // A child without values that never submitted does not count (DUK.STC.VP here).
  EXPECT_EQ(r.status().message().find("Chi bộ Văn phòng"), std::string::npos);
}

TEST_F(DataTest, TheRootApprovesItsOwnReport) {
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(bloc, "DUK", total_, "2023M05", "500").ok());
  ASSERT_TRUE(Submit(bloc, "DUK", "2023M05").ok());
  Result<Report> r = Approve(bloc, "DUK", "2023M05");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  Result<ReportForm> form =
      app_->data().GetForm(bloc, Id("DUK"), set_.id, P("2023M05"), Date{2023, 6, 1});
  ASSERT_TRUE(form.ok());
  EXPECT_FALSE(form->editable);
  EXPECT_FALSE(form->can_approve);
  EXPECT_TRUE(form->can_reopen);
}

TEST_F(DataTest, SubmitIsRefusedForAnOrganizationThatDoesNotReport) {
  Principal rep = As(Role::kReporter, "DUK");
  Result<Report> r = Submit(rep, "DUK.SYT", "2019M05");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "report.not_expected");
}

}  // namespace
}  // namespace nq::data_service_test
