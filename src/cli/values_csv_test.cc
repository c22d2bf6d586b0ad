#include "cli/values_csv.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::cli::values_csv_test {
namespace {

TEST(ValuesCsvTest, ReadsColumnsByHeaderWithLinesAndEstimates) {
  const std::string text =
      "period,org,element,value,estimate,comment\r\n"
      "2023M04,BTR.STC.VP,new_members,2,,\r\n"
      "\r\n"
      "2023M04,BTR.SYT,meeting_attendance,\"92,5\",có,\"ước tính, chưa chốt\"\r\n";
  auto rows = ParseValuesCsv(text);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].line, 2);
  EXPECT_EQ((*rows)[0].org_code, "BTR.STC.VP");
  EXPECT_EQ((*rows)[0].element_code, "new_members");
  EXPECT_EQ((*rows)[0].period, "2023M04");
  EXPECT_EQ((*rows)[0].value, "2");
  EXPECT_FALSE((*rows)[0].estimate);
  EXPECT_EQ((*rows)[1].line, 4);
  EXPECT_EQ((*rows)[1].value, "92,5");
  EXPECT_TRUE((*rows)[1].estimate);
  EXPECT_EQ((*rows)[1].comment, "ước tính, chưa chốt");
}

TEST(ValuesCsvTest, OptionalColumnsMayBeAbsent) {
  auto rows = ParseValuesCsv("org,element,period,value\nBTR,nse_eligible,2022,29\n");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].value, "29");
  EXPECT_EQ((*rows)[0].comment, "");
}

TEST(ValuesCsvTest, MissingColumnIsRefused) {
  auto rows = ParseValuesCsv("org,element,value\nBTR,x,1\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().key(), "csv.invalid");
  EXPECT_NE(rows.status().message().find("period"), std::string::npos);
}

TEST(ValuesCsvTest, EveryBadLineIsListed) {
  auto rows = ParseValuesCsv(
      "org,element,period,value,estimate\n"
      "BTR,a,2022,1,\n"
      "BTR,a,2022\n"
      "BTR,a,2023,1,có lẽ\n"
      "BTR,a,\"2024,1,\n");
  ASSERT_FALSE(rows.ok());
  const std::string m = rows.status().message();
  EXPECT_EQ(m.find("dòng 2:"), std::string::npos) << m;
  EXPECT_NE(m.find("dòng 3:"), std::string::npos) << m;
  EXPECT_NE(m.find("dòng 4:"), std::string::npos) << m;
  EXPECT_NE(m.find("dòng 5:"), std::string::npos) << m;
}

TEST(ValuesCsvTest, EmptyFileIsRefused) {
  EXPECT_EQ(ParseValuesCsv("").status().key(), "csv.invalid");
}

}  // namespace
}  // namespace nq::cli::values_csv_test
