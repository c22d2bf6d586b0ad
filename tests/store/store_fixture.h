// The store test suite's fixture: every test gets an empty database of the kind named by the
// environment variable NQTRACK_TEST_DB:
//   unset, empty or "sqlite:..."    SQLite, a fresh file in a fresh temporary directory per test
//                                   (also for "sqlite::memory:": every test needs re-opens and
//                                   several connections, which a private in-memory database lacks)
//   "postgresql://..."              that PostgreSQL database, emptied before each test with
//                                   Database::DropAllForTests (so never point it at real data)
// scripts/pg-test-cluster starts a throwaway PostgreSQL for this.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/database.h"

namespace nq::store::testing {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Opens the test database again (a second Database on the same data).
  std::unique_ptr<Database> Reopen(int pool_size = 4);
  // Begins a write transaction as `actor_`, failing the test if it cannot.
  std::unique_ptr<Tx> Write();
  std::unique_ptr<Tx> ReadOnly();

  bool is_postgres() const { return url_.rfind("postgres", 0) == 0; }

  // A temporary directory of this test (removed in TearDown), for backups and SQLite files.
  std::string temp_dir_;
  std::string url_;
  std::unique_ptr<Database> db_;
  Actor actor_{7, "tester", "127.0.0.9"};
};

// Test data.
Organization MakeOrg(const std::string& code, const std::string& name,
                     std::optional<int64_t> parent_id);
User MakeUser(const std::string& username, int64_t org_id);
// Field by field (User has no operator==).
void ExpectSameUser(const User& got, const User& want);

// Inserts and commits; returns the new id (fails the test on error).
int64_t InsertOrgCommitted(Database* db, const Actor& actor, const Organization& org);

}  // namespace nq::store::testing
