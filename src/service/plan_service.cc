#include "service/plan_service.h"

#include <unordered_set>
#include <utility>

#include "service/scope.h"

namespace nq {
namespace {

Status MissingId() { return Status::Invalid("plan.missing_id", "Thiếu mã định danh cần sửa"); }

}  // namespace

Status PlanService::CheckOrg(const Principal* p, int64_t org_id) const {
  if (p == nullptr) return Status::Ok();
  return CheckInScope(*orgs_->tree(), *p, org_id);
}

Status PlanService::CheckTerm(store::Tx& tx, const Principal* p, int64_t term_id) const {
  if (p == nullptr) return Status::Ok();  // the store checks that the term exists
  NQ_ASSIGN_OR_RETURN(Term term, tx.GetTerm(term_id));
  return CheckOrg(p, term.org_id);
}

Status PlanService::CheckResolution(store::Tx& tx, const Principal* p,
                                    int64_t resolution_id) const {
  if (p == nullptr) return Status::Ok();
  NQ_ASSIGN_OR_RETURN(Resolution r, tx.GetResolution(resolution_id));
  return CheckTerm(tx, p, r.term_id);
}

// --- reads ------------------------------------------------------------------------------------

Result<std::vector<Term>> PlanService::ListTerms(const Principal& p) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(std::vector<Term> terms, tx->ListTerms());
  std::vector<Term> out;
  for (Term& t : terms) {
    if (CanReadPlanOf(*tree, p, t.org_id)) out.push_back(std::move(t));
  }
  return out;
}

Result<std::vector<Resolution>> PlanService::ListResolutions(
    const Principal& p, std::optional<int64_t> term_id) const {
  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  std::unordered_set<int64_t> visible;
  if (term_id.has_value()) {
    NQ_ASSIGN_OR_RETURN(Term term, tx->GetTerm(*term_id));
    NQ_RETURN_IF_ERROR(CheckCanReadPlanOf(*tree, p, term.org_id));
    visible.insert(term.id);
  } else {
    NQ_ASSIGN_OR_RETURN(std::vector<Term> terms, tx->ListTerms());
    for (const Term& t : terms) {
      if (CanReadPlanOf(*tree, p, t.org_id)) visible.insert(t.id);
    }
  }
  NQ_ASSIGN_OR_RETURN(std::vector<Resolution> all, tx->ListResolutions(term_id));
  std::vector<Resolution> out;
  for (Resolution& r : all) {
    if (visible.count(r.term_id) > 0) out.push_back(std::move(r));
  }
  return out;
}

Result<ResolutionDetail> PlanService::GetResolution(const Principal& p, int64_t id) const {
  return ReadResolution(&p, id);
}

Result<std::vector<ResolutionTask>> PlanService::ListResolutionTasks(const Principal& p,
                                                                     int64_t resolution_id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(Resolution r, tx->GetResolution(resolution_id));
  NQ_ASSIGN_OR_RETURN(Term term, tx->GetTerm(r.term_id));
  NQ_RETURN_IF_ERROR(CheckCanReadPlanOf(*orgs_->tree(), p, term.org_id));
  return tx->ListResolutionTasks(resolution_id);
}

Result<ResolutionDetail> PlanService::GetResolutionAsSystem(int64_t id) const {
  return ReadResolution(nullptr, id);
}

Result<ResolutionDetail> PlanService::ReadResolution(const Principal* p, int64_t id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  ResolutionDetail d;
  NQ_ASSIGN_OR_RETURN(d.resolution, tx->GetResolution(id));
  NQ_ASSIGN_OR_RETURN(d.term, tx->GetTerm(d.resolution.term_id));
  if (p != nullptr) NQ_RETURN_IF_ERROR(CheckCanReadPlanOf(*orgs_->tree(), *p, d.term.org_id));
  NQ_ASSIGN_OR_RETURN(d.targets, tx->ListTargets(id));
  NQ_ASSIGN_OR_RETURN(d.tasks, tx->ListResolutionTasks(id));
  NQ_ASSIGN_OR_RETURN(std::optional<AssessmentSettings> settings, tx->GetAssessmentSettings(id));
  if (settings) d.settings = std::move(*settings);
  return d;
}

