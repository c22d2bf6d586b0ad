// RecordService: the record types — seeding the built-in ones, listing, creating, revising.
// The records are in record_service.cc.
#include <set>
#include <utility>

#include "domain/record_builtin.h"
#include "domain/record_version.h"
#include "service/record_service.h"
#include "service/record_service_internal.h"
#include "service/scope.h"

namespace nq {
namespace {

Status TypeNotFound(std::string_view code) {
  return Status::NotFound("record_type.not_found",
                          "Không có loại hồ sơ '" + std::string(code) + "'");
}

}  // namespace

Result<int> RecordService::SeedBuiltinTypes(const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(std::vector<RecordType> stored, tx->ListRecordTypes());
  std::set<std::string, std::less<>> codes;
  for (const RecordType& t : stored) codes.insert(t.code);
  std::vector<RecordType> added;
  for (RecordType t : BuiltinRecordTypes()) {
    if (codes.count(t.code) > 0) continue;
    NQ_ASSIGN_OR_RETURN(t.id, tx->InsertRecordType(t));
    added.push_back(std::move(t));
  }
  if (added.empty()) return 0;
  NQ_RETURN_IF_ERROR(tx->Commit());
  if (hooks_.type_changed) {
    for (const RecordType& t : added) hooks_.type_changed(t);
  }
  return static_cast<int>(added.size());
}

Result<RecordTypeView> RecordService::ViewOf(store::Tx& tx, const Principal& p,
                                             RecordType t) const {
  RecordTypeView v;
  NQ_ASSIGN_OR_RETURN(v.records, tx.CountRecords({.type_id = t.id}));
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  if (tree->Contains(p.org_id)) {
    store::Tx::RecordQuery q = record_internal::ScopeQuery(*tree, p.org_id);
    q.type_id = t.id;
    int64_t in_scope = v.records;
    if (!q.org_ids.empty()) {
      NQ_ASSIGN_OR_RETURN(in_scope, tx.CountRecords(q));
    }
    const bool may_read = MayReadRecord(t.privacy, record_internal::ReaderInScope(p));
    (may_read ? v.readable : v.withheld) = in_scope;
  }
  v.type = std::move(t);
  return v;
}

Result<std::vector<RecordTypeView>> RecordService::ListTypes(const Principal& p) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<RecordType> types, tx->ListRecordTypes());
  std::vector<RecordTypeView> out;
  out.reserve(types.size());
  for (RecordType& t : types) {
    NQ_ASSIGN_OR_RETURN(RecordTypeView v, ViewOf(*tx, p, std::move(t)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<RecordType> RecordService::GetType(const Principal& /*p*/, int64_t id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  return tx->GetRecordType(id);
}

Result<RecordTypeView> RecordService::GetTypeView(const Principal& p, int64_t id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(RecordType t, tx->GetRecordType(id));
  return ViewOf(*tx, p, std::move(t));
}

Result<RecordType> RecordService::GetTypeByCode(const Principal& /*p*/,
                                                std::string_view code) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<RecordType> types, tx->ListRecordTypes());
  for (RecordType& t : types) {
    if (t.code == code) return std::move(t);
  }
  return TypeNotFound(code);
}

Result<RecordType> RecordService::CreateType(const Principal& p, const RecordType& t,
                                             const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  RecordType stored = t;
  stored.id = 0;
  NQ_RETURN_IF_ERROR(ValidateRecordType(stored));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(stored.id, tx->InsertRecordType(stored));
  NQ_RETURN_IF_ERROR(tx->Commit());
  if (hooks_.type_changed) hooks_.type_changed(stored);
  return stored;
}

Result<RecordType> RecordService::ReviseType(const Principal& p, int64_t id,
                                             const RecordType& edited, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  if (edited.Current() == nullptr) {
    return Status::Invalid("record_type.versions_invalid",
                           "Loại hồ sơ cần có danh sách trường của phiên bản mới");
  }
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(RecordType before, tx->GetRecordType(id));
  NQ_ASSIGN_OR_RETURN(int64_t records, tx->CountRecords({.type_id = id}));
  // The code and the date field never change here: formulas name the code and the store keeps
  // both from the type's creation.
  if ((!edited.code.empty() && edited.code != before.code) ||
      (!edited.date_field.empty() && edited.date_field != before.date_field)) {
    return Status::Invalid("record_type.breaking_change",
                           "Không đổi được mã loại hồ sơ và trường ngày của loại hồ sơ '" +
                               before.name + "': hãy tạo loại hồ sơ mới");
  }
  RecordType next = before;
  next.name = edited.name;
  next.description = edited.description;
  next.privacy = edited.privacy;
  NQ_RETURN_IF_ERROR(CheckRecordTypeEdit(before, next, records > 0));
  NQ_ASSIGN_OR_RETURN(next, ReviseRecordType(next, *edited.Current(), records > 0));
  if (next == before) return before;
  NQ_RETURN_IF_ERROR(tx->UpdateRecordType(next));
  NQ_RETURN_IF_ERROR(tx->Commit());
  if (hooks_.type_changed) hooks_.type_changed(next);
  return next;
}

}  // namespace nq
