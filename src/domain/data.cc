#include "domain/data.h"

#include <charconv>
#include <cmath>
#include <set>

#include "common/format.h"
#include "common/time.h"
#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxElementCodeLength = 48;
constexpr int kMaxDeadlineDays = 366;
// Decimal places shown for a value: enough to read back what a person typed.
constexpr int kValueDecimals = 6;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "chỉ tiêu 'Số đảng viên'" (the code when the element has no name).
std::string ElementRef(const DataElement& e) {
  return "chỉ tiêu '" + (e.name.empty() ? e.code : e.name) + "'";
}

std::string Num(double x) { return FormatNumberVi(x, kValueDecimals); }

// The bounds that apply to e's values: percent defaults to 0..100, yes/no is 0..1.
std::optional<double> MinOf(const DataElement& e) {
  if (e.type == ValueType::kPercent && !e.min) return 0.0;
  if (e.type == ValueType::kYesNo) return 0.0;
  return e.min;
}
std::optional<double> MaxOf(const DataElement& e) {
  if (e.type == ValueType::kPercent && !e.max) return 100.0;
  if (e.type == ValueType::kYesNo) return 1.0;
  return e.max;
}

// True when `group` (the digits between separators) is a run of exactly three digits.
bool IsGroupOf3(std::string_view group) {
  return group.size() == 3 && IsDigit(group[0]) && IsDigit(group[1]) && IsDigit(group[2]);
}

// Joins the digit groups of an integer part written with thousands separators `sep`
// ("1.234.567"); false unless the first group has 1..3 digits and no leading zero and the
// others exactly three.
bool UngroupThousands(std::string_view text, char sep, std::string* digits) {
  size_t pos = text.find(sep);
  std::string_view first = text.substr(0, pos);
  if (first.empty() || first.size() > 3 || first[0] == '0') return false;
  for (char c : first) {
    if (!IsDigit(c)) return false;
  }
  *digits = std::string(first);
  while (pos != std::string_view::npos) {
    size_t next = text.find(sep, pos + 1);
    std::string_view group = text.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1);
    if (!IsGroupOf3(group)) return false;
    digits->append(group);
    pos = next;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Reads "1.234,5", "1,234.5", "1234.5", "1234,5", "1.234" (= 1234), "-3"; nullopt otherwise.
// With both separators the last one marks the decimals; a lone comma is a decimal comma; dots
// that group an integer part in threes ("1.234", "12.345.678") are thousands separators, any
// other lone dot is a decimal point ("3.14", "1234.567", "0.125").
std::optional<double> ParseNumberText(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const size_t last_dot = text.rfind('.');
  const size_t last_comma = text.rfind(',');
  std::string int_digits;
  std::string_view frac;
  if (last_dot != std::string_view::npos && last_comma != std::string_view::npos) {
    const bool comma_decimal = last_comma > last_dot;
    const size_t dec = comma_decimal ? last_comma : last_dot;
    if (!UngroupThousands(text.substr(0, dec), comma_decimal ? '.' : ',', &int_digits)) {
      return std::nullopt;
    }
    frac = text.substr(dec + 1);
    if (!AllDigits(frac)) return std::nullopt;
  } else if (last_dot == std::string_view::npos && last_comma == std::string_view::npos) {
    if (!AllDigits(text)) return std::nullopt;
    int_digits = std::string(text);
  } else {
    const char sep = last_dot != std::string_view::npos ? '.' : ',';
    const size_t first = text.find(sep);
    const size_t last = text.rfind(sep);
    const bool grouped = UngroupThousands(text, sep, &int_digits);
    if (first != last) {
      if (!grouped) return std::nullopt;  // "1.2.3": neither groups nor one decimal mark
    } else if (!(grouped && sep == '.')) {
      int_digits = std::string(text.substr(0, first));
      frac = text.substr(first + 1);
      if (!AllDigits(int_digits) || !AllDigits(frac)) return std::nullopt;
    }
  }
  std::string plain = (negative ? "-" : "") + int_digits;
  if (!frac.empty()) plain += "." + std::string(frac);
  double value = 0;
  const auto res = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (res.ec != std::errc() || res.ptr != plain.data() + plain.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

Status NotNumber(const DataElement& e, std::string_view text) {
  return Status::Invalid("value.not_number", "Giá trị của " + ElementRef(e) +
                                                 " phải là một số (ví dụ 1.234,5), không phải '" +
                                                 std::string(text.substr(0, 40)) + "'");
}

Status CheckRange(const DataElement& e, double value) {
  const std::optional<double> lo = MinOf(e);
  const std::optional<double> hi = MaxOf(e);
  if ((!lo || value >= *lo) && (!hi || value <= *hi)) return Status::Ok();
  std::string bounds;
  if (lo && hi) {
    bounds = "phải từ " + Num(*lo) + " đến " + Num(*hi);
  } else if (lo) {
    bounds = "không được nhỏ hơn " + Num(*lo);
  } else {
    bounds = "không được lớn hơn " + Num(*hi);
  }
  return Status::Invalid("value.out_of_range", "Giá trị của " + ElementRef(e) + " " + bounds +
                                                   " (đã nhập " + Num(value) + ")");
}

Status UnknownCategory(const DataElement& e, std::string_view text) {
  std::string list;
  for (const std::string& c : e.categories) list += (list.empty() ? "" : ", ") + c;
  return Status::Invalid("value.unknown_category", "Giá trị '" + std::string(text.substr(0, 40)) +
                                                       "' không có trong danh mục của " +
                                                       ElementRef(e) + " (" + list + ")");
}

}  // namespace

const char* ValueTypeCode(ValueType t) {
  switch (t) {
    case ValueType::kNumber:
      return "number";
    case ValueType::kPercent:
      return "percent";
    case ValueType::kYesNo:
      return "yes_no";
    case ValueType::kCategory:
      return "category";
  }
  return "number";
}

const char* ValueTypeLabel(ValueType t) {
  switch (t) {
    case ValueType::kNumber:
      return "Số";
    case ValueType::kPercent:
      return "Tỷ lệ (%)";
    case ValueType::kYesNo:
      return "Có/Không";
    case ValueType::kCategory:
      return "Danh mục";
  }
  return "";
}

std::optional<ValueType> ParseValueType(std::string_view code) {
  for (ValueType t :
       {ValueType::kNumber, ValueType::kPercent, ValueType::kYesNo, ValueType::kCategory}) {
    if (code == ValueTypeCode(t)) return t;
  }
  return std::nullopt;
}

const char* OrgAggregationCode(OrgAggregation a) {
  switch (a) {
    case OrgAggregation::kSum:
      return "sum";
    case OrgAggregation::kAverage:
      return "average";
    case OrgAggregation::kMin:
      return "min";
    case OrgAggregation::kMax:
      return "max";
    case OrgAggregation::kCount:
      return "count";
  }
  return "sum";
}

std::optional<OrgAggregation> ParseOrgAggregation(std::string_view code) {
  for (OrgAggregation a : {OrgAggregation::kSum, OrgAggregation::kAverage, OrgAggregation::kMin,
                           OrgAggregation::kMax, OrgAggregation::kCount}) {
    if (code == OrgAggregationCode(a)) return a;
  }
  return std::nullopt;
}

const char* TimeAggregationCode(TimeAggregation a) {
  switch (a) {
    case TimeAggregation::kSum:
      return "sum";
    case TimeAggregation::kLast:
      return "last";
    case TimeAggregation::kAverage:
      return "average";
  }
  return "sum";
}

std::optional<TimeAggregation> ParseTimeAggregation(std::string_view code) {
  for (TimeAggregation a :
       {TimeAggregation::kSum, TimeAggregation::kLast, TimeAggregation::kAverage}) {
    if (code == TimeAggregationCode(a)) return a;
  }
  return std::nullopt;
}

bool IsValidElementCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxElementCodeLength) return false;
  if (code[0] < 'a' || code[0] > 'z') return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || IsDigit(c) || c == '_')) return false;
  }
  return true;
}

