#include "domain/resolution.h"

#include <cmath>

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxShortText = 255;   // names, numbers, titles, units, codes
constexpr size_t kMaxLongText = 10000;  // target wording, task descriptions

// Checks a required text field: valid UTF-8, not blank, at most `max` code points. `field` is
// the Vietnamese name of the field, as it appears in the message.
Status CheckText(std::string_view value, const char* key_prefix, const char* field, size_t max) {
  const std::string prefix(key_prefix);
  if (!IsValidUtf8(value)) {
    return Status::Invalid(prefix + "_invalid",
                           std::string(field) + " chứa ký tự không hợp lệ (không phải UTF-8)");
  }
  if (Trim(value).empty()) {
    return Status::Invalid(prefix + "_required", std::string(field) + " không được để trống");
  }
  if (CodePointCount(value) > max) {
    return Status::Invalid(prefix + "_too_long", std::string(field) + " dài tối đa " +
                                                     std::to_string(max) + " ký tự");
  }
  return Status::Ok();
}

bool IsPercentUnit(std::string_view unit) { return Trim(unit) == "%"; }

}  // namespace

Date MidPoint(const Term& t) {
  const int64_t a = DaysFromCivil(t.start);
  const int64_t b = DaysFromCivil(t.end);
  return CivilFromDays(a + (b - a) / 2);
}

Status ValidateTerm(const Term& t) {
  NQ_RETURN_IF_ERROR(CheckText(t.name, "term.name", "Tên nhiệm kỳ", kMaxShortText));
  if (!IsValid(t.start) || !IsValid(t.end)) {
    return Status::Invalid("term.dates_invalid", "Ngày bắt đầu và kết thúc nhiệm kỳ phải hợp lệ");
  }
  if (!(t.start < t.end)) {
    return Status::Invalid("term.dates_invalid",
                           "Ngày kết thúc nhiệm kỳ (" + FormatVi(t.end) +
                               ") phải sau ngày bắt đầu (" + FormatVi(t.start) + ")");
  }
  return Status::Ok();
}

Status ValidateResolution(const Resolution& r) {
  NQ_RETURN_IF_ERROR(
      CheckText(r.number, "resolution.number", "Số và ký hiệu nghị quyết", kMaxShortText));
  NQ_RETURN_IF_ERROR(CheckText(r.title, "resolution.title", "Trích yếu nghị quyết", kMaxLongText));
  if (!IsValid(r.adopted)) {
    return Status::Invalid("resolution.adopted_invalid", "Ngày ban hành nghị quyết không hợp lệ");
  }
  return Status::Ok();
}

const char* FieldCode(Field f) {
  switch (f) {
    case Field::kEconomy: return "economy";
    case Field::kCultureSociety: return "culture_society";
    case Field::kDefenceSecurity: return "defence_security";
    case Field::kPartyBuilding: return "party_building";
  }
  return "party_building";
}

const char* FieldLabel(Field f) {
  switch (f) {
    case Field::kEconomy: return "Kinh tế";
    case Field::kCultureSociety: return "Văn hóa - xã hội";
    case Field::kDefenceSecurity: return "Quốc phòng - an ninh";
    case Field::kPartyBuilding: return "Xây dựng Đảng";
  }
  return "";
}

std::optional<Field> ParseField(std::string_view code) {
  for (Field f : {Field::kEconomy, Field::kCultureSociety, Field::kDefenceSecurity,
                  Field::kPartyBuilding}) {
    if (code == FieldCode(f)) return f;
  }
  return std::nullopt;
}

const char* TargetKindCode(TargetKind k) {
  switch (k) {
    case TargetKind::kEndLevel: return "end_level";
    case TargetKind::kCumulative: return "cumulative";
    case TargetKind::kEveryYear: return "every_year";
    case TargetKind::kAverage: return "average";
  }
  return "end_level";
}

const char* TargetKindLabel(TargetKind k) {
  switch (k) {
    case TargetKind::kEndLevel: return "Đến cuối nhiệm kỳ";
    case TargetKind::kCumulative: return "Cộng dồn cả nhiệm kỳ";
    case TargetKind::kEveryYear: return "Hằng năm";
    case TargetKind::kAverage: return "Bình quân hằng năm";
  }
  return "";
}

