// The plan of a term: nhiệm kỳ (Term), Nghị quyết Đại hội (Resolution), its mục tiêu (Target),
// nhiệm vụ đột phá / trọng tâm (ResolutionTask) and cài đặt đánh giá (AssessmentSettings) — read
// and written with role and scope checks.
//
// Scope: a term belongs to an organization (the committee whose term it is); a term, and every
// resolution, target and task under it, is visible to a principal when that organization lies in
// the principal's scope (OrgTree::InSubtree), else Forbidden "scope.denied". Writes need the
// admin or committee role (Forbidden "role.denied") and scope for both the stored entity and
// its new values (e.g. a resolution moved to another term).
//
// Every entity is validated with its domain rule (ValidateTerm, ...) before the store sees it;
// the store's own errors (NotFound "term.not_found", Conflict "resolution.number_taken",
// Invalid "task.target_unknown", ...) pass through unchanged. Updates replace every field of
// the stored row identified by the id.
//
// The *AsSystem functions act as the system (no role or scope checks, same validation) for the
// demo generator and the CLI.
//
// Thread-safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/status.h"
#include "domain/assessment_settings.h"
#include "domain/resolution.h"
#include "domain/user.h"
#include "service/org_service.h"
#include "store/database.h"

namespace nq {

// A resolution with everything a page or a review needs of its definition.
struct ResolutionDetail {
  Term term;
  Resolution resolution;
  std::vector<Target> targets;        // by position
  std::vector<ResolutionTask> tasks;  // by kind, then position
  AssessmentSettings settings;        // cài đặt đánh giá (the defaults when none are stored)
};

class PlanService {
 public:
  // `db` and `orgs` must outlive the service.
  PlanService(store::Database* db, OrgService* orgs) : db_(db), orgs_(orgs) {}

  // Terms of organizations in scope, by start date.
  Result<std::vector<Term>> ListTerms(const Principal& p) const;
  // Resolutions of the terms in scope (of one term when term_id is set: that term must be in
  // scope), by adoption date.
  Result<std::vector<Resolution>> ListResolutions(const Principal& p,
                                                  std::optional<int64_t> term_id = {}) const;
  // One resolution with its term, targets and tasks.
  Result<ResolutionDetail> GetResolution(const Principal& p, int64_t id) const;
  // Only the breakthrough and key tasks of a resolution the principal can read (by kind, then
  // position), for pickers that need nothing else. NotFound "resolution.not_found".
  Result<std::vector<ResolutionTask>> ListResolutionTasks(const Principal& p,
                                                          int64_t resolution_id) const;

  // Creates return the stored entity with its new id; updates the stored entity as written.
  Result<Term> CreateTerm(const Principal& p, const Term& t, const store::Actor& a);
  Result<Term> UpdateTerm(const Principal& p, const Term& t, const store::Actor& a);
  Result<Resolution> CreateResolution(const Principal& p, const Resolution& r,
                                      const store::Actor& a);
  Result<Resolution> UpdateResolution(const Principal& p, const Resolution& r,
                                      const store::Actor& a);
  Result<Target> CreateTarget(const Principal& p, const Target& t, const store::Actor& a);
  Result<Target> UpdateTarget(const Principal& p, const Target& t, const store::Actor& a);
  Result<ResolutionTask> CreateTask(const Principal& p, const ResolutionTask& t,
                                    const store::Actor& a);
  Result<ResolutionTask> UpdateTask(const Principal& p, const ResolutionTask& t,
                                    const store::Actor& a);

  // Cài đặt đánh giá of a resolution the principal can read; the defaults when the resolution
  // has none of its own.
  Result<AssessmentSettings> GetAssessmentSettings(const Principal& p, int64_t resolution_id) const;
  // Replaces the resolution's settings: admin or committee (Forbidden "role.denied"), with the
  // resolution's term in scope (Forbidden "scope.denied"); then ValidateAssessmentSettings
  // (Invalid "settings.*", nothing written). The buckets are stored in descending order.
  // Returns the settings as stored; settings equal to the stored ones write nothing (no audit).
  // NotFound "resolution.not_found" for an unknown resolution.
  Result<AssessmentSettings> UpdateAssessmentSettings(const Principal& p, int64_t resolution_id,
                                                      const AssessmentSettings& s,
                                                      const store::Actor& a);

  // GetResolution without scope checks (CLI, demo, imports).
  Result<ResolutionDetail> GetResolutionAsSystem(int64_t id) const;
  Result<Term> CreateTermAsSystem(const Term& t, const store::Actor& a);
  Result<Resolution> CreateResolutionAsSystem(const Resolution& r, const store::Actor& a);
  Result<Target> CreateTargetAsSystem(const Target& t, const store::Actor& a);
  Result<ResolutionTask> CreateTaskAsSystem(const ResolutionTask& t, const store::Actor& a);
  Result<AssessmentSettings> UpdateAssessmentSettingsAsSystem(int64_t resolution_id,
                                                              const AssessmentSettings& s,
                                                              const store::Actor& a);

 private:
  Result<ResolutionDetail> ReadResolution(const Principal* p, int64_t id) const;
  // `p` null means the system: every check but validation passes.
  Status CheckOrg(const Principal* p, int64_t org_id) const;
  Status CheckTerm(store::Tx& tx, const Principal* p, int64_t term_id) const;
  Status CheckResolution(store::Tx& tx, const Principal* p, int64_t resolution_id) const;

  Result<Term> SaveTerm(const Principal* p, Term t, const store::Actor& a);
  Result<Resolution> SaveResolution(const Principal* p, Resolution r, const store::Actor& a);
  Result<Target> SaveTarget(const Principal* p, Target t, const store::Actor& a);
  Result<ResolutionTask> SaveTask(const Principal* p, ResolutionTask t, const store::Actor& a);
  Result<AssessmentSettings> SaveSettings(const Principal* p, int64_t resolution_id,
                                          AssessmentSettings s, const store::Actor& a);

  store::Database* db_;
  OrgService* orgs_;
};

}  // namespace nq
