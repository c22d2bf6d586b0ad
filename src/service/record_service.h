// RecordService: the record types (domain/record_type.h) and the records organizations keep
// (domain/record.h) — party-building activity logs that feed indicators (issue 5).
//
// Types. Everybody signed in may list and read the types (a reporter needs the form). Creating
// and revising a type needs admin or committee (Forbidden "role.denied"). A revision goes
// through ReviseRecordType / CheckRecordTypeEdit (domain/record_version.h): with records, a new
// version that may not break them (Invalid "record_type.breaking_change"); without, the last
// version replaced. SeedBuiltinTypes adds the built-in types (record_builtin.h) that are missing
// by code — run by `init`, `demo` and at start-up, so a database always has them.
//
// Records. A record belongs to an organization; writing one needs the organization in scope and
// a role that enters data (admin, committee, reporter; Forbidden "role.denied" for a viewer).
// Reading follows MayReadRecord (record_type.h) with RecordReader filled in as:
//   in_scope        the record's organization lies in the principal's subtree;
//   personnel_board the principal's Board is the organization board or the inspection
//                   commission (domain/user.h IsPersonnelBoard).
// A record of a personal type the principal may not read is Forbidden "record.private" on a
// direct read, and left out of lists (which say how many were withheld). Every read of a
// personal type's records — a list that shows any, a single record — writes an audit row
// (entity "record_read", action "read", the type code and the record ids, never the values), in
// the same transaction as the read, so a read that could not be audited fails.
//
// Dates. A record is checked against the term (nhiệm kỳ) of the nearest organization at or above
// its own that has one and whose term holds the record's date (else the latest such term, so
// the message names it): record.outside_term otherwise. Without any term above the organization:
// Invalid "record.no_term".
//
// Import. ImportRecords takes rows of text keyed by field code or label (a CSV file's header)
// plus the organization's code in a column "org" (or "Tổ chức", "Mã tổ chức"); every row is
// parsed and checked first, every problem reported with its line number, and nothing is written
// unless every row is good. A row identical to a record already kept (same type, organization
// and values) is skipped, so importing a file twice adds nothing the second time.
//
// Thread-safe as the other services. Every committed write is passed on through RecordHooks.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "domain/resolution.h"
#include "domain/user.h"
#include "service/org_service.h"
#include "store/database.h"

namespace nq {

// What the service tells about each committed change: App wires these to the analytics index
// (AnalyticsService), so the indicators see every record at once. Empty functions are skipped.
struct RecordHooks {
  std::function<void(const RecordType&)> type_changed;
  std::function<void(const Record&)> inserted;
  std::function<void(int64_t record_id)> erased;
};

struct RecordTypeView {
  RecordType type;
  int64_t records = 0;   // how many records of the type are kept (all organizations)
  int64_t readable = 0;  // of those, in the principal's scope and readable by them
  int64_t withheld = 0;  // in the principal's scope, personal ones they may not read
};

struct RecordFilter {
  std::optional<int64_t> org_id{};  // a subtree root; default the principal's scope root
  std::optional<Date> from{};       // record date on or after
  std::optional<Date> to{};         // record date on or before
  int limit = 200;                  // at most this many records (1..10,000)
  int offset = 0;
};

struct RecordList {
  RecordType type;
  std::vector<Record> items;  // newest first: by record date, then id, descending
  int64_t total = 0;          // records matching the filter that the principal may read
  int64_t withheld = 0;       // matching records of a personal type the principal may not read
};

// One line of an import: the line number in the file (for messages) and the text by column.
struct RecordImportRow {
  int line = 0;
  std::map<std::string, std::string> cells;
};

struct RecordImportProblem {
  int line = 0;
  FieldProblem problem;
};

struct RecordImportReport {
  int rows = 0;
  int added = 0;
  int unchanged = 0;  // rows identical to a record already kept
  std::vector<RecordImportProblem> problems;  // empty when the import was written
};

class RecordService {
 public:
  // `db` and `orgs` must outlive the service.
  RecordService(store::Database* db, OrgService* orgs, RecordHooks hooks = {})
      : db_(db), orgs_(orgs), hooks_(std::move(hooks)) {}

