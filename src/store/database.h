// Database: persistence over SOCI, on SQLite (embedded default) or PostgreSQL 15.
//
// The backend is chosen by a URL:
//   sqlite:var/nqtrack.db        a file (created if absent), WAL journal, foreign keys on,
//                                synchronous=NORMAL, busy timeout 5 s
//   sqlite::memory:              a private in-memory database (tests); its pool has one
//                                connection whatever pool_size says, since every SQLite
//                                connection to ":memory:" would be a database of its own
//   postgresql://user@host:port/dbname?sslmode=disable   (libpq connection URI; postgres://
//                                too). Values holding spaces, quotes or backslashes are refused:
//                                give a password through ~/.pgpass or PGPASSWORD instead.
// Open() applies the numbered migrations of store/migrations.cc that the database lacks, each in
// its own transaction, and records them in schema_migrations. Two processes opening the same
// database at once apply each migration once (PostgreSQL: an advisory lock; SQLite: BEGIN
// IMMEDIATE).
//
// All reads and writes go through a Tx (a database transaction). Every mutating Tx method of an
// entity (organization, user, term, resolution, target, resolution task, assessment settings,
// assigned task, task update, review, record type, record)
// writes an audit row (who, when, entity, id, action, old JSON, new JSON) inside the same
// transaction, so a change and its audit row commit or vanish together. Sessions and failed
// sign-ins are short-lived security state, not records: their methods write no audit row of
// their own; the service layer writes the meaningful event ("login", "logout", ...) with
// Audit(). Audit rows never hold a password hash, a session token hash or a CSRF token.
//
// A Tx that is destroyed without Commit() rolls back. A mutating method that fails changes
// nothing (it runs inside a savepoint) and the Tx stays usable; a failure of the connection
// itself leaves the Tx aborted: later calls and Commit() return Internal "store.tx_aborted".
//
// Errors: a duplicate unique value is Conflict (e.g. "org.code_taken", "Mã tổ chức 'X' đã tồn
// tại"); a reference to a missing row is Invalid (e.g. "org.parent_unknown"); a lost or busy
// database is Unavailable ("db.unavailable", "db.busy"); a value the database refuses (PostgreSQL:
// invalid UTF-8) is Invalid "db.bad_value"; anything else the database reports is Internal
// "db.error" (the details are logged, never shown). SOCI exceptions never leave store/.
//
// Write transactions are serialized: on SQLite by a writer lock of the Database plus BEGIN
// IMMEDIATE (against other processes), on PostgreSQL by a transaction-level advisory lock. So
// audit ids (the change-log sequence numbers) become visible in increasing order: a reader that
// has seen audit id N has seen every change with an id below N. Read transactions (TxMode::kRead)
// take no lock and see one consistent snapshot; their mutating methods return Internal
// "store.read_only".
//
// Thread-safety: Database is thread-safe; it keeps a pool of connections and Begin() blocks while
// all are in use (Unavailable "db.pool_exhausted" after 30 s). A Tx belongs to one thread at a
// time and must not outlive its Database. One thread must not hold two write Tx at once (nor two
// Tx of any kind on "sqlite::memory:"): the second waits 30 s for the first and fails with
// Unavailable. SOCI is confined to store/*.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/assessment_settings.h"
#include "domain/data.h"
#include "domain/organization.h"
#include "domain/period.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "domain/resolution.h"
#include "domain/review_doc.h"
#include "domain/task.h"
#include "domain/task_update.h"
#include "domain/user.h"

