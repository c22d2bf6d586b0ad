#include "analytics/assessment.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/format.h"

namespace nq::analytics {

const char* TargetStatusCode(TargetStatus s) {
  switch (s) {
    case TargetStatus::kExceeded: return "exceeded";
    case TargetStatus::kMet: return "met";
    case TargetStatus::kOnTrack: return "on_track";
    case TargetStatus::kBehind: return "behind";
    case TargetStatus::kAtRisk: return "at_risk";
    case TargetStatus::kNotMet: return "not_met";
    case TargetStatus::kPending: return "pending";
    case TargetStatus::kNoData: return "no_data";
  }
  return "";
}

const char* TargetStatusLabel(TargetStatus s) {
  switch (s) {
    case TargetStatus::kExceeded: return "VƯỢT";
    case TargetStatus::kMet: return "ĐẠT";
    case TargetStatus::kOnTrack: return "ĐÚNG TIẾN ĐỘ";
    case TargetStatus::kBehind: return "CHẬM";
    case TargetStatus::kAtRisk: return "KHÓ ĐẠT";
    case TargetStatus::kNotMet: return "KHÔNG ĐẠT";
    case TargetStatus::kPending: return "CHỜ ĐÁNH GIÁ";
    case TargetStatus::kNoData: return "CHƯA CÓ SỐ LIỆU";
  }
  return "";
}

const char* TargetStatusColour(TargetStatus s) {
  switch (s) {
    case TargetStatus::kExceeded:
    case TargetStatus::kMet: return "success";
    case TargetStatus::kOnTrack: return "primary";
    case TargetStatus::kBehind: return "warning";
    case TargetStatus::kAtRisk: return "orange";  // a forecast: between behind and not met
    case TargetStatus::kNotMet: return "danger";
    case TargetStatus::kPending:
    case TargetStatus::kNoData: return "secondary";
  }
  return "secondary";
}

bool CountsAsDone(TargetStatus s, bool final, const AssessmentConfig& config) {
  if (s == TargetStatus::kExceeded || s == TargetStatus::kMet) return true;
  return !final && config.mid_term_counts_on_track && s == TargetStatus::kOnTrack;
}

namespace {

// The words that close an explanation (the status in lower case).
const char* Verdict(TargetStatus s) {
  switch (s) {
    case TargetStatus::kExceeded: return "vượt";
    case TargetStatus::kMet: return "đạt";
    case TargetStatus::kOnTrack: return "đúng tiến độ";
    case TargetStatus::kBehind: return "chậm";
    case TargetStatus::kAtRisk: return "khó đạt";
    case TargetStatus::kNotMet: return "không đạt";
    case TargetStatus::kPending: return "chờ đánh giá";
    case TargetStatus::kNoData: return "chưa có số liệu";
  }
  return "";
}

// Comparisons that forgive the rounding of sums and ratios (a relative 1e-9).
constexpr double kEps = 1e-9;
bool Ge(double a, double b) { return a >= b - kEps * std::max(1.0, std::fabs(b)); }
bool Le(double a, double b) { return a <= b + kEps * std::max(1.0, std::fabs(b)); }

double Fraction(const Date& start, const Date& end, const Date& at) {
  const auto span = static_cast<double>(DaysFromCivil(end) - DaysFromCivil(start));
  if (span <= 0) return at >= end ? 1.0 : 0.0;
  const auto done = static_cast<double>(DaysFromCivil(at) - DaysFromCivil(start));
  return std::clamp(done / span, 0.0, 1.0);
}

// A percentage with exactly one decimal: 56 -> "56,0%".
std::string Pct(double percent) {
  std::string s = FormatNumberVi(percent, 1);
  if (s.find(',') == std::string::npos && s != "—") s += ",0";
  return s + "%";
}

// Stands for "no such year" where a year is looked up (never read for a value).
const YearPoint kNoYear{};

// Everything one assessment needs: the input, the target as compared, and the wording.
class Judge {
 public:
  Judge(const TargetInput& in, const AssessmentConfig& config) : in_(in), config_(config) {
    const Target& t = in.target;
    cmp_ = t.comparator;
    low_ = in.target_value.value_or(t.value);
    if (cmp_ == Comparator::kRange) high_ = t.value_high.value_or(low_);
    percent_ = t.unit == "%";
    const bool whole = std::fabs(low_ - std::round(low_)) < kEps && std::fabs(low_) >= 10;
    decimals_ = !percent_ && whole ? 0 : 2;
    f_ = Fraction(in.term_start, in.term_end, in.as_of);
    final_ = in.as_of >= in.term_end;
  }

