// Kỳ báo cáo: a reporting period, identified as in DHIS2.
//
//   2023          yearly        Năm 2023
//   2023S1        six-monthly   6 tháng đầu năm 2023 (S1 = January–June, S2 = July–December)
//   2023Q2        quarterly     Quý II/2023
//   2023M05       monthly       Tháng 5/2023 (the month always has two digits)
//   2023W20       weekly        Tuần 20/2023 — ISO 8601 weeks: Monday to Sunday, week 1 is the
//                               week holding the year's first Thursday, so 2026W01 starts on
//                               2025-12-29; W53 exists only in years with 53 ISO weeks (2020)
//   2023-05-17    daily         17/5/2023 (20230517, the DHIS2 daily form, is accepted too)
//
// The year has exactly four digits (0001..9999) and every day of the period must be a valid
// Date, so 9999W52, which ends in the year 10000, does not exist. Letters are accepted in either
// case ("2023q2"); ToString gives the canonical form. Surrounding spaces are not accepted: the
// edge of the program trims its input.
//
// Period is a small value type (type + first and last day), ordered by start date, then from
// the longest type to the shortest, so that a year sorts before its first half, its first
// quarter, its January, and 1 January. PeriodRange is an inclusive run of periods of one type,
// written "2023M01..2023M12".
//
// Pure functions; values are thread-safe to share.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace nq {

// From the longest to the shortest; the order is part of Period's ordering.
// From the coarsest to the finest: callers compare them (a monthly type is "greater").
enum class PeriodType : uint8_t { kYearly, kSixMonthly, kQuarterly, kMonthly, kWeekly, kDaily };

// Stable codes for the database and the API: "yearly", "six_monthly", "quarterly", "monthly",
// "weekly", "daily".
const char* PeriodTypeCode(PeriodType t);
// Vietnamese names for the UI: "Năm", "6 tháng", "Quý", "Tháng", "Tuần", "Ngày".
const char* PeriodTypeLabel(PeriodType t);
std::optional<PeriodType> ParsePeriodType(std::string_view code);

// Number of ISO 8601 weeks of a year: 53 when the year begins or ends on a Thursday, else 52.
int IsoWeeksInYear(int year);
// Monday of ISO week `week` of `iso_year` (week 1 holds 4 January). No range check.
Date IsoWeekStart(int iso_year, int week);

class Period {
 public:
  // The year 1970 (a valid period, so that containers of periods are easy to use).
  Period() = default;

  // Parses a period id. Fails with Invalid "period.invalid" and a Vietnamese message naming
  // the id and what is wrong, e.g. "Kỳ báo cáo không hợp lệ: '2023Q5' (quý phải từ 1 đến 4)".
  // The id is quoted in the message only as far as it is short, printable UTF-8.
  static Result<Period> Parse(std::string_view id);

  // The period of `type` numbered `number` in `year`: the half (1..2), quarter (1..4), month
  // (1..12) or ISO week (1..52/53) of that year; `number` is ignored for kYearly. For kDaily
  // use Day(). Fails like Parse on a number out of range.
  static Result<Period> Of(PeriodType type, int year, int number = 1);
  // The day `d`; Invalid if d is not a valid date.
  static Result<Period> Day(const Date& d);

  // The period of `type` that holds the date d (for kWeekly, the ISO week, whose year may
  // differ from d.year). nullopt if d is invalid or the period would leave years 1..9999.
  static std::optional<Period> Containing(PeriodType type, const Date& d);

  PeriodType type() const { return type_; }
  const Date& start() const { return start_; }  // first day
  const Date& end() const { return end_; }      // last day, inclusive
  int64_t DayCount() const;                     // number of days, end - start + 1

  // The year of the id: the calendar year, or for weekly periods the ISO week-numbering year.
  int year() const;
  // The number in the id: 1 for a year, the half, quarter, month or week; for a day, the day
  // of the year (1..366).
  int number() const;

  // Canonical id: "2023", "2023S1", "2023Q2", "2023M05", "2023W20", "2023-05-17".
  std::string ToString() const;
  // Vietnamese label: "Năm 2023", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023",
  // "Quý II/2023", "Tháng 5/2023", "Tuần 20/2023", "17/5/2023".
  std::string Label() const;

