#include "web/api_orgs.h"

#include <gtest/gtest.h>

#include <string>

#include "web/web_test_util.h"

namespace nq::web::api_orgs_test {
namespace {

using testing_util::WebTest;

// One admin at the root and one reporter of DUK.SCT, signed in once per test.
class OrgApiTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    AddUser("quan.tri", Role::kAdmin, "DUK");
    admin_ = Login("quan.tri");
  }

  std::string OrgPath(const std::string& code) {
    return "/api/v1/orgs/" + std::to_string(Id(code));
  }

  // What a failed request must leave alone: the tree (by version and content) and the audit log.
  struct Snapshot {
    uint64_t version;
    std::vector<Organization> orgs;
    int64_t last_audit;
  };
  Snapshot Take() {
    return {app_->orgs().version(), app_->orgs().tree()->ToVector(), LastAuditId()};
  }
  void ExpectUnchanged(const Snapshot& before) {
    EXPECT_EQ(app_->orgs().version(), before.version);
    EXPECT_EQ(app_->orgs().tree()->ToVector(), before.orgs);
    EXPECT_EQ(LastAuditId(), before.last_audit);
  }

  Session admin_;
};

TEST_F(OrgApiTest, TreeIsTheScopeNestedWithETag) {
  HttpResponse r = Api(admin_, "GET", "/api/v1/orgs/tree");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json tree = Body(r);
  EXPECT_EQ(tree["version"], app_->orgs().version());
  EXPECT_EQ(tree["root"]["code"], "DUK");
  ASSERT_EQ(tree["root"]["children"].size(), 3u);
  const nlohmann::json& stc = tree["root"]["children"][0];
  EXPECT_EQ(stc["code"], "DUK.STC");
  EXPECT_EQ(stc["name"], "Đảng bộ Sở Tài chính");
  EXPECT_EQ(stc["kind"], "base_committee");
  EXPECT_EQ(stc["children"].size(), 2u);
  EXPECT_EQ(stc["members"], Org("DUK.STC").members);

  const std::string etag(r.Header("ETag"));
  ASSERT_FALSE(etag.empty());
  HttpResponse again =
      Call(Make("GET", "/api/v1/orgs/tree", "",
                {{"cookie", "nq_session=" + admin_.token}, {"if-none-match", etag}}));
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.BodyView().empty());
  EXPECT_EQ(again.Header("ETag"), etag);

  // A change gives a new version, new bytes and a new ETag.
  HttpResponse patched = Api(admin_, "PATCH", OrgPath("DUK.SYT"), R"({"members":77})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  HttpResponse after = Api(admin_, "GET", "/api/v1/orgs/tree");
  EXPECT_NE(after.Header("ETag"), etag);
  EXPECT_EQ(Body(after)["root"]["children"][2]["members"], 77);
}

TEST_F(OrgApiTest, ReporterSeesOnlyTheirSubtree) {
  AddUser("bao.cao", Role::kReporter, "DUK.STC");
  const Session reporter = Login("bao.cao");
  HttpResponse tree = Api(reporter, "GET", "/api/v1/orgs/tree");
  ASSERT_EQ(tree.status, 200);
  EXPECT_EQ(Body(tree)["root"]["code"], "DUK.STC");
  EXPECT_EQ(Body(tree)["root"]["children"].size(), 2u);

  // Reading B from A's scope is forbidden, and so is changing it; nothing changes.
  const Snapshot before = Take();
  HttpResponse read = Api(reporter, "GET", OrgPath("DUK.SCT"));
  EXPECT_EQ(read.status, 403);
  EXPECT_EQ(ErrorKey(read), "scope.denied");
  HttpResponse write = Api(reporter, "PATCH", OrgPath("DUK.SCT"), R"({"name":"Đổi tên"})");
  EXPECT_EQ(write.status, 403);
  HttpResponse list = Api(reporter, "GET", "/api/v1/orgs?root=" + std::to_string(Id("DUK")));
  EXPECT_EQ(list.status, 403);
  ExpectUnchanged(before);

  // Inside the scope, reading works (with the path from the scope root).
  HttpResponse own = Api(reporter, "GET", OrgPath("DUK.STC.VP"));
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_EQ(Body(own)["path"].size(), 1u);
  EXPECT_EQ(Body(own)["path"][0]["code"], "DUK.STC");
}

TEST_F(OrgApiTest, MissingOrWrongCsrfIsRefusedAndChangesNothing) {
  const Snapshot before = Take();
  HttpResponse none = Api(admin_, "PATCH", OrgPath("DUK.SYT"), R"({"name":"Tên mới"})",
                          /*csrf=*/false);
  EXPECT_EQ(none.status, 403);
  EXPECT_EQ(ErrorKey(none), "csrf.invalid");
  Session forged = admin_;
  forged.csrf = std::string(admin_.csrf.size(), '0');
  HttpResponse wrong = Api(forged, "POST", "/api/v1/orgs",
                           R"({"code":"X1","name":"Chi bộ X","kind":"base_cell","parent_id":1})");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(ErrorKey(wrong), "csrf.invalid");
  ExpectUnchanged(before);
}