  TargetAssessment Run();

 private:
  // --- the comparison -----------------------------------------------------------------------
  bool Meets(double a, double target) const {
    switch (cmp_) {
      case Comparator::kAtMost: return Le(a, target);
      case Comparator::kYesNo: return target == 0 ? a < 0.5 : a >= 0.5;
      case Comparator::kAtLeast:
      case Comparator::kRange: return Ge(a, target);
    }
    return false;
  }
  bool Exceeds(double a, double target) const {
    const double m = config_.exceed_margin;
    switch (cmp_) {
      case Comparator::kAtLeast:
        return target > 0 && !(percent_ && target == 100) && Ge(a, target * (1 + m));
      case Comparator::kAtMost: return target > 0 && Le(a, target * (1 - m));
      case Comparator::kRange: return high_ && a > *high_ && !Le(a, *high_);
      case Comparator::kYesNo: return false;
    }
    return false;
  }
  std::optional<double> Ratio(double a, double target) const {
    switch (cmp_) {
      case Comparator::kAtMost: return a > 0 ? std::optional(target / a * 100) : 100.0;
      case Comparator::kYesNo: return (target == 0 ? 1 - a : a) * 100;
      case Comparator::kAtLeast:
      case Comparator::kRange:
        if (target == 0) return std::nullopt;
        return a / target * 100;
    }
    return std::nullopt;
  }
  TargetStatus MetStatus(double a, double target) const {
    return Exceeds(a, target) ? TargetStatus::kExceeded : TargetStatus::kMet;
  }
  // CHẬM or KHÓ ĐẠT for a projection (or a mean) that falls short of the target.
  TargetStatus ShortStatus(double projection, double target) const {
    const double floor = config_.behind_floor;
    const bool behind = cmp_ == Comparator::kAtMost ? floor > 0 && Le(projection, target / floor)
                                                    : Ge(projection, target * floor);
    return behind ? TargetStatus::kBehind : TargetStatus::kAtRisk;
  }
  // A year counts as closed when the caller says so, or when the whole term is over.
  bool Closed(const YearPoint& y) const { return y.closed || final_; }
  std::optional<double> Clamp(std::optional<double> v) const {
    if (!v) return v;
    double x = *v;
    if (percent_) x = std::clamp(x, 0.0, 100.0);
    if (in_.max_value) x = std::min(x, *in_.max_value);
    return x;
  }

  // --- the wording --------------------------------------------------------------------------
  // Reported values and targets with up to two decimals; computed ones (expected, projection)
  // as whole numbers for a count ("1.536 đảng viên"), with two decimals otherwise.
  static std::string Num(double x) { return FormatNumberVi(x, 2); }
  std::string Calc(double x) const { return FormatNumberVi(x, decimals_); }
  std::string WithUnit(const std::string& n) const {
    const std::string& unit = in_.target.unit;
    if (unit.empty()) return n;
    return unit == "%" ? n + "%" : n + " " + unit;
  }
  std::string Val(double x) const { return WithUnit(Num(x)); }
  std::string CalcVal(double x) const { return WithUnit(Calc(x)); }
  // "từ 90% trở lên", "không quá 1%", "từ 7 đến 7,5%"; empty for yes/no.
  std::string Phrase(double target) const {
    switch (cmp_) {
      case Comparator::kAtLeast: return "từ " + Val(target) + " trở lên";
      case Comparator::kAtMost: return "không quá " + Val(target);
      case Comparator::kRange: return "từ " + Num(target) + " đến " + Val(high_.value_or(target));
      case Comparator::kYesNo: return "";
    }
    return "";
  }
  // "chỉ tiêu cuối nhiệm kỳ từ 90% trở lên" (what = "cuối nhiệm kỳ"); yes/no: "chỉ tiêu cuối
  // nhiệm kỳ".
  std::string Goal(const std::string& what, double target) const {
    const std::string p = Phrase(target);
    return "chỉ tiêu " + what + (p.empty() ? "" : " " + p);
  }
  // How a value reads: "đạt 92,5%", "là 1,2%" (at most), "đạt yêu cầu" (yes/no).
  std::string Reading(double v, double target) const {
    if (cmp_ == Comparator::kYesNo) return Meets(v, target) ? "đạt yêu cầu" : "chưa đạt yêu cầu";
    return (cmp_ == Comparator::kAtMost ? "là " : "đạt ") + Val(v);
  }
  // "thấp hơn chỉ tiêu 90%", "cao hơn mức tối đa 1%", "thấp hơn chỉ tiêu từ 7 đến 7,5%".
  std::string Shortfall(std::optional<double> target) const {
    std::string s;
    switch (cmp_) {
      case Comparator::kAtMost: s = "cao hơn mức tối đa"; break;
      case Comparator::kYesNo: s = "không đạt yêu cầu"; break;
      case Comparator::kRange:
      case Comparator::kAtLeast: s = "thấp hơn chỉ tiêu"; break;
    }
    if (!target || cmp_ == Comparator::kYesNo) return s;
    if (cmp_ == Comparator::kRange) return s + " " + Phrase(*target);
    return s + " " + Val(*target);
  }
  void Finish(TargetAssessment* out, TargetStatus s, const std::string& body) const {
    out->status = s;
    out->explanation = body + (out->estimate ? " (ước đạt)" : "") + ": " + Verdict(s) + ".";
  }

