#include "analytics/record_index.h"

#include <algorithm>
#include <mutex>
#include <tuple>
#include <utility>

#include "analytics/record_index_internal.h"
#include "domain/record_value.h"

namespace nq::analytics {

using record_internal::Block;
using record_internal::FieldColumn;
using record_internal::FieldSlot;
using record_internal::kDateColumn;
using record_internal::TypeData;

namespace {

// A row to place: its key, and where its field values come from (an old block's row, or a
// flat array of converted values).
struct Src {
  int32_t pre = 0;
  int32_t day = 0;
  int64_t id = 0;
  const Block* block = nullptr;
  uint32_t row = 0;
  const double* vals = nullptr;
};

auto KeyOf(const Src& s) { return std::make_tuple(s.pre, s.day, s.id); }

auto KeyAt(const Block& b, size_t i) { return std::make_tuple(b.pre[i], b.day[i], b.id[i]); }

Block EmptyBlock(size_t fields) {
  Block b;
  b.cols.resize(fields);
  return b;
}

// Replaces d's blocks by `rows` sorted, in blocks of kLoadBlockRows. The blocks a Src points to
// stay alive until the new ones are built.
void BuildBlocks(TypeData* d, std::vector<Src>* rows) {
  std::sort(rows->begin(), rows->end(),
            [](const Src& a, const Src& b) { return KeyOf(a) < KeyOf(b); });
  const size_t fields = d->fields.size();
  std::vector<Block> blocks;
  for (size_t start = 0; start < rows->size(); start += record_internal::kLoadBlockRows) {
    const size_t end = std::min(rows->size(), start + record_internal::kLoadBlockRows);
    Block b = EmptyBlock(fields);
    b.pre.reserve(end - start);
    b.day.reserve(end - start);
    b.id.reserve(end - start);
    for (size_t i = start; i < end; ++i) {
      const Src& s = (*rows)[i];
      b.pre.push_back(s.pre);
      b.day.push_back(s.day);
      b.id.push_back(s.id);
      for (size_t c = 0; c < fields; ++c) {
        double v = record_internal::Missing();
        if (s.vals != nullptr) v = s.vals[c];
        else if (c < s.block->cols.size()) v = s.block->cols[c].Get(s.row);
        b.cols[c].Append(v);
      }
    }
    for (FieldColumn& c : b.cols) c.ShrinkToFit();
    blocks.push_back(std::move(b));
  }
  d->blocks = std::move(blocks);
  d->rows = static_cast<int64_t>(rows->size());
}

// Every row of d, pointing into its blocks.
std::vector<Src> RowsOf(const TypeData& d) {
  std::vector<Src> rows;
  rows.reserve(static_cast<size_t>(d.rows));
  for (const Block& b : d.blocks) {
    for (size_t i = 0; i < b.size(); ++i) {
      rows.push_back(Src{b.pre[i], b.day[i], b.id[i], &b, static_cast<uint32_t>(i), nullptr});
    }
  }
  return rows;
}

// The layout of `t`: a column per rule-operand field other than the date field, kept from
// `old` where it has one. False when `old` holds a field with another type or another date
// field (its records cannot be kept).
bool Layout(const RecordType& t, const TypeData& old, TypeData* d) {
  if (!old.type.date_field.empty() && old.type.date_field != t.date_field) return false;
  d->fields = old.fields;
  d->column_of = old.column_of;
  d->column_of[t.date_field] = kDateColumn;
  for (const RecordTypeVersion& v : t.versions) {
    for (const FieldDef& f : v.fields) {
      if (f.code == t.date_field) continue;
      auto it = d->column_of.find(f.code);
      if (it != d->column_of.end() && d->fields[static_cast<size_t>(it->second)].type != f.type) {
        return false;
      }
      if (!IsRuleOperand(f.type)) continue;
      if (it == d->column_of.end()) {
        it = d->column_of.emplace(f.code, static_cast<int>(d->fields.size())).first;
        d->fields.push_back(FieldSlot{f.code, f.type, {}});
      }
      FieldSlot& slot = d->fields[static_cast<size_t>(it->second)];
      for (const CategoryOption& o : f.options) {
        if (std::find(slot.options.begin(), slot.options.end(), o.code) == slot.options.end()) {
          slot.options.push_back(o.code);
        }
      }
    }
  }
  return true;
}

Status RecordRefused(const char* key, const Record& r, const std::string& why) {
  return Status::Invalid(key, "Hồ sơ số " + std::to_string(r.id) + " không nạp được vào chỉ mục: " +
                                  why);
}

// Converts r into a row of d: key and the values of d's columns (vals, d.fields.size() long).
Status ToRow(const TypeData& d, const OrgTree& tree, const Record& r, Src* out, double* vals) {
  const std::optional<Date> date = RecordDate(d.type, r);
  if (!date || !IsValid(*date)) {
    return RecordRefused("index.record_date", r, "hồ sơ không có ngày '" + d.type.date_field + "'");
  }
  const int pre = tree.Pre(r.org_id);
  if (pre < 0) {
    return RecordRefused("index.org_unknown", r,
                         "không có tổ chức đảng mã số " + std::to_string(r.org_id));
  }
  out->pre = pre;
  out->day = static_cast<int32_t>(DaysFromCivil(*date));
  out->id = r.id;
  std::fill_n(vals, d.fields.size(), record_internal::Missing());
  for (const auto& [code, value] : r.values) {
    auto it = d.column_of.find(code);
    if (it == d.column_of.end() || it->second == kDateColumn) continue;
    const FieldSlot& slot = d.fields[static_cast<size_t>(it->second)];
    double& v = vals[it->second];
    if (slot.type == FieldType::kCategory) {
      const OptionRef* o = std::get_if<OptionRef>(&value);
      const int i = o ? record_internal::OptionIndexOf(slot, o->code) : -1;
      if (i >= 0) v = i;
      continue;
    }
    FieldDef f;
    f.type = slot.type;
    if (const std::optional<double> x = NumericValue(f, value)) v = *x;
  }
  return Status::Ok();
}

void InsertRow(TypeData* d, const Src& s, const double* vals) {
  std::vector<Block>& blocks = d->blocks;
  const auto key = KeyOf(s);
  if (blocks.empty()) blocks.push_back(EmptyBlock(d->fields.size()));
  auto bit = std::partition_point(blocks.begin(), blocks.end(), [&](const Block& b) {
    return b.size() > 0 && KeyAt(b, b.size() - 1) < key;
  });
  if (bit == blocks.end()) --bit;
  Block& b = *bit;
  size_t lo = 0;
  size_t hi = b.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (KeyAt(b, mid) < key) lo = mid + 1;
    else hi = mid;
  }
  const auto at = static_cast<std::ptrdiff_t>(lo);
  b.pre.insert(b.pre.begin() + at, s.pre);
  b.day.insert(b.day.begin() + at, s.day);
  b.id.insert(b.id.begin() + at, s.id);
  b.cols.resize(d->fields.size());
  for (size_t c = 0; c < b.cols.size(); ++c) {
    while (b.cols[c].size() < b.pre.size() - 1) b.cols[c].Append(record_internal::Missing());
    b.cols[c].Insert(lo, vals[c]);
  }
  ++d->rows;
  if (b.size() <= record_internal::kMaxBlockRows) return;
  // Split in two halves.
  Block tail = EmptyBlock(d->fields.size());
  const size_t half = b.size() / 2;
  tail.pre.assign(b.pre.begin() + static_cast<std::ptrdiff_t>(half), b.pre.end());
  tail.day.assign(b.day.begin() + static_cast<std::ptrdiff_t>(half), b.day.end());
  tail.id.assign(b.id.begin() + static_cast<std::ptrdiff_t>(half), b.id.end());
  for (size_t c = 0; c < b.cols.size(); ++c) {
    for (size_t i = half; i < b.size(); ++i) tail.cols[c].Append(b.cols[c].Get(i));
    while (b.cols[c].size() > half) b.cols[c].Erase(b.cols[c].size() - 1);
  }
  b.pre.resize(half);
  b.day.resize(half);
  b.id.resize(half);
  blocks.insert(bit + 1, std::move(tail));
}

}  // namespace

