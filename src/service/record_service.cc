// RecordService: the records — reading with the privacy rule and the audit of personal reads,
// writing one record, deleting. Types are in record_service_types.cc, imports in
// record_service_import.cc.
#include "service/record_service.h"

#include <algorithm>
#include <utility>

#include "common/json_text.h"
#include "common/time.h"
#include "service/record_service_internal.h"
#include "service/scope.h"

namespace nq {
namespace {

constexpr int kMaxListLimit = 10000;

Status RecordPrivate() {
  return Status::Forbidden("record.private",
                           "Hồ sơ này ghi về cá nhân: chỉ Ủy ban Kiểm tra, Ban Tổ chức và tổ chức "
                           "đảng liên quan được xem");
}

// The audit row of a read of personal records: which type and which records, never the values.
Status AuditRead(store::Tx& tx, const RecordType& t, const std::vector<int64_t>& ids) {
  std::string list;
  for (int64_t id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  const std::string what = JsonObjectText()
                               .Add("type", t.code)
                               .Add("count", static_cast<int64_t>(ids.size()))
                               .Add("records", list)
                               .str();
  return tx.Audit("record_read", ids.size() == 1 ? std::to_string(ids[0]) : t.code, "read", "",
                  what);
}

}  // namespace

namespace record_internal {

Result<RecordType> TypeWithVersion(store::Tx& tx, int64_t type_id) {
  NQ_ASSIGN_OR_RETURN(RecordType t, tx.GetRecordType(type_id));
  if (t.Current() == nullptr) {
    return Status::Internal("store.corrupt", "Loại hồ sơ '" + t.code + "' không có phiên bản");
  }
  return t;
}

RecordReader ReaderInScope(const Principal& p) {
  return {.role = p.role, .in_scope = true, .personnel_board = IsPersonnelBoard(p.board)};
}

store::Tx::RecordQuery ScopeQuery(const OrgTree& tree, int64_t root) {
  store::Tx::RecordQuery q;
  if (tree.Depth(root) != 0 || tree.Roots().size() != 1) q.org_ids = tree.SubtreeIds(root);
  return q;
}

Result<Term> TermFor(const std::vector<Term>& terms, const OrgTree& tree, int64_t org_id,
                     const std::optional<Date>& date) {
  const std::vector<int64_t> path = tree.Path(org_id);  // root first
  const Term* latest = nullptr;
  for (auto it = path.rbegin(); it != path.rend(); ++it) {
    for (const Term& t : terms) {
      if (t.org_id != *it) continue;
      if (date && !(*date < t.start) && !(t.end < *date)) return t;
      if (latest == nullptr || latest->start < t.start) latest = &t;
    }
    if (latest != nullptr) return *latest;  // the nearest organization with terms decides
  }
  return Status::Invalid("record.no_term",
                         "Chưa có nhiệm kỳ nào của tổ chức này hoặc cấp trên: chưa ghi được hồ sơ");
}

Result<std::vector<FieldProblem>> CheckRecord(const OrgTree& tree, const std::vector<Term>& terms,
                                              const RecordType& t, const Record& r,
                                              std::vector<FieldProblem> parse_problems) {
  const RecordTypeVersion* v = t.Version(r.version);
  if (v == nullptr) {
    return Status::Invalid("record.type_unknown", "Loại hồ sơ '" + t.name +
                                                      "' không có phiên bản " +
                                                      std::to_string(r.version));
  }
  NQ_ASSIGN_OR_RETURN(Term term, TermFor(terms, tree, r.org_id, RecordDate(t, r)));
  std::vector<FieldProblem> problems = CheckParsedRecord(*v, std::move(parse_problems), r, term);
  for (const FieldDef& f : v->fields) {
    auto it = r.values.find(f.code);
    if (it == r.values.end()) continue;
    const OrgRef* org = std::get_if<OrgRef>(&it->second);
    if (org != nullptr && !tree.Contains(org->id)) {
      problems.push_back({f.code, "", "record.not_organization",
                          f.label + ": không có tổ chức đảng mã số " + std::to_string(org->id)});
    }
  }
  return problems;
}

OrgLookup LookupIn(const OrgTree& tree) {
  return [&tree](std::string_view code) -> std::optional<int64_t> {
    const Organization* o = tree.FindByCode(code);
    return o == nullptr ? std::nullopt : std::optional<int64_t>(o->id);
  };
}

}  // namespace record_internal

Status RecordService::Write(store::Tx& tx, const OrgTree& tree, const std::vector<Term>& terms,
                            const RecordType& t, Record& r,
                            std::vector<FieldProblem> parse_problems,
                            std::vector<FieldProblem>* problems) const {
  r.type_id = t.id;
  r.type_code = t.code;
  NQ_ASSIGN_OR_RETURN(std::vector<FieldProblem> found,
                      record_internal::CheckRecord(tree, terms, t, r, std::move(parse_problems)));
  if (!found.empty()) {
    Status st = RecordProblemsStatus(found);
    if (problems != nullptr) *problems = std::move(found);
    return st;
  }
  NQ_ASSIGN_OR_RETURN(r.id, tx.InsertRecord(r));
  return Status::Ok();
}

void RecordService::Inserted(const Record& r) const {
  if (hooks_.inserted) hooks_.inserted(r);
}

Result<RecordList> RecordService::ListRecords(const Principal& p, int64_t type_id,
                                              const RecordFilter& f,
                                              const store::Actor& a) const {
  if (f.limit < 1 || f.limit > kMaxListLimit || f.offset < 0) {
    return Status::Invalid("record.filter_invalid",
                           "Số hồ sơ mỗi trang phải từ 1 đến " + std::to_string(kMaxListLimit));
  }
  if (f.from && f.to && *f.to < *f.from) {
    return Status::Invalid("record.filter_invalid", "Ngày kết thúc phải sau ngày bắt đầu");
  }
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  const int64_t root = f.org_id.value_or(p.org_id);
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, root));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  RecordList out;
  NQ_ASSIGN_OR_RETURN(out.type, tx->GetRecordType(type_id));
  store::Tx::RecordQuery q = record_internal::ScopeQuery(*tree, root);
  q.type_id = type_id;
  q.from = f.from;
  q.to = f.to;
  NQ_ASSIGN_OR_RETURN(const int64_t matching, tx->CountRecords(q));
  if (!MayReadRecord(out.type.privacy, record_internal::ReaderInScope(p))) {
    out.withheld = matching;
    return out;
  }
  out.total = matching;
  q.newest_first = true;  // the latest records first, as a clerk looks for them
  q.limit = f.limit;
  q.offset = f.offset;
  NQ_ASSIGN_OR_RETURN(out.items, tx->ListRecords(q));
  if (IsAuditedOnRead(out.type.privacy) && !out.items.empty()) {
    std::vector<int64_t> ids;
    for (const Record& r : out.items) ids.push_back(r.id);
    NQ_RETURN_IF_ERROR(AuditRead(*tx, out.type, ids));
    NQ_RETURN_IF_ERROR(tx->Commit());
  }
  return out;
}

