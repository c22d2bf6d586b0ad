#include "domain/record_version.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/record_test_util.h"

namespace nq::record_version_test {
namespace {

using record_testing::FieldOf;
using record_testing::MeetingType;
using record_testing::MeetingVersion;

RecordTypeVersion V1() { return MeetingVersion(); }
RecordType Type() { return MeetingType(); }

// `v` without the field `code`.
RecordTypeVersion Without(RecordTypeVersion v, const std::string& code) {
  std::erase_if(v.fields, [&](const FieldDef& f) { return f.code == code; });
  return v;
}

// `v` with `code` turned into a text field (bounds dropped, so that only the type differs).
RecordTypeVersion AsText(RecordTypeVersion v, const std::string& code) {
  FieldDef& f = FieldOf(v, code);
  f.type = FieldType::kText;
  f.min.reset();
  f.max.reset();
  f.whole = false;
  return v;
}

TEST(RecordVersionTest, WithoutRecordsAnythingGoes) {
  RecordTypeVersion next = AsText(V1(), "present");
  FieldOf(next, "kind").options.pop_back();
  EXPECT_TRUE(CheckNewVersion(V1(), next, false).ok());
  EXPECT_FALSE(CheckNewVersion(V1(), next, true).ok());
}

TEST(RecordVersionTest, TypeChangeUnderTheSameCodeBreaks) {
  const Status s = CheckNewVersion(V1(), AsText(V1(), "present"), true);
  EXPECT_EQ(s.key(), "record_type.breaking_change");
  EXPECT_NE(s.message().find("trường 'Số đảng viên dự' (present) từ Số sang Văn bản"),
            std::string::npos)
      << s.message();
  RecordTypeVersion next = V1();
  FieldOf(next, "online").type = FieldType::kNumber;
  EXPECT_EQ(CheckNewVersion(V1(), next, true).key(), "record_type.breaking_change");
}

TEST(RecordVersionTest, RemovingAnOptionBreaksRenamingItDoesNot) {
  RecordTypeVersion next = V1();
  FieldOf(next, "kind").options = {{"regular", "Thường kỳ"}};
  const Status s = CheckNewVersion(V1(), next, true);
  EXPECT_EQ(s.key(), "record_type.breaking_change");
  EXPECT_NE(s.message().find("lựa chọn 'Chuyên đề' (thematic) của trường 'Loại sinh hoạt'"),
            std::string::npos)
      << s.message();
  FieldOf(next, "kind").options = {
      {"thematic", "Sinh hoạt chuyên đề"}, {"regular", "Thường kỳ hằng tháng"}, {"other", "Khác"}};
  EXPECT_TRUE(CheckNewVersion(V1(), next, true).ok());
}

TEST(RecordVersionTest, WhatANewVersionMayDo) {
  RecordTypeVersion next = Without(V1(), "topics");  // old records keep it in version 1
  FieldOf(next, "chair").required = true;            // required of new records only
  FieldOf(next, "present").max = 500;
  FieldOf(next, "present").label = "Số đảng viên tham dự";
  FieldOf(next, "total").max.reset();
  FieldOf(next, "kind").options.push_back({"joint", "Sinh hoạt ghép"});
  next.fields.push_back({.code = "venue", .label = "Địa điểm", .type = FieldType::kText});
  next.rules = {{"R1", "present >= 1", "Phải có đảng viên dự"}};
  EXPECT_TRUE(CheckNewVersion(V1(), next, true).ok());
  EXPECT_TRUE(ReviseRecordType(Type(), next, true).ok())
      << ReviseRecordType(Type(), next, true).status().ToString();
}

TEST(RecordVersionTest, ReviseAppendsAVersionWhenThereAreRecords) {
  RecordTypeVersion next = V1();
  FieldOf(next, "chair").required = true;
  Result<RecordType> revised = ReviseRecordType(Type(), next, true);
  ASSERT_TRUE(revised.ok()) << revised.status().ToString();
  ASSERT_EQ(revised->versions.size(), 2U);
  EXPECT_EQ(revised->versions[0], V1());  // version 1 as it was
  EXPECT_EQ(revised->versions[1].number, 2);
  EXPECT_TRUE(revised->Current()->Find("chair")->required);
  EXPECT_FALSE(revised->Version(1)->Find("chair")->required);

  // The same content again: no new version.
  Result<RecordType> again = ReviseRecordType(*revised, next, true);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->versions.size(), 2U);

  EXPECT_EQ(ReviseRecordType(*revised, AsText(next, "present"), true).status().key(),
            "record_type.breaking_change");
}

TEST(RecordVersionTest, ReviseReplacesTheLastVersionWithoutRecords) {
  RecordTypeVersion next = AsText(V1(), "present");
  next.number = 7;                       // ignored
  next.rules.erase(next.rules.begin());  // R1 compared present as a number
  Result<RecordType> revised = ReviseRecordType(Type(), next, false);
  ASSERT_TRUE(revised.ok()) << revised.status().ToString();
  ASSERT_EQ(revised->versions.size(), 1U);
  EXPECT_EQ(revised->versions[0].number, 1);
  EXPECT_EQ(revised->versions[0].Find("present")->type, FieldType::kText);

  next.fields.clear();
  EXPECT_EQ(ReviseRecordType(Type(), next, false).status().key(), "record_type.fields_invalid");
  RecordType empty = Type();
  empty.versions.clear();
  EXPECT_EQ(ReviseRecordType(empty, V1(), false).status().key(), "record_type.versions_invalid");
}

TEST(RecordVersionTest, AFieldBroughtBackKeepsItsOldType) {
  RecordTypeVersion v2 = Without(V1(), "topics");  // a text field
  Result<RecordType> t2 = ReviseRecordType(Type(), v2, true);
  ASSERT_TRUE(t2.ok()) << t2.status().ToString();
  RecordTypeVersion v3 = v2;
  v3.fields.push_back({.code = "topics", .label = "Số chuyên đề", .type = FieldType::kNumber});
  EXPECT_TRUE(CheckNewVersion(v2, v3, true).ok());  // against version 2 alone it looks fine
  EXPECT_EQ(ReviseRecordType(*t2, v3, true).status().key(), "record_type.field_type_changed");
}

TEST(RecordVersionTest, CodeAndDateFieldAreFixedOnceThereAreRecords) {
  const RecordType before = Type();
  RecordType after = before;
  after.name = "Sinh hoạt chi bộ (đổi tên)";
  after.privacy = RecordPrivacy::kPersonal;
  EXPECT_TRUE(CheckRecordTypeEdit(before, after, true).ok());
  after.code = "cell_meetings";
  EXPECT_EQ(CheckRecordTypeEdit(before, after, true).key(), "record_type.breaking_change");
  EXPECT_TRUE(CheckRecordTypeEdit(before, after, false).ok());
  after = before;
  after.date_field = "other_date";
  EXPECT_EQ(CheckRecordTypeEdit(before, after, true).key(), "record_type.breaking_change");
}

}  // namespace
}  // namespace nq::record_version_test
