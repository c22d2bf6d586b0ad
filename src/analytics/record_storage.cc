// The storage pieces of RecordIndex (record_index_internal.h) and the catalog and helpers of
// record_index.h that hold no lock.
#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <utility>

#include "analytics/record_index.h"
#include "analytics/record_index_internal.h"

namespace nq::analytics {

namespace record_internal {

void FieldColumn::Insert(size_t pos, double v) {
  if (!wide_ && !std::isnan(v) && static_cast<double>(static_cast<float>(v)) != v) Widen();
  if (wide_) {
    wide_values_.insert(wide_values_.begin() + static_cast<std::ptrdiff_t>(pos), v);
  } else {
    narrow_.insert(narrow_.begin() + static_cast<std::ptrdiff_t>(pos), static_cast<float>(v));
  }
}

void FieldColumn::Erase(size_t pos) {
  if (wide_) {
    wide_values_.erase(wide_values_.begin() + static_cast<std::ptrdiff_t>(pos));
  } else {
    narrow_.erase(narrow_.begin() + static_cast<std::ptrdiff_t>(pos));
  }
}

void FieldColumn::Read(size_t lo, size_t n, double* out) const {
  if (wide_) {
    std::copy_n(wide_values_.begin() + static_cast<std::ptrdiff_t>(lo), n, out);
    return;
  }
  const float* in = narrow_.data() + lo;
  for (size_t i = 0; i < n; ++i) out[i] = in[i];
}

size_t FieldColumn::MemoryBytes() const {
  return narrow_.capacity() * sizeof(float) + wide_values_.capacity() * sizeof(double);
}

void FieldColumn::ShrinkToFit() {
  narrow_.shrink_to_fit();
  wide_values_.shrink_to_fit();
}

void FieldColumn::Widen() {
  wide_values_.assign(narrow_.begin(), narrow_.end());
  narrow_.clear();
  narrow_.shrink_to_fit();
  wide_ = true;
}

size_t Block::MemoryBytes() const {
  size_t n = sizeof(Block) + pre.capacity() * sizeof(int32_t) + day.capacity() * sizeof(int32_t) +
             id.capacity() * sizeof(int64_t);
  for (const FieldColumn& c : cols) n += sizeof(FieldColumn) + c.MemoryBytes();
  return n;
}

int OptionIndexOf(const FieldSlot& slot, std::string_view code) {
  for (size_t i = 0; i < slot.options.size(); ++i) {
    if (slot.options[i] == code) return static_cast<int>(i);
  }
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  const std::string want = lower(code);
  int found = -1;
  for (size_t i = 0; i < slot.options.size(); ++i) {
    if (lower(slot.options[i]) != want) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(i);
  }
  return found;
}

TreeFacts TreeFacts::Of(const OrgTree& tree) {
  TreeFacts f;
  const size_t n = tree.size();
  f.parent.resize(n);
  f.open_from.resize(n);
  f.open_to.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Organization& o = tree.At(static_cast<int>(i));
    f.parent[i] = o.parent_id ? tree.Pre(*o.parent_id) : -1;
    f.open_from[i] = static_cast<int32_t>(DaysFromCivil(o.valid_from));
    f.open_to[i] = o.valid_to ? static_cast<int32_t>(DaysFromCivil(*o.valid_to))
                              : std::numeric_limits<int32_t>::max();
  }
  return f;
}

size_t TreeFacts::MemoryBytes() const {
  return (parent.capacity() + open_from.capacity() + open_to.capacity()) * sizeof(int32_t);
}

}  // namespace record_internal

RecordCatalog::RecordCatalog(std::vector<RecordType> types) : types_(std::move(types)) {
  for (size_t i = 0; i < types_.size(); ++i) {
    by_code_.emplace(types_[i].code, i);
    by_id_.emplace(types_[i].id, i);
  }
}

const RecordType* RecordCatalog::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &types_[it->second];
}

const RecordType* RecordCatalog::FindId(int64_t id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &types_[it->second];
}

const FieldDef* FindRecordField(const RecordType& t, std::string_view code) {
  for (auto v = t.versions.rbegin(); v != t.versions.rend(); ++v) {
    if (const FieldDef* f = v->Find(code)) return f;
  }
  return nullptr;
}

std::optional<RecordOp> RecordOpOf(std::string_view function) {
  static constexpr std::array<std::pair<std::string_view, RecordOp>, 8> kOps = {{
      {"record_count", RecordOp::kCount},
      {"record_sum", RecordOp::kSum},
      {"record_avg", RecordOp::kAvg},
      {"record_min", RecordOp::kMin},
      {"record_max", RecordOp::kMax},
      {"record_orgs", RecordOp::kOrgs},
      {"record_months", RecordOp::kMonths},
      {"record_share", RecordOp::kShare},
  }};
  for (const auto& [name, op] : kOps) {
    if (name == function) return op;
  }
  return std::nullopt;
}

}  // namespace nq::analytics
