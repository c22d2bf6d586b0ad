// Chỉ tiêu báo cáo (DataElement), biểu mẫu báo cáo (DataSet), số liệu (DataValue) and the
// approval of a report (ReportState) — the reported side of the resolution, as in DHIS2.
// See DESIGN.md "Domain model" and GLOSSARY.md.
//
// A value is always held as a number: a number or percent as itself, yes/no as 1/0, a category
// as the 0-based index of the category in DataElement::categories. ParseValue/FormatValue turn
// the text a user types ("1.234,5", "có", "HTXSNV") into that number and back.
//
// Pure value types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/organization.h"
#include "domain/period.h"

namespace nq {

enum class ValueType { kNumber, kPercent, kYesNo, kCategory };
const char* ValueTypeCode(ValueType t);   // "number", "percent", "yes_no", "category"
const char* ValueTypeLabel(ValueType t);  // "Số", "Tỷ lệ (%)", "Có/Không", "Danh mục"
std::optional<ValueType> ParseValueType(std::string_view code);

// How the values of several organizations combine (a subtree total).
enum class OrgAggregation { kSum, kAverage, kMin, kMax, kCount };
const char* OrgAggregationCode(OrgAggregation a);  // "sum", "average", "min", "max", "count"
std::optional<OrgAggregation> ParseOrgAggregation(std::string_view code);

// How the values of several periods of one organization combine (a year from months).
enum class TimeAggregation { kSum, kLast, kAverage };
const char* TimeAggregationCode(TimeAggregation a);  // "sum", "last", "average"
std::optional<TimeAggregation> ParseTimeAggregation(std::string_view code);

// Chỉ tiêu báo cáo: one number an organization reports for a period.
struct DataElement {
  int64_t id = 0;
  std::string code;        // [a-z][a-z0-9_]{0,47}: a name the formula language can use
  std::string name;        // "Số đảng viên mới được kết nạp"
  std::string short_name;  // optional column header for forms and tables
  ValueType type = ValueType::kNumber;
  PeriodType period_type = PeriodType::kMonthly;  // a data set's elements share its type
  OrgAggregation org_aggregation = OrgAggregation::kSum;
  TimeAggregation time_aggregation = TimeAggregation::kSum;
  std::optional<double> min;            // inclusive bounds; percent defaults to 0..100
  std::optional<double> max;
  std::vector<std::string> categories;  // kCategory only: codes, e.g. {"HTXSNV", "HTTNV", ...}
  std::string unit;                     // "đảng viên", "%", "cuộc"
  std::string description;
  bool operator==(const DataElement&) const = default;
};

// True for a well-formed element code: [a-z][a-z0-9_]{0,47}.
bool IsValidElementCode(std::string_view code);

// Invalid (Vietnamese message naming the field) for a bad code (element.code_invalid), a
// missing name (element.name_required), min > max (element.range_invalid), categories on a
// non-category element or a category element without categories or with repeated/blank ones
// (element.categories_invalid), a yes/no element with bounds other than 0..1
// (element.range_invalid).
Status ValidateDataElement(const DataElement& e);

// Parses what a user typed for element e: numbers in the Vietnamese form ("1.234,5") or plain
// ("1234.5"); yes/no as "có"/"không", "1"/"0", "yes"/"no", "true"/"false"; a category by its
// code (case-insensitive). Checks min/max (percent: 0..100 unless bounds say otherwise).
// Errors: Invalid "value.not_number", "value.not_yes_no", "value.unknown_category",
// "value.out_of_range", each with a Vietnamese message naming the element and the bounds.
Result<double> ParseValue(const DataElement& e, std::string_view text);
// Checks a value already in numeric form (API, imports, index): same errors as ParseValue,
// plus "value.not_number" for NaN/inf and "value.not_category" for a non-integral category.
Status CheckValue(const DataElement& e, double value);
// The value as a user reads it: "1.234,5", "92,5", "Có"/"Không", the category code.
std::string FormatValue(const DataElement& e, double value);

// Quy tắc kiểm tra: a condition between the values of one report, written in the formula
// language (domain/formula.h), e.g. "members_present <= members_total". The report breaks the
// rule when the condition evaluates to false; a rule naming a value that is missing is skipped.
struct ValidationRule {
  std::string code;      // "R1"
  std::string condition;
  std::string message;   // "Số đảng viên dự không được lớn hơn tổng số đảng viên"
  bool operator==(const ValidationRule&) const = default;
};

// Biểu mẫu báo cáo: which elements, how often, by whom, by when.
struct DataSet {
  int64_t id = 0;
  std::string code;   // same form as an organization code: [A-Za-z0-9._-]{1,32}
  std::string name;   // "Báo cáo công tác xây dựng Đảng hằng tháng"
  PeriodType period_type = PeriodType::kMonthly;
  std::vector<int64_t> element_ids;     // in form order
  std::vector<OrgKind> reporting_kinds; // organizations of these kinds report it (open ones)
  int deadline_days = 10;               // due this many days after the period ends (0..366)
  std::vector<ValidationRule> rules;
  bool operator==(const DataSet&) const = default;
};

// Invalid for a bad code (dataset.code_invalid), missing name (dataset.name_required), no
// elements or a repeated element (dataset.elements_invalid), no reporting kinds
// (dataset.kinds_invalid), a deadline outside 0..366 (dataset.deadline_invalid), a rule without
// code, condition or message or with a repeated code (dataset.rule_invalid). That the elements'
// period type equals the set's (dataset.period_type) and that a rule's condition parses and
// names only the set's elements are checked where the elements and the parser are known.
Status ValidateDataSet(const DataSet& s);

// The last day on which a report for `period` is on time: period end + deadline_days.
Date DueDate(const DataSet& s, const Period& period);
// True when organizations of this kind, open during the period, report the set.
bool Reports(const DataSet& s, const Organization& org, const Period& period);

// Số liệu: one reported value.
struct DataValue {
  int64_t org_id = 0;
  int64_t element_id = 0;
  Period period;
  double value = 0;
  bool estimate = false;   // ước đạt: a forecast, not a final figure
  std::string comment;
  int64_t updated_by = 0;  // user id, 0 for the system
  int64_t updated_at = 0;  // Unix seconds
  bool operator==(const DataValue&) const = default;
};

// Approval of one report (organization, data set, period), level by level up the tree.
enum class ReportState { kDraft, kSubmitted, kApproved };
const char* ReportStateCode(ReportState s);   // "draft", "submitted", "approved"
const char* ReportStateLabel(ReportState s);  // "Đang nhập", "Đã gửi", "Đã duyệt"
std::optional<ReportState> ParseReportState(std::string_view code);

struct Report {
  int64_t org_id = 0;
  int64_t data_set_id = 0;
  Period period;
  ReportState state = ReportState::kDraft;
  int64_t submitted_at = 0;  // Unix seconds of the last submission, 0 if never
  int64_t submitted_by = 0;
  int64_t approved_at = 0;   // 0 unless approved
  int64_t approved_by = 0;
  bool operator==(const Report&) const = default;
};

// Timeliness of one organization's report for a period, as of a date.
enum class Timeliness { kOnTime, kLate, kMissing, kNotDue };
const char* TimelinessCode(Timeliness t);   // "on_time", "late", "missing", "not_due"
const char* TimelinessLabel(Timeliness t);  // "Đúng hạn", "Trễ hạn", "Chưa báo cáo", "Chưa đến hạn"
// kOnTime when submitted on or before the due date (in Vietnam time), kLate when submitted
// after it, kMissing when not submitted and the due date has passed by `as_of`, kNotDue when
// not submitted and not yet due.
Timeliness TimelinessOf(const DataSet& s, const Period& period, const Report* report,
                        const Date& as_of);

}  // namespace nq
