#include "review/review.h"

#include <algorithm>
#include <string>
#include <utility>

#include "common/format.h"
#include "review/review_findings.h"

namespace nq::review {
namespace {

constexpr int kEndOfTermGraceDays = 366;

std::string OrgName(const OrgTree& tree, int64_t id) {
  const Organization* o = tree.Find(id);
  return o ? o->name : "Tổ chức số " + std::to_string(id);
}

TaskLine MakeLine(const OrgTree& tree, const AssignedTask& t, const Date& as_of) {
  TaskLine l;
  l.id = t.id;
  l.title = t.title;
  l.owner_org_id = t.owner_org_id;
  l.owner = OrgName(tree, t.owner_org_id);
  l.state = StateAsOf(t, as_of);
  l.progress = t.progress_percent;
  l.next_due = NextDue(t, as_of);
  if (t.completed_on && !(as_of < *t.completed_on)) l.completed_on = t.completed_on;
  l.product = t.product;
  if (t.document && t.document->issued && !(as_of < *t.document->issued)) {
    l.document_number = t.document->number;
  }
  for (const TaskOccurrence& o : OccurrencesDueBy(t, as_of)) {
    if (o.completed_on && o.due < *o.completed_on && !(as_of < *o.completed_on)) {
      l.late.push_back(o);
    }
  }
  if (t.project) {
    l.milestones_total = static_cast<int>(t.project->milestones.size());
    for (const Milestone& m : t.project->milestones) {
      if (m.done_on && !(as_of < *m.done_on)) ++l.milestones_done;
    }
  }
  return l;
}

// Tasks assigned after as_of are not part of a review as of then.
std::vector<AssignedTask> AssignedBy(const std::vector<AssignedTask>& tasks, const Date& as_of) {
  std::vector<AssignedTask> out;
  for (const AssignedTask& t : tasks) {
    if (!(as_of < t.assigned)) out.push_back(t);
  }
  return out;
}

std::vector<BreakthroughSection> Breakthroughs(const ReviewInput& in) {
  std::vector<BreakthroughSection> out;
  std::vector<AssignedTask> own;
  if (!in.tasks.empty()) own = AssignedBy(in.tasks.front().tasks, in.as_of);
  for (const ResolutionTask& rt : in.resolution_tasks) {
    BreakthroughSection s;
    s.task = rt;
    std::vector<AssignedTask> serving;
    for (const AssignedTask& t : own) {
      if (t.resolution_task_id == rt.id) serving.push_back(t);
    }
    s.counts = CountStates(serving, in.as_of);
    for (const AssignedTask& t : serving) s.tasks.push_back(MakeLine(*in.tree, t, in.as_of));
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.task.kind == ResolutionTaskKind::kBreakthrough &&
           b.task.kind != ResolutionTaskKind::kBreakthrough;
  });
  return out;
}

TaskSection Section(const ReviewInput& in, const TaskGroup& group) {
  TaskSection s;
  s.resolution = group.resolution;
  const std::vector<AssignedTask> tasks = AssignedBy(group.tasks, in.as_of);
  s.counts = CountStates(tasks, in.as_of);
  for (const AssignedTask& t : tasks) {
    TaskLine l = MakeLine(*in.tree, t, in.as_of);
    if (l.state == TaskState::kOverdue) s.overdue.push_back(l);
    if (l.state == TaskState::kDoneLate) s.done_late.push_back(l);
    if (t.product == ProductKind::kDocument) s.documents.push_back(std::move(l));
    else if (t.product == ProductKind::kProject) s.projects.push_back(std::move(l));
  }
  return s;
}

bool NeedsAction(analytics::TargetStatus s) {
  using analytics::TargetStatus;
  return s == TargetStatus::kBehind || s == TargetStatus::kAtRisk ||
         s == TargetStatus::kNotMet || s == TargetStatus::kNoData;
}

// A child's assessment of each of the review's targets, matched by code.
std::vector<analytics::TargetAssessment> ChildTargets(const analytics::ResolutionResult& review,
                                                      const analytics::ResolutionResult& child) {
  std::vector<analytics::TargetAssessment> out;
  for (const analytics::TargetResult& t : review.targets) {
    auto it = std::find_if(
        child.targets.begin(), child.targets.end(),
        [&](const analytics::TargetResult& c) { return c.target.code == t.target.code; });
    out.push_back(it == child.targets.end() ? analytics::TargetAssessment{} : it->assessment);
  }
  return out;
}

std::vector<OrgRow> OrgRows(const ReviewInput& in) {
  std::vector<OrgRow> out;
  for (int64_t id : in.tree->Children(in.root_org)) {
    const Organization* org = in.tree->Find(id);
    if (!IsActiveOn(*org, in.as_of)) continue;
    auto child =
        std::find_if(in.children.begin(), in.children.end(),
                     [&](const analytics::ResolutionResult& c) { return c.root_org == id; });
    if (child == in.children.end()) continue;
    OrgRow row;
    row.org_id = id;
    row.code = org->code;
    row.name = org->name;
    row.targets = ChildTargets(in.assessment, *child);
    for (const OrgReporting& o : in.reporting) {
      if (!in.tree->InSubtree(id, o.org_id)) continue;
      row.reports_on_time += o.on_time;
      row.reports_late += o.late;
      row.reports_missing += o.missing;
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

const char* ReviewKindCode(ReviewKind k) {
  return k == ReviewKind::kMidTerm ? "midterm" : "endterm";
}

const char* ReviewKindLabel(ReviewKind k) {
  return k == ReviewKind::kMidTerm ? "sơ kết giữa nhiệm kỳ" : "tổng kết nhiệm kỳ";
}

std::optional<ReviewKind> ParseReviewKind(std::string_view code) {
  if (code == "midterm") return ReviewKind::kMidTerm;
  if (code == "endterm") return ReviewKind::kEndOfTerm;
  return std::nullopt;
}

Result<ReviewKind> ReviewKindOf(std::string_view code) {
  std::optional<ReviewKind> k = ParseReviewKind(code);
  if (!k) {
    return Status::Invalid("review.kind_unknown",
                           "Loại báo cáo phải là midterm (sơ kết) hoặc endterm (tổng kết)");
  }
  return *k;
}

std::string TaskDetailText(const TaskLine& t, const Date& as_of) {
  switch (t.state) {
    case TaskState::kOverdue: {
      if (!t.next_due) return "quá hạn";
      const int64_t days = DaysFromCivil(as_of) - DaysFromCivil(*t.next_due);
      return "hạn " + FormatVi(*t.next_due) + ", quá hạn " + std::to_string(days) + " ngày";
    }
    case TaskState::kDoneLate: {
      std::string out;
      for (const TaskOccurrence& o : t.late) {
        if (!out.empty()) out += "; ";
        if (o.period) out += o.period->Label() + ": ";
        out += "hạn " + FormatVi(o.due) + ", hoàn thành " + FormatVi(*o.completed_on) + " (trễ " +
               std::to_string(DaysFromCivil(*o.completed_on) - DaysFromCivil(o.due)) + " ngày)";
      }
      return out;
    }
    case TaskState::kDoneOnTime:
      return t.completed_on ? "hoàn thành " + FormatVi(*t.completed_on) : std::string();
    default:
      return t.next_due ? "hạn " + FormatVi(*t.next_due) : std::string();
  }
}

Result<Review> BuildReview(const ReviewInput& in) {
  if (in.tree == nullptr || in.tree->Find(in.root_org) == nullptr) {
    return Status::Invalid("review.org_unknown", "Không có tổ chức được sơ kết, tổng kết");
  }
  const Date last = in.kind == ReviewKind::kMidTerm ? in.term.end
                                                    : AddDays(in.term.end, kEndOfTermGraceDays);
  if (in.as_of < in.term.start || last < in.as_of) {
    return Status::Invalid("review.as_of_outside_term",
                           "Ngày " + FormatVi(in.as_of) + " nằm ngoài " + in.term.name + " (" +
                               FormatVi(in.term.start) + " - " + FormatVi(in.term.end) + ")");
  }
  if (in.assessment.targets.empty()) {
    return Status::Invalid("review.no_targets", "Nghị quyết " + in.resolution.number +
                                                    " chưa có mục tiêu nào để đánh giá");
  }
  Review r;
  r.kind = in.kind;
  r.as_of = in.as_of;
  r.term = in.term;
  r.resolution = in.resolution;
  r.root_org = in.root_org;
  r.root_name = OrgName(*in.tree, in.root_org);
  r.assessment = in.assessment;
  for (const analytics::TargetResult& t : in.assessment.targets) {
    if (NeedsAction(t.assessment.status)) r.needing_action.push_back(t);
  }
  r.breakthroughs = Breakthroughs(in);
  for (const TaskGroup& group : in.tasks) r.task_sections.push_back(Section(in, group));
  r.findings = FindLimitations(r, in);
  if (!in.records.empty()) {
    const PartyBuildingInput party{in.tree,         in.root_org,     in.term,
                                   in.as_of,        in.record_types, in.records};
    PartyBuilding figures = BuildPartyBuilding(party, &r.findings);
    if (!figures.empty()) r.party_building = std::move(figures);
  }
  r.organizations = OrgRows(in);
  return r;
}

}  // namespace nq::review
