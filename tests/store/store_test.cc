// The store suite (one suite, StoreTest, over store_test.cc, store_auth_test.cc and
// store_plan_test.cc), run against the database named by NQTRACK_TEST_DB (store_fixture.h):
// migrations, URLs, organizations, transactions, the audit log, concurrency, backup.
#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "store_fixture.h"

namespace nq::store::testing::store_test {
namespace {

TEST_F(StoreTest, AppliesEveryMigrationOnceAndReopensIdempotently) {
  EXPECT_EQ(db_->schema_version(), Database::LatestSchemaVersion());
  EXPECT_GE(Database::LatestSchemaVersion(), 2);
  std::vector<MigrationRecord> first;
  {
    auto tx = ReadOnly();
    auto m = tx->ListMigrations();
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    first = *m;
  }
  ASSERT_EQ(static_cast<int>(first.size()), Database::LatestSchemaVersion());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(first[i].name.empty());
    EXPECT_GT(first[i].applied_at, 1600000000);
  }
  const int64_t id = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
  db_.reset();
  db_ = Reopen();
  ASSERT_NE(db_, nullptr);
  EXPECT_EQ(db_->schema_version(), Database::LatestSchemaVersion());
  auto tx = ReadOnly();
  auto again = tx->ListMigrations();
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ((*again)[i].version, first[i].version);
    EXPECT_EQ((*again)[i].applied_at, first[i].applied_at);  // not applied a second time
  }
  auto org = tx->GetOrganization(id);
  ASSERT_TRUE(org.ok()) << org.status().ToString();
  EXPECT_EQ(org->code, "DUK");
}

TEST_F(StoreTest, ConcurrentOpensOfAnEmptyDatabaseApplyEachMigrationOnce) {
  db_.reset();
  ASSERT_TRUE(Database::DropAllForTests(url_).ok());
  std::vector<std::unique_ptr<Database>> opened(3);
  std::vector<Status> errors(opened.size());
  std::vector<std::thread> threads;
  threads.reserve(opened.size());
  for (size_t i = 0; i < opened.size(); ++i) {
    threads.emplace_back([&, i] {
      auto db = Database::Open(url_, 1);
      if (db.ok()) {
        opened[i] = std::move(db).value();
      } else {
        errors[i] = db.status();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < opened.size(); ++i) {
    ASSERT_NE(opened[i], nullptr) << errors[i].ToString();
    EXPECT_EQ(opened[i]->schema_version(), Database::LatestSchemaVersion());
  }
  auto tx = opened[0]->Begin(actor_, TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  auto m = (*tx)->ListMigrations();
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(static_cast<int>(m->size()), Database::LatestSchemaVersion());
}

TEST_F(StoreTest, RejectsMalformedUrlsAndReportsUnreachableOnes) {
  for (const char* bad : {"", "mysql://root@localhost/x", "sqlite:", "var/nqtrack.db",
                          "postgresql://[::1/x", "postgresql://u@h/db?password=a%20b"}) {
    auto db = Database::Open(bad);
    ASSERT_FALSE(db.ok()) << bad;
    EXPECT_EQ(db.status().code(), Code::kInvalid) << bad;
    EXPECT_EQ(db.status().key(), "db.url") << bad;
    EXPECT_NE(db.status().message().find("không hợp lệ"), std::string::npos);
  }
  auto pool = Database::Open(url_, 0);
  EXPECT_EQ(pool.status().code(), Code::kInvalid);
  auto file = Database::Open("sqlite:" + temp_dir_ + "/no/such/dir/x.db");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Code::kUnavailable);
  // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
  auto pg = Database::Open("postgresql://postgres@127.0.0.1:1/nqtrack_test?connect_timeout=2");
  ASSERT_FALSE(pg.ok());
  EXPECT_EQ(pg.status().code(), Code::kUnavailable);
  EXPECT_EQ(pg.status().key(), "db.unavailable");
}

TEST_F(StoreTest, InsertsGetsListsAndUpdatesOrganizations) {
  auto tx = Write();
  Organization root = MakeOrg("DUK", "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh", {});
  auto root_id = tx->InsertOrganization(root);
  ASSERT_TRUE(root_id.ok()) << root_id.status().ToString();
  Organization cell = MakeOrg("DUK.STC", "Chi bộ Sở Tài chính", *root_id);
  cell.valid_to = Date{2024, 6, 30};
  auto cell_id = tx->InsertOrganization(cell);
  ASSERT_TRUE(cell_id.ok()) << cell_id.status().ToString();
  EXPECT_NE(*root_id, *cell_id);
  ASSERT_TRUE(tx->Commit().ok());

  root.id = *root_id;
  cell.id = *cell_id;
  tx = Write();
  auto got = tx->GetOrganization(*cell_id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, cell);
  auto all = tx->ListOrganizations();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0], root);
  EXPECT_EQ((*all)[1], cell);

  Organization changed = cell;
  changed.name = "Chi bộ Sở Tài chính tỉnh Bến Tre";
  changed.kind = OrgKind::kBaseCommittee;
  changed.sector = Sector::kNonStateEnterprise;
  changed.members = 31;
  changed.workers = 0;
  changed.sort_order = -2;
  changed.valid_to.reset();
  ASSERT_TRUE(tx->UpdateOrganization(changed, "update").ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  got = tx->GetOrganization(*cell_id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, changed);
  auto missing = tx->GetOrganization(*cell_id + 1000);
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_EQ(missing.status().key(), "org.not_found");
}

TEST_F(StoreTest, DuplicateCodeIsConflictAndChangesNothing) {
  const int64_t a = InsertOrgCommitted(db_.get(), actor_, MakeOrg("A", "Tổ chức A", {}));
  auto tx = Write();
  auto dup = tx->InsertOrganization(MakeOrg("A", "Tổ chức khác", a));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "org.code_taken");
  EXPECT_EQ(dup.status().message(), "Mã tổ chức 'A' đã tồn tại");
  // The transaction goes on after the refused insert.
  auto b = tx->InsertOrganization(MakeOrg("B", "Tổ chức B", a));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  Organization renamed = MakeOrg("A", "Tổ chức B đổi mã", a);
  renamed.id = *b;
  Status clash = tx->UpdateOrganization(renamed, "update");
  EXPECT_EQ(clash.code(), Code::kConflict);
  EXPECT_EQ(clash.key(), "org.code_taken");
  auto unknown_parent = tx->InsertOrganization(MakeOrg("C", "Tổ chức C", a + 999));
  EXPECT_EQ(unknown_parent.status().code(), Code::kInvalid);
  EXPECT_EQ(unknown_parent.status().key(), "org.parent_unknown");
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto all = tx->ListOrganizations();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "Tổ chức A");
  EXPECT_EQ((*all)[1].code, "B");
  EXPECT_EQ((*all)[1].name, "Tổ chức B");
  auto audit = tx->ListAudit("organization", "", 100);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);  // the two creates; nothing for the refused changes
  EXPECT_EQ((*audit)[0].action, "create");
  EXPECT_EQ((*audit)[1].action, "create");
}

