#include "domain/period.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace nq::period_test {

// Shows periods by id in test failures (found by argument-dependent lookup).
void PrintTo(const Period& p, std::ostream* os) { *os << p.ToString(); }

namespace {

Period P(std::string_view id) {
  Result<Period> r = Period::Parse(id);
  EXPECT_TRUE(r.ok()) << id << ": " << r.status().ToString();
  return r.ok() ? *r : Period();
}

std::vector<std::string> Ids(const std::vector<Period>& ps) {
  std::vector<std::string> out;
  out.reserve(ps.size());
  for (const Period& p : ps) out.push_back(p.ToString());
  return out;
}

// ---- parsing each type ----

TEST(PeriodTest, ParsesYear) {
  const Period p = P("2023");
  EXPECT_EQ(p.type(), PeriodType::kYearly);
  EXPECT_EQ(p.start(), (Date{2023, 1, 1}));
  EXPECT_EQ(p.end(), (Date{2023, 12, 31}));
  EXPECT_EQ(p.DayCount(), 365);
  EXPECT_EQ(P("2024").DayCount(), 366);
}

TEST(PeriodTest, ParsesSixMonths) {
  EXPECT_EQ(P("2023S1").start(), (Date{2023, 1, 1}));
  EXPECT_EQ(P("2023S1").end(), (Date{2023, 6, 30}));
  EXPECT_EQ(P("2023S2").start(), (Date{2023, 7, 1}));
  EXPECT_EQ(P("2023S2").end(), (Date{2023, 12, 31}));
  EXPECT_EQ(P("2023S2").type(), PeriodType::kSixMonthly);
}

TEST(PeriodTest, ParsesQuarter) {
  const Period p = P("2023Q2");
  EXPECT_EQ(p.type(), PeriodType::kQuarterly);
  EXPECT_EQ(p.start(), (Date{2023, 4, 1}));
  EXPECT_EQ(p.end(), (Date{2023, 6, 30}));
  EXPECT_EQ(P("2024Q1").DayCount(), 91);  // leap February
  EXPECT_EQ(P("2023Q1").DayCount(), 90);
  EXPECT_EQ(P("2023Q4").end(), (Date{2023, 12, 31}));
}

TEST(PeriodTest, ParsesMonthWithTwoDigits) {
  const Period p = P("2023M05");
  EXPECT_EQ(p.type(), PeriodType::kMonthly);
  EXPECT_EQ(p.start(), (Date{2023, 5, 1}));
  EXPECT_EQ(p.end(), (Date{2023, 5, 31}));
  EXPECT_EQ(P("2024M02").end(), (Date{2024, 2, 29}));
  EXPECT_EQ(P("2023M02").end(), (Date{2023, 2, 28}));
  EXPECT_EQ(P("2100M02").end(), (Date{2100, 2, 28}));
  EXPECT_EQ(P("2000M02").end(), (Date{2000, 2, 29}));
  EXPECT_FALSE(Period::Parse("2023M5").ok());
  EXPECT_FALSE(Period::Parse("2023M005").ok());
}

TEST(PeriodTest, ParsesDay) {
  const Period p = P("2023-05-17");
  EXPECT_EQ(p.type(), PeriodType::kDaily);
  EXPECT_EQ(p.start(), (Date{2023, 5, 17}));
  EXPECT_EQ(p.end(), p.start());
  EXPECT_EQ(P("20230517"), p);  // DHIS2's compact daily id
  EXPECT_EQ(P("2024-02-29").start(), (Date{2024, 2, 29}));
  EXPECT_FALSE(Period::Parse("2023-02-29").ok());
  EXPECT_FALSE(Period::Parse("20230229").ok());
}

TEST(PeriodTest, AcceptsLowerCaseLetters) {
  EXPECT_EQ(P("2023q2"), P("2023Q2"));
  EXPECT_EQ(P("2023m05").ToString(), "2023M05");
  EXPECT_EQ(P("2023w20").ToString(), "2023W20");
  EXPECT_EQ(P("2023s1").ToString(), "2023S1");
}

// ---- ISO weeks ----

TEST(PeriodTest, IsoWeekStarts) {
  EXPECT_EQ(P("2024W01").start(), (Date{2024, 1, 1}));
  EXPECT_EQ(P("2026W01").start(), (Date{2025, 12, 29}));
  EXPECT_EQ(P("2026W01").end(), (Date{2026, 1, 4}));
  EXPECT_EQ(P("2021W01").start(), (Date{2021, 1, 4}));
  EXPECT_EQ(P("2023W20").start(), (Date{2023, 5, 15}));
  EXPECT_EQ(P("2023W20").end(), (Date{2023, 5, 21}));
  EXPECT_EQ(P("2019W01").start(), (Date{2018, 12, 31}));
  EXPECT_EQ(P("2015W01").start(), (Date{2014, 12, 29}));
}

TEST(PeriodTest, Week53OnlyInLongYears) {
  EXPECT_TRUE(Period::Parse("2020W53").ok());
  EXPECT_EQ(P("2020W53").start(), (Date{2020, 12, 28}));
  EXPECT_EQ(P("2020W53").end(), (Date{2021, 1, 3}));
  EXPECT_TRUE(Period::Parse("2015W53").ok());
  EXPECT_TRUE(Period::Parse("2026W53").ok());
  Result<Period> r = Period::Parse("2021W53");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "period.invalid");
  EXPECT_EQ(r.status().message(), "Kỳ báo cáo không hợp lệ: '2021W53' (năm 2021 chỉ có 52 tuần)");
  EXPECT_FALSE(Period::Parse("2023W53").ok());
  EXPECT_FALSE(Period::Parse("2023W54").ok());
  EXPECT_FALSE(Period::Parse("2023W00").ok());
  EXPECT_FALSE(Period::Parse("2023W1").ok());
}

