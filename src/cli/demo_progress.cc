// The demo's assigned tasks as definitions and dated progress updates, and their creation
// through the service layer: tasks by ImportTasks, updates by PostProgressAsSystem, so the task
// pages show a history (notes, percents, issued documents, milestones, report numbers) that
// leads to each task's state on the review date.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/demo_data.h"
#include "cli/demo_random.h"
#include "domain/task_status.h"

namespace nq::cli {
namespace {

Date Iso(const char* s) { return ParseIsoDate(s).value(); }
std::optional<Date> MaybeIso(const char* s) {
  return *s == '\0' ? std::nullopt : std::optional<Date>(Iso(s));
}

// A working-hours instant (Vietnam time) on `d`.
int64_t At(const Date& d, SplitMix64& rng) {
  const int hour = 8 + rng.Between(0, 8);
  const int minute = rng.Between(0, 59);
  return DemoInstant(d, hour, minute);
}

// The day `share` of the way from `from` to `to`.
Date Between(const Date& from, const Date& to, double share) {
  const int64_t span = DaysFromCivil(to) - DaysFromCivil(from);
  return AddDays(from, static_cast<int64_t>(static_cast<double>(span) * share));
}

bool Listed(const char* list, const std::string& period) {
  const std::string text = std::string(" ") + list + " ";
  return text.find(" " + period + " ") != std::string::npos;
}

BundleTask Definition(const DemoTaskRow& r) {
  BundleTask b;
  b.ref = r.ref;
  b.parent_ref = r.parent;
  b.resolution_task = r.resolution_task;
  b.owner_code = r.owner;
  b.cooperating_codes = r.cooperating;
  AssignedTask& t = b.task;
  t.title = *r.title != '\0' ? std::string(r.title) : "Ban hành " + std::string(r.doc_title);
  t.assigning_document = r.assigning;
  t.assigned = Iso(r.assigned);
  t.deadline.recurrence = r.recurrence;
  t.deadline.offset_days = r.offset_days;
  if (r.recurrence == TaskRecurrence::kOnce) {
    t.deadline.due = Iso(r.due);
  } else {
    t.deadline.until = MaybeIso(r.due);
  }
  t.product = r.product;
  if (r.product == ProductKind::kDocument) {
    t.document = ConcretizingDocument{"", r.doc_title, std::nullopt, r.body};
  }
  if (r.product == ProductKind::kProject) {
    t.project = KeyProject{r.doc_title, r.body, {}};
    for (const DemoMilestone& m : r.milestones) {
      t.project->milestones.push_back({m.title, Iso(m.due), std::nullopt});
    }
  }
  return b;
}

const char* WorkNote(ProductKind p) {
  switch (p) {
    case ProductKind::kDocument:
      return "Đang dự thảo, lấy ý kiến các cơ quan, đơn vị liên quan";
    case ProductKind::kReport:
      return "Đang tổng hợp số liệu từ các chi bộ trực thuộc";
    case ProductKind::kProject:
      return "Đang triển khai thi công theo kế hoạch";
    case ProductKind::kNone:
      break;
  }
  return "Đang triển khai thực hiện";
}

// Updates of a recurring report: one per period reported, on time or late as the row says.
void RecurringUpdates(const DemoTaskRow& r, const AssignedTask& t, SplitMix64& rng,
                      DemoTaskPlan& plan) {
  const Date last_day = t.deadline.until.value_or(kDemoReviewDate);
  const size_t total = OccurrencesDueBy(t, AddDays(last_day, 400)).size();
  size_t done = 0;
  int number = rng.Between(3, 12);
  for (const TaskOccurrence& o : OccurrencesDueBy(t, kDemoReviewDate)) {
    const std::string id = o.period->ToString();
    if (Listed(r.missing, id)) continue;
    Date on = Listed(r.late, id) ? AddDays(o.due, rng.Between(3, 20))
                                 : AddDays(o.due, -rng.Between(0, std::min(6, r.offset_days)));
    on = std::min(on, AddDays(kDemoReviewDate, -1));
    ProgressInput in;
    in.percent = static_cast<int>(++done * 100 / total);
    in.note = "Đã gửi báo cáo " + o.period->Label();
    in.period = o.period;
    in.completed_on = on;
    in.report_ref = std::to_string(number) + "-" + r.number;
    number += rng.Between(4, 15);
    plan.updates.emplace_back(At(on, rng), std::move(in));
  }
}

// Updates of a key project: one per milestone done before the completion, then the completion
// with the milestones done that day.
void ProjectUpdates(const DemoTaskRow& r, SplitMix64& rng, DemoTaskPlan& plan) {
  const std::optional<Date> done = MaybeIso(r.done);
  std::vector<std::pair<Date, int>> milestones;  // (done on, index), by date
  for (size_t i = 0; i < r.milestones.size(); ++i) {
    if (*r.milestones[i].done != '\0') {
      milestones.emplace_back(Iso(r.milestones[i].done), static_cast<int>(i));
    }
  }
  std::sort(milestones.begin(), milestones.end());
  const int final_percent = done ? 100 : r.percent;
  ProgressInput last;
  for (size_t k = 0; k < milestones.size(); ++k) {
    const auto& [on, index] = milestones[k];
    if (done && on == *done) {
      last.milestones_done.push_back({index, on});
      continue;
    }
    ProgressInput in;
    in.percent = final_percent * static_cast<int>(k + 1) / static_cast<int>(milestones.size() + 1);
    in.note = "Hoàn thành mốc: " + std::string(r.milestones[static_cast<size_t>(index)].title);
    in.milestones_done.push_back({index, on});
    plan.updates.emplace_back(At(on, rng), std::move(in));
  }
  if (!done) {
    ProgressInput in;
    in.percent = r.percent;
    in.note = WorkNote(ProductKind::kProject);
    plan.updates.emplace_back(At(AddDays(kDemoReviewDate, -rng.Between(5, 20)), rng), in);
    return;
  }
  last.percent = 100;
  last.completed_on = done;
  last.note = "Công trình hoàn thành, đưa vào sử dụng";
  plan.updates.emplace_back(At(*done, rng), std::move(last));
}

// Updates of a one-off task: work in progress, then the completion with its product, or for an
// open task how far it has come (and, past its deadline, why it is late).
void OneOffUpdates(const DemoTaskRow& r, const AssignedTask& t, SplitMix64& rng,
                   DemoTaskPlan& plan) {
  const std::optional<Date> done = MaybeIso(r.done);
  const Date end = done.value_or(std::min(t.deadline.due, kDemoReviewDate));
  if (DaysFromCivil(end) - DaysFromCivil(t.assigned) >= 4) {
    ProgressInput in;
    in.percent = done ? rng.Between(3, 7) * 10 : std::max(5, r.percent * 2 / 3);
    in.note = WorkNote(r.product);
    plan.updates.emplace_back(At(Between(t.assigned, end, 0.4), rng), std::move(in));
  }
  ProgressInput in;
  if (!done) {
    const bool late = t.deadline.due < kDemoReviewDate;
    in.percent = r.percent;
    in.note = late ? "Chưa hoàn thành đúng hạn; đơn vị đã báo cáo nguyên nhân và đề nghị gia hạn"
                   : "Đã hoàn chỉnh dự thảo, đang xin ý kiến trước khi trình";
    const Date on = late ? AddDays(t.deadline.due, rng.Between(10, 40))
                         : Between(t.assigned, kDemoReviewDate, 0.8);
    plan.updates.emplace_back(At(std::min(on, AddDays(kDemoReviewDate, -1)), rng), std::move(in));
    return;
  }
  in.percent = 100;
  in.completed_on = done;
  switch (r.product) {
    case ProductKind::kDocument:
      in.document = ConcretizingDocument{r.number, r.doc_title, done, r.body};
      in.note = "Đã ban hành " + std::string(r.doc_title) + " số " + r.number;
      break;
    case ProductKind::kReport:
      in.report_ref = r.number;
      in.note = "Đã gửi báo cáo số " + std::string(r.number);
      break;
    default:
      in.note = "Đã hoàn thành";
  }
  plan.updates.emplace_back(At(*done, rng), std::move(in));
}

DemoTaskPlan Plan(const DemoTaskRow& r) {
  DemoTaskPlan plan;
  plan.definition = Definition(r);
  plan.evidence = r.evidence;
  SplitMix64 rng(SeedOf(r.ref, 20230517));
  if (r.recurrence != TaskRecurrence::kOnce) {
    RecurringUpdates(r, plan.definition.task, rng, plan);
  } else if (r.product == ProductKind::kProject) {
    ProjectUpdates(r, rng, plan);
  } else {
    OneOffUpdates(r, plan.definition.task, rng, plan);
  }
  std::stable_sort(plan.updates.begin(), plan.updates.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return plan;
}

// A one-page PDF showing `line`: the evidence of a document's issue.
std::string SmallPdf(const std::string& line) {
  const std::string content = "BT /F1 14 Tf 72 760 Td (" + line + ") Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      std::string("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ") +
          "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>"};
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 6\n0000000000 65535 f \n";
  for (size_t i = 0; i < objects.size(); ++i) {
    const std::string offset = std::to_string(pdf.size());
    xref += std::string(10 - offset.size(), '0') + offset + " 00000 n \n";
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t start = pdf.size();
  return pdf + xref + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(start) +
         "\n%%EOF\n";
}

// Imports one resolution's tasks and posts their updates.
Status WriteSet(App& app, int64_t resolution_id, const DemoTaskSet& set, DemoSummary* summary) {
  const store::Actor actor = CliActor();
  std::vector<BundleTask> definitions;
  for (const DemoTaskPlan& p : set.plans) definitions.push_back(p.definition);
  NQ_ASSIGN_OR_RETURN(TaskImportSummary imported,
                      ImportTasks(app, resolution_id, definitions, actor));
  summary->assigned_tasks += imported.created;
  for (const DemoTaskPlan& p : set.plans) {
    const int64_t id = imported.ids.at(p.definition.ref);
    for (const auto& [at, in] : p.updates) {
      std::vector<EvidenceUpload> files;
      if (in.document && *p.evidence.file_name != '\0') {
        files.push_back({p.evidence.file_name, SmallPdf(p.evidence.text)});
      }
      NQ_RETURN_IF_ERROR(app.tasks().PostProgressAsSystem(id, in, std::move(files), at, actor).status());
      ++summary->progress_updates;
    }
  }
  return Status::Ok();
}

}  // namespace

std::vector<DemoTaskSet> DemoTaskSets() {
  Resolution bloc;
  bloc.number = "01-NQ/ĐUK";
  std::vector<DemoTaskSet> sets = {{bloc, {}}, {DemoProvincialResolution(), {}}};
  for (const DemoTaskRow& r : DemoBlocTaskRows()) sets[0].plans.push_back(Plan(r));
  for (const DemoTaskRow& r : DemoProvincialTaskRows()) sets[1].plans.push_back(Plan(r));
  return sets;
}

Result<std::vector<ResolutionTasks>> DemoTasksAfterUpdates() {
  std::vector<ResolutionTasks> out;
  for (const DemoTaskSet& set : DemoTaskSets()) {
    ResolutionTasks r{set.resolution, {}};
    for (const DemoTaskPlan& p : set.plans) {
      BundleTask b = p.definition;
      // Ids for the domain checks only: a bundle task's ids are ignored.
      b.task.resolution_id = 1;
      b.task.owner_org_id = 1;
      for (const auto& [at, in] : p.updates) {
        Result<AssignedTask> next = ApplyProgress(b.task, in);
        if (!next.ok()) {
          return Status::Internal("demo.task_invalid",
                                  "Nhiệm vụ minh họa " + b.ref + ": " + next.status().message());
        }
        b.task = std::move(*next);
      }
      b.task.resolution_id = p.definition.task.resolution_id;
      b.task.owner_org_id = p.definition.task.owner_org_id;
      r.tasks.push_back(std::move(b));
    }
    out.push_back(std::move(r));
  }
  return out;
}

Status CreateDemoTasks(App& app, DemoSummary* summary) {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail bloc,
                      app.plans().GetResolutionAsSystem(summary->resolution_id));
  Resolution provincial = DemoProvincialResolution();
  provincial.term_id = bloc.term.id;
  NQ_ASSIGN_OR_RETURN(provincial, app.plans().CreateResolutionAsSystem(provincial, CliActor()));
  summary->provincial_number = provincial.number;
  summary->provincial_id = provincial.id;
  const std::vector<DemoTaskSet> sets = DemoTaskSets();
  NQ_RETURN_IF_ERROR(WriteSet(app, summary->resolution_id, sets[0], summary));
  return WriteSet(app, provincial.id, sets[1], summary);
}

}  // namespace nq::cli
