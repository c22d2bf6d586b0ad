#include "service/auth_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "common/time.h"
#include "service/service_test_util.h"

namespace nq::auth_service_test {
namespace {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  SetCheapPasswordHashingForTests(true);
  Result<std::string> hash = HashPassword("mật khẩu đúng");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "mật khẩu đúng"));
  EXPECT_FALSE(VerifyPassword(*hash, "mật khẩu sai"));
  EXPECT_FALSE(VerifyPassword("", "mật khẩu đúng"));
  EXPECT_FALSE(VerifyPassword("không phải mã băm", "mật khẩu đúng"));
  Result<std::string> again = HashPassword("mật khẩu đúng");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*again, *hash);  // a fresh salt each time
}

TEST(PasswordTest, InteractiveCostHashVerifies) {
  SetCheapPasswordHashingForTests(false);
  Result<std::string> hash = HashPassword("mot-mat-khau");
  SetCheapPasswordHashingForTests(true);
  ASSERT_TRUE(hash.ok());
  EXPECT_NE(hash->find("$argon2id$v=19$m=65536,t=2,"), std::string::npos) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "mot-mat-khau"));
}

TEST(PasswordTest, PolicyNeedsEightCharactersNotAllDigits) {
  EXPECT_EQ(CheckPasswordPolicy("ngan").key(), "user.weak_password");
  EXPECT_FALSE(CheckPasswordPolicy("1234567890").ok());
  EXPECT_FALSE(CheckPasswordPolicy("đườngđi").ok());  // 7 letters in 13 bytes
  EXPECT_TRUE(CheckPasswordPolicy("đườngđia").ok());  // 8 letters
  EXPECT_TRUE(CheckPasswordPolicy("abc12345").ok());
  EXPECT_FALSE(CheckPasswordPolicy(std::string(300, 'a')).ok());
  EXPECT_FALSE(CheckPasswordPolicy("abcdefg\xff").ok());
}

TEST(PasswordTest, RandomHexAndDigests) {
  const std::string a = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, RandomHex(32));
  // FIPS 180-2 test vector.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

// Sign-in tests run on a fake clock so that windows and expiries can be stepped over.
class AuthServiceTest : public testing_util::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    auth_ = std::make_unique<AuthService>(&app_->db(), [this] { return now_.load(); });
    user_id_ = AddUser("an.nguyen", Role::kReporter, "DUK.STC", kPassword);
  }
  void TearDown() override {
    auth_.reset();
    ServiceTest::TearDown();
  }

  Result<SignedIn> Login(const std::string& user, const std::string& pw,
                         const std::string& addr = "10.0.0.1") {
    return auth_->Login(user, pw, addr, "Mozilla/5.0 (thử nghiệm)");
  }

  static constexpr char kPassword[] = "mat-khau-dung";
  std::atomic<int64_t> now_{1'700'000'000};
  std::unique_ptr<AuthService> auth_;
  int64_t user_id_ = 0;
};

