#include "web/api_session.h"

#include <gtest/gtest.h>

#include "web/web_test_util.h"

namespace nq::web::api_session_test {
namespace {

using testing_util::WebTest;

class SessionApiTest : public WebTest {
 protected:
  static HttpRequest LoginRequest(const std::string& body, const std::string& content_type) {
    return Make("POST", "/api/v1/session", body, {{"content-type", content_type}});
  }
};

TEST_F(SessionApiTest, LoginSetsAnHttpOnlyStrictCookieAndReturnsTheUser) {
  AddUser("bao.cao", Role::kReporter, "DUK.STC");
  HttpResponse r = Call(
      LoginRequest(R"({"username":"bao.cao","password":"mat-khau-dung"})", "application/json"));
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = SetCookieLine(r, "nq_session");
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
  const nlohmann::json body = Body(r);
  EXPECT_EQ(body["user"]["username"], "bao.cao");
  EXPECT_EQ(body["user"]["role"], "reporter");
  EXPECT_EQ(body["user"]["org_id"], Id("DUK.STC"));
  EXPECT_EQ(body["user"]["org_name"], "Đảng bộ Sở Tài chính");
  EXPECT_EQ(body["user"]["full_name"], "Nguyễn Văn bao.cao");

  // The cookie names the session: /me answers with the same CSRF token.
  Session s{SetCookieValue(r, "nq_session"), body["csrf_token"]};
  HttpResponse me = Api(s, "GET", "/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(Body(me)["csrf_token"], s.csrf);
  EXPECT_EQ(Body(me)["user"]["username"], "bao.cao");
}

TEST_F(SessionApiTest, SecureRequestsGetSecureCookies) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  HttpRequest req =
      LoginRequest(R"({"username":"quan.tri","password":"mat-khau-dung"})", "application/json");
  req.secure = true;
  HttpResponse r = Call(req);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(SetCookieLine(r, "nq_session").find("; Secure"), std::string::npos);
}

TEST_F(SessionApiTest, BadCredentialsAndBadBodiesAreRefused) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  HttpResponse wrong = Call(
      LoginRequest(R"({"username":"quan.tri","password":"sai-mat-khau"})", "application/json"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(ErrorKey(wrong), "auth.bad_credentials");
  EXPECT_TRUE(SetCookieValue(wrong, "nq_session").empty());

  // A form post (what a cross-site page could send) is not JSON.
  HttpResponse form = Call(LoginRequest("username=quan.tri&password=mat-khau-dung",
                                        "application/x-www-form-urlencoded"));
  EXPECT_EQ(form.status, 400);
  EXPECT_EQ(ErrorKey(form), "json.content_type");

  HttpResponse missing = Call(LoginRequest(R"({"username":"quan.tri"})", "application/json"));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(ErrorKey(missing), "json.missing_field");

  HttpResponse extra = Call(LoginRequest(
      R"({"username":"quan.tri","password":"mat-khau-dung","remember":true})", "application/json"));
  EXPECT_EQ(extra.status, 400);
  EXPECT_EQ(ErrorKey(extra), "json.unknown_field");
  EXPECT_TRUE(SetCookieValue(extra, "nq_session").empty());
}

TEST_F(SessionApiTest, FiveWrongPasswordsThrottleTheAccount) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  for (int i = 0; i < AuthService::kMaxFailures; ++i) {
    HttpResponse r = Call(
        LoginRequest(R"({"username":"quan.tri","password":"sai-mat-khau"})", "application/json"));
    EXPECT_EQ(r.status, 401);
  }
  HttpResponse r = Call(
      LoginRequest(R"({"username":"quan.tri","password":"mat-khau-dung"})", "application/json"));
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(ErrorKey(r), "auth.throttled");
  EXPECT_FALSE(r.Header("Retry-After").empty());
}

TEST_F(SessionApiTest, WithoutASessionTheApiAnswers401) {
  for (const char* target : {"/api/v1/me", "/api/v1/orgs/tree", "/api/v1/orgs", "/api/v1/users",
                             "/api/v1/resolutions", "/api/v1/audit"}) {
    HttpResponse r = Call(Make("GET", target));
    EXPECT_EQ(r.status, 401) << target;
    EXPECT_EQ(ErrorKey(r), "auth.no_session") << target;
  }
  // A cookie that names no session is no better.
  HttpResponse r = Call(Make("GET", "/api/v1/me", "", {{"cookie", "nq_session=deadbeef"}}));
  EXPECT_EQ(r.status, 401);
}

TEST_F(SessionApiTest, LogoutNeedsCsrfAndEndsTheSession) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session s = Login("quan.tri");
  HttpResponse no_csrf = Api(s, "DELETE", "/api/v1/session", "", /*csrf=*/false);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(ErrorKey(no_csrf), "csrf.invalid");
  EXPECT_EQ(Api(s, "GET", "/api/v1/me").status, 200);  // still signed in

  HttpResponse out = Api(s, "DELETE", "/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(SetCookieLine(out, "nq_session").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Api(s, "GET", "/api/v1/me").status, 401);
}

TEST_F(SessionApiTest, LogoutAllEndsEverySessionOfTheUser) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session a = Login("quan.tri");
  const Session b = Login("quan.tri");
  EXPECT_EQ(Api(a, "POST", "/api/v1/session/logout-all").status, 204);
  EXPECT_EQ(Api(a, "GET", "/api/v1/me").status, 401);
  EXPECT_EQ(Api(b, "GET", "/api/v1/me").status, 401);
}

}  // namespace
}  // namespace nq::web::api_session_test
