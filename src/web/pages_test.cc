// The HTML pages through the application handler: sign-in with its double-submit CSRF token,
// redirects, Vietnamese rendering, form CSRF and validation, scope (403 pages).
#include <gtest/gtest.h>

#include <string>

#include "common/format.h"
#include "web/pages_common.h"
#include "web/pages_home.h"
#include "web/web_test_util.h"

namespace nq::web {
namespace {

using testing_util::WebTest;

class PagesTest : public WebTest {
 protected:
  // Signs in through the form as a browser would: GET /login for the token, then POST.
  Session FormLogin(const std::string& username) {
    HttpResponse form = Call(Make("GET", "/login"));
    const std::string token = SetCookieValue(form, "nq_login_csrf");
    EXPECT_FALSE(token.empty());
    HttpResponse r = Call(
        Make("POST", "/login",
             "_csrf=" + token + "&next=%2Forgs&username=" + username + "&password=mat-khau-dung",
             {{"cookie", "nq_login_csrf=" + token},
              {"content-type", "application/x-www-form-urlencoded"}}));
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.Header("Location"), "/orgs");
    Session s;
    s.token = SetCookieValue(r, "nq_session");
    Result<SignedIn> signed_in = app_->auth().Authenticate(s.token);
    EXPECT_TRUE(signed_in.ok());
    if (signed_in.ok()) s.csrf = signed_in->csrf_token;
    return s;
  }

  static bool Contains(const HttpResponse& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  }
};

TEST_F(PagesTest, PagesWithoutSessionRedirectToLogin) {
  HttpResponse home = Call(Make("GET", "/"));
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("Location"), "/login?next=/");
  HttpResponse org = Call(Make("GET", "/orgs/3?tab=x"));
  EXPECT_EQ(org.Header("Location"), "/login?next=/orgs/3%3Ftab%3Dx");
  // htmx fragments ask the browser to leave the page instead.
  HttpResponse fragment = Call(Make("GET", "/orgs/search?q=x", "", {{"hx-request", "true"}}));
  EXPECT_EQ(fragment.Header("HX-Redirect").substr(0, 12), "/login?next=");
}

TEST_F(PagesTest, LoginFormSignsInWithTheDoubleSubmitToken) {
  HttpResponse form = Call(Make("GET", "/login?next=/orgs"));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form, "Tên đăng nhập"));
  EXPECT_TRUE(Contains(form, "Mật khẩu"));
  EXPECT_TRUE(Contains(form, "Đăng nhập"));
  EXPECT_TRUE(Contains(form, "nqtrack — Theo dõi thực hiện Nghị quyết"));
  const std::string cookie = SetCookieLine(form, "nq_login_csrf");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);

  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session s = FormLogin("quan.tri");
  EXPECT_FALSE(s.token.empty());
  // Signed in, the sign-in page sends the browser on.
  HttpResponse again = Page(s, "GET", "/login?next=/orgs");
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(again.Header("Location"), "/orgs");
}

TEST_F(PagesTest, LoginFormRefusesMissingTokensWrongPasswordsAndForeignNext) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const std::string form_type = "application/x-www-form-urlencoded";
  // No cookie token: refused before the password is even checked.
  HttpResponse no_token =
      Call(Make("POST", "/login", "_csrf=abc&username=quan.tri&password=mat-khau-dung",
                {{"content-type", form_type}}));
  EXPECT_EQ(no_token.status, 403);
  EXPECT_TRUE(SetCookieValue(no_token, "nq_session").empty());
  EXPECT_TRUE(Contains(no_token, "Biểu mẫu đăng nhập đã hết hạn"));

  const std::string token(32, 'a');
  HttpResponse wrong =
      Call(Make("POST", "/login", "_csrf=" + token + "&username=quan.tri&password=sai-mat-khau",
                {{"cookie", "nq_login_csrf=" + token}, {"content-type", form_type}}));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(Contains(wrong, "Tên đăng nhập hoặc mật khẩu không đúng"));
  EXPECT_TRUE(Contains(wrong, "value=\"quan.tri\""));  // the name stays typed

  HttpResponse foreign =
      Call(Make("POST", "/login",
                "_csrf=" + token + "&next=https%3A%2F%2Fevil.example%2F" +
                    "&username=quan.tri&password=mat-khau-dung",
                {{"cookie", "nq_login_csrf=" + token}, {"content-type", form_type}}));
  EXPECT_EQ(foreign.status, 303);
  EXPECT_EQ(foreign.Header("Location"), "/");
}

