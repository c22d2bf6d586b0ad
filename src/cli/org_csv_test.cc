#include "cli/org_csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/csv.h"

namespace nq::cli::org_csv_test {
namespace {

const char kHeader[] = "code,name,kind,sector,parent_code,members,workers,valid_from,sort_order\n";

TEST(OrgCsvTest, ParsesRowsWithLineNumbersAndTypes) {
  std::string text = std::string(kUtf8Bom) + kHeader +
                     "BTR,Đảng bộ Khối,bloc_committee,none,,0,0,2020-01-01,0\r\n"
                     "\n"
                     "BTR.STC,\"Đảng bộ Sở Tài chính, tỉnh\",base_committee,state_agency,BTR,"
                     "12, 30 ,15/8/2021,-5\r\n";
  auto rows = ParseOrgCsv(text);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  const auto& root = (*rows)[0];
  EXPECT_EQ(root.line, 2);
  EXPECT_EQ(root.parent_code, "");
  EXPECT_EQ(*root.input.kind, OrgKind::kBlocCommittee);
  EXPECT_EQ(*root.input.sector, Sector::kNone);
  const auto& stc = (*rows)[1];
  EXPECT_EQ(stc.line, 4);
  EXPECT_EQ(*stc.input.code, "BTR.STC");
  EXPECT_EQ(*stc.input.name, "Đảng bộ Sở Tài chính, tỉnh");
  EXPECT_EQ(stc.parent_code, "BTR");
  EXPECT_EQ(*stc.input.members, 12);
  EXPECT_EQ(*stc.input.workers, 30);
  EXPECT_EQ(*stc.input.valid_from, (Date{2021, 8, 15}));
  EXPECT_EQ(*stc.input.sort_order, -5);
}

TEST(OrgCsvTest, ColumnsInAnyOrderAndOptionalOnesLeftUnset) {
  auto rows = ParseOrgCsv("parent_code,kind,name,code\nBTR,base_cell,Chi bộ Sở Tư pháp,BTR.STP\n");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(*(*rows)[0].input.code, "BTR.STP");
  EXPECT_EQ((*rows)[0].parent_code, "BTR");
  EXPECT_FALSE((*rows)[0].input.members.has_value());
  EXPECT_FALSE((*rows)[0].input.sector.has_value());
  EXPECT_FALSE((*rows)[0].input.valid_from.has_value());
}

TEST(OrgCsvTest, EmptyCellsLeaveFieldsUnset) {
  auto rows = ParseOrgCsv(std::string(kHeader) + "BTR.STC,,,,BTR,,,,\n");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  const OrgInput& in = (*rows)[0].input;
  EXPECT_FALSE(in.name.has_value());
  EXPECT_FALSE(in.kind.has_value());
  EXPECT_FALSE(in.workers.has_value());
  EXPECT_FALSE(in.sort_order.has_value());
}

TEST(OrgCsvTest, ReportsEveryBadLineAtOnce) {
  std::string text = std::string(kHeader) +
                     "A,Tên A,base_cell,state_agency,BTR,10,20,2020-01-01,1\n"    // 2 ok
                     "B,Tên B,cell,state_agency,BTR,10,20,2020-01-01,2\n"         // 3 bad kind
                     "C,Tên C,base_cell,state_agency,BTR,mười,20,2020-01-01,3\n"  // 4 bad number
                     "D,Tên D,base_cell,state_agency,BTR,10,20,2020-02-30,4\n"    // 5 bad date
                     "E,Tên E,base_cell,state_agency,BTR,10,20\n"                 // 6 short row
                     "A,Tên A lần hai,base_cell,state_agency,BTR,1,1,,\n"         // 7 repeated
                     "F,T\xC3n F,base_cell,state_agency,BTR,1,1,,\n"              // 8 bad UTF-8
                     ",Không mã,base_cell,state_agency,BTR,1,1,,\n"               // 9 no code
                     "G,Tên G,base_cell,private,BTR,-1,1,,\n";                    // 10 two faults
  auto rows = ParseOrgCsv(text);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), Code::kInvalid);
  EXPECT_EQ(rows.status().key(), "import.bad_rows");
  const std::string m = rows.status().message();
  for (int line = 3; line <= 10; ++line) {
    EXPECT_NE(m.find("\ndòng " + std::to_string(line) + ": "), std::string::npos) << line;
  }
  EXPECT_EQ(m.find("dòng 2:"), std::string::npos);
  EXPECT_NE(m.find("8 dòng lỗi"), std::string::npos);
  EXPECT_NE(m.find("trùng với dòng 2"), std::string::npos);
  EXPECT_NE(m.find("UTF-8"), std::string::npos);
  // Line 10 names both of its faults.
  const size_t l10 = m.find("dòng 10: ");
  ASSERT_NE(l10, std::string::npos);
  EXPECT_NE(m.find("khu vực", l10), std::string::npos);
  EXPECT_NE(m.find("số đảng viên", l10), std::string::npos);
  // Lines are listed in order.
  EXPECT_LT(m.find("dòng 3:"), m.find("dòng 8:"));
  EXPECT_LT(m.find("dòng 8:"), m.find("dòng 10:"));
}

