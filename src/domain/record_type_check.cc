// ValidateRecordType (record_type.h): the checks of a type, its versions, fields and rules.
#include <cmath>
#include <map>
#include <set>

#include "common/utf8.h"
#include "domain/record_rule.h"
#include "domain/record_type.h"
#include "domain/record_value.h"

namespace nq {
namespace {

constexpr size_t kMaxName = 255;  // type names, field and option labels
constexpr size_t kMaxDescription = 10000;
constexpr size_t kMaxHelp = 1000;
constexpr size_t kMaxRuleMessage = 500;
constexpr size_t kMaxRuleCode = 32;
constexpr size_t kMaxVersions = 1000;
constexpr size_t kMaxFields = 100;
constexpr size_t kMaxOptions = 200;
constexpr size_t kMaxRules = 50;

Status TypeInvalid(const char* key, std::string message) {
  return Status::Invalid(std::string("record_type.") + key, std::move(message));
}

// "trường 'Ngày họp' (phiên bản 2)": a field by its label, or its code when it has none.
std::string FieldRef(const RecordTypeVersion& v, const FieldDef& f) {
  const std::string name = Trim(f.label).empty() ? f.code : f.label;
  return "trường '" + name.substr(0, 120) + "' (phiên bản " + std::to_string(v.number) + ")";
}

// A required one-line name: non-blank, clean, at most kMaxName code points.
bool IsGoodName(std::string_view s) {
  return IsCleanText(s, false) && !Trim(s).empty() && CodePointCount(s) <= kMaxName;
}

Status CheckOptions(const RecordTypeVersion& v, const FieldDef& f) {
  const std::string where = FieldRef(v, f);
  if (f.type != FieldType::kCategory) {
    if (f.options.empty()) return Status::Ok();
    return TypeInvalid("options_invalid",
                       "Chỉ trường danh mục mới có danh sách lựa chọn: " + where);
  }
  if (f.options.empty() || f.options.size() > kMaxOptions) {
    return TypeInvalid("options_invalid", "Trường danh mục cần từ 1 đến " +
                                              std::to_string(kMaxOptions) + " lựa chọn: " + where);
  }
  std::set<std::string> codes;
  std::set<std::string> labels;
  for (const CategoryOption& o : f.options) {
    if (!IsValidOptionCode(o.code)) {
      return TypeInvalid("options_invalid",
                         "Mã lựa chọn '" + o.code.substr(0, 60) + "' của " + where +
                             " không hợp lệ: từ 1 đến 48 ký tự gồm chữ không dấu, "
                             "chữ số và dấu gạch dưới");
    }
    if (!codes.insert(AsciiLowerCopy(o.code)).second) {
      return TypeInvalid("options_invalid", "Mã lựa chọn '" + o.code + "' lặp lại ở " + where);
    }
    if (!IsGoodName(o.label)) {
      return TypeInvalid("options_invalid", "Tên lựa chọn '" + o.code + "' của " + where +
                                                " phải có, một dòng, tối đa 255 ký tự");
    }
    if (!labels.insert(FoldForSearch(o.label)).second) {
      return TypeInvalid("options_invalid", "Tên lựa chọn '" + o.label + "' lặp lại ở " + where +
                                                " (không phân biệt hoa thường và dấu)");
    }
  }
  return Status::Ok();
}

Status CheckBounds(const RecordTypeVersion& v, const FieldDef& f) {
  const std::string where = FieldRef(v, f);
  if (f.type != FieldType::kNumber && (f.min || f.max || f.whole || f.ungrouped)) {
    return TypeInvalid("field_bounds_invalid", "Chỉ trường số mới có giới hạn giá trị: " + where);
  }
  if ((f.min && !std::isfinite(*f.min)) || (f.max && !std::isfinite(*f.max))) {
    return TypeInvalid("field_bounds_invalid", "Giới hạn giá trị phải là số: " + where);
  }
  if (f.min && f.max && *f.min > *f.max) {
    return TypeInvalid("field_bounds_invalid",
                       "Giá trị nhỏ nhất lớn hơn giá trị lớn nhất: " + where);
  }
  if (f.max_length != 0 && !IsTextLike(f.type)) {
    return TypeInvalid("field_bounds_invalid", "Chỉ trường văn bản mới có độ dài tối đa: " + where);
  }
  if (f.max_length < 0 || f.max_length > kMaxTextLength) {
    return TypeInvalid(
        "field_bounds_invalid",
        "Độ dài tối đa phải từ 0 đến " + std::to_string(kMaxTextLength) + " ký tự: " + where);
  }
  return Status::Ok();
}

Status CheckField(const RecordTypeVersion& v, const FieldDef& f) {
  if (!IsValidElementCode(f.code) || f.code == "and" || f.code == "or" || f.code == "not") {
    return TypeInvalid("field_code_invalid",
                       "Mã trường '" + f.code.substr(0, 60) + "' (phiên bản " +
                           std::to_string(v.number) +
                           ") không hợp lệ: bắt đầu bằng chữ thường không dấu, chỉ gồm chữ thường "
                           "không dấu, chữ số và dấu gạch dưới, tối đa 48 ký tự, không phải and, "
                           "or, not");
  }
  if (!IsGoodName(f.label)) {
    return TypeInvalid("field_label_invalid", "Tên trường '" + f.code + "' (phiên bản " +
                                                  std::to_string(v.number) +
                                                  ") phải có, một dòng, tối đa 255 ký tự");
  }
  if (!IsCleanText(f.help, true) || CodePointCount(f.help) > kMaxHelp) {
    return TypeInvalid("field_label_invalid",
                       "Lời nhắc của " + FieldRef(v, f) + " dài tối đa 1000 ký tự hợp lệ");
  }
  NQ_RETURN_IF_ERROR(CheckBounds(v, f));
  return CheckOptions(v, f);
}

Status CheckRules(const RecordTypeVersion& v) {
  const std::string version = " (phiên bản " + std::to_string(v.number) + ")";
  if (v.rules.size() > kMaxRules) {
    return TypeInvalid("rule_invalid", "Mỗi phiên bản có tối đa " + std::to_string(kMaxRules) +
                                           " quy tắc kiểm tra" + version);
  }
  std::set<std::string> codes;
  for (const ValidationRule& r : v.rules) {
    if (Trim(r.code).empty() || Trim(r.condition).empty() || Trim(r.message).empty()) {
      return TypeInvalid("rule_invalid",
                         "Quy tắc kiểm tra phải có mã, điều kiện và thông báo" + version);
    }
    if (!IsCleanText(r.code, false) || CodePointCount(r.code) > kMaxRuleCode ||
        !IsCleanText(r.message, false) || CodePointCount(r.message) > kMaxRuleMessage) {
      return TypeInvalid("rule_invalid",
                         "Mã quy tắc (tối đa 32 ký tự) và thông báo (tối đa 500 ký "
                         "tự) phải là văn bản một dòng" +
                             version);
    }
    if (!codes.insert(r.code).second) {
      return TypeInvalid("rule_invalid", "Mã quy tắc '" + r.code + "' lặp lại" + version);
    }
    NQ_RETURN_IF_ERROR(ParseRecordRule(v, r).status());
  }
  return Status::Ok();
}

Status CheckVersion(const RecordTypeVersion& v) {
  if (v.fields.empty() || v.fields.size() > kMaxFields) {
    return TypeInvalid("fields_invalid", "Phiên bản " + std::to_string(v.number) +
                                             " cần từ 1 đến " + std::to_string(kMaxFields) +
                                             " trường");
  }
  std::set<std::string> codes;
  std::map<std::string, const FieldDef*> labels;
  for (const FieldDef& f : v.fields) {
    NQ_RETURN_IF_ERROR(CheckField(v, f));
    if (!codes.insert(f.code).second) {
      return TypeInvalid("field_code_taken", "Mã trường '" + f.code + "' lặp lại ở phiên bản " +
                                                 std::to_string(v.number));
    }
    auto [it, fresh] = labels.emplace(FoldForSearch(f.label), &f);
    if (!fresh) {
      return TypeInvalid("field_label_taken", "Hai trường '" + it->second->code + "' và '" +
                                                  f.code + "' cùng tên '" + f.label +
                                                  "' ở phiên bản " + std::to_string(v.number) +
                                                  " (không phân biệt hoa thường và dấu)");
    }
  }
  return CheckRules(v);
}

Status CheckDateField(const RecordType& t, const RecordTypeVersion& v) {
  const FieldDef* f = v.Find(t.date_field);
  if (f == nullptr) {
    return TypeInvalid("date_field_invalid", "Phiên bản " + std::to_string(v.number) +
                                                 " không có trường ngày của hồ sơ '" +
                                                 t.date_field.substr(0, 60) + "'");
  }
  if (f->type != FieldType::kDate || !f->required) {
    return TypeInvalid(
        "date_field_invalid",
        "Ngày của hồ sơ phải là một trường kiểu Ngày, bắt buộc nhập: " + FieldRef(v, *f));
  }
  return Status::Ok();
}

}  // namespace

Status ValidateRecordType(const RecordType& t) {
  if (!IsValidElementCode(t.code)) {
    return TypeInvalid("code_invalid", "Mã loại hồ sơ '" + t.code.substr(0, 60) +
                                           "' không hợp lệ: bắt đầu bằng chữ thường không dấu, chỉ "
                                           "gồm chữ thường không dấu, chữ số và dấu gạch dưới, tối "
                                           "đa 48 ký tự");
  }
  if (!IsCleanText(t.name, false)) {
    return TypeInvalid("name_invalid", "Tên loại hồ sơ phải là văn bản một dòng hợp lệ");
  }
  if (Trim(t.name).empty())
    return TypeInvalid("name_required", "Tên loại hồ sơ không được để trống");
  if (CodePointCount(t.name) > kMaxName) {
    return TypeInvalid("name_too_long", "Tên loại hồ sơ dài tối đa 255 ký tự");
  }
  if (!IsCleanText(t.description, true) || CodePointCount(t.description) > kMaxDescription) {
    return TypeInvalid("description_invalid", "Mô tả loại hồ sơ dài tối đa 10000 ký tự hợp lệ");
  }
  if (t.versions.empty() || t.versions.size() > kMaxVersions) {
    return TypeInvalid("versions_invalid", "Loại hồ sơ cần từ 1 đến 1000 phiên bản");
  }
  std::map<std::string, std::pair<FieldType, int>> types;  // code → type, first version
  for (size_t i = 0; i < t.versions.size(); ++i) {
    const RecordTypeVersion& v = t.versions[i];
    if (v.number != static_cast<int>(i) + 1) {
      return TypeInvalid("versions_invalid",
                         "Các phiên bản phải đánh số 1, 2, 3… theo thứ tự (gặp " +
                             std::to_string(v.number) + " ở vị trí " + std::to_string(i + 1) + ")");
    }
    NQ_RETURN_IF_ERROR(CheckVersion(v));
    NQ_RETURN_IF_ERROR(CheckDateField(t, v));
    for (const FieldDef& f : v.fields) {
      auto [it, fresh] = types.emplace(f.code, std::make_pair(f.type, v.number));
      if (!fresh && it->second.first != f.type) {
        return TypeInvalid("field_type_changed",
                           "Trường '" + f.code + "' có kiểu " + FieldTypeLabel(it->second.first) +
                               " ở phiên bản " + std::to_string(it->second.second) +
                               " nhưng kiểu " + FieldTypeLabel(f.type) + " ở phiên bản " +
                               std::to_string(v.number) +
                               "; mỗi mã trường giữ một kiểu, hãy dùng mã mới");
      }
    }
  }
  return Status::Ok();
}

}  // namespace nq
