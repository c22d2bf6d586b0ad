#include "web/record_csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/csv.h"
#include "domain/record_builtin.h"
#include "domain/record_test_util.h"

namespace nq::web::record_csv_test {
namespace {

Organization Org(int64_t id, const char* code, const char* name, OrgKind kind,
                 std::optional<int64_t> parent) {
  Organization o;
  o.id = id;
  o.code = code;
  o.name = name;
  o.kind = kind;
  o.parent_id = parent;
  return o;
}

OrgTree TestTree() {
  return OrgTree::Build(
             {Org(1, "BTR", "Đảng bộ Khối", OrgKind::kBlocCommittee, std::nullopt),
              Org(2, "BTR.STC", "Đảng bộ Sở Tài chính, Kế hoạch", OrgKind::kBaseCommittee, 1)})
      .value();
}

Record Dissemination() {
  Record r;
  r.id = 7;
  r.org_id = 2;
  r.values = {{"document", std::string("01-NQ/ĐUK, \"bổ sung\"")},
              {"held_on", Date{2023, 3, 10}},
              {"members_present", 40.0},
              {"members_total", 45.0},
              {"workers_reached", 1234.0}};
  return r;
}

TEST(RecordCsvTest, WritesBomHeaderOfLabelsAndValuesAsPeopleReadThem) {
  const RecordType t = record_testing::BuiltinTypeByCode(kRecordDissemination);
  const std::string csv = RecordsCsv(t, {Dissemination()}, TestTree());
  ASSERT_EQ(csv.substr(0, 3), kUtf8Bom);
  const CsvData data = ReadCsv(csv);
  ASSERT_TRUE(data.errors.empty());
  ASSERT_EQ(data.records.size(), 2u);
  const std::vector<std::string>& head = data.records[0].fields;
  ASSERT_EQ(head.size(), 2 + t.Current()->fields.size());
  EXPECT_EQ(head[0], "Mã tổ chức");
  EXPECT_EQ(head[1], "Tổ chức");
  EXPECT_EQ(head[2], t.Current()->fields[0].label);
  const std::vector<std::string>& row = data.records[1].fields;
  // The cell under the label of field `code`.
  auto cell = [&](const char* code) -> std::string {
    const FieldDef* f = t.Current()->Find(code);
    for (size_t i = 0; f != nullptr && i < head.size(); ++i) {
      if (head[i] == f->label) return row.at(i);
    }
    ADD_FAILURE() << "no column for " << code;
    return "";
  };
  EXPECT_EQ(row[0], "BTR.STC");
  EXPECT_EQ(row[1], "Đảng bộ Sở Tài chính, Kế hoạch");
  EXPECT_EQ(cell("document"), "01-NQ/ĐUK, \"bổ sung\"");
  EXPECT_EQ(cell("held_on"), "10/3/2023");
  EXPECT_EQ(cell("members_present"), "40");
  EXPECT_EQ(cell("workers_reached"), "1.234");
  EXPECT_EQ(cell("workers_total"), "");  // left empty
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
}

TEST(RecordCsvTest, WhatIsWrittenReadsBackToTheSameValues) {
  const RecordType t = record_testing::BuiltinTypeByCode(kRecordDissemination);
  const Record r = Dissemination();
  const RecordsCsvInput in = ReadRecordsCsv(RecordsCsv(t, {r}, TestTree()));
  ASSERT_TRUE(in.problems.empty());
  ASSERT_EQ(in.rows.size(), 1u);
  EXPECT_EQ(in.rows[0].line, 2);
  std::map<std::string, std::string> cells = in.rows[0].cells;
  EXPECT_EQ(cells.count("Tổ chức"), 0u) << "the name column is dropped beside the code";
  EXPECT_EQ(cells.at("Mã tổ chức"), "BTR.STC");
  cells.erase("Mã tổ chức");
  const ParsedInput parsed = ParseRecordInput(*t.Current(), cells);
  EXPECT_TRUE(parsed.problems.empty());
  EXPECT_EQ(parsed.values, r.values);
}

TEST(RecordCsvTest, WritesAnOrganizationFieldByCode) {
  const RecordType t = record_testing::BuiltinTypeByCode(kRecordInspection);
  Record r;
  r.org_id = 1;
  r.values = {{"subject_org", OrgRef{2}}, {"start_on", Date{2023, 4, 17}}};
  const CsvData data = ReadCsv(RecordsCsv(t, {r}, TestTree()));
  ASSERT_EQ(data.records.size(), 2u);
  const std::vector<std::string>& head = data.records[0].fields;
  size_t col = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == t.Current()->Find("subject_org")->label) col = i;
  }
  ASSERT_NE(col, 0u);
  EXPECT_EQ(data.records[1].fields[col], "BTR.STC");
}

TEST(RecordCsvTest, ReportsFileProblemsWithTheirLines) {
  const RecordsCsvInput in = ReadRecordsCsv(
      "org,held_on,held_on\r\n"
      "BTR.STC,1/1/2023\r\n"  // short: padded
      "BTR.STC,1/1/2023,2/1/2023,x\r\n"
      "BTR.STC,\"1/1/2023\r\n");
  ASSERT_EQ(in.problems.size(), 3u);
  EXPECT_EQ(in.problems[0].line, 4);  // the CSV reader's errors come first
  EXPECT_EQ(in.problems[0].problem.key, "csv.malformed");
  EXPECT_EQ(in.problems[1].line, 1);
  EXPECT_EQ(in.problems[1].problem.key, "csv.duplicate_column");
  EXPECT_EQ(in.problems[2].line, 3);
  EXPECT_EQ(in.problems[2].problem.key, "csv.extra_cells");
  ASSERT_EQ(in.rows.size(), 1u);
  EXPECT_EQ(in.rows[0].line, 2);
  EXPECT_EQ(in.rows[0].cells.at("org"), "BTR.STC");
}

TEST(RecordCsvTest, AnEmptyFileHasNoHeader) {
  const RecordsCsvInput in = ReadRecordsCsv("");
  ASSERT_EQ(in.problems.size(), 1u);
  EXPECT_EQ(in.problems[0].problem.key, "csv.empty");
  EXPECT_TRUE(ReadRecordsCsv("org,held_on\r\n").problems.empty());
}

TEST(RecordCsvTest, KeepsTheNameColumnWithoutACodeColumn) {
  // "Tổ chức" alone is the organization column (the importer reads it as a code).
  const RecordsCsvInput in = ReadRecordsCsv("Tổ chức,held_on\r\nBTR.STC,1/1/2023\r\n");
  ASSERT_EQ(in.rows.size(), 1u);
  EXPECT_EQ(in.rows[0].cells.at("Tổ chức"), "BTR.STC");
}

}  // namespace
}  // namespace nq::web::record_csv_test
