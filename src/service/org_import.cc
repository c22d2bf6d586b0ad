// OrgService::Import: the all-or-nothing bulk create/update behind `nqtrack import orgs` and the
// demo generator. Every row is checked against the organizations as they would be after the
// rows before it, all errors are collected, and only a clean batch is written.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/utf8.h"
#include "service/org_rules.h"
#include "service/org_service.h"
#include "service/scope.h"

namespace nq {
namespace {

// An organization of the batch's working state: stored ones first, then the batch's new ones.
struct Item {
  Organization org;
  std::string parent_code;  // empty for a root
  bool is_new = false;
  bool changed = false;     // stored organization whose fields change
  bool moved = false;       // ... and whose parent changes
  bool in_scope = true;     // always true when importing as the system
};

class Batch {
 public:
  Batch(const std::vector<Organization>& stored, const OrgTree& tree, const Principal* p) {
    std::unordered_map<int64_t, std::string> code_of;
    for (const Organization& org : stored) code_of[org.id] = org.code;
    for (const Organization& org : stored) {
      Item item;
      item.org = org;
      if (org.parent_id) item.parent_code = code_of[*org.parent_id];
      item.in_scope = p == nullptr || tree.InSubtree(p->org_id, org.id);
      Add(std::move(item));
    }
  }

  Item* Find(const std::string& code) {
    auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : &items_[it->second];
  }
  void Add(Item item) {
    by_code_[item.org.code] = items_.size();
    items_.push_back(std::move(item));
  }
  std::vector<Item>& items() { return items_; }

  // True when `code` is `ancestor_code` or lies below it in the working state.
  bool IsAtOrBelow(const std::string& code, const std::string& ancestor_code) {
    std::string cur = code;
    for (size_t steps = 0; !cur.empty() && steps <= items_.size(); ++steps) {
      if (cur == ancestor_code) return true;
      const Item* item = Find(cur);
      if (item == nullptr) return false;
      cur = item->parent_code;
    }
    return false;
  }

 private:
  std::vector<Item> items_;
  std::unordered_map<std::string, size_t> by_code_;
};

constexpr char kOutOfScope[] = "nằm ngoài phạm vi của bạn";

// Checks one row against the working state and applies it there; returns the error message
// (without the "dòng N: " prefix) or "" when the row is fine.
std::string ApplyRow(const OrgService::ImportRow& row, const Principal* p, Batch& batch,
                     int64_t temp_id) {
  const std::string code(Trim(row.input.code.value_or("")));
  const std::string parent_code(Trim(row.parent_code));
  if (code.empty()) return "Thiếu mã tổ chức";
  Item* parent = nullptr;
  if (!parent_code.empty()) {
    if (parent_code == code) return "Tổ chức không thể là cấp trên của chính nó";
    parent = batch.Find(parent_code);
    if (parent == nullptr) return "Không tìm thấy tổ chức cấp trên mã " + parent_code;
  }

  Item* existing = batch.Find(code);
  if (existing == nullptr) {
    Result<Organization> made = NewOrganization(row.input);
    if (!made.ok()) return made.status().message();
    Item item;
    item.org = std::move(made).value();
    item.org.id = temp_id;  // the real id comes with the insert
    item.is_new = true;
    item.parent_code = parent_code;
    if (parent == nullptr) {
      if (p != nullptr) return std::string("Tổ chức gốc mới ") + kOutOfScope;
    } else {
      if (!parent->in_scope) return "Tổ chức cấp trên mã " + parent_code + " " + kOutOfScope;
      Status open = CheckParentOpen(parent->org);
      if (!open.ok()) return open.message();
      item.org.parent_id = parent->org.id;
    }
    Status valid = ValidateOrganization(item.org);
    if (!valid.ok()) return valid.message();
    batch.Add(std::move(item));
    return "";
  }

  if (!existing->in_scope) return "Tổ chức mã " + code + " " + kOutOfScope;
  Organization next = existing->org;
  ApplyInput(row.input, &next);
  const bool reparent = parent_code != existing->parent_code;
  if (reparent) {
    if (p != nullptr && existing->org.id == p->org_id) return ScopeRootLocked().message();
    if (parent == nullptr) {
      if (p != nullptr) return std::string("Tổ chức gốc ") + kOutOfScope;
      next.parent_id.reset();
    } else {
      if (!parent->in_scope) return "Tổ chức cấp trên mã " + parent_code + " " + kOutOfScope;
      if (batch.IsAtOrBelow(parent_code, code)) return MoveCycle().message();
      Status open = CheckParentOpen(parent->org);
      if (!open.ok()) return open.message();
      next.parent_id = parent->org.id;
    }
  }
  Status valid = ValidateOrganization(next);
  if (!valid.ok()) return valid.message();
  if (!(next == existing->org)) {
    existing->changed = existing->changed || !existing->is_new;
    existing->moved = existing->moved || (reparent && !existing->is_new);
    existing->org = next;
    existing->parent_code = parent_code;
  }
  return "";
}

}  // namespace

Result<int> OrgService::Import(const Principal& p, const std::vector<ImportRow>& rows,
                               const store::Actor& actor) {
  NQ_RETURN_IF_ERROR(CheckCanEdit(p));
  return ImportImpl(&p, rows, actor);
}

Result<int> OrgService::ImportAsSystem(const std::vector<ImportRow>& rows,
                                       const store::Actor& actor) {
  return ImportImpl(nullptr, rows, actor);
}

Result<int> OrgService::ImportImpl(const Principal* p, const std::vector<ImportRow>& rows,
                                   const store::Actor& actor) {
  if (rows.empty()) return 0;
  int written = 0;
  const Status status = Write(actor, [&](store::Tx& tx, Draft& draft) -> Status {
    Batch batch(draft.orgs, draft.tree, p);
    std::vector<std::string> errors;
    std::unordered_map<std::string, int> first_line;  // code -> line of its first row
    int64_t temp_id = 0;
    for (const ImportRow& row : rows) {
      const std::string prefix = "dòng " + std::to_string(row.line) + ": ";
      const std::string code(Trim(row.input.code.value_or("")));
      auto [seen, inserted] = first_line.emplace(code, row.line);
      if (!code.empty() && !inserted) {
        errors.push_back(prefix + "Mã " + code + " trùng với dòng " +
                         std::to_string(seen->second));
        continue;
      }
      std::string error = ApplyRow(row, p, batch, --temp_id);
      if (!error.empty()) errors.push_back(prefix + error);
    }
    if (!errors.empty()) {
      std::string message;
      for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
      return Status::Invalid("org.import_invalid", message);
    }

    // New organizations first, in row order (a parent is stored or an earlier row), then the
    // changed stored ones, whose new parent may be one of the new organizations.
    std::unordered_map<int64_t, int64_t> real_id;  // temporary id -> stored id
    auto resolve = [&real_id](Organization& org) {
      if (org.parent_id && *org.parent_id < 0) org.parent_id = real_id.at(*org.parent_id);
    };
    for (Item& item : batch.items()) {
      if (!item.is_new) continue;
      resolve(item.org);
      const int64_t temp = item.org.id;
      NQ_ASSIGN_OR_RETURN(item.org.id, tx.InsertOrganization(item.org));
      real_id[temp] = item.org.id;
      draft.Add(item.org);
      ++written;
    }
    for (Item& item : batch.items()) {
      if (item.is_new || !item.changed) continue;
      resolve(item.org);
      NQ_RETURN_IF_ERROR(tx.UpdateOrganization(item.org, item.moved ? "move" : "update"));
      *draft.Find(item.org.id) = item.org;
      ++written;
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return written;
}

}  // namespace nq
