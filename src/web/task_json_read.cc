// Strict reading of task bodies (task_json.h); the encoders are in task_json.cc.
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "domain/period.h"
#include "web/task_json.h"

namespace nq::web {
namespace {

constexpr size_t kMaxCooperating = 100;
constexpr size_t kMaxMilestones = 200;
constexpr size_t kMaxCompletions = 1000;

Status ReadPeriod(JsonObjectReader& body, std::string_view key, std::optional<Period>* out) {
  std::optional<std::string> id;
  NQ_RETURN_IF_ERROR(body.GetString(key, &id));
  if (!id) return Status::Ok();
  NQ_ASSIGN_OR_RETURN(Period p, Period::Parse(*id));
  *out = p;
  return Status::Ok();
}

Status ReadDeadline(JsonObjectReader& r, TaskDeadline* d) {
  NQ_RETURN_IF_ERROR(GetCode(r, "recurrence", ParseTaskRecurrence,
                             "once, monthly, quarterly, yearly", &d->recurrence));
  std::optional<Date> date;
  if (d->recurrence == TaskRecurrence::kOnce) {
    NQ_RETURN_IF_ERROR(r.GetDate("due", &date));
    NQ_RETURN_IF_ERROR(r.Finish());
    NQ_RETURN_IF_ERROR(r.Require("due"));
    d->due = *date;
    return Status::Ok();
  }
  std::optional<int64_t> offset;
  NQ_RETURN_IF_ERROR(r.GetInt("offset_days", 0, 366, &offset));
  if (offset) d->offset_days = static_cast<int>(*offset);
  NQ_RETURN_IF_ERROR(r.GetDate("until", &date));
  d->until = date;
  return r.Finish();
}

// `progress`: the number and the issue date are read too.
Status ReadDocument(JsonObjectReader& r, bool progress, ConcretizingDocument* doc) {
  if (progress) {
    NQ_RETURN_IF_ERROR(r.GetString("number", &doc->number));
    NQ_RETURN_IF_ERROR(r.GetDate("issued", &doc->issued));
  }
  NQ_RETURN_IF_ERROR(r.GetString("title", &doc->title));
  NQ_RETURN_IF_ERROR(r.GetString("issuing_body", &doc->issuing_body));
  return r.Finish();
}

// `progress`: the milestones' done_on are read too.
Status ReadProject(JsonObjectReader& r, bool progress, KeyProject* p) {
  NQ_RETURN_IF_ERROR(r.GetString("name", &p->name));
  NQ_RETURN_IF_ERROR(r.GetString("location", &p->location));
  std::optional<std::vector<JsonObjectReader>> items;
  NQ_RETURN_IF_ERROR(r.GetObjects("milestones", kMaxMilestones, &items));
  NQ_RETURN_IF_ERROR(r.Finish());
  if (!items) return Status::Ok();
  for (JsonObjectReader& item : *items) {
    Milestone m;
    std::optional<Date> due;
    NQ_RETURN_IF_ERROR(WithinField("milestones", item.GetString("title", &m.title)));
    NQ_RETURN_IF_ERROR(WithinField("milestones", item.GetDate("due", &due)));
    if (progress)
      NQ_RETURN_IF_ERROR(WithinField("milestones", item.GetDate("done_on", &m.done_on)));
    NQ_RETURN_IF_ERROR(WithinField("milestones", item.Finish()));
    NQ_RETURN_IF_ERROR(WithinField("milestones", item.Require("due")));
    m.due = *due;
    p->milestones.push_back(std::move(m));
  }
  return Status::Ok();
}

Status ReadCompletions(JsonObjectReader& body, std::vector<OccurrenceCompletion>* out) {
  std::optional<std::vector<JsonObjectReader>> items;
  NQ_RETURN_IF_ERROR(body.GetObjects("occurrence_completions", kMaxCompletions, &items));
  if (!items) return Status::Ok();
  for (JsonObjectReader& item : *items) {
    constexpr std::string_view kField = "occurrence_completions";
    std::optional<Period> period;
    std::optional<Date> on;
    OccurrenceCompletion c;
    NQ_RETURN_IF_ERROR(WithinField(kField, ReadPeriod(item, "period", &period)));
    NQ_RETURN_IF_ERROR(WithinField(kField, item.GetDate("completed_on", &on)));
    NQ_RETURN_IF_ERROR(WithinField(kField, item.GetString("report_ref", &c.report_ref)));
    NQ_RETURN_IF_ERROR(WithinField(kField, item.Finish()));
    for (const char* f : {"period", "completed_on"}) {
      NQ_RETURN_IF_ERROR(WithinField(kField, item.Require(f)));
    }
    c.period = *period;
    c.completed_on = *on;
    out->push_back(std::move(c));
  }
  return Status::Ok();
}

// The progress fields of a task shape (create only).
Status ReadTaskProgress(JsonObjectReader& body, AssignedTask* t) {
  std::optional<int64_t> percent;
  NQ_RETURN_IF_ERROR(body.GetInt("progress_percent", 0, 100, &percent));
  if (percent) t->progress_percent = static_cast<int>(*percent);
  NQ_RETURN_IF_ERROR(body.GetDate("completed_on", &t->completed_on));
  NQ_RETURN_IF_ERROR(body.GetString("report_ref", &t->report_ref));
  return ReadCompletions(body, &t->occurrence_completions);
}

}  // namespace

Status ReadTaskFields(JsonObjectReader& body, bool create, AssignedTask* t) {
  if (create) {
    std::optional<int64_t> resolution;
    NQ_RETURN_IF_ERROR(body.GetInt("resolution_id", 1, kMaxId, &resolution));
    if (resolution) t->resolution_id = *resolution;
  } else {
    // The body replaces the definition: what it leaves out is reset.
    t->resolution_task_id.reset();
    t->parent_id.reset();
    t->cooperating_org_ids.clear();
    t->assigning_document.clear();
    t->product = ProductKind::kNone;
    t->document.reset();
    t->project.reset();
  }
  NQ_RETURN_IF_ERROR(body.GetInt("resolution_task_id", 1, kMaxId, &t->resolution_task_id));
  NQ_RETURN_IF_ERROR(body.GetInt("parent_id", 1, kMaxId, &t->parent_id));
  NQ_RETURN_IF_ERROR(body.GetString("title", &t->title));
  std::optional<int64_t> owner;
  NQ_RETURN_IF_ERROR(body.GetInt("owner_org_id", 1, kMaxId, &owner));
  if (owner) t->owner_org_id = *owner;
  std::optional<std::vector<int64_t>> cooperating;
  NQ_RETURN_IF_ERROR(body.GetInts("cooperating_org_ids", 1, kMaxId, kMaxCooperating, &cooperating));
  if (cooperating) t->cooperating_org_ids = std::move(*cooperating);
  NQ_RETURN_IF_ERROR(body.GetString("assigning_document", &t->assigning_document));
  std::optional<Date> assigned;
  NQ_RETURN_IF_ERROR(body.GetDate("assigned", &assigned));
  if (assigned) t->assigned = *assigned;
  std::optional<JsonObjectReader> nested;
  NQ_RETURN_IF_ERROR(body.GetObject("deadline", &nested));
  if (nested) {
    t->deadline = TaskDeadline{};
    NQ_RETURN_IF_ERROR(WithinField("deadline", ReadDeadline(*nested, &t->deadline)));
  }
  NQ_RETURN_IF_ERROR(
      GetCode(body, "product", ParseProductKind, "none, document, project, report", &t->product));
  nested.reset();
  NQ_RETURN_IF_ERROR(body.GetObject("document", &nested));
  if (nested) {
    t->document.emplace();
    NQ_RETURN_IF_ERROR(WithinField("document", ReadDocument(*nested, create, &*t->document)));
  }
  nested.reset();
  NQ_RETURN_IF_ERROR(body.GetObject("project", &nested));
  if (nested) {
    t->project.emplace();
    NQ_RETURN_IF_ERROR(WithinField("project", ReadProject(*nested, create, &*t->project)));
  }
  if (create) NQ_RETURN_IF_ERROR(ReadTaskProgress(body, t));
  NQ_RETURN_IF_ERROR(body.Finish());
  for (const char* field : {"resolution_id", "title", "owner_org_id", "assigned", "deadline"}) {
    if (create || std::string_view(field) != "resolution_id") {
      NQ_RETURN_IF_ERROR(body.Require(field));
    }
  }
  return Status::Ok();
}

Status ReadProgressJson(JsonObjectReader& body, const AssignedTask& task, ProgressInput* in) {
  std::optional<int64_t> percent;
  NQ_RETURN_IF_ERROR(body.GetInt("percent", 0, 100, &percent));
  if (percent) in->percent = static_cast<int>(*percent);
  NQ_RETURN_IF_ERROR(body.GetString("note", &in->note));
  NQ_RETURN_IF_ERROR(body.GetString("reason", &in->reason));
  NQ_RETURN_IF_ERROR(body.GetDate("completed_on", &in->completed_on));
  NQ_RETURN_IF_ERROR(ReadPeriod(body, "period", &in->period));
  std::optional<JsonObjectReader> doc;
  NQ_RETURN_IF_ERROR(body.GetObject("document", &doc));
  if (doc) {
    in->document = task.document.value_or(ConcretizingDocument{});
    NQ_RETURN_IF_ERROR(
        WithinField("document", ReadDocument(*doc, /*progress=*/true, &*in->document)));
  }
  NQ_RETURN_IF_ERROR(body.GetString("report_ref", &in->report_ref));
  std::optional<std::vector<JsonObjectReader>> done;
  NQ_RETURN_IF_ERROR(body.GetObjects("milestones_done", kMaxMilestones, &done));
  if (!done) done.emplace();
  for (JsonObjectReader& item : *done) {
    std::optional<int64_t> index;
    std::optional<Date> on;
    NQ_RETURN_IF_ERROR(
        WithinField("milestones_done", item.GetInt("index", 0, kMaxMilestones, &index)));
    NQ_RETURN_IF_ERROR(WithinField("milestones_done", item.GetDate("done_on", &on)));
    NQ_RETURN_IF_ERROR(WithinField("milestones_done", item.Finish()));
    for (const char* f : {"index", "done_on"}) {
      NQ_RETURN_IF_ERROR(WithinField("milestones_done", item.Require(f)));
    }
    in->milestones_done.push_back(MilestoneDone{static_cast<int>(*index), *on});
  }
  NQ_RETURN_IF_ERROR(body.Finish());
  return body.Require("percent");
}

}  // namespace nq::web
