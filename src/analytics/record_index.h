// RecordIndex: every record (domain/record.h) held in memory for the record functions of the
// formula language (record_count, record_sum, …, record_share: domain/formula.h), so that an
// indicator fed by records reads a subtree × window at national scale (≈52,000 organizations,
// 1,000,000 cell-meeting records) in milliseconds, like ValueIndex does for reported values.
//
// Layout. Per record type, records sorted by (organization pre-order position, record date,
// id), so that a subtree (domain/org_tree.h) is one contiguous run of rows found by binary
// search; the run is kept in blocks of at most 4,096 rows, so a write moves a few kilobytes, not
// the whole type. Columns: pre-order position and day number (4 bytes each), record id (8
// bytes), and for each field a rule could name (number, date, yes/no, category — the values
// NumericValue gives, record_value.h) one column of 4-byte floats, switched to 8-byte doubles
// for a block whose values are not all exact floats (so sums stay exact); a missing value is
// NaN. The type's date field is the day column itself. A cell meeting (kind, attendance,
// total, quality) thus takes about 32 bytes; text, member, document and organization values
// are not held (the record functions cannot name them). A category value is the index of its
// option code among the options of every version of the type, in order of first appearance, so
// it keeps its meaning when a later version adds options.
//
// Types. DefineType takes a type with all its versions: a field code means one thing across
// versions (ValidateRecordType). Records are of a defined type (by type id) and of an
// organization of the index's tree, with a record date (RecordDate); others are refused.
//
// Reads. Run evaluates one record function (RecordQuery) with the meaning given in
// domain/formula.h; its condition and expression are compiled once per call and run over the
// columns a few hundred rows at a time, not re-parsed nor walked per record.
//
// Thread-safety: every method is thread-safe; reads share a lock, and a write takes it
// exclusively for the few microseconds it needs (Erase scans the record ids: ≈1 ms per million
// records). Every Insert/Erase is visible to the very next read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analytics/value_index.h"
#include "common/status.h"
#include "domain/formula.h"
#include "domain/org_tree.h"
#include "domain/record.h"
#include "domain/record_type.h"

namespace nq::analytics {

// The record types formulas may name, by code (a snapshot; mirrors ElementCatalog).
class RecordCatalog {
 public:
  RecordCatalog() = default;
  explicit RecordCatalog(std::vector<RecordType> types);
  const RecordType* Find(std::string_view code) const;
  const RecordType* FindId(int64_t id) const;
  const std::vector<RecordType>& types() const { return types_; }

 private:
  std::vector<RecordType> types_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<int64_t, size_t> by_id_;
};

// The field of `t` with this code in its latest version that has one, or nullptr.
const FieldDef* FindRecordField(const RecordType& t, std::string_view code);

// Checks a record function call (a kCall node of FunctionInfo::Kind::kRecord) without
// evaluating it: its type is in `catalog` (Invalid "formula.unknown_record_type" at the type's
// position; also when `catalog` is null), every field its expression and condition name is a
// field of some version of the type ("formula.unknown_field") that rules may name (number,
// date, yes/no, category: "formula.type" otherwise), and every string is compared with a
// category field of which it is an option code ("formula.type"). Messages in Vietnamese, with
// the position.
Status CheckRecordCall(const FormulaNode& call, const RecordCatalog* catalog);

enum class RecordOp { kCount, kSum, kAvg, kMin, kMax, kOrgs, kMonths, kShare };
// The operation of a record function named in lower case ("record_count" → kCount); nullopt
// for any other name.
std::optional<RecordOp> RecordOpOf(std::string_view function);

// One record function over a subtree and a window. The nodes belong to the caller's formula
// and must outlive the call.
struct RecordQuery {
  RecordOp op = RecordOp::kCount;
  std::string type_code;
  int position = 0;                   // of the type's name in the formula, for messages
  int64_t root = 0;
  Window window;
  const FormulaNode* expr = nullptr;  // kSum, kAvg, kMin, kMax: the value of each record
  const FormulaNode* cond = nullptr;  // nullptr: every record
  int64_t min_records = 1;            // kOrgs, kMonths, kShare: n
};

// The query a record function call (a kCall node of FunctionInfo::Kind::kRecord, as the
// parser checks it) asks, without root and window; nullopt for any other node.
std::optional<RecordQuery> RecordQueryOf(const FormulaNode& call);

class RecordIndex {
 public:
  // An empty index over `tree`.
  explicit RecordIndex(OrgTree tree);
  ~RecordIndex();
  RecordIndex(const RecordIndex&) = delete;
  RecordIndex& operator=(const RecordIndex&) = delete;

  // Declares (or redeclares) a type (by id; t.id must be set) with all its versions. New fields
  // and options are added and the records kept; when a field held already changes type, or the
  // date field changes, the type's records are dropped and true is returned: the caller
  // reloads them (Load or Insert).
  bool DefineType(const RecordType& t);
  // Drops a type and its records.
  void DropType(int64_t type_id);

  // Loads many records at once (start-up): much faster than Insert one by one. A record of an
  // unknown type (Invalid "index.record_type_unknown"), of an organization not in the tree
  // ("index.org_unknown") or without a record date ("index.record_date") is refused with the
  // record named, and nothing is loaded then.
  Status Load(const std::vector<Record>& records);
  // Adds one stored record (id set); errors as for Load. A record id is expected once: a
  // record inserted twice is counted twice (records are never updated in place: Erase first).
  Status Insert(const Record& r);
  // Removes a record; false when the index does not hold it.
  bool Erase(int64_t record_id);

  // Replaces the tree (organizations added, moved, closed), keeping every record of the
  // organizations still present. O(records log records).
  void ReplaceTree(OrgTree tree);
  // The tree the index is numbered by (a copy).
  OrgTree tree() const;
  // The types defined, as a snapshot that stays valid after later changes.
  std::shared_ptr<const RecordCatalog> catalog() const;

  // --- reads ------------------------------------------------------------------------------
  // The record function's value (domain/formula.h "Record functions"): nullopt when the window
  // is empty, the root is not in the tree, or (kAvg, kMin, kMax, kShare) nothing takes part.
  // Errors: Invalid "formula.unknown_record_type" (the type is not defined),
  // "formula.unknown_field" and "formula.type" as CheckRecordCall says, "formula.overflow" for a
  // result that is not finite.
  Result<std::optional<double>> Run(const RecordQuery& q) const;

  // Number of records held, and the bytes held for them (blocks and tree numbering).
  int64_t size() const;
  int64_t MemoryBytes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace nq::analytics