TEST(PeriodTest, IsoWeeksInYear) {
  std::vector<int> long_years;
  for (int y = 2000; y <= 2040; ++y) {
    if (IsoWeeksInYear(y) == 53) long_years.push_back(y);
  }
  EXPECT_EQ(long_years, (std::vector<int>{2004, 2009, 2015, 2020, 2026, 2032, 2037}));
}

TEST(PeriodTest, WeekOfDateUsesIsoYear) {
  // 2021-01-01 (a Friday) lies in the last week of 2020; 2025-12-31 in 2026W01.
  EXPECT_EQ(Period::Containing(PeriodType::kWeekly, Date{2021, 1, 1})->ToString(), "2020W53");
  EXPECT_EQ(Period::Containing(PeriodType::kWeekly, Date{2025, 12, 31})->ToString(), "2026W01");
  EXPECT_EQ(Period::Containing(PeriodType::kWeekly, Date{2023, 5, 17})->ToString(), "2023W20");
  const Period w = *Period::Containing(PeriodType::kWeekly, Date{2025, 12, 31});
  EXPECT_EQ(w.year(), 2026);
  EXPECT_EQ(w.number(), 1);
}

TEST(PeriodTest, EveryDayLiesInExactlyOneMondayWeek) {
  std::optional<Period> prev;
  for (Date d{2000, 1, 1}; d <= Date{2040, 12, 31}; d = AddDays(d, 1)) {
    const std::optional<Period> w = Period::Containing(PeriodType::kWeekly, d);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->Contains(d));
    ASSERT_EQ(DayOfWeek(w->start()), 1) << FormatIso(d);
    ASSERT_EQ(w->DayCount(), 7);
    ASSERT_EQ(P(w->ToString()), *w);
    ASSERT_GE(w->number(), 1);
    ASSERT_LE(w->number(), IsoWeeksInYear(w->year()));
    if (prev && *prev != *w) {
      ASSERT_EQ(prev->Next(), *w) << FormatIso(d);
      // The week number restarts at 1 exactly when the ISO year changes.
      ASSERT_EQ(w->number() == 1, w->year() == prev->year() + 1);
    }
    prev = w;
  }
}

