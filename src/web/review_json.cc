#include "web/review_json.h"

#include <optional>
#include <utility>
#include <vector>

#include "web/api_assessment.h"
#include "web/api_resolutions.h"

namespace nq::web {
namespace {

Json LineJson(const review::TaskLine& t) {
  Json j;
  j["id"] = t.id;
  j["title"] = t.title;
  j["owner_org_id"] = t.owner_org_id;
  j["owner"] = t.owner;
  j["state"] = TaskStateCode(t.state);
  j["state_label"] = TaskStateLabel(t.state);
  j["progress"] = t.progress;
  j["next_due"] = DateOrNull(t.next_due);
  j["completed_on"] = DateOrNull(t.completed_on);
  j["product"] = ProductKindCode(t.product);
  j["document_number"] = t.document_number;
  j["milestones_done"] = t.milestones_done;
  j["milestones_total"] = t.milestones_total;
  Json late = Json::array();
  for (const TaskOccurrence& o : t.late) {
    late.push_back(Json{{"period", o.period ? Json(o.period->ToString()) : Json(nullptr)},
                        {"due", FormatIso(o.due)},
                        {"completed_on", DateOrNull(o.completed_on)}});
  }
  j["late"] = std::move(late);
  return j;
}

Json LinesJson(const std::vector<review::TaskLine>& lines) {
  Json out = Json::array();
  for (const review::TaskLine& t : lines) out.push_back(LineJson(t));
  return out;
}

const char* EvidenceKindCode(review::EvidenceRef::Kind k) {
  switch (k) {
    case review::EvidenceRef::Kind::kTarget:
      return "target";
    case review::EvidenceRef::Kind::kTask:
      return "task";
    case review::EvidenceRef::Kind::kOrganization:
      return "organization";
  }
  return "target";
}

Json FindingJson(const review::Finding& f) {
  Json j;
  j["kind"] = f.kind;
  j["text"] = f.text;
  Json evidence = Json::array();
  for (const review::EvidenceRef& e : f.evidence) {
    Json item;
    item["kind"] = EvidenceKindCode(e.kind);
    item["id"] = e.id;
    item["code"] = e.code;
    item["label"] = e.label;
    item["detail"] = e.detail;
    evidence.push_back(std::move(item));
  }
  j["evidence"] = std::move(evidence);
  return j;
}

Json OrgRowJson(const review::OrgRow& o, const std::vector<review::TargetRow>& rows) {
  const auto number = [](const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); };
  Json j;
  j["id"] = o.org_id;
  j["code"] = o.code;
  j["name"] = o.name;
  j["reports"] = Json{
      {"on_time", o.reports_on_time}, {"late", o.reports_late}, {"missing", o.reports_missing}};
  Json targets = Json::array();
  for (size_t i = 0; i < o.targets.size() && i < rows.size(); ++i) {
    const analytics::TargetAssessment& a = o.targets[i];
    targets.push_back(Json{{"code", rows[i].target.code},
                           {"actual", number(a.actual)},
                           {"status", analytics::TargetStatusCode(a.status)},
                           {"ratio", number(a.ratio)}});
  }
  j["targets"] = std::move(targets);
  return j;
}

Json NumberOrNull(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

Json YearsJson(const std::vector<review::YearFigure>& v, const char* part) {
  Json out = Json::array();
  for (const review::YearFigure& y : v) {
    out.push_back(Json{{"year", y.year}, {"count", y.count}, {part, y.part}});
  }
  return out;
}

// review.h PartyBuilding; null when the review has none.
Json PartyBuildingJson(const std::optional<review::PartyBuilding>& party) {
  if (!party) return nullptr;
  const review::PartyBuilding& p = *party;
  Json documents = Json::array();
  for (const review::DocumentDissemination& d : p.documents) {
    documents.push_back(Json{{"document", d.document},
                             {"issued", d.issued ? Json(FormatIso(*d.issued)) : Json(nullptr)},
                             {"done", d.done},
                             {"late", d.late},
                             {"not_done", d.not_done}});
  }
  Json j;
  j["units"] = p.units;
  j["cells"] = p.cells;
  j["dissemination"] = Json{{"sessions", p.sessions},
                            {"deadline_days", review::kDisseminationDeadlineDays},
                            {"member_reach", NumberOrNull(p.member_reach)},
                            {"worker_reach", NumberOrNull(p.worker_reach)},
                            {"documents", std::move(documents)}};
  j["cell_meetings"] = Json{{"from", FormatIso(p.window_from)},
                            {"to", FormatIso(p.window_to)},
                            {"months", p.window_months},
                            {"quarters", p.window_quarters},
                            {"regular", p.regular_meetings},
                            {"cells_every_month", p.cells_every_month},
                            {"attendance", NumberOrNull(p.attendance)},
                            {"thematic", p.thematic_meetings},
                            {"cells_thematic_regular", p.cells_thematic_regular}};
  j["admissions"] = YearsJson(p.admissions, "non_state_enterprises");
  j["inspection"] = Json{{"count", p.inspections},
                         {"organizations", p.inspected_orgs},
                         {"violations", p.violations}};
  j["pledges"] = YearsJson(p.pledges, "kept");
  j["conferences"] = YearsJson(p.conferences, "held");
  Json ratings = Json::array();
  for (const review::RatingYear& y : p.ratings) {
    ratings.push_back(Json{{"year", y.year},
                           {"HTXSNV", y.excellent},
                           {"HTTNV", y.good},
                           {"HTNV", y.done},
                           {"KHTNV", y.failed}});
  }
  j["ratings"] = std::move(ratings);
  j["mass_mobilization_models"] =
      Json{{"registered", p.models_registered}, {"recognized", p.models_recognized}};
  return j;
}

}  // namespace

Json ReviewJson(const review::Review& r) {
  Json j;
  j["kind"] = review::ReviewKindCode(r.kind);
  j["kind_label"] = review::ReviewKindLabel(r.kind);
  j["as_of"] = FormatIso(r.as_of);
  j["term"] = TermJson(r.term);
  j["resolution"] = ResolutionJson(r.resolution);
  j["org"] = Json{{"id", r.root_org}, {"name", r.root_name}};
  AddAssessmentSummary(r.assessment, &j);
  Json breakthroughs = Json::array();
  for (const review::BreakthroughSection& b : r.breakthroughs) {
    Json item = ResolutionTaskJson(b.task);
    item["counts"] = TaskCountsJson(b.counts);
    item["tasks"] = LinesJson(b.tasks);
    breakthroughs.push_back(std::move(item));
  }
  j["breakthrough_tasks"] = std::move(breakthroughs);
  Json sections = Json::array();
  for (const review::TaskSection& s : r.task_sections) {
    Json item;
    item["resolution"] = ResolutionJson(s.resolution);
    item["counts"] = TaskCountsJson(s.counts);
    item["documents"] = LinesJson(s.documents);
    item["projects"] = LinesJson(s.projects);
    item["overdue"] = LinesJson(s.overdue);
    item["done_late"] = LinesJson(s.done_late);
    sections.push_back(std::move(item));
  }
  j["task_sections"] = std::move(sections);
  j["party_building"] = PartyBuildingJson(r.party_building);
  Json findings = Json::array();
  for (const review::Finding& f : r.findings) findings.push_back(FindingJson(f));
  j["findings"] = std::move(findings);
  Json needing = Json::array();
  for (const review::TargetRow& t : r.needing_action) needing.push_back(t.target.code);
  j["needing_action"] = std::move(needing);
  Json orgs = Json::array();
  for (const review::OrgRow& o : r.organizations) {
    orgs.push_back(OrgRowJson(o, r.assessment.targets));
  }
  j["organizations"] = std::move(orgs);
  j["lessons"] = r.lessons;
  j["directions"] = r.directions;
  return j;
}

std::string ReviewJsonText(const review::Review& r) { return ReviewJson(r).dump(2) + "\n"; }

}  // namespace nq::web