Result<AssessmentSettings> PlanService::GetAssessmentSettings(const Principal& p,
                                                              int64_t resolution_id) const {
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(store::Actor{}, store::TxMode::kRead));
  NQ_ASSIGN_OR_RETURN(Resolution r, tx->GetResolution(resolution_id));
  NQ_ASSIGN_OR_RETURN(Term term, tx->GetTerm(r.term_id));
  NQ_RETURN_IF_ERROR(CheckCanReadPlanOf(*orgs_->tree(), p, term.org_id));
  NQ_ASSIGN_OR_RETURN(std::optional<AssessmentSettings> s,
                      tx->GetAssessmentSettings(resolution_id));
  return s.value_or(AssessmentSettings{});
}

// --- writes -----------------------------------------------------------------------------------

Result<Term> PlanService::SaveTerm(const Principal* p, Term t, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(ValidateTerm(t));
  NQ_RETURN_IF_ERROR(CheckOrg(p, t.org_id));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  if (t.id == 0) {
    NQ_ASSIGN_OR_RETURN(t.id, tx->InsertTerm(t));
  } else {
    NQ_ASSIGN_OR_RETURN(Term old, tx->GetTerm(t.id));
    NQ_RETURN_IF_ERROR(CheckOrg(p, old.org_id));
    if (old == t) return t;  // nothing to write, nothing to audit
    NQ_RETURN_IF_ERROR(tx->UpdateTerm(t));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  return t;
}

Result<Resolution> PlanService::SaveResolution(const Principal* p, Resolution r,
                                               const store::Actor& a) {
  NQ_RETURN_IF_ERROR(ValidateResolution(r));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_RETURN_IF_ERROR(CheckTerm(*tx, p, r.term_id));
  if (r.id == 0) {
    NQ_ASSIGN_OR_RETURN(r.id, tx->InsertResolution(r));
  } else {
    NQ_ASSIGN_OR_RETURN(Resolution old, tx->GetResolution(r.id));
    NQ_RETURN_IF_ERROR(CheckTerm(*tx, p, old.term_id));
    if (old == r) return r;
    NQ_RETURN_IF_ERROR(tx->UpdateResolution(r));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  return r;
}

Result<Target> PlanService::SaveTarget(const Principal* p, Target t, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(ValidateTarget(t));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_RETURN_IF_ERROR(CheckResolution(*tx, p, t.resolution_id));
  if (t.id == 0) {
    NQ_ASSIGN_OR_RETURN(t.id, tx->InsertTarget(t));
  } else {
    NQ_ASSIGN_OR_RETURN(Target old, tx->GetTarget(t.id));
    NQ_RETURN_IF_ERROR(CheckResolution(*tx, p, old.resolution_id));
    if (old == t) return t;
    NQ_RETURN_IF_ERROR(tx->UpdateTarget(t));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  return t;
}

Result<ResolutionTask> PlanService::SaveTask(const Principal* p, ResolutionTask t,
                                             const store::Actor& a) {
  NQ_RETURN_IF_ERROR(ValidateResolutionTask(t));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_RETURN_IF_ERROR(CheckResolution(*tx, p, t.resolution_id));
  if (t.id == 0) {
    NQ_ASSIGN_OR_RETURN(t.id, tx->InsertResolutionTask(t));
  } else {
    NQ_ASSIGN_OR_RETURN(ResolutionTask old, tx->GetResolutionTask(t.id));
    NQ_RETURN_IF_ERROR(CheckResolution(*tx, p, old.resolution_id));
    if (old == t) return t;
    NQ_RETURN_IF_ERROR(tx->UpdateResolutionTask(t));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  return t;
}

Result<AssessmentSettings> PlanService::SaveSettings(const Principal* p, int64_t resolution_id,
                                                     AssessmentSettings s, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(ValidateAssessmentSettings(s));
  s = WithSortedBuckets(std::move(s));
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_RETURN_IF_ERROR(tx->GetResolution(resolution_id).status());
  NQ_RETURN_IF_ERROR(CheckResolution(*tx, p, resolution_id));
  NQ_ASSIGN_OR_RETURN(std::optional<AssessmentSettings> old,
                      tx->GetAssessmentSettings(resolution_id));
  if (old == s) return s;
  NQ_RETURN_IF_ERROR(tx->PutAssessmentSettings(resolution_id, s));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return s;
}

// --- public entry points: role first, then the shared save ----------------------------------

Result<Term> PlanService::CreateTerm(const Principal& p, const Term& t, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  Term fresh = t;
  fresh.id = 0;
  return SaveTerm(&p, std::move(fresh), a);
}

Result<Term> PlanService::UpdateTerm(const Principal& p, const Term& t, const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  if (t.id == 0) return MissingId();
  return SaveTerm(&p, t, a);
}

Result<Resolution> PlanService::CreateResolution(const Principal& p, const Resolution& r,
                                                 const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  Resolution fresh = r;
  fresh.id = 0;
  return SaveResolution(&p, std::move(fresh), a);
}

Result<Resolution> PlanService::UpdateResolution(const Principal& p, const Resolution& r,
                                                 const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  if (r.id == 0) return MissingId();
  return SaveResolution(&p, r, a);
}

Result<Target> PlanService::CreateTarget(const Principal& p, const Target& t,
                                         const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  Target fresh = t;
  fresh.id = 0;
  return SaveTarget(&p, std::move(fresh), a);
}

Result<Target> PlanService::UpdateTarget(const Principal& p, const Target& t,
                                         const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  if (t.id == 0) return MissingId();
  return SaveTarget(&p, t, a);
}

Result<ResolutionTask> PlanService::CreateTask(const Principal& p, const ResolutionTask& t,
                                               const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  ResolutionTask fresh = t;
  fresh.id = 0;
  return SaveTask(&p, std::move(fresh), a);
}

Result<ResolutionTask> PlanService::UpdateTask(const Principal& p, const ResolutionTask& t,
                                               const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  if (t.id == 0) return MissingId();
  return SaveTask(&p, t, a);
}

Result<AssessmentSettings> PlanService::UpdateAssessmentSettings(const Principal& p,
                                                                 int64_t resolution_id,
                                                                 const AssessmentSettings& s,
                                                                 const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  return SaveSettings(&p, resolution_id, s, a);
}

Result<Term> PlanService::CreateTermAsSystem(const Term& t, const store::Actor& a) {
  Term fresh = t;
  fresh.id = 0;
  return SaveTerm(nullptr, std::move(fresh), a);
}

Result<Resolution> PlanService::CreateResolutionAsSystem(const Resolution& r,
                                                         const store::Actor& a) {
  Resolution fresh = r;
  fresh.id = 0;
  return SaveResolution(nullptr, std::move(fresh), a);
}

Result<Target> PlanService::CreateTargetAsSystem(const Target& t, const store::Actor& a) {
  Target fresh = t;
  fresh.id = 0;
  return SaveTarget(nullptr, std::move(fresh), a);
}

Result<ResolutionTask> PlanService::CreateTaskAsSystem(const ResolutionTask& t,
                                                       const store::Actor& a) {
  ResolutionTask fresh = t;
  fresh.id = 0;
  return SaveTask(nullptr, std::move(fresh), a);
}

Result<AssessmentSettings> PlanService::UpdateAssessmentSettingsAsSystem(
    int64_t resolution_id, const AssessmentSettings& s, const store::Actor& a) {
  return SaveSettings(nullptr, resolution_id, s, a);
}

}  // namespace nq