// ---- errors ----

TEST(PeriodTest, ExplainsWhatIsWrong) {
  struct Case {
    const char* id;
    const char* reason;
  };
  const Case cases[] = {
      {"2023Q5", "quý phải từ 1 đến 4"},
      {"2023Q0", "quý phải từ 1 đến 4"},
      {"2023S3", "6 tháng phải là S1 hoặc S2"},
      {"2023M13", "tháng phải gồm 2 chữ số, từ 01 đến 12"},
      {"2023M5", "tháng phải gồm 2 chữ số, từ 01 đến 12"},
      {"2023W60", "tuần phải gồm 2 chữ số, từ 01 đến 52 hoặc 53"},
      {"2023-02-29", "tháng 2/2023 có 28 ngày"},
      {"2023-13-01", "tháng phải từ 01 đến 12"},
      {"2023-5-17", "ngày phải có dạng YYYY-MM-DD, ví dụ 2023-05-17"},
      {"23Q1", "năm phải gồm đúng 4 chữ số"},
      {"0000", "năm phải từ 0001 đến 9999"},
      {"20230", "năm phải gồm đúng 4 chữ số"},
      {"2023X1", "dạng đúng: 2023, 2023S1, 2023Q2, 2023M05, 2023W20 hoặc 2023-05-17"},
      {"Q1", "dạng đúng: 2023, 2023S1, 2023Q2, 2023M05, 2023W20 hoặc 2023-05-17"},
  };
  for (const Case& c : cases) {
    Result<Period> r = Period::Parse(c.id);
    ASSERT_FALSE(r.ok()) << c.id;
    EXPECT_EQ(r.status().code(), Code::kInvalid);
    EXPECT_EQ(r.status().key(), "period.invalid");
    EXPECT_EQ(r.status().message(),
              std::string("Kỳ báo cáo không hợp lệ: '") + c.id + "' (" + c.reason + ")");
  }
}

TEST(PeriodTest, RejectsMalformedIds) {
  for (const char* id : {"", " 2023", "2023 ", "2023Q", "2023Q12", "2023QQ1", "2023M", "2023M1a",
                         "2023W", "2023-05-17x", "2023-05", "2023--05-17", "+2023", "-2023",
                         "2023S", "2023s01", "abcd", "2023.5", "２０２３"}) {
    EXPECT_FALSE(Period::Parse(id).ok()) << id;
  }
  EXPECT_EQ(Period::Parse("").status().message(), "Kỳ báo cáo không được để trống");
}

TEST(PeriodTest, ErrorMessagesStayValidUtf8) {
  Result<Period> r = Period::Parse("20\xFF\x01Q1");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find('\xFF'), std::string::npos);
  const std::string long_id(200, '9');
  Result<Period> l = Period::Parse(long_id);
  ASSERT_FALSE(l.ok());
  EXPECT_LT(l.status().message().size(), 150u);
}

// ---- formatting ----

TEST(PeriodTest, RoundTripsEveryType) {
  for (const char* id : {"2023", "2023S1", "2023S2", "2023Q1", "2023Q4", "2023M01", "2023M12",
                         "2023W01", "2020W53", "2026W01", "2023-05-17", "2024-02-29", "0001",
                         "9999", "0001W01", "9999-12-31", "9999Q4", "0001-01-01"}) {
    EXPECT_EQ(P(id).ToString(), id);
    EXPECT_EQ(P(P(id).ToString()), P(id));
  }
  // Every month, quarter and day of a leap year.
  for (const PeriodType t : {PeriodType::kMonthly, PeriodType::kQuarterly, PeriodType::kDaily,
                             PeriodType::kWeekly, PeriodType::kSixMonthly}) {
    for (const Period& p : PeriodsWithin(t, P("2024"))) {
      EXPECT_EQ(P(p.ToString()), p) << p.ToString();
    }
  }
}

