#include "common/time.h"

#include <chrono>
#include <cstdio>

namespace nq {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kVietnamOffsetSeconds = int64_t{7} * 3600;

// Floor division, so that instants before 1970 fall on the right day.
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int ParseDigits(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

bool IsValid(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysInMonth(d.year, d.month);
}

// Howard Hinnant's days_from_civil: eras of 400 years, March-based years.
int64_t DaysFromCivil(const Date& d) {
  const int64_t y = static_cast<int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;                                       // [0, 399]
  const int64_t mp = (d.month + 9) % 12;                                   // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;                      // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;               // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return Date{static_cast<int>(year), month, day};
}

Date AddDays(const Date& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

int DayOfWeek(const Date& d) {
  // 1970-01-01 was a Thursday (4).
  const int64_t w = (DaysFromCivil(d) % 7 + 7 + 3) % 7;
  return static_cast<int>(w) + 1;
}

int DayOfYear(const Date& d) {
  return static_cast<int>(DaysFromCivil(d) - DaysFromCivil(Date{d.year, 1, 1})) + 1;
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = ParseDigits(s.substr(0, 4));
  const int m = ParseDigits(s.substr(5, 2));
  const int d = ParseDigits(s.substr(8, 2));
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  Date date{y, m, d};
  if (!IsValid(date)) return std::nullopt;
  return date;
}

std::optional<Date> ParseDateIsoOrVi(std::string_view s) {
  if (std::optional<Date> iso = ParseIsoDate(s)) return iso;
  const size_t a = s.find('/');
  const size_t b = a == std::string_view::npos ? a : s.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  const std::string_view day = s.substr(0, a);
  const std::string_view month = s.substr(a + 1, b - a - 1);
  const std::string_view year = s.substr(b + 1);
  if (day.empty() || day.size() > 2 || month.empty() || month.size() > 2 || year.size() != 4) {
    return std::nullopt;
  }
  // ParseDigits gives -1 for a part that is not all digits: no valid date has one.
  const Date date{ParseDigits(year), ParseDigits(month), ParseDigits(day)};
  if (date.year < 1000 || !IsValid(date)) return std::nullopt;
  return date;
}

std::string FormatIso(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatVi(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d/%d/%d", d.day, d.month, d.year);
  return buf;
}

std::string FormatViLong(const Date& d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "ngày %0*d tháng %0*d năm %d", d.day < 10 ? 2 : 1, d.day,
                d.month <= 2 ? 2 : 1, d.month, d.year);
  return buf;
}

int64_t NowUnix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Date DateInVietnam(int64_t unix_seconds) {
  return CivilFromDays(FloorDiv(unix_seconds + kVietnamOffsetSeconds, kSecondsPerDay));
}

Date Today() { return DateInVietnam(NowUnix()); }

std::string FormatInstantVi(int64_t unix_seconds) {
  const int64_t in_day = unix_seconds + kVietnamOffsetSeconds -
                         FloorDiv(unix_seconds + kVietnamOffsetSeconds, kSecondsPerDay) *
                             kSecondsPerDay;
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(in_day / 3600),
                static_cast<int>(in_day % 3600 / 60));
  return std::string(hm) + ", " + FormatVi(DateInVietnam(unix_seconds));
}

std::string FormatIsoInstant(int64_t unix_seconds) {
  const int64_t days = FloorDiv(unix_seconds, kSecondsPerDay);
  const int64_t secs = unix_seconds - days * kSecondsPerDay;
  const Date d = CivilFromDays(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

}  // namespace nq
