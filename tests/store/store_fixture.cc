#include "store_fixture.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "common/log.h"

namespace nq::store::testing {
namespace {

// Says once which database the suite runs against.
class AnnounceBackend : public ::testing::Environment {
 public:
  void SetUp() override {
    log::SetLevel(log::Level::kWarn);  // not the "applied migration" of every test
    const char* env = std::getenv("NQTRACK_TEST_DB");
    std::cout << "[ store    ] NQTRACK_TEST_DB="
              << (env != nullptr && env[0] != '\0' ? env : "(unset: SQLite temporary files)")
              << std::endl;
  }
};
const auto* const kAnnounce = ::testing::AddGlobalTestEnvironment(new AnnounceBackend);

std::string MakeTempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "nqtrack-store-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) return "";
  return tmpl;
}

}  // namespace

void StoreTest::SetUp() {
  temp_dir_ = MakeTempDir();
  ASSERT_FALSE(temp_dir_.empty()) << "cannot create a temporary directory";
  const char* env = std::getenv("NQTRACK_TEST_DB");
  std::string configured = env != nullptr ? env : "";
  if (configured.empty() || configured.rfind("sqlite:", 0) == 0) {
    url_ = "sqlite:" + temp_dir_ + "/store.db";
  } else {
    url_ = configured;
  }
  Status dropped = Database::DropAllForTests(url_);
  ASSERT_TRUE(dropped.ok()) << dropped.ToString();
  Result<std::unique_ptr<Database>> db = Database::Open(url_, 4);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  db_ = std::move(db).value();
}

void StoreTest::TearDown() {
  db_.reset();
  if (!is_postgres()) {
    EXPECT_TRUE(Database::DropAllForTests(url_).ok());
  }
  std::error_code ec;
  if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_, ec);
}

std::unique_ptr<Database> StoreTest::Reopen(int pool_size) {
  Result<std::unique_ptr<Database>> db = Database::Open(url_, pool_size);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

std::unique_ptr<Tx> StoreTest::Write() {
  Result<std::unique_ptr<Tx>> tx = db_->Begin(actor_);
  EXPECT_TRUE(tx.ok()) << tx.status().ToString();
  return tx.ok() ? std::move(tx).value() : nullptr;
}

std::unique_ptr<Tx> StoreTest::ReadOnly() {
  Result<std::unique_ptr<Tx>> tx = db_->Begin(actor_, TxMode::kRead);
  EXPECT_TRUE(tx.ok()) << tx.status().ToString();
  return tx.ok() ? std::move(tx).value() : nullptr;
}

Organization MakeOrg(const std::string& code, const std::string& name,
                     std::optional<int64_t> parent_id) {
  Organization org;
  org.code = code;
  org.name = name;
  org.kind = parent_id ? OrgKind::kBaseCell : OrgKind::kBlocCommittee;
  org.sector = parent_id ? Sector::kStateAgency : Sector::kNone;
  org.parent_id = parent_id;
  org.sort_order = 3;
  org.members = 27;
  org.workers = 140;
  org.valid_from = Date{2020, 10, 15};
  return org;
}

void ExpectSameUser(const User& got, const User& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.username, want.username);
  EXPECT_EQ(got.full_name, want.full_name);
  EXPECT_EQ(got.role, want.role);
  EXPECT_EQ(got.org_id, want.org_id);
  EXPECT_EQ(got.disabled, want.disabled);
  EXPECT_EQ(got.password_hash, want.password_hash);
  EXPECT_EQ(got.created_at, want.created_at);
}

User MakeUser(const std::string& username, int64_t org_id) {
  User u;
  u.username = username;
  u.full_name = "Nguyễn Văn An";
  u.role = Role::kReporter;
  u.org_id = org_id;
  u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
  u.created_at = 1684300000;
  return u;
}

int64_t InsertOrgCommitted(Database* db, const Actor& actor, const Organization& org) {
  Result<std::unique_ptr<Tx>> tx = db->Begin(actor);
  EXPECT_TRUE(tx.ok()) << tx.status().ToString();
  if (!tx.ok()) return 0;
  Result<int64_t> id = (*tx)->InsertOrganization(org);
  EXPECT_TRUE(id.ok()) << id.status().ToString();
  if (!id.ok()) return 0;
  Status st = (*tx)->Commit();
  EXPECT_TRUE(st.ok()) << st.ToString();
  return *id;
}

}  // namespace nq::store::testing
