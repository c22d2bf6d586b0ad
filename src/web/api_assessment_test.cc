// The assessment endpoints through the application handler: the JSON shape of a resolution's
// assessment and of one target with its drill-down, subtrees, scope (403), bad dates (400).
// Expected figures follow the rules of analytics/assessment.h for the data of
// assessment_test_util.h (MT1: 600 + 650 + 400 + 550 reported against a cumulative 2.000).
#include "web/api_assessment.h"

#include <gtest/gtest.h>

#include <string>

#include "web/assessment_test_util.h"

namespace nq::web::api_assessment_test {
namespace {

using testing_util::AssessmentWebTest;

class AssessmentApiTest : public AssessmentWebTest {
 protected:
  void SetUp() override {
    AssessmentWebTest::SetUp();
    admin_ = Login("quan.tri");
  }

  std::string Url(const std::string& rest) {
    return "/api/v1/resolutions/" + std::to_string(resolution_id_) + rest;
  }

  Session admin_;
};

TEST_F(AssessmentApiTest, AssessmentHasTheHeadlineBucketsFieldsAndTargets) {
  HttpResponse r = Api(admin_, "GET", Url("/assessment?as_of=2023-05-17"));
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json j = Body(r);
  EXPECT_EQ(j["resolution"]["id"], resolution_id_);
  EXPECT_EQ(j["resolution"]["number"], "01-NQ/ĐUK");
  EXPECT_EQ(j["org"]["code"], "DUK");  // the resolution's committee is the default root
  EXPECT_EQ(j["as_of"], "2023-05-17");
  EXPECT_EQ(j["final"], false);
  EXPECT_EQ(j["done"], 1);
  EXPECT_EQ(j["total"], 2);
  // The same headline as the service computes, and it names the count.
  Result<ResolutionDashboard> d =
      app_->analytics().Assess(PrincipalOf(admin_id_), resolution_id_, Date{2023, 5, 17});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(j["headline"], d->result.headline);
  EXPECT_NE(j["headline"].get<std::string>().find("1/2"), std::string::npos);

  ASSERT_EQ(j["buckets"].size(), d->result.buckets.size());
  ASSERT_FALSE(j["buckets"].empty());
  EXPECT_EQ(j["buckets"][0]["threshold"], 80);
  EXPECT_EQ(j["buckets"][0]["label"], "Đạt từ 80% trở lên");
  EXPECT_EQ(j["buckets"][0]["count"], 1);  // MT1 at 110%; MT2 has no ratio
  ASSERT_EQ(j["fields"].size(), 1u);
  EXPECT_EQ(j["fields"][0]["field"], "party_building");
  EXPECT_EQ(j["fields"][0]["label"], "Xây dựng Đảng");
  EXPECT_EQ(j["fields"][0]["done"], 1);
  EXPECT_EQ(j["fields"][0]["total"], 2);

  ASSERT_EQ(j["targets"].size(), 2u);
  const nlohmann::json& mt1 = j["targets"][0];
  EXPECT_EQ(mt1["code"], "MT1");
  EXPECT_EQ(mt1["kind"], "cumulative");
  EXPECT_EQ(mt1["comparator"], "at_least");
  EXPECT_EQ(mt1["unit"], "đảng viên");
  EXPECT_EQ(mt1["status"], "exceeded");  // 2.200 ≥ 2.000 × 1,05
  EXPECT_EQ(mt1["status_label"], "VƯỢT");
  EXPECT_EQ(mt1["colour"], "success");
  EXPECT_DOUBLE_EQ(mt1["actual"].get<double>(), 2200);
  EXPECT_DOUBLE_EQ(mt1["target_value"].get<double>(), 2000);
  EXPECT_DOUBLE_EQ(mt1["ratio"].get<double>(), 110);
  EXPECT_TRUE(mt1["target_high"].is_null());
  EXPECT_EQ(mt1["estimate"], true);  // 550 for DUK.SYT in 2022 is ước đạt
  EXPECT_FALSE(mt1["explanation"].get<std::string>().empty());
  EXPECT_EQ(mt1["error"], "");
  ASSERT_EQ(mt1["years"].size(), 6u);  // 2020 … 2025
  EXPECT_EQ(mt1["years"][0]["year"], 2020);
  EXPECT_TRUE(mt1["years"][0]["value"].is_null());
  EXPECT_EQ(mt1["years"][1]["year"], 2021);
  EXPECT_DOUBLE_EQ(mt1["years"][1]["value"].get<double>(), 1000);
  EXPECT_EQ(mt1["years"][1]["closed"], true);
  EXPECT_EQ(mt1["years"][1]["estimate"], false);
  EXPECT_DOUBLE_EQ(mt1["years"][2]["value"].get<double>(), 1200);
  EXPECT_EQ(mt1["years"][2]["estimate"], true);
  EXPECT_EQ(mt1["years"][3]["closed"], false);

  const nlohmann::json& mt2 = j["targets"][1];
  EXPECT_EQ(mt2["status"], "no_data");
  EXPECT_EQ(mt2["status_label"], "CHƯA CÓ SỐ LIỆU");
  EXPECT_EQ(mt2["colour"], "secondary");
  EXPECT_TRUE(mt2["actual"].is_null());
  EXPECT_FALSE(mt2["error"].get<std::string>().empty());  // org_good is not an element
}

TEST_F(AssessmentApiTest, AnOrganizationAssessesItsSubtreeOnly) {
  HttpResponse r = Api(
      admin_, "GET", Url("/assessment?as_of=2023-05-17&org=" + std::to_string(Id("DUK.STC"))));
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json j = Body(r);
  EXPECT_EQ(j["org"]["code"], "DUK.STC");
  EXPECT_DOUBLE_EQ(j["targets"][0]["actual"].get<double>(), 1250);  // 600 + 650 of DUK.STC.VP
  EXPECT_EQ(j["targets"][0]["estimate"], false);
}

TEST_F(AssessmentApiTest, OutsideScopeIsForbiddenAndAReporterDefaultsToTheirOwnOrganization) {
  const Session reporter = Login("bao.cao");
  HttpResponse mine = Api(reporter, "GET", Url("/assessment?as_of=2023-05-17"));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(Body(mine)["org"]["code"], "DUK.SCT");
  EXPECT_TRUE(Body(mine)["targets"][0]["actual"].is_null());  // DUK.SCT reported nothing

  const std::string other = "?as_of=2023-05-17&org=" + std::to_string(Id("DUK.STC"));
  HttpResponse r = Api(reporter, "GET", Url("/assessment" + other));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(ErrorKey(r), "scope.denied");
  HttpResponse t = Api(reporter, "GET", Url("/targets/MT1" + other));
  EXPECT_EQ(t.status, 403);
  EXPECT_EQ(ErrorKey(t), "scope.denied");
}

TEST_F(AssessmentApiTest, BadDatesAndOrganizationIdsAreRefused) {
  for (const std::string bad : {"2023-02-30", "17/5/2023", "2023-5-17", "x"}) {
    HttpResponse r = Api(admin_, "GET", Url("/assessment?as_of=" + bad));
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(ErrorKey(r), "date.invalid") << bad;
    EXPECT_NE(Body(r)["error"]["message"].get<std::string>().find("Ngày đánh giá"),
              std::string::npos);
    HttpResponse t = Api(admin_, "GET", Url("/targets/MT1?as_of=" + bad));
    EXPECT_EQ(ErrorKey(t), "date.invalid") << bad;
  }
  HttpResponse org = Api(admin_, "GET", Url("/assessment?org=abc"));
  EXPECT_EQ(org.status, 400);
  EXPECT_EQ(ErrorKey(org), "query.invalid");
  // No session: 401 before anything else.
  HttpResponse anonymous = Call(Make("GET", Url("/assessment")));
  EXPECT_EQ(anonymous.status, 401);
}

TEST_F(AssessmentApiTest, TargetDetailHasPathsAndTheDrillDownByChildOrganization) {
  HttpResponse r = Api(admin_, "GET", Url("/targets/MT1?as_of=2023-05-17"));
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json j = Body(r);
  EXPECT_EQ(j["code"], "MT1");
  EXPECT_EQ(j["status"], "exceeded");
  EXPECT_EQ(j["org"]["code"], "DUK");
  EXPECT_EQ(j["as_of"], "2023-05-17");
  EXPECT_EQ(j["resolution"]["number"], "01-NQ/ĐUK");
  ASSERT_FALSE(j["expected_path"].empty());
  EXPECT_EQ(j["expected_path"][0]["date"].get<std::string>().size(), 10u);
  EXPECT_TRUE(j["expected_path"][0]["value"].is_number());
  EXPECT_TRUE(j["projection_path"].is_array());

  ASSERT_EQ(j["children"].size(), 3u);  // DUK.STC, DUK.SCT, DUK.SYT
  double sum = 0;
  for (const nlohmann::json& child : j["children"]) {
    const std::string code = child["org"]["code"];
    if (code == "DUK.STC") {
      EXPECT_DOUBLE_EQ(child["actual"].get<double>(), 1250);
    }
    if (code == "DUK.SYT") {
      EXPECT_DOUBLE_EQ(child["actual"].get<double>(), 950);
    }
    if (code == "DUK.SCT") {
      EXPECT_TRUE(child["actual"].is_null());
      EXPECT_EQ(child["status_label"], "CHƯA CÓ SỐ LIỆU");
    }
    if (child["actual"].is_number()) sum += child["actual"].get<double>();
    EXPECT_TRUE(child["years"].is_array());
  }
  EXPECT_DOUBLE_EQ(sum, j["actual"].get<double>());

  HttpResponse missing = Api(admin_, "GET", Url("/targets/MT9"));
  EXPECT_EQ(missing.status, 404);
  HttpResponse no_resolution = Api(admin_, "GET", "/api/v1/resolutions/999999/assessment");
  EXPECT_EQ(no_resolution.status, 404);
}

TEST(BucketLabelTest, WritesTheThresholdInTheVietnameseForm) {
  EXPECT_EQ(BucketLabel(80), "Đạt từ 80% trở lên");
  EXPECT_EQ(BucketLabel(62.5), "Đạt từ 62,5% trở lên");
}

}  // namespace
}  // namespace nq::web::api_assessment_test