TEST(PeriodTest, VietnameseLabels) {
  EXPECT_EQ(P("2023").Label(), "Năm 2023");
  EXPECT_EQ(P("2023S1").Label(), "6 tháng đầu năm 2023");
  EXPECT_EQ(P("2023S2").Label(), "6 tháng cuối năm 2023");
  EXPECT_EQ(P("2023Q1").Label(), "Quý I/2023");
  EXPECT_EQ(P("2023Q2").Label(), "Quý II/2023");
  EXPECT_EQ(P("2023Q3").Label(), "Quý III/2023");
  EXPECT_EQ(P("2023Q4").Label(), "Quý IV/2023");
  EXPECT_EQ(P("2023M05").Label(), "Tháng 5/2023");
  EXPECT_EQ(P("2023M12").Label(), "Tháng 12/2023");
  EXPECT_EQ(P("2023W20").Label(), "Tuần 20/2023");
  EXPECT_EQ(P("2026W01").Label(), "Tuần 1/2026");
  EXPECT_EQ(P("2023-05-17").Label(), "17/5/2023");
}

TEST(PeriodTest, TypeCodesAndLabels) {
  for (const PeriodType t : {PeriodType::kYearly, PeriodType::kSixMonthly, PeriodType::kQuarterly,
                             PeriodType::kMonthly, PeriodType::kWeekly, PeriodType::kDaily}) {
    EXPECT_EQ(ParsePeriodType(PeriodTypeCode(t)), t);
  }
  EXPECT_EQ(ParsePeriodType("six_monthly"), PeriodType::kSixMonthly);
  EXPECT_FALSE(ParsePeriodType("Monthly"));
  EXPECT_STREQ(PeriodTypeLabel(PeriodType::kQuarterly), "Quý");
}

// ---- containment and order ----

TEST(PeriodTest, Contains) {
  EXPECT_TRUE(P("2023").Contains(P("2023Q2")));
  EXPECT_TRUE(P("2023Q2").Contains(P("2023M05")));
  EXPECT_TRUE(P("2023S1").Contains(P("2023Q2")));
  EXPECT_FALSE(P("2023S1").Contains(P("2023Q3")));
  EXPECT_TRUE(P("2023M05").Contains(P("2023-05-17")));
  EXPECT_TRUE(P("2023M05").Contains(P("2023W20")));
  EXPECT_FALSE(P("2023Q2").Contains(P("2023")));
  EXPECT_TRUE(P("2023").Contains(P("2023")));
  EXPECT_FALSE(P("2020").Contains(P("2020W53")));
  EXPECT_FALSE(P("2021").Contains(P("2020W53")));
  EXPECT_TRUE(P("2020").Overlaps(P("2020W53")));
  EXPECT_TRUE(P("2021").Overlaps(P("2020W53")));
  EXPECT_FALSE(P("2022").Overlaps(P("2020W53")));
  EXPECT_TRUE(P("2023").Contains(Date{2023, 12, 31}));
  EXPECT_FALSE(P("2023").Contains(Date{2024, 1, 1}));
}

TEST(PeriodTest, OrdersByStartThenLongestFirst) {
  std::vector<Period> ps = {P("2023M02"), P("2023-01-01"), P("2023Q1"), P("2023M01"),
                            P("2023"),    P("2022W52"),    P("2023S1"), P("2022")};
  std::sort(ps.begin(), ps.end());
  EXPECT_EQ(Ids(ps), (std::vector<std::string>{"2022", "2022W52", "2023", "2023S1", "2023Q1",
                                               "2023M01", "2023-01-01", "2023M02"}));
  EXPECT_LT(P("2023M12"), P("2024"));
  EXPECT_NE(P("2023"), P("2023S1"));
  EXPECT_EQ(P("2023Q2"), P("2023q2"));
}