namespace nq::store {

// Who makes a change; copied into audit rows.
struct Actor {
  int64_t user_id = 0;  // 0 for the system (CLI init, migrations, demo)
  std::string username = "system";
  std::string address;  // client IP for web requests, "cli" for the command line
};

struct AuditEntry {
  int64_t id = 0;  // increasing: also the change-log sequence number
  int64_t at = 0;  // Unix seconds
  int64_t user_id = 0;
  std::string username;
  std::string address;
  std::string entity;  // "organization", "user", "term", "resolution", "target", ...
  std::string entity_id;
  std::string action;     // "create", "update", "move", "close", "login", ...
  std::string old_value;  // JSON object text, empty for a create
  std::string new_value;  // JSON object text, empty for a delete
};

struct Session {
  std::string token_hash;  // hex SHA-256 of the cookie token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf_token;  // random, sent in pages and checked on every state change
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::string address;
  std::string user_agent;
  bool operator==(const Session&) const = default;
};

// One applied migration, as recorded in schema_migrations.
struct MigrationRecord {
  int version = 0;
  std::string name;
  int64_t applied_at = 0;  // Unix seconds
};

// kWrite: may change data; serialized with the other write transactions (see above).
// kRead: reads only, concurrently with everything else, on one snapshot.
enum class TxMode { kWrite, kRead };

class Tx {
 public:
  virtual ~Tx() = default;

  // --- organizations (audit entity "organization") -------------------------------------------
  // Ordered by id.
  virtual Result<std::vector<Organization>> ListOrganizations() = 0;
  virtual Result<Organization> GetOrganization(int64_t id) = 0;  // NotFound "org.not_found"
  // Inserts and returns the new id (org.id is ignored). Conflict "org.code_taken" if the code
  // exists; Invalid "org.parent_unknown" if parent_id names no organization.
  virtual Result<int64_t> InsertOrganization(const Organization& org) = 0;
  // Replaces every field of the stored row with org's (by org.id); audit action is `action`
  // ("update", "move", "close"). NotFound if absent, Conflict on a duplicate code.
  virtual Status UpdateOrganization(const Organization& org, const std::string& action) = 0;

  // --- users (audit entity "user")
  // ----------------------------------------------------------------- Ordered by username.
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Result<User> GetUser(int64_t id) = 0;  // NotFound "user.not_found"
  virtual Result<std::optional<User>> FindUser(const std::string& username) = 0;
  // Conflict "user.taken"; Invalid "user.org_unknown" if org_id names no organization.
  virtual Result<int64_t> InsertUser(const User& user) = 0;
  // Replaces the stored user (by id). Audit rows never contain the password hash; a changed hash
  // shows as "password_changed": true in the new value.
  virtual Status UpdateUser(const User& user, const std::string& action) = 0;

  // --- sessions (no audit rows of their own; see the top) ----------------------------------------
  // Conflict "session.exists" for a token hash already stored; Invalid "session.user_unknown".
  virtual Status InsertSession(const Session& s) = 0;
  // The stored session, expired or not (the caller compares expires_at with the clock).
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;  // OK if absent
  virtual Status DeleteUserSessions(int64_t user_id) = 0;           // "log out everywhere"
  virtual Status DeleteExpiredSessions(int64_t now) = 0;            // expires_at <= now

  // --- failed sign-in attempts (throttling; no audit rows of their own)
  // ---------------------------- `key` is "user:<name>" or "addr:<ip>". Recording a failure forgets
  // every failure (of any key) more than 24 hours older than it.
  virtual Status RecordLoginFailure(const std::string& key, int64_t at) = 0;
  // Failures of `key` with at >= since.
  virtual Result<int> CountLoginFailures(const std::string& key, int64_t since) = 0;
  virtual Status ClearLoginFailures(const std::string& key) = 0;

  // --- plan: terms, resolutions, targets, resolution tasks (domain/resolution.h)
  // ------------------- Audit entities "term", "resolution", "target", "resolution_task"; actions
  // "create"/"update". Ordered by start date, then id.
  virtual Result<std::vector<Term>> ListTerms() = 0;
  virtual Result<Term> GetTerm(int64_t id) = 0;  // NotFound "term.not_found"
  // Invalid "term.org_unknown" if org_id names no organization.
  virtual Result<int64_t> InsertTerm(const Term& term) = 0;
  virtual Status UpdateTerm(const Term& term) = 0;  // NotFound by id

