// The storage of RecordIndex (analytics/record_index.h), shared by its translation units only:
// record_index.cc (writes), record_index_query.cc (reads) and record_program.cc (a condition or
// expression compiled to run over a block's columns).
//
// A type's records are kept in blocks of at most kMaxBlockRows rows, sorted by (organization
// pre-order position, day, record id) within and across blocks, so that a subtree is one run of
// rows and an insert moves at most one block's worth of memory. Each block holds its rows
// column-wise: pre-order position and day number (int32), record id (int64), and one column per
// rule-operand field of the type (number, yes/no, category: FieldColumn; the type's date field
// is the day column itself).
//
// Not thread-safe by itself: RecordIndex guards it with its lock.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <memory>
#include <shared_mutex>

#include "analytics/record_index.h"
#include "domain/org_tree.h"
#include "domain/record_type.h"

namespace nq::analytics::record_internal {

inline constexpr size_t kMaxBlockRows = 4096;   // a full block is split in two
inline constexpr size_t kLoadBlockRows = 3072;  // blocks built by a bulk load leave room
inline constexpr size_t kBatch = 512;           // rows evaluated at once by a program
inline constexpr int kDateColumn = -1;          // column_of: the type's date field

inline double Missing() { return std::numeric_limits<double>::quiet_NaN(); }

// A column of numbers, missing values as NaN. It is held as float while every value it holds is
// exactly a float (whole numbers up to 16,777,216, day numbers, yes/no, option indices, halves,
// …) and switches to double for good at the first value that is not, so sums stay exact.
class FieldColumn {
 public:
  double Get(size_t i) const { return wide_ ? wide_values_[i] : narrow_[i]; }
  void Insert(size_t pos, double v);
  void Append(double v) { Insert(size(), v); }
  void Erase(size_t pos);
  size_t size() const { return wide_ ? wide_values_.size() : narrow_.size(); }
  // Writes rows [lo, lo + n) as doubles into out.
  void Read(size_t lo, size_t n, double* out) const;
  size_t MemoryBytes() const;
  void ShrinkToFit();

 private:
  void Widen();
  bool wide_ = false;
  std::vector<float> narrow_;
  std::vector<double> wide_values_;
};

struct Block {
  std::vector<int32_t> pre;
  std::vector<int32_t> day;
  std::vector<int64_t> id;
  std::vector<FieldColumn> cols;  // one per TypeData::fields entry
  size_t size() const { return pre.size(); }
  size_t MemoryBytes() const;
};

// One rule-operand field of a type, as the index holds it.
struct FieldSlot {
  std::string code;
  FieldType type = FieldType::kNumber;
  // kCategory: the option codes of every version, in order of first appearance (versions in
  // order), so that an option keeps its index when a later version adds or reorders options.
  std::vector<std::string> options;
};

struct TypeData {
  RecordType type;                 // as last defined (every version)
  std::vector<FieldSlot> fields;   // columns, in order of first appearance
  std::unordered_map<std::string, int> column_of;  // field code → column, or kDateColumn
  std::vector<Block> blocks;
  int64_t rows = 0;
};

// The index of `code` among a category slot's options: exact, else the only one equal to it
// ignoring ASCII case; -1 when none.
int OptionIndexOf(const FieldSlot& slot, std::string_view code);

// The tree facts record_share needs, by pre-order position.
struct TreeFacts {
  std::vector<int32_t> parent;     // pre-order position of the parent, -1 for a root
  std::vector<int32_t> open_from;  // day numbers of valid_from and valid_to (INT32_MAX: open)
  std::vector<int32_t> open_to;
  static TreeFacts Of(const OrgTree& tree);
  size_t MemoryBytes() const;
};

}  // namespace nq::analytics::record_internal

namespace nq::analytics {

struct RecordIndex::State {
  mutable std::shared_mutex mu;
  OrgTree tree;
  record_internal::TreeFacts facts;
  std::unordered_map<int64_t, std::unique_ptr<record_internal::TypeData>> types;  // by type id
  std::unordered_map<std::string, int64_t> type_by_code;
  std::shared_ptr<const RecordCatalog> catalog = std::make_shared<const RecordCatalog>();
  // The type with this code, or nullptr.
  const record_internal::TypeData* Find(std::string_view code) const;
};

}  // namespace nq::analytics
