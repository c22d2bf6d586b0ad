// Loại hồ sơ: a record type — an activity log an organization keeps (a dissemination session, a
// cell meeting, an inspection, …), defined as data and not as code. See DESIGN.md "Domain model"
// ("Record type and record") and issue 5. The records themselves are in record.h, their typed
// values in record_value.h, versioning in record_version.h, the built-in types in
// record_builtin.h.
//
// A type has versions 1, 2, …; each version is an ordered list of fields (FieldDef) and
// cross-field rules (ValidationRule of data.h, written in the formula language). A record keeps
// the version it was written with, so an old record keeps its meaning after the type changes.
// Invariants across versions, checked by ValidateRecordType: the versions are numbered 1..n in
// order; a field code has the same type in every version where it appears (a code means one
// thing for the indicators); the date field (RecordType::date_field) is a required date field of
// every version.
//
// Rules. A rule's condition names fields by code; number, date, yes/no and category fields may
// be named (text, member, document and organization fields may not). A date stands for its day
// number (days since 1970-01-01), so "end_on >= start_on" and "end_on - start_on <= 30" work; a
// yes/no field is 1 or 0; a category field compares with an option code in double quotes
// (kind == "thematic"). A record breaks a rule when the condition is false; a rule naming a field
// the record leaves empty is not judged (as a data set's rules, data.h).
//
// Privacy. An open type's records are readable by everyone whose scope holds the record's
// organization. A personal type's records (records about individuals: inspection subjects,
// discipline, candidates) are readable only by the committee's inspection commission and
// organization board (Ủy ban Kiểm tra, Ban Tổ chức) and by the organization concerned, and every
// read of them is audited — MayReadRecord states the rule; the service applies it.
//
// Pure value types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/data.h"
#include "domain/user.h"