const TypeData* RecordIndex::State::Find(std::string_view code) const {
  auto it = type_by_code.find(std::string(code));
  if (it == type_by_code.end()) return nullptr;
  auto t = types.find(it->second);
  return t == types.end() ? nullptr : t->second.get();
}

RecordIndex::RecordIndex(OrgTree tree) : state_(std::make_unique<State>()) {
  state_->facts = record_internal::TreeFacts::Of(tree);
  state_->tree = std::move(tree);
}

RecordIndex::~RecordIndex() = default;

namespace {

std::shared_ptr<const RecordCatalog> CatalogOf(
    const std::unordered_map<int64_t, std::unique_ptr<TypeData>>& types) {
  std::vector<RecordType> list;
  for (const auto& [id, d] : types) list.push_back(d->type);
  std::sort(list.begin(), list.end(),
            [](const RecordType& a, const RecordType& b) { return a.code < b.code; });
  return std::make_shared<const RecordCatalog>(std::move(list));
}

}  // namespace

bool RecordIndex::DefineType(const RecordType& t) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  std::unique_ptr<TypeData>& slot = s.types[t.id];
  bool dropped = false;
  auto next = std::make_unique<TypeData>();
  if (slot && Layout(t, *slot, next.get())) {
    next->blocks = std::move(slot->blocks);
    next->rows = slot->rows;
    for (Block& b : next->blocks) {
      b.cols.resize(next->fields.size());
      for (FieldColumn& c : b.cols) {
        while (c.size() < b.size()) c.Append(record_internal::Missing());
      }
    }
  } else {
    dropped = slot && slot->rows > 0;
    next = std::make_unique<TypeData>();
    Layout(t, TypeData{}, next.get());
  }
  if (slot) s.type_by_code.erase(slot->type.code);
  next->type = t;
  slot = std::move(next);
  s.type_by_code[t.code] = t.id;
  s.catalog = CatalogOf(s.types);
  return dropped;
}

