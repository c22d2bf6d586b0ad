#include "web/record_json.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/record_builtin.h"
#include "domain/record_test_util.h"

namespace nq::web::record_json_test {
namespace {

std::string TextOf(const nlohmann::json& v) {
  Result<std::optional<std::string>> t = ValueText(v, "x");
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() && t->has_value() ? **t : std::string("<null>");
}

TEST(RecordJsonTest, NumbersBecomeTextTheFieldParserReadsBackExactly) {
  const FieldDef number{.code = "n", .label = "Số", .type = FieldType::kNumber};
  // 1.234 must not come back as 1234 (a dot before three digits groups thousands).
  for (double x : {1.234, 1234.5, -3.0, 0.125, 1e-7, 12345678.0, 1e21}) {
    const std::string text = TextOf(nlohmann::json(x));
    Result<FieldValue> back = ParseFieldText(number, text);
    ASSERT_TRUE(back.ok()) << text << ": " << back.status().ToString();
    EXPECT_EQ(std::get<double>(*back), x) << text;
  }
  EXPECT_EQ(TextOf(nlohmann::json(1.234)), "1,234");
  EXPECT_EQ(TextOf(nlohmann::json(40)), "40");
  EXPECT_EQ(TextOf(nlohmann::json(-7)), "-7");
}

TEST(RecordJsonTest, ValueTextTakesScalarsOnly) {
  EXPECT_EQ(TextOf(nlohmann::json(true)), "true");
  EXPECT_EQ(TextOf(nlohmann::json("17/5/2023")), "17/5/2023");
  EXPECT_EQ(TextOf(nlohmann::json(nullptr)), "<null>");
  EXPECT_EQ(ValueText(nlohmann::json::array(), "v").status().key(), "json.wrong_type");
  EXPECT_EQ(ValueText(nlohmann::json::object(), "v").status().key(), "json.wrong_type");
}

TEST(RecordJsonTest, ReadsARecordBody) {
  Result<RecordBody> b = ReadRecordBody(
      R"({"org_id": 5, "values": {"held_on": "2023-03-10", "members_present": 40,
          "violation": false, "note": null}})");
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->org_id, 5);
  EXPECT_EQ(b->values.size(), 3u);
  EXPECT_EQ(b->values.at("members_present"), "40");
  EXPECT_EQ(b->values.at("violation"), "false");

  auto key = [](std::string_view body) {
    Result<RecordBody> r = ReadRecordBody(body);
    return r.ok() ? std::string() : r.status().key();
  };
  EXPECT_EQ(key(R"({"values": {}})"), "json.missing_field");
  EXPECT_EQ(key(R"({"org_id": 5})"), "json.missing_field");
  EXPECT_EQ(key(R"({"org_id": 5, "values": [] })"), "json.wrong_type");
  EXPECT_EQ(key(R"({"org_id": 5, "values": {"a": [1]}})"), "json.wrong_type");
  EXPECT_EQ(key(R"({"org_id": 5, "values": {"a": 1, "a": 2}})"), "json.duplicate_key");
  EXPECT_EQ(key(R"({"org_id": 5, "values": {}, "extra": 1})"), "json.unknown_field");
  EXPECT_EQ(key(R"({"org_id": 0, "values": {}})"), "json.out_of_range");
}

TEST(RecordJsonTest, ReadsAnImportArray) {
  Result<std::vector<RecordImportRow>> rows =
      ReadImportJson(R"([{"org": "BTR", "held_on": "2023-01-02"}, {"org": "X", "n": 1.5}])", 10);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].line, 2);
  EXPECT_EQ((*rows)[1].cells.at("n"), "1,5");
  EXPECT_EQ(ReadImportJson(R"({"org": "BTR"})", 10).status().key(), "json.wrong_type");
  EXPECT_EQ(ReadImportJson(R"([1])", 10).status().key(), "json.wrong_type");
  EXPECT_EQ(ReadImportJson(R"([{"a":1,"a":1}])", 10).status().key(), "json.duplicate_key");
  EXPECT_EQ(ReadImportJson(R"([], "x": {})", 10).status().key(), "json.malformed");
  EXPECT_EQ(ReadImportJson(R"([{}, {}])", 1).status().key(), "import.too_many_rows");
}

