// The stored text of a record type version: exact round trips (every built-in type, texts with
// tabs, line breaks, backslashes and quotes, bounds that need every digit) and refused text.
#include "store/record_codec.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/record_builtin.h"

namespace nq::store::record_codec_test {
namespace {

RecordTypeVersion Tricky() {
  RecordTypeVersion v;
  v.number = 3;
  v.fields.push_back(FieldDef{.code = "held_on",
                              .label = "Ngày tổ chức",
                              .type = FieldType::kDate,
                              .required = true,
                              .within_term = false});
  v.fields.push_back(FieldDef{.code = "ratio",
                              .label = "Tỷ lệ \"đạt\"\tcột",
                              .type = FieldType::kNumber,
                              .min = -0.1,
                              .max = 1e300,
                              .whole = false,
                              .ungrouped = true,
                              .help = "Dòng 1\nDòng 2\\n không phải xuống dòng\r"});
  v.fields.push_back(FieldDef{.code = "kind",
                              .label = "Hình thức",
                              .type = FieldType::kCategory,
                              .options = {{"thematic", "Chuyên đề"}, {"x", ""}}});
  v.fields.push_back(FieldDef{.code = "note", .label = "Ghi chú", .max_length = 5000});
  v.rules.push_back(ValidationRule{"R1", "kind == \"thematic\" or ratio <= 1", "Sai\t\\ quy tắc"});
  return v;
}

TEST(RecordCodec, TrickyVersionRoundTripsExactly) {
  RecordTypeVersion v = Tricky();
  std::string text = EncodeRecordVersion(v);
  // One line per field, option and rule after the header: escapes keep them on their lines.
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1 + 4 + 2 + 1);
  Result<RecordTypeVersion> back = DecodeRecordVersion(text, 3);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, v);
  EXPECT_EQ(back->fields[1].min, -0.1);
  EXPECT_EQ(back->fields[1].help, "Dòng 1\nDòng 2\\n không phải xuống dòng\r");
}

TEST(RecordCodec, BuiltinTypesRoundTripExactly) {
  for (const RecordType& t : BuiltinRecordTypes()) {
    for (const RecordTypeVersion& v : t.versions) {
      Result<RecordTypeVersion> back = DecodeRecordVersion(EncodeRecordVersion(v), v.number);
      ASSERT_TRUE(back.ok()) << t.code << ": " << back.status().ToString();
      EXPECT_EQ(*back, v) << t.code;
    }
  }
}

TEST(RecordCodec, VersionWithoutRulesOrOptions) {
  RecordTypeVersion v;
  v.fields.push_back(FieldDef{.code = "a", .label = "A"});
  EXPECT_EQ(EncodeRecordVersion(v),
            "nqtrack-record-version 1\nfield\ta\ttext\t0\t\t\t0\t0\t0\t1\tA\t\n");
  EXPECT_EQ(*DecodeRecordVersion(EncodeRecordVersion(v), 1), v);
}

TEST(RecordCodec, RefusesTextItCannotHaveWritten) {
  const std::string h = "nqtrack-record-version 1\n";
  const std::string field = "field\ta\ttext\t0\t\t\t0\t0\t0\t1\tA\t\n";
  for (const std::string& bad :
       {std::string(), std::string("nqtrack-record-version 2\n"), h + "option\tx\tX\n",
        h + "field\ta\tblob\t0\t\t\t0\t0\t0\t1\tA\t\n",
        h + "field\ta\ttext\t2\t\t\t0\t0\t0\t1\tA\t\n",
        h + "field\ta\tnumber\t0\tabc\t\t0\t0\t0\t1\tA\t\n",
        h + "field\ta\ttext\t0\t\t\t0\t0\tx\t1\tA\t\n",
        h + "field\ta\ttext\t0\t\t\t0\t0\t0\t1\tA\n", h + "rule\tR1\tx\n", h + "what\n",
        h + field + "rule\tR1\ta \\q\tm\n", h + field.substr(0, field.size() - 1)}) {
    Result<RecordTypeVersion> r = DecodeRecordVersion(bad, 1);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().key(), "store.bad_definition") << bad;
    }
  }
  EXPECT_TRUE(DecodeRecordVersion(h + field + "option\tx\tX\n", 1).ok());
}

}  // namespace
}  // namespace nq::store::record_codec_test
