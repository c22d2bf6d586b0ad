// SociDatabase::Backup: SQLite's online backup API, copying a consistent snapshot while other
// connections keep reading and writing.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <string>
#include <thread>

#include "common/log.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

using namespace sqlite_api;  // NOLINT: SOCI puts sqlite3.h in this namespace

constexpr int kBusyRetries = 50;  // x 100 ms

Status BackupFailed(const std::string& path, const std::string& why) {
  log::Error("store: backup to " + path + " failed: " + why);
  return Status::Unavailable("db.backup_failed",
                             "Không sao lưu được vào tệp '" + path + "' (" + why + ")");
}

// Copies the main database of `src` into the file `path`.
Status CopyInto(sqlite3* src, const std::string& path) {
  sqlite3* dest = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = dest != nullptr ? sqlite3_errmsg(dest) : sqlite3_errstr(rc);
    sqlite3_close(dest);
    return BackupFailed(path, why);
  }
  sqlite3_busy_timeout(dest, 5000);
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", src, "main");
  if (backup == nullptr) {
    std::string why = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    return BackupFailed(path, why);
  }
  for (int attempt = 0;; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);  // -1: every page in one step, one snapshot
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt == kBusyRetries) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  sqlite3_backup_finish(backup);
  std::string why = rc == SQLITE_DONE ? "" : sqlite3_errstr(rc);
  sqlite3_close(dest);
  if (rc != SQLITE_DONE) return BackupFailed(path, why);
  return Status::Ok();
}

}  // namespace

Status SociDatabase::Backup(const std::string& path) {
  if (url_.backend == Backend::kPostgresql) {
    return Status::Invalid("db.backup_pg",
                           "Sao lưu trực tuyến chỉ áp dụng cho SQLite. Với PostgreSQL hãy dùng "
                           "pg_dump (ví dụ: pg_dump -Fc -f nqtrack.dump TÊN_CSDL)");
  }
  if (path.empty()) return Status::Invalid("db.backup_path", "Chưa có đường dẫn tệp sao lưu");
  size_t pos = 0;
  if (!Lease(&pos)) {
    return Status::Unavailable("db.pool_exhausted",
                               "Máy chủ đang quá tải (hết kết nối cơ sở dữ liệu), xin thử lại");
  }
  sqlite3* conn = SqliteHandle(SessionAt(pos));
  Status st = conn == nullptr ? Status::Internal("db.error", "Kết nối SQLite không dùng được")
                              : CopyInto(conn, path);
  GiveBack(pos);
  if (st.ok()) log::Info("store: backed up the database to " + path);
  return st;
}

}  // namespace nq::store
