#include "common/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace nq::status_test {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), Code::kOk);
  EXPECT_TRUE(s.key().empty());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, ToStringJoinsCodeKeyAndMessage) {
  Status s = Status::Conflict("org.code_taken", "Mã tổ chức đã tồn tại");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "conflict/org.code_taken: Mã tổ chức đã tồn tại");
}

TEST(StatusTest, CodeNamesAreDistinct) {
  const Code all[] = {Code::kOk,        Code::kInvalid,   Code::kUnauthorized, Code::kForbidden,
                      Code::kNotFound,  Code::kConflict,  Code::kTooLarge,     Code::kThrottled,
                      Code::kInternal,  Code::kUnavailable};
  for (Code a : all) {
    for (Code b : all) {
      if (a != b) {
        EXPECT_STRNE(CodeName(a), CodeName(b));
      }
    }
  }
  EXPECT_STREQ(CodeName(Code::kNotFound), "not_found");
  EXPECT_STREQ(CodeName(Code::kTooLarge), "too_large");
}

TEST(StatusTest, FactoriesSetTheirCode) {
  EXPECT_EQ(Status::Invalid("k", "m").code(), Code::kInvalid);
  EXPECT_EQ(Status::Unauthorized("k", "m").code(), Code::kUnauthorized);
  EXPECT_EQ(Status::Forbidden("k", "m").code(), Code::kForbidden);
  EXPECT_EQ(Status::NotFound("k", "m").code(), Code::kNotFound);
  EXPECT_EQ(Status::TooLarge("k", "m").code(), Code::kTooLarge);
  EXPECT_EQ(Status::Throttled("k", "m").code(), Code::kThrottled);
  EXPECT_EQ(Status::Internal("k", "m").code(), Code::kInternal);
  EXPECT_EQ(Status::Unavailable("k", "m").code(), Code::kUnavailable);
}

TEST(StatusTest, InvalidWithLinesListsFiftyThenCountsTheRest) {
  EXPECT_TRUE(InvalidWithLines("file.invalid", "Tệp không hợp lệ:", {}).ok());
  const Status two = InvalidWithLines("file.invalid", "Tệp không hợp lệ:", {"dòng 2: a", "dòng 5: b"});
  EXPECT_EQ(two.code(), Code::kInvalid);
  EXPECT_EQ(two.key(), "file.invalid");
  EXPECT_EQ(two.message(), "Tệp không hợp lệ:\ndòng 2: a\ndòng 5: b");
  std::vector<std::string> lines;
  for (int i = 1; i <= 53; ++i) lines.push_back("dòng " + std::to_string(i));
  const Status many = InvalidWithLines("tasks.invalid", "Nhiệm vụ không hợp lệ:", lines);
  EXPECT_EQ(many.key(), "tasks.invalid");
  const std::string& m = many.message();
  EXPECT_EQ(m.rfind("Nhiệm vụ không hợp lệ:\ndòng 1\ndòng 2\n", 0), 0u) << m;
  EXPECT_NE(m.find("\ndòng 50\n… và 3 lỗi khác"), std::string::npos) << m;
  EXPECT_EQ(m.find("dòng 51"), std::string::npos) << m;
  EXPECT_EQ(m.substr(m.size() - std::string("và 3 lỗi khác").size()), "và 3 lỗi khác");
  // Exactly fifty: all listed, nothing counted.
  lines.resize(50);
  const std::string fifty = InvalidWithLines("k", "T:", lines).message();
  EXPECT_EQ(fifty.substr(fifty.size() - std::string("\ndòng 50").size()), "\ndòng 50");
  EXPECT_EQ(fifty.find("lỗi khác"), std::string::npos);
}

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::Invalid("num.odd", "Số lẻ");
  return n / 2;
}

Result<int> Quarter(int n) {
  NQ_ASSIGN_OR_RETURN(int h, Half(n));
  NQ_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

Status CheckEven(int n) {
  NQ_RETURN_IF_ERROR(Half(n).status());
  return Status::Ok();
}

TEST(StatusTest, ResultHoldsValueOrError) {
  Result<int> r = Half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 4);
  EXPECT_TRUE(r.status().ok());

  Result<int> e = Half(3);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().key(), "num.odd");
}

TEST(StatusTest, MacrosPropagateErrors) {
  EXPECT_EQ(*Quarter(12), 3);
  EXPECT_EQ(Quarter(6).status().key(), "num.odd");  // 6 -> 3 is odd
  EXPECT_TRUE(CheckEven(2).ok());
  EXPECT_EQ(CheckEven(5).code(), Code::kInvalid);
}

TEST(StatusTest, ResultMovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

TEST(StatusDeathTest, ValueOfErrorAborts) {
  Result<int> e = Half(1);
  EXPECT_DEATH({ (void)e.value(); }, "");
}

}  // namespace
}  // namespace nq::status_test