namespace nq {

// The type of a field's values.
enum class FieldType {
  kText,          // free text
  kNumber,        // a number, with optional bounds
  kDate,          // a calendar date
  kYesNo,         // có / không
  kCategory,      // one of a list of options (CategoryOption)
  kOrganization,  // a party organization, by id
  kMember,        // an individual, by name (free text): the record is about a person
  kDocument,      // a document reference: number and symbol, e.g. "01-NQ/ĐUK"
};
// "text", "number", "date", "yes_no", "category", "organization", "member", "document"
const char* FieldTypeCode(FieldType t);
// "Văn bản", "Số", "Ngày", "Có/Không", "Danh mục", "Tổ chức đảng", "Cá nhân (họ và tên)",
// "Số, ký hiệu văn bản"
const char* FieldTypeLabel(FieldType t);
std::optional<FieldType> ParseFieldType(std::string_view code);
// True for the types held as text: text, member, document.
bool IsTextLike(FieldType t);
// True for the types a rule may name: number, date, yes/no, category.
bool IsRuleOperand(FieldType t);

// One option of a category field: the code identifies it (in rules, imports and stored values),
// the label is what people read and may change in a later version.
struct CategoryOption {
  std::string code{};   // [A-Za-z0-9_]{1,48}, e.g. "thematic", "HTXSNV"
  std::string label{};  // "Chuyên đề"
  bool operator==(const CategoryOption&) const = default;
};
bool IsValidOptionCode(std::string_view code);

// Default and largest allowed length, in code points, of a text-like value.
inline constexpr int kDefaultTextLength = 2000;  // kText
inline constexpr int kDefaultNameLength = 255;   // kMember, kDocument
inline constexpr int kMaxTextLength = 10000;

// Trường: one field of a record type version. Every member has an initializer, so designated
// initializers ({.code = ..., .type = ...}) may leave any out.
struct FieldDef {
  std::string code{};   // same form as a data element code (IsValidElementCode), not and/or/not
  std::string label{};  // Vietnamese, unique within the version (ignoring case and diacritics)
  FieldType type = FieldType::kText;
  bool required = false;
  std::optional<double> min{};  // kNumber only: inclusive bounds
  std::optional<double> max{};
  bool whole = false;       // kNumber only: whole numbers (counts of people, years)
  bool ungrouped = false;   // kNumber only: shown without thousands separators (a year: 2023)
  int max_length = 0;       // text-like only: code points, 0 for the default (MaxLengthOf)
  bool within_term = true;  // kDate only: the date must lie within the record's term
  std::vector<CategoryOption> options{};  // kCategory only, in form order
  std::string help{};                     // a hint shown under the input
  bool operator==(const FieldDef&) const = default;
};
// The length limit of a text-like field: max_length, or the default of its type.
int MaxLengthOf(const FieldDef& f);
// The option with this code (exact match), or nullptr.
const CategoryOption* FindOption(const FieldDef& f, std::string_view code);
// The 0-based index of the option with this code (exact), or of the only option whose code
// equals it ignoring ASCII case; nullopt otherwise. A category value's number in rules.
std::optional<size_t> OptionIndex(const FieldDef& f, std::string_view code);

// Phiên bản: the fields and rules records of this version are written with.
struct RecordTypeVersion {
  int number = 1;                       // 1, 2, … in the order of the type's versions
  std::vector<FieldDef> fields{};       // in form order
  std::vector<ValidationRule> rules{};  // conditions over the fields (see above)
  // The field with this code, or nullptr.
  const FieldDef* Find(std::string_view code) const;
  // Equal fields and rules (the number is not compared).
  bool SameContent(const RecordTypeVersion& other) const;
  bool operator==(const RecordTypeVersion&) const = default;
};

// Who may read a type's records.
enum class RecordPrivacy {
  kOpen,      // everyone whose scope holds the record's organization
  kPersonal,  // records about individuals: see MayReadRecord
};
const char* RecordPrivacyCode(RecordPrivacy p);  // "open", "personal"
const char* RecordPrivacyLabel(RecordPrivacy p);  // "Công khai trong phạm vi", "Hồ sơ cá nhân"
std::optional<RecordPrivacy> ParseRecordPrivacy(std::string_view code);

// Loại hồ sơ.
struct RecordType {
  int64_t id = 0;      // 0 until stored
  std::string code{};  // same form as a data element code: formulas name it
  std::string name{};  // "Sinh hoạt chi bộ"
  std::string description{};
  RecordPrivacy privacy = RecordPrivacy::kOpen;
  std::string date_field{};                   // code of the date that places a record in a period
  std::vector<RecordTypeVersion> versions{};  // 1..n; the last one is used for new records
  // The version with this number, or nullptr.
  const RecordTypeVersion* Version(int number) const;
  // The last version, or nullptr for a type without versions.
  const RecordTypeVersion* Current() const;
  bool operator==(const RecordType&) const = default;
};

// Checks a whole type. Returns the first problem as Invalid with a Vietnamese message naming the
// version, field, option or rule, and one of the keys:
//   record_type.code_invalid         code not of the form [a-z][a-z0-9_]{0,47}
//   record_type.name_required / name_invalid (not UTF-8 or control characters) / name_too_long
//                                    (over 255 code points)
//   record_type.description_invalid  not UTF-8, or over 10,000 code points
//   record_type.versions_invalid     no version, versions not numbered 1..n, more than 1,000
//   record_type.fields_invalid       a version without fields or with more than 100
//   record_type.field_code_invalid   a field code not of the element form, or and/or/not
//   record_type.field_code_taken     two fields of a version with one code
//   record_type.field_label_invalid  a label blank, not UTF-8, with control characters, over 255
//                                    code points; a help text not UTF-8 or over 1,000 code points
//   record_type.field_label_taken    two labels of a version equal ignoring case and diacritics
//   record_type.field_bounds_invalid bounds, whole or ungrouped on a field that is not a
//                                    number, bounds not finite or min > max; max_length on a
//                                    field that is not text-like or outside 0..10,000
//   record_type.field_type_changed   a code with different types in two versions
//   record_type.options_invalid      a category without options or with more than 200; options
//                                    on another type; an option code malformed or repeated
//                                    (ignoring ASCII case); a label blank, too long (255), not
//                                    UTF-8, or repeated (ignoring case and diacritics)
//   record_type.rule_invalid         a rule without code, condition or message, a repeated code,
//                                    more than 50 rules, a condition that does not parse (the
//                                    parser's message, with the position), that uses aggregate
//                                    or period functions, names an unknown field or a field of a
//                                    type rules cannot use, or compares a string with anything
//                                    but a category field of which it is an option code
//   record_type.date_field_invalid   the date field missing from a version, not a date field,
//                                    or not required
Status ValidateRecordType(const RecordType& t);

// The facts about a reader that the privacy rule needs; the service fills them in.
struct RecordReader {
  Role role = Role::kViewer;
  // The record's organization lies in the reader's scope (their organization's subtree). For a
  // reporter this is "the organization concerned": the record's organization or one above it.
  bool in_scope = false;
  // The reader works for the committee's inspection commission or organization board (Ủy ban
  // Kiểm tra, Ban Tổ chức). User has no such attribute yet: the service decides how it knows.
  bool personnel_board = false;
};
// Whether `reader` may read a record of a type with this privacy:
//   - nobody reads outside their scope;
//   - open: everyone in scope;
//   - personal: an admin or committee user of the personnel boards, and a reporter whose scope
//     holds the record's organization (the organization concerned); never a viewer, and not an
//     admin or committee user outside those boards.
bool MayReadRecord(RecordPrivacy privacy, const RecordReader& reader);
// True when every read of such records must be written to the audit log (personal ones).
bool IsAuditedOnRead(RecordPrivacy privacy);

}  // namespace nq
