// Private to store/: the SOCI implementation of Database and Tx, and the error mapping they
// share. Nothing outside store/*.cc includes this header (it pulls in SOCI).
//
// Layout: soci_database.cc (Open, pool, Begin, Backup), soci_errors.cc (exception -> Status),
// soci_tx.cc (transaction life, savepoints, audit), soci_tx_orgs.cc, soci_tx_users.cc
// (users, sessions, sign-in failures), soci_tx_plan.cc (terms, resolutions),
// soci_tx_targets.cc (targets, resolution tasks), soci_tx_settings.cc (assessment settings of
// resolutions), soci_tx_data.cc (data elements, data sets),
// soci_tx_values.cc (data values, reports), soci_tx_tasks.cc and soci_tx_task_writes.cc
// (assigned tasks), soci_tx_task_updates.cc (progress updates, evidence files),
// soci_tx_reviews.cc (reviews: records, narrative versions, frozen files),
// soci_tx_record_types.cc (record types with their versions), soci_tx_records.cc (records with
// their values), soci_helpers.cc (small helpers the soci_tx_*.cc files share), migrations.cc
// (schema).
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/database_url.h"

namespace sqlite_api {
struct sqlite3;  // SOCI's home for <sqlite3.h> (soci-sqlite3.h)
}  // namespace sqlite_api

namespace nq::store {

// --- errors (soci_errors.cc) -------------------------------------------------------------------

enum class DbErrorKind {
  kUnique,      // unique or primary key violation
  kForeignKey,  // a reference to a missing row (or a referenced row in use)
  kConstraint,  // NOT NULL, CHECK
  kBusy,        // SQLite busy/locked past the timeout; PostgreSQL deadlock or serialization
  kConnection,  // the connection is gone or could not be made
  kBadValue,    // a value the database refuses (PostgreSQL: invalid UTF-8, out of range)
  kOther,
};

struct DbError {
  DbErrorKind kind = DbErrorKind::kOther;
  std::string detail;  // the database's message without bound values (they may hold secrets)
};

// Classifies an exception thrown while using `sql`. Call it before anything else runs on `sql`:
// on SQLite it reads the connection's extended error code.
DbError ClassifyError(const std::exception& e, soci::session& sql, Backend backend);

// The Status for a failure that no caller-specific text covers; logs the details under `op`.
// kBusy -> Unavailable "db.busy", kConnection -> Unavailable "db.unavailable", kBadValue ->
// Invalid "db.bad_value", else Internal "db.error" (the details are logged, never returned).
Status GenericError(const DbError& err, std::string_view op);

// Internal "store.corrupt": a stored row that does not read back (unknown code, bad date).
Status Corrupt(std::string_view table, int64_t id);

// The SQLite handle of an open sqlite3 session; null for another backend or a closed session.
sqlite_api::sqlite3* SqliteHandle(soci::session& sql);

// PostgreSQL: sends the server's notices to the log (debug level) instead of stderr. Call after
// every (re)connection. Does nothing on SQLite.
void RouteNoticesToLog(soci::session& sql);

// SOCI appends "while executing "..." with :a=..." to its messages: keep only the text before.
std::string StripBoundValues(std::string_view what);

// What a failed write reports for each kind of constraint failure; an OK Status means "use
// GenericError".
struct WriteErrors {
  Status unique;
  Status foreign_key;
};

// --- reading rows
// -----------------------------------------------------------------------------------

// Runs `select`, whose columns match Row::Bind(soci::statement&), with `key` bound (by position)
// unless it is null; converts each row with the member `convert` (returning Result<T>) and hands
// the T to `each`. Throws what SOCI throws; returns the first failed conversion.
template <typename Row, typename Key, typename Convert, typename Each>
Status QueryRows(soci::session& sql, const std::string& select, const Key* key, Convert convert,
                 Each each) {
  Row row;
  soci::statement stmt(sql);
  row.Bind(stmt);
  if (key != nullptr) stmt.exchange(soci::use(*key));
  stmt.alloc();
  stmt.prepare(select);
  stmt.define_and_bind();
  stmt.execute(false);
  while (stmt.fetch()) {
    auto value = (row.*convert)();
    if (!value.ok()) return value.status();
    each(std::move(value).value());
  }
  return Status::Ok();
}

// --- helpers of the soci_tx_*.cc files (soci_helpers.cc) --------------------------------------

// "column IN (1,2,3)": numbers only, so safe to write into a statement. `ids` must not be empty.
std::string InList(std::string_view column, const std::vector<int64_t>& ids);

// The first of `ids` that names no row of `table` (by its column id), nullopt when all do.
// Throws what SOCI throws.
std::optional<int64_t> FirstMissingId(soci::session& sql, const char* table,
                                      const std::vector<int64_t>& ids);

// Reads a nullable ISO date column into *out (nullopt for NULL); false for text that is no date.
bool ReadDate(const std::string& text, soci::indicator ind, std::optional<Date>* out);

// A nullable date column as SOCI binds it: soci::use(p.text, p.ind).
struct DateParam {
  explicit DateParam(const std::optional<Date>& d);
  std::string text;
  soci::indicator ind;
};

// What a write returns, as its WriteErrors::foreign_key, when it refers to a missing row: the
// caller then works out (outside the failed savepoint, with FirstMissingId) which row is missing
// and returns the error naming it. Checking only after a failure keeps SELECTs off the common
// path; the foreign keys decide.
inline constexpr char kRefUnknown[] = "store.ref_unknown";

// Record types with every version (soci_tx_record_types.cc): those with the given ids, or all
// when `ids` is null; by code. Internal "store.corrupt" for a row or definition that does not
// read back. Throws what SOCI throws.
Status ReadRecordTypes(soci::session& sql, const std::vector<int64_t>* ids,
                       std::vector<RecordType>* out);

// --- database (soci_database.cc) --------------------------------------------------------------

class SociDatabase final : public Database {
 public:
  // How long Begin() and Backup() wait for a free connection, and a writer for the writer lock.
  static constexpr int kWaitMs = 30000;