TEST_F(StoreTest, TransactionDestroyedWithoutCommitLeavesNothing) {
  {
    auto tx = Write();
    ASSERT_TRUE(tx->InsertOrganization(MakeOrg("X", "Sẽ bị hủy", {})).ok());
    ASSERT_TRUE(tx->Audit("session", "1", "login", "", "{}").ok());
  }
  auto tx = ReadOnly();
  auto all = tx->ListOrganizations();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
  auto audit = tx->ListAudit("", "", 10);
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->empty());
  auto last = tx->LastAuditId();
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, 0);
}

TEST_F(StoreTest, UncommittedChangesAreInvisibleToOtherTransactions) {
  auto writer = Write();
  ASSERT_TRUE(writer->InsertOrganization(MakeOrg("X", "Chưa lưu", {})).ok());
  auto reader = ReadOnly();
  auto seen = reader->ListOrganizations();
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  EXPECT_TRUE(seen->empty());
  ASSERT_TRUE(writer->Commit().ok());
  auto after = ReadOnly();
  auto all = after->ListOrganizations();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

TEST_F(StoreTest, EveryChangeWritesAnAuditRowWithOldAndNewValues) {
  auto tx = Write();
  auto id = tx->InsertOrganization(MakeOrg("DUK.BTV", "Chi bộ Bến Tre", {}));
  ASSERT_TRUE(id.ok());
  Organization moved = MakeOrg("DUK.BTV", "Chi bộ Bến Tre mới", {});
  moved.id = *id;
  moved.members = 45;
  ASSERT_TRUE(tx->UpdateOrganization(moved, "move").ok());
  ASSERT_TRUE(tx->Audit("session", "42", "login", "", R"({"address":"10.0.0.1"})").ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto rows = tx->ListAudit("organization", std::to_string(*id), 10);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  const AuditEntry& update = (*rows)[0];  // newest first
  const AuditEntry& create = (*rows)[1];
  EXPECT_GT(update.id, create.id);
  EXPECT_EQ(create.action, "create");
  EXPECT_EQ(create.old_value, "");
  EXPECT_NE(create.new_value.find(R"("name":"Chi bộ Bến Tre")"), std::string::npos);
  EXPECT_EQ(update.action, "move");
  EXPECT_EQ(update.entity, "organization");
  EXPECT_EQ(update.entity_id, std::to_string(*id));
  EXPECT_NE(update.old_value.find(R"("name":"Chi bộ Bến Tre")"), std::string::npos);
  EXPECT_NE(update.old_value.find(R"("members":27)"), std::string::npos);
  EXPECT_NE(update.new_value.find(R"("name":"Chi bộ Bến Tre mới")"), std::string::npos);
  EXPECT_NE(update.new_value.find(R"("members":45)"), std::string::npos);
  EXPECT_EQ(update.user_id, 7);
  EXPECT_EQ(update.username, "tester");
  EXPECT_EQ(update.address, "127.0.0.9");
  EXPECT_GT(update.at, 1600000000);

  auto all = tx->ListAudit("", "", 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].entity, "session");
  EXPECT_EQ((*all)[0].new_value, R"({"address":"10.0.0.1"})");
  auto limited = tx->ListAudit("", "", 1);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 1u);
  auto sessions = tx->ListAudit("session", "", 10);
  ASSERT_TRUE(sessions.ok());
  EXPECT_EQ(sessions->size(), 1u);
  auto last = tx->LastAuditId();
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, (*all)[0].id);
}