TEST(OrgCsvTest, RejectsBadHeaders) {
  EXPECT_EQ(ParseOrgCsv("code,name,kind\nA,B,base_cell\n").status().key(), "import.bad_header");
  EXPECT_EQ(ParseOrgCsv("code,name,kind,parent_code,colour\n").status().key(), "import.bad_header");
  EXPECT_EQ(ParseOrgCsv("code,name,kind,parent_code,name\n").status().key(), "import.bad_header");
  EXPECT_EQ(ParseOrgCsv("").status().key(), "import.empty");
  EXPECT_EQ(ParseOrgCsv(kHeader).status().key(), "import.empty");
  EXPECT_EQ(ParseOrgCsv("co\xFF"
                        "de,name\n")
                .status()
                .key(),
            "import.bad_header");
}

TEST(OrgCsvTest, WrittenTreeParsesBackToTheSameOrganizations) {
  std::vector<Organization> orgs(3);
  orgs[0].id = 1;
  orgs[0].code = "BTR";
  orgs[0].name = "Đảng bộ Khối";
  orgs[0].kind = OrgKind::kBlocCommittee;
  orgs[0].sector = Sector::kNone;
  orgs[1].id = 2;
  orgs[1].code = "BTR.X";
  orgs[1].name = "Chi bộ Công ty \"Hưng Phát\", chi nhánh";
  orgs[1].kind = OrgKind::kBaseCell;
  orgs[1].sector = Sector::kNonStateEnterprise;
  orgs[1].parent_id = 1;
  orgs[1].members = 7;
  orgs[1].workers = 250;
  orgs[1].valid_from = Date{2022, 5, 19};
  orgs[1].sort_order = 20;
  orgs[2] = orgs[1];
  orgs[2].id = 3;
  orgs[2].code = "BTR.A";
  orgs[2].name = "Chi bộ A";
  orgs[2].sort_order = 10;
  auto tree = OrgTree::Build(orgs);
  ASSERT_TRUE(tree.ok()) << tree.status().message();

  const std::string csv = WriteOrgCsv(*tree);
  EXPECT_TRUE(csv.starts_with(kUtf8Bom));
  auto rows = ParseOrgCsv(csv);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  // Pre-order: the root, then its children by sort_order.
  EXPECT_EQ(*(*rows)[0].input.code, "BTR");
  EXPECT_EQ(*(*rows)[1].input.code, "BTR.A");
  const auto& x = (*rows)[2];
  EXPECT_EQ(*x.input.code, "BTR.X");
  EXPECT_EQ(*x.input.name, orgs[1].name);
  EXPECT_EQ(*x.input.kind, OrgKind::kBaseCell);
  EXPECT_EQ(*x.input.sector, Sector::kNonStateEnterprise);
  EXPECT_EQ(x.parent_code, "BTR");
  EXPECT_EQ(*x.input.members, 7);
  EXPECT_EQ(*x.input.workers, 250);
  EXPECT_EQ(*x.input.valid_from, (Date{2022, 5, 19}));
  EXPECT_EQ(*x.input.sort_order, 20);
}

}  // namespace
}  // namespace nq::cli::org_csv_test
