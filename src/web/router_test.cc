#include "web/router.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace nq::web::router_test {
namespace {

// A handler that answers with its own name, so a test sees which route ran.
RouteHandler Named(const std::string& name) {
  return [name](const HttpRequest&, const RouteParams&) { return HttpResponse::Text(200, name); };
}

HttpRequest Req(std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.target = r.path;
  return r;
}

TEST(RouterTest, MatchesLiteralAndParams) {
  Router router;
  router.Add("GET", "/api/v1/orgs", Named("list"));
  router.Add("POST", "/api/v1/orgs/{id}/move", Named("move"));
  router.Add("GET", "/api/v1/orgs/{org}/users/{user}", Named("user"));

  RouteMatch m = router.Find("POST", "/api/v1/orgs/42/move");
  ASSERT_EQ(m.status, 200);
  ASSERT_NE(m.handler, nullptr);
  EXPECT_EQ((*m.handler)(HttpRequest(), m.params).body, "move");
  EXPECT_EQ(m.params.Get("id"), "42");
  EXPECT_EQ(m.params.GetInt("id"), 42);

  m = router.Find("GET", "/api/v1/orgs/7/users/bich");
  ASSERT_EQ(m.status, 200);
  ASSERT_EQ(m.params.items().size(), 2u);
  EXPECT_EQ(m.params.Get("org"), "7");
  EXPECT_EQ(m.params.Get("user"), "bich");
  EXPECT_FALSE(m.params.GetInt("user").has_value());
  EXPECT_FALSE(m.params.Has("id"));

  EXPECT_EQ(router.Find("GET", "/api/v1/orgs").status, 200);
  EXPECT_EQ(router.Find("GET", "/api/v1/orgs").params.items().size(), 0u);
}

TEST(RouterTest, NotFoundWhenNoPathMatches) {
  Router router;
  router.Add("GET", "/api/v1/orgs/{id}", Named("get"));
  EXPECT_EQ(router.Find("GET", "/api/v1/orgs").status, 404);
  EXPECT_EQ(router.Find("GET", "/api/v1/orgs/").status, 404);  // empty parameter
  EXPECT_EQ(router.Find("GET", "/api/v1/orgs/1/x").status, 404);
  EXPECT_EQ(router.Find("GET", "/API/v1/orgs/1").status, 404);
  EXPECT_EQ(router.Find("GET", "").status, 404);
  EXPECT_EQ(router.Find("GET", "relative").status, 404);
  EXPECT_EQ(router.Find("GET", "/api/v1/orgs/1").status, 200);
}

TEST(RouterTest, MethodNotAllowedListsAllowedMethods) {
  Router router;
  router.Add("GET", "/api/v1/orgs/{id}", Named("get"));
  router.Add("PATCH", "/api/v1/orgs/{id}", Named("patch"));
  router.Add("DELETE", "/api/v1/orgs/{id}", Named("delete"));
  const RouteMatch m = router.Find("POST", "/api/v1/orgs/3");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_EQ(m.allow, "DELETE, GET, HEAD, PATCH");
}

TEST(RouterTest, LiteralBeatsParamWhateverTheOrder) {
  Router router;
  router.Add("GET", "/api/v1/orgs/{id}", Named("get"));
  router.Add("GET", "/api/v1/orgs/tree", Named("tree"));
  router.Add("GET", "/files/{rest...}", Named("rest"));
  router.Add("GET", "/files/{name}", Named("one"));
  auto body = [&](const char* path) {
    const RouteMatch m = router.Find("GET", path);
    return m.handler ? (*m.handler)(HttpRequest(), m.params).body : std::string("none");
  };
  EXPECT_EQ(body("/api/v1/orgs/tree"), "tree");
  EXPECT_EQ(body("/api/v1/orgs/12"), "get");
  EXPECT_EQ(body("/files/a.css"), "one");
  EXPECT_EQ(body("/files/vendor/a.css"), "rest");
}

TEST(RouterTest, MethodFallsThroughToLessSpecificRoute) {
  // POST /orgs/tree is not a route of its own: the {id} route takes it.
  Router router;
  router.Add("GET", "/orgs/tree", Named("tree"));
  router.Add("POST", "/orgs/{id}", Named("update"));
  const RouteMatch m = router.Find("POST", "/orgs/tree");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.params.Get("id"), "tree");
}

TEST(RouterTest, RestParameterTakesRemainingSegments) {
  Router router;
  router.Add("GET", "/static/{file...}", Named("static"));
  RouteMatch m = router.Find("GET", "/static/vendor/htmx.min.js");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.params.Get("file"), "vendor/htmx.min.js");
  EXPECT_EQ(router.Find("GET", "/static/").status, 404);
  EXPECT_EQ(router.Find("GET", "/static").status, 404);
}

TEST(RouterTest, HeadFallsBackToGet) {
  Router router;
  router.Add("GET", "/page", Named("get"));
  router.Add("HEAD", "/special", Named("head"));
  router.Add("GET", "/special", Named("get-special"));
  RouteMatch m = router.Find("HEAD", "/page");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ((*m.handler)(HttpRequest(), m.params).body, "get");
  m = router.Find("HEAD", "/special");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ((*m.handler)(HttpRequest(), m.params).body, "head");
}

TEST(RouterTest, RootPath) {
  Router router;
  router.Add("GET", "/", Named("home"));
  EXPECT_EQ(router.Find("GET", "/").status, 200);
  EXPECT_EQ(router.Find("GET", "/x").status, 404);
}

TEST(RouterTest, GetIntRejectsNonDigits) {
  RouteParams p;
  p.Add("a", "-1");
  p.Add("b", "12x");
  p.Add("c", "99999999999999999999");
  p.Add("d", "0");
  EXPECT_FALSE(p.GetInt("a").has_value());
  EXPECT_FALSE(p.GetInt("b").has_value());
  EXPECT_FALSE(p.GetInt("c").has_value());
  EXPECT_EQ(p.GetInt("d"), 0);
  EXPECT_FALSE(p.GetInt("missing").has_value());
}

TEST(RouterTest, RejectsMalformedAndDuplicatePatterns) {
  Router router;
  EXPECT_THROW(router.Add("GET", "orgs", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/{id", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/{}", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/x{id}", Named("x")), std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "/orgs/{rest...}/x", Named("x")), std::invalid_argument);
  router.Add("GET", "/orgs/{id}", Named("x"));
  EXPECT_THROW(router.Add("GET", "/orgs/{other}", Named("y")), std::invalid_argument);
  router.Add("PUT", "/orgs/{id}", Named("y"));
  EXPECT_EQ(router.size(), 2u);
}

TEST(RouterTest, DispatchAnswersJsonErrors) {
  Router router;
  router.Add("GET", "/api/v1/orgs/{id}", [](const HttpRequest& req, const RouteParams& p) {
    return HttpResponse::Text(200, req.method + ":" + std::string(p.Get("id")));
  });
  EXPECT_EQ(router.Dispatch(Req("GET", "/api/v1/orgs/5")).body, "GET:5");

  const HttpResponse not_found = router.Dispatch(Req("GET", "/nowhere"));
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(not_found.Header("Content-Type"), "application/json");
  EXPECT_NE(not_found.body.find("\"not_found\""), std::string::npos);

  const HttpResponse not_allowed = router.Dispatch(Req("DELETE", "/api/v1/orgs/5"));
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.Header("Allow"), "GET, HEAD");
  EXPECT_NE(not_allowed.body.find("\"method_not_allowed\""), std::string::npos);
}

}  // namespace
}  // namespace nq::web::router_test
