// The "Cài đặt đánh giá" page through the application handler: the form with the stored values,
// a POST that saves and returns to the dashboard (whose buckets follow), rejected forms shown
// with their Vietnamese message and nothing changed, the link on the dashboard for editors only,
// and a reporter who reads but may not save.
#include "web/pages_assessment_settings.h"

#include <gtest/gtest.h>

#include <string>

#include "web/assessment_test_util.h"

namespace nq::web::pages_assessment_settings_test {
namespace {

using testing_util::AssessmentWebTest;

class AssessmentSettingsPageTest : public AssessmentWebTest {
 protected:
  void SetUp() override {
    AssessmentWebTest::SetUp();
    admin_ = Login("quan.tri");
  }

  static bool Contains(const HttpResponse& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  }

  std::string Url() const { return Base() + "/assessment-settings"; }

  // The form body with the session's CSRF token.
  static std::string Form(const Session& s, const std::string& fields) {
    return "_csrf=" + s.csrf + "&" + fields;
  }

  AssessmentSettings Stored() {
    Result<AssessmentSettings> s =
        app_->plans().GetAssessmentSettings(PrincipalOf(admin_id_), resolution_id_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : AssessmentSettings{};
  }

  Session admin_;
};

TEST_F(AssessmentSettingsPageTest, ShowsTheFormWithTheDefaults) {
  HttpResponse r = Page(admin_, "GET", Url());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(r, "Cài đặt đánh giá"));
  EXPECT_TRUE(Contains(r, "Nghị quyết số 01-NQ/ĐUK"));
  EXPECT_TRUE(Contains(r, "name=\"behind_floor\" value=\"85\""));
  EXPECT_TRUE(Contains(r, "name=\"exceed_margin\" value=\"5\""));
  EXPECT_TRUE(Contains(r, "name=\"bucket_1\" value=\"80\""));
  EXPECT_TRUE(Contains(r, "name=\"bucket_2\" value=\"50\""));
  EXPECT_TRUE(Contains(r, "name=\"bucket_3\" value=\"\""));
  EXPECT_TRUE(Contains(r, "value=\"1\" checked"));
  EXPECT_TRUE(Contains(r, "name=\"_csrf\" value=\"" + admin_.csrf + "\""));
  EXPECT_TRUE(Contains(r, "Lưu cài đặt"));
}

TEST_F(AssessmentSettingsPageTest, SavesAndReturnsToTheDashboard) {
  HttpResponse dash = Page(admin_, "GET", Base() + "/dashboard?as_of=2023-05-17");
  ASSERT_EQ(dash.status, 200);
  EXPECT_TRUE(Contains(dash, "href=\"" + Url() + "\""));  // the link for editors
  EXPECT_TRUE(Contains(dash, "Đạt từ 80% trở lên"));
  EXPECT_TRUE(Contains(dash, "đạt, vượt hoặc đúng tiến độ"));

  HttpResponse r = Page(admin_, "POST", Url(),
                        Form(admin_,
                             "behind_floor=70&exceed_margin=15&bucket_1=50&bucket_2="
                             "&bucket_3=92%2C5&bucket_4=&bucket_5=100"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.Header("Location"), Base() + "/dashboard");
  const AssessmentSettings s = Stored();
  EXPECT_DOUBLE_EQ(s.behind_floor, 0.7);
  EXPECT_DOUBLE_EQ(s.exceed_margin, 0.15);
  EXPECT_EQ(s.buckets, (std::vector<double>{100, 92.5, 50}));
  EXPECT_FALSE(s.mid_term_counts_on_track);  // the box was not ticked

  dash = Page(admin_, "GET", Base() + "/dashboard?as_of=2023-05-17");
  ASSERT_EQ(dash.status, 200);
  EXPECT_TRUE(Contains(dash, "Đạt từ 100% trở lên"));
  EXPECT_FALSE(Contains(dash, "Đạt từ 80% trở lên"));
  EXPECT_TRUE(Contains(dash, "tính các mục tiêu đạt hoặc vượt"));
  EXPECT_FALSE(Contains(dash, ">VƯỢT</span>"));  // MT1 at 110% is only met with a 15% margin

  HttpResponse again = Page(admin_, "GET", Url());
  EXPECT_TRUE(Contains(again, "name=\"behind_floor\" value=\"70\""));
  EXPECT_TRUE(Contains(again, "name=\"bucket_2\" value=\"92,5\""));
  EXPECT_FALSE(Contains(again, "value=\"1\" checked"));
}

TEST_F(AssessmentSettingsPageTest, RejectedFormsShowTheMessageAndChangeNothing) {
  const AssessmentSettings before = Stored();
  HttpResponse bad =
      Page(admin_, "POST", Url(), Form(admin_, "behind_floor=abc&exceed_margin=5&bucket_1=80"));
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_TRUE(Contains(bad, "Ngưỡng chậm tiến độ phải là số phần trăm"));
  EXPECT_TRUE(Contains(bad, "name=\"behind_floor\" value=\"abc\""));  // as typed

  HttpResponse low =
      Page(admin_, "POST", Url(), Form(admin_, "behind_floor=40&exceed_margin=5&bucket_1=80"));
  EXPECT_EQ(low.status, 400) << low.body;
  EXPECT_TRUE(Contains(low, "Ngưỡng chậm tiến độ phải từ 50% đến 100% của chỉ tiêu (đã nhập 40%)"));

  HttpResponse none = Page(admin_, "POST", Url(), Form(admin_, "behind_floor=85&exceed_margin=5"));
  EXPECT_EQ(none.status, 400) << none.body;
  EXPECT_TRUE(Contains(none, "Cần từ 1 đến 5 mức tỷ lệ đạt"));

  HttpResponse empty = Page(admin_, "POST", Url(), Form(admin_, "exceed_margin=5&bucket_1=80"));
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_TRUE(Contains(empty, "Ngưỡng chậm tiến độ không được để trống"));

  HttpResponse no_csrf = Page(admin_, "POST", Url(), "behind_floor=70&exceed_margin=5&bucket_1=80");
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(Stored(), before);
}

TEST_F(AssessmentSettingsPageTest, ReportersReadButCannotSave) {
  const Session reporter = Login("bao.cao");
  HttpResponse dash = Page(reporter, "GET", Base() + "/dashboard?as_of=2023-05-17");
  ASSERT_EQ(dash.status, 200) << dash.body;
  EXPECT_FALSE(Contains(dash, "/assessment-settings"));
  HttpResponse page = Page(reporter, "GET", Url());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_FALSE(Contains(page, "Lưu cài đặt"));
  EXPECT_TRUE(Contains(page, "disabled"));
  HttpResponse post =
      Page(reporter, "POST", Url(), Form(reporter, "behind_floor=70&exceed_margin=5&bucket_1=80"));
  EXPECT_EQ(post.status, 403) << post.body;
  EXPECT_EQ(Stored(), AssessmentSettings{});
  EXPECT_EQ(Page(admin_, "GET", "/resolutions/999/assessment-settings").status, 404);
}

}  // namespace
}  // namespace nq::web::pages_assessment_settings_test