  // Opens pool_size connections and migrates. See Database::Open.
  static Result<std::unique_ptr<Database>> Create(const DatabaseUrl& url, int pool_size);
  ~SociDatabase() override;

  std::string backend() const override { return BackendName(url_.backend); }
  int schema_version() const override { return schema_version_; }
  Status Backup(const std::string& path) override;

  Backend kind() const { return url_.backend; }
  soci::session& SessionAt(size_t pos) { return pool_->at(pos); }
  // Returns a leased connection to the pool (called by SociTx when it ends).
  void GiveBack(size_t pos) { pool_->give_back(pos); }

 protected:
  Result<std::unique_ptr<Tx>> BeginTx(const Actor& actor, TxMode mode) override;

 private:
  SociDatabase(DatabaseUrl url, size_t pool_size);
  // Opens connection `pos` and sets its per-connection options.
  Status Connect(size_t pos);
  // BEGIN (and the writer lock on PostgreSQL) on `sql`; reconnects once if the server went away.
  // Throws what SOCI throws.
  void StartTransaction(soci::session& sql, TxMode mode);
  // Waits up to kWaitMs for a free connection; false on timeout.
  bool Lease(size_t* pos);

  const DatabaseUrl url_;
  const std::unique_ptr<soci::connection_pool> pool_;
  int schema_version_ = 0;  // set once by Create()
  // SQLite only: held by the one write transaction in progress in this process.
  std::timed_mutex writer_mu_;
};

// Applies the pending migrations on `sql` (migrations.cc); returns the schema version reached.
Result<int> ApplyMigrations(soci::session& sql, Backend backend);

// Advisory lock keys (PostgreSQL): one for migrations, one serializing write transactions.
inline constexpr long long kMigrationLockKey = 0x6e71747201;  // "nqtr" 1
inline constexpr long long kWriterLockKey = 0x6e71747202;     // "nqtr" 2

// --- transaction (soci_tx*.cc) -----------------------------------------------------------------

class SociTx final : public Tx {
 public:
  // Takes over a leased connection on which a transaction has begun, and the writer lock.
  SociTx(SociDatabase* db, size_t pool_pos, Actor actor, TxMode mode,
         std::unique_lock<std::timed_mutex> writer);
  ~SociTx() override;
  SociTx(const SociTx&) = delete;
  SociTx& operator=(const SociTx&) = delete;

