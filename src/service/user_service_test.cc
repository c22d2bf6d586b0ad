#include "service/user_service.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/service_test_util.h"

namespace nq::user_service_test {
namespace {

using UserServiceTest = testing_util::ServiceTest;

UserInput NewUser(const std::string& username, Role role, int64_t org_id) {
  UserInput in;
  in.username = username;
  in.full_name = "Trần Thị Bình";
  in.role = role;
  in.org_id = org_id;
  in.password = "mat-khau-moi-1";
  return in;
}

std::vector<std::string> Names(const std::vector<UserView>& users) {
  std::vector<std::string> out;
  for (const UserView& u : users) out.push_back(u.username);
  return out;
}

TEST_F(UserServiceTest, OnlyAdminsManageUsers) {
  const int64_t self = AddUser("uy.vien", Role::kCommittee, "DUK");
  for (Role role : {Role::kCommittee, Role::kReporter, Role::kViewer}) {
    const Principal p = As(role, "DUK", self);
    Result<std::vector<UserView>> list = app_->users().List(p);
    EXPECT_EQ(list.status().code(), Code::kForbidden);
    EXPECT_EQ(list.status().key(), "role.denied");
    EXPECT_EQ(app_->users().CreateUser(p, NewUser("moi", Role::kViewer, Id("DUK")), actor_)
                  .status()
                  .key(),
              "role.denied");
  }
  // Everybody may read themselves, nobody else without the admin role.
  const int64_t other = AddUser("nguoi.khac", Role::kViewer, "DUK");
  Result<UserView> me = app_->users().Get(PrincipalOf(self), self);
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_EQ(me->org_name, "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh");
  EXPECT_EQ(app_->users().Get(PrincipalOf(self), other).status().code(), Code::kForbidden);
}

TEST_F(UserServiceTest, AdminsManageOnlyTheirScope) {
  const int64_t admin_id = AddUser("quan.tri.stc", Role::kAdmin, "DUK.STC");
  const int64_t inside = AddUser("trong", Role::kReporter, "DUK.STC.VP");
  const int64_t outside = AddUser("ngoai", Role::kReporter, "DUK.SYT");
  const Principal admin = PrincipalOf(admin_id);

  Result<std::vector<UserView>> list = app_->users().List(admin);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(Names(*list), (std::vector<std::string>{"quan.tri.stc", "trong"}));
  EXPECT_TRUE(app_->users().Get(admin, inside).ok());
  EXPECT_EQ(app_->users().Get(admin, outside).status().key(), "scope.denied");

  EXPECT_EQ(app_->users()
                .CreateUser(admin, NewUser("moi.syt", Role::kViewer, Id("DUK.SYT")), actor_)
                .status()
                .key(),
            "scope.denied");
  UserInput move;
  move.org_id = Id("DUK.SYT");
  EXPECT_EQ(app_->users().Update(admin, inside, move, actor_).status().key(), "scope.denied");
  UserInput rename;
  rename.full_name = "Tên mới";
  EXPECT_EQ(app_->users().Update(admin, outside, rename, actor_).status().key(),
            "scope.denied");

  Result<UserView> created =
      app_->users().CreateUser(admin, NewUser("Moi.STC", Role::kAdmin, Id("DUK.STC.NS")), actor_);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->username, "moi.stc");
  EXPECT_EQ(created->org_name, "Chi bộ Phòng Ngân sách");
  std::vector<store::AuditEntry> audit = Audit("user", std::to_string(created->id));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  EXPECT_EQ(audit[0].new_value.find("argon2"), std::string::npos);
}

TEST_F(UserServiceTest, CreateValidatesInput) {
  const Principal admin = PrincipalOf(AddUser("quan.tri", Role::kAdmin, "DUK"));
  UserInput in = NewUser("an.le", Role::kViewer, Id("DUK"));
  ASSERT_TRUE(app_->users().CreateUser(admin, in, actor_).ok());

  in.username = "AN.LE";
  Result<UserView> dup = app_->users().CreateUser(admin, in, actor_);
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "user.taken");

  in.username = "an.le2";
  in.password = "1234567890";
  EXPECT_EQ(app_->users().CreateUser(admin, in, actor_).status().key(), "user.weak_password");
  in.password.reset();
  EXPECT_EQ(app_->users().CreateUser(admin, in, actor_).status().code(), Code::kInvalid);
  in.password = "mat-khau-moi-1";
  in.username = "có dấu";
  EXPECT_EQ(app_->users().CreateUser(admin, in, actor_).status().code(), Code::kInvalid);
  in.username = "an.le2";
  in.org_id = 987654;
  EXPECT_EQ(app_->users().CreateUser(admin, in, actor_).status().code(), Code::kNotFound);
  EXPECT_EQ(app_->users().CreateAsSystem(in).status().code(), Code::kNotFound);
}

