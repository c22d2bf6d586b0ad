#include "domain/user.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::user_test {
namespace {

User Reporter() {
  User u;
  u.username = "nguyenvana";
  u.full_name = "Nguyễn Văn An";
  u.role = Role::kReporter;
  u.org_id = 12;
  return u;
}

TEST(UserTest, RoleCodesRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kCommittee, Role::kReporter, Role::kViewer}) {
    EXPECT_EQ(ParseRole(RoleCode(r)), r);
    EXPECT_STRNE(RoleLabel(r), "");
  }
  EXPECT_STREQ(RoleLabel(Role::kCommittee), "Cấp ủy");
  EXPECT_FALSE(ParseRole("Admin"));
  EXPECT_FALSE(ParseRole("root"));
}

TEST(UserTest, RolePermissions) {
  EXPECT_TRUE(CanManageUsers(Role::kAdmin));
  EXPECT_FALSE(CanManageUsers(Role::kCommittee));
  EXPECT_TRUE(CanEditOrganizations(Role::kCommittee));
  EXPECT_FALSE(CanEditOrganizations(Role::kReporter));
  EXPECT_TRUE(CanEnterData(Role::kReporter));
  EXPECT_FALSE(CanEnterData(Role::kViewer));
  EXPECT_FALSE(CanEditOrganizations(Role::kViewer));
}

TEST(UserTest, NormalizesUsernames) {
  EXPECT_EQ(NormalizeUsername("  NguyenVanA "), "nguyenvana");
  EXPECT_EQ(NormalizeUsername("admin"), "admin");
  EXPECT_TRUE(IsValidUsername("nv.an_01-x"));
  EXPECT_FALSE(IsValidUsername("ab"));
  EXPECT_FALSE(IsValidUsername(std::string(65, 'a')));
  EXPECT_TRUE(IsValidUsername(std::string(64, 'a')));
  EXPECT_FALSE(IsValidUsername("NguyenVanA"));
  EXPECT_FALSE(IsValidUsername("nguyễn"));
  EXPECT_FALSE(IsValidUsername("a b c"));
}

TEST(UserTest, ValidatesFields) {
  EXPECT_TRUE(ValidateUser(Reporter()).ok());
  User u = Reporter();
  u.username = "An";
  EXPECT_EQ(ValidateUser(u).key(), "user.username_invalid");
  EXPECT_NE(ValidateUser(u).message().find("Tên đăng nhập"), std::string::npos);
  u = Reporter();
  u.full_name = " ";
  EXPECT_EQ(ValidateUser(u).key(), "user.full_name_required");
  EXPECT_EQ(ValidateUser(u).message(), "Họ và tên không được để trống");
  u.full_name = "Nguy\xE1\xBB";
  EXPECT_EQ(ValidateUser(u).key(), "user.full_name_invalid");
  u = Reporter();
  u.org_id = 0;
  EXPECT_EQ(ValidateUser(u).key(), "user.org_required");
  EXPECT_EQ(ValidateUser(u).code(), Code::kInvalid);
}

}  // namespace
}  // namespace nq::user_test
