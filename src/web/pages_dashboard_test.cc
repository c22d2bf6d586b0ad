// The dashboard pages through the application handler: the headline, each target's status
// label and figures in the Vietnamese format, the target page's chart data and drill-down
// links, the error pages for a bad date (400) and an organization outside scope (403).
#include "web/pages_dashboard.h"

#include <gtest/gtest.h>

#include <string>

#include "web/assessment_test_util.h"

namespace nq::web::pages_dashboard_test {
namespace {

using testing_util::AssessmentWebTest;

class DashboardPagesTest : public AssessmentWebTest {
 protected:
  void SetUp() override {
    AssessmentWebTest::SetUp();
    admin_ = Login("quan.tri");
  }

  static bool Contains(const HttpResponse& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  }

  Session admin_;
};

TEST_F(DashboardPagesTest, DashboardShowsTheHeadlineAndEveryTargetsStatus) {
  HttpResponse r = Page(admin_, "GET", Base() + "/dashboard?as_of=2023-05-17");
  ASSERT_EQ(r.status, 200) << r.body;
  Result<ResolutionDashboard> d =
      app_->analytics().Assess(PrincipalOf(admin_id_), resolution_id_, Date{2023, 5, 17});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(Contains(r, "Nghị quyết số 01-NQ/ĐUK"));
  EXPECT_TRUE(Contains(r, d->result.headline));
  EXPECT_TRUE(Contains(r, "17/5/2023"));
  EXPECT_TRUE(Contains(r, "value=\"2023-05-17\""));
  for (const analytics::TargetResult& t : d->result.targets) {
    EXPECT_TRUE(Contains(r, ">" + std::string(analytics::TargetStatusLabel(t.assessment.status)) +
                                "</span>"))
        << t.target.code;
    EXPECT_TRUE(Contains(r, t.target.text)) << t.target.code;
    // A formula error is shown (once: in the explanation or after it).
    if (!t.error.empty()) {
      EXPECT_NE(r.body.find(t.error.substr(0, 20)), std::string::npos) << t.target.code;
    }
  }
  EXPECT_TRUE(Contains(r, "VƯỢT"));
  EXPECT_TRUE(Contains(r, "CHƯA CÓ SỐ LIỆU"));
  EXPECT_TRUE(Contains(r, "text-bg-success"));
  EXPECT_TRUE(Contains(r, "Đạt từ 80% trở lên"));
  // Figures in the Vietnamese format, the estimate marked, the bar capped at 100.
  EXPECT_TRUE(Contains(r, "2.200 đảng viên"));
  EXPECT_TRUE(Contains(r, "≥ 2.000 đảng viên"));
  EXPECT_TRUE(Contains(r, "(ước đạt)"));
  EXPECT_TRUE(Contains(r, "max=\"100\" value=\"100\""));
  EXPECT_TRUE(Contains(r, "110%"));
  // Each card links to its target page for the same date and organization.
  EXPECT_TRUE(Contains(r, "href=\"" + Base() + "/targets/MT1?as_of=2023-05-17&amp;org=" +
                              std::to_string(Id("DUK")) + "\""));
  // The organization picker holds the root and its children; no inline script.
  EXPECT_TRUE(Contains(r, "Chi bộ Sở Y tế"));
  EXPECT_FALSE(Contains(r, "<script>"));
}

TEST_F(DashboardPagesTest, TargetPageCarriesChartDataDrillDownAndYears) {
  HttpResponse r = Page(admin_, "GET", Base() + "/targets/MT1?as_of=2023-05-17");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(r, "id=\"target-chart\""));
  EXPECT_TRUE(Contains(r, "data-chart=\"{&quot;code&quot;:&quot;MT1&quot;"));
  EXPECT_TRUE(Contains(r, "expected_path"));
  EXPECT_TRUE(Contains(r, "/static/vendor/echarts.min.js"));
  EXPECT_TRUE(Contains(r, "/static/dashboard.js"));
  // Drill-down: each child with its figure and a link re-opening the page for it.
  EXPECT_TRUE(Contains(r, "Đảng bộ Sở Tài chính"));
  EXPECT_TRUE(Contains(r, "1.250 đảng viên"));
  EXPECT_TRUE(Contains(r, "href=\"" + Base() + "/targets/MT1?as_of=2023-05-17&amp;org=" +
                              std::to_string(Id("DUK.STC")) + "\""));
  // Yearly values.
  EXPECT_TRUE(Contains(r, "<td>2021</td>"));
  EXPECT_TRUE(Contains(r, "1.200 đảng viên"));

  // Re-opened for DUK.STC: its own figure, its children.
  HttpResponse stc = Page(admin_, "GET",
                          Base() + "/targets/MT1?as_of=2023-05-17&org=" +
                              std::to_string(Id("DUK.STC")));
  ASSERT_EQ(stc.status, 200) << stc.body;
  EXPECT_TRUE(Contains(stc, "Chi bộ Văn phòng"));
  EXPECT_TRUE(Contains(stc, "Chi bộ Phòng Ngân sách"));
}

TEST_F(DashboardPagesTest, BadDateAndForeignOrganizationGiveErrorPages) {
  HttpResponse bad = Page(admin_, "GET", Base() + "/dashboard?as_of=2023-13-01");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad, "Ngày đánh giá không hợp lệ"));
  const Session reporter = Login("bao.cao");
  HttpResponse foreign = Page(reporter, "GET",
                              Base() + "/dashboard?org=" + std::to_string(Id("DUK.STC")));
  EXPECT_EQ(foreign.status, 403);
  HttpResponse target = Page(reporter, "GET",
                             Base() + "/targets/MT1?org=" + std::to_string(Id("DUK.STC")));
  EXPECT_EQ(target.status, 403);
  HttpResponse missing = Page(admin_, "GET", Base() + "/targets/MT9");
  EXPECT_EQ(missing.status, 404);
}

TEST_F(DashboardPagesTest, DashboardIndexGoesToTheOnlyResolution) {
  HttpResponse r = Page(admin_, "GET", "/dashboard");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("Location"), Base() + "/dashboard");
}

}  // namespace
}  // namespace nq::web::pages_dashboard_test