  // Resolutions of one term, or of every term when term_id is nullopt; by adoption date, then id.
  virtual Result<std::vector<Resolution>> ListResolutions(std::optional<int64_t> term_id) = 0;
  virtual Result<Resolution> GetResolution(int64_t id) = 0;  // NotFound "resolution.not_found"
  // Conflict "resolution.number_taken" for a number already used in the term; Invalid
  // "resolution.term_unknown".
  virtual Result<int64_t> InsertResolution(const Resolution& r) = 0;
  virtual Status UpdateResolution(const Resolution& r) = 0;

  // Targets of a resolution, by position, then id.
  virtual Result<std::vector<Target>> ListTargets(int64_t resolution_id) = 0;
  virtual Result<Target> GetTarget(int64_t id) = 0;  // NotFound "target.not_found"
  // Conflict "target.code_taken" for a code already used in the resolution; Invalid
  // "target.resolution_unknown". A changed code is carried into the tasks that name it.
  virtual Result<int64_t> InsertTarget(const Target& t) = 0;
  virtual Status UpdateTarget(const Target& t) = 0;

  // Breakthrough and key tasks of a resolution, by kind, then position, then id; target_codes
  // keep their order.
  virtual Result<std::vector<ResolutionTask>> ListResolutionTasks(int64_t resolution_id) = 0;
  virtual Result<ResolutionTask> GetResolutionTask(int64_t id) = 0;  // NotFound "task.not_found"
  // Invalid "task.target_unknown" when a target code is not a target of the same resolution;
  // Invalid "task.resolution_unknown".
  virtual Result<int64_t> InsertResolutionTask(const ResolutionTask& t) = 0;
  virtual Status UpdateResolutionTask(const ResolutionTask& t) = 0;

  // Cài đặt đánh giá of a resolution (domain/assessment_settings.h): audit entity
  // "assessment_settings", entity id the resolution id, action "create" for the first write and
  // "update" after. The stored settings, nullopt when the resolution has none of its own (the
  // defaults apply) or does not exist; Internal "store.corrupt" for a row that does not read back.
  virtual Result<std::optional<AssessmentSettings>> GetAssessmentSettings(
      int64_t resolution_id) = 0;
  // Inserts or replaces the resolution's settings as given (validation is the caller's).
  // Invalid "settings.resolution_unknown" when no resolution has that id.
  virtual Status PutAssessmentSettings(int64_t resolution_id, const AssessmentSettings& s) = 0;

  // --- reported data: elements, data sets, values, reports (domain/data.h) -------------------
  // Audit entities "data_element", "data_set" (create/update), "data_value" (entity id
  // "org/element/period"; actions "create", "update", "delete"), "report" (entity id
  // "org/set/period"; the action given: "submit", "approve", "reopen").
  virtual Result<std::vector<DataElement>> ListDataElements() = 0;  // by code
  virtual Result<DataElement> GetDataElement(int64_t id) = 0;        // NotFound "element.not_found"
  // Conflict "element.code_taken".
  virtual Result<int64_t> InsertDataElement(const DataElement& e) = 0;
  virtual Status UpdateDataElement(const DataElement& e) = 0;  // NotFound, Conflict as above
  virtual Result<std::vector<DataSet>> ListDataSets() = 0;     // by code; elements, kinds and
                                                               // rules in their order
  virtual Result<DataSet> GetDataSet(int64_t id) = 0;          // NotFound "dataset.not_found"
  // Conflict "dataset.code_taken"; Invalid "dataset.element_unknown".
  virtual Result<int64_t> InsertDataSet(const DataSet& s) = 0;
  virtual Status UpdateDataSet(const DataSet& s) = 0;