  bool Contains(const Date& d) const { return start_ <= d && d <= end_; }
  // True when every day of `other` lies in this period (2023 contains 2023Q2 and 2023W20;
  // 2020 does not contain 2020W53, which ends on 2021-01-03). A period contains itself.
  bool Contains(const Period& other) const {
    return start_ <= other.start_ && other.end_ <= end_;
  }
  bool Overlaps(const Period& other) const {
    return start_ <= other.end_ && other.start_ <= end_;
  }

  // The following and preceding period of the same type; nullopt past 9999 or before year 1.
  std::optional<Period> Next() const;
  std::optional<Period> Prev() const;
  // Moves by n periods of the same type (negative n goes back); nullopt if out of range.
  std::optional<Period> Shift(int64_t n) const;

  // Position of the period among all periods of its type, consecutive periods differing by
  // one: year*12+month-1 for months, days since 1970 divided by 7 for weeks, and so on.
  // Only ordinals of the same type are comparable.
  int64_t Ordinal() const;

  // Ordered by start, then by type (longest first); equal when type and start are equal.
  friend bool operator==(const Period& a, const Period& b) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
  friend std::strong_ordering operator<=>(const Period& a, const Period& b) = default;

 private:
  Period(PeriodType type, const Date& start, const Date& end)
      : start_(start), type_(type), end_(end) {}
  static std::optional<Period> FromOrdinal(PeriodType type, int64_t ordinal);
  // The period numbered `number` of `type` in `year`, or nullopt with the reason in *why.
  static std::optional<Period> Build(PeriodType type, int year, int number, std::string* why);

  // Declaration order gives the ordering: start, then type (end follows from both).
  Date start_{1970, 1, 1};
  PeriodType type_ = PeriodType::kYearly;
  Date end_{1970, 12, 31};
};

// The periods of `type` that lie wholly inside `outer`, in order: the months of a year, the
// quarters of a half, the ISO weeks of a month that do not cross its ends. Empty when `type` is
// longer than outer's type.
std::vector<Period> PeriodsWithin(PeriodType type, const Period& outer);

// An inclusive run of periods of one type, "2023M01..2023M12". Iterating visits each period
// once, in order, without building a list (a daily range can be long).
class PeriodRange {
 public:
  // Fails with Invalid "period.range_invalid" when the ends differ in type or the first comes
  // after the last.
  static Result<PeriodRange> Make(const Period& first, const Period& last);
  // Parses "FIRST..LAST", or a single id as a range of one period. Errors of either end are
  // returned as Parse reports them ("period.invalid"); a bad range as in Make.
  static Result<PeriodRange> Parse(std::string_view text);

  const Period& first() const { return first_; }
  const Period& last() const { return last_; }
  PeriodType type() const { return first_.type(); }
  // Number of periods in the range (at least 1).
  int64_t size() const { return last_.Ordinal() - first_.Ordinal() + 1; }
  // True for a period of the range's type between first and last.
  bool Contains(const Period& p) const {
    return p.type() == type() && first_ <= p && p <= last_;
  }
  // "2023M01..2023M12", or the single id when first == last.
  std::string ToString() const;

  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Period;
    using difference_type = std::ptrdiff_t;
    using pointer = const Period*;
    using reference = const Period&;

    Iterator() = default;
    const Period& operator*() const { return *current_; }
    const Period* operator->() const { return &*current_; }
    Iterator& operator++();
    Iterator operator++(int) {
      Iterator old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) {
      return a.current_ == b.current_;
    }

   private:
    friend class PeriodRange;
    Iterator(std::optional<Period> current, Period last) : current_(current), last_(last) {}
    std::optional<Period> current_;  // nullopt once past the end
    Period last_;
  };
  Iterator begin() const { return Iterator(first_, last_); }
  Iterator end() const { return Iterator(std::nullopt, last_); }

  friend bool operator==(const PeriodRange& a, const PeriodRange& b) = default;

 private:
  PeriodRange(const Period& first, const Period& last) : first_(first), last_(last) {}
  Period first_;
  Period last_;
};

}  // namespace nq
