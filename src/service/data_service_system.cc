// DataService's entry points for the system (demo generator, CLI): the same validation as for a
// user, without role or scope checks.
#include <memory>

#include "service/data_service.h"

namespace nq {
namespace {

// An administrator with no organization: definitions have no scope, so only the role matters.
Principal SystemPrincipal() {
  Principal p;
  p.username = "system";
  p.role = Role::kAdmin;
  return p;
}

}  // namespace

Result<DataElement> DataService::CreateElementAsSystem(const DataElement& e,
                                                       const store::Actor& a) {
  return CreateElement(SystemPrincipal(), e, a);
}

Result<DataSet> DataService::CreateDataSetAsSystem(const DataSet& s, const store::Actor& a) {
  return CreateDataSet(SystemPrincipal(), s, a);
}

Status DataService::RecordReportAsSystem(const Report& r, const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(std::unique_ptr<store::Tx> tx, db_->Begin(a));
  const char* action = r.state == ReportState::kApproved    ? "approve"
                       : r.state == ReportState::kSubmitted ? "submit"
                                                            : "reopen";
  NQ_RETURN_IF_ERROR(tx->UpsertReport(r, action));
  return tx->Commit();
}

}  // namespace nq