TEST(TargetValueViTest, ReadsAsTheResolutionWritesIt) {
  Target t;
  t.value = 90;
  t.unit = "%";
  EXPECT_EQ(TargetValueVi(t), "≥ 90%");
  t.comparator = Comparator::kAtMost;
  t.value = 1.5;
  EXPECT_EQ(TargetValueVi(t), "≤ 1,5%");
  t.comparator = Comparator::kRange;
  t.value = 1300;
  t.value_high = 1350;
  t.unit = "đảng viên";
  EXPECT_EQ(TargetValueVi(t), "1.300–1.350 đảng viên");
  t.comparator = Comparator::kYesNo;
  EXPECT_EQ(TargetValueVi(t), "Đạt");
}

TEST_F(PagesTest, SafeNextPathKeepsOnlyLocalPaths) {
  EXPECT_EQ(SafeNextPath("/orgs/5?x=1"), "/orgs/5?x=1");
  EXPECT_EQ(SafeNextPath("//evil.example/"), "/");
  EXPECT_EQ(SafeNextPath("/\\evil.example/"), "/");
  EXPECT_EQ(SafeNextPath("https://evil.example/"), "/");
  EXPECT_EQ(SafeNextPath("/orgs\r\nSet-Cookie: x"), "/");
  EXPECT_EQ(SafeNextPath("/login?next=/"), "/");
  EXPECT_EQ(SafeNextPath(""), "/");
}

TEST_F(PagesTest, PagesRenderInVietnameseWithTheUserInTheMenu) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session s = FormLogin("quan.tri");

  HttpResponse home = Page(s, "GET", "/");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_EQ(home.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_TRUE(Contains(home, "nqtrack — Theo dõi thực hiện Nghị quyết"));
  EXPECT_TRUE(Contains(home, "Nguyễn Văn quan.tri"));
  EXPECT_TRUE(Contains(home, "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh"));
  EXPECT_TRUE(Contains(home, RoleLabel(Role::kAdmin)));
  EXPECT_TRUE(Contains(home, "Đăng xuất"));
  EXPECT_TRUE(Contains(home, "name=\"_csrf\" value=\"" + s.csrf + "\""));
  int64_t members = 0;
  for (const Organization& o : app_->orgs().tree()->ToVector()) members += o.members;
  EXPECT_TRUE(Contains(home, FormatIntVi(members))) << members;

  HttpResponse tree = Page(s, "GET", "/orgs");
  ASSERT_EQ(tree.status, 200);
  EXPECT_TRUE(Contains(tree, "id=\"org-search\""));
  EXPECT_TRUE(Contains(tree, "id=\"org-results\""));
  EXPECT_TRUE(Contains(tree, "hx-get=\"/orgs/search\""));
  EXPECT_TRUE(Contains(tree, "Chi bộ Phòng Ngân sách"));
  EXPECT_TRUE(Contains(tree, OrgKindLabel(OrgKind::kSubCell)));

  HttpResponse found = Page(s, "GET", "/orgs/search?q=dang+bo+so+tai+chinh");
  ASSERT_EQ(found.status, 200);
  EXPECT_TRUE(Contains(found, "class=\"list-group-item list-group-item-action org-result\""));
  EXPECT_TRUE(Contains(found, "Đảng bộ Sở Tài chính"));
  EXPECT_FALSE(Contains(found, "Chi bộ Sở Y tế"));
  EXPECT_FALSE(Contains(found, "<html"));  // a fragment, not a page

  HttpResponse org = Page(s, "GET", "/orgs/" + std::to_string(Id("DUK.STC.VP")));
  ASSERT_EQ(org.status, 200);
  EXPECT_TRUE(Contains(org, "Chi bộ Văn phòng"));
  EXPECT_TRUE(Contains(org, FormatVi(Org("DUK.STC.VP").valid_from)));
  EXPECT_TRUE(Contains(org, "Đảng bộ Sở Tài chính"));  // breadcrumb
  EXPECT_TRUE(Contains(org, "action=\"/orgs/" + std::to_string(Id("DUK.STC.VP")) + "\""));

  EXPECT_TRUE(Contains(Page(s, "GET", "/users"), "quan.tri"));
  EXPECT_TRUE(Contains(Page(s, "GET", "/account"), "Đăng xuất khỏi mọi thiết bị"));
}