// ---- stepping ----

TEST(PeriodTest, NextAndPrevCrossYearEnds) {
  EXPECT_EQ(P("2023M12").Next(), P("2024M01"));
  EXPECT_EQ(P("2024M01").Prev(), P("2023M12"));
  EXPECT_EQ(P("2023Q4").Next(), P("2024Q1"));
  EXPECT_EQ(P("2023S2").Next(), P("2024S1"));
  EXPECT_EQ(P("2023").Next(), P("2024"));
  EXPECT_EQ(P("2020W53").Next(), P("2021W01"));
  EXPECT_EQ(P("2021W01").Prev(), P("2020W53"));
  EXPECT_EQ(P("2021W52").Next(), P("2022W01"));
  EXPECT_EQ(P("2024-02-28").Next(), P("2024-02-29"));
  EXPECT_EQ(P("2023-02-28").Next(), P("2023-03-01"));
  EXPECT_EQ(P("2023M01").Shift(14), P("2024M03"));
  EXPECT_EQ(P("2023M01").Shift(-1), P("2022M12"));
}

TEST(PeriodTest, StopsAtTheEdgesOfTheCalendar) {
  EXPECT_FALSE(P("9999").Next());
  EXPECT_FALSE(P("0001").Prev());
  EXPECT_FALSE(P("9999M12").Next());
  EXPECT_FALSE(P("9999-12-31").Next());
  EXPECT_FALSE(P("0001-01-01").Prev());
  EXPECT_FALSE(P("0001W01").Prev());
  EXPECT_FALSE(Period::Parse("9999W52").ok());  // would end in the year 10000
  EXPECT_TRUE(Period::Parse("9999W51").ok());
  EXPECT_FALSE(P("9999W51").Next());
  EXPECT_FALSE(P("2023").Shift(int64_t{1} << 62));
  EXPECT_FALSE(P("2023").Shift(-(int64_t{1} << 62)));
}

// ---- conversion ----

TEST(PeriodTest, ContainingADate) {
  const Date d{2023, 5, 17};
  EXPECT_EQ(Period::Containing(PeriodType::kYearly, d), P("2023"));
  EXPECT_EQ(Period::Containing(PeriodType::kSixMonthly, d), P("2023S1"));
  EXPECT_EQ(Period::Containing(PeriodType::kQuarterly, d), P("2023Q2"));
  EXPECT_EQ(Period::Containing(PeriodType::kMonthly, d), P("2023M05"));
  EXPECT_EQ(Period::Containing(PeriodType::kWeekly, d), P("2023W20"));
  EXPECT_EQ(Period::Containing(PeriodType::kDaily, d), P("2023-05-17"));
  EXPECT_EQ(Period::Containing(PeriodType::kSixMonthly, Date{2023, 7, 1}), P("2023S2"));
  EXPECT_EQ(Period::Containing(PeriodType::kQuarterly, Date{2023, 9, 30}), P("2023Q3"));
  EXPECT_FALSE(Period::Containing(PeriodType::kMonthly, Date{2023, 2, 30}));
  EXPECT_FALSE(Period::Containing(PeriodType::kWeekly, Date{9999, 12, 31}));
}