TEST_F(UserServiceTest, NewPasswordOrDisablingEndsSessions) {
  const Principal admin = PrincipalOf(AddUser("quan.tri", Role::kAdmin, "DUK"));
  const int64_t id = AddUser("chi.pham", Role::kReporter, "DUK.SYT", "mat-khau-cu-1");
  Result<SignedIn> s = app_->auth().Login("chi.pham", "mat-khau-cu-1", "10.0.0.1", "test");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(app_->auth().Authenticate(s->token).ok());

  UserInput pw;
  pw.password = "mat-khau-moi-2";
  ASSERT_TRUE(app_->users().Update(admin, id, pw, actor_).ok());
  EXPECT_FALSE(app_->auth().Authenticate(s->token).ok());
  EXPECT_FALSE(app_->auth().Login("chi.pham", "mat-khau-cu-1", "10.0.0.1", "test").ok());
  s = app_->auth().Login("chi.pham", "mat-khau-moi-2", "10.0.0.1", "test");
  ASSERT_TRUE(s.ok()) << s.status().ToString();

  UserInput off;
  off.disabled = true;
  Result<UserView> disabled = app_->users().Update(admin, id, off, actor_);
  ASSERT_TRUE(disabled.ok());
  EXPECT_TRUE(disabled->disabled);
  EXPECT_FALSE(app_->auth().Authenticate(s->token).ok());
  std::vector<store::AuditEntry> audit = Audit("user", std::to_string(id));
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "disable");
  EXPECT_EQ(audit[1].action, "set_password");
}

TEST_F(UserServiceTest, RoleChangeAppliesToTheNextRequest) {
  const Principal admin = PrincipalOf(AddUser("quan.tri", Role::kAdmin, "DUK"));
  const int64_t id = AddUser("dung.vo", Role::kReporter, "DUK.STC");
  Result<SignedIn> s = app_->auth().Login("dung.vo", "mat-khau-dung", "10.0.0.1", "test");
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(app_->auth().Authenticate(s->token)->principal.role, Role::kReporter);
  UserInput in;
  in.role = Role::kViewer;
  in.org_id = Id("DUK.SYT");
  ASSERT_TRUE(app_->users().Update(admin, id, in, actor_).ok());
  Result<SignedIn> now = app_->auth().Authenticate(s->token);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->principal.role, Role::kViewer);
  EXPECT_EQ(now->principal.org_id, Id("DUK.SYT"));
}

TEST_F(UserServiceTest, AdminsCannotLockThemselvesOut) {
  const int64_t id = AddUser("quan.tri", Role::kAdmin, "DUK");
  const Principal admin = PrincipalOf(id);
  UserInput off;
  off.disabled = true;
  EXPECT_EQ(app_->users().Update(admin, id, off, actor_).status().key(), "user.self_lockout");
  UserInput demote;
  demote.role = Role::kViewer;
  EXPECT_EQ(app_->users().Update(admin, id, demote, actor_).status().key(),
            "user.self_lockout");
  UserInput rename;
  rename.full_name = "Quản trị viên";
  EXPECT_TRUE(app_->users().Update(admin, id, rename, actor_).ok());
}

TEST_F(UserServiceTest, ChangeOwnPasswordNeedsTheCurrentOne) {
  const int64_t id = AddUser("em.ho", Role::kViewer, "DUK.SYT", "mat-khau-cu-1");
  const Principal me = PrincipalOf(id);
  Result<SignedIn> s = app_->auth().Login("em.ho", "mat-khau-cu-1", "10.0.0.1", "test");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(app_->users().ChangeOwnPassword(me, "sai-roi-123", "mat-khau-moi-9", actor_).key(),
            "user.wrong_password");
  EXPECT_EQ(app_->users().ChangeOwnPassword(me, "mat-khau-cu-1", "ngan", actor_).key(),
            "user.weak_password");
  EXPECT_TRUE(app_->auth().Authenticate(s->token).ok());
  ASSERT_TRUE(app_->users().ChangeOwnPassword(me, "mat-khau-cu-1", "mat-khau-moi-9", actor_).ok());
  EXPECT_FALSE(app_->auth().Authenticate(s->token).ok());
  EXPECT_TRUE(app_->auth().Login("em.ho", "mat-khau-moi-9", "10.0.0.1", "test").ok());
}

TEST_F(UserServiceTest, SystemFunctionsForTheCli) {
  AddUser("giang", Role::kViewer, "DUK.SYT");
  AddUser("anh", Role::kAdmin, "DUK");
  Result<std::vector<UserView>> all = app_->users().ListAsSystem();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(Names(*all), (std::vector<std::string>{"anh", "giang"}));
  EXPECT_EQ(app_->users().SetPasswordAsSystem("khong.co", "mat-khau-moi-1").status().key(),
            "user.not_found");
  EXPECT_EQ(app_->users().SetPasswordAsSystem("GIANG", "123").status().key(),
            "user.weak_password");
  ASSERT_TRUE(app_->users().SetPasswordAsSystem("GIANG", "mat-khau-moi-1").ok());
  EXPECT_TRUE(app_->auth().Login("giang", "mat-khau-moi-1", "10.0.0.1", "test").ok());
  Result<UserView> off = app_->users().DisableAsSystem("giang");
  ASSERT_TRUE(off.ok());
  EXPECT_TRUE(off->disabled);
  EXPECT_FALSE(app_->auth().Login("giang", "mat-khau-moi-1", "10.0.0.1", "test").ok());
}

}  // namespace
}  // namespace nq::user_service_test