TEST_F(PagesTest, UserInputIsEscaped) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session s = FormLogin("quan.tri");
  HttpResponse r = Page(s, "POST", "/orgs/" + std::to_string(Id("DUK.SYT")),
                        "_csrf=" + s.csrf +
                            "&code=DUK.SYT&kind=base_cell&sector=state_agency"
                            "&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_EQ(r.status, 303) << r.body;
  HttpResponse tree = Page(s, "GET", "/orgs");
  EXPECT_FALSE(Contains(tree, "<script>alert(1)"));
  EXPECT_TRUE(Contains(tree, "&lt;script&gt;alert(1)"));
}

TEST_F(PagesTest, FormsNeedTheCsrfFieldAndBadInputChangesNothing) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session s = FormLogin("quan.tri");
  const std::string target = "/orgs/" + std::to_string(Id("DUK.SYT"));
  const Organization before = Org("DUK.SYT");

  HttpResponse no_csrf = Page(s, "POST", target,
                              "code=DUK.SYT&name=Tên+mới&kind=base_cell"
                              "&sector=public_service_unit");
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_TRUE(Contains(no_csrf, "Không có quyền truy cập"));
  EXPECT_EQ(Org("DUK.SYT"), before);

  HttpResponse bad_number = Page(s, "POST", target,
                                 "_csrf=" + s.csrf +
                                     "&code=DUK.SYT&name=Tên+mới&kind=base_cell"
                                     "&sector=public_service_unit&members=mười");
  EXPECT_EQ(bad_number.status, 400);
  EXPECT_TRUE(Contains(bad_number, "Số đảng viên phải là số nguyên"));
  EXPECT_TRUE(Contains(bad_number, "value=\"mười\""));  // kept as typed
  EXPECT_EQ(Org("DUK.SYT"), before);

  HttpResponse dup = Page(s, "POST", target,
                          "_csrf=" + s.csrf +
                              "&code=DUK.STC&name=Tên+mới&kind=base_cell"
                              "&sector=public_service_unit");
  EXPECT_EQ(dup.status, 409);
  EXPECT_TRUE(Contains(dup, "id=\"edit-error\""));
  EXPECT_EQ(Org("DUK.SYT"), before);

  HttpResponse ok = Page(s, "POST", target,
                         "_csrf=" + s.csrf +
                             "&code=DUK.SYT&name=Chi+b%E1%BB%99+S%E1%BB%9F+Y+t%E1%BA%BF+m%E1%BB%9Bi"
                             "&kind=base_cell&sector=public_service_unit&members=1234");
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.Header("Location"), target + "?saved=1");
  EXPECT_EQ(Org("DUK.SYT").name, "Chi bộ Sở Y tế mới");
  HttpResponse shown = Page(s, "GET", target + "?saved=1");
  EXPECT_TRUE(Contains(shown, "Đã lưu thay đổi"));
  EXPECT_TRUE(Contains(shown, "1.234"));
}

TEST_F(PagesTest, ReporterOfAGets403PagesForB) {
  AddUser("bao.cao", Role::kReporter, "DUK.STC");
  const Session s = FormLogin("bao.cao");
  HttpResponse other = Page(s, "GET", "/orgs/" + std::to_string(Id("DUK.SCT")));
  EXPECT_EQ(other.status, 403);
  EXPECT_TRUE(Contains(other, "Không có quyền truy cập"));
  const Organization before = Org("DUK.SCT");
  HttpResponse write = Page(s, "POST", "/orgs/" + std::to_string(Id("DUK.SCT")),
                            "_csrf=" + s.csrf +
                                "&code=DUK.SCT&name=X&kind=base_committee"
                                "&sector=state_agency");
  EXPECT_EQ(write.status, 403);
  EXPECT_EQ(Org("DUK.SCT"), before);
  EXPECT_EQ(Page(s, "GET", "/users").status, 403);
  // The tree shows the reporter's subtree only, and no edit form on their pages.
  HttpResponse tree = Page(s, "GET", "/orgs");
  EXPECT_FALSE(Contains(tree, "Đảng bộ Sở Công Thương"));
  HttpResponse own = Page(s, "GET", "/orgs/" + std::to_string(Id("DUK.STC")));
  EXPECT_EQ(own.status, 200);
  EXPECT_FALSE(Contains(own, "id=\"edit\""));
}

