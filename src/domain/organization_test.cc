#include "domain/organization.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::organization_test {
namespace {

Organization Cell() {
  Organization o;
  o.id = 2;
  o.code = "DUK.STC";
  o.name = "Chi bộ Sở Tài chính";
  o.kind = OrgKind::kBaseCell;
  o.sector = Sector::kStateAgency;
  o.parent_id = 1;
  o.members = 25;
  o.workers = 60;
  return o;
}

TEST(OrganizationTest, KindAndSectorCodesRoundTrip) {
  for (OrgKind k : {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell,
                    OrgKind::kSubCell}) {
    EXPECT_EQ(ParseOrgKind(OrgKindCode(k)), k);
  }
  for (Sector s : {Sector::kNone, Sector::kStateAgency, Sector::kPublicServiceUnit,
                   Sector::kStateEnterprise, Sector::kNonStateEnterprise}) {
    EXPECT_EQ(ParseSector(SectorCode(s)), s);
  }
  EXPECT_STREQ(OrgKindCode(OrgKind::kSubCell), "sub_cell");
  EXPECT_STREQ(OrgKindLabel(OrgKind::kBaseCommittee), "Đảng bộ cơ sở");
  EXPECT_STREQ(SectorLabel(Sector::kNonStateEnterprise), "Doanh nghiệp ngoài khu vực Nhà nước");
  EXPECT_FALSE(ParseOrgKind("cell"));
  EXPECT_FALSE(ParseSector(""));
}

TEST(OrganizationTest, AcceptsAWellFormedOrganization) {
  EXPECT_TRUE(ValidateOrganization(Cell()).ok());
  Organization bloc = Cell();
  bloc.kind = OrgKind::kBlocCommittee;
  bloc.sector = Sector::kNone;
  bloc.parent_id.reset();
  EXPECT_TRUE(ValidateOrganization(bloc).ok());
}

TEST(OrganizationTest, ChecksTheCode) {
  EXPECT_TRUE(IsValidOrgCode("DUK.STC-01_a"));
  EXPECT_TRUE(IsValidOrgCode(std::string(32, 'A')));
  EXPECT_FALSE(IsValidOrgCode(std::string(33, 'A')));
  EXPECT_FALSE(IsValidOrgCode(""));
  EXPECT_FALSE(IsValidOrgCode("DUK STC"));
  EXPECT_FALSE(IsValidOrgCode("ĐUK"));
  EXPECT_FALSE(IsValidOrgCode("a/b"));
  Organization o = Cell();
  o.code = "Sở Tài chính";
  Status s = ValidateOrganization(o);
  EXPECT_EQ(s.code(), Code::kInvalid);
  EXPECT_EQ(s.key(), "org.code_invalid");
  EXPECT_NE(s.message().find("Mã tổ chức"), std::string::npos);
  EXPECT_NE(s.message().find("tối đa 32 ký tự"), std::string::npos);
  o.code = "";
  EXPECT_EQ(ValidateOrganization(o).message(), "Mã tổ chức không được để trống");
}

TEST(OrganizationTest, ChecksTheName) {
  Organization o = Cell();
  o.name = "   ";
  EXPECT_EQ(ValidateOrganization(o).key(), "org.name_required");
  o.name = "Chi bộ \xFF";
  EXPECT_EQ(ValidateOrganization(o).key(), "org.name_invalid");
  std::string name;
  for (int i = 0; i < 255; ++i) name += "đ";  // 255 code points, 510 bytes
  o.name = name;
  EXPECT_TRUE(ValidateOrganization(o).ok());
  o.name += "a";
  EXPECT_EQ(ValidateOrganization(o).key(), "org.name_too_long");
  EXPECT_EQ(ValidateOrganization(o).message(), "Tên tổ chức dài tối đa 255 ký tự");
}

TEST(OrganizationTest, ChecksCounts) {
  Organization o = Cell();
  o.members = -1;
  EXPECT_EQ(ValidateOrganization(o).key(), "org.members_invalid");
  o.members = 1000001;
  EXPECT_EQ(ValidateOrganization(o).key(), "org.members_invalid");
  o.members = 1000000;
  EXPECT_TRUE(ValidateOrganization(o).ok());
  o.workers = -5;
  EXPECT_EQ(ValidateOrganization(o).key(), "org.workers_invalid");
  EXPECT_NE(ValidateOrganization(o).message().find("Số người lao động"), std::string::npos);
}

TEST(OrganizationTest, ChecksValidityDates) {
  Organization o = Cell();
  o.valid_from = Date{2020, 1, 1};
  o.valid_to = Date{2019, 12, 31};
  Status s = ValidateOrganization(o);
  EXPECT_EQ(s.key(), "org.valid_to_invalid");
  EXPECT_NE(s.message().find("31/12/2019"), std::string::npos);
  o.valid_to = Date{2020, 1, 1};  // closed the day it opened: allowed
  EXPECT_TRUE(ValidateOrganization(o).ok());
  o.valid_to = Date{2023, 2, 30};
  EXPECT_EQ(ValidateOrganization(o).key(), "org.valid_to_invalid");
  o.valid_to.reset();
  o.valid_from = Date{2023, 13, 1};
  EXPECT_EQ(ValidateOrganization(o).key(), "org.valid_from_invalid");
}

TEST(OrganizationTest, OnlyABlocCommitteeMayBeARoot) {
  Organization o = Cell();
  o.parent_id.reset();
  Status s = ValidateOrganization(o);
  EXPECT_EQ(s.key(), "org.parent_required");
  EXPECT_NE(s.message().find("Chi bộ cơ sở"), std::string::npos);
  o = Cell();
  o.parent_id = o.id;
  EXPECT_EQ(ValidateOrganization(o).key(), "org.parent_invalid");
}

TEST(OrganizationTest, ActiveBetweenItsDates) {
  Organization o = Cell();
  o.valid_from = Date{2021, 3, 1};
  EXPECT_FALSE(IsActiveOn(o, Date{2021, 2, 28}));
  EXPECT_TRUE(IsActiveOn(o, Date{2021, 3, 1}));
  EXPECT_TRUE(IsActiveOn(o, Date{2030, 1, 1}));
  o.valid_to = Date{2023, 6, 30};
  EXPECT_TRUE(IsActiveOn(o, Date{2023, 6, 30}));
  EXPECT_FALSE(IsActiveOn(o, Date{2023, 7, 1}));
}

}  // namespace
}  // namespace nq::organization_test