  // Adds the built-in types missing by code; returns how many were added.
  Result<int> SeedBuiltinTypes(const store::Actor& a);

  // Every type with its counts (RecordTypeView), by code.
  Result<std::vector<RecordTypeView>> ListTypes(const Principal& p) const;
  // NotFound "record_type.not_found".
  Result<RecordType> GetType(const Principal& p, int64_t id) const;
  // The type with its counts. NotFound "record_type.not_found".
  Result<RecordTypeView> GetTypeView(const Principal& p, int64_t id) const;
  Result<RecordType> GetTypeByCode(const Principal& p, std::string_view code) const;
  // Validates (ValidateRecordType) and stores a new type (its versions as given, normally 1).
  Result<RecordType> CreateType(const Principal& p, const RecordType& t, const store::Actor& a);
  // Changes type `id` to `edited` (name, description, privacy, and `edited`'s last version as
  // the new content); see the header comment for the rules.
  Result<RecordType> ReviseType(const Principal& p, int64_t id, const RecordType& edited,
                                const store::Actor& a);

  // Records of type `type_id` in the filter's subtree and dates that the principal may read.
  Result<RecordList> ListRecords(const Principal& p, int64_t type_id, const RecordFilter& f,
                                 const store::Actor& a) const;
  // One record. NotFound "record.not_found"; Forbidden "scope.denied" / "record.private".
  Result<Record> GetRecord(const Principal& p, int64_t id, const store::Actor& a) const;
  // Creates a record of the type's current version for organization `org_id` from text as typed
  // (field code → text; ParseRecordInput). Invalid "record.invalid" with every problem
  // (RecordProblemsStatus) when it is not valid; nothing is stored then, and `problems` (when
  // given) receives every problem, for a form or an API answer that lists them one by one.
  Result<Record> CreateRecord(const Principal& p, int64_t type_id, int64_t org_id,
                              const std::map<std::string, std::string>& input,
                              const store::Actor& a,
                              std::vector<FieldProblem>* problems = nullptr);
  // The same with typed values (the JSON API, the demo): `r.type_id`, `r.org_id`, `r.values`.
  Result<Record> CreateTypedRecord(const Principal& p, Record r, const store::Actor& a,
                                   std::vector<FieldProblem>* problems = nullptr);
  // Deletes a record (the same rights as writing it). NotFound "record.not_found".
  Status DeleteRecord(const Principal& p, int64_t id, const store::Actor& a);
  // All-or-nothing import (see above). With `dry_run`, checks only.
  Result<RecordImportReport> ImportRecords(const Principal& p, int64_t type_id,
                                           const std::vector<RecordImportRow>& rows,
                                           bool dry_run, const store::Actor& a);

  // Every record of the subtree of `root` (in the principal's scope) dated within [from, to],
  // personal ones included and NOT audited, with every type: for figures and counts only (a
  // review's party-building part), never to show a record's values. Forbidden "scope.denied".
  struct RecordSet {
    std::vector<RecordType> types;
    std::vector<Record> records;
  };
  Result<RecordSet> RecordsForFigures(const Principal& p, int64_t root, const Date& from,
                                      const Date& to) const;

  // The system's writes (demo): no principal, no scope; the same checks otherwise.
  Result<std::vector<int64_t>> CreateRecordsAsSystem(std::vector<Record> records,
                                                     const store::Actor& a);

 private:
  // Checks `r` (values typed; `parse_problems` those of the text they were parsed from) against
  // its type's version, the term of `terms` it falls in, and the organizations it names, and
  // stores it in `tx` (id set); problems as CreateRecord.
  Status Write(store::Tx& tx, const OrgTree& tree, const std::vector<Term>& terms,
               const RecordType& t, Record& r, std::vector<FieldProblem> parse_problems,
               std::vector<FieldProblem>* problems) const;
  void Inserted(const Record& r) const;
  // `t` with its counts for `p`, read in `tx`.
  Result<RecordTypeView> ViewOf(store::Tx& tx, const Principal& p, RecordType t) const;

  store::Database* db_;
  OrgService* orgs_;
  RecordHooks hooks_;
};

}  // namespace nq
