// Assigned tasks in the resolution file, and the tasks file of `nqtrack export tasks`
// (docs/formats.md): organizations by code, the resolution task by title, the parent by ref.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/task_status.h"
#include "web/resolution_file.h"
#include "web/resolution_file_internal.h"
#include "web/task_json.h"

namespace nq::web {

using nlohmann::ordered_json;

namespace file_internal {
namespace {

// "deadline": {"recurrence": "once", "due": ...} or {"recurrence": ..., "offset_days": ...,
// "until": ...}.
void ReadDeadline(Fields& f, TaskDeadline& d) {
  d.recurrence = f.Enum<TaskRecurrence>("recurrence", ParseTaskRecurrence, TaskRecurrence::kOnce);
  const bool once = d.recurrence == TaskRecurrence::kOnce;
  for (const char* key : {"offset_days", "until"}) {
    if (once && f.Get(key, false) != nullptr) {
      f.Problem(key, "chỉ dùng cho nhiệm vụ định kỳ");
    }
  }
  if (!once && f.Get("due", false) != nullptr) {
    f.Problem("due", "nhiệm vụ định kỳ không có hạn một lần (hạn từng kỳ theo offset_days)");
  }
  if (once) {
    d.due = f.DateField("due").value_or(d.due);
  } else {
    d.offset_days = f.Int("offset_days", 10);
    d.until = f.DateField("until", false);
  }
}

ConcretizingDocument ReadDocument(Fields& f) {
  ConcretizingDocument d;
  d.number = f.String("number", false);
  d.title = f.String("title", false);
  d.issued = f.DateField("issued", false);
  d.issuing_body = f.String("issuing_body", false);
  return d;
}

KeyProject ReadProject(Fields& f, std::vector<std::string>* problems) {
  KeyProject p;
  p.name = f.String("name");
  p.location = f.String("location", false);
  Each(f, "milestones", false, problems, [&](Fields& m, size_t) {
    Milestone ms;
    ms.title = m.String("title");
    ms.due = m.DateField("due").value_or(ms.due);
    ms.done_on = m.DateField("done_on", false);
    p.milestones.push_back(std::move(ms));
  });
  return p;
}

ordered_json DeadlineFileJson(const TaskDeadline& d) {
  ordered_json j;
  j["recurrence"] = TaskRecurrenceCode(d.recurrence);
  if (d.recurrence == TaskRecurrence::kOnce) {
    j["due"] = FormatIso(d.due);
  } else {
    j["offset_days"] = d.offset_days;
    if (d.until) j["until"] = FormatIso(*d.until);
  }
  return j;
}

ordered_json ProjectFileJson(const KeyProject& p) {
  ordered_json j;
  j["name"] = p.name;
  if (!p.location.empty()) j["location"] = p.location;
  j["milestones"] = ordered_json::array();
  for (const Milestone& m : p.milestones) {
    ordered_json mj;
    mj["title"] = m.title;
    mj["due"] = FormatIso(m.due);
    if (m.done_on) mj["done_on"] = FormatIso(*m.done_on);
    j["milestones"].push_back(mj);
  }
  return j;
}

// The task with what export computes as of the date: its state, and for a recurring task the
// occurrences due by then with theirs (and their completion dates up to the date).
ordered_json TaskWithState(const BundleTask& b, const Date& as_of) {
  ordered_json j = AssignedTaskJson(b);
  const TaskState state = StateAsOf(b.task, as_of);
  j["state"] = TaskStateCode(state);
  j["state_label"] = TaskStateLabel(state);
  if (b.task.deadline.recurrence == TaskRecurrence::kOnce || state == TaskState::kNotAssigned) {
    return j;
  }
  j["occurrences"] = ordered_json::array();
  for (const TaskOccurrence& o : OccurrencesDueBy(b.task, as_of)) {
    ordered_json oj;
    if (o.period) oj["period"] = o.period->ToString();
    oj["due"] = FormatIso(o.due);
    // As the date saw it: a completion recorded later is not shown.
    if (o.completed_on && !(as_of < *o.completed_on))
      oj["completed_on"] = FormatIso(*o.completed_on);
    oj["state"] = TaskStateCode(DeadlineState(o.due, o.completed_on, as_of));
    j["occurrences"].push_back(oj);
  }
  return j;
}

}  // namespace

void ReadAssignedTasks(Fields& parent, const std::string& key, bool computed,
                       std::vector<BundleTask>* out, std::vector<std::string>* problems) {
  Each(parent, key, false, problems, [&](Fields& f, size_t) {
    BundleTask b;
    AssignedTask& t = b.task;
    b.ref = f.String("ref");
    t.title = f.String("title");
    b.resolution_task = f.String("resolution_task", false);
    b.parent_ref = f.String("parent", false);
    b.owner_code = f.String("owner");
    b.cooperating_codes = f.Strings("cooperating");
    t.assigning_document = f.String("assigning_document", false);
    t.assigned = f.DateField("assigned").value_or(t.assigned);
    if (const json* d = f.Get("deadline", true)) {
      Fields df(*d, f.Path("deadline"), problems);
      ReadDeadline(df, t.deadline);
    }
    t.product = f.Enum<ProductKind>("product", ParseProductKind, ProductKind::kNone, false);
    if (const json* d = f.Get("document", false)) {
      Fields df(*d, f.Path("document"), problems);
      t.document = ReadDocument(df);
    }
    if (const json* p = f.Get("project", false)) {
      Fields pf(*p, f.Path("project"), problems);
      t.project = ReadProject(pf, problems);
    }
    t.report_ref = f.String("report_ref", false);
    t.completed_on = f.DateField("completed_on", false);
    Each(f, "completions", false, problems, [&](Fields& c, size_t) {
      OccurrenceCompletion oc;
      if (std::optional<Period> p = PeriodField(c, "period")) oc.period = *p;
      oc.completed_on = c.DateField("completed_on").value_or(oc.completed_on);
      oc.report_ref = c.String("report_ref", false);
      t.occurrence_completions.push_back(std::move(oc));
    });
    t.progress_percent = f.Int("progress", 0);
    if (computed) {
      for (const char* output_only : {"state", "state_label", "occurrences"}) {
        f.Get(output_only, false);
      }
    }
    out->push_back(std::move(b));
  });
}

ordered_json AssignedTaskJson(const BundleTask& b) {
  const AssignedTask& t = b.task;
  ordered_json j;
  j["ref"] = b.ref;
  j["title"] = t.title;
  if (!b.resolution_task.empty()) j["resolution_task"] = b.resolution_task;
  if (!b.parent_ref.empty()) j["parent"] = b.parent_ref;
  j["owner"] = b.owner_code;
  if (!b.cooperating_codes.empty()) j["cooperating"] = b.cooperating_codes;
  if (!t.assigning_document.empty()) j["assigning_document"] = t.assigning_document;
  j["assigned"] = FormatIso(t.assigned);
  j["deadline"] = DeadlineFileJson(t.deadline);
  j["product"] = ProductKindCode(t.product);
  if (t.document) {
    ordered_json d;
    d["number"] = t.document->number;
    d["title"] = t.document->title;
    if (t.document->issued) d["issued"] = FormatIso(*t.document->issued);
    d["issuing_body"] = t.document->issuing_body;
    j["document"] = d;
  }
  if (t.project) j["project"] = ProjectFileJson(*t.project);
  if (!t.report_ref.empty()) j["report_ref"] = t.report_ref;
  if (t.completed_on) j["completed_on"] = FormatIso(*t.completed_on);
  if (!t.occurrence_completions.empty()) {
    j["completions"] = ordered_json::array();
    for (const OccurrenceCompletion& c : t.occurrence_completions) {
      ordered_json cj;
      cj["period"] = c.period.ToString();
      cj["completed_on"] = FormatIso(c.completed_on);
      if (!c.report_ref.empty()) cj["report_ref"] = c.report_ref;
      j["completions"].push_back(cj);
    }
  }
  j["progress"] = t.progress_percent;
  return j;
}

}  // namespace file_internal

std::string WriteTasksFile(const std::vector<ResolutionTasks>& resolutions, const Date& as_of) {
  ordered_json j;
  j["format"] = "nqtrack.tasks";
  j["version"] = 1;
  j["as_of"] = FormatIso(as_of);
  j["resolutions"] = ordered_json::array();
  for (const ResolutionTasks& r : resolutions) {
    ordered_json rj;
    rj["number"] = r.resolution.number;
    rj["title"] = r.resolution.title;
    ordered_json tasks = ordered_json::array();
    std::vector<AssignedTask> all;
    for (const BundleTask& b : r.tasks) {
      tasks.push_back(file_internal::TaskWithState(b, as_of));
      all.push_back(b.task);
    }
    rj["counts"] = TaskCountsJson(CountStates(all, as_of));
    rj["assigned_tasks"] = tasks;
    j["resolutions"].push_back(rj);
  }
  return j.dump(1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Result<std::vector<ResolutionTasks>> ParseTasksFile(std::string_view text) {
  NQ_ASSIGN_OR_RETURN(nlohmann::json doc, file_internal::ParseFileJson(text));
  if (file_internal::IsFormat(doc, "nqtrack.resolution")) {
    NQ_ASSIGN_OR_RETURN(ResolutionBundle b, ParseResolutionFile(text));
    return std::vector<ResolutionTasks>{{b.resolution, b.assigned_tasks}};
  }
  if (!file_internal::IsFormat(doc, "nqtrack.tasks")) {
    return Status::Invalid("file.format",
                           "Tệp không phải tệp nhiệm vụ hay tệp nghị quyết của nqtrack (cần "
                           "\"format\": \"nqtrack.tasks\" hoặc \"nqtrack.resolution\", "
                           "\"version\": 1)");
  }
  std::vector<std::string> problems;
  std::vector<ResolutionTasks> out;
  {
    file_internal::Fields root(doc, "", &problems);
    root.Get("format", true);
    root.Get("version", true);
    root.DateField("as_of", false);
    file_internal::Each(
        root, "resolutions", true, &problems, [&](file_internal::Fields& f, size_t) {
          ResolutionTasks r;
          r.resolution.number = f.String("number");
          r.resolution.title = f.String("title", false);
          f.Get("counts", false);
          file_internal::ReadAssignedTasks(f, "assigned_tasks", true, &r.tasks, &problems);
          out.push_back(std::move(r));
        });
  }
  NQ_RETURN_IF_ERROR(InvalidWithLines("file.invalid", "Tệp nhiệm vụ không hợp lệ:", problems));
  return out;
}

}  // namespace nq::web
