#include "store/database_url.h"

#include <gtest/gtest.h>

namespace nq::store::database_url_test {
namespace {

TEST(DatabaseUrlTest, ParsesSqliteFilesAndMemory) {
  Result<DatabaseUrl> file = ParseDatabaseUrl("sqlite:var/nqtrack.db");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->backend, Backend::kSqlite);
  EXPECT_EQ(file->sqlite_path, "var/nqtrack.db");
  EXPECT_FALSE(file->sqlite_memory);

  Result<DatabaseUrl> slashes = ParseDatabaseUrl("sqlite:///tmp/x.db");
  ASSERT_TRUE(slashes.ok());
  EXPECT_EQ(slashes->sqlite_path, "/tmp/x.db");

  Result<DatabaseUrl> memory = ParseDatabaseUrl("sqlite::memory:");
  ASSERT_TRUE(memory.ok());
  EXPECT_TRUE(memory->sqlite_memory);
  EXPECT_EQ(std::string(BackendName(memory->backend)), "sqlite");
}

TEST(DatabaseUrlTest, TurnsPostgresUrisIntoKeyValueConnectionStrings) {
  Result<DatabaseUrl> pg =
      ParseDatabaseUrl("postgresql://postgres@127.0.0.1:55432/nqtrack_test?sslmode=disable");
  ASSERT_TRUE(pg.ok()) << pg.status().ToString();
  EXPECT_EQ(pg->backend, Backend::kPostgresql);
  for (const char* part : {"host=127.0.0.1", "port=55432", "user=postgres", "dbname=nqtrack_test",
                           "sslmode=disable", "client_encoding=UTF8", "connect_timeout=10"}) {
    EXPECT_NE(pg->pg_conninfo.find(part), std::string::npos) << part << " in " << pg->pg_conninfo;
  }
  EXPECT_EQ(pg->pg_conninfo.find("postgresql://"), std::string::npos);

  // Percent-encoding is decoded; explicit settings are kept rather than defaulted.
  Result<DatabaseUrl> enc =
      ParseDatabaseUrl("postgres://n%C3%A1m@db.example/qu%E1%BA%A3n?connect_timeout=3");
  ASSERT_TRUE(enc.ok()) << enc.status().ToString();
  EXPECT_NE(enc->pg_conninfo.find("user=nám"), std::string::npos) << enc->pg_conninfo;
  EXPECT_NE(enc->pg_conninfo.find("dbname=quản"), std::string::npos) << enc->pg_conninfo;
  EXPECT_NE(enc->pg_conninfo.find("connect_timeout=3"), std::string::npos);
  EXPECT_EQ(enc->pg_conninfo.find("connect_timeout=10"), std::string::npos);
}

TEST(DatabaseUrlTest, RejectsMalformedUrlsWithAVietnameseMessage) {
  for (const char* bad : {"", "sqlite:", "sqlite://", "nqtrack.db", "mysql://u@h/db",
                          "postgresql://[::1/db", "postgresql://u@h/db?password=a%20b",
                          "postgresql://u@h/db?nosuchoption=1", "sqlite:a\"b.db"}) {
    Result<DatabaseUrl> r = ParseDatabaseUrl(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Code::kInvalid) << bad;
    EXPECT_EQ(r.status().key(), "db.url") << bad;
    EXPECT_EQ(r.status().message().rfind("Địa chỉ cơ sở dữ liệu không hợp lệ", 0), 0u) << bad;
  }
}

TEST(DatabaseUrlTest, QuotesSqliteFileNamesOnlyWhenSociNeedsIt) {
  EXPECT_EQ(SqliteConnectString("/tmp/with space.db"), "/tmp/with space.db");
  EXPECT_EQ(SqliteConnectString("/tmp/a=b.db"), "db=\"/tmp/a=b.db\"");
}

}  // namespace
}  // namespace nq::store::database_url_test
