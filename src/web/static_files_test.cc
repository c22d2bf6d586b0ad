#include "web/static_files.h"

#include <gtest/gtest.h>

#include <string>

#include "web/embedded.h"

namespace nq::web::static_files_test {
namespace {

HttpRequest Get(std::string path, std::string if_none_match = "") {
  HttpRequest r;
  r.method = "GET";
  r.path = std::move(path);
  r.target = r.path;
  if (!if_none_match.empty()) r.headers.emplace_back("if-none-match", std::move(if_none_match));
  return r;
}

TEST(StaticFilesTest, ServesEmbeddedAssetWithCachingHeaders) {
  const EmbeddedFile* htmx = FindAsset("/static/vendor/htmx.min.js");
  ASSERT_NE(htmx, nullptr);
  const HttpResponse r = ServeStatic(Get("/static/vendor/htmx.min.js"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, htmx->data);
  EXPECT_EQ(r.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.Header("ETag"), htmx->etag);
  EXPECT_EQ(r.Header("ETag").front(), '"');
  EXPECT_EQ(r.Header("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST(StaticFilesTest, HeadIsServedLikeGet) {
  HttpRequest req = Get("/static/vendor/bootstrap.min.css");
  req.method = "HEAD";
  const HttpResponse r = ServeStatic(req);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_FALSE(r.body.empty());
}

TEST(StaticFilesTest, MatchingIfNoneMatchGets304) {
  const std::string etag = FindAsset("/static/vendor/htmx.min.js")->etag;
  for (const std::string& header : {etag, "\"other\", " + etag, "W/" + etag, std::string("*")}) {
    const HttpResponse r = ServeStatic(Get("/static/vendor/htmx.min.js", header));
    EXPECT_EQ(r.status, 304) << header;
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.Header("ETag"), etag);
  }
  const HttpResponse stale = ServeStatic(Get("/static/vendor/htmx.min.js", "\"0000\""));
  EXPECT_EQ(stale.status, 200);
  EXPECT_FALSE(stale.body.empty());
}

TEST(StaticFilesTest, UnknownOrOutsidePathsGet404) {
  EXPECT_EQ(ServeStatic(Get("/static/vendor/missing.js")).status, 404);
  EXPECT_EQ(ServeStatic(Get("/static/")).status, 404);
  EXPECT_EQ(ServeStatic(Get("/api/v1/orgs")).status, 404);
  EXPECT_EQ(ServeStatic(Get("/static/../static/vendor/htmx.min.js")).status, 404);
}

TEST(StaticFilesTest, OtherMethodsGet405) {
  HttpRequest req = Get("/static/vendor/htmx.min.js");
  req.method = "POST";
  const HttpResponse r = ServeStatic(req);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("Allow"), "GET, HEAD");
}

TEST(StaticFilesTest, IfNoneMatchParsing) {
  EXPECT_TRUE(IfNoneMatchHits("\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchHits(" \"x\" ,\t\"abc\" ", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchHits("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchHits("*", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchHits("", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchHits("\"abcd\"", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchHits("abc", "\"abc\""));
}

}  // namespace
}  // namespace nq::web::static_files_test
