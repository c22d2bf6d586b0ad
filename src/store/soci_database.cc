// SociDatabase: the connection pool, per-connection settings, migrations on open, Begin().
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <string>
#include <utility>

#include "common/log.h"
#include "store/soci_internal.h"

namespace nq::store {

SociDatabase::SociDatabase(DatabaseUrl url, size_t pool_size)
    : url_(std::move(url)), pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

SociDatabase::~SociDatabase() = default;

Result<std::unique_ptr<Database>> SociDatabase::Create(const DatabaseUrl& url, int pool_size) {
  // Every connection to ":memory:" is a database of its own, so an in-memory pool has one.
  const size_t size = url.sqlite_memory ? 1 : static_cast<size_t>(pool_size);
  std::unique_ptr<SociDatabase> db(new SociDatabase(url, size));
  NQ_RETURN_IF_ERROR(db->Connect(0));
  NQ_ASSIGN_OR_RETURN(db->schema_version_, ApplyMigrations(db->SessionAt(0), url.backend));
  for (size_t pos = 1; pos < size; ++pos) NQ_RETURN_IF_ERROR(db->Connect(pos));
  log::Debug("store: opened " + std::string(BackendName(url.backend)) + " database, schema " +
             std::to_string(db->schema_version_) + ", " + std::to_string(size) + " connections");
  return std::unique_ptr<Database>(std::move(db));
}

Status SociDatabase::Connect(size_t pos) {
  soci::session& sql = pool_->at(pos);
  try {
    if (url_.backend == Backend::kPostgresql) {
      sql.open(soci::postgresql, url_.pg_conninfo);
      RouteNoticesToLog(sql);
      return Status::Ok();
    }
    sql.open(soci::sqlite3, SqliteConnectString(url_.sqlite_path));
    sql << "PRAGMA busy_timeout = 5000";
    sql << "PRAGMA foreign_keys = ON";
    if (!url_.sqlite_memory) {
      if (pos == 0) {  // the journal mode is a property of the file: set it once
        std::string mode;
        sql << "PRAGMA journal_mode = WAL", soci::into(mode);
        if (mode != "wal") log::Warn("store: SQLite journal mode is " + mode + ", not wal");
      }
      sql << "PRAGMA synchronous = NORMAL";
    }
    int fk = 0;
    sql << "PRAGMA foreign_keys", soci::into(fk);
    if (fk != 1) {
      return Status::Internal("db.foreign_keys", "SQLite không bật được kiểm tra khóa ngoại");
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    DbError err = ClassifyError(e, sql, url_.backend);
    log::Error("store: cannot open the database: " + err.detail);
    if (err.kind == DbErrorKind::kConnection || err.kind == DbErrorKind::kOther) {
      return Status::Unavailable("db.unavailable",
                                 "Không mở được cơ sở dữ liệu (" + err.detail + ")");
    }
    return GenericError(err, "open");
  }
}

bool SociDatabase::Lease(size_t* pos) {
  std::size_t p = 0;
  if (!pool_->try_lease(p, kWaitMs)) return false;
  *pos = p;
  return true;
}

void SociDatabase::StartTransaction(soci::session& sql, TxMode mode) {
  const bool write = mode == TxMode::kWrite;
  if (url_.backend == Backend::kSqlite) {
    // IMMEDIATE takes the write lock now, so a writer never fails to upgrade a read lock later.
    sql << (write ? "BEGIN IMMEDIATE" : "BEGIN");
    return;
  }
  const char* begin = write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  try {
    sql << begin;
  } catch (const std::exception& e) {
    // The server restarted or dropped us since this connection was last used: one new try.
    if (ClassifyError(e, sql, url_.backend).kind != DbErrorKind::kConnection) throw;
    log::Warn("store: reconnecting to PostgreSQL");
    sql.reconnect();
    RouteNoticesToLog(sql);
    sql << begin;
  }
  if (write) {
    // One writer at a time, so that audit ids become visible in increasing order.
    long long key = kWriterLockKey;
    sql << "SET LOCAL lock_timeout = '30s'";
    sql << "SELECT pg_advisory_xact_lock(:k)", soci::use(key);
  }
}

Result<std::unique_ptr<Tx>> SociDatabase::BeginTx(const Actor& actor, TxMode mode) {
  size_t pos = 0;
  if (!Lease(&pos)) {
    return Status::Unavailable("db.pool_exhausted",
                               "Máy chủ đang quá tải (hết kết nối cơ sở dữ liệu), xin thử lại");
  }
  std::unique_lock<std::timed_mutex> writer;
  if (mode == TxMode::kWrite && url_.backend == Backend::kSqlite) {
    writer = std::unique_lock<std::timed_mutex>(writer_mu_, std::defer_lock);
    if (!writer.try_lock_for(std::chrono::milliseconds(kWaitMs))) {
      GiveBack(pos);
      return Status::Unavailable("db.busy",
                                 "Cơ sở dữ liệu đang bận, xin vui lòng thử lại sau giây lát");
    }
  }
  soci::session& sql = pool_->at(pos);
  try {
    StartTransaction(sql, mode);
  } catch (const std::exception& e) {
    DbError err = ClassifyError(e, sql, url_.backend);
    try {
      sql << "ROLLBACK";
    } catch (const std::exception&) {
      // No transaction had begun, or the connection is gone: nothing to undo.
    }
    if (writer.owns_lock()) writer.unlock();
    GiveBack(pos);
    return GenericError(err, "begin");
  }
  return std::unique_ptr<Tx>(new SociTx(this, pos, actor, mode, std::move(writer)));
}

}  // namespace nq::store
