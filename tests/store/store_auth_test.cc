// StoreTest (see store_test.cc): users, sessions and failed sign-in attempts.
#include "store_fixture.h"

namespace nq::store::testing::store_auth_test {
namespace {

TEST_F(StoreTest, StoresFindsAndUpdatesUsersWithUniqueUsernames) {
  const int64_t org = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
  auto tx = Write();
  User an = MakeUser("nguyen.an", org);
  User binh = MakeUser("binh", org);
  binh.role = Role::kAdmin;
  binh.disabled = true;
  auto an_id = tx->InsertUser(an);
  ASSERT_TRUE(an_id.ok()) << an_id.status().ToString();
  auto binh_id = tx->InsertUser(binh);
  ASSERT_TRUE(binh_id.ok());
  auto dup = tx->InsertUser(MakeUser("nguyen.an", org));
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "user.taken");
  auto no_org = tx->InsertUser(MakeUser("ghost", org + 100));
  EXPECT_EQ(no_org.status().code(), Code::kInvalid);
  EXPECT_EQ(no_org.status().key(), "user.org_unknown");
  ASSERT_TRUE(tx->Commit().ok());
  an.id = *an_id;
  binh.id = *binh_id;

  tx = Write();
  auto found = tx->FindUser("nguyen.an");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  ExpectSameUser(**found, an);
  auto absent = tx->FindUser("nobody");
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
  auto got = tx->GetUser(*binh_id);
  ASSERT_TRUE(got.ok());
  ExpectSameUser(*got, binh);
  EXPECT_EQ(tx->GetUser(*binh_id + 100).status().key(), "user.not_found");
  auto list = tx->ListUsers();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].username, "binh");  // by username
  EXPECT_EQ((*list)[1].username, "nguyen.an");

  User changed = an;
  changed.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA";
  changed.role = Role::kCommittee;
  ASSERT_TRUE(tx->UpdateUser(changed, "passwd").ok());
  User clash = binh;
  clash.username = "nguyen.an";
  EXPECT_EQ(tx->UpdateUser(clash, "update").key(), "user.taken");
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  ExpectSameUser(*tx->GetUser(an.id), changed);
  EXPECT_EQ(tx->GetUser(binh.id)->username, "binh");
  auto audit = tx->ListAudit("user", "", 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u);
  EXPECT_EQ((*audit)[0].action, "passwd");
  EXPECT_NE((*audit)[0].old_value.find(R"("role":"reporter")"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find(R"("role":"committee")"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find(R"("password_changed":true)"), std::string::npos);
  for (const AuditEntry& row : *audit) {
    for (const std::string& text : {row.old_value, row.new_value}) {
      EXPECT_EQ(text.find("argon2"), std::string::npos) << text;
      EXPECT_EQ(text.find("password_hash"), std::string::npos) << text;
    }
  }
}

TEST_F(StoreTest, StoresFindsAndDeletesSessions) {
  const int64_t org = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
  auto tx = Write();
  const int64_t a = *tx->InsertUser(MakeUser("user.a", org));
  const int64_t b = *tx->InsertUser(MakeUser("user.b", org));
  auto session = [](const std::string& hash, int64_t user, int64_t expires) {
    Session s;
    s.token_hash = hash;
    s.user_id = user;
    s.csrf_token = "csrf-" + hash;
    s.created_at = 1000;
    s.expires_at = expires;
    s.address = "192.0.2.4";
    s.user_agent = "Mozilla/5.0 (Cốc Cốc)";
    return s;
  };
  const Session a1 = session("a1", a, 5000);
  for (const Session& s : {a1, session("a2", a, 9000), session("a3", a, 1500),
                           session("b1", b, 1200), session("b2", b, 9000)}) {
    ASSERT_TRUE(tx->InsertSession(s).ok()) << s.token_hash;
  }
  EXPECT_EQ(tx->InsertSession(a1).key(), "session.exists");
  EXPECT_EQ(tx->InsertSession(session("z", b + 100, 9000)).key(), "session.user_unknown");
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  auto found = tx->FindSession("a1");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, a1);
  EXPECT_FALSE(tx->FindSession("nope")->has_value());

  ASSERT_TRUE(tx->DeleteSession("a1").ok());
  ASSERT_TRUE(tx->DeleteSession("a1").ok());  // already gone: still fine
  EXPECT_FALSE(tx->FindSession("a1")->has_value());
  ASSERT_TRUE(tx->DeleteExpiredSessions(1500).ok());  // a3 (1500) and b1 (1200)
  EXPECT_FALSE(tx->FindSession("a3")->has_value());
  EXPECT_FALSE(tx->FindSession("b1")->has_value());
  EXPECT_TRUE(tx->FindSession("a2")->has_value());
  ASSERT_TRUE(tx->DeleteUserSessions(a).ok());
  EXPECT_FALSE(tx->FindSession("a2")->has_value());
  EXPECT_TRUE(tx->FindSession("b2")->has_value());  // another user's session stays
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_TRUE(tx->FindSession("b2")->has_value());
  EXPECT_FALSE(tx->FindSession("a2")->has_value());
  // Session secrets never reach the audit log.
  auto audit = tx->ListAudit("", "", 100);
  ASSERT_TRUE(audit.ok());
  for (const AuditEntry& row : *audit) {
    EXPECT_EQ(row.new_value.find("csrf-"), std::string::npos);
    EXPECT_NE(row.entity, "session");
  }
}

TEST_F(StoreTest, CountsLoginFailuresWithinTheWindow) {
  const int64_t now = 1700000000;
  auto tx = Write();
  for (int64_t at : {now - 100, now - 50, now - 10, now}) {
    ASSERT_TRUE(tx->RecordLoginFailure("user:an", at).ok());
  }
  ASSERT_TRUE(tx->RecordLoginFailure("addr:192.0.2.4", now).ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  EXPECT_EQ(*tx->CountLoginFailures("user:an", now - 60), 3);
  EXPECT_EQ(*tx->CountLoginFailures("user:an", now - 1000), 4);
  EXPECT_EQ(*tx->CountLoginFailures("user:an", now + 1), 0);
  EXPECT_EQ(*tx->CountLoginFailures("addr:192.0.2.4", now - 60), 1);
  EXPECT_EQ(*tx->CountLoginFailures("user:binh", now - 60), 0);
  ASSERT_TRUE(tx->ClearLoginFailures("user:an").ok());
  EXPECT_EQ(*tx->CountLoginFailures("user:an", 0), 0);
  EXPECT_EQ(*tx->CountLoginFailures("addr:192.0.2.4", 0), 1);
  // A day later, recording a failure forgets the old ones of every key.
  ASSERT_TRUE(tx->RecordLoginFailure("user:an", now + int64_t{2} * 86400).ok());
  EXPECT_EQ(*tx->CountLoginFailures("addr:192.0.2.4", 0), 0);
  EXPECT_EQ(*tx->CountLoginFailures("user:an", 0), 1);
  ASSERT_TRUE(tx->Commit().ok());
}

}  // namespace
}  // namespace nq::store::testing::store_auth_test
