#include "domain/period.h"

#include <cstdio>

#include "common/utf8.h"

namespace nq {
namespace {

constexpr int kMinYear = 1;
constexpr int kMaxYear = 9999;
// Monday 1970-01-05, the origin of week ordinals.
constexpr int64_t kFirstMondayDays = 4;

int64_t FloorDivide(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Months in one period of a calendar-based type; 0 for weeks and days.
int MonthsPer(PeriodType t) {
  switch (t) {
    case PeriodType::kYearly: return 12;
    case PeriodType::kSixMonthly: return 6;
    case PeriodType::kQuarterly: return 3;
    case PeriodType::kMonthly: return 1;
    case PeriodType::kWeekly:
    case PeriodType::kDaily: return 0;
  }
  return 0;
}

int64_t MinDays() { return DaysFromCivil(Date{kMinYear, 1, 1}); }
int64_t MaxDays() { return DaysFromCivil(Date{kMaxYear, 12, 31}); }

// The id as it may be shown inside a message: short, printable, valid UTF-8.
std::string QuoteForMessage(std::string_view id) {
  constexpr size_t kMaxShown = 40;
  bool printable = IsValidUtf8(id) && CodePointCount(id) <= kMaxShown;
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) printable = false;
  }
  if (printable) return "'" + std::string(id) + "'";
  std::string shown;
  for (char c : id.substr(0, kMaxShown)) {
    const auto b = static_cast<unsigned char>(c);
    shown.push_back(b >= 0x20 && b < 0x7F ? c : '?');
  }
  if (id.size() > kMaxShown) shown += "…";
  return "'" + shown + "'";
}

Status PeriodInvalid(std::string_view id, std::string_view reason) {
  return Status::Invalid("period.invalid", "Kỳ báo cáo không hợp lệ: " + QuoteForMessage(id) +
                                               " (" + std::string(reason) + ")");
}

constexpr std::string_view kFormatHint =
    "dạng đúng: 2023, 2023S1, 2023Q2, 2023M05, 2023W20 hoặc 2023-05-17";

// Parses a string of ASCII digits; -1 if empty or anything else is in it.
int Digits(std::string_view s) {
  if (s.empty() || s.size() > 8) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

size_t LeadingDigits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

std::string FormatId(PeriodType type, int year, int number) {
  char buf[64];
  switch (type) {
    case PeriodType::kYearly: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case PeriodType::kSixMonthly: std::snprintf(buf, sizeof buf, "%04dS%d", year, number); break;
    case PeriodType::kQuarterly: std::snprintf(buf, sizeof buf, "%04dQ%d", year, number); break;
    case PeriodType::kMonthly: std::snprintf(buf, sizeof buf, "%04dM%02d", year, number); break;
    case PeriodType::kWeekly: std::snprintf(buf, sizeof buf, "%04dW%02d", year, number); break;
    case PeriodType::kDaily:  // no id has a day-of-year form; this only names it in errors
      std::snprintf(buf, sizeof buf, "%04d, ngày thứ %d", year, number);
      break;
  }
  return buf;
}

}  // namespace

const char* PeriodTypeCode(PeriodType t) {
  switch (t) {
    case PeriodType::kYearly: return "yearly";
    case PeriodType::kSixMonthly: return "six_monthly";
    case PeriodType::kQuarterly: return "quarterly";
    case PeriodType::kMonthly: return "monthly";
    case PeriodType::kWeekly: return "weekly";
    case PeriodType::kDaily: return "daily";
  }
  return "yearly";
}

const char* PeriodTypeLabel(PeriodType t) {
  switch (t) {
    case PeriodType::kYearly: return "Năm";
    case PeriodType::kSixMonthly: return "6 tháng";
    case PeriodType::kQuarterly: return "Quý";
    case PeriodType::kMonthly: return "Tháng";
    case PeriodType::kWeekly: return "Tuần";
    case PeriodType::kDaily: return "Ngày";
  }
  return "Năm";
}

std::optional<PeriodType> ParsePeriodType(std::string_view code) {
  for (PeriodType t : {PeriodType::kYearly, PeriodType::kSixMonthly, PeriodType::kQuarterly,
                       PeriodType::kMonthly, PeriodType::kWeekly, PeriodType::kDaily}) {
    if (code == PeriodTypeCode(t)) return t;
  }
  return std::nullopt;
}

int IsoWeeksInYear(int year) {
  // A year has 53 weeks when 1 January or 31 December is a Thursday.
  if (DayOfWeek(Date{year, 1, 1}) == 4 || DayOfWeek(Date{year, 12, 31}) == 4) return 53;
  return 52;
}

Date IsoWeekStart(int iso_year, int week) {
  const Date jan4{iso_year, 1, 4};
  const Date week1 = AddDays(jan4, 1 - DayOfWeek(jan4));
  return AddDays(week1, int64_t{7} * (week - 1));
}

// ---- construction ----

std::optional<Period> Period::FromOrdinal(PeriodType type, int64_t ordinal) {
  if (type == PeriodType::kDaily || type == PeriodType::kWeekly) {
    const int64_t first = type == PeriodType::kDaily ? ordinal : ordinal * 7 + kFirstMondayDays;
    const int64_t last = type == PeriodType::kDaily ? first : first + 6;
    if (first < MinDays() || last > MaxDays()) return std::nullopt;
    return Period(type, CivilFromDays(first), CivilFromDays(last));
  }
  const int per = MonthsPer(type);
  const int64_t month_index = ordinal * per;  // months since January of year 0
  const int64_t year = FloorDivide(month_index, 12);
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const int month = static_cast<int>(month_index - year * 12) + 1;
  const int y = static_cast<int>(year);
  const int end_month = month + per - 1;
  return Period(type, Date{y, month, 1}, Date{y, end_month, DaysInMonth(y, end_month)});
}

int64_t Period::Ordinal() const {
  switch (type_) {
    case PeriodType::kDaily: return DaysFromCivil(start_);
    case PeriodType::kWeekly:
      return FloorDivide(DaysFromCivil(start_) - kFirstMondayDays, 7);
    default: break;
  }
  return (int64_t{start_.year} * 12 + start_.month - 1) / MonthsPer(type_);
}

std::optional<Period> Period::Build(PeriodType type, int year, int number, std::string* why) {
  if (year < kMinYear || year > kMaxYear) {
    *why = "năm phải từ 0001 đến 9999";
    return std::nullopt;
  }
  switch (type) {
    case PeriodType::kYearly:
      return FromOrdinal(type, year);
    case PeriodType::kSixMonthly:
      if (number >= 1 && number <= 2) return FromOrdinal(type, int64_t{year} * 2 + number - 1);
      *why = "6 tháng phải là S1 hoặc S2";
      return std::nullopt;
    case PeriodType::kQuarterly:
      if (number >= 1 && number <= 4) return FromOrdinal(type, int64_t{year} * 4 + number - 1);
      *why = "quý phải từ 1 đến 4";
      return std::nullopt;
    case PeriodType::kMonthly:
      if (number >= 1 && number <= 12) return FromOrdinal(type, int64_t{year} * 12 + number - 1);
      *why = "tháng phải từ 01 đến 12";
      return std::nullopt;
    case PeriodType::kWeekly: {
      const int weeks = IsoWeeksInYear(year);
      if (number < 1 || number > 53) {
        *why = "tuần phải từ 01 đến 52 hoặc 53";
        return std::nullopt;
      }
      if (number > weeks) {
        *why = "năm " + std::to_string(year) + " chỉ có " + std::to_string(weeks) + " tuần";
        return std::nullopt;
      }
      const int64_t days = DaysFromCivil(IsoWeekStart(year, number));
      std::optional<Period> p = FromOrdinal(type, FloorDivide(days - kFirstMondayDays, 7));
      if (!p) *why = "tuần kết thúc sau năm 9999";
      return p;
    }
    case PeriodType::kDaily: {
      const int days_in_year = IsLeapYear(year) ? 366 : 365;
      if (number >= 1 && number <= days_in_year) {
        return FromOrdinal(type, DaysFromCivil(Date{year, 1, 1}) + number - 1);
      }
      *why = "năm " + std::to_string(year) + " có " + std::to_string(days_in_year) + " ngày";
      return std::nullopt;
    }
  }
  *why = std::string(kFormatHint);
  return std::nullopt;
}

Result<Period> Period::Of(PeriodType type, int year, int number) {
  std::string why;
  std::optional<Period> p = Build(type, year, number, &why);
  if (!p) return PeriodInvalid(FormatId(type, year, number), why);
  return *p;
}

Result<Period> Period::Day(const Date& d) {
  if (!IsValid(d)) return PeriodInvalid(FormatIso(d), "ngày không có trong lịch");
  return Period(PeriodType::kDaily, d, d);
}

std::optional<Period> Period::Containing(PeriodType type, const Date& d) {
  if (!IsValid(d)) return std::nullopt;
  switch (type) {
    case PeriodType::kDaily: return Period(type, d, d);
    case PeriodType::kWeekly:
      return FromOrdinal(type, FloorDivide(DaysFromCivil(d) - kFirstMondayDays, 7));
    default: break;
  }
  return FromOrdinal(type, (int64_t{d.year} * 12 + d.month - 1) / MonthsPer(type));
}

Result<Period> Period::Parse(std::string_view id) {
  if (id.empty()) return Status::Invalid("period.invalid", "Kỳ báo cáo không được để trống");
  const size_t lead = LeadingDigits(id);
  if (lead == 8 && id.size() == 8) {  // DHIS2 daily form yyyyMMdd
    const Date d{Digits(id.substr(0, 4)), Digits(id.substr(4, 2)), Digits(id.substr(6, 2))};
    if (!IsValid(d)) return PeriodInvalid(id, "ngày không có trong lịch");
    return Period(PeriodType::kDaily, d, d);
  }
  if (lead == 0) return PeriodInvalid(id, kFormatHint);
  if (lead != 4) return PeriodInvalid(id, "năm phải gồm đúng 4 chữ số");
  const int year = Digits(id.substr(0, 4));
  if (year < kMinYear) return PeriodInvalid(id, "năm phải từ 0001 đến 9999");
  if (id.size() == 4) return *FromOrdinal(PeriodType::kYearly, year);

  const char kind = id[4];
  const std::string_view num = id.substr(5);
  std::optional<PeriodType> type;
  int n = -1;
  switch (kind) {
    case 'S': case 's':
      type = PeriodType::kSixMonthly;
      n = num.size() == 1 ? Digits(num) : -1;
      if (n < 1 || n > 2) return PeriodInvalid(id, "6 tháng phải là S1 hoặc S2");
      break;
    case 'Q': case 'q':
      type = PeriodType::kQuarterly;
      n = num.size() == 1 ? Digits(num) : -1;
      if (n < 1 || n > 4) return PeriodInvalid(id, "quý phải từ 1 đến 4");
      break;
    case 'M': case 'm':
      type = PeriodType::kMonthly;
      n = num.size() == 2 ? Digits(num) : -1;
      if (n < 1 || n > 12) return PeriodInvalid(id, "tháng phải gồm 2 chữ số, từ 01 đến 12");
      break;
    case 'W': case 'w':
      type = PeriodType::kWeekly;
      n = num.size() == 2 ? Digits(num) : -1;
      if (n < 1 || n > 53) return PeriodInvalid(id, "tuần phải gồm 2 chữ số, từ 01 đến 52 hoặc 53");
      break;
    case '-': {
      if (id.size() != 10 || id[7] != '-' || Digits(id.substr(5, 2)) < 0 ||
          Digits(id.substr(8, 2)) < 0) {
        return PeriodInvalid(id, "ngày phải có dạng YYYY-MM-DD, ví dụ 2023-05-17");
      }
      const int month = Digits(id.substr(5, 2));
      const int day = Digits(id.substr(8, 2));
      if (month < 1 || month > 12) return PeriodInvalid(id, "tháng phải từ 01 đến 12");
      if (day < 1 || day > DaysInMonth(year, month)) {
        return PeriodInvalid(id, "tháng " + std::to_string(month) + "/" + std::to_string(year) +
                                     " có " + std::to_string(DaysInMonth(year, month)) + " ngày");
      }
      return Period(PeriodType::kDaily, Date{year, month, day}, Date{year, month, day});
    }
    default:
      return PeriodInvalid(id, kFormatHint);
  }
  std::string why;
  std::optional<Period> p = Build(*type, year, n, &why);
  if (!p) return PeriodInvalid(id, why);
  return *p;
}

// ---- accessors ----

int64_t Period::DayCount() const { return DaysFromCivil(end_) - DaysFromCivil(start_) + 1; }

int Period::year() const {
  return type_ == PeriodType::kWeekly ? AddDays(start_, 3).year : start_.year;
}

int Period::number() const {
  switch (type_) {
    case PeriodType::kYearly: return 1;
    case PeriodType::kSixMonthly: return (start_.month - 1) / 6 + 1;
    case PeriodType::kQuarterly: return (start_.month - 1) / 3 + 1;
    case PeriodType::kMonthly: return start_.month;
    case PeriodType::kWeekly: return (DayOfYear(AddDays(start_, 3)) - 1) / 7 + 1;
    case PeriodType::kDaily: return DayOfYear(start_);
  }
  return 1;
}

std::string Period::ToString() const {
  if (type_ == PeriodType::kDaily) return FormatIso(start_);
  return FormatId(type_, year(), number());
}

std::string Period::Label() const {
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  const std::string y = std::to_string(year());
  switch (type_) {
    case PeriodType::kYearly: return "Năm " + y;
    case PeriodType::kSixMonthly:
      return number() == 1 ? "6 tháng đầu năm " + y : "6 tháng cuối năm " + y;
    case PeriodType::kQuarterly: return std::string("Quý ") + kRoman[number() - 1] + "/" + y;
    case PeriodType::kMonthly: return "Tháng " + std::to_string(number()) + "/" + y;
    case PeriodType::kWeekly: return "Tuần " + std::to_string(number()) + "/" + y;
    case PeriodType::kDaily: return FormatVi(start_);
  }
  return ToString();
}

// ---- stepping ----

std::optional<Period> Period::Shift(int64_t n) const {
  // More steps than there are days in years 1..9999 always leave the range; the bound also
  // keeps the ordinal arithmetic far from overflow.
  constexpr int64_t kMaxSteps = int64_t{4} * 1000 * 1000;
  if (n > kMaxSteps || n < -kMaxSteps) return std::nullopt;
  return FromOrdinal(type_, Ordinal() + n);
}

std::optional<Period> Period::Next() const { return Shift(1); }
std::optional<Period> Period::Prev() const { return Shift(-1); }

std::vector<Period> PeriodsWithin(PeriodType type, const Period& outer) {
  std::vector<Period> out;
  if (static_cast<int>(type) < static_cast<int>(outer.type())) return out;
  std::optional<Period> p = Period::Containing(type, outer.start());
  if (p && p->start() < outer.start()) p = p->Next();
  while (p && p->end() <= outer.end()) {
    out.push_back(*p);
    p = p->Next();
  }
  return out;
}

// ---- ranges ----

Result<PeriodRange> PeriodRange::Make(const Period& first, const Period& last) {
  if (first.type() != last.type()) {
    return Status::Invalid("period.range_invalid",
                           "Khoảng kỳ báo cáo không hợp lệ: kỳ đầu '" + first.ToString() +
                               "' và kỳ cuối '" + last.ToString() + "' phải cùng loại kỳ");
  }
  if (last < first) {
    return Status::Invalid("period.range_invalid",
                           "Khoảng kỳ báo cáo không hợp lệ: kỳ đầu '" + first.ToString() +
                               "' đứng sau kỳ cuối '" + last.ToString() + "'");
  }
  return PeriodRange(first, last);
}

Result<PeriodRange> PeriodRange::Parse(std::string_view text) {
  const size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    NQ_ASSIGN_OR_RETURN(Period p, Period::Parse(text));
    return PeriodRange(p, p);
  }
  NQ_ASSIGN_OR_RETURN(Period first, Period::Parse(text.substr(0, dots)));
  NQ_ASSIGN_OR_RETURN(Period last, Period::Parse(text.substr(dots + 2)));
  return Make(first, last);
}

std::string PeriodRange::ToString() const {
  if (first_ == last_) return first_.ToString();
  return first_.ToString() + ".." + last_.ToString();
}

PeriodRange::Iterator& PeriodRange::Iterator::operator++() {
  if (current_ == last_) {
    current_.reset();
  } else {
    current_ = current_->Next();
  }
  return *this;
}

}  // namespace nq
