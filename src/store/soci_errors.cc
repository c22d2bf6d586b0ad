// Maps SOCI exceptions to DbError and Status (see soci_internal.h).
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

#include "common/log.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

using sqlite_api::sqlite3;

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

DbError ClassifySqlite(const soci::sqlite3_soci_error& e, soci::session& sql, std::string detail) {
  using namespace sqlite_api;  // NOLINT: SOCI puts sqlite3.h in this namespace
  int extended = 0;
  if (sqlite3* conn = SqliteHandle(sql); conn != nullptr) extended = sqlite3_extended_errcode(conn);
  const int primary = e.result() & 0xff;
  DbErrorKind kind = DbErrorKind::kOther;
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY ||
      Contains(detail, "UNIQUE constraint failed")) {
    kind = DbErrorKind::kUnique;
  } else if (extended == SQLITE_CONSTRAINT_FOREIGNKEY ||
             Contains(detail, "FOREIGN KEY constraint failed")) {
    kind = DbErrorKind::kForeignKey;
  } else if (primary == SQLITE_CONSTRAINT) {
    kind = DbErrorKind::kConstraint;
  } else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    kind = DbErrorKind::kBusy;
  } else if (primary == SQLITE_CANTOPEN || primary == SQLITE_NOTADB) {
    kind = DbErrorKind::kConnection;
  }
  return {kind, std::move(detail)};
}

DbError ClassifyPostgres(const soci::postgresql_soci_error& e, const std::string& detail) {
  const std::string state = e.sqlstate();
  DbErrorKind kind = DbErrorKind::kOther;
  if (state == "23505") {
    kind = DbErrorKind::kUnique;
  } else if (state == "23503") {
    kind = DbErrorKind::kForeignKey;
  } else if (state.rfind("23", 0) == 0) {
    kind = DbErrorKind::kConstraint;
  } else if (state.rfind("22", 0) == 0) {
    kind = DbErrorKind::kBadValue;
  } else if (state == "40001" || state == "40P01" || state == "55P03") {
    kind = DbErrorKind::kBusy;
  } else if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" ||
             state == "57P03") {
    kind = DbErrorKind::kConnection;
  }
  return {kind, state + " " + detail};
}

// libsoci does not export the backends' type information, so there is no dynamic_cast and
// UBSan's vptr check (which needs that information) is turned off where we downcast.
__attribute__((no_sanitize("vptr"))) PGconn* PostgresHandle(soci::session& sql) {
  soci::details::session_backend* backend = sql.get_backend();
  if (backend == nullptr || backend->get_backend_name() != "postgresql") return nullptr;
  return static_cast<soci::postgresql_session_backend*>(backend)->conn_;
}

bool PostgresConnectionLost(soci::session& sql) {
  PGconn* conn = PostgresHandle(sql);
  return conn == nullptr || PQstatus(conn) != CONNECTION_OK;
}

}  // namespace

__attribute__((no_sanitize("vptr"))) sqlite_api::sqlite3* SqliteHandle(soci::session& sql) {
  soci::details::session_backend* backend = sql.get_backend();
  if (backend == nullptr || backend->get_backend_name() != "sqlite3") return nullptr;
  return static_cast<soci::sqlite3_session_backend*>(backend)->conn_;
}

namespace {
// libpq prints server notices ("relation ... already exists, skipping") on stderr by default.
void LogNotice(void* /*arg*/, const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && text.back() == '\n') text.pop_back();
  log::Debug("store: postgresql: " + text);
}
}  // namespace

void RouteNoticesToLog(soci::session& sql) {
  if (PGconn* conn = PostgresHandle(sql); conn != nullptr) {
    PQsetNoticeProcessor(conn, LogNotice, nullptr);
  }
}

std::string StripBoundValues(std::string_view what) {
  size_t cut = what.find(" while executing \"");
  if (cut == std::string_view::npos) cut = what.find(" while preparing \"");
  std::string out(what.substr(0, cut));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '.')) {
    out.pop_back();
  }
  return out;
}

DbError ClassifyError(const std::exception& e, soci::session& sql, Backend backend) {
  std::string detail = StripBoundValues(e.what());
  if (const auto* se = dynamic_cast<const soci::sqlite3_soci_error*>(&e); se != nullptr) {
    return ClassifySqlite(*se, sql, std::move(detail));
  }
  if (const auto* pe = dynamic_cast<const soci::postgresql_soci_error*>(&e); pe != nullptr) {
    DbError err = ClassifyPostgres(*pe, detail);
    if (err.kind == DbErrorKind::kOther && PostgresConnectionLost(sql)) {
      err.kind = DbErrorKind::kConnection;
    }
    return err;
  }
  // A plain soci_error (e.g. "Cannot establish connection") or a standard exception.
  DbError err{DbErrorKind::kOther, std::move(detail)};
  if (backend == Backend::kPostgresql && sql.get_backend() != nullptr &&
      PostgresConnectionLost(sql)) {
    err.kind = DbErrorKind::kConnection;
  }
  if (Contains(err.detail, "Cannot establish connection")) err.kind = DbErrorKind::kConnection;
  return err;
}

Status Corrupt(std::string_view table, int64_t id) {
  std::string where = "store: unreadable row in ";
  where.append(table).append(" with id ").append(std::to_string(id));
  log::Error(where);
  return Status::Internal("store.corrupt", "Dữ liệu lưu trong cơ sở dữ liệu bị hỏng (bảng " +
                                               std::string(table) + ", mã số " +
                                               std::to_string(id) + ")");
}

Status GenericError(const DbError& err, std::string_view op) {
  std::string where = "store: ";
  where.append(op).append(": ").append(err.detail);
  switch (err.kind) {
    case DbErrorKind::kBusy:
      log::Warn(where);
      return Status::Unavailable("db.busy",
                                 "Cơ sở dữ liệu đang bận, xin vui lòng thử lại sau giây lát");
    case DbErrorKind::kConnection:
      log::Error(where);
      return Status::Unavailable("db.unavailable", "Không kết nối được tới cơ sở dữ liệu");
    case DbErrorKind::kBadValue:
      log::Warn(where);
      return Status::Invalid("db.bad_value",
                             "Dữ liệu không hợp lệ (văn bản không đúng mã UTF-8 hoặc số quá lớn)");
    case DbErrorKind::kUnique:
    case DbErrorKind::kForeignKey:
    case DbErrorKind::kConstraint:
    case DbErrorKind::kOther:
      break;
  }
  log::Error(where);
  return Status::Internal("db.error", "Lỗi cơ sở dữ liệu; thao tác chưa được thực hiện");
}

}  // namespace nq::store