TEST(PeriodTest, OfBuildsFromNumbers) {
  EXPECT_EQ(*Period::Of(PeriodType::kQuarterly, 2023, 2), P("2023Q2"));
  EXPECT_EQ(*Period::Of(PeriodType::kMonthly, 2023, 5), P("2023M05"));
  EXPECT_EQ(*Period::Of(PeriodType::kWeekly, 2020, 53), P("2020W53"));
  EXPECT_EQ(*Period::Of(PeriodType::kYearly, 2023), P("2023"));
  EXPECT_EQ(*Period::Of(PeriodType::kDaily, 2023, 137), P("2023-05-17"));
  EXPECT_EQ(*Period::Day(Date{2023, 5, 17}), P("2023-05-17"));
  EXPECT_EQ(Period::Of(PeriodType::kQuarterly, 2023, 5).status().message(),
            "Kỳ báo cáo không hợp lệ: '2023Q5' (quý phải từ 1 đến 4)");
  EXPECT_FALSE(Period::Of(PeriodType::kWeekly, 2021, 53).ok());
  EXPECT_FALSE(Period::Of(PeriodType::kYearly, 10000).ok());
  EXPECT_FALSE(Period::Of(PeriodType::kDaily, 2023, 366).ok());
  EXPECT_TRUE(Period::Of(PeriodType::kDaily, 2024, 366).ok());
  EXPECT_FALSE(Period::Day(Date{2023, 2, 29}).ok());
}

TEST(PeriodTest, YearAndNumber) {
  EXPECT_EQ(P("2023Q3").year(), 2023);
  EXPECT_EQ(P("2023Q3").number(), 3);
  EXPECT_EQ(P("2023M11").number(), 11);
  EXPECT_EQ(P("2023S2").number(), 2);
  EXPECT_EQ(P("2020W53").year(), 2020);
  EXPECT_EQ(P("2020W53").number(), 53);
  EXPECT_EQ(P("2023-12-31").number(), 365);
  EXPECT_EQ(P("2024-12-31").number(), 366);
}

TEST(PeriodTest, PeriodsWithin) {
  EXPECT_EQ(Ids(PeriodsWithin(PeriodType::kMonthly, P("2023"))),
            (std::vector<std::string>{"2023M01", "2023M02", "2023M03", "2023M04", "2023M05",
                                      "2023M06", "2023M07", "2023M08", "2023M09", "2023M10",
                                      "2023M11", "2023M12"}));
  EXPECT_EQ(Ids(PeriodsWithin(PeriodType::kQuarterly, P("2023S2"))),
            (std::vector<std::string>{"2023Q3", "2023Q4"}));
  EXPECT_EQ(Ids(PeriodsWithin(PeriodType::kQuarterly, P("2023Q3"))),
            (std::vector<std::string>{"2023Q3"}));
  EXPECT_TRUE(PeriodsWithin(PeriodType::kYearly, P("2023Q3")).empty());
  EXPECT_TRUE(PeriodsWithin(PeriodType::kMonthly, P("2023W20")).empty());
  EXPECT_EQ(PeriodsWithin(PeriodType::kDaily, P("2024")).size(), 366u);
  EXPECT_EQ(PeriodsWithin(PeriodType::kDaily, P("2023M02")).size(), 28u);
  EXPECT_EQ(Ids(PeriodsWithin(PeriodType::kDaily, P("2023W20"))).front(), "2023-05-15");
  // Weeks wholly inside May 2023 (Monday 1 May .. Sunday 28 May); W22 runs into June.
  EXPECT_EQ(Ids(PeriodsWithin(PeriodType::kWeekly, P("2023M05"))),
            (std::vector<std::string>{"2023W18", "2023W19", "2023W20", "2023W21"}));
  // 2020 holds W01..W52; W53 crosses into 2021 and W01 of 2020 starts on 2019-12-30.
  const std::vector<Period> w2020 = PeriodsWithin(PeriodType::kWeekly, P("2020"));
  ASSERT_EQ(w2020.size(), 51u);
  EXPECT_EQ(w2020.front().ToString(), "2020W02");
  EXPECT_EQ(w2020.back().ToString(), "2020W52");
}

// ---- ranges ----

