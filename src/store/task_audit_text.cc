#include "store/task_audit_text.h"

#include <cstdint>
#include <optional>
#include <vector>

#include "common/json_text.h"
#include "common/time.h"

namespace nq::store {
namespace {

std::string DeadlineJson(const TaskDeadline& d) {
  return JsonObjectText()
      .Add("recurrence", TaskRecurrenceCode(d.recurrence))
      .Add("due", FormatIso(d.due))
      .Add("offset_days", d.offset_days)
      .Add("until", d.until)
      .str();
}

std::string DocumentJson(const std::optional<ConcretizingDocument>& d) {
  if (!d) return "null";
  return JsonObjectText()
      .Add("number", d->number)
      .Add("title", d->title)
      .Add("issued", d->issued)
      .Add("issuing_body", d->issuing_body)
      .str();
}

std::string ProjectJson(const std::optional<KeyProject>& p) {
  if (!p) return "null";
  return JsonObjectText()
      .Add("name", p->name)
      .Add("location", p->location)
      .AddRaw("milestones", JsonArray(p->milestones,
                                      [](const Milestone& m) {
                                        return JsonObjectText()
                                            .Add("title", m.title)
                                            .Add("due", FormatIso(m.due))
                                            .Add("done_on", m.done_on)
                                            .str();
                                      }))
      .str();
}

std::string CompletionJson(const OccurrenceCompletion& c) {
  return JsonObjectText()
      .Add("period", c.period.ToString())
      .Add("completed_on", FormatIso(c.completed_on))
      .Add("report_ref", c.report_ref)
      .str();
}

std::string EvidenceJson(const EvidenceInfo& e) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(e.id))
      .Add("file_name", e.file_name)
      .Add("type", EvidenceTypeCode(e.type))
      .Add("size", static_cast<int64_t>(e.size))
      .Add("sha256", e.sha256)
      .str();
}

}  // namespace

std::string AssignedTaskJson(const AssignedTask& t) {
  return JsonObjectText()
      .Add("id", static_cast<int64_t>(t.id))
      .Add("resolution_id", static_cast<int64_t>(t.resolution_id))
      .Add("resolution_task_id", t.resolution_task_id)
      .Add("parent_id", t.parent_id)
      .Add("title", t.title)
      .Add("owner_org_id", static_cast<int64_t>(t.owner_org_id))
      .Add("assigning_document", t.assigning_document)
      .Add("assigned", FormatIso(t.assigned))
      .Add("product", ProductKindCode(t.product))
      .Add("report_ref", t.report_ref)
      .Add("completed_on", t.completed_on)
      .Add("progress_percent", t.progress_percent)
      .AddRaw("cooperating_org_ids",
              JsonArray(t.cooperating_org_ids, [](int64_t id) { return std::to_string(id); }))
      .AddRaw("deadline", DeadlineJson(t.deadline))
      .AddRaw("document", DocumentJson(t.document))
      .AddRaw("project", ProjectJson(t.project))
      .AddRaw("occurrence_completions", JsonArray(t.occurrence_completions, CompletionJson))
      .str();
}

std::string TaskUpdateJson(const TaskUpdate& u) {
  JsonObjectText j;
  j.Add("id", static_cast<int64_t>(u.id))
      .Add("task_id", static_cast<int64_t>(u.task_id))
      .Add("at", static_cast<int64_t>(u.at))
      .Add("user_id", static_cast<int64_t>(u.user_id))
      .Add("username", u.username)
      .Add("old_percent", u.old_percent)
      .Add("percent", u.percent)
      .Add("note", u.note)
      .Add("reason", u.reason)
      .Add("completed_on", u.completed_on);
  if (u.period) {
    j.Add("period", u.period->ToString());
  } else {
    j.AddNull("period");
  }
  return j.AddRaw("evidence", JsonArray(u.evidence, EvidenceJson)).str();
}

}  // namespace nq::store
