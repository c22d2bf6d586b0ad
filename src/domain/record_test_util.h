// Builders shared by the record unit tests (record_type_test.cc, record_version_test.cc,
// record_test.cc, record_builtin_test.cc): a small cell-meeting type with one field of each kind,
// and the 2020–2025 term. Test-only.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "domain/record_builtin.h"
#include "domain/record_type.h"
#include "domain/resolution.h"

namespace nq::record_testing {

inline FieldDef TestField(const char* code, const char* label, FieldType type,
                          bool required = false) {
  return {.code = code, .label = label, .type = type, .required = required};
}

// A whole number from 0 (a count of people), required.
inline FieldDef TestCount(const char* code, const char* label) {
  return {.code = code,
          .label = label,
          .type = FieldType::kNumber,
          .required = true,
          .min = 0,
          .whole = true};
}

// Version 1 of a cell meeting:
//   kind        category, required: regular "Thường kỳ", thematic "Chuyên đề"
//   held_on     date, required (the record's date)
//   present     count, required          total   count up to 500, required
//   topics      text of at most 10        end_on  date
//   decided_on  date not bound to the term
//   chair       member                    org     organization       online  yes/no
// Rules: R1 present <= total; R2 end_on >= held_on.
inline RecordTypeVersion MeetingVersion() {
  FieldDef kind = TestField("kind", "Loại sinh hoạt", FieldType::kCategory, true);
  kind.options = {{"regular", "Thường kỳ"}, {"thematic", "Chuyên đề"}};
  FieldDef total = TestCount("total", "Tổng số đảng viên");
  total.max = 500;
  FieldDef topics = TestField("topics", "Nội dung", FieldType::kText);
  topics.max_length = 10;
  FieldDef decided = TestField("decided_on", "Ngày ra nghị quyết", FieldType::kDate);
  decided.within_term = false;
  RecordTypeVersion v;
  v.fields = {kind,
              TestField("held_on", "Ngày sinh hoạt", FieldType::kDate, true),
              TestCount("present", "Số đảng viên dự"),
              total,
              topics,
              TestField("end_on", "Ngày kết thúc", FieldType::kDate),
              decided,
              TestField("chair", "Chủ trì", FieldType::kMember),
              TestField("org", "Tổ chức", FieldType::kOrganization),
              TestField("online", "Họp trực tuyến", FieldType::kYesNo)};
  v.rules = {{"R1", "present <= total", "Số đảng viên dự không được lớn hơn tổng số đảng viên"},
             {"R2", "end_on >= held_on", "Ngày kết thúc không được trước ngày sinh hoạt"}};
  return v;
}

inline RecordType MeetingType() {
  return {.code = "cell_meeting",
          .name = "Sinh hoạt chi bộ",
          .date_field = "held_on",
          .versions = {MeetingVersion()}};
}

// The field of `v` with this code; fails the test (and returns the first field) when none.
inline FieldDef& FieldOf(RecordTypeVersion& v, const std::string& code) {
  for (FieldDef& f : v.fields) {
    if (f.code == code) return f;
  }
  ADD_FAILURE() << "no field " << code;
  return v.fields.front();
}

// Nhiệm kỳ 2020 - 2025, from 1/1/2020 to 31/12/2025.
// The built-in type `code` (record_builtin.h); a test failure when there is none.
inline RecordType BuiltinTypeByCode(const char* code) {
  for (RecordType& t : BuiltinRecordTypes()) {
    if (t.code == code) return t;
  }
  ADD_FAILURE() << "no built-in type " << code;
  return {};
}

inline Term Term2020() {
  return {.name = "Nhiệm kỳ 2020 - 2025", .start = {2020, 1, 1}, .end = {2025, 12, 31}};
}

}  // namespace nq::record_testing