TEST(PeriodRangeTest, ParsesAndIterates) {
  Result<PeriodRange> r = PeriodRange::Parse("2023M01..2023M12");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 12);
  EXPECT_EQ(r->type(), PeriodType::kMonthly);
  std::vector<Period> months(r->begin(), r->end());
  EXPECT_EQ(months, PeriodsWithin(PeriodType::kMonthly, P("2023")));
  EXPECT_EQ(r->ToString(), "2023M01..2023M12");
  EXPECT_TRUE(r->Contains(P("2023M07")));
  EXPECT_FALSE(r->Contains(P("2024M01")));
  EXPECT_FALSE(r->Contains(P("2023Q1")));
}

TEST(PeriodRangeTest, CountsAcrossYears) {
  EXPECT_EQ(PeriodRange::Parse("2020W50..2021W02")->size(), 6);  // 50, 51, 52, 53, 1, 2
  std::vector<std::string> ids;
  const PeriodRange weeks = *PeriodRange::Parse("2020W52..2021W01");
  for (const Period& p : weeks) ids.push_back(p.ToString());
  EXPECT_EQ(ids, (std::vector<std::string>{"2020W52", "2020W53", "2021W01"}));
  EXPECT_EQ(PeriodRange::Parse("2020..2025")->size(), 6);
  EXPECT_EQ(PeriodRange::Parse("2023Q3..2024Q2")->size(), 4);
  EXPECT_EQ(PeriodRange::Parse("2024-02-01..2024-03-01")->size(), 30);
  int64_t n = 0;
  const PeriodRange days = *PeriodRange::Parse("2023-01-01..2023-12-31");
  for (const Period& p : days) {
    EXPECT_EQ(p.type(), PeriodType::kDaily);
    ++n;
  }
  EXPECT_EQ(n, 365);
}

TEST(PeriodRangeTest, SingleIdIsARangeOfOne) {
  Result<PeriodRange> r = PeriodRange::Parse("2023Q2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 1);
  EXPECT_EQ(r->ToString(), "2023Q2");
  EXPECT_EQ(std::distance(r->begin(), r->end()), 1);
}

TEST(PeriodRangeTest, RejectsBadRanges) {
  Result<PeriodRange> mixed = PeriodRange::Parse("2023M01..2023Q4");
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().key(), "period.range_invalid");
  Result<PeriodRange> backwards = PeriodRange::Parse("2023M12..2023M01");
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.status().message(),
            "Khoảng kỳ báo cáo không hợp lệ: kỳ đầu '2023M12' đứng sau kỳ cuối '2023M01'");
  EXPECT_EQ(PeriodRange::Parse("2023M01..2023M13").status().key(), "period.invalid");
  EXPECT_FALSE(PeriodRange::Parse("2023M01..").ok());
  EXPECT_FALSE(PeriodRange::Parse("..2023M01").ok());
  EXPECT_FALSE(PeriodRange::Parse("2023..2024..2025").ok());
}

TEST(PeriodRangeTest, MakeChecksEnds) {
  EXPECT_TRUE(PeriodRange::Make(P("2023M03"), P("2023M03")).ok());
  EXPECT_FALSE(PeriodRange::Make(P("2023"), P("2023M03")).ok());
  EXPECT_EQ(*PeriodRange::Make(P("2023M01"), P("2023M03")),
            *PeriodRange::Parse("2023M01..2023M03"));
}

TEST(PeriodTest, DistinctIdsAreDistinctPeriods) {
  std::set<Period> seen;
  int n = 0;
  for (const PeriodType t : {PeriodType::kYearly, PeriodType::kSixMonthly, PeriodType::kQuarterly,
                             PeriodType::kMonthly, PeriodType::kWeekly, PeriodType::kDaily}) {
    const PeriodRange range = *PeriodRange::Make(*Period::Containing(t, Date{2019, 1, 1}),
                                                 *Period::Containing(t, Date{2021, 12, 31}));
    for (const Period& p : range) {
      seen.insert(p);
      ++n;
    }
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(n));
}

}  // namespace
}  // namespace nq::period_test
