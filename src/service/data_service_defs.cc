// DataService: definitions of data elements and data sets.
#include <algorithm>
#include <mutex>

#include "domain/formula.h"
#include "service/data_service.h"
#include "service/data_service_internal.h"
#include "service/scope.h"

namespace nq {
namespace {

using data_internal::CheckDefinitionWriter;
using data_internal::Definitions;

Status MissingDefinitionId() {
  return Status::Invalid("plan.missing_id", "Thiếu mã định danh cần sửa");
}

Status RuleInvalid(const ValidationRule& rule, const std::string& why) {
  return Status::Invalid("dataset.rule_invalid", "Quy tắc kiểm tra " + rule.code + ": " + why);
}

// What only the stored elements and the other sets can tell: elements exist and share the
// set's period type, no element belongs to another set, rules parse and name only the set's
// elements.
Status CheckSetAgainst(const DataSet& s, const Definitions& defs) {
  std::vector<std::string> codes;
  for (int64_t id : s.element_ids) {
    const DataElement* e = defs.Element(id);
    if (e == nullptr) {
      return Status::Invalid("dataset.element_unknown",
                             "Biểu mẫu có chỉ tiêu không tồn tại (mã số " + std::to_string(id) +
                                 ")");
    }
    if (e->period_type != s.period_type) {
      return Status::Invalid("dataset.period_type",
                             "Chỉ tiêu '" + e->name + "' có loại kỳ " +
                                 PeriodTypeLabel(e->period_type) + ", khác loại kỳ của biểu mẫu (" +
                                 PeriodTypeLabel(s.period_type) + ")");
    }
    const DataSet* other = defs.SetOf(id);
    if (other != nullptr && other->id != s.id) {
      return Status::Conflict("dataset.element_taken", "Chỉ tiêu '" + e->name +
                                                           "' đã thuộc biểu mẫu '" + other->name +
                                                           "'; mỗi chỉ tiêu chỉ thuộc một biểu mẫu");
    }
    codes.push_back(e->code);
  }
  for (const ValidationRule& rule : s.rules) {
    Result<Formula> f = Formula::Parse(rule.condition);
    if (!f.ok()) return RuleInvalid(rule, f.status().message());
    if (f->UsesIndex()) {
      return RuleInvalid(rule, "quy tắc chỉ so sánh các số liệu của cùng một báo cáo, không dùng "
                               "hàm tổng hợp hay hàm theo kỳ");
    }
    for (const std::string& code : f->ElementCodes()) {
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
        return RuleInvalid(rule, "chỉ tiêu '" + code + "' không thuộc biểu mẫu");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<DataElement>> DataService::ListElements(const Principal& /*p*/) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  return tx->ListDataElements();
}

Result<DataElement> DataService::GetElement(const Principal& /*p*/, int64_t id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  return tx->GetDataElement(id);
}

Result<DataElement> DataService::CreateElement(const Principal& p, const DataElement& e,
                                               const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckDefinitionWriter(p));
  DataElement fresh = e;
  fresh.id = 0;
  NQ_RETURN_IF_ERROR(ValidateDataElement(fresh));
  std::lock_guard lock(write_mu_);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(fresh.id, tx->InsertDataElement(fresh));
  NQ_RETURN_IF_ERROR(tx->Commit());
  if (analytics_ != nullptr) analytics_->OnElementChanged(fresh);
  return fresh;
}

Result<DataElement> DataService::UpdateElement(const Principal& p, const DataElement& e,
                                               const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckDefinitionWriter(p));
  if (e.id == 0) return MissingDefinitionId();
  NQ_RETURN_IF_ERROR(ValidateDataElement(e));
  std::lock_guard lock(write_mu_);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(DataElement old, tx->GetDataElement(e.id));
  if (old == e) return e;  // nothing to write, nothing to audit
  if (old.period_type != e.period_type) {
    NQ_ASSIGN_OR_RETURN(Definitions defs, Definitions::Load(*tx));
    if (const DataSet* s = defs.SetOf(e.id)) {
      return Status::Invalid("dataset.period_type",
                             "Chỉ tiêu thuộc biểu mẫu '" + s->name +
                                 "' nên phải có loại kỳ của biểu mẫu (" +
                                 PeriodTypeLabel(s->period_type) + ")");
    }
    store::Tx::ValueQuery q;
    q.element_id = e.id;
    NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values, tx->ListValues(q));
    if (!values.empty()) {
      return Status::Conflict("element.has_values",
                              "Chỉ tiêu '" + old.name + "' đã có số liệu, không thể đổi loại kỳ");
    }
  }
  NQ_RETURN_IF_ERROR(tx->UpdateDataElement(e));
  NQ_RETURN_IF_ERROR(tx->Commit());
  if (analytics_ != nullptr) analytics_->OnElementChanged(e);
  return e;
}

Result<std::vector<DataSet>> DataService::ListDataSets(const Principal& /*p*/) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  return tx->ListDataSets();
}

Result<DataSet> DataService::GetDataSet(const Principal& /*p*/, int64_t id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  return tx->GetDataSet(id);
}

Result<DataSet> DataService::CreateDataSet(const Principal& p, const DataSet& s,
                                           const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckDefinitionWriter(p));
  DataSet fresh = s;
  fresh.id = 0;
  NQ_RETURN_IF_ERROR(ValidateDataSet(fresh));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(Definitions defs, Definitions::Load(*tx));
  NQ_RETURN_IF_ERROR(CheckSetAgainst(fresh, defs));
  NQ_ASSIGN_OR_RETURN(fresh.id, tx->InsertDataSet(fresh));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return fresh;
}

Result<DataSet> DataService::UpdateDataSet(const Principal& p, const DataSet& s,
                                           const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckDefinitionWriter(p));
  if (s.id == 0) return MissingDefinitionId();
  NQ_RETURN_IF_ERROR(ValidateDataSet(s));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(DataSet old, tx->GetDataSet(s.id));
  if (old == s) return s;
  NQ_ASSIGN_OR_RETURN(Definitions defs, Definitions::Load(*tx));
  NQ_RETURN_IF_ERROR(CheckSetAgainst(s, defs));
  NQ_RETURN_IF_ERROR(tx->UpdateDataSet(s));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return s;
}

Result<std::vector<DataSet>> DataService::DataSetsOf(const Principal& p, int64_t org_id) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_RETURN_IF_ERROR(CheckInScope(*tree, p, org_id));
  const Organization& org = *tree->Find(org_id);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets, tx->ListDataSets());
  std::erase_if(sets, [&](const DataSet& s) {
    return std::find(s.reporting_kinds.begin(), s.reporting_kinds.end(), org.kind) ==
           s.reporting_kinds.end();
  });
  return sets;
}

}  // namespace nq
