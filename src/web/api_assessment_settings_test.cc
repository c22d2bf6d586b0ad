// The assessment settings endpoints through the application handler: defaults, a PUT that the
// next GET and the next assessment see, strict bodies and out-of-range values (400, nothing
// changed), roles (403), CSRF, unknown resolutions. Data of assessment_test_util.h: MT1 is
// 2.200/2.000 đảng viên (110%), VƯỢT with the default 5% margin.
#include "web/api_assessment_settings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/assessment_test_util.h"

namespace nq::web::api_assessment_settings_test {
namespace {

using testing_util::AssessmentWebTest;

class AssessmentSettingsApiTest : public AssessmentWebTest {
 protected:
  void SetUp() override {
    AssessmentWebTest::SetUp();
    admin_ = Login("quan.tri");
  }

  std::string Url() {
    return "/api/v1/resolutions/" + std::to_string(resolution_id_) + "/assessment-settings";
  }

  nlohmann::json GetSettings() {
    HttpResponse r = Api(admin_, "GET", Url());
    EXPECT_EQ(r.status, 200) << r.body;
    return Body(r);
  }

  Session admin_;
};

TEST_F(AssessmentSettingsApiTest, DefaultsWhenNoneAreStored) {
  EXPECT_EQ(GetSettings(), nlohmann::json::parse(R"({"behind_floor":85,"exceed_margin":5,)"
                                                 R"("buckets":[80,50],)"
                                                 R"("mid_term_counts_on_track":true})"));
}

TEST_F(AssessmentSettingsApiTest, PutIsWhatGetAndTheAssessmentThenSee) {
  HttpResponse before =
      Api(admin_, "GET",
          "/api/v1/resolutions/" + std::to_string(resolution_id_) + "/assessment?as_of=2023-05-17");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(Body(before)["targets"][0]["status"], "exceeded");

  HttpResponse put = Api(admin_, "PUT", Url(),
                         R"({"behind_floor":70,"exceed_margin":15,"buckets":[50,100,92.5],)"
                         R"("mid_term_counts_on_track":false})");
  ASSERT_EQ(put.status, 200) << put.body;
  const nlohmann::json stored =
      nlohmann::json::parse(R"({"behind_floor":70,"exceed_margin":15,"buckets":[100,92.5,50],)"
                            R"("mid_term_counts_on_track":false})");
  EXPECT_EQ(Body(put), stored);  // buckets in descending order
  EXPECT_EQ(GetSettings(), stored);

  HttpResponse after =
      Api(admin_, "GET",
          "/api/v1/resolutions/" + std::to_string(resolution_id_) + "/assessment?as_of=2023-05-17");
  ASSERT_EQ(after.status, 200) << after.body;
  const nlohmann::json a = Body(after);
  EXPECT_EQ(a["targets"][0]["status"], "met");  // 2.200 < 2.000 × 1,15
  ASSERT_EQ(a["buckets"].size(), 3u);
  EXPECT_EQ(a["buckets"][0]["threshold"], 100);
  EXPECT_EQ(a["buckets"][0]["count"], 1);  // 110%
  EXPECT_EQ(a["buckets"][1]["threshold"], 92.5);

  // The change is audited, old and new.
  auto tx = app_->db().Begin(system_, store::TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  Result<std::vector<store::AuditEntry>> audit =
      (*tx)->ListAudit("assessment_settings", std::to_string(resolution_id_), 10);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "create");
  EXPECT_EQ((*audit)[0].username, "quan.tri");
  EXPECT_NE((*audit)[0].new_value.find("\"behind_floor\":0.7"), std::string::npos)
      << (*audit)[0].new_value;
}

TEST_F(AssessmentSettingsApiTest, BadBodiesAre400AndChangeNothing) {
  const std::string good_rest = R"("mid_term_counts_on_track":true})";
  const struct {
    std::string body;
    std::string key;
    std::string message_part;
  } cases[] = {
      {R"({"behind_floor":120,"exceed_margin":5,"buckets":[80],)" + good_rest,
       "settings.behind_floor_invalid", "từ 50% đến 100%"},
      {R"({"behind_floor":40,"exceed_margin":5,"buckets":[80],)" + good_rest,
       "settings.behind_floor_invalid", "đã nhập 40%"},
      {R"({"behind_floor":85,"exceed_margin":60,"buckets":[80],)" + good_rest,
       "settings.exceed_margin_invalid", "từ 0% đến 50%"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[],)" + good_rest,
       "settings.buckets_invalid", "Cần từ 1 đến 5"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[90,80,70,60,50,40],)" + good_rest,
       "settings.buckets_invalid", "đã nhập 6"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[80,80],)" + good_rest,
       "settings.buckets_invalid", "bị lặp"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[0],)" + good_rest,
       "settings.buckets_invalid", "lớn hơn 0%"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[101],)" + good_rest,
       "settings.buckets_invalid", "không quá 100%"},
      {R"({"behind_floor":"85","exceed_margin":5,"buckets":[80],)" + good_rest, "json.wrong_type",
       "behind_floor"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":["80"],)" + good_rest, "json.wrong_type",
       "buckets"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[80]})", "json.missing_field",
       "mid_term_counts_on_track"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[80],"colour":"red",)" + good_rest,
       "json.unknown_field", "colour"},
      {R"({"behind_floor":85,"exceed_margin":5,"buckets":[80],"mid_term_counts_on_track":1})",
       "json.wrong_type", "mid_term_counts_on_track"},
  };
  const nlohmann::json before = GetSettings();
  for (const auto& c : cases) {
    HttpResponse r = Api(admin_, "PUT", Url(), c.body);
    EXPECT_EQ(r.status, 400) << c.body << " -> " << r.body;
    EXPECT_EQ(ErrorKey(r), c.key) << c.body;
    const std::string message = Body(r)["error"].value("message", "");
    EXPECT_NE(message.find(c.message_part), std::string::npos) << c.body << " -> " << message;
  }
  EXPECT_EQ(GetSettings(), before);
  auto tx = app_->db().Begin(system_, store::TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  Result<std::vector<store::AuditEntry>> audit = (*tx)->ListAudit("assessment_settings", "", 10);
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->empty());
}

