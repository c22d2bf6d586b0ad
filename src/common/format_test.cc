#include "common/format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace nq::format_test {
namespace {

TEST(FormatTest, GroupsThousandsWithDots) {
  EXPECT_EQ(FormatIntVi(0), "0");
  EXPECT_EQ(FormatIntVi(999), "999");
  EXPECT_EQ(FormatIntVi(1000), "1.000");
  EXPECT_EQ(FormatIntVi(1234567), "1.234.567");
  EXPECT_EQ(FormatIntVi(-5000), "-5.000");
  EXPECT_EQ(FormatIntVi(-999), "-999");
  EXPECT_EQ(FormatIntVi(std::numeric_limits<int64_t>::min()), "-9.223.372.036.854.775.808");
  EXPECT_EQ(FormatIntVi(std::numeric_limits<int64_t>::max()), "9.223.372.036.854.775.807");
}

TEST(FormatTest, UsesCommaForDecimals) {
  EXPECT_EQ(FormatNumberVi(1234.5, 2), "1.234,5");
  EXPECT_EQ(FormatNumberVi(0.125, 2), "0,13");
  EXPECT_EQ(FormatNumberVi(3, 1), "3");
  EXPECT_EQ(FormatNumberVi(7.25, 1), "7,3");
  EXPECT_EQ(FormatNumberVi(1234567.891, 2), "1.234.567,89");
}

TEST(FormatTest, RoundsHalfAwayFromZeroOnTheVisibleDigits) {
  EXPECT_EQ(FormatNumberVi(1.005, 2), "1,01");  // 1.00499999... in binary
  EXPECT_EQ(FormatNumberVi(2.5, 0), "3");
  EXPECT_EQ(FormatNumberVi(-2.5, 0), "-3");
  EXPECT_EQ(FormatNumberVi(999.96, 1), "1.000");
  EXPECT_EQ(FormatNumberVi(9.999, 2), "10");
  EXPECT_EQ(FormatNumberVi(0.04, 1), "0");
  EXPECT_EQ(FormatNumberVi(0.05, 1), "0,1");
}

TEST(FormatTest, NegativeNumbers) {
  EXPECT_EQ(FormatNumberVi(-1234.56, 1), "-1.234,6");
  EXPECT_EQ(FormatNumberVi(-0.001, 2), "0");  // no "-0"
  EXPECT_EQ(FormatNumberVi(-0.0, 2), "0");
}

TEST(FormatTest, ClampsDecimalsAndHandlesNonFinite) {
  EXPECT_EQ(FormatNumberVi(1.5, -3), "2");
  EXPECT_EQ(FormatNumberVi(0.1, 40), "0,1");
  EXPECT_EQ(FormatNumberVi(std::nan(""), 2), "—");
  EXPECT_EQ(FormatNumberVi(std::numeric_limits<double>::infinity(), 2), "—");
  EXPECT_EQ(FormatNumberVi(1e20, 0), "100.000.000.000.000.000.000");
}

TEST(FormatTest, FormatsPercentages) {
  EXPECT_EQ(FormatPercentVi(0.856, 1), "85,6%");
  EXPECT_EQ(FormatPercentVi(1, 1), "100%");
  EXPECT_EQ(FormatPercentVi(6.0 / 7.0, 1), "85,7%");
  EXPECT_EQ(FormatPercentVi(0.0345, 2), "3,45%");
  EXPECT_EQ(FormatPercentVi(12.5, 0), "1.250%");
}

}  // namespace
}  // namespace nq::format_test
