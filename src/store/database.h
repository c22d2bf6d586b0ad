// Database: persistence over SOCI, on SQLite (embedded default) or PostgreSQL 15.
//
// The backend is chosen by a URL:
//   sqlite:var/nqtrack.db        a file (created if absent), WAL journal, foreign keys on
//   sqlite::memory:              a private in-memory database (tests)
//   postgresql://user@host:port/dbname?sslmode=disable   (libpq connection URI)
// Open() applies the numbered migrations of store/migrations.cc that the database lacks, each in
// its own transaction, and records them in schema_migrations.
//
// All reads and writes go through a Tx (a database transaction). Every mutating Tx method writes
// an audit row (who, when, entity, id, action, old, new) inside the same transaction, so a change
// and its audit row commit or vanish together. A Tx that is destroyed without Commit() rolls back.
//
// Thread-safety: Database is thread-safe; it keeps a pool of connections and Begin() blocks while
// all are in use. A Tx belongs to one thread at a time. SOCI is confined to store/*.cc.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/organization.h"
#include "domain/user.h"

namespace nq::store {

// Who makes a change; copied into audit rows.
struct Actor {
  int64_t user_id = 0;        // 0 for the system (CLI init, migrations, demo)
  std::string username = "system";
  std::string address;        // client IP for web requests, "cli" for the command line
};

struct AuditEntry {
  int64_t id = 0;             // increasing: also the change-log sequence number
  int64_t at = 0;             // Unix seconds
  int64_t user_id = 0;
  std::string username;
  std::string address;
  std::string entity;         // "organization", "user", "session"
  std::string entity_id;
  std::string action;         // "create", "update", "move", "close", "login", ...
  std::string old_value;      // JSON object text, empty for a create
  std::string new_value;      // JSON object text, empty for a delete
};

struct Session {
  std::string token_hash;     // hex SHA-256 of the cookie token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf_token;     // random, sent in pages and checked on every state change
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::string address;
  std::string user_agent;
};

class Tx {
 public:
  virtual ~Tx() = default;

  // --- organizations -----------------------------------------------------------------------
  virtual Result<std::vector<Organization>> ListOrganizations() = 0;
  virtual Result<Organization> GetOrganization(int64_t id) = 0;  // NotFound
  // Inserts and returns the new id. Conflict "org.code_taken" if the code exists.
  virtual Result<int64_t> InsertOrganization(const Organization& org) = 0;
  // Replaces every field of the stored row with org's (by org.id); audit action is `action`
  // ("update", "move", "close"). NotFound if absent, Conflict on a duplicate code.
  virtual Status UpdateOrganization(const Organization& org, const std::string& action) = 0;

  // --- users ----------------------------------------------------------------------------------
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Result<User> GetUser(int64_t id) = 0;                        // NotFound
  virtual Result<std::optional<User>> FindUser(const std::string& username) = 0;
  virtual Result<int64_t> InsertUser(const User& user) = 0;            // Conflict "user.taken"
  // Replaces the stored user (by id). Audit rows never contain the password hash.
  virtual Status UpdateUser(const User& user, const std::string& action) = 0;

  // --- sessions -------------------------------------------------------------------------------
  virtual Status InsertSession(const Session& s) = 0;
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash) = 0;
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  virtual Status DeleteUserSessions(int64_t user_id) = 0;  // "log out everywhere"
  virtual Status DeleteExpiredSessions(int64_t now) = 0;

  // --- failed sign-in attempts (throttling) -----------------------------------------------------
  // `key` is "user:<name>" or "addr:<ip>".
  virtual Status RecordLoginFailure(const std::string& key, int64_t at) = 0;
  virtual Result<int> CountLoginFailures(const std::string& key, int64_t since) = 0;
  virtual Status ClearLoginFailures(const std::string& key) = 0;

  // --- audit ---------------------------------------------------------------------------------------
  // Writes an audit row for a change that has no typed method (e.g. "login").
  virtual Status Audit(const std::string& entity, const std::string& entity_id,
                       const std::string& action, const std::string& old_value,
                       const std::string& new_value) = 0;
  // Newest first; entity/entity_id empty means any. At most `limit` rows.
  virtual Result<std::vector<AuditEntry>> ListAudit(const std::string& entity,
                                                    const std::string& entity_id,
                                                    int limit) = 0;
  // Highest audit id so far (0 if none): the change-log sequence number.
  virtual Result<int64_t> LastAuditId() = 0;

  // Commits. After a failed Commit the transaction is rolled back. Calling any method after
  // Commit() is a programming error.
  virtual Status Commit() = 0;
};

class Database {
 public:
  virtual ~Database() = default;

  // Opens (and migrates) the database named by url. Invalid for a malformed URL or unknown
  // scheme; Unavailable when the server cannot be reached or the file cannot be opened.
  // `pool_size` connections are opened (SQLite: also 1 writer lock shared by them).
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size = 4);

  // Starts a transaction on behalf of `actor`. Unavailable on connection failure.
  virtual Result<std::unique_ptr<Tx>> Begin(const Actor& actor) = 0;

  virtual std::string backend() const = 0;      // "sqlite" or "postgresql"
  virtual int schema_version() const = 0;       // number of the last applied migration

  // Online backup into `path` (SQLite: the backup API; PostgreSQL: Unimplemented -> Invalid).
  virtual Status Backup(const std::string& path) = 0;
};

}  // namespace nq::store