TEST_F(AssessmentSettingsApiTest, ReportersReadButMayNotChange) {
  const Session reporter = Login("bao.cao");
  const std::string body =
      R"({"behind_floor":70,"exceed_margin":5,"buckets":[80],"mid_term_counts_on_track":true})";
  HttpResponse put = Api(reporter, "PUT", Url(), body);
  EXPECT_EQ(put.status, 403) << put.body;
  EXPECT_EQ(ErrorKey(put), "role.denied");
  HttpResponse get = Api(reporter, "GET", Url());
  EXPECT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(Body(get)["behind_floor"], 85);

  HttpResponse no_csrf = Api(admin_, "PUT", Url(), body, /*csrf=*/false);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(ErrorKey(no_csrf), "csrf.invalid");
  EXPECT_EQ(GetSettings()["behind_floor"], 85);

  HttpResponse missing = Api(admin_, "PUT", "/api/v1/resolutions/999/assessment-settings", body);
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_EQ(ErrorKey(missing), "resolution.not_found");
  EXPECT_EQ(Api(admin_, "GET", "/api/v1/resolutions/999/assessment-settings").status, 404);
  EXPECT_EQ(ErrorKey(Api(admin_, "GET", "/api/v1/resolutions/x/assessment-settings")),
            "request.bad_id");
}

TEST(AssessmentSettingsJsonTest, WholeNumbersAreIntegers) {
  AssessmentSettings s;
  s.behind_floor = 0.575;
  s.exceed_margin = 0.07;
  s.buckets = {92.5, 50};
  EXPECT_EQ(DumpJson(AssessmentSettingsJson(s)),
            R"({"behind_floor":57.5,"exceed_margin":7,"buckets":[92.5,50],)"
            R"("mid_term_counts_on_track":true})");
}

}  // namespace
}  // namespace nq::web::api_assessment_settings_test