TEST_F(AuthServiceTest, LoginCreatesSessionStoredOnlyAsDigest) {
  Result<SignedIn> s = Login("  An.Nguyen ", kPassword);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->token.size(), 64u);
  EXPECT_EQ(s->csrf_token.size(), 64u);
  EXPECT_EQ(s->principal.user_id, user_id_);
  EXPECT_EQ(s->principal.username, "an.nguyen");
  EXPECT_EQ(s->principal.role, Role::kReporter);
  EXPECT_EQ(s->principal.org_id, Id("DUK.STC"));
  EXPECT_EQ(s->expires_at, now_.load() + AuthService::kSessionSeconds);

  auto tx = app_->db().Begin(system_, store::TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  Result<std::optional<store::Session>> row = (*tx)->FindSession(Sha256Hex(s->token));
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ((*row)->user_id, user_id_);
  EXPECT_EQ((*row)->address, "10.0.0.1");
  EXPECT_FALSE((*(*tx)->FindSession(s->token)).has_value());
  tx->reset();

  std::vector<store::AuditEntry> audit = Audit("session");
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "login");
  EXPECT_EQ(audit[0].user_id, user_id_);

  Result<SignedIn> again = auth_->Authenticate(s->token);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->principal.user_id, user_id_);
  EXPECT_TRUE(AuthService::CheckCsrf(*again, s->csrf_token));
  EXPECT_FALSE(AuthService::CheckCsrf(*again, ""));
  EXPECT_FALSE(AuthService::CheckCsrf(*again, RandomHex(32)));

  // A second service (another instance) finds the session through the database.
  AuthService other(&app_->db(), [this] { return now_.load(); });
  Result<SignedIn> elsewhere = other.Authenticate(s->token);
  ASSERT_TRUE(elsewhere.ok()) << elsewhere.status().ToString();
  EXPECT_EQ(elsewhere->csrf_token, s->csrf_token);
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  const std::vector<std::pair<std::string, std::string>> attempts = {
      {"an.nguyen", "sai-mat-khau"}, {"khong.co.ai", kPassword}};
  for (const auto& [user, pw] : attempts) {
    Result<SignedIn> s = Login(user, pw);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Code::kUnauthorized);
    EXPECT_EQ(s.status().key(), "auth.bad_credentials");
    EXPECT_EQ(s.status().message(), "Tên đăng nhập hoặc mật khẩu không đúng");
  }
  EXPECT_EQ(auth_->Authenticate(RandomHex(32)).status().key(), "auth.no_session");
  EXPECT_EQ(auth_->Authenticate("not-a-token").status().key(), "auth.no_session");
}

TEST_F(AuthServiceTest, ThrottlesAccountAfterFiveFailures) {
  for (int i = 0; i < AuthService::kMaxFailures; ++i) {
    // Each from its own address, so that only the account limit can trip.
    EXPECT_EQ(Login("an.nguyen", "sai", "10.1.0." + std::to_string(i)).status().key(),
              "auth.bad_credentials");
  }
  Result<SignedIn> s = Login("an.nguyen", kPassword, "10.2.0.1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Code::kThrottled);
  EXPECT_EQ(s.status().key(), "auth.throttled");
  EXPECT_EQ(s.status().message(), "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");

  now_ += AuthService::kWindowSeconds + 1;
  EXPECT_TRUE(Login("an.nguyen", kPassword, "10.2.0.1").ok());
}

TEST_F(AuthServiceTest, ThrottlesAddressAfterItsOwnLimit) {
  // An office behind one NAT address: five typos by different people do not lock everyone out.
  for (int i = 0; i < AuthService::kMaxFailures; ++i) {
    EXPECT_FALSE(Login("nguoi.la." + std::to_string(i), "sai", "10.9.9.9").ok());
  }
  EXPECT_TRUE(Login("an.nguyen", kPassword, "10.9.9.9").ok());
  for (int i = AuthService::kMaxFailures; i < AuthService::kMaxAddressFailures; ++i) {
    EXPECT_FALSE(Login("nguoi.la." + std::to_string(i), "sai", "10.9.9.9").ok());
  }
  EXPECT_EQ(Login("an.nguyen", kPassword, "10.9.9.9").status().key(), "auth.throttled");
  EXPECT_TRUE(Login("an.nguyen", kPassword, "10.9.9.10").ok());
}

TEST_F(AuthServiceTest, SuccessClearsTheAccountsFailures) {
  for (int i = 0; i < AuthService::kMaxFailures - 1; ++i) {
    EXPECT_FALSE(Login("an.nguyen", "sai", "10.3.0." + std::to_string(i)).ok());
  }
  ASSERT_TRUE(Login("an.nguyen", kPassword, "10.4.0.1").ok());
  for (int i = 0; i < AuthService::kMaxFailures - 1; ++i) {
    EXPECT_FALSE(Login("an.nguyen", "sai", "10.5.0." + std::to_string(i)).ok());
  }
  EXPECT_TRUE(Login("an.nguyen", kPassword, "10.6.0.1").ok());
}

TEST_F(AuthServiceTest, SessionsExpire) {
  Result<SignedIn> s = Login("an.nguyen", kPassword);
  ASSERT_TRUE(s.ok());
  now_ += AuthService::kSessionSeconds - 10;
  EXPECT_TRUE(auth_->Authenticate(s->token).ok());  // fetched again from the database
  now_ += 10;
  Result<SignedIn> late = auth_->Authenticate(s->token);
  EXPECT_EQ(late.status().code(), Code::kUnauthorized);
  EXPECT_EQ(late.status().key(), "auth.no_session");
}

TEST_F(AuthServiceTest, LogoutAndLogoutEverywhere) {
  Result<SignedIn> a = Login("an.nguyen", kPassword, "10.0.0.1");
  Result<SignedIn> b = Login("an.nguyen", kPassword, "10.0.0.2");
  const int64_t other_id = AddUser("binh.tran", Role::kViewer, "DUK.SYT");
  Result<SignedIn> c = Login("binh.tran", "mat-khau-dung", "10.0.0.3");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_TRUE(auth_->Authenticate(a->token).ok());
  ASSERT_TRUE(auth_->Authenticate(b->token).ok());

  ASSERT_TRUE(auth_->Logout(a->token, actor_).ok());
  EXPECT_FALSE(auth_->Authenticate(a->token).ok());
  EXPECT_TRUE(auth_->Authenticate(b->token).ok());
  EXPECT_TRUE(auth_->Logout(a->token, actor_).ok());  // twice is fine

  ASSERT_TRUE(auth_->LogoutEverywhere(user_id_, actor_).ok());
  EXPECT_FALSE(auth_->Authenticate(b->token).ok());
  Result<SignedIn> still = auth_->Authenticate(c->token);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->principal.user_id, other_id);
  std::vector<store::AuditEntry> audit = Audit("session", std::to_string(user_id_));
  ASSERT_GE(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "logout_everywhere");
  EXPECT_EQ(audit[1].action, "logout");
}