  // Values matching the query, ordered by organization id, element id, period start.
  struct ValueQuery {
    std::vector<int64_t> org_ids;      // empty: every organization
    std::optional<int64_t> element_id;
    std::vector<int64_t> element_ids;  // empty: every element (or element_id)
    std::optional<Date> from;          // periods starting on or after
    std::optional<Date> to;            // periods starting on or before
    std::optional<PeriodType> period_type;
  };
  virtual Result<std::vector<DataValue>> ListValues(const ValueQuery& q) = 0;
  virtual Result<std::optional<DataValue>> GetValue(int64_t org_id, int64_t element_id,
                                                    const Period& period) = 0;
  // Inserts or replaces (audit "create" or "update" with the old and new value). Invalid
  // "value.org_unknown" / "value.element_unknown" for a missing organization or element.
  virtual Status UpsertValue(const DataValue& v) = 0;
  // Audit "delete" with the old value; OK, with no audit row, when there is no such value.
  virtual Status DeleteValue(int64_t org_id, int64_t element_id, const Period& period) = 0;

  virtual Result<std::optional<Report>> GetReport(int64_t org_id, int64_t data_set_id,
                                                  const Period& period) = 0;
  // Reports of a data set for one period (every organization), by organization id.
  virtual Result<std::vector<Report>> ListReports(int64_t data_set_id, const Period& period) = 0;
  // Inserts or replaces the report of (org, set, period); audit action `action`.
  // Invalid "report.org_unknown" / "report.dataset_unknown" for a missing organization or set.
  virtual Status UpsertReport(const Report& r, const std::string& action) = 0;

  // --- assigned tasks and their progress (domain/task.h, domain/task_update.h) ---------------
  // Audit entities "assigned_task" (actions "create", "update"; the whole task as JSON: owner,
  // cooperating organizations, deadline, product with document and project milestones,
  // completions, progress) and "task_update" (action "create"; the update with the names, types,
  // sizes and SHA-256 of its evidence files — never their bytes).
  struct TaskQuery {
    std::optional<int64_t> resolution_id;
    std::vector<int64_t> owner_org_ids;  // empty: any owner
    std::optional<int64_t> parent_id;    // only the sub-tasks of this task
  };
  // Tasks matching the query, by id, each complete (cooperating organizations in the order
  // given, occurrence completions by period, document, project with milestones in order).
  virtual Result<std::vector<AssignedTask>> ListAssignedTasks(const TaskQuery& q) = 0;
  virtual Result<AssignedTask> GetAssignedTask(int64_t id) = 0;  // NotFound "task.not_found"
  // Inserts (t.id ignored) and returns the new id. Invalid "task.resolution_unknown",
  // "task.owner_unknown", "task.cooperating_unknown", "task.parent_unknown",
  // "task.resolution_task_unknown" for references to missing rows.
  virtual Result<int64_t> InsertAssignedTask(const AssignedTask& t) = 0;
  // Replaces every field of the stored task (by t.id); NotFound "task.not_found"; Invalid as
  // for insert. Both: Invalid "task.completion_invalid" for two completions of one period.
  virtual Status UpdateAssignedTask(const AssignedTask& t) = 0;

  // Progress updates of a task, oldest first, each with its evidence infos (by id).
  virtual Result<std::vector<TaskUpdate>> ListTaskUpdates(int64_t task_id) = 0;
  // Inserts the update (u.id and u.evidence ignored) and its evidence files (info ids, task and
  // update ids ignored; the rest stored as given) and returns the update as stored: its id, and
  // its evidence infos with their ids, in the order given. Invalid "task.not_found" when no task
  // has u.task_id.
  virtual Result<TaskUpdate> InsertTaskUpdate(const TaskUpdate& u,
                                              const std::vector<EvidenceFile>& files) = 0;
  // One evidence file's info; NotFound "evidence.not_found".
  virtual Result<EvidenceInfo> GetEvidenceInfo(int64_t id) = 0;
  // Its bytes exactly as stored; NotFound "evidence.not_found"; Internal "store.corrupt" for
  // stored content that does not decode.
  virtual Result<std::string> GetEvidenceContent(int64_t id) = 0;

