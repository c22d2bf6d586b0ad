#include "web/task_json.h"

#include <string>
#include <utility>

#include "domain/evidence.h"
#include "domain/period.h"

namespace nq::web {
namespace {

Json IdOrNull(const std::optional<int64_t>& id) { return id ? Json(*id) : Json(nullptr); }

Json PeriodOrNull(const std::optional<Period>& p) {
  return p ? Json(p->ToString()) : Json(nullptr);
}

void AddState(TaskState s, const std::optional<Date>& next_due, Json* j) {
  (*j)["state"] = TaskStateCode(s);
  (*j)["state_label"] = TaskStateLabel(s);
  (*j)["next_due"] = DateOrNull(next_due);
}

Json DeadlineJson(const TaskDeadline& d) {
  Json j;
  j["recurrence"] = TaskRecurrenceCode(d.recurrence);
  j["recurrence_label"] = TaskRecurrenceLabel(d.recurrence);
  if (d.recurrence == TaskRecurrence::kOnce) {
    j["due"] = FormatIso(d.due);
  } else {
    j["offset_days"] = d.offset_days;
    j["until"] = DateOrNull(d.until);
  }
  return j;
}

Json DocumentJson(const std::optional<ConcretizingDocument>& d) {
  if (!d) return nullptr;
  return Json{{"number", d->number},
              {"title", d->title},
              {"issued", DateOrNull(d->issued)},
              {"issuing_body", d->issuing_body}};
}

Json ProjectJson(const std::optional<KeyProject>& p) {
  if (!p) return nullptr;
  Json milestones = Json::array();
  for (const Milestone& m : p->milestones) {
    milestones.push_back(
        Json{{"title", m.title}, {"due", FormatIso(m.due)}, {"done_on", DateOrNull(m.done_on)}});
  }
  return Json{{"name", p->name}, {"location", p->location}, {"milestones", std::move(milestones)}};
}

}  // namespace

Json TaskJson(const AssignedTask& t, const OrgTree* tree) {
  const Organization* owner = tree ? tree->Find(t.owner_org_id) : nullptr;
  Json j;
  j["id"] = t.id;
  j["resolution_id"] = t.resolution_id;
  j["resolution_task_id"] = IdOrNull(t.resolution_task_id);
  j["parent_id"] = IdOrNull(t.parent_id);
  j["title"] = t.title;
  j["owner_org_id"] = t.owner_org_id;
  j["owner_name"] = owner ? owner->name : std::string();
  j["cooperating_org_ids"] = t.cooperating_org_ids;
  j["assigning_document"] = t.assigning_document;
  j["assigned"] = FormatIso(t.assigned);
  j["deadline"] = DeadlineJson(t.deadline);
  j["product"] = ProductKindCode(t.product);
  j["product_label"] = ProductKindLabel(t.product);
  j["document"] = DocumentJson(t.document);
  j["project"] = ProjectJson(t.project);
  j["report_ref"] = t.report_ref;
  j["completed_on"] = DateOrNull(t.completed_on);
  Json completions = Json::array();
  for (const OccurrenceCompletion& c : t.occurrence_completions) {
    completions.push_back(Json{{"period", c.period.ToString()},
                               {"completed_on", FormatIso(c.completed_on)},
                               {"report_ref", c.report_ref}});
  }
  j["occurrence_completions"] = std::move(completions);
  j["progress_percent"] = t.progress_percent;
  return j;
}

Json TaskRowJson(const TaskRow& row, const OrgTree* tree) {
  Json j = TaskJson(row.task, tree);
  AddState(row.state, row.next_due, &j);
  return j;
}

Json TaskDetailJson(const TaskDetail& d, const Date& as_of, const OrgTree* tree) {
  Json j = TaskJson(d.task, tree);
  AddState(d.state, d.next_due, &j);
  Json occurrences = Json::array();
  for (const TaskOccurrence& o : d.occurrences) {
    const TaskState s = DeadlineState(o.due, o.completed_on, as_of);
    occurrences.push_back(Json{{"period", PeriodOrNull(o.period)},
                               {"period_label", o.period ? Json(o.period->Label()) : Json(nullptr)},
                               {"due", FormatIso(o.due)},
                               {"completed_on", DateOrNull(o.completed_on)},
                               {"state", TaskStateCode(s)},
                               {"state_label", TaskStateLabel(s)}});
  }
  j["occurrences"] = std::move(occurrences);
  Json updates = Json::array();
  for (const TaskUpdate& u : d.updates) updates.push_back(TaskUpdateJson(u));
  j["updates"] = std::move(updates);
  Json subtasks = Json::array();
  for (const TaskRow& row : d.subtasks) subtasks.push_back(TaskRowJson(row, tree));
  j["subtasks"] = std::move(subtasks);
  j["can_report"] = d.can_report;
  j["can_edit"] = d.can_edit;
  return j;
}

Json TaskUpdateJson(const TaskUpdate& u) {
  Json j;
  j["id"] = u.id;
  j["task_id"] = u.task_id;
  j["at"] = FormatIsoInstant(u.at);
  j["user_id"] = u.user_id;
  j["username"] = u.username;
  j["old_percent"] = u.old_percent;
  j["percent"] = u.percent;
  j["note"] = u.note;
  j["reason"] = u.reason;
  j["completed_on"] = DateOrNull(u.completed_on);
  j["period"] = PeriodOrNull(u.period);
  Json evidence = Json::array();
  for (const EvidenceInfo& e : u.evidence) evidence.push_back(EvidenceJson(e));
  j["evidence"] = std::move(evidence);
  return j;
}

Json EvidenceJson(const EvidenceInfo& e) {
  Json j;
  j["id"] = e.id;
  j["file_name"] = e.file_name;
  j["type"] = EvidenceTypeCode(e.type);
  j["type_label"] = EvidenceTypeLabel(e.type);
  j["size"] = e.size;
  j["sha256"] = e.sha256;
  j["url"] = "/api/v1/evidence/" + std::to_string(e.id);
  return j;
}

Json TaskCountsJson(const TaskCounts& c) {
  Json j;
  for (TaskState s : {TaskState::kDoneOnTime, TaskState::kDoneLate, TaskState::kOpenInTime,
                      TaskState::kOverdue, TaskState::kNotAssigned}) {
    j[TaskStateCode(s)] = c.Get(s);
  }
  j["assigned"] = c.Assigned();
  return j;
}

}  // namespace nq::web