Status ValidateDataElement(const DataElement& e) {
  if (!IsValidElementCode(e.code)) {
    return Status::Invalid("element.code_invalid",
                           "Mã chỉ tiêu '" + e.code.substr(0, 60) +
                               "' không hợp lệ: mã bắt đầu bằng chữ thường không dấu, chỉ gồm chữ "
                               "thường không dấu, chữ số và dấu gạch dưới, tối đa 48 ký tự");
  }
  if (Trim(e.name).empty()) {
    return Status::Invalid("element.name_required", "Tên chỉ tiêu không được để trống");
  }
  for (const std::optional<double>& b : {e.min, e.max}) {
    if (b && !std::isfinite(*b)) {
      return Status::Invalid("element.range_invalid",
                             "Giới hạn giá trị của chỉ tiêu '" + e.code + "' phải là số");
    }
  }
  if (e.type == ValueType::kYesNo && ((e.min && *e.min != 0) || (e.max && *e.max != 1))) {
    return Status::Invalid("element.range_invalid",
                           "Chỉ tiêu Có/Không '" + e.code + "' chỉ nhận giá trị từ 0 đến 1");
  }
  const std::optional<double> lo = MinOf(e);
  const std::optional<double> hi = MaxOf(e);
  if (lo && hi && *lo > *hi) {
    return Status::Invalid("element.range_invalid",
                           "Giá trị nhỏ nhất (" + Num(*lo) + ") của chỉ tiêu '" + e.code +
                               "' lớn hơn giá trị lớn nhất (" + Num(*hi) + ")");
  }
  if (e.type != ValueType::kCategory) {
    if (!e.categories.empty()) {
      return Status::Invalid("element.categories_invalid",
                             "Chỉ tiêu '" + e.code +
                                 "' không thuộc loại danh mục nên không có "
                                 "danh sách giá trị");
    }
    return Status::Ok();
  }
  if (e.categories.empty()) {
    return Status::Invalid("element.categories_invalid",
                           "Chỉ tiêu danh mục '" + e.code + "' cần ít nhất một giá trị");
  }
  std::set<std::string> seen;
  for (const std::string& c : e.categories) {
    if (Trim(c).empty()) {
      return Status::Invalid("element.categories_invalid",
                             "Danh mục của chỉ tiêu '" + e.code + "' có giá trị để trống");
    }
    if (!seen.insert(AsciiLower(c)).second) {
      return Status::Invalid("element.categories_invalid", "Danh mục của chỉ tiêu '" + e.code +
                                                               "' có giá trị lặp lại: '" + c + "'");
    }
  }
  return Status::Ok();
}

