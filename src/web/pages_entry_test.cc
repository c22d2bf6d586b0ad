// The data pages through their handlers: the entry form (pages_entry.h), saving one value as
// htmx does, the report buttons, the completeness board (pages_completeness.h) and the
// definition pages (pages_data.h).
#include "web/pages_entry.h"

#include <gtest/gtest.h>

#include <string>

#include "common/time.h"
#include "web/data_web_test_util.h"

namespace nq::web::pages_entry_test {
namespace {

using testing_util::BodyHas;
using testing_util::DataWebTest;

class EntryPagesTest : public DataWebTest {
 protected:
  std::string EntryPath(const std::string& org, const std::string& period) {
    return "/entry?org=" + S(Id(org)) + "&set=" + S(set_.id) + "&period=" + period;
  }
  // The fields the entry form sends for one value.
  std::string ValueForm(const Session& s, const std::string& org, const DataElement& e,
                        const std::string& period, const std::string& value,
                        bool estimate = false) {
    return "_csrf=" + s.csrf + "&org=" + S(Id(org)) + "&set=" + S(set_.id) + "&period=" + period +
           "&element=" + S(e.id) + "&value=" + value + (estimate ? "&estimate=1" : "") +
           "&comment=";
  }
  std::string ReportForm(const Session& s, const std::string& org, const std::string& period) {
    return "_csrf=" + s.csrf + "&org=" + S(Id(org)) + "&set=" + S(set_.id) + "&period=" + period;
  }
  // A POST as htmx sends it (HX-Request header).
  HttpResponse Htmx(const Session& s, const std::string& target, const std::string& form) {
    return Call(Make("POST", target, form,
                     {{"cookie", "nq_session=" + s.token},
                      {"content-type", "application/x-www-form-urlencoded"},
                      {"hx-request", "true"}}));
  }
};

TEST_F(EntryPagesTest, FormShowsEveryElementWithPickersAndSubmit) {
  const Session stc = Login("bao.cao.stc");
  Seed("DUK.STC", total_, "2023M05", "1234");
  HttpResponse page = Page(stc, "GET", EntryPath("DUK.STC", "2023M05"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(BodyHas(page, "Báo cáo sinh hoạt chi bộ hằng tháng"));
  EXPECT_TRUE(BodyHas(page, "Tháng 5/2023"));
  EXPECT_TRUE(BodyHas(page, "Hạn gửi: <span id=\"entry-due\">10/6/2023</span>"));
  for (const DataElement* e : {&total_, &present_, &rate_, &held_, &rating_}) {
    EXPECT_TRUE(BodyHas(page, "id=\"val-" + S(e->id) + "\"")) << e->code;
    EXPECT_TRUE(BodyHas(page, e->name)) << e->code;
  }
  // The stored value in the Vietnamese format; the first empty input has the focus.
  EXPECT_TRUE(BodyHas(page, "value=\"1.234\""));
  const size_t focus = page.body.find(" autofocus");
  ASSERT_NE(focus, std::string::npos);
  EXPECT_GT(focus, page.body.find("id=\"val-" + S(present_.id) + "\""));
  EXPECT_LT(focus, page.body.find("id=\"val-" + S(rate_.id) + "\""));
  EXPECT_TRUE(BodyHas(page, "hx-post=\"/entry/value\""));
  EXPECT_TRUE(BodyHas(page, "hx-trigger=\"change, keyup changed delay:600ms\""));
  EXPECT_TRUE(BodyHas(page, "name=\"_csrf\" value=\"" + stc.csrf + "\""));
  EXPECT_TRUE(BodyHas(page, "Gửi báo cáo"));
  EXPECT_FALSE(BodyHas(page, "id=\"entry-approve\""));
  EXPECT_TRUE(BodyHas(page, "Đang nhập"));
  // Period picker: the neighbours, and the organizations of the scope only.
  EXPECT_TRUE(BodyHas(page, "period=2023M04"));
  EXPECT_TRUE(BodyHas(page, "period=2023M06"));
  EXPECT_TRUE(BodyHas(page, "Chi bộ Văn phòng"));
  EXPECT_FALSE(BodyHas(page, "Chi bộ Sở Y tế"));
  EXPECT_FALSE(BodyHas(page, "<script>"));  // the CSP forbids inline scripts
}

TEST_F(EntryPagesTest, ReporterCannotOpenOrWriteAnotherOrganizationsForm) {
  const Session stc = Login("bao.cao.stc");
  EXPECT_EQ(Page(stc, "GET", EntryPath("DUK.SYT", "2023M05")).status, 403);
  HttpResponse write =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.SYT", total_, "2023M05", "12"));
  EXPECT_EQ(write.status, 403);
  EXPECT_FALSE(Stored("DUK.SYT", total_, "2023M05").has_value());
  HttpResponse submit = Page(stc, "POST", "/entry/submit", ReportForm(stc, "DUK.SYT", "2023M05"));
  EXPECT_EQ(submit.status, 403);
}

TEST_F(EntryPagesTest, SavingOneValueAnswersWithTheRowStatus) {
  const Session stc = Login("bao.cao.stc");
  HttpResponse saved =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.STC", total_, "2023M05", "1.234", true));
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(BodyHas(saved, "Đã lưu"));
  EXPECT_TRUE(BodyHas(saved, "id=\"entry-violations\""));
  EXPECT_TRUE(BodyHas(saved, "hx-swap-oob=\"true\""));
  EXPECT_EQ(Stored("DUK.STC", total_, "2023M05"), 1234);

  HttpResponse not_number =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.STC", present_, "2023M05", "abc"));
  EXPECT_EQ(not_number.status, 400);
  EXPECT_TRUE(BodyHas(not_number, "text-danger"));
  EXPECT_TRUE(BodyHas(not_number, "phải là"));
  EXPECT_FALSE(BodyHas(not_number, "<html"));  // a fragment, not a page
  HttpResponse out_of_range =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.STC", rate_, "2023M05", "120"));
  EXPECT_EQ(out_of_range.status, 400);
  EXPECT_TRUE(BodyHas(out_of_range, "100"));
  EXPECT_FALSE(Stored("DUK.STC", rate_, "2023M05").has_value());

  // A value that breaks R1 is saved, and the violations box lists the rule.
  HttpResponse breaks =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.STC", present_, "2023M05", "2000"));
  ASSERT_EQ(breaks.status, 200) << breaks.body;
  EXPECT_TRUE(BodyHas(breaks, "Số đảng viên dự họp không được lớn hơn tổng số đảng viên"));

  // An empty value erases.
  HttpResponse erased =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.STC", present_, "2023M05", ""));
  ASSERT_EQ(erased.status, 200) << erased.body;
  EXPECT_TRUE(BodyHas(erased, "Đã xóa"));
  EXPECT_FALSE(Stored("DUK.STC", present_, "2023M05").has_value());

  // Without htmx the browser goes back to the form.
  HttpResponse plain =
      Page(stc, "POST", "/entry/value", ValueForm(stc, "DUK.STC", present_, "2023M05", "10"));
  EXPECT_EQ(plain.status, 303);
  EXPECT_EQ(plain.Header("Location"), EntryPath("DUK.STC", "2023M05") + "&done=saved");

  HttpResponse no_csrf = Htmx(stc, "/entry/value",
                              "org=" + S(Id("DUK.STC")) + "&set=" + S(set_.id) +
                                  "&period=2023M05&element=" + S(total_.id) + "&value=5");
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(Stored("DUK.STC", total_, "2023M05"), 1234);
}

TEST_F(EntryPagesTest, SubmitLocksApproveAndReopen) {
  const Session stc = Login("bao.cao.stc");
  const Session committee = Login("ban.to.chuc");
  Seed("DUK.STC", total_, "2023M05", "20");
  Seed("DUK.STC", present_, "2023M05", "25");

  HttpResponse refused = Page(stc, "POST", "/entry/submit", ReportForm(stc, "DUK.STC", "2023M05"));
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(BodyHas(refused, "id=\"entry-error\""));
  EXPECT_EQ(StateOf("DUK.STC", "2023M05"), ReportState::kDraft);

  Seed("DUK.STC", present_, "2023M05", "18");
  HttpResponse submitted =
      Page(stc, "POST", "/entry/submit", ReportForm(stc, "DUK.STC", "2023M05"));
  ASSERT_EQ(submitted.status, 303) << submitted.body;
  EXPECT_EQ(submitted.Header("Location"), EntryPath("DUK.STC", "2023M05") + "&done=submit");
  EXPECT_EQ(StateOf("DUK.STC", "2023M05"), ReportState::kSubmitted);

  HttpResponse locked_page = Page(stc, "GET", EntryPath("DUK.STC", "2023M05") + "&done=submit");
  ASSERT_EQ(locked_page.status, 200);
  EXPECT_TRUE(BodyHas(locked_page, "Đã gửi báo cáo lên cấp trên."));
  EXPECT_TRUE(BodyHas(locked_page, "Đã gửi"));
  EXPECT_TRUE(BodyHas(locked_page, "readonly"));
  EXPECT_FALSE(BodyHas(locked_page, "hx-post=\"/entry/value\""));
  EXPECT_FALSE(BodyHas(locked_page, "id=\"entry-submit\""));
  HttpResponse locked =
      Htmx(stc, "/entry/value", ValueForm(stc, "DUK.STC", total_, "2023M05", "21"));
  EXPECT_EQ(locked.status, 409);
  EXPECT_TRUE(BodyHas(locked, "text-danger"));
  EXPECT_EQ(Stored("DUK.STC", total_, "2023M05"), 20);

  HttpResponse committee_view = Page(committee, "GET", EntryPath("DUK.STC", "2023M05"));
  EXPECT_TRUE(BodyHas(committee_view, "id=\"entry-approve\""));
  EXPECT_TRUE(BodyHas(committee_view, "id=\"entry-reopen\""));
  HttpResponse approved =
      Page(committee, "POST", "/entry/approve", ReportForm(committee, "DUK.STC", "2023M05"));
  ASSERT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(StateOf("DUK.STC", "2023M05"), ReportState::kApproved);
  HttpResponse reopened =
      Page(committee, "POST", "/entry/reopen", ReportForm(committee, "DUK.STC", "2023M05"));
  ASSERT_EQ(reopened.status, 303) << reopened.body;
  EXPECT_EQ(StateOf("DUK.STC", "2023M05"), ReportState::kDraft);
}

TEST_F(EntryPagesTest, CompletenessBoardListsReportersWithTheirState) {
  const Session stc = Login("bao.cao.stc");
  const Session committee = Login("ban.to.chuc");
  Seed("DUK.STC", total_, "2023M05", "20");
  ASSERT_EQ(Page(stc, "POST", "/entry/submit", ReportForm(stc, "DUK.STC", "2023M05")).status, 303);
  HttpResponse board = Page(
      committee, "GET", "/completeness?set=" + S(set_.id) + "&period=2023M05&root=" + S(Id("DUK")));
  ASSERT_EQ(board.status, 200) << board.body;
  for (const char* text : {"Đúng hạn", "Trễ hạn", "Chưa báo cáo", "Chưa đến hạn", "Tháng 5/2023",
                           "Đảng bộ Sở Tài chính", "Chi bộ Sở Y tế", "10/6/2023"}) {
    EXPECT_TRUE(BodyHas(board, text)) << text;
  }
  // STC submitted today, after the due date; the five others are missing.
  EXPECT_TRUE(BodyHas(board, FormatVi(DateInVietnam(NowUnix()))));
  EXPECT_TRUE(BodyHas(board, "id=\"count-late\">1<"));
  EXPECT_TRUE(BodyHas(board, "id=\"count-missing\">5<"));
  EXPECT_TRUE(BodyHas(
      board, "/entry?org=" + S(Id("DUK.SYT")) + "&amp;set=" + S(set_.id) + "&amp;period=2023M05"));
  EXPECT_EQ(Page(stc, "GET",
                 "/completeness?set=" + S(set_.id) + "&period=2023M05&root=" + S(Id("DUK.SYT")))
                .status,
            403);
}

TEST_F(EntryPagesTest, DefinitionPagesListAndEditForCommitteeOnly) {
  const Session stc = Login("bao.cao.stc");
  const Session admin = Login("quan.tri");
  HttpResponse sets = Page(stc, "GET", "/data-sets");
  ASSERT_EQ(sets.status, 200);
  EXPECT_TRUE(BodyHas(sets, "Báo cáo sinh hoạt chi bộ hằng tháng"));
  EXPECT_FALSE(BodyHas(sets, "Thêm biểu mẫu"));
  EXPECT_TRUE(BodyHas(Page(admin, "GET", "/data-sets"), "Thêm biểu mẫu"));
  HttpResponse set_page = Page(admin, "GET", "/data-sets/" + S(set_.id));
  ASSERT_EQ(set_page.status, 200);
  EXPECT_TRUE(BodyHas(set_page, "members_present &lt;= members_total"));

  HttpResponse created =
      Page(admin, "POST", "/data-elements",
           "_csrf=" + admin.csrf +
               "&code=tuyen_truyen&name=S%E1%BB%91+bu%E1%BB%95i+tuy%C3%AAn+truy%E1%BB%81n"
               "&type=number&period_type=quarterly&org_aggregation=sum&time_aggregation=sum"
               "&min=0&max=1.000&categories=&unit=bu%E1%BB%95i&description=");
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.Header("Location").substr(0, 15), "/data-elements/");
  HttpResponse element = Page(admin, "GET", std::string(created.Header("Location")));
  ASSERT_EQ(element.status, 200);
  EXPECT_TRUE(BodyHas(element, "Số buổi tuyên truyền"));
  EXPECT_TRUE(BodyHas(element, "0 – 1.000"));

  HttpResponse denied = Page(stc, "POST", "/data-elements",
                             "_csrf=" + stc.csrf +
                                 "&code=x2&name=X&type=number&period_type=monthly"
                                 "&org_aggregation=sum&time_aggregation=sum");
  EXPECT_EQ(denied.status, 403);

  HttpResponse bad_rule = Page(
      admin, "POST", "/data-sets/" + S(set_.id),
      "_csrf=" + admin.csrf + "&code=BC-THANG&name=B&period_type=monthly&elements=" + total_.code +
          "&kind_base_cell=1&deadline_days=10&rules=R1+chi+co+hai+phan");
  EXPECT_EQ(bad_rule.status, 400);
  EXPECT_TRUE(BodyHas(bad_rule, "MÃ | điều kiện | thông báo"));
  EXPECT_TRUE(BodyHas(bad_rule, "R1 chi co hai phan"));  // the values as typed
}

}  // namespace
}  // namespace nq::web::pages_entry_test
