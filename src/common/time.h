// Calendar dates and wall-clock time, without time zones: the committee works in one zone
// (Asia/Ho_Chi_Minh) and stores dates as civil dates, instants as Unix seconds (UTC).
//
// All functions are pure except Today() and NowUnix(), which read the clock. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nq {

// A proleptic Gregorian civil date. Value type, ordered, valid only when IsValid().
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads defaulted <=>
  auto operator<=>(const Date&) const = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);       // 0 if month is out of 1..12
bool IsValid(const Date& d);                 // year 1..9999, month and day in range

// Days since 1970-01-01 (negative before). Exact for every valid date.
int64_t DaysFromCivil(const Date& d);
Date CivilFromDays(int64_t days);
Date AddDays(const Date& d, int64_t n);
int DayOfWeek(const Date& d);                // ISO: Monday = 1 .. Sunday = 7

// "2023-05-17" exactly (ten characters); nullopt for anything else or an impossible date.
std::optional<Date> ParseIsoDate(std::string_view s);
// A date as people type it in a spreadsheet: "2023-05-17" (ParseIsoDate), or day/month/year as
// Vietnamese write it, "17/5/2023" or "17/05/2023" — day and month of one or two digits, a year
// of four digits from 1000. nullopt for anything else (spaces included) or an impossible date.
std::optional<Date> ParseDateIsoOrVi(std::string_view s);
std::string FormatIso(const Date& d);        // "2023-05-17"
std::string FormatVi(const Date& d);         // "17/5/2023" (Vietnamese, no leading zeros)
// "ngày 17 tháng 5 năm 2023" as in the date line of a party document. As the document rules
// require (Hướng dẫn 36-HD/VPTW, Nghị định 30/2020), a day below 10 and the months 1 and 2 get a
// leading zero so that they cannot be altered: "ngày 05 tháng 02 năm 2023".
std::string FormatViLong(const Date& d);

// Current instant in Unix seconds, and today's date in Vietnam (UTC+7).
int64_t NowUnix();
Date Today();
// Instant in Unix seconds -> "2023-05-17T08:30:00Z".
std::string FormatIsoInstant(int64_t unix_seconds);
// The civil date in Vietnam (UTC+7) at an instant given in Unix seconds.
Date DateInVietnam(int64_t unix_seconds);
// The instant as a Vietnamese reader sees it, in Vietnam time: "16:29, 27/11/2026".
std::string FormatInstantVi(int64_t unix_seconds);
// Day of the year, 1 for 1 January .. 365 or 366.
int DayOfYear(const Date& d);

}  // namespace nq