  // --- the kinds ----------------------------------------------------------------------------
  void EndLevel(TargetAssessment* out) const;
  void Cumulative(TargetAssessment* out) const;
  void EveryYear(TargetAssessment* out) const;
  void Average(TargetAssessment* out) const;
  std::optional<double> Trend(std::optional<double> baseline) const;

  const TargetInput& in_;
  const AssessmentConfig& config_;
  Comparator cmp_ = Comparator::kAtLeast;
  double low_ = 0;
  std::optional<double> high_;
  bool percent_ = false;
  int decimals_ = 2;
  double f_ = 0;
  bool final_ = false;
};

TargetAssessment Judge::Run() {
  TargetAssessment out;
  out.target_value = low_;
  out.target_high = high_;
  out.elapsed = f_;
  out.final = final_;
  const bool any_value =
      std::any_of(in_.years.begin(), in_.years.end(), [](const YearPoint& y) { return y.value; });
  if (!any_value) {
    const bool any_closed = std::any_of(in_.years.begin(), in_.years.end(),
                                        [this](const YearPoint& y) { return Closed(y); });
    const bool yearly = in_.pending_until_year_end || in_.target.kind == TargetKind::kEveryYear;
    if (yearly && !any_closed) {
      Finish(&out, TargetStatus::kPending,
             "Chưa có năm nào của nhiệm kỳ kết thúc và chưa có số liệu đến ngày " +
                 FormatVi(in_.as_of));
    } else {
      out.status = TargetStatus::kNoData;
      out.explanation = "Chưa có số liệu báo cáo đến ngày " + FormatVi(in_.as_of) + ".";
    }
    return out;
  }
  switch (in_.target.kind) {
    case TargetKind::kEndLevel: EndLevel(&out); break;
    case TargetKind::kCumulative: Cumulative(&out); break;
    case TargetKind::kEveryYear: EveryYear(&out); break;
    case TargetKind::kAverage: Average(&out); break;
  }
  return out;
}

// Least squares over the years with a value, extrapolated to the term's last year; with one
// value, the line from the baseline (placed at the year before the first) through it.
std::optional<double> Judge::Trend(std::optional<double> baseline) const {
  std::vector<std::pair<double, double>> pts;
  for (const YearPoint& y : in_.years) {
    if (y.value) pts.emplace_back(y.year, *y.value);
  }
  if (pts.empty()) return std::nullopt;
  const double last = in_.years.back().year;
  if (pts.size() == 1) {
    const double v = pts[0].second;
    if (!baseline) return Clamp(v);
    const double x0 = in_.years.front().year - 1;
    return Clamp(*baseline + (v - *baseline) * (last - x0) / (pts[0].first - x0));
  }
  double mx = 0, my = 0;
  for (const auto& [x, y] : pts) {
    mx += x;
    my += y;
  }
  mx /= static_cast<double>(pts.size());
  my /= static_cast<double>(pts.size());
  double sxy = 0, sxx = 0;
  for (const auto& [x, y] : pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  return Clamp(my + sxy / sxx * (last - mx));
}

void Judge::EndLevel(TargetAssessment* out) const {
  const YearPoint* latest = &kNoYear;
  const YearPoint* first = &kNoYear;
  bool any_estimate = false;
  for (const YearPoint& y : in_.years) {
    if (!y.value) continue;
    if (first == &kNoYear) first = &y;
    latest = &y;
    any_estimate = any_estimate || y.estimate;
  }
  const double a = latest->value.value_or(0);
  const std::string year = "Năm " + std::to_string(latest->year) + " ";
  out->actual = a;
  out->ratio = Ratio(a, low_);
  const std::optional<double> baseline =
      in_.target.baseline ? in_.target.baseline : first->value;
  if (cmp_ != Comparator::kYesNo) {
    out->expected = final_ ? low_ : *baseline + (low_ - *baseline) * f_;
    out->projection = Trend(in_.target.baseline);
  }
  if (cmp_ == Comparator::kYesNo) {
    // A yes/no goal has no path to project: not reached yet is behind, and not met at the end.
    const bool met = Meets(a, low_);
    out->estimate = latest->estimate;
    const TargetStatus s = met ? TargetStatus::kMet
                           : final_ ? TargetStatus::kNotMet : TargetStatus::kBehind;
    Finish(out, s, year + (met ? "đạt" : "chưa đạt") + " yêu cầu cuối nhiệm kỳ" +
                       (met ? (final_ ? "" : " trước thời hạn")
                            : (final_ ? "" : " sau " + Pct(f_ * 100) + " thời gian nhiệm kỳ")));
    return;
  }
  if (Meets(a, low_)) {
    out->estimate = latest->estimate;
    const TargetStatus s = MetStatus(a, low_);
    const std::string verb = s == TargetStatus::kExceeded ? "vượt " : "đạt ";
    Finish(out, s, year + Reading(a, low_) + ", " + verb + Goal("cuối nhiệm kỳ", low_) +
                       (final_ ? "" : " trước thời hạn"));
    return;
  }
  out->estimate = final_ ? latest->estimate : any_estimate;
  if (final_) {
    Finish(out, TargetStatus::kNotMet,
           year + Reading(a, low_) + ", chưa đạt " + Goal("cuối nhiệm kỳ", low_));
    return;
  }
  const double expected = *out->expected;
  const double projection = *out->projection;
  const bool on_track = cmp_ == Comparator::kAtMost
                            ? Le(a, expected) || Le(projection, low_)
                            : Ge(a, expected) || Ge(projection, low_);
  const TargetStatus s = on_track ? TargetStatus::kOnTrack : ShortStatus(projection, low_);
  Finish(out, s,
         year + Reading(a, low_) + ", tiến độ dự kiến đến ngày " + FormatVi(in_.as_of) + " là " +
             CalcVal(expected) + "; dự báo cuối nhiệm kỳ " +
             (cmp_ == Comparator::kAtMost ? "là " : "đạt ") + CalcVal(projection) + " so với " +
             Goal("cuối nhiệm kỳ", low_));
}

void Judge::Cumulative(TargetAssessment* out) const {
  double a = 0;
  int last_year = in_.term_start.year;  // the last year with a value
  for (const YearPoint& y : in_.years) {
    if (!y.value) continue;
    a += *y.value;
    last_year = y.year;
    out->estimate = out->estimate || y.estimate;
  }
  const Date year_end{last_year, 12, 31};
  const double covered =
      Fraction(in_.term_start, in_.term_end, std::min({year_end, in_.as_of, in_.term_end}));
  out->actual = a;
  out->ratio = Ratio(a, low_);
  out->expected = low_ * f_;
  if (covered > 0) out->projection = a / covered;
  const std::string elapsed = " sau " + Pct(f_ * 100) + " thời gian nhiệm kỳ";

  if (cmp_ == Comparator::kAtMost) {
    const std::string head = final_ ? "Lũy kế cả nhiệm kỳ " + Val(a) : "Lũy kế " + Val(a);
    if (!Le(a, low_)) {
      Finish(out, TargetStatus::kNotMet,
             head + (final_ ? "" : elapsed) + ", đã vượt mức tối đa " + Val(low_) +
                 " của cả nhiệm kỳ");
    } else if (final_) {
      Finish(out, MetStatus(a, low_), head + ", không quá mức tối đa " + Val(low_));
    } else {
      const double p = out->projection.value_or(a);
      const TargetStatus s = Le(p, low_) ? TargetStatus::kOnTrack : ShortStatus(p, low_);
      Finish(out, s,
             head + elapsed + ", tiến độ dự kiến " + Calc(*out->expected) +
                 "; dự báo cuối nhiệm kỳ " + CalcVal(p) + " so với mức tối đa " + Val(low_));
    }
    return;
  }

  // at least, range (judged by its low end, exceeded above its high end), yes/no (as at least)
  std::string frac = Num(a) + "/" + (cmp_ == Comparator::kRange
                                         ? Num(low_) + "–" + Val(*high_)
                                         : Val(low_));
  if (out->ratio) frac += " (" + Pct(*out->ratio) + ")";
  if (Meets(a, low_)) {
    const TargetStatus s = MetStatus(a, low_);
    const std::string verb = s == TargetStatus::kExceeded ? ", đã vượt " : ", đã đạt ";
    Finish(out, s,
           (final_ ? "Lũy kế cả nhiệm kỳ đạt " + frac : "Lũy kế đạt " + frac + elapsed) + verb +
               "chỉ tiêu cả nhiệm kỳ");
    return;
  }
  if (final_) {
    Finish(out, TargetStatus::kNotMet, "Lũy kế cả nhiệm kỳ đạt " + frac + ", chưa đạt chỉ tiêu");
    return;
  }
  const double p = out->projection.value_or(a);
  const bool on_track = Ge(a, *out->expected) || Ge(p, low_);
  const TargetStatus s = on_track ? TargetStatus::kOnTrack : ShortStatus(p, low_);
  std::string forecast = Calc(p);
  if (low_ != 0) forecast += " (" + Pct(p / low_ * 100) + ")";
  Finish(out, s,
         "Lũy kế đạt " + frac + elapsed + ", tiến độ dự kiến " + Calc(*out->expected) +
             "; dự báo cuối nhiệm kỳ đạt " + forecast);
}

void Judge::EveryYear(TargetAssessment* out) const {
  bool per_year = false;
  for (const YearPoint& y : in_.years) per_year = per_year || y.target.has_value();
  auto target_of = [&](const YearPoint& y) { return y.target.value_or(low_); };
  // "năm 2022 đạt 88,5%" and, with yearly targets, " (chỉ tiêu 36 đảng viên)".
  auto item = [&](const YearPoint& y, bool capital) {
    std::string s = (capital ? "Năm " : "năm ") + std::to_string(y.year) + " " +
                    Reading(*y.value, target_of(y));
    if (per_year && cmp_ != Comparator::kYesNo) s += " (chỉ tiêu " + Val(target_of(y)) + ")";
    return s;
  };
  const std::string scope = per_year ? "của năm" : "hằng năm";

  std::vector<const YearPoint*> closed, missed;
  const YearPoint* open = &kNoYear;
  for (const YearPoint& y : in_.years) {
    if (!y.value) continue;
    if (Closed(y)) {
      closed.push_back(&y);
      if (!Meets(*y.value, target_of(y))) missed.push_back(&y);
    } else {
      open = &y;
    }
  }
  const YearPoint* basis = closed.empty() ? open : closed.back();
  const double a = basis->value.value_or(0);
  out->actual = a;
  out->expected = target_of(*basis);
  out->ratio = Ratio(a, target_of(*basis));

  // "đạt chỉ tiêu từ 90% trở lên hằng năm"; with yearly targets "đạt chỉ tiêu của năm".
  auto tail = [&](const std::string& verb) {
    const std::string p = per_year ? "" : Phrase(low_);
    return verb + "chỉ tiêu " + (p.empty() ? scope : p + " " + scope);
  };

  if (!missed.empty()) {
    std::string body;
    for (const YearPoint* y : missed) {
      body += (body.empty() ? "" : ", ") + item(*y, body.empty());
      out->estimate = out->estimate || y->estimate;
    }
    if (cmp_ == Comparator::kYesNo) {
      body += " " + scope;
    } else {
      body += ", " + Shortfall(per_year ? std::nullopt : std::optional(low_)) + " " + scope;
    }
    Finish(out, TargetStatus::kNotMet, body);
    return;
  }

  if (!closed.empty()) {
    std::string body;
    bool all_exceeded = true;
    for (const YearPoint* y : closed) {
      body += (body.empty() ? "" : ", ") + item(*y, body.empty());
      all_exceeded = all_exceeded && Exceeds(*y->value, target_of(*y));
      out->estimate = out->estimate || y->estimate;
    }
    const std::string each = closed.size() > 1 ? ", đều " : ", ";
    const TargetStatus s = all_exceeded ? TargetStatus::kExceeded : TargetStatus::kMet;
    body += each + tail(all_exceeded ? "vượt " : "đạt ");
    if (!final_ && open->value && !Meets(*open->value, target_of(*open))) {
      out->estimate = out->estimate || open->estimate;
      body += "; năm " + std::to_string(open->year) + " tạm tính " +
              Reading(*open->value, target_of(*open));
      if (cmp_ != Comparator::kYesNo) body += ", " + Shortfall(std::nullopt);
      Finish(out, TargetStatus::kAtRisk, body);
      return;
    }
    Finish(out, s, body);
    return;
  }

  // Only the open year has a value: it decides provisionally.
  out->estimate = open->estimate;
  const bool meets = Meets(a, target_of(*open));
  std::string body = "Năm " + std::to_string(open->year) + " tạm tính " +
                     Reading(a, target_of(*open));
  if (per_year && cmp_ != Comparator::kYesNo) body += " (chỉ tiêu " + Val(target_of(*open)) + ")";
  if (meets) {
    body += ", " + tail("đạt ");
  } else if (cmp_ != Comparator::kYesNo) {
    body += ", " + Shortfall(per_year ? std::nullopt : std::optional(low_)) + " " + scope;
  }
  Finish(out, meets ? TargetStatus::kOnTrack : TargetStatus::kAtRisk, body);
}

void Judge::Average(TargetAssessment* out) const {
  std::vector<const YearPoint*> used;
  for (const YearPoint& y : in_.years) {
    if (y.value && Closed(y)) used.push_back(&y);
  }
  const bool provisional = used.empty();
  if (provisional) {
    for (const YearPoint& y : in_.years) {
      if (y.value) used.assign(1, &y);  // the latest open year with a value
    }
  }
  double sum = 0;
  std::string list;
  for (const YearPoint* y : used) {
    sum += *y->value;
    list += (list.empty() ? "" : ", ") + std::to_string(y->year);
    out->estimate = out->estimate || y->estimate;
  }
  const auto k = static_cast<double>(used.size());
  const double mean = sum / k;
  out->actual = mean;
  out->expected = low_;
  out->projection = mean;
  out->ratio = Ratio(mean, low_);
  std::string body = provisional ? "Năm " + list + " tạm tính đạt " + Val(mean)
                     : used.size() == 1 ? "Năm " + list + " đạt " + Val(mean)
                                        : "Bình quân các năm " + list + " đạt " + Val(mean);
  if (Meets(mean, low_)) {
    const TargetStatus s = MetStatus(mean, low_);
    Finish(out, s, body + ", " + (s == TargetStatus::kExceeded ? "vượt " : "đạt ") +
                       Goal("bình quân", low_));
    return;
  }
  body += ", chưa đạt " + Goal("bình quân", low_);
  // The years still to come: those after the last closed one (the open year included).
  int remaining = 0;
  for (const YearPoint& y : in_.years) remaining += Closed(y) ? 0 : 1;
  if (final_ || remaining == 0) {
    Finish(out, TargetStatus::kNotMet, body);
    return;
  }
  const double closed_sum = provisional ? 0 : sum;
  const double closed_k = provisional ? 0 : k;
  const double needed = (low_ * (closed_k + remaining) - closed_sum) / remaining;
  bool impossible = false;
  if (cmp_ == Comparator::kAtMost) {
    impossible = percent_ && needed < 0;
  } else {
    impossible = (percent_ && needed > 100) || (in_.max_value && needed > *in_.max_value);
  }
  body += "; " + std::to_string(remaining) + " năm còn lại cần bình quân " + CalcVal(needed);
  if (impossible) {
    Finish(out, TargetStatus::kNotMet, body + ", không thể đạt được");
    return;
  }
  Finish(out, ShortStatus(mean, low_), body);
}

}  // namespace

TargetAssessment AssessTarget(const TargetInput& in, const AssessmentConfig& config) {
  return Judge(in, config).Run();
}

}  // namespace nq::analytics