TEST_F(PagesTest, UnknownPagesAre404InVietnameseWithSecurityHeaders) {
  HttpResponse page = Call(Make("GET", "/khong-co"));
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(Contains(page, "Không tìm thấy trang"));
  HttpResponse api = Call(Make("GET", "/api/v1/khong-co"));
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(ErrorKey(api), "route.not_found");
  HttpResponse method = Call(Make("PUT", "/api/v1/orgs"));
  EXPECT_EQ(method.status, 405);
  EXPECT_FALSE(method.Header("Allow").empty());
  for (const HttpResponse* r : {&page, &api, &method}) {
    EXPECT_EQ(r->Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r->Header("X-Frame-Options"), "DENY");
    EXPECT_EQ(r->Header("Referrer-Policy"), "same-origin");
    EXPECT_EQ(r->Header("Cache-Control"), "no-store");
    EXPECT_NE(r->Header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  }
  HttpResponse asset = Call(Make("GET", "/static/app.css"));
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.Header("Cache-Control"), "no-store");
  EXPECT_EQ(asset.Header("X-Content-Type-Options"), "nosniff");
}

TEST_F(PagesTest, LogoutFormEndsTheSession) {
  AddUser("quan.tri", Role::kAdmin, "DUK");
  const Session s = FormLogin("quan.tri");
  EXPECT_EQ(Page(s, "POST", "/logout", "").status, 403);  // no _csrf
  EXPECT_EQ(Page(s, "GET", "/").status, 200);
  HttpResponse out = Page(s, "POST", "/logout", "_csrf=" + s.csrf);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.Header("Location"), "/login?msg=logged_out");
  EXPECT_EQ(Page(s, "GET", "/").status, 303);
}

}  // namespace
}  // namespace nq::web

namespace nq::web {
namespace {

class PageFormsTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    AddUser("quan.tri", Role::kAdmin, "DUK");
    admin_ = Login("quan.tri");  // the API sign-in gives the same cookie as the form
  }
  std::string Form(const std::string& fields) { return "_csrf=" + admin_.csrf + "&" + fields; }
  Session admin_;
};

TEST_F(PageFormsTest, AddChildMoveAndCloseThroughTheOrganizationPage) {
  const std::string sct = "/orgs/" + std::to_string(Id("DUK.SCT"));
  HttpResponse page = Page(admin_, "GET", sct);
  EXPECT_NE(page.body.find("id=\"add-child\""), std::string::npos);

  HttpResponse created =
      Page(admin_, "POST", sct + "/children",
           Form("code=DUK.SCT.KH&name=Chi+b%E1%BB%99+Ph%C3%B2ng+K%E1%BA%BF+ho%E1%BA%A1ch"
                "&kind=sub_cell&sector=state_agency&members=8&workers=15"
                "&valid_from=2021-03-01"));
  ASSERT_EQ(created.status, 303) << created.body;
  const Organization child = Org("DUK.SCT.KH");
  EXPECT_EQ(child.name, "Chi bộ Phòng Kế hoạch");
  EXPECT_EQ(child.parent_id, Id("DUK.SCT"));
  EXPECT_EQ(child.valid_from, (Date{2021, 3, 1}));
  EXPECT_EQ(created.Header("Location"), "/orgs/" + std::to_string(child.id) + "?created=1");
  // A sub-cell gets no "add child" form.
  EXPECT_EQ(Page(admin_, "GET", "/orgs/" + std::to_string(child.id)).body.find("id=\"add-child\""),
            std::string::npos);

  const std::string child_page = "/orgs/" + std::to_string(child.id);
  HttpResponse cycle =
      Page(admin_, "POST", sct + "/move", Form("parent_id=" + std::to_string(child.id)));
  EXPECT_EQ(cycle.status, 409);
  EXPECT_NE(cycle.body.find("id=\"move-error\""), std::string::npos);
  EXPECT_EQ(Org("DUK.SCT").parent_id, Id("DUK"));

  HttpResponse moved = Page(admin_, "POST", child_page + "/move",
                            Form("parent_id=" + std::to_string(Id("DUK.STC"))));
  ASSERT_EQ(moved.status, 303) << moved.body;
  EXPECT_EQ(Org("DUK.SCT.KH").parent_id, Id("DUK.STC"));

  HttpResponse bad_date = Page(admin_, "POST", child_page + "/close", Form("date=31%2F02%2F2023"));
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_NE(bad_date.body.find("id=\"close-error\""), std::string::npos);
  EXPECT_FALSE(Org("DUK.SCT.KH").valid_to.has_value());

  HttpResponse closed = Page(admin_, "POST", child_page + "/close", Form("date=2023-05-17"));
  ASSERT_EQ(closed.status, 303) << closed.body;
  EXPECT_EQ(Org("DUK.SCT.KH").valid_to, (Date{2023, 5, 17}));
  HttpResponse shown = Page(admin_, "GET", child_page + "?closed=1");
  EXPECT_NE(shown.body.find("Đã giải thể từ 17/5/2023"), std::string::npos);
}