// The type shape read back as a create body gives the same type: what the API writes, a client
// may send again.
TEST(RecordJsonTest, ATypeReadsBackFromItsOwnJson) {
  for (const RecordType& t : BuiltinRecordTypes()) {
    Json j = RecordTypeJson(t, std::nullopt, false);
    for (const char* computed : {"id", "privacy_label", "version", "version_count", "records"}) {
      j.erase(computed);
    }
    Result<JsonObjectReader> body = JsonObjectReader::Parse(DumpJson(j));
    ASSERT_TRUE(body.ok());
    RecordType back;
    const Status s = ReadRecordTypeJson(*body, /*create=*/true, &back);
    ASSERT_TRUE(s.ok()) << t.code << ": " << s.ToString();
    EXPECT_EQ(back, t) << t.code;
  }
}

TEST(RecordJsonTest, ARevisionReplacesTheLastVersionsContentOnly) {
  RecordType t = record_testing::BuiltinTypeByCode(kRecordDissemination);
  Result<JsonObjectReader> body = JsonObjectReader::Parse(
      R"({"name": "Quán triệt", "fields": [{"code": "held_on", "label": "Ngày",
          "type": "date", "required": true}]})");
  ASSERT_TRUE(body.ok());
  ASSERT_TRUE(ReadRecordTypeJson(*body, /*create=*/false, &t).ok());
  EXPECT_EQ(t.code, kRecordDissemination);
  EXPECT_EQ(t.date_field, "held_on");
  EXPECT_EQ(t.name, "Quán triệt");
  EXPECT_FALSE(t.description.empty()) << "a description left out is kept";
  ASSERT_EQ(t.versions.size(), 1u);
  EXPECT_EQ(t.versions[0].number, 1);
  ASSERT_EQ(t.versions[0].fields.size(), 1u);
  EXPECT_TRUE(t.versions[0].rules.empty());

  Result<JsonObjectReader> missing = JsonObjectReader::Parse(R"({"name": "x"})");
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(ReadRecordTypeJson(*missing, false, &t).key(), "json.missing_field");
  Result<JsonObjectReader> bad_type = JsonObjectReader::Parse(
      R"({"name": "x", "fields": [{"code": "a", "label": "A", "type": "colour"}]})");
  ASSERT_TRUE(bad_type.ok());
  EXPECT_EQ(ReadRecordTypeJson(*bad_type, false, &t).key(), "json.bad_value");
}

TEST(RecordJsonTest, RecordValuesAreTypedByTheirField) {
  const RecordType t = record_testing::BuiltinTypeByCode(kRecordInspection);
  Organization root;
  root.id = 1;
  root.code = "BTR";
  root.name = "Đảng bộ Khối";
  root.kind = OrgKind::kBlocCommittee;
  const OrgTree tree = OrgTree::Build({root}).value();
  Record r;
  r.id = 3;
  r.org_id = 1;
  r.values = {{"kind", OptionRef{"thematic"}},
              {"start_on", Date{2023, 4, 17}},
              {"violation", false},
              {"subject_org", OrgRef{1}},
              {"subject_member", std::string("Nguyễn Văn A")}};
  const Json j = RecordJson(t, r, tree);
  EXPECT_EQ(j["date"], "2023-04-17");
  EXPECT_EQ(j["org_code"], "BTR");
  EXPECT_EQ(j["values"]["kind"]["code"], "thematic");
  EXPECT_EQ(j["values"]["kind"]["label"], "Chuyên đề");
  EXPECT_EQ(j["values"]["violation"], false);
  EXPECT_EQ(j["values"]["start_on"], "2023-04-17");
  EXPECT_EQ(j["values"]["subject_org"]["name"], "Đảng bộ Khối");
  EXPECT_EQ(j["display"]["start_on"], "17/4/2023");
  EXPECT_EQ(j["display"]["violation"], "Không");
  EXPECT_EQ(j["display"]["subject_org"], "Đảng bộ Khối");
}

}  // namespace
}  // namespace nq::web::record_json_test
