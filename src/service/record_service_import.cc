// RecordService: all-or-nothing imports of records (a CSV file's rows, a JSON array's objects),
// idempotent: a row identical to a record already kept is skipped.
#include <set>
#include <utility>

#include "common/time.h"
#include "common/utf8.h"
#include "domain/record_value.h"
#include "service/record_service.h"
#include "service/record_service_internal.h"
#include "service/scope.h"

namespace nq {
namespace {

// The column naming the organization, by its folded name.
bool IsOrgColumn(std::string_view name) {
  const std::string folded = FoldForSearch(name);
  return folded == "org" || folded == "ma to chuc" || folded == "to chuc" ||
         folded == "org code" || folded == "org_code";
}

// What makes two records the same for an import: organization and every value.
std::string IdentityOf(const Record& r) {
  std::string key = std::to_string(r.org_id);
  for (const auto& [code, value] : r.values) {
    key += '\x1f';
    key += code;
    key += '=';
    key += CanonicalText(value);
  }
  return key;
}

}  // namespace

Result<RecordImportReport> RecordService::ImportRecords(const Principal& p, int64_t type_id,
                                                        const std::vector<RecordImportRow>& rows,
                                                        bool dry_run, const store::Actor& a) {
  if (!CanEnterData(p.role)) return RoleDenied();
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(RecordType t, record_internal::TypeWithVersion(*tx, type_id));
  const RecordTypeVersion* v = t.Current();
  const OrgLookup lookup = record_internal::LookupIn(*tree);
  NQ_ASSIGN_OR_RETURN(const std::vector<Term> terms, tx->ListTerms());

  RecordImportReport report;
  report.rows = static_cast<int>(rows.size());
  std::vector<Record> good;
  std::set<int64_t> orgs;
  for (const RecordImportRow& row : rows) {
    std::map<std::string, std::string> cells;
    std::string org_code;
    for (const auto& [name, text] : row.cells) {
      if (IsOrgColumn(name)) {
        org_code = std::string(Trim(text));
      } else {
        cells.emplace(name, text);
      }
    }
    auto problem = [&](std::string key, std::string message) {
      report.problems.push_back({row.line, {"org", "", std::move(key), std::move(message)}});
    };
    if (org_code.empty()) {
      problem("record.org_required", "Thiếu mã tổ chức đảng (cột \"Mã tổ chức\")");
      continue;
    }
    const Organization* org = tree->FindByCode(org_code);
    if (org == nullptr) {
      problem("record.org_unknown", "Không có tổ chức đảng mã '" + org_code + "'");
      continue;
    }
    if (!CheckInScope(*tree, p, org->id).ok()) {
      problem("scope.denied", "Tổ chức '" + org_code + "' nằm ngoài phạm vi của bạn");
      continue;
    }
    Record r;
    r.type_id = t.id;
    r.type_code = t.code;
    r.version = v->number;
    r.org_id = org->id;
    r.created_by = p.user_id;
    r.created_at = NowUnix();
    ParsedInput parsed = ParseRecordInput(*v, cells, lookup);
    r.values = std::move(parsed.values);
    NQ_ASSIGN_OR_RETURN(std::vector<FieldProblem> found,
                        record_internal::CheckRecord(*tree, terms, t, r, std::move(parsed.problems)));
    for (FieldProblem& f : found) report.problems.push_back({row.line, std::move(f)});
    if (found.empty()) {
      orgs.insert(r.org_id);
      good.push_back(std::move(r));
    }
  }
  if (!report.problems.empty()) return report;

  // The records already kept by the organizations of the file, to skip rows already imported.
  std::set<std::string> kept;
  if (!good.empty()) {
    store::Tx::RecordQuery q;
    q.type_id = t.id;
    q.org_ids.assign(orgs.begin(), orgs.end());
    NQ_ASSIGN_OR_RETURN(std::vector<Record> existing, tx->ListRecords(q));
    for (const Record& r : existing) kept.insert(IdentityOf(r));
  }
  std::vector<Record> added;
  for (Record& r : good) {
    if (!kept.insert(IdentityOf(r)).second) {
      ++report.unchanged;
      continue;
    }
    if (!dry_run) {
      NQ_ASSIGN_OR_RETURN(r.id, tx->InsertRecord(r));
    }
    ++report.added;
    added.push_back(r);
  }
  if (dry_run || added.empty()) return report;
  NQ_RETURN_IF_ERROR(tx->Commit());
  for (const Record& r : added) Inserted(r);
  return report;
}

}  // namespace nq