void RecordIndex::DropType(int64_t type_id) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  auto it = s.types.find(type_id);
  if (it == s.types.end()) return;
  s.type_by_code.erase(it->second->type.code);
  s.types.erase(it);
  s.catalog = CatalogOf(s.types);
}

Status RecordIndex::Load(const std::vector<Record>& records) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  // Per type: the new rows and their values, converted before anything changes.
  struct Pending {
    std::vector<Src> rows;
    std::vector<double> vals;
  };
  std::unordered_map<TypeData*, Pending> pending;
  for (const Record& r : records) {
    auto it = s.types.find(r.type_id);
    if (it == s.types.end()) {
      return RecordRefused("index.record_type_unknown", r,
                           "loại hồ sơ mã số " + std::to_string(r.type_id) + " chưa có");
    }
    TypeData* d = it->second.get();
    Pending& p = pending[d];
    const size_t n = d->fields.size();
    p.vals.resize(p.vals.size() + n);
    Src src;
    NQ_RETURN_IF_ERROR(ToRow(*d, s.tree, r, &src, p.vals.data() + p.vals.size() - n));
    p.rows.push_back(src);
  }
  for (auto& [d, p] : pending) {
    const size_t n = d->fields.size();
    for (size_t i = 0; i < p.rows.size(); ++i) p.rows[i].vals = p.vals.data() + i * n;
    std::vector<Src> rows = RowsOf(*d);
    rows.insert(rows.end(), p.rows.begin(), p.rows.end());
    BuildBlocks(d, &rows);
  }
  return Status::Ok();
}

Status RecordIndex::Insert(const Record& r) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  auto it = s.types.find(r.type_id);
  if (it == s.types.end()) {
    return RecordRefused("index.record_type_unknown", r,
                         "loại hồ sơ mã số " + std::to_string(r.type_id) + " chưa có");
  }
  TypeData* d = it->second.get();
  std::vector<double> vals(d->fields.size());
  Src src;
  NQ_RETURN_IF_ERROR(ToRow(*d, s.tree, r, &src, vals.data()));
  InsertRow(d, src, vals.data());
  return Status::Ok();
}

bool RecordIndex::Erase(int64_t record_id) {
  std::unique_lock lock(state_->mu);
  for (auto& [type_id, d] : state_->types) {
    for (auto b = d->blocks.begin(); b != d->blocks.end(); ++b) {
      auto at = std::find(b->id.begin(), b->id.end(), record_id);
      if (at == b->id.end()) continue;
      const auto i = at - b->id.begin();
      b->pre.erase(b->pre.begin() + i);
      b->day.erase(b->day.begin() + i);
      b->id.erase(at);
      for (FieldColumn& c : b->cols) c.Erase(static_cast<size_t>(i));
      if (b->size() == 0) d->blocks.erase(b);
      --d->rows;
      return true;
    }
  }
  return false;
}

void RecordIndex::ReplaceTree(OrgTree tree) {
  std::unique_lock lock(state_->mu);
  State& s = *state_;
  std::vector<int32_t> old_to_new(s.tree.size());
  for (size_t i = 0; i < s.tree.size(); ++i) {
    old_to_new[i] = tree.Pre(s.tree.At(static_cast<int>(i)).id);
  }
  for (auto& [type_id, d] : s.types) {
    std::vector<Src> rows = RowsOf(*d);
    size_t kept = 0;
    for (Src& r : rows) {
      r.pre = old_to_new[static_cast<size_t>(r.pre)];
      if (r.pre >= 0) rows[kept++] = r;
    }
    rows.resize(kept);
    BuildBlocks(d.get(), &rows);
  }
  s.facts = record_internal::TreeFacts::Of(tree);
  s.tree = std::move(tree);
}

OrgTree RecordIndex::tree() const {
  std::shared_lock lock(state_->mu);
  return state_->tree;
}

std::shared_ptr<const RecordCatalog> RecordIndex::catalog() const {
  std::shared_lock lock(state_->mu);
  return state_->catalog;
}

int64_t RecordIndex::size() const {
  std::shared_lock lock(state_->mu);
  int64_t n = 0;
  for (const auto& [id, d] : state_->types) n += d->rows;
  return n;
}

int64_t RecordIndex::MemoryBytes() const {
  std::shared_lock lock(state_->mu);
  size_t n = state_->facts.MemoryBytes();
  for (const auto& [id, d] : state_->types) {
    n += d->blocks.capacity() * sizeof(Block);
    for (const Block& b : d->blocks) n += b.MemoryBytes() - sizeof(Block);
  }
  return static_cast<int64_t>(n);
}

}  // namespace nq::analytics
