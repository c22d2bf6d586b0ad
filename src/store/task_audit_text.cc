#include "store/task_audit_text.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/json_text.h"
#include "common/time.h"

namespace nq::store {
namespace {

// The object text `obj` (from JsonObjectText::str()) with `"key":raw` added at its end.
std::string Nest(std::string obj, std::string_view key, const std::string& raw) {
  obj.insert(obj.size() - 1, (obj.size() > 2 ? "," : "") + JsonQuote(key) + ":" + raw);
  return obj;
}

std::string List(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return "[" + out + "]";
}

void AddDate(JsonObjectText* j, std::string_view key, const std::optional<Date>& d) {
  if (d) {
    j->Add(key, FormatIso(*d));
  } else {
    j->AddNull(key);
  }
}

std::string DeadlineJson(const TaskDeadline& d) {
  JsonObjectText j;
  j.Add("recurrence", TaskRecurrenceCode(d.recurrence))
      .Add("due", FormatIso(d.due))
      .Add("offset_days", d.offset_days);
  AddDate(&j, "until", d.until);
  return j.str();
}

std::string DocumentJson(const std::optional<ConcretizingDocument>& d) {
  if (!d) return "null";
  JsonObjectText j;
  j.Add("number", d->number).Add("title", d->title);
  AddDate(&j, "issued", d->issued);
  return j.Add("issuing_body", d->issuing_body).str();
}

std::string ProjectJson(const std::optional<KeyProject>& p) {
  if (!p) return "null";
  std::vector<std::string> milestones;
  milestones.reserve(p->milestones.size());
  for (const Milestone& m : p->milestones) {
    JsonObjectText j;
    j.Add("title", m.title).Add("due", FormatIso(m.due));
    AddDate(&j, "done_on", m.done_on);
    milestones.push_back(j.str());
  }
  return Nest(JsonObjectText().Add("name", p->name).Add("location", p->location).str(),
              "milestones", List(milestones));
}

std::string CompletionsJson(const std::vector<OccurrenceCompletion>& completions) {
  std::vector<std::string> items;
  items.reserve(completions.size());
  for (const OccurrenceCompletion& c : completions) {
    items.push_back(JsonObjectText()
                        .Add("period", c.period.ToString())
                        .Add("completed_on", FormatIso(c.completed_on))
                        .Add("report_ref", c.report_ref)
                        .str());
  }
  return List(items);
}

std::string EvidenceJson(const std::vector<EvidenceInfo>& evidence) {
  std::vector<std::string> items;
  items.reserve(evidence.size());
  for (const EvidenceInfo& e : evidence) {
    items.push_back(JsonObjectText()
                        .Add("id", static_cast<int64_t>(e.id))
                        .Add("file_name", e.file_name)
                        .Add("type", EvidenceTypeCode(e.type))
                        .Add("size", static_cast<int64_t>(e.size))
                        .Add("sha256", e.sha256)
                        .str());
  }
  return List(items);
}

}  // namespace

std::string AssignedTaskJson(const AssignedTask& t) {
  JsonObjectText j;
  j.Add("id", static_cast<int64_t>(t.id))
      .Add("resolution_id", static_cast<int64_t>(t.resolution_id))
      .Add("resolution_task_id", t.resolution_task_id)
      .Add("parent_id", t.parent_id)
      .Add("title", t.title)
      .Add("owner_org_id", static_cast<int64_t>(t.owner_org_id))
      .Add("assigning_document", t.assigning_document)
      .Add("assigned", FormatIso(t.assigned))
      .Add("product", ProductKindCode(t.product))
      .Add("report_ref", t.report_ref);
  AddDate(&j, "completed_on", t.completed_on);
  j.Add("progress_percent", t.progress_percent);
  std::vector<std::string> cooperating;
  cooperating.reserve(t.cooperating_org_ids.size());
  for (int64_t id : t.cooperating_org_ids) cooperating.push_back(std::to_string(id));
  std::string obj = Nest(j.str(), "cooperating_org_ids", List(cooperating));
  obj = Nest(std::move(obj), "deadline", DeadlineJson(t.deadline));
  obj = Nest(std::move(obj), "document", DocumentJson(t.document));
  obj = Nest(std::move(obj), "project", ProjectJson(t.project));
  return Nest(std::move(obj), "occurrence_completions", CompletionsJson(t.occurrence_completions));
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
      .Add("reason", u.reason);
  AddDate(&j, "completed_on", u.completed_on);
  if (u.period) {
    j.Add("period", u.period->ToString());
  } else {
    j.AddNull("period");
  }
  return Nest(j.str(), "evidence", EvidenceJson(u.evidence));
}

}  // namespace nq::store