  // --- reviews (domain/review_doc.h) ----------------------------------------------------------
  // Audit entities "review" (actions "create", "update", "issue"; the record without its files)
  // and "review_text" (action "create"; the section, version and length — the text itself is in
  // review_texts, every version kept).
  // Reviews of one resolution, or of every resolution when nullopt; by id.
  virtual Result<std::vector<ReviewDoc>> ListReviewDocs(std::optional<int64_t> resolution_id) = 0;
  virtual Result<ReviewDoc> GetReviewDoc(int64_t id) = 0;  // NotFound "review.not_found"
  // Inserts (d.id ignored) and returns the new id. Invalid "review.resolution_unknown",
  // "review.org_unknown", "review.term_unknown" for references to missing rows.
  virtual Result<int64_t> InsertReviewDoc(const ReviewDoc& d) = 0;
  // Replaces every field of the stored record (by d.id); audit action `action`. NotFound
  // "review.not_found"; Conflict "review.number_taken" when another review of the same
  // organization and term already has d.number.
  virtual Status UpdateReviewDoc(const ReviewDoc& d, const std::string& action) = 0;
  // Every saved version of the review's narrative, by section, then version.
  virtual Result<std::vector<ReviewText>> ListReviewTexts(int64_t review_id) = 0;
  // Stores t (id ignored) as given, version included; Conflict "review.text_stale" when that
  // version of the section exists already (someone saved in between); NotFound "review.not_found"
  // when no review has t.review_id.
  virtual Result<int64_t> InsertReviewText(const ReviewText& t) = 0;
  // The frozen outputs of an issued review, one per format ("json", "html", "docx", "pdf",
  // "xlsx"): stored once, never replaced (Conflict "review.file_exists"); bytes as given.
  // NotFound "review.not_found" when no review has that id.
  virtual Status InsertReviewFile(int64_t review_id, const std::string& format,
                                  const std::string& bytes) = 0;
  // nullopt when the review has no file of that format; Internal "store.corrupt" for stored
  // content that does not decode.
  virtual Result<std::optional<std::string>> GetReviewFile(int64_t review_id,
                                                           const std::string& format) = 0;
  // --- record types and records (domain/record_type.h, domain/record.h) ----------------------
  // Audit entities "record_type" (actions "create", "update"; the type with every version's
  // definition, store/record_codec.h) and "record" (actions "create", "delete"; the record with
  // its values as canonical text for an open type, and only the codes of the fields it fills
  // for a personal type, whose values stay out of the log). Validation is the caller's.
  // Every type, by code, each with all its versions in order.
  virtual Result<std::vector<RecordType>> ListRecordTypes() = 0;
  // NotFound "record_type.not_found"; Internal "store.corrupt" for a definition that does not read.
  virtual Result<RecordType> GetRecordType(int64_t id) = 0;
  // Inserts t (id ignored) with its versions as given (ValidateRecordType: 1..n, usually just
  // version 1) and returns the new id. Conflict "record_type.code_taken".
  virtual Result<int64_t> InsertRecordType(const RecordType& t) = 0;
  // Stores t's name, description and privacy (not its code nor its date field) and its versions:
  // a number the type lacks is added, a stored one replaced (ReviseRecordType: a new version
  // with records, the last one replaced without). A stored version t lacks stays. NotFound
  // "record_type.not_found".
  virtual Status UpdateRecordType(const RecordType& t) = 0;
  struct RecordQuery {
    std::optional<int64_t> type_id{};  // nullopt: every type
    std::vector<int64_t> org_ids{};    // empty: every organization
    std::optional<Date> from{};        // record date on or after (records without one excluded)
    std::optional<Date> to{};          // record date on or before (idem)
    // ListRecords only: the order reversed (newest first), and one page of it.
    bool newest_first = false;
    std::optional<int> limit{};  // nullopt: every record
    int offset = 0;
  };
  // Records matching the query (limit and offset ignored); 0 for none — with only type_id set,
  // whether the type has records.
  virtual Result<int64_t> CountRecords(const RecordQuery& q) = 0;
  // Records matching the query, by record date (records without one last), then id — or the
  // reverse with newest_first — from `offset`, at most `limit`; each complete (type code, values
  // read back with their field's type).
  virtual Result<std::vector<Record>> ListRecords(const RecordQuery& q) = 0;
  virtual Result<Record> GetRecord(int64_t id) = 0;  // NotFound "record.not_found"
  // Inserts r (id and type_code ignored) and returns the new id; the record date is the value of
  // the type's date field. Invalid "record.type_unknown" when no type has r.type_id or it has
  // no version r.version, "record.org_unknown" when no organization has r.org_id,
  // "record.unknown_field" / "record.wrong_type" for a value whose code is not a field of that
  // version or whose value is not of the field's type (so that every value reads back).
  virtual Result<int64_t> InsertRecord(const Record& r) = 0;
  // Deletes the record and its values; NotFound "record.not_found".
  virtual Status DeleteRecord(int64_t id) = 0;