std::optional<TargetKind> ParseTargetKind(std::string_view code) {
  for (TargetKind k : {TargetKind::kEndLevel, TargetKind::kCumulative, TargetKind::kEveryYear,
                       TargetKind::kAverage}) {
    if (code == TargetKindCode(k)) return k;
  }
  return std::nullopt;
}

const char* ComparatorCode(Comparator c) {
  switch (c) {
    case Comparator::kAtLeast: return "at_least";
    case Comparator::kAtMost: return "at_most";
    case Comparator::kRange: return "range";
    case Comparator::kYesNo: return "yes_no";
  }
  return "at_least";
}

std::optional<Comparator> ParseComparator(std::string_view code) {
  for (Comparator c :
       {Comparator::kAtLeast, Comparator::kAtMost, Comparator::kRange, Comparator::kYesNo}) {
    if (code == ComparatorCode(c)) return c;
  }
  return std::nullopt;
}

Status ValidateTarget(const Target& t) {
  NQ_RETURN_IF_ERROR(CheckText(t.code, "target.code", "Mã mục tiêu", 32));
  NQ_RETURN_IF_ERROR(CheckText(t.text, "target.text", "Nội dung mục tiêu", kMaxLongText));
  if (!std::isfinite(t.value) || (t.value_high && !std::isfinite(*t.value_high)) ||
      (t.baseline && !std::isfinite(*t.baseline))) {
    return Status::Invalid("target.value_invalid", "Giá trị mục tiêu phải là một số");
  }
  if (t.comparator == Comparator::kRange) {
    if (!t.value_high) {
      return Status::Invalid("target.range_invalid",
                             "Mục tiêu dạng khoảng cần cả cận dưới và cận trên");
    }
    if (*t.value_high < t.value) {
      return Status::Invalid("target.range_invalid",
                             "Cận trên của khoảng mục tiêu không được nhỏ hơn cận dưới");
    }
  }
  if (t.comparator == Comparator::kYesNo && t.value != 0 && t.value != 1) {
    return Status::Invalid("target.value_invalid",
                           "Mục tiêu dạng có/không chỉ nhận giá trị 1 (có) hoặc 0 (không)");
  }
  if (IsPercentUnit(t.unit) && t.value_formula.empty()) {
    const bool low_ok = t.value >= 0 && t.value <= 100;
    const bool high_ok = !t.value_high || (*t.value_high >= 0 && *t.value_high <= 100);
    if (!low_ok || !high_ok) {
      return Status::Invalid("target.percent_invalid",
                             "Giá trị mục tiêu tính theo % phải từ 0 đến 100");
    }
  }
  if (!IsValidUtf8(t.unit) || CodePointCount(t.unit) > 64) {
    return Status::Invalid("target.unit_invalid", "Đơn vị tính không hợp lệ (tối đa 64 ký tự)");
  }
  return Status::Ok();
}

const char* ResolutionTaskKindCode(ResolutionTaskKind k) {
  switch (k) {
    case ResolutionTaskKind::kBreakthrough: return "breakthrough";
    case ResolutionTaskKind::kKey: return "key";
  }
  return "key";
}

std::optional<ResolutionTaskKind> ParseResolutionTaskKind(std::string_view code) {
  for (ResolutionTaskKind k : {ResolutionTaskKind::kBreakthrough, ResolutionTaskKind::kKey}) {
    if (code == ResolutionTaskKindCode(k)) return k;
  }
  return std::nullopt;
}

Status ValidateResolutionTask(const ResolutionTask& t) {
  NQ_RETURN_IF_ERROR(CheckText(t.title, "task.title", "Tên nhiệm vụ", kMaxShortText * 4));
  if (!IsValidUtf8(t.description) || CodePointCount(t.description) > kMaxLongText) {
    return Status::Invalid("task.description_invalid",
                           "Mô tả nhiệm vụ không hợp lệ (UTF-8, tối đa 10000 ký tự)");
  }
  for (const std::string& code : t.target_codes) {
    if (Trim(code).empty()) {
      return Status::Invalid("task.target_invalid",
                             "Mã mục tiêu gắn với nhiệm vụ không được để trống");
    }
  }
  return Status::Ok();
}

}  // namespace nq
