#include "common/log.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::log::log_test {
namespace {

TEST(LogTest, ParsesLevelNames) {
  Level l = Level::kOff;
  ASSERT_TRUE(ParseLevel("debug", &l));
  EXPECT_EQ(l, Level::kDebug);
  ASSERT_TRUE(ParseLevel("info", &l));
  EXPECT_EQ(l, Level::kInfo);
  ASSERT_TRUE(ParseLevel("warn", &l));
  EXPECT_EQ(l, Level::kWarn);
  ASSERT_TRUE(ParseLevel("error", &l));
  EXPECT_EQ(l, Level::kError);
  ASSERT_TRUE(ParseLevel("off", &l));
  EXPECT_EQ(l, Level::kOff);
  l = Level::kWarn;
  EXPECT_FALSE(ParseLevel("verbose", &l));
  EXPECT_FALSE(ParseLevel("INFO", &l));
  EXPECT_FALSE(ParseLevel("", &l));
  EXPECT_EQ(l, Level::kWarn);  // untouched on failure
}

TEST(LogTest, WritesToStderrAtOrAboveTheLevel) {
  SetLevel(Level::kInfo);
  testing::internal::CaptureStderr();
  Debug("hidden-debug-line");
  Info("Đã khởi động {không phải định dạng}");
  Warn("warn-line");
  Error("error-line");
  const std::string out = testing::internal::GetCapturedStderr();
  EXPECT_EQ(out.find("hidden-debug-line"), std::string::npos);
  EXPECT_NE(out.find("Đã khởi động {không phải định dạng}"), std::string::npos) << out;
  EXPECT_NE(out.find("warn-line"), std::string::npos);
  EXPECT_NE(out.find("error-line"), std::string::npos);
  EXPECT_NE(out.find("warning"), std::string::npos);  // the level is named
}

TEST(LogTest, OffSilencesEverything) {
  SetLevel(Level::kOff);
  testing::internal::CaptureStderr();
  Error("should-not-appear");
  const std::string out = testing::internal::GetCapturedStderr();
  SetLevel(Level::kInfo);
  EXPECT_EQ(out.find("should-not-appear"), std::string::npos);
}

}  // namespace
}  // namespace nq::log::log_test