Result<RecordService::RecordSet> RecordService::RecordsForFigures(const Principal& p,
                                                                 int64_t root, const Date& from,
                                                                 const Date& to) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, root));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  RecordSet out;
  NQ_ASSIGN_OR_RETURN(out.types, tx->ListRecordTypes());
  store::Tx::RecordQuery q = record_internal::ScopeQuery(*tree, root);
  q.from = from;
  q.to = to;
  NQ_ASSIGN_OR_RETURN(out.records, tx->ListRecords(q));
  return out;
}

Result<Record> RecordService::GetRecord(const Principal& p, int64_t id,
                                        const store::Actor& a) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(Record r, tx->GetRecord(id));
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, r.org_id));
  NQ_ASSIGN_OR_RETURN(RecordType t, tx->GetRecordType(r.type_id));
  if (!MayReadRecord(t.privacy, record_internal::ReaderInScope(p))) return RecordPrivate();
  if (IsAuditedOnRead(t.privacy)) {
    NQ_RETURN_IF_ERROR(AuditRead(*tx, t, {r.id}));
    NQ_RETURN_IF_ERROR(tx->Commit());
  }
  return r;
}

Result<Record> RecordService::CreateRecord(const Principal& p, int64_t type_id, int64_t org_id,
                                           const std::map<std::string, std::string>& input,
                                           const store::Actor& a,
                                           std::vector<FieldProblem>* problems) {
  if (!CanEnterData(p.role)) return RoleDenied();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(RecordType t, record_internal::TypeWithVersion(*tx, type_id));
  const RecordTypeVersion* v = t.Current();
  ParsedInput parsed = ParseRecordInput(*v, input, record_internal::LookupIn(*tree));
  Record r;
  r.version = v->number;
  r.org_id = org_id;
  r.values = std::move(parsed.values);
  r.created_by = p.user_id;
  r.created_at = NowUnix();
  // The values that did parse are checked too, so that the form shows every problem at once.
  NQ_ASSIGN_OR_RETURN(std::vector<Term> terms, tx->ListTerms());
  NQ_RETURN_IF_ERROR(Write(*tx, *tree, terms, t, r, std::move(parsed.problems), problems));
  NQ_RETURN_IF_ERROR(tx->Commit());
  Inserted(r);
  return r;
}

