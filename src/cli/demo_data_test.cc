#include "cli/demo_data.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "common/utf8.h"

namespace nq::cli {
namespace {

TEST(DemoDataTest, OrganizationRowsFormOneBlocTreeOfTheRightSize) {
  const auto rows = DemoOrganizationRows();
  std::map<std::string, const OrgService::ImportRow*> by_code;
  int grassroots = 0;
  int members = 0;
  std::map<Sector, int> sectors;
  for (const auto& row : rows) {
    ASSERT_TRUE(row.input.code && row.input.name && row.input.kind && row.input.sector);
    const std::string& code = *row.input.code;
    EXPECT_TRUE(IsValidOrgCode(code)) << code;
    EXPECT_TRUE(IsValidUtf8(*row.input.name)) << code;
    EXPECT_TRUE(by_code.emplace(code, &row).second) << "repeated " << code;
    if (row.parent_code.empty()) {
      EXPECT_EQ(code, kDemoRootCode);
      EXPECT_EQ(*row.input.kind, OrgKind::kBlocCommittee);
    } else {
      // Parents come first, so one import creates the whole tree.
      ASSERT_EQ(by_code.count(row.parent_code), 1u) << code;
      const OrgKind parent_kind = *by_code[row.parent_code]->input.kind;
      if (*row.input.kind == OrgKind::kSubCell) {
        EXPECT_EQ(parent_kind, OrgKind::kBaseCommittee) << code;
      } else {
        EXPECT_EQ(parent_kind, OrgKind::kBlocCommittee) << code;
      }
    }
    const OrgKind kind = *row.input.kind;
    if (kind == OrgKind::kBaseCommittee || kind == OrgKind::kBaseCell) {
      ++grassroots;
      ++sectors[*row.input.sector];
    }
    // Members belong to cells: committees hold none themselves.
    if (kind == OrgKind::kBaseCell || kind == OrgKind::kSubCell) {
      EXPECT_GE(*row.input.members, 5) << code;
      EXPECT_LE(*row.input.members, 150) << code;
    } else {
      EXPECT_EQ(*row.input.members, 0) << code;
    }
    members += *row.input.members;
  }
  EXPECT_GE(grassroots, 120);
  EXPECT_LE(grassroots, 150);
  EXPECT_GE(members, 4500);
  EXPECT_LE(members, 5500);
  for (Sector s : {Sector::kStateAgency, Sector::kPublicServiceUnit, Sector::kStateEnterprise,
                   Sector::kNonStateEnterprise}) {
    EXPECT_GE(sectors[s], 5) << SectorCode(s);
  }
  ASSERT_EQ(by_code.count("BTR.STC"), 1u);
  EXPECT_EQ(*by_code["BTR.STC"]->input.name, "Đảng bộ Sở Tài chính");
  EXPECT_EQ(by_code.count(kDemoClosedCode), 1u);
}

TEST(DemoDataTest, RowsAreTheSameOnEveryCall) {
  const auto a = DemoOrganizationRows();
  const auto b = DemoOrganizationRows();
  ASSERT_EQ(a.size(), b.size());
  int differing_workers = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].line, b[i].line);
    EXPECT_EQ(a[i].input.code, b[i].input.code);
    EXPECT_EQ(a[i].input.workers, b[i].input.workers);
    EXPECT_EQ(a[i].input.sort_order, b[i].input.sort_order);
    if (*a[i].input.workers != *a[i].input.members) ++differing_workers;
  }
  // Worker counts come from the generator, not a copy of the member counts.
  EXPECT_GT(differing_workers, 100);
}

TEST(DemoDataTest, OneUserPerRoleAndTwoSiblingReporters) {
  const auto users = DemoUsers();
  std::set<Role> roles;
  std::set<std::string> reporter_orgs;
  for (const DemoUser& u : users) {
    EXPECT_TRUE(IsValidUsername(u.username)) << u.username;
    roles.insert(u.role);
    if (u.role == Role::kReporter) reporter_orgs.insert(u.org_code);
  }
  EXPECT_EQ(roles.size(), 4u);
  EXPECT_EQ(reporter_orgs, (std::set<std::string>{"BTR.STC", "BTR.SYT"}));
}

}  // namespace
}  // namespace nq::cli
