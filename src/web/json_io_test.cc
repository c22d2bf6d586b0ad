#include "web/json_io.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace nq::web::json_io_test {
namespace {

std::string KeyOf(std::string_view body) {
  Result<JsonObjectReader> r = JsonObjectReader::Parse(body);
  return r.ok() ? "" : r.status().key();
}

TEST(JsonIoTest, RejectsMalformedInput) {
  EXPECT_EQ(KeyOf(""), "json.malformed");
  EXPECT_EQ(KeyOf("{"), "json.malformed");
  EXPECT_EQ(KeyOf("{\"a\":1} x"), "json.malformed");
  EXPECT_EQ(KeyOf("{'a':1}"), "json.malformed");
  EXPECT_EQ(KeyOf("{\"a\":1,}"), "json.malformed");
  EXPECT_EQ(KeyOf("{\"a\":\"\\ud800\"}"), "json.malformed");  // lone surrogate
  EXPECT_EQ(KeyOf("{\"a\":1} // note"), "json.malformed");    // no comments
  EXPECT_EQ(KeyOf(std::string(100, '[') + std::string(100, ']')), "json.malformed");  // too deep
}

TEST(JsonIoTest, RejectsInvalidUtf8AndNonObjects) {
  EXPECT_EQ(KeyOf("{\"name\":\"\xC3\x28\"}"), "json.invalid_utf8");
  EXPECT_EQ(KeyOf("{\"name\":\"\xED\xA0\x80\"}"), "json.invalid_utf8");  // encoded surrogate
  EXPECT_EQ(KeyOf("[1,2]"), "json.not_object");
  EXPECT_EQ(KeyOf("\"text\""), "json.not_object");
  EXPECT_EQ(KeyOf("null"), "json.not_object");
}

TEST(JsonIoTest, RejectsDuplicateKeysAtAnyDepth) {
  EXPECT_EQ(KeyOf("{\"a\":1,\"a\":2}"), "json.duplicate_key");
  EXPECT_EQ(KeyOf("{\"a\":{\"b\":1,\"b\":1}}"), "json.duplicate_key");
  // The same name in sibling objects is not a duplicate.
  EXPECT_EQ(KeyOf("{\"a\":{\"b\":1},\"c\":{\"b\":1}}"), "");
}

TEST(JsonIoTest, ReadsTypedFieldsAndRejectsUnknownOnes) {
  Result<JsonObjectReader> r = JsonObjectReader::Parse(
      R"({"name":"Chi bộ Sở Y tế","members":42,"open":true,"from":"2023-05-17","extra":1})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::optional<std::string> name;
  std::optional<int64_t> members;
  std::optional<bool> open;
  std::optional<Date> from;
  std::optional<std::string> absent;
  ASSERT_TRUE(r->GetString("name", &name).ok());
  ASSERT_TRUE(r->GetInt("members", 0, 1000, &members).ok());
  ASSERT_TRUE(r->GetBool("open", &open).ok());
  ASSERT_TRUE(r->GetDate("from", &from).ok());
  ASSERT_TRUE(r->GetString("absent", &absent).ok());
  EXPECT_EQ(*name, "Chi bộ Sở Y tế");
  EXPECT_EQ(*members, 42);
  EXPECT_TRUE(*open);
  EXPECT_EQ(*from, (Date{2023, 5, 17}));
  EXPECT_FALSE(absent.has_value());
  EXPECT_EQ(r->Require("absent").key(), "json.missing_field");
  const Status finish = r->Finish();
  EXPECT_EQ(finish.key(), "json.unknown_field");
  EXPECT_NE(finish.message().find("\"extra\""), std::string::npos) << finish.message();
}

TEST(JsonIoTest, IsStrictAboutTypes) {
  Result<JsonObjectReader> r = JsonObjectReader::Parse(
      R"({"s":5,"i":"5","f":5.0,"b":1,"d":"17/5/2023","n":null,"big":18446744073709551615,)"
      R"("neg":-3,"nul":"a\u0000b","feb":"2023-02-29"})");
  ASSERT_TRUE(r.ok());
  std::optional<std::string> s;
  std::optional<int64_t> i;
  std::optional<bool> b;
  std::optional<Date> d;
  EXPECT_EQ(r->GetString("s", &s).key(), "json.wrong_type");
  EXPECT_EQ(r->GetInt("i", 0, 10, &i).key(), "json.wrong_type");
  EXPECT_EQ(r->GetInt("f", 0, 10, &i).key(), "json.wrong_type");
  EXPECT_EQ(r->GetBool("b", &b).key(), "json.wrong_type");
  EXPECT_EQ(r->GetDate("d", &d).key(), "json.bad_date");
  EXPECT_EQ(r->GetDate("feb", &d).key(), "json.bad_date");
  EXPECT_EQ(r->GetString("n", &s).key(), "json.wrong_type");
  EXPECT_EQ(r->GetInt("big", 0, std::numeric_limits<int64_t>::max(), &i).key(),
            "json.out_of_range");
  EXPECT_EQ(r->GetInt("neg", 0, 10, &i).key(), "json.out_of_range");
  EXPECT_EQ(r->GetString("nul", &s).key(), "json.wrong_type");
  EXPECT_FALSE(s.has_value());
  EXPECT_FALSE(i.has_value());
  EXPECT_FALSE(b.has_value());
  EXPECT_FALSE(d.has_value());
  EXPECT_TRUE(r->Finish().ok());  // every field was asked for
}

TEST(JsonIoTest, ReadsArraysOfNumbers) {
  Result<JsonObjectReader> r = JsonObjectReader::Parse(
      R"({"ok":[80,62.5,-1],"empty":[],"text":["80"],"mixed":[1,null],"scalar":5,"long":[1,2,3]})");
  ASSERT_TRUE(r.ok());
  std::optional<std::vector<double>> v;
  ASSERT_TRUE(r->GetNumbers("ok", 5, &v).ok());
  EXPECT_EQ(*v, (std::vector<double>{80, 62.5, -1}));
  ASSERT_TRUE(r->GetNumbers("empty", 5, &v).ok());
  EXPECT_TRUE(v->empty());
  v.reset();
  EXPECT_EQ(r->GetNumbers("text", 5, &v).key(), "json.wrong_type");
  EXPECT_EQ(r->GetNumbers("mixed", 5, &v).key(), "json.wrong_type");
  EXPECT_EQ(r->GetNumbers("scalar", 5, &v).key(), "json.wrong_type");
  EXPECT_EQ(r->GetNumbers("long", 2, &v).key(), "json.out_of_range");
  EXPECT_FALSE(v.has_value());
  EXPECT_TRUE(r->GetNumbers("absent", 5, &v).ok());
  EXPECT_FALSE(v.has_value());
  EXPECT_TRUE(r->Finish().ok());
}

TEST(JsonIoTest, ErrorBodyCarriesCodeKeyAndVietnameseMessage) {
  const Status s = Status::Conflict("org.code_taken", "Mã tổ chức đã tồn tại");
  EXPECT_EQ(
      ErrorJson(s),
      R"({"error":{"code":"conflict","key":"org.code_taken","message":"Mã tổ chức đã tồn tại"}})");
  const HttpResponse r = JsonError(s);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.Header("Content-Type"), "application/json");
}

TEST(JsonIoTest, MapsEveryCodeToItsHttpStatus) {
  EXPECT_EQ(HttpStatusFor(Code::kInvalid), 400);
  EXPECT_EQ(HttpStatusFor(Code::kUnauthorized), 401);
  EXPECT_EQ(HttpStatusFor(Code::kForbidden), 403);
  EXPECT_EQ(HttpStatusFor(Code::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(Code::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(Code::kTooLarge), 413);
  EXPECT_EQ(HttpStatusFor(Code::kThrottled), 429);
  EXPECT_EQ(HttpStatusFor(Code::kInternal), 500);
  EXPECT_EQ(HttpStatusFor(Code::kUnavailable), 503);
}

TEST(JsonIoTest, RecognizesJsonContentType) {
  HttpRequest r;
  EXPECT_FALSE(HasJsonContentType(r));
  r.headers = {{"content-type", "application/json"}};
  EXPECT_TRUE(HasJsonContentType(r));
  r.headers = {{"content-type", "Application/JSON; charset=utf-8"}};
  EXPECT_TRUE(HasJsonContentType(r));
  r.headers = {{"content-type", "text/plain"}};
  EXPECT_FALSE(HasJsonContentType(r));
  r.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  EXPECT_FALSE(HasJsonContentType(r));
}

}  // namespace
}  // namespace nq::web::json_io_test
