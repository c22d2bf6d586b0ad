// Users, audit and resolution endpoints (the smaller resources share one fixture).
#include "web/api_users.h"

#include <gtest/gtest.h>

#include <string>

#include "web/web_test_util.h"

namespace nq::web::api_users_test {
namespace {

using testing_util::WebTest;

class UserApiTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    AddUser("quan.tri", Role::kAdmin, "DUK");
    admin_ = Login("quan.tri");
  }

  // The 2020–2025 term of DUK with one resolution, two targets and one breakthrough task.
  int64_t SeedPlan() {
    Term term;
    term.name = "Nhiệm kỳ 2020 - 2025";
    term.start = {2020, 8, 1};
    term.end = {2025, 7, 31};
    term.org_id = Id("DUK");
    Result<Term> t = app_->plans().CreateTermAsSystem(term, system_);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    Resolution res;
    res.term_id = t->id;
    res.number = "01-NQ/ĐUK";
    res.title = "Nghị quyết Đại hội lần thứ XIII";
    Result<Resolution> r = app_->plans().CreateResolutionAsSystem(res, system_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    Target a;
    a.resolution_id = r->id;
    a.code = "MT1";
    a.position = 1;
    a.text = "Hằng năm có từ 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ";
    a.value = 90;
    a.unit = "%";
    a.kind = TargetKind::kEveryYear;
    EXPECT_TRUE(app_->plans().CreateTargetAsSystem(a, system_).ok());
    Target b = a;
    b.code = "MT2";
    b.position = 2;
    b.text = "Kết nạp từ 30 đến 35 đảng viên mỗi năm";
    b.comparator = Comparator::kRange;
    b.value = 30;
    b.value_high = 35;
    b.unit = "đảng viên";
    EXPECT_TRUE(app_->plans().CreateTargetAsSystem(b, system_).ok());
    ResolutionTask task;
    task.resolution_id = r->id;
    task.position = 1;
    task.title = "Nâng cao chất lượng sinh hoạt chi bộ";
    task.target_codes = {"MT1"};
    EXPECT_TRUE(app_->plans().CreateTaskAsSystem(task, system_).ok());
    return r->id;
  }

  Session admin_;
};

TEST_F(UserApiTest, AdminListsCreatesAndUpdatesUsers) {
  HttpResponse created =
      Api(admin_, "POST", "/api/v1/users",
          R"({"username":"bao.cao","full_name":"Trần Thị Bảo","role":"reporter",)"
          R"("org_id":)" +
              std::to_string(Id("DUK.STC")) + R"(,"password":"mat-khau-moi-1"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const nlohmann::json user = Body(created);
  EXPECT_EQ(user["full_name"], "Trần Thị Bảo");
  EXPECT_EQ(user["org_name"], "Đảng bộ Sở Tài chính");
  EXPECT_FALSE(user.contains("password_hash"));
  EXPECT_FALSE(user.contains("password"));
  const std::string path = "/api/v1/users/" + std::to_string(user["id"].get<int64_t>());

  HttpResponse list = Api(admin_, "GET", "/api/v1/users");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(Body(list)["total"], 2);

  HttpResponse disabled = Api(admin_, "PATCH", path, R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(Body(disabled)["disabled"], true);
  EXPECT_EQ(
      Call(Make("POST", "/api/v1/session", R"({"username":"bao.cao","password":"mat-khau-moi-1"})",
                {{"content-type", "application/json"}}))
          .status,
      401);

  HttpResponse bad_role = Api(admin_, "PATCH", path, R"({"role":"superuser"})");
  EXPECT_EQ(bad_role.status, 400);
  EXPECT_EQ(ErrorKey(bad_role), "json.bad_value");
  HttpResponse missing = Api(admin_, "POST", "/api/v1/users", R"({"username":"x.y.z"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(ErrorKey(missing), "json.missing_field");
}

TEST_F(UserApiTest, ReportersCannotManageUsersOrReadTheAuditLog) {
  AddUser("bao.cao", Role::kReporter, "DUK.SCT");
  const Session reporter = Login("bao.cao");
  EXPECT_EQ(Api(reporter, "GET", "/api/v1/users").status, 403);
  const int64_t users_before = static_cast<int64_t>(app_->users().ListAsSystem()->size());
  HttpResponse create = Api(reporter, "POST", "/api/v1/users",
                            R"({"username":"ke.gian","full_name":"Kẻ Gian","role":"admin",)"
                            R"("org_id":)" +
                                std::to_string(Id("DUK")) + R"(,"password":"mat-khau-moi-1"})");
  EXPECT_EQ(create.status, 403);
  EXPECT_EQ(static_cast<int64_t>(app_->users().ListAsSystem()->size()), users_before);
  EXPECT_EQ(Api(reporter, "GET", "/api/v1/audit").status, 403);
}

TEST_F(UserApiTest, ChangingOwnPasswordEndsTheSessions) {
  HttpResponse weak =
      Api(admin_, "POST", "/api/v1/me/password", R"({"current":"mat-khau-dung","new":"123"})");
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(Api(admin_, "GET", "/api/v1/me").status, 200);

  HttpResponse ok = Api(admin_, "POST", "/api/v1/me/password",
                        R"({"current":"mat-khau-dung","new":"mat-khau-moi-2"})");
  ASSERT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(Api(admin_, "GET", "/api/v1/me").status, 401);
  Login("quan.tri", "mat-khau-moi-2");
}

TEST_F(UserApiTest, AuditLogListsChangesNewestFirst) {
  ASSERT_EQ(
      Api(admin_, "PATCH", "/api/v1/orgs/" + std::to_string(Id("DUK.SYT")), R"({"members":55})")
          .status,
      200);
  HttpResponse r = Api(
      admin_, "GET",
      "/api/v1/audit?entity=organization&entity_id=" + std::to_string(Id("DUK.SYT")) + "&limit=5");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json items = Body(r)["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0]["action"], "update");
  EXPECT_EQ(items[0]["username"], "quan.tri");
  EXPECT_EQ(items[0]["address"], "192.0.2.10");
  EXPECT_EQ(items[0]["new"]["members"], 55);
  EXPECT_EQ(Api(admin_, "GET", "/api/v1/audit?limit=5000").status, 400);
}

TEST_F(UserApiTest, ResolutionsWithTargetsAndTasks) {
  const int64_t id = SeedPlan();
  HttpResponse list = Api(admin_, "GET", "/api/v1/resolutions");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(Body(list)["items"].size(), 1u);
  EXPECT_EQ(Body(list)["items"][0]["number"], "01-NQ/ĐUK");

  HttpResponse detail = Api(admin_, "GET", "/api/v1/resolutions/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200) << detail.body;
  const nlohmann::json d = Body(detail);
  EXPECT_EQ(d["term"]["name"], "Nhiệm kỳ 2020 - 2025");
  ASSERT_EQ(d["targets"].size(), 2u);
  EXPECT_EQ(d["targets"][1]["comparator"], "range");
  EXPECT_EQ(d["targets"][1]["value_high"], 35.0);
  EXPECT_TRUE(d["targets"][0]["value_high"].is_null());
  ASSERT_EQ(d["tasks"].size(), 1u);
  EXPECT_EQ(d["tasks"][0]["target_codes"][0], "MT1");
  EXPECT_EQ(Api(admin_, "GET", "/api/v1/resolutions/x").status, 400);
}

}  // namespace
}  // namespace nq::web::api_users_test