Result<double> ParseValue(const DataElement& e, std::string_view text) {
  const std::string_view input = Trim(text);
  switch (e.type) {
    case ValueType::kYesNo: {
      const std::string folded = FoldForSearch(input);
      for (const char* yes : {"co", "yes", "1", "true"}) {
        if (folded == yes) return 1.0;
      }
      for (const char* no : {"khong", "no", "0", "false"}) {
        if (folded == no) return 0.0;
      }
      return Status::Invalid("value.not_yes_no", "Giá trị của " + ElementRef(e) +
                                                     " phải là 'Có' hoặc 'Không', không phải '" +
                                                     std::string(input.substr(0, 40)) + "'");
    }
    case ValueType::kCategory: {
      // Exact code first, then ignoring case, then ignoring case and diacritics; a match
      // must be unique to count.
      for (size_t i = 0; i < e.categories.size(); ++i) {
        if (e.categories[i] == input) return static_cast<double>(i);
      }
      for (bool fold : {false, true}) {
        const std::string want = fold ? FoldForSearch(input) : AsciiLower(input);
        std::optional<size_t> found;
        int matches = 0;
        for (size_t i = 0; i < e.categories.size(); ++i) {
          const std::string have =
              fold ? FoldForSearch(e.categories[i]) : AsciiLower(e.categories[i]);
          if (have == want) {
            found = i;
            ++matches;
          }
        }
        if (matches == 1) return static_cast<double>(*found);
      }
      return UnknownCategory(e, input);
    }
    case ValueType::kNumber:
    case ValueType::kPercent:
      break;
  }
  std::string_view number = input;
  if (e.type == ValueType::kPercent && !number.empty() && number.back() == '%') {
    number = Trim(number.substr(0, number.size() - 1));
  }
  const std::optional<double> value = ParseNumberText(number);
  if (!value) return NotNumber(e, input);
  NQ_RETURN_IF_ERROR(CheckRange(e, *value));
  return *value;
}

Status CheckValue(const DataElement& e, double value) {
  if (!std::isfinite(value)) {
    return Status::Invalid("value.not_number",
                           "Giá trị của " + ElementRef(e) + " không phải là một số hợp lệ");
  }
  switch (e.type) {
    case ValueType::kYesNo:
      if (value != 0 && value != 1) {
        return Status::Invalid("value.not_yes_no", "Giá trị của " + ElementRef(e) +
                                                       " phải là 1 (có) hoặc 0 (không), không "
                                                       "phải " +
                                                       Num(value));
      }
      return Status::Ok();
    case ValueType::kCategory:
      if (value != std::floor(value)) {
        return Status::Invalid("value.not_category", "Giá trị của " + ElementRef(e) +
                                                         " phải là số thứ tự của một mục trong "
                                                         "danh mục, không phải " +
                                                         Num(value));
      }
      if (value < 0 || value >= static_cast<double>(e.categories.size())) {
        return UnknownCategory(e, Num(value));
      }
      return Status::Ok();
    case ValueType::kNumber:
    case ValueType::kPercent:
      break;
  }
  return CheckRange(e, value);
}

std::string FormatValue(const DataElement& e, double value) {
  switch (e.type) {
    case ValueType::kYesNo:
      return value != 0 ? "Có" : "Không";
    case ValueType::kCategory:
      if (value >= 0 && value == std::floor(value) &&
          value < static_cast<double>(e.categories.size())) {
        return e.categories[static_cast<size_t>(value)];
      }
      return Num(value);
    case ValueType::kNumber:
    case ValueType::kPercent:
      break;
  }
  return Num(value);
}