  Result<std::vector<Organization>> ListOrganizations() override;
  Result<Organization> GetOrganization(int64_t id) override;
  Result<int64_t> InsertOrganization(const Organization& org) override;
  Status UpdateOrganization(const Organization& org, const std::string& action) override;

  Result<std::vector<User>> ListUsers() override;
  Result<User> GetUser(int64_t id) override;
  Result<std::optional<User>> FindUser(const std::string& username) override;
  Result<int64_t> InsertUser(const User& user) override;
  Status UpdateUser(const User& user, const std::string& action) override;

  Status InsertSession(const Session& s) override;
  Result<std::optional<Session>> FindSession(const std::string& token_hash) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteUserSessions(int64_t user_id) override;
  Status DeleteExpiredSessions(int64_t now) override;

  Status RecordLoginFailure(const std::string& key, int64_t at) override;
  Result<int> CountLoginFailures(const std::string& key, int64_t since) override;
  Status ClearLoginFailures(const std::string& key) override;

  Result<std::vector<Term>> ListTerms() override;
  Result<Term> GetTerm(int64_t id) override;
  Result<int64_t> InsertTerm(const Term& term) override;
  Status UpdateTerm(const Term& term) override;

  Result<std::vector<Resolution>> ListResolutions(std::optional<int64_t> term_id) override;
  Result<Resolution> GetResolution(int64_t id) override;
  Result<int64_t> InsertResolution(const Resolution& r) override;
  Status UpdateResolution(const Resolution& r) override;

  Result<std::vector<Target>> ListTargets(int64_t resolution_id) override;
  Result<Target> GetTarget(int64_t id) override;
  Result<int64_t> InsertTarget(const Target& t) override;
  Status UpdateTarget(const Target& t) override;

  Result<std::vector<ResolutionTask>> ListResolutionTasks(int64_t resolution_id) override;
  Result<ResolutionTask> GetResolutionTask(int64_t id) override;
  Result<int64_t> InsertResolutionTask(const ResolutionTask& t) override;
  Status UpdateResolutionTask(const ResolutionTask& t) override;

  Result<std::optional<AssessmentSettings>> GetAssessmentSettings(int64_t resolution_id) override;
  Status PutAssessmentSettings(int64_t resolution_id, const AssessmentSettings& s) override;

  Result<std::vector<DataElement>> ListDataElements() override;
  Result<DataElement> GetDataElement(int64_t id) override;
  Result<int64_t> InsertDataElement(const DataElement& e) override;
  Status UpdateDataElement(const DataElement& e) override;
  Result<std::vector<DataSet>> ListDataSets() override;
  Result<DataSet> GetDataSet(int64_t id) override;
  Result<int64_t> InsertDataSet(const DataSet& s) override;
  Status UpdateDataSet(const DataSet& s) override;

  Result<std::vector<DataValue>> ListValues(const ValueQuery& q) override;
  Result<std::optional<DataValue>> GetValue(int64_t org_id, int64_t element_id,
                                            const Period& period) override;
  Status UpsertValue(const DataValue& v) override;
  Status DeleteValue(int64_t org_id, int64_t element_id, const Period& period) override;

  Result<std::optional<Report>> GetReport(int64_t org_id, int64_t data_set_id,
                                          const Period& period) override;
  Result<std::vector<Report>> ListReports(int64_t data_set_id, const Period& period) override;
  Status UpsertReport(const Report& r, const std::string& action) override;