  // --- audit
  // -----------------------------------------------------------------------------------------
  // Writes an audit row for a change that has no typed method (e.g. "login").
  virtual Status Audit(const std::string& entity, const std::string& entity_id,
                       const std::string& action, const std::string& old_value,
                       const std::string& new_value) = 0;
  // Newest first; entity/entity_id empty means any. At most `limit` rows.
  virtual Result<std::vector<AuditEntry>> ListAudit(const std::string& entity,
                                                    const std::string& entity_id, int limit) = 0;
  // Highest audit id so far (0 if none): the change-log sequence number.
  virtual Result<int64_t> LastAuditId() = 0;

  // Applied migrations, oldest first.
  virtual Result<std::vector<MigrationRecord>> ListMigrations() = 0;

  // Commits and returns the connection to the pool. After a failed Commit the transaction is
  // rolled back. Any call after Commit() returns Internal "store.tx_done".
  virtual Status Commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // Opens (and migrates) the database named by url. Invalid "db.url" for a malformed URL or
  // unknown scheme; Unavailable "db.unavailable" when the server cannot be reached or the file
  // cannot be opened; Invalid "db.schema_newer" when the database was migrated by a newer build.
  // `pool_size` (1..64) connections are opened.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size = 4);

  // Number of the newest migration this build knows; schema_version() after a successful Open.
  static int LatestSchemaVersion();

  // FOR TESTS ONLY — destroys every table and row of the database named by url, so that a test
  // starts from an empty database: PostgreSQL drops and recreates the schema "public"; SQLite
  // deletes the file with its -wal and -shm companions; ":memory:" does nothing. Must not be
  // called while a Database is open on url. Never call it from the application.
  static Status DropAllForTests(const std::string& url);

  // Starts a transaction on behalf of `actor`. Unavailable on connection failure.
  Result<std::unique_ptr<Tx>> Begin(const Actor& actor, TxMode mode = TxMode::kWrite) {
    return BeginTx(actor, mode);
  }

  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"
  virtual int schema_version() const = 0;   // number of the last applied migration

  // Online backup into the file `path`, replaced if it exists. SQLite: the online backup API, a
  // consistent copy while the database is in use. PostgreSQL: Invalid "db.backup_pg" (use
  // pg_dump). Unavailable "db.backup_failed" when the file cannot be written.
  virtual Status Backup(const std::string& path) = 0;

 protected:
  virtual Result<std::unique_ptr<Tx>> BeginTx(const Actor& actor, TxMode mode) = 0;
};

}  // namespace nq::store
