#include "common/time.h"

#include <gtest/gtest.h>

namespace nq::time_test {
namespace {

TEST(TimeTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
  EXPECT_EQ(DaysInMonth(2023, 0), 0);
}

TEST(TimeTest, ValidDates) {
  EXPECT_TRUE(IsValid(Date{2024, 2, 29}));
  EXPECT_FALSE(IsValid(Date{2023, 2, 29}));
  EXPECT_FALSE(IsValid(Date{2023, 4, 31}));
  EXPECT_FALSE(IsValid(Date{0, 1, 1}));
  EXPECT_FALSE(IsValid(Date{10000, 1, 1}));
  EXPECT_TRUE(IsValid(Date{1, 1, 1}));
  EXPECT_TRUE(IsValid(Date{9999, 12, 31}));
}

TEST(TimeTest, DaysFromCivilKnownValues) {
  EXPECT_EQ(DaysFromCivil(Date{1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil(Date{1969, 12, 31}), -1);
  EXPECT_EQ(DaysFromCivil(Date{2000, 3, 1}), 11017);
  EXPECT_EQ(DaysFromCivil(Date{1, 1, 1}), -719162);
  EXPECT_EQ(DaysFromCivil(Date{9999, 12, 31}), 2932896);
}

TEST(TimeTest, CivilRoundTripsEveryDayOfFourCenturies) {
  Date expected{1900, 1, 1};
  for (int64_t n = DaysFromCivil(expected); n < DaysFromCivil(Date{2300, 1, 1}); ++n) {
    const Date d = CivilFromDays(n);
    ASSERT_EQ(d, expected) << n;
    ASSERT_EQ(DaysFromCivil(d), n);
    // Step the expected date by hand to check CivilFromDays independently.
    if (++expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(TimeTest, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(AddDays(Date{2023, 12, 31}, 1), (Date{2024, 1, 1}));
  EXPECT_EQ(AddDays(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays(Date{2023, 3, 1}, -1), (Date{2023, 2, 28}));
  EXPECT_EQ(AddDays(Date{2023, 5, 17}, 0), (Date{2023, 5, 17}));
}

TEST(TimeTest, DayOfWeekIsIso) {
  EXPECT_EQ(DayOfWeek(Date{1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(DayOfWeek(Date{2023, 5, 17}), 3);  // Wednesday
  EXPECT_EQ(DayOfWeek(Date{2024, 1, 1}), 1);   // Monday
  EXPECT_EQ(DayOfWeek(Date{2023, 12, 31}), 7); // Sunday
  EXPECT_EQ(DayOfWeek(Date{1969, 12, 31}), 3);
  EXPECT_EQ(DayOfWeek(Date{1, 1, 1}), 1);
}

TEST(TimeTest, DayOfYear) {
  EXPECT_EQ(DayOfYear(Date{2023, 1, 1}), 1);
  EXPECT_EQ(DayOfYear(Date{2023, 12, 31}), 365);
  EXPECT_EQ(DayOfYear(Date{2024, 12, 31}), 366);
  EXPECT_EQ(DayOfYear(Date{2024, 3, 1}), 61);
}

TEST(TimeTest, ParsesIsoDates) {
  EXPECT_EQ(ParseIsoDate("2023-05-17"), (Date{2023, 5, 17}));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-5-17"));
  EXPECT_FALSE(ParseIsoDate("2023-05-17 "));
  EXPECT_FALSE(ParseIsoDate("2023/05/17"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-00-10"));
  EXPECT_FALSE(ParseIsoDate("0000-01-01"));
  EXPECT_FALSE(ParseIsoDate("+023-01-01"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(TimeTest, ParsesIsoAndVietnameseDates) {
  EXPECT_EQ(ParseDateIsoOrVi("2023-05-17"), (Date{2023, 5, 17}));
  EXPECT_EQ(ParseDateIsoOrVi("17/5/2023"), (Date{2023, 5, 17}));
  EXPECT_EQ(ParseDateIsoOrVi("17/05/2023"), (Date{2023, 5, 17}));
  EXPECT_EQ(ParseDateIsoOrVi("1/1/2020"), (Date{2020, 1, 1}));
  EXPECT_EQ(ParseDateIsoOrVi("05/01/1000"), (Date{1000, 1, 5}));
  EXPECT_EQ(ParseDateIsoOrVi("29/2/2024"), (Date{2024, 2, 29}));
  EXPECT_FALSE(ParseDateIsoOrVi("29/2/2023"));   // not a leap year
  EXPECT_FALSE(ParseDateIsoOrVi("31/4/2021"));   // April has 30 days
  EXPECT_FALSE(ParseDateIsoOrVi("5/13/2021"));   // month/day/year is not read
  EXPECT_FALSE(ParseDateIsoOrVi("0/5/2021"));
  EXPECT_FALSE(ParseDateIsoOrVi("17/5/23"));     // two-digit year
  EXPECT_FALSE(ParseDateIsoOrVi("17/5/02023"));
  EXPECT_FALSE(ParseDateIsoOrVi("17/5/0999"));   // a year before 1000 is a typo
  EXPECT_FALSE(ParseDateIsoOrVi("017/5/2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("17/005/2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("/5/2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("17//2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("17/5/"));
  EXPECT_FALSE(ParseDateIsoOrVi("17/5/2023/"));
  EXPECT_FALSE(ParseDateIsoOrVi("-1/5/2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("+1/5/2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("1/5/-202"));
  EXPECT_FALSE(ParseDateIsoOrVi(" 17/5/2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("17-5-2023"));
  EXPECT_FALSE(ParseDateIsoOrVi("2023/05/17"));  // year first
  EXPECT_FALSE(ParseDateIsoOrVi("2023-5-17"));
  EXPECT_FALSE(ParseDateIsoOrVi(""));
}

TEST(TimeTest, FormatsDates) {
  EXPECT_EQ(FormatIso(Date{2023, 5, 17}), "2023-05-17");
  EXPECT_EQ(FormatIso(Date{987, 1, 2}), "0987-01-02");
  EXPECT_EQ(FormatVi(Date{2023, 5, 17}), "17/5/2023");
  EXPECT_EQ(FormatVi(Date{2023, 12, 1}), "1/12/2023");
  EXPECT_EQ(FormatViLong(Date{2023, 5, 17}), "ngày 17 tháng 5 năm 2023");
  EXPECT_EQ(FormatViLong(Date{2023, 2, 5}), "ngày 05 tháng 02 năm 2023");
  EXPECT_EQ(FormatViLong(Date{2023, 1, 20}), "ngày 20 tháng 01 năm 2023");
  EXPECT_EQ(FormatViLong(Date{2023, 12, 9}), "ngày 09 tháng 12 năm 2023");
}

TEST(TimeTest, FormatsInstants) {
  EXPECT_EQ(FormatIsoInstant(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoInstant(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatIsoInstant(1684312200), "2023-05-17T08:30:00Z");
}

TEST(TimeTest, VietnamDateIsSevenHoursAhead) {
  // 2023-05-16T17:00:00Z is midnight of the 17th in Hà Nội.
  EXPECT_EQ(DateInVietnam(1684256400), (Date{2023, 5, 17}));
  EXPECT_EQ(DateInVietnam(1684256399), (Date{2023, 5, 16}));
}

TEST(TimeTest, ClockReadsAPlausibleNow) {
  const int64_t now = NowUnix();
  EXPECT_GT(now, 1684312200);  // later than the reference review
  const Date today = Today();
  EXPECT_TRUE(IsValid(today));
  // Today is the UTC date of now, or the day after it.
  const int64_t utc_days = now / 86400;
  const int64_t diff = DaysFromCivil(today) - utc_days;
  EXPECT_TRUE(diff == 0 || diff == 1) << diff;
}

TEST(TimeTest, InstantsInVietnamTime) {
  EXPECT_EQ(FormatInstantVi(0), "07:00, 1/1/1970");
  // 2023-05-17T17:05:00Z is five past midnight on the 18th in Vietnam.
  EXPECT_EQ(FormatInstantVi(1684343100), "00:05, 18/5/2023");
  EXPECT_EQ(FormatInstantVi(1684343100 - 6 * 60), "23:59, 17/5/2023");
  EXPECT_EQ(FormatInstantVi(-1), "06:59, 1/1/1970");  // before 1970: still the right day
}

}  // namespace
}  // namespace nq::time_test