TEST_F(PageFormsTest, UserAdministrationForms) {
  HttpResponse weak = Page(admin_, "POST", "/users",
                           Form("username=bao.cao&full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+B%E1%BA%A3o"
                                "&role=reporter&org_id=" +
                                std::to_string(Id("DUK.SYT")) + "&password=12345678"));
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("id=\"create-error\""), std::string::npos);
  EXPECT_NE(weak.body.find("value=\"Trần Thị Bảo\""), std::string::npos);  // kept as typed
  EXPECT_EQ(app_->users().ListAsSystem()->size(), 1u);

  HttpResponse created = Page(admin_, "POST", "/users",
                              Form("username=bao.cao&full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+B%E1%BA%A3o"
                                   "&role=reporter&org_id=" +
                                   std::to_string(Id("DUK.SYT")) + "&password=mat-khau-moi-3"));
  ASSERT_EQ(created.status, 303) << created.body;
  int64_t id = 0;
  const Result<std::vector<UserView>> users = app_->users().ListAsSystem();
  ASSERT_TRUE(users.ok());
  for (const UserView& u : *users) {
    if (u.username == "bao.cao") id = u.id;
  }
  ASSERT_GT(id, 0);
  const std::string user = "/users/" + std::to_string(id);
  ASSERT_EQ(Page(admin_, "POST", user + "/disable", Form("")).status, 303);
  HttpResponse list = Page(admin_, "GET", "/users?disabled=1");
  EXPECT_NE(list.body.find("Đã khóa"), std::string::npos);
  ASSERT_EQ(Page(admin_, "POST", user + "/enable", Form("")).status, 303);
  ASSERT_EQ(Page(admin_, "POST", user + "/password", Form("password=mat-khau-moi-4")).status, 303);
  Login("bao.cao", "mat-khau-moi-4");
}

TEST_F(PageFormsTest, AccountPasswordChangeSignsOutEverywhere) {
  HttpResponse mismatch = Page(admin_, "POST", "/account/password",
                               Form("current=mat-khau-dung&new=mat-khau-moi-5&confirm=khac-han"));
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_NE(mismatch.body.find("Mật khẩu nhập lại không khớp"), std::string::npos);
  HttpResponse wrong = Page(admin_, "POST", "/account/password",
                            Form("current=sai&new=mat-khau-moi-5&confirm=mat-khau-moi-5"));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_NE(wrong.body.find("id=\"password-error\""), std::string::npos);
  EXPECT_EQ(Page(admin_, "GET", "/account").status, 200);

  HttpResponse ok = Page(admin_, "POST", "/account/password",
                         Form("current=mat-khau-dung&new=mat-khau-moi-5&confirm=mat-khau-moi-5"));
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(ok.Header("Location"), "/login?msg=password_changed");
  EXPECT_EQ(Page(admin_, "GET", "/account").status, 303);  // signed out
  HttpResponse notice = Call(Make("GET", "/login?msg=password_changed"));
  EXPECT_NE(notice.body.find("Đã đổi mật khẩu"), std::string::npos);
}

}  // namespace
}  // namespace nq::web