  Result<std::vector<AssignedTask>> ListAssignedTasks(const TaskQuery& q) override;
  Result<AssignedTask> GetAssignedTask(int64_t id) override;
  Result<int64_t> InsertAssignedTask(const AssignedTask& t) override;
  Status UpdateAssignedTask(const AssignedTask& t) override;

  Result<std::vector<TaskUpdate>> ListTaskUpdates(int64_t task_id) override;
  Result<TaskUpdate> InsertTaskUpdate(const TaskUpdate& u,
                                      const std::vector<EvidenceFile>& files) override;
  Result<EvidenceInfo> GetEvidenceInfo(int64_t id) override;
  Result<std::vector<ReviewDoc>> ListReviewDocs(std::optional<int64_t> resolution_id) override;
  Result<ReviewDoc> GetReviewDoc(int64_t id) override;
  Result<int64_t> InsertReviewDoc(const ReviewDoc& d) override;
  Status UpdateReviewDoc(const ReviewDoc& d, const std::string& action) override;
  Result<std::vector<ReviewText>> ListReviewTexts(int64_t review_id) override;
  Result<int64_t> InsertReviewText(const ReviewText& t) override;
  Status InsertReviewFile(int64_t review_id, const std::string& format,
                          const std::string& bytes) override;
  Result<std::optional<std::string>> GetReviewFile(int64_t review_id,
                                                   const std::string& format) override;
  Result<std::string> GetEvidenceContent(int64_t id) override;

  Result<std::vector<RecordType>> ListRecordTypes() override;
  Result<RecordType> GetRecordType(int64_t id) override;
  Result<int64_t> InsertRecordType(const RecordType& t) override;
  Status UpdateRecordType(const RecordType& t) override;
  Result<int64_t> CountRecords(const RecordQuery& q) override;
  Result<std::vector<Record>> ListRecords(const RecordQuery& q) override;
  Result<Record> GetRecord(int64_t id) override;
  Result<int64_t> InsertRecord(const Record& r) override;
  Status DeleteRecord(int64_t id) override;

  Status Audit(const std::string& entity, const std::string& entity_id, const std::string& action,
               const std::string& old_value, const std::string& new_value) override;
  Result<std::vector<AuditEntry>> ListAudit(const std::string& entity, const std::string& entity_id,
                                            int limit) override;
  Result<int64_t> LastAuditId() override;
  Result<std::vector<MigrationRecord>> ListMigrations() override;

  Status Commit() override;

 private:
  // Runs the statements of one mutating method inside a savepoint: if `body` returns an error or
  // throws, everything it did is undone and the Tx stays usable. Exceptions become Statuses
  // through `errors`, then GenericError.
  Status Mutate(const char* op, const WriteErrors& errors, const std::function<Status()>& body);
  // Runs a read; exceptions become GenericError Statuses (and may abort the Tx).
  Status Read(const char* op, const std::function<Status()>& body);
  // Inserts an audit row for the actor; throws on failure (use inside Mutate bodies).
  void InsertAudit(std::string_view entity, const std::string& entity_id, std::string_view action,
                   const std::string& old_value, const std::string& new_value);
  // Replaces the target codes of task t (whose id is set). Invalid "task.target_unknown" for a
  // code that is not a target of t's resolution; throws on database errors.
  Status WriteTaskTargets(const ResolutionTask& t);
  // Internal "store.tx_done" / "store.tx_aborted" / "store.read_only" when the Tx cannot run
  // the call.
  Status CheckUsable(bool write) const;
  // Notes a failure outside a savepoint: on PostgreSQL the transaction can no longer commit.
  void NoteFailure(const DbError& err);
  // Rolls back if still open, drops the writer lock, returns the connection. Never throws.
  void Finish(bool rollback);

  SociDatabase* db_;
  size_t pool_pos_;
  soci::session& sql_;
  Actor actor_;
  TxMode mode_;
  std::unique_lock<std::timed_mutex> writer_;
  bool done_ = false;
  bool aborted_ = false;
};

}  // namespace nq::store