Result<Record> RecordService::CreateTypedRecord(const Principal& p, Record r,
                                                const store::Actor& a,
                                                std::vector<FieldProblem>* problems) {
  if (!CanEnterData(p.role)) return RoleDenied();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, r.org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(RecordType t, record_internal::TypeWithVersion(*tx, r.type_id));
  r.version = t.Current()->number;
  r.created_by = p.user_id;
  r.created_at = NowUnix();
  NQ_ASSIGN_OR_RETURN(std::vector<Term> terms, tx->ListTerms());
  NQ_RETURN_IF_ERROR(Write(*tx, *tree, terms, t, r, {}, problems));
  NQ_RETURN_IF_ERROR(tx->Commit());
  Inserted(r);
  return r;
}

Status RecordService::DeleteRecord(const Principal& p, int64_t id, const store::Actor& a) {
  if (!CanEnterData(p.role)) return RoleDenied();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(Record r, tx->GetRecord(id));
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, r.org_id));
  NQ_ASSIGN_OR_RETURN(RecordType t, tx->GetRecordType(r.type_id));
  if (!MayReadRecord(t.privacy, record_internal::ReaderInScope(p))) return RecordPrivate();
  NQ_RETURN_IF_ERROR(tx->DeleteRecord(id));
  NQ_RETURN_IF_ERROR(tx->Commit());
  if (hooks_.erased) hooks_.erased(id);
  return Status::Ok();
}

Result<std::vector<int64_t>> RecordService::CreateRecordsAsSystem(std::vector<Record> records,
                                                                 const store::Actor& a) {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(std::vector<RecordType> types, tx->ListRecordTypes());
  NQ_ASSIGN_OR_RETURN(std::vector<Term> terms, tx->ListTerms());
  std::vector<int64_t> ids;
  ids.reserve(records.size());
  for (Record& r : records) {
    auto t = std::find_if(types.begin(), types.end(), [&](const RecordType& x) {
      return r.type_id != 0 ? x.id == r.type_id : x.code == r.type_code;
    });
    if (t == types.end()) {
      return Status::Invalid("record.type_unknown", "Không có loại hồ sơ '" + r.type_code + "'");
    }
    if (t->Current() != nullptr) r.version = t->Current()->number;
    NQ_RETURN_IF_ERROR(Write(*tx, *tree, terms, *t, r, {}, nullptr));
    ids.push_back(r.id);
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  for (const Record& r : records) Inserted(r);
  return ids;
}

}  // namespace nq