TEST_F(AuthServiceTest, CacheLivesAFewSecondsAcrossInstances) {
  Result<SignedIn> s = Login("an.nguyen", kPassword);
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(auth_->Authenticate(s->token).ok());
  // Another instance ends the session; this one keeps its cached answer only briefly.
  AuthService other(&app_->db(), [this] { return now_.load(); });
  ASSERT_TRUE(other.LogoutEverywhere(user_id_, actor_).ok());
  EXPECT_TRUE(auth_->Authenticate(s->token).ok());
  now_ += AuthService::kCacheSeconds;
  EXPECT_FALSE(auth_->Authenticate(s->token).ok());
}

TEST_F(AuthServiceTest, ConcurrentAuthenticateAndLogout) {
  Result<SignedIn> a = Login("an.nguyen", kPassword);
  AddUser("binh.tran", Role::kViewer, "DUK.SYT");
  Result<SignedIn> b = Login("binh.tran", "mat-khau-dung");
  ASSERT_TRUE(a.ok() && b.ok());
  std::atomic<int> b_failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (!auth_->Authenticate(b->token).ok()) ++b_failures;
        (void)auth_->Authenticate(a->token);  // either answer, racing with the logout
      }
    });
  }
  ASSERT_TRUE(auth_->LogoutEverywhere(user_id_, actor_).ok());
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(b_failures.load(), 0);
  EXPECT_FALSE(auth_->Authenticate(a->token).ok());
  EXPECT_TRUE(auth_->Authenticate(b->token).ok());
}

TEST_F(AuthServiceTest, DisabledUserCannotSignIn) {
  ASSERT_TRUE(app_->users().DisableAsSystem("an.nguyen").ok());
  EXPECT_EQ(Login("an.nguyen", kPassword).status().key(), "auth.bad_credentials");
}

}  // namespace
}  // namespace nq::auth_service_test
