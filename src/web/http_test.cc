#include "web/http.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace nq::web::http_test {
namespace {

HttpRequest RequestWithHeaders(std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest r;
  r.method = "GET";
  r.headers = std::move(headers);
  return r;
}

TEST(PercentDecodeTest, DecodesEscapesAndKeepsOtherBytes) {
  std::string out = "stale";
  ASSERT_TRUE(PercentDecode("/api/v1/orgs/%C4%90%E1%BA%A3ng%20b%E1%BB%99", false, &out));
  EXPECT_EQ(out, "/api/v1/orgs/Đảng bộ");
  ASSERT_TRUE(PercentDecode("a%2fb%2Fc", false, &out));
  EXPECT_EQ(out, "a/b/c");
}

TEST(PercentEncodeTest, KeepsUnreservedAndRoundTripsThroughDecode) {
  EXPECT_EQ(PercentEncode("MT-1.a_b~"), "MT-1.a_b~");
  EXPECT_EQ(PercentEncode("MT 1/a?b&c"), "MT%201%2Fa%3Fb%26c");
  EXPECT_EQ(PercentEncode("Đ"), "%C4%90");
  std::string back;
  ASSERT_TRUE(PercentDecode(PercentEncode("Đảng bộ + 50%/năm"), false, &back));
  EXPECT_EQ(back, "Đảng bộ + 50%/năm");
}

TEST(PercentDecodeTest, PlusIsSpaceOnlyWhenAsked) {
  std::string out;
  ASSERT_TRUE(PercentDecode("x+y", true, &out));
  EXPECT_EQ(out, "x y");
  ASSERT_TRUE(PercentDecode("x+y", false, &out));
  EXPECT_EQ(out, "x+y");
}

TEST(PercentDecodeTest, RejectsBadEscapes) {
  std::string out;
  EXPECT_FALSE(PercentDecode("%zz", false, &out));
  EXPECT_FALSE(PercentDecode("abc%4", false, &out));
  EXPECT_FALSE(PercentDecode("abc%", false, &out));
  EXPECT_FALSE(PercentDecode("%G0", false, &out));
  EXPECT_TRUE(PercentDecode("%41%42", false, &out));
  EXPECT_EQ(out, "AB");
}

TEST(ParseFormEncodedTest, DecodesPairsInOrder) {
  const auto pairs = ParseFormEncoded("username=admin&password=a%26b+c&empty=&flag&&x=%E1%BB%99");
  ASSERT_EQ(pairs.size(), 5u);
  EXPECT_EQ(pairs[0], (std::pair<std::string, std::string>("username", "admin")));
  EXPECT_EQ(pairs[1], (std::pair<std::string, std::string>("password", "a&b c")));
  EXPECT_EQ(pairs[2], (std::pair<std::string, std::string>("empty", "")));
  EXPECT_EQ(pairs[3], (std::pair<std::string, std::string>("flag", "")));
  EXPECT_EQ(pairs[4], (std::pair<std::string, std::string>("x", "ộ")));
}

TEST(ParseFormEncodedTest, KeepsBadEscapesRaw) {
  const auto pairs = ParseFormEncoded("a=100%&b%zz=1");
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].second, "100%");
  EXPECT_EQ(pairs[1].first, "b%zz");
}

TEST(ParseFormEncodedTest, EmptyInputGivesNoPairs) { EXPECT_TRUE(ParseFormEncoded("").empty()); }

TEST(HttpRequestTest, HeaderFindsFirstOfRepeated) {
  const HttpRequest r = RequestWithHeaders({{"accept", "a"}, {"x-id", "1"}, {"x-id", "2"}});
  EXPECT_EQ(r.Header("x-id"), "1");
  EXPECT_EQ(r.Header("accept"), "a");
  EXPECT_EQ(r.Header("missing"), "");
}

TEST(HttpRequestTest, CookieParsesPairsSpacesAndQuotes) {
  const HttpRequest r = RequestWithHeaders(
      {{"cookie", "theme=dark; nq_session=abc123 ;  quoted=\"v w\";flag"}, {"cookie", "late=1"}});
  EXPECT_EQ(r.Cookie("nq_session"), "abc123");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("quoted"), "v w");
  EXPECT_EQ(r.Cookie("late"), "1");
  EXPECT_EQ(r.Cookie("flag"), "");
  EXPECT_EQ(r.Cookie("nq"), "");
  EXPECT_EQ(r.Cookie("missing"), "");
}

TEST(HttpRequestTest, CookieWithoutHeaderIsEmpty) {
  EXPECT_EQ(RequestWithHeaders({}).Cookie("nq_session"), "");
}

TEST(HttpRequestTest, QueryParamDecodesValueAndKey) {
  HttpRequest r;
  r.query = "search=dang+bo+s%E1%BB%9F&page=2&q%5B%5D=x&empty=&bare";
  EXPECT_EQ(r.QueryParam("search"), "dang bo sở");
  EXPECT_EQ(r.QueryParam("page"), "2");
  EXPECT_EQ(r.QueryParam("q[]"), "x");
  EXPECT_EQ(r.QueryParam("missing"), "");
  EXPECT_TRUE(r.HasQueryParam("empty"));
  EXPECT_TRUE(r.HasQueryParam("bare"));
  EXPECT_TRUE(r.HasQueryParam("q[]"));
  EXPECT_FALSE(r.HasQueryParam("missing"));
  EXPECT_FALSE(r.HasQueryParam("pag"));
}

TEST(HttpRequestTest, QueryParamTakesFirstOccurrence) {
  HttpRequest r;
  r.query = "a=1&a=2";
  EXPECT_EQ(r.QueryParam("a"), "1");
}

TEST(HttpResponseTest, SetHeaderReplacesCaseInsensitively) {
  HttpResponse r = HttpResponse::Text(200, "x");
  r.SetHeader("content-type", "text/csv");
  r.SetHeader("X-Frame-Options", "DENY");
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.Header("Content-Type"), "text/csv");
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
  EXPECT_EQ(r.Header("missing"), "");
}

TEST(HttpResponseTest, FactoriesSetStatusTypeAndBody) {
  const HttpResponse t = HttpResponse::Text(404, "không có");
  EXPECT_EQ(t.status, 404);
  EXPECT_EQ(t.Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(t.body, "không có");
  EXPECT_EQ(HttpResponse::Html(200, "<p>").Header("Content-Type"), "text/html; charset=utf-8");
  const HttpResponse j = HttpResponse::Json(201, "{}");
  EXPECT_EQ(j.status, 201);
  EXPECT_EQ(j.Header("Content-Type"), "application/json");
  const HttpResponse redirect = HttpResponse::Redirect("/login");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.Header("location"), "/login");
  EXPECT_TRUE(redirect.body.empty());
}

TEST(HttpResponseTest, SharedBodyIsSentInsteadOfBody) {
  auto cached = std::make_shared<const std::string>("{\"cached\":true}");
  HttpResponse r = HttpResponse::SharedJson(200, cached);
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.BodyView(), "{\"cached\":true}");
  EXPECT_EQ(r.BodyView().data(), cached->data());  // no copy
  r.shared_body.reset();
  r.body = "own";
  EXPECT_EQ(r.BodyView(), "own");
}

}  // namespace
}  // namespace nq::web::http_test