TEST_F(OrgApiTest, BadBodiesGet400AndChangeNothing) {
  const Snapshot before = Take();
  const std::string target = OrgPath("DUK.SYT");
  struct Case {
    std::string body;
    std::string key;
  };
  const Case cases[] = {
      {R"({"name":"Chi bộ)", "json.malformed"},
      {R"({"name":"Chi bộ","colour":"đỏ"})", "json.unknown_field"},
      {R"({"members":"12"})", "json.wrong_type"},
      {R"({"members":12.5})", "json.wrong_type"},
      {R"({"members":-1})", "json.out_of_range"},
      {"{\"name\":\"Chi b\xF4\"}", "json.invalid_utf8"},
      {R"({"name":"A","name":"B"})", "json.duplicate_key"},
      {R"(["name"])", "json.not_object"},
      {R"({"kind":"chi_bo"})", "json.bad_value"},
      {R"({"valid_from":"2023-02-30"})", "json.bad_date"},
      {R"({"parent_id":2})", "json.unknown_field"},  // moves go through /move
  };
  for (const Case& c : cases) {
    HttpResponse r = Api(admin_, "PATCH", target, c.body);
    EXPECT_EQ(r.status, 400) << c.body << " -> " << r.body;
    EXPECT_EQ(ErrorKey(r), c.key) << c.body;
    EXPECT_FALSE(Body(r)["error"]["message"].get<std::string>().empty());
  }
  HttpResponse bad_date = Api(admin_, "POST", target + "/close", R"({"date":"30/06/2022"})");
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_EQ(ErrorKey(bad_date), "json.bad_date");
  ExpectUnchanged(before);
}

TEST_F(OrgApiTest, IdsMustBePositiveIntegers) {
  for (const char* target : {"/api/v1/orgs/abc", "/api/v1/orgs/0", "/api/v1/orgs/-3",
                             "/api/v1/orgs/1e3", "/api/v1/orgs/99999999999999999999"}) {
    HttpResponse r = Api(admin_, "GET", target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_EQ(ErrorKey(r), "request.bad_id") << target;
  }
  EXPECT_EQ(Api(admin_, "GET", "/api/v1/orgs/424242").status, 404);
}

TEST_F(OrgApiTest, ListSearchesWithoutToneMarks) {
  HttpResponse r = Api(admin_, "GET", "/api/v1/orgs?search=dang%20bo%20so%20tai%20chinh");
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json body = Body(r);
  EXPECT_EQ(body["total"], 1);
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["code"], "DUK.STC");

  HttpResponse paged = Api(admin_, "GET", "/api/v1/orgs?limit=2&offset=1");
  ASSERT_EQ(paged.status, 200);
  EXPECT_EQ(Body(paged)["total"], 6);
  EXPECT_EQ(Body(paged)["items"].size(), 2u);

  for (const char* q :
       {"?limit=0", "?limit=abc", "?offset=-1", "?include_closed=maybe", "?root=x"}) {
    HttpResponse bad = Api(admin_, "GET", std::string("/api/v1/orgs") + q);
    EXPECT_EQ(bad.status, 400) << q;
    EXPECT_EQ(ErrorKey(bad), "query.invalid") << q;
  }
}

TEST_F(OrgApiTest, CreateUpdateMoveAndClose) {
  HttpResponse created = Api(admin_, "POST", "/api/v1/orgs",
                             R"({"code":"DUK.SCT.KT","name":"Chi bộ Phòng Kế toán",)"
                             R"("kind":"sub_cell","sector":"state_agency","parent_id":)" +
                                 std::to_string(Id("DUK.SCT")) + R"(,"members":9,"workers":20})");
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = Body(created)["id"];
  EXPECT_EQ(created.Header("Location"), "/api/v1/orgs/" + std::to_string(id));
  EXPECT_EQ(Org("DUK.SCT.KT").members, 9);

  HttpResponse dup =
      Api(admin_, "POST", "/api/v1/orgs",
          R"({"code":"DUK.SCT.KT","name":"Trùng mã","kind":"sub_cell","parent_id":)" +
              std::to_string(Id("DUK.SCT")) + "}");
  EXPECT_EQ(dup.status, 409) << dup.body;

  const Snapshot before = Take();
  HttpResponse cycle = Api(admin_, "POST", OrgPath("DUK.STC") + "/move",
                           R"({"parent_id":)" + std::to_string(Id("DUK.STC.VP")) + "}");
  EXPECT_EQ(cycle.status, 409) << cycle.body;
  ExpectUnchanged(before);

  HttpResponse moved = Api(admin_, "POST", "/api/v1/orgs/" + std::to_string(id) + "/move",
                           R"({"parent_id":)" + std::to_string(Id("DUK.STC")) + "}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Body(moved)["parent_id"], Id("DUK.STC"));

  HttpResponse closed =
      Api(admin_, "POST", OrgPath("DUK.STC") + "/close", R"({"date":"2023-05-17"})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Body(closed)["valid_to"], "2023-05-17");
  EXPECT_EQ(Org("DUK.SCT.KT").valid_to, (Date{2023, 5, 17}));  // closed with its parent
}

}  // namespace
}  // namespace nq::web::api_orgs_test