Status ValidateDataSet(const DataSet& s) {
  if (!IsValidOrgCode(s.code)) {
    return Status::Invalid("dataset.code_invalid",
                           "Mã biểu mẫu '" + s.code.substr(0, 60) +
                               "' không hợp lệ: từ 1 đến 32 ký tự gồm chữ không dấu, chữ số và "
                               "các dấu . _ -");
  }
  if (Trim(s.name).empty()) {
    return Status::Invalid("dataset.name_required", "Tên biểu mẫu không được để trống");
  }
  if (s.element_ids.empty()) {
    return Status::Invalid("dataset.elements_invalid",
                           "Biểu mẫu '" + s.code + "' cần ít nhất một chỉ tiêu");
  }
  std::set<int64_t> elements;
  for (int64_t id : s.element_ids) {
    if (!elements.insert(id).second) {
      return Status::Invalid(
          "dataset.elements_invalid",
          "Biểu mẫu '" + s.code + "' có chỉ tiêu lặp lại (mã số " + std::to_string(id) + ")");
    }
  }
  if (s.reporting_kinds.empty()) {
    return Status::Invalid("dataset.kinds_invalid",
                           "Biểu mẫu '" + s.code + "' cần ít nhất một loại tổ chức báo cáo");
  }
  if (s.deadline_days < 0 || s.deadline_days > kMaxDeadlineDays) {
    return Status::Invalid(
        "dataset.deadline_invalid",
        "Hạn báo cáo của biểu mẫu '" + s.code + "' phải từ 0 đến 366 ngày sau khi hết kỳ");
  }
  std::set<std::string> codes;
  for (const ValidationRule& r : s.rules) {
    if (Trim(r.code).empty() || Trim(r.condition).empty() || Trim(r.message).empty()) {
      return Status::Invalid("dataset.rule_invalid",
                             "Quy tắc kiểm tra của biểu mẫu '" + s.code +
                                 "' phải có mã, điều kiện và thông báo" +
                                 (r.code.empty() ? "" : " (quy tắc '" + r.code + "')"));
    }
    if (!codes.insert(r.code).second) {
      return Status::Invalid(
          "dataset.rule_invalid",
          "Biểu mẫu '" + s.code + "' có mã quy tắc kiểm tra lặp lại: '" + r.code + "'");
    }
  }
  return Status::Ok();
}

Date DueDate(const DataSet& s, const Period& period) {
  return AddDays(period.end(), s.deadline_days);
}

bool Reports(const DataSet& s, const Organization& org, const Period& period) {
  bool kind = false;
  for (OrgKind k : s.reporting_kinds) kind = kind || k == org.kind;
  if (!kind) return false;
  // Open on at least one day of the period.
  return org.valid_from <= period.end() && (!org.valid_to || period.start() <= *org.valid_to);
}

const char* ReportStateCode(ReportState s) {
  switch (s) {
    case ReportState::kDraft:
      return "draft";
    case ReportState::kSubmitted:
      return "submitted";
    case ReportState::kApproved:
      return "approved";
  }
  return "draft";
}

const char* ReportStateLabel(ReportState s) {
  switch (s) {
    case ReportState::kDraft:
      return "Đang nhập";
    case ReportState::kSubmitted:
      return "Đã gửi";
    case ReportState::kApproved:
      return "Đã duyệt";
  }
  return "";
}

std::optional<ReportState> ParseReportState(std::string_view code) {
  for (ReportState s : {ReportState::kDraft, ReportState::kSubmitted, ReportState::kApproved}) {
    if (code == ReportStateCode(s)) return s;
  }
  return std::nullopt;
}

const char* TimelinessCode(Timeliness t) {
  switch (t) {
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      return "late";
    case Timeliness::kMissing:
      return "missing";
    case Timeliness::kNotDue:
      return "not_due";
  }
  return "missing";
}

const char* TimelinessLabel(Timeliness t) {
  switch (t) {
    case Timeliness::kOnTime:
      return "Đúng hạn";
    case Timeliness::kLate:
      return "Trễ hạn";
    case Timeliness::kMissing:
      return "Chưa báo cáo";
    case Timeliness::kNotDue:
      return "Chưa đến hạn";
  }
  return "";
}

Timeliness TimelinessOf(const DataSet& s, const Period& period, const Report* report,
                        const Date& as_of) {
  const Date due = DueDate(s, period);
  // A report sent back for correction (draft again) counts as not sent until sent again.
  if (report != nullptr && report->state != ReportState::kDraft) {
    // Without a submission time, the approval time stands for it; a report marked sent with
    // neither (loaded from elsewhere) cannot be shown as late.
    const int64_t at = report->submitted_at != 0 ? report->submitted_at : report->approved_at;
    if (at == 0) return Timeliness::kOnTime;
    return DateInVietnam(at) <= due ? Timeliness::kOnTime : Timeliness::kLate;
  }
  return as_of > due ? Timeliness::kMissing : Timeliness::kNotDue;
}

}  // namespace nq
