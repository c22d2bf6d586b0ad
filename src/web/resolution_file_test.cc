#include "web/resolution_file.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::web::resolution_file_test {
namespace {

ResolutionBundle SmallBundle() {
  ResolutionBundle b;
  BundleOrg root;
  root.org.code = "DUK";
  root.org.name = "Đảng bộ Khối";
  root.org.kind = OrgKind::kBlocCommittee;
  root.org.sector = Sector::kNone;
  BundleOrg cell;
  cell.org.code = "DUK.A";
  cell.org.name = "Chi bộ Sở Y tế";
  cell.org.kind = OrgKind::kBaseCell;
  cell.org.sector = Sector::kStateAgency;
  cell.org.members = 25;
  cell.org.valid_to = Date{2022, 6, 30};
  cell.parent_code = "DUK";
  b.organizations = {root, cell};
  b.committee_code = "DUK";
  b.term.name = "Nhiệm kỳ 2020 - 2025";
  b.term.start = Date{2020, 8, 1};
  b.term.end = Date{2025, 7, 31};
  b.resolution.number = "01-NQ/ĐUK";
  b.resolution.title = "Nghị quyết Đại hội";
  Target t;
  t.code = "MT1";
  t.text = "Kết nạp từ 100 đảng viên";
  t.kind = TargetKind::kCumulative;
  t.indicator = "new_members";
  t.value = 100;
  t.unit = "đảng viên";
  b.targets = {t};
  DataElement n;
  n.code = "new_members";
  n.name = "Số đảng viên mới";
  DataElement r;
  r.code = "rating";
  r.name = "Xếp loại";
  r.type = ValueType::kCategory;
  r.period_type = PeriodType::kYearly;
  r.categories = {"HTXSNV", "HTTNV"};
  b.elements = {n, r};
  BundleDataSet s;
  s.data_set.code = "THANG";
  s.data_set.name = "Báo cáo tháng";
  s.data_set.reporting_kinds = {OrgKind::kBaseCell};
  s.data_set.rules = {{"R1", "new_members >= 0", "Không âm"}};
  s.element_codes = {"new_members"};
  b.data_sets = {s};
  b.values = {{"DUK.A", "new_members", Period::Parse("2021M03").value(), 2, true, "ước"},
              {"DUK.A", "rating", Period::Parse("2021").value(), 1, false, ""}};
  return b;
}

TEST(ResolutionFileTest, RoundTripsEveryField) {
  const ResolutionBundle b = SmallBundle();
  const std::string text = WriteResolutionFile(b);
  EXPECT_NE(text.find("\"value\": \"HTTNV\""), std::string::npos) << text;
  auto back = ParseResolutionFile(text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->organizations.size(), 2u);
  EXPECT_EQ(back->organizations[1].parent_code, "DUK");
  EXPECT_EQ(back->organizations[1].org.valid_to, (Date{2022, 6, 30}));
  EXPECT_EQ(back->organizations[1].org.members, 25);
  EXPECT_EQ(back->term, b.term);
  EXPECT_EQ(back->resolution, b.resolution);
  ASSERT_EQ(back->targets.size(), 1u);
  EXPECT_EQ(back->targets[0].indicator, "new_members");
  EXPECT_EQ(back->targets[0].kind, TargetKind::kCumulative);
  EXPECT_EQ(back->elements[1].categories, b.elements[1].categories);
  EXPECT_EQ(back->data_sets[0].data_set.rules, b.data_sets[0].data_set.rules);
  EXPECT_EQ(back->data_sets[0].element_codes, b.data_sets[0].element_codes);
  ASSERT_EQ(back->values.size(), 2u);
  EXPECT_EQ(back->values[0].period.ToString(), "2021M03");
  EXPECT_EQ(back->values[0].value, 2);
  EXPECT_TRUE(back->values[0].estimate);
  EXPECT_EQ(back->values[0].comment, "ước");
  EXPECT_EQ(back->values[1].value, 1);  // "HTTNV" back to its index
}

TEST(ResolutionFileTest, ListsEveryProblemWithItsPath) {
  std::string text = WriteResolutionFile(SmallBundle());
  auto replace = [&](const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  replace("\"2021M03\"", "\"2021M13\"");
  replace("\"kind\": \"cumulative\"", "\"kind\": \"sometimes\"");
  replace("\"members\": 25", "\"members\": \"25\", \"colour\": 1");
  auto parsed = ParseResolutionFile(text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().key(), "file.invalid");
  const std::string m = parsed.status().message();
  EXPECT_NE(m.find("values[0].period"), std::string::npos) << m;
  EXPECT_NE(m.find("targets[0].kind"), std::string::npos) << m;
  EXPECT_NE(m.find("organizations[1].members"), std::string::npos) << m;
  EXPECT_NE(m.find("organizations[1].colour"), std::string::npos) << m;
}

TEST(ResolutionFileTest, AssessmentSettingsAreOptionalAndRoundTrip) {
  ResolutionBundle b = SmallBundle();
  std::string text = WriteResolutionFile(b);
  EXPECT_EQ(text.find("assessment_settings"), std::string::npos);  // none given, none written
  auto plain = ParseResolutionFile(text);
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_FALSE(plain->settings.has_value());

  AssessmentSettings s;
  s.behind_floor = 0.7;
  s.exceed_margin = 0.125;
  s.buckets = {90, 62.5};
  s.mid_term_counts_on_track = false;
  b.settings = s;
  text = WriteResolutionFile(b);
  EXPECT_NE(text.find("\"assessment_settings\": {\n  \"behind_floor\": 70,\n  "
                      "\"exceed_margin\": 12.5,"),
            std::string::npos)
      << text;
  auto back = ParseResolutionFile(text);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_TRUE(back->settings.has_value());
  EXPECT_EQ(*back->settings, s);

  // Fields left out keep their defaults; the assessment uses the file's buckets.
  const size_t at = text.find("\"assessment_settings\"");
  const size_t end = text.find('}', at);
  text.replace(at, end + 1 - at, "\"assessment_settings\": {\"buckets\": [100, 20]}");
  auto partial = ParseResolutionFile(text);
  ASSERT_TRUE(partial.ok()) << partial.status().message();
  AssessmentSettings want;
  want.buckets = {100, 20};
  EXPECT_EQ(partial->settings, want);
  partial->settings->buckets = {20, 100};  // any order: assessed in descending order
  Result<analytics::ResolutionResult> r = AssessBundle(*partial, Date{2023, 5, 17}, "");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->buckets.size(), 2u);
  EXPECT_EQ(r->buckets[0].threshold, 100);
  EXPECT_EQ(r->buckets[1].threshold, 20);
}

TEST(ResolutionFileTest, BadAssessmentSettingsAreNamed) {
  std::string text = WriteResolutionFile(SmallBundle());
  const std::string marker = "\"data_elements\"";
  text.insert(text.find(marker),
              "\"assessment_settings\": {\"behind_floor\": \"85\", \"buckets\": [80, \"50\"], "
              "\"mid_term_counts_on_track\": 1, \"colour\": 2},\n ");
  auto parsed = ParseResolutionFile(text);
  ASSERT_FALSE(parsed.ok());
  const std::string m = parsed.status().message();
  for (const char* path :
       {"assessment_settings.behind_floor", "assessment_settings.buckets",
        "assessment_settings.mid_term_counts_on_track", "assessment_settings.colour"}) {
    EXPECT_NE(m.find(path), std::string::npos) << path << ": " << m;
  }

  // Well-formed but out of range: the bundle's validation names it.
  ResolutionBundle b = SmallBundle();
  AssessmentSettings s;
  s.behind_floor = 0.3;
  b.settings = s;
  const Status st = ValidateBundle(b);
  EXPECT_EQ(st.key(), "bundle.invalid");
  EXPECT_NE(st.message().find("assessment_settings: Ngưỡng chậm tiến độ phải từ 50% đến 100%"),
            std::string::npos)
      << st.message();
  EXPECT_EQ(AssessBundle(b, Date{2023, 5, 17}, "").status().key(), "bundle.invalid");
}

TEST(ResolutionFileTest, RefusesOtherFormatsAndMalformedJson) {
  EXPECT_EQ(ParseResolutionFile("{\"format\":\"x\",\"version\":1}").status().key(), "file.format");
  EXPECT_EQ(ParseResolutionFile("{\"format\":\"nqtrack.resolution\",\"version\":2}").status().key(),
            "file.format");
  EXPECT_EQ(ParseResolutionFile("{\"format\":").status().key(), "json.malformed");
  EXPECT_EQ(ParseResolutionFile("\xff\xfe").status().key(), "json.invalid_utf8");
}

TEST(ValuesJsonTest, ReadsObjectOrArrayAndTurnsValuesIntoText) {
  auto rows = ParseValuesJson(
      "{\"values\":[{\"org\":\"A\",\"element\":\"x\",\"period\":\"2023M01\",\"value\":1234.5},"
      "{\"org\":\"A\",\"element\":\"y\",\"period\":\"2023\",\"value\":true,\"estimate\":true},"
      "{\"org\":\"A\",\"element\":\"z\",\"period\":\"2023\",\"value\":\"HTTNV\"}]}");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].value, "1.234,5");
  EXPECT_EQ((*rows)[0].line, 1);
  EXPECT_EQ((*rows)[1].value, "1");
  EXPECT_TRUE((*rows)[1].estimate);
  EXPECT_EQ((*rows)[2].value, "HTTNV");
  auto bare = ParseValuesJson(
      "[{\"org\":\"A\",\"element\":\"x\",\"period\":\"2023M01\","
      "\"value\":\"2\"}]");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->size(), 1u);
}

TEST(ValuesJsonTest, ListsEveryBadItem) {
  auto rows = ParseValuesJson(
      "[{\"org\":\"A\",\"element\":\"x\",\"period\":\"2023M01\"},"
      "{\"org\":1,\"element\":\"x\",\"period\":\"2023M01\",\"value\":null,\"extra\":0}]");
  ASSERT_FALSE(rows.ok());
  const std::string m = rows.status().message();
  EXPECT_NE(m.find("values[0].value"), std::string::npos) << m;
  EXPECT_NE(m.find("values[1].org"), std::string::npos) << m;
  EXPECT_NE(m.find("values[1].value"), std::string::npos) << m;
  EXPECT_NE(m.find("values[1].extra"), std::string::npos) << m;
}

}  // namespace
}  // namespace nq::web::resolution_file_test
