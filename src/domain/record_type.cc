// Record types: enums, lookups and the privacy rule. ValidateRecordType is in
// record_type_check.cc.
#include "domain/record_type.h"

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxOptionCodeLength = 48;

constexpr FieldType kFieldTypes[] = {
    FieldType::kText,     FieldType::kNumber,       FieldType::kDate,   FieldType::kYesNo,
    FieldType::kCategory, FieldType::kOrganization, FieldType::kMember, FieldType::kDocument,
};

}  // namespace

const char* FieldTypeCode(FieldType t) {
  switch (t) {
    case FieldType::kText:
      return "text";
    case FieldType::kNumber:
      return "number";
    case FieldType::kDate:
      return "date";
    case FieldType::kYesNo:
      return "yes_no";
    case FieldType::kCategory:
      return "category";
    case FieldType::kOrganization:
      return "organization";
    case FieldType::kMember:
      return "member";
    case FieldType::kDocument:
      return "document";
  }
  return "text";
}

const char* FieldTypeLabel(FieldType t) {
  switch (t) {
    case FieldType::kText:
      return "Văn bản";
    case FieldType::kNumber:
      return "Số";
    case FieldType::kDate:
      return "Ngày";
    case FieldType::kYesNo:
      return "Có/Không";
    case FieldType::kCategory:
      return "Danh mục";
    case FieldType::kOrganization:
      return "Tổ chức đảng";
    case FieldType::kMember:
      return "Cá nhân (họ và tên)";
    case FieldType::kDocument:
      return "Số, ký hiệu văn bản";
  }
  return "";
}

std::optional<FieldType> ParseFieldType(std::string_view code) {
  for (FieldType t : kFieldTypes) {
    if (code == FieldTypeCode(t)) return t;
  }
  return std::nullopt;
}

bool IsTextLike(FieldType t) {
  return t == FieldType::kText || t == FieldType::kMember || t == FieldType::kDocument;
}

bool IsRuleOperand(FieldType t) {
  return t == FieldType::kNumber || t == FieldType::kDate || t == FieldType::kYesNo ||
         t == FieldType::kCategory;
}

bool IsValidOptionCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxOptionCodeLength) return false;
  for (char c : code) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

int MaxLengthOf(const FieldDef& f) {
  if (f.max_length > 0) return f.max_length;
  return f.type == FieldType::kText ? kDefaultTextLength : kDefaultNameLength;
}

const CategoryOption* FindOption(const FieldDef& f, std::string_view code) {
  for (const CategoryOption& o : f.options) {
    if (o.code == code) return &o;
  }
  return nullptr;
}

std::optional<size_t> OptionIndex(const FieldDef& f, std::string_view code) {
  std::optional<size_t> folded;
  int folded_matches = 0;
  for (size_t i = 0; i < f.options.size(); ++i) {
    if (f.options[i].code == code) return i;
    if (EqualsIgnoreCaseAscii(f.options[i].code, code)) {
      folded = i;
      ++folded_matches;
    }
  }
  if (folded_matches == 1) return folded;
  return std::nullopt;
}

const FieldDef* RecordTypeVersion::Find(std::string_view code) const {
  for (const FieldDef& f : fields) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

bool RecordTypeVersion::SameContent(const RecordTypeVersion& other) const {
  return fields == other.fields && rules == other.rules;
}

const char* RecordPrivacyCode(RecordPrivacy p) {
  return p == RecordPrivacy::kPersonal ? "personal" : "open";
}

const char* RecordPrivacyLabel(RecordPrivacy p) {
  return p == RecordPrivacy::kPersonal ? "Hồ sơ cá nhân" : "Công khai trong phạm vi";
}

std::optional<RecordPrivacy> ParseRecordPrivacy(std::string_view code) {
  for (RecordPrivacy p : {RecordPrivacy::kOpen, RecordPrivacy::kPersonal}) {
    if (code == RecordPrivacyCode(p)) return p;
  }
  return std::nullopt;
}

const RecordTypeVersion* RecordType::Version(int number) const {
  for (const RecordTypeVersion& v : versions) {
    if (v.number == number) return &v;
  }
  return nullptr;
}

const RecordTypeVersion* RecordType::Current() const {
  return versions.empty() ? nullptr : &versions.back();
}

bool MayReadRecord(RecordPrivacy privacy, const RecordReader& reader) {
  if (!reader.in_scope) return false;
  if (privacy == RecordPrivacy::kOpen) return true;
  switch (reader.role) {
    case Role::kAdmin:
    case Role::kCommittee:
      return reader.personnel_board;
    case Role::kReporter:
      return true;  // in scope: staff of the organization concerned or one above it
    case Role::kViewer:
      return false;
  }
  return false;
}

bool IsAuditedOnRead(RecordPrivacy privacy) { return privacy == RecordPrivacy::kPersonal; }

}  // namespace nq
