// The schema, as numbered migrations. A migration is never edited once released: a change to
// the schema is a new entry at the end of kMigrations.
//
// SQL is shared by both backends with one placeholder, {id}, for an auto-numbered primary key
// (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT, so ids are never reused; PostgreSQL: an identity
// column). Statements are separated by ';' (no ';' may appear inside one). Dates are ISO text
// 'YYYY-MM-DD', instants Unix seconds, booleans 0/1 integers: the same on both backends.
#include <soci/soci.h>

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "common/log.h"
#include "common/time.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

struct Migration {
  int number;
  const char* name;
  const char* sql;
};

constexpr Migration kMigrations[] = {
    {1, "organizations, users, sessions, sign-in failures, audit log", R"sql(
CREATE TABLE organizations (
  id {id},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  kind TEXT NOT NULL,
  sector TEXT NOT NULL,
  parent_id BIGINT REFERENCES organizations (id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  members INTEGER NOT NULL DEFAULT 0,
  workers INTEGER NOT NULL DEFAULT 0,
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE TABLE users (
  id {id},
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL,
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  disabled INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX users_org ON users (org_id);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  address TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);
CREATE TABLE audit_log (
  id {id},
  at BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)
)sql"},
    {2, "terms, resolutions, targets, resolution tasks", R"sql(
CREATE TABLE terms (
  id {id},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  name TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL
);
CREATE INDEX terms_org ON terms (org_id);
CREATE TABLE resolutions (
  id {id},
  term_id BIGINT NOT NULL REFERENCES terms (id),
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  adopted TEXT NOT NULL,
  UNIQUE (term_id, number)
);
CREATE TABLE targets (
  id {id},
  resolution_id BIGINT NOT NULL REFERENCES resolutions (id),
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  field TEXT NOT NULL,
  comparator TEXT NOT NULL,
  kind TEXT NOT NULL,
  indicator TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  value_high DOUBLE PRECISION,
  value_formula TEXT NOT NULL,
  unit TEXT NOT NULL,
  baseline DOUBLE PRECISION,
  UNIQUE (resolution_id, code)
);
CREATE TABLE resolution_tasks (
  id {id},
  resolution_id BIGINT NOT NULL REFERENCES resolutions (id),
  kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE INDEX resolution_tasks_resolution ON resolution_tasks (resolution_id);
CREATE TABLE resolution_task_targets (
  task_id BIGINT NOT NULL REFERENCES resolution_tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  resolution_id BIGINT NOT NULL,
  target_code TEXT NOT NULL,
  PRIMARY KEY (task_id, position),
  FOREIGN KEY (resolution_id, target_code) REFERENCES targets (resolution_id, code)
    ON UPDATE CASCADE
);
CREATE INDEX resolution_task_targets_target ON resolution_task_targets (resolution_id, target_code)
)sql"},
    {3, "data elements, data sets, values, reports", R"sql(
CREATE TABLE data_elements (
  id {id},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  value_type TEXT NOT NULL,
  period_type TEXT NOT NULL,
  org_aggregation TEXT NOT NULL,
  time_aggregation TEXT NOT NULL,
  min_value DOUBLE PRECISION,
  max_value DOUBLE PRECISION,
  unit TEXT NOT NULL,
  description TEXT NOT NULL
);
CREATE TABLE data_element_categories (
  element_id BIGINT NOT NULL REFERENCES data_elements (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (element_id, position)
);
CREATE TABLE data_sets (
  id {id},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  period_type TEXT NOT NULL,
  deadline_days INTEGER NOT NULL
);
CREATE TABLE data_set_elements (
  data_set_id BIGINT NOT NULL REFERENCES data_sets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  element_id BIGINT NOT NULL REFERENCES data_elements (id),
  PRIMARY KEY (data_set_id, position)
);
CREATE INDEX data_set_elements_element ON data_set_elements (element_id);
CREATE TABLE data_set_kinds (
  data_set_id BIGINT NOT NULL REFERENCES data_sets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (data_set_id, position)
);
CREATE TABLE data_set_rules (
  data_set_id BIGINT NOT NULL REFERENCES data_sets (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  condition_text TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (data_set_id, position)
);
CREATE TABLE data_values (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  element_id BIGINT NOT NULL REFERENCES data_elements (id),
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_type TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  estimate INTEGER NOT NULL DEFAULT 0,
  comment TEXT NOT NULL,
  updated_by BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, element_id, period)
);
CREATE INDEX data_values_element_start ON data_values (element_id, period_start);
CREATE TABLE reports (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  data_set_id BIGINT NOT NULL REFERENCES data_sets (id),
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  state TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  submitted_by BIGINT NOT NULL,
  approved_at BIGINT NOT NULL,
  approved_by BIGINT NOT NULL,
  PRIMARY KEY (org_id, data_set_id, period)
);
CREATE INDEX reports_set_period ON reports (data_set_id, period)
)sql"},
    {4, "assessment settings of resolutions", R"sql(
CREATE TABLE assessment_settings (
  resolution_id BIGINT PRIMARY KEY REFERENCES resolutions (id),
  behind_floor DOUBLE PRECISION NOT NULL,
  exceed_margin DOUBLE PRECISION NOT NULL,
  buckets TEXT NOT NULL,
  mid_term_counts_on_track INTEGER NOT NULL
)
)sql"},
    // A task's document and project are optional groups: has_document / has_project say whether
    // the group is present, so that a document with every field empty still reads back.
    // Evidence bytes live in their own table, as base64 text, so that listing never loads them.
    {5, "assigned tasks, progress updates, evidence", R"sql(
CREATE TABLE assigned_tasks (
  id {id},
  resolution_id BIGINT NOT NULL REFERENCES resolutions (id),
  resolution_task_id BIGINT REFERENCES resolution_tasks (id),
  parent_id BIGINT REFERENCES assigned_tasks (id),
  title TEXT NOT NULL,
  owner_org_id BIGINT NOT NULL REFERENCES organizations (id),
  assigning_document TEXT NOT NULL,
  assigned TEXT NOT NULL,
  recurrence TEXT NOT NULL,
  due TEXT NOT NULL,
  offset_days INTEGER NOT NULL,
  until_date TEXT,
  product TEXT NOT NULL,
  has_document INTEGER NOT NULL,
  document_number TEXT NOT NULL,
  document_title TEXT NOT NULL,
  document_issued TEXT,
  document_issuing_body TEXT NOT NULL,
  has_project INTEGER NOT NULL,
  project_name TEXT NOT NULL,
  project_location TEXT NOT NULL,
  report_ref TEXT NOT NULL,
  completed_on TEXT,
  progress_percent INTEGER NOT NULL
);
CREATE INDEX assigned_tasks_owner ON assigned_tasks (owner_org_id);
CREATE INDEX assigned_tasks_resolution ON assigned_tasks (resolution_id);
CREATE INDEX assigned_tasks_parent ON assigned_tasks (parent_id);
CREATE TABLE assigned_task_cooperators (
  task_id BIGINT NOT NULL REFERENCES assigned_tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (task_id, position)
);
CREATE TABLE assigned_task_completions (
  task_id BIGINT NOT NULL REFERENCES assigned_tasks (id) ON DELETE CASCADE,
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  completed_on TEXT NOT NULL,
  report_ref TEXT NOT NULL,
  PRIMARY KEY (task_id, period)
);
CREATE TABLE assigned_task_milestones (
  task_id BIGINT NOT NULL REFERENCES assigned_tasks (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  due TEXT NOT NULL,
  done_on TEXT,
  PRIMARY KEY (task_id, position)
);
CREATE TABLE task_updates (
  id {id},
  task_id BIGINT NOT NULL REFERENCES assigned_tasks (id),
  at BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  old_percent INTEGER NOT NULL,
  percent INTEGER NOT NULL,
  note TEXT NOT NULL,
  reason TEXT NOT NULL,
  completed_on TEXT,
  period TEXT
);
CREATE INDEX task_updates_task ON task_updates (task_id);
CREATE TABLE task_evidence (
  id {id},
  task_id BIGINT NOT NULL REFERENCES assigned_tasks (id),
  update_id BIGINT NOT NULL REFERENCES task_updates (id),
  file_name TEXT NOT NULL,
  type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE INDEX task_evidence_update ON task_evidence (update_id);
CREATE TABLE task_evidence_content (
  evidence_id BIGINT PRIMARY KEY REFERENCES task_evidence (id),
  content TEXT NOT NULL
)
)sql"},
    // Evidence infos are read by task (ListTaskUpdates), never by update.
    {6, "evidence indexed by task", R"sql(
CREATE INDEX task_evidence_task ON task_evidence (task_id);
DROP INDEX task_evidence_update
)sql"},
    // Reviews the committee keeps: the record, every version of its narrative, and the frozen
    // outputs of an issued review (base64, never replaced). A number is used once per
    // organization and term (drafts have none: NULLs are distinct on both backends).
    {7, "reviews, narrative versions, frozen review files", R"sql(
CREATE TABLE reviews (
  id {id},
  resolution_id BIGINT NOT NULL REFERENCES resolutions (id),
  term_id BIGINT NOT NULL REFERENCES terms (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  kind TEXT NOT NULL,
  as_of TEXT NOT NULL,
  place TEXT NOT NULL,
  superior_body TEXT NOT NULL,
  issuing_body TEXT NOT NULL,
  on_behalf TEXT NOT NULL,
  signer_title TEXT NOT NULL,
  signer_name TEXT NOT NULL,
  recipients TEXT NOT NULL,
  state TEXT NOT NULL,
  number INTEGER,
  symbol TEXT NOT NULL,
  issued_on TEXT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  issued_by BIGINT NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE INDEX reviews_resolution ON reviews (resolution_id);
CREATE UNIQUE INDEX reviews_number ON reviews (term_id, org_id, number);
CREATE TABLE review_texts (
  id {id},
  review_id BIGINT NOT NULL REFERENCES reviews (id),
  section TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE UNIQUE INDEX review_texts_version ON review_texts (review_id, section, version);
CREATE TABLE review_files (
  review_id BIGINT NOT NULL REFERENCES reviews (id),
  format TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (review_id, format)
)
)sql"},
    // Record types (issue 5): each version's fields and rules as the text of store/record_codec.h;
    // records with the date of their type's date field (ISO, NULL when absent) for the
    // indicators' reads by type, organization and date; one canonical text per field value
    // (record_value.h CanonicalText).
    {8, "record types and records", R"sql(
CREATE TABLE record_types (
  id {id},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  privacy TEXT NOT NULL,
  date_field TEXT NOT NULL
);
CREATE TABLE record_type_versions (
  type_id BIGINT NOT NULL REFERENCES record_types (id),
  number INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (type_id, number)
);
CREATE TABLE records (
  id {id},
  type_id BIGINT NOT NULL REFERENCES record_types (id),
  version INTEGER NOT NULL,
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  record_date TEXT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX records_type_org_date ON records (type_id, org_id, record_date);
CREATE INDEX records_type_date ON records (type_id, record_date);
CREATE TABLE record_values (
  record_id BIGINT NOT NULL REFERENCES records (id),
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (record_id, field)
)
)sql"},
    // The committee board a user works in (domain/user.h Board): the organization board and the
    // inspection commission read records about individuals.
    {9, "users' committee board", R"sql(
ALTER TABLE users ADD COLUMN board TEXT NOT NULL DEFAULT ''
)sql"},
};

constexpr int kLatest = static_cast<int>(std::size(kMigrations));

// The migration's statements for `backend`, with {id} expanded.
std::vector<std::string> Statements(const Migration& m, Backend backend) {
  const std::string_view id = backend == Backend::kSqlite
                                  ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                  : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  std::vector<std::string> out;
  std::string_view sql = m.sql;
  while (!sql.empty()) {
    size_t end = sql.find(';');
    std::string_view stmt = sql.substr(0, end);
    sql = end == std::string_view::npos ? std::string_view() : sql.substr(end + 1);
    std::string text;
    for (size_t pos = 0;;) {
      size_t hole = stmt.find("{id}", pos);
      text.append(stmt.substr(pos, hole - pos));
      if (hole == std::string_view::npos) break;
      text.append(id);
      pos = hole + 4;
    }
    if (text.find_first_not_of(" \n\t") != std::string::npos) out.push_back(std::move(text));
  }
  return out;
}

// Takes the migration lock for the current transaction and makes sure the bookkeeping table
// exists; returns the highest applied version.
int LockAndReadVersion(soci::session& sql, Backend backend) {
  if (backend == Backend::kPostgresql) {
    long long key = kMigrationLockKey;
    sql << "SELECT pg_advisory_xact_lock(:k)", soci::use(key);
  }
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
  int version = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

}  // namespace

int Database::LatestSchemaVersion() { return kLatest; }

Result<int> ApplyMigrations(soci::session& sql, Backend backend) {
  const char* begin = backend == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
  for (;;) {
    int version = 0;
    int applying = 0;
    try {
      sql << begin;
      version = LockAndReadVersion(sql, backend);
      if (version > kLatest) {
        sql << "ROLLBACK";
        return Status::Invalid("db.schema_newer",
                               "Cơ sở dữ liệu có lược đồ phiên bản " + std::to_string(version) +
                                   ", mới hơn phiên bản " + std::to_string(kLatest) +
                                   " mà chương trình này biết; hãy dùng bản nqtrack mới hơn");
      }
      if (version == kLatest) {
        sql << "COMMIT";
        return version;
      }
      const Migration& m = kMigrations[version];
      applying = m.number;
      for (const std::string& stmt : Statements(m, backend)) sql << stmt;
      std::string name = m.name;
      long long now = NowUnix();
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(applying), soci::use(name), soci::use(now);
      sql << "COMMIT";
      log::Info("store: applied migration " + std::to_string(applying) + " (" + m.name + ")");
    } catch (const std::exception& e) {
      DbError err = ClassifyError(e, sql, backend);
      try {
        sql << "ROLLBACK";
      } catch (const std::exception&) {
        // The connection may be gone; the error below says so.
      }
      return GenericError(err, applying > 0 ? "migration " + std::to_string(applying)
                                            : std::string("reading schema_migrations"));
    }
  }
}

}  // namespace nq::store
