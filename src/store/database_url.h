// Parsing of database URLs (see store/database.h for the accepted forms) into what the SOCI
// backends take. Private to store/. Pure apart from libpq's URI parser; thread-safe.
#pragma once

#include <string>

#include "common/status.h"

namespace nq::store {

enum class Backend { kSqlite, kPostgresql };

struct DatabaseUrl {
  Backend backend = Backend::kSqlite;
  // SQLite: the file path, or ":memory:". Never empty.
  std::string sqlite_path;
  bool sqlite_memory = false;
  // PostgreSQL: a libpq "key=value ..." connection string equivalent to the URI, with
  // client_encoding=UTF8 and connect_timeout=10 unless the URI says otherwise. (SOCI 4.0.3
  // garbles URIs and quoted values, so values are restricted to what needs no quoting.)
  std::string pg_conninfo;
};

// Invalid "db.url" with a Vietnamese message for an empty or malformed URL, an unknown scheme,
// or a PostgreSQL value that would need quoting (spaces, quotes, backslashes).
Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url);

// The SOCI sqlite3 connection string opening `path`.
std::string SqliteConnectString(const std::string& path);

// "sqlite", "postgresql".
const char* BackendName(Backend b);

}  // namespace nq::store
