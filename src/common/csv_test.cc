#include "common/csv.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nq::csv_test {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvTest, ReadsPlainRecordsWithLineNumbers) {
  CsvData d = ReadCsv("code,name\nBTR,Đảng bộ Khối\nBTR.STC,Đảng bộ Sở Tài chính\n");
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[0].fields, (Fields{"code", "name"}));
  EXPECT_EQ(d.records[1].line, 2);
  EXPECT_EQ(d.records[2].fields, (Fields{"BTR.STC", "Đảng bộ Sở Tài chính"}));
  EXPECT_EQ(d.records[2].line, 3);
}

TEST(CsvTest, AcceptsCrLfLoneCrAndMissingFinalNewline) {
  CsvData d = ReadCsv("a,b\r\nc,d\re,f");
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(d.records[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ(d.records[2].line, 3);
}

TEST(CsvTest, QuotedFieldsHoldCommasQuotesAndNewlines) {
  CsvData d =
      ReadCsv("x,\"Công ty \"\"Hưng Phát\"\", chi nhánh\",y\n\"dòng 1\r\ndòng 2\",z\nlast,1\n");
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[0].fields, (Fields{"x", "Công ty \"Hưng Phát\", chi nhánh", "y"}));
  EXPECT_EQ(d.records[1].fields, (Fields{"dòng 1\r\ndòng 2", "z"}));
  EXPECT_EQ(d.records[1].line, 2);
  // The record after a two-line record starts on physical line 4.
  EXPECT_EQ(d.records[2].line, 4);
}

TEST(CsvTest, SkipsBomAndBlankLinesButKeepsEmptyFields) {
  CsvData d = ReadCsv(
      "\xEF\xBB\xBF"
      "code,name\n\n  \n,\nA,\n");
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[0].fields[0], "code");  // no BOM bytes left in the first field
  EXPECT_EQ(d.records[1].fields, (Fields{"", ""}));
  EXPECT_EQ(d.records[1].line, 4);
  EXPECT_EQ(d.records[2].fields, (Fields{"A", ""}));
}

TEST(CsvTest, ReportsEveryMalformedRecordAndKeepsTheRest) {
  CsvData d = ReadCsv(
      "a,b\n"
      "ok,1\n"
      "bad\"quote,2\n"
      "\"closed\"junk,3\n"
      "ok2,4\n"
      "bad\xC3utf8,5\n"
      "ok3,6\n");
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_EQ(d.errors[0].line, 3);
  EXPECT_EQ(d.errors[1].line, 4);
  EXPECT_EQ(d.errors[2].line, 6);
  EXPECT_NE(d.errors[2].message.find("UTF-8"), std::string::npos);
  ASSERT_EQ(d.records.size(), 4u);
  EXPECT_EQ(d.records[2].fields, (Fields{"ok2", "4"}));
  EXPECT_EQ(d.records[3].line, 7);
}

TEST(CsvTest, ReportsUnterminatedQuoteAtItsStartLine) {
  CsvData d = ReadCsv("a,b\n1,\"never closed\n2,3\n");
  ASSERT_EQ(d.records.size(), 1u);
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].line, 2);
}

TEST(CsvTest, RejectsOverlongUtf8) {
  // "/" encoded in two bytes is not valid UTF-8.
  CsvData d = ReadCsv("a\xC0\xAF,b\n");
  EXPECT_TRUE(d.records.empty());
  ASSERT_EQ(d.errors.size(), 1u);
  EXPECT_EQ(d.errors[0].line, 1);
}

TEST(CsvTest, EscapesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("Sở Tài chính"), "Sở Tài chính");
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvEscape(" padded"), "\" padded\"");
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvLine({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(CsvTest, WriteThenReadRoundTrips) {
  std::vector<Fields> rows = {
      {"code", "name", "note"},
      {"BTR.STC", "Đảng bộ Sở Tài chính", "có \"ngoặc\", dấu phẩy\nvà xuống dòng"},
      {""},
      {"  ", "\t", "x\r"},
      {"", "", ""},
  };
  std::string text;
  for (const Fields& r : rows) text += CsvLine(r);
  CsvData d = ReadCsv(text);
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(d.records[i].fields, rows[i]) << i;
}

TEST(CsvTest, HeaderGivesPositionsByTrimmedName) {
  const CsvHeader h = ReadCsvHeader({" ten", "ma ", "han"}, {"ma", "ten", "han", "ghi_chu"},
                                    {"ma", "ten"});
  EXPECT_EQ(h.error, CsvHeader::Error::kNone);
  EXPECT_EQ(h.positions, (std::map<std::string, size_t>{{"ten", 0}, {"ma", 1}, {"han", 2}}));
  EXPECT_EQ(h.column, "");
}

TEST(CsvTest, HeaderNamesItsFirstProblem) {
  const std::vector<std::string_view> known = {"ma", "ten", "han"};
  const std::vector<std::string_view> required = {"ma", "ten"};
  auto read = [&](const std::vector<std::string>& fields) {
    const CsvHeader h = ReadCsvHeader(fields, known, required);
    EXPECT_TRUE(h.error == CsvHeader::Error::kNone || h.positions.empty());
    return std::make_pair(h.error, h.column);
  };
  using E = CsvHeader::Error;
  EXPECT_EQ(read({"ma", "mau", "ten"}), std::make_pair(E::kUnknownColumn, std::string("mau")));
  EXPECT_EQ(read({"ma", " ten", "ten "}), std::make_pair(E::kRepeatedColumn, std::string("ten")));
  // Left to right: the repeat comes before the unknown column.
  EXPECT_EQ(read({"ma", "ma", "mau"}), std::make_pair(E::kRepeatedColumn, std::string("ma")));
  EXPECT_EQ(read({"han", "ten"}), std::make_pair(E::kMissingColumn, std::string("ma")));
  EXPECT_EQ(read({}), std::make_pair(E::kMissingColumn, std::string("ma")));
  EXPECT_EQ(read({"ma", "ten"}), std::make_pair(E::kNone, std::string()));
}

TEST(CsvTest, IntCellsAreWholeNumbersInRange) {
  EXPECT_EQ(ParseIntCell("0", 0, 100), 0);
  EXPECT_EQ(ParseIntCell("100", 0, 100), 100);
  EXPECT_EQ(ParseIntCell("-5", -10, 10), -5);
  EXPECT_EQ(ParseIntCell("007", 0, 10), 7);
  EXPECT_EQ(ParseIntCell("9000000000", 0, INT64_MAX), 9000000000);
  EXPECT_FALSE(ParseIntCell("101", 0, 100));
  EXPECT_FALSE(ParseIntCell("-1", 0, 100));
  EXPECT_FALSE(ParseIntCell("", 0, 100));
  EXPECT_FALSE(ParseIntCell(" 5", 0, 100));
  EXPECT_FALSE(ParseIntCell("5 ", 0, 100));
  EXPECT_FALSE(ParseIntCell("+5", 0, 100));
  EXPECT_FALSE(ParseIntCell("5.0", 0, 100));
  EXPECT_FALSE(ParseIntCell("1.000", 0, 10000));
  EXPECT_FALSE(ParseIntCell("99999999999999999999", 0, INT64_MAX));  // overflows int64
}

}  // namespace
}  // namespace nq::csv_test
