// Database::Open and the other static entry points: URL -> backend.
#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <filesystem>
#include <system_error>

#include "common/log.h"
#include "store/database_url.h"
#include "store/soci_internal.h"

namespace nq::store {

namespace {
constexpr int kMaxPoolSize = 64;
}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  NQ_ASSIGN_OR_RETURN(DatabaseUrl parsed, ParseDatabaseUrl(url));
  if (pool_size < 1 || pool_size > kMaxPoolSize) {
    return Status::Invalid("db.pool_size", "Số kết nối tới cơ sở dữ liệu phải từ 1 đến " +
                                               std::to_string(kMaxPoolSize));
  }
  return SociDatabase::Create(parsed, pool_size);
}

Status Database::DropAllForTests(const std::string& url) {
  NQ_ASSIGN_OR_RETURN(DatabaseUrl parsed, ParseDatabaseUrl(url));
  if (parsed.backend == Backend::kSqlite) {
    if (parsed.sqlite_memory) return Status::Ok();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ec;
      std::filesystem::remove(parsed.sqlite_path + suffix, ec);
      if (ec) {
        return Status::Internal(
            "db.drop", "Không xóa được tệp " + parsed.sqlite_path + suffix + ": " + ec.message());
      }
    }
    return Status::Ok();
  }
  soci::session sql;
  try {
    sql.open(soci::postgresql, parsed.pg_conninfo);
    RouteNoticesToLog(sql);
    sql << "DROP SCHEMA IF EXISTS public CASCADE";
    sql << "CREATE SCHEMA public";
  } catch (const std::exception& e) {
    return GenericError(ClassifyError(e, sql, parsed.backend), "DropAllForTests");
  }
  return Status::Ok();
}

}  // namespace nq::store