TEST_F(StoreTest, ReadOnlyAndFinishedTransactionsRefuseWork) {
  auto reader = ReadOnly();
  auto refused = reader->InsertOrganization(MakeOrg("X", "Không ghi", {}));
  EXPECT_EQ(refused.status().code(), Code::kInternal);
  EXPECT_EQ(refused.status().key(), "store.read_only");
  EXPECT_TRUE(reader->ListOrganizations().ok());
  ASSERT_TRUE(reader->Commit().ok());
  EXPECT_EQ(reader->ListOrganizations().status().key(), "store.tx_done");
  EXPECT_EQ(reader->Commit().key(), "store.tx_done");
}

TEST_F(StoreTest, ConcurrentWriteTransactionsFromFourThreadsAllLand) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 20;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto tx = db_->Begin(actor_);
        if (!tx.ok()) {
          ++failures;
          continue;
        }
        std::string code = "T" + std::to_string(t) + "." + std::to_string(i);
        auto id = (*tx)->InsertOrganization(MakeOrg(code, "Tổ chức " + code, {}));
        if (!id.ok() || !(*tx)->Commit().ok()) ++failures;
        auto reader = db_->Begin(actor_, TxMode::kRead);
        if (!reader.ok() || !(*reader)->ListOrganizations().ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto tx = ReadOnly();
  auto all = tx->ListOrganizations();
  ASSERT_TRUE(all.ok());
  std::set<std::string> codes;
  for (const Organization& o : *all) codes.insert(o.code);
  EXPECT_EQ(codes.size(), static_cast<size_t>(kThreads * kPerThread));
  auto audit = tx->ListAudit("organization", "", 1000);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST_F(StoreTest, VietnameseTextRoundTripsByteExactly) {
  // Precomposed (NFC), decomposed (NFD: "a" + U+0309 combining hook), and other scripts.
  const std::string nfc = "Đảng bộ Sở Tài chính — Bến Tre «ưu tú» 100%";
  const std::string nfd = "Đa\xCC\x89ng bo\xCC\xA3\xCC\x82 Sơ\xCC\x89 Ta\xCC\x80i chi\xCC\x81nh";
  const std::string other = "Ngành dệt may 🇻🇳 — 日本語 — 'quote' \"dbl\" \\ back";
  auto tx = Write();
  std::vector<int64_t> ids;
  for (const std::string& name : {nfc, nfd, other}) {
    auto id = tx->InsertOrganization(MakeOrg("V" + std::to_string(ids.size()), name, {}));
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    ids.push_back(*id);
  }
  User u = MakeUser("nguyen.an", ids[0]);
  u.full_name = nfd;
  auto uid = tx->InsertUser(u);
  ASSERT_TRUE(uid.ok()) << uid.status().ToString();
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(tx->GetOrganization(ids[0])->name, nfc);
  EXPECT_EQ(tx->GetOrganization(ids[1])->name, nfd);
  EXPECT_EQ(tx->GetOrganization(ids[2])->name, other);
  EXPECT_EQ(tx->GetUser(*uid)->full_name, nfd);
  auto audit = tx->ListAudit("organization", std::to_string(ids[1]), 1);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_NE((*audit)[0].new_value.find(nfd), std::string::npos);
}

TEST_F(StoreTest, BacksUpSqliteOnlineAndRefersPostgresToPgDump) {
  const int64_t id = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
  const std::string path = temp_dir_ + "/backup.db";
  Status st = db_->Backup(path);
  if (is_postgres()) {
    EXPECT_EQ(st.code(), Code::kInvalid);
    EXPECT_EQ(st.key(), "db.backup_pg");
    EXPECT_NE(st.message().find("pg_dump"), std::string::npos);
    return;
  }
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto copy = Database::Open("sqlite:" + path, 1);
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  auto tx = (*copy)->Begin(actor_, TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  auto org = (*tx)->GetOrganization(id);
  ASSERT_TRUE(org.ok()) << org.status().ToString();
  EXPECT_EQ(org->name, "Đảng ủy Khối");
  EXPECT_EQ(db_->Backup(temp_dir_ + "/no/such/dir/b.db").code(), Code::kUnavailable);
}

}  // namespace
}  // namespace nq::store::testing::store_test
