// SociTx: the life of a transaction (savepoints, commit, rollback) and the audit log.
#include <soci/soci.h>

#include <string>
#include <utility>

#include "common/log.h"
#include "common/time.h"
#include "store/soci_internal.h"

namespace nq::store {

SociTx::SociTx(SociDatabase* db, size_t pool_pos, Actor actor, TxMode mode,
               std::unique_lock<std::timed_mutex> writer)
    : db_(db),
      pool_pos_(pool_pos),
      sql_(db->SessionAt(pool_pos)),
      actor_(std::move(actor)),
      mode_(mode),
      writer_(std::move(writer)) {}

SociTx::~SociTx() { Finish(/*rollback=*/true); }

void SociTx::Finish(bool rollback) {
  if (done_) return;
  done_ = true;
  if (rollback) {
    try {
      sql_ << "ROLLBACK";
    } catch (const std::exception& e) {
      // The connection is broken; the next Begin() on it reconnects (PostgreSQL) or reports.
      log::Warn(std::string("store: rollback failed: ") + StripBoundValues(e.what()));
    }
  }
  if (writer_.owns_lock()) writer_.unlock();
  db_->GiveBack(pool_pos_);
}

Status SociTx::CheckUsable(bool write) const {
  if (done_) {
    return Status::Internal("store.tx_done", "Giao dịch đã kết thúc (lỗi chương trình)");
  }
  if (aborted_) {
    return Status::Internal("store.tx_aborted",
                            "Giao dịch đã bị hủy do lỗi cơ sở dữ liệu; thao tác chưa được lưu");
  }
  if (write && mode_ == TxMode::kRead) {
    return Status::Internal("store.read_only",
                            "Giao dịch chỉ đọc không được ghi dữ liệu (lỗi chương trình)");
  }
  return Status::Ok();
}

void SociTx::NoteFailure(const DbError& err) {
  // PostgreSQL refuses every statement after an error until the transaction ends; SQLite keeps
  // going, but a lost connection ends it all the same.
  if (db_->kind() == Backend::kPostgresql || err.kind == DbErrorKind::kConnection) {
    aborted_ = true;
  }
}

Status SociTx::Read(const char* op, const std::function<Status()>& body) {
  NQ_RETURN_IF_ERROR(CheckUsable(/*write=*/false));
  try {
    return body();
  } catch (const std::exception& e) {
    DbError err = ClassifyError(e, sql_, db_->kind());
    NoteFailure(err);
    return GenericError(err, op);
  }
}

Status SociTx::Mutate(const char* op, const WriteErrors& errors,
                      const std::function<Status()>& body) {
  NQ_RETURN_IF_ERROR(CheckUsable(/*write=*/true));
  try {
    sql_ << "SAVEPOINT nq_op";
  } catch (const std::exception& e) {
    DbError err = ClassifyError(e, sql_, db_->kind());
    NoteFailure(err);
    return GenericError(err, op);
  }
  Status result;
  DbError err;
  bool threw = false;
  try {
    result = body();
  } catch (const std::exception& e) {
    err = ClassifyError(e, sql_, db_->kind());  // before anything else runs on sql_
    threw = true;
  }
  try {
    if (!threw && result.ok()) {
      sql_ << "RELEASE SAVEPOINT nq_op";
      return result;
    }
    sql_ << "ROLLBACK TO SAVEPOINT nq_op";
    sql_ << "RELEASE SAVEPOINT nq_op";
  } catch (const std::exception& e) {
    DbError end_err = ClassifyError(e, sql_, db_->kind());
    aborted_ = true;  // the transaction is in an unknown state: it must not commit
    return GenericError(end_err, op);
  }
  if (!threw) return result;
  if (err.kind == DbErrorKind::kUnique && !errors.unique.ok()) {
    log::Debug(std::string("store: ") + op + ": " + err.detail);
    return errors.unique;
  }
  if (err.kind == DbErrorKind::kForeignKey && !errors.foreign_key.ok()) {
    log::Debug(std::string("store: ") + op + ": " + err.detail);
    return errors.foreign_key;
  }
  if (err.kind == DbErrorKind::kConnection) aborted_ = true;
  return GenericError(err, op);
}

Status SociTx::Commit() {
  if (done_) {
    return Status::Internal("store.tx_done", "Giao dịch đã kết thúc (lỗi chương trình)");
  }
  if (aborted_) {
    Finish(/*rollback=*/true);
    return Status::Internal("store.tx_aborted",
                            "Giao dịch đã bị hủy do lỗi cơ sở dữ liệu; thao tác chưa được lưu");
  }
  try {
    sql_ << "COMMIT";
  } catch (const std::exception& e) {
    DbError err = ClassifyError(e, sql_, db_->kind());
    Finish(/*rollback=*/true);
    return GenericError(err, "commit");
  }
  Finish(/*rollback=*/false);
  return Status::Ok();
}

void SociTx::InsertAudit(std::string_view entity, const std::string& entity_id,
                         std::string_view action, const std::string& old_value,
                         const std::string& new_value) {
  long long at = NowUnix();
  long long user_id = actor_.user_id;
  std::string ent(entity);
  std::string act(action);
  sql_ << "INSERT INTO audit_log (at, user_id, username, address, entity, entity_id, action, "
          "old_value, new_value) VALUES (:at, :uid, :uname, :addr, :ent, :eid, :act, :old, :new)",
      soci::use(at), soci::use(user_id), soci::use(actor_.username), soci::use(actor_.address),
      soci::use(ent), soci::use(entity_id), soci::use(act), soci::use(old_value),
      soci::use(new_value);
}

Status SociTx::Audit(const std::string& entity, const std::string& entity_id,
                     const std::string& action, const std::string& old_value,
                     const std::string& new_value) {
  return Mutate("Audit", {}, [&] {
    InsertAudit(entity, entity_id, action, old_value, new_value);
    return Status::Ok();
  });
}

Result<std::vector<AuditEntry>> SociTx::ListAudit(const std::string& entity,
                                                  const std::string& entity_id, int limit) {
  std::vector<AuditEntry> out;
  Status st = Read("ListAudit", [&] {
    // The statement's shape depends on which filters are given; the values are always bound.
    std::string where;
    if (!entity.empty()) where += " WHERE entity = :entity";
    if (!entity_id.empty()) where += where.empty() ? " WHERE" : " AND";
    if (!entity_id.empty()) where += " entity_id = :entity_id";
    int lim = limit < 0 ? 0 : limit;
    AuditEntry row;
    long long id = 0;
    long long at = 0;
    long long user_id = 0;
    soci::statement stmt(sql_);
    stmt.alloc();
    stmt.exchange(soci::into(id));
    stmt.exchange(soci::into(at));
    stmt.exchange(soci::into(user_id));
    stmt.exchange(soci::into(row.username));
    stmt.exchange(soci::into(row.address));
    stmt.exchange(soci::into(row.entity));
    stmt.exchange(soci::into(row.entity_id));
    stmt.exchange(soci::into(row.action));
    stmt.exchange(soci::into(row.old_value));
    stmt.exchange(soci::into(row.new_value));
    if (!entity.empty()) stmt.exchange(soci::use(entity, "entity"));
    if (!entity_id.empty()) stmt.exchange(soci::use(entity_id, "entity_id"));
    stmt.exchange(soci::use(lim, "lim"));
    stmt.prepare(
        "SELECT id, at, user_id, username, address, entity, entity_id, action, old_value, "
        "new_value FROM audit_log" +
        where + " ORDER BY id DESC LIMIT :lim");
    stmt.define_and_bind();
    stmt.execute(false);
    while (stmt.fetch()) {
      row.id = id;
      row.at = at;
      row.user_id = user_id;
      out.push_back(row);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> SociTx::LastAuditId() {
  int64_t out = 0;
  Status st = Read("LastAuditId", [&] {
    long long id = 0;
    soci::indicator ind = soci::i_ok;
    sql_ << "SELECT MAX(id) FROM audit_log", soci::into(id, ind);
    out = ind == soci::i_ok ? id : 0;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<MigrationRecord>> SociTx::ListMigrations() {
  std::vector<MigrationRecord> out;
  Status st = Read("ListMigrations", [&] {
    MigrationRecord row;
    long long applied_at = 0;
    soci::statement stmt =
        (sql_.prepare << "SELECT version, name, applied_at FROM schema_migrations ORDER BY version",
         soci::into(row.version), soci::into(row.name), soci::into(applied_at));
    stmt.execute(false);
    while (stmt.fetch()) {
      row.applied_at = applied_at;
      out.push_back(row);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace nq::store
