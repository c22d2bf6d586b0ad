#include "web/task_detail_view.h"

#include <string>
#include <utility>

#include "common/format.h"
#include "domain/evidence.h"
#include "web/api_common.h"
#include "web/task_view.h"

namespace nq::web {
namespace {

std::string DateOr(const std::optional<Date>& d, const char* none = "—") {
  return d ? FormatVi(*d) : std::string(none);
}

std::string TextOr(const std::string& s) { return s.empty() ? std::string("—") : s; }

// The form's value of `name` after a refused post, else `current`.
std::string Kept(const FormData* kept, const std::string& name, const std::string& current) {
  return kept ? kept->Get(name) : current;
}

std::string IsoOr(const std::optional<Date>& d) { return d ? FormatIso(*d) : std::string(); }

// "850 byte", "35 KB", "1,2 MB".
std::string FileSizeVi(int64_t bytes) {
  constexpr int64_t kKiB = 1024;
  constexpr int64_t kMiB = kKiB * kKiB;
  if (bytes < kKiB) return std::to_string(bytes) + " byte";
  if (bytes < kMiB) return FormatNumberVi(static_cast<double>(bytes) / kKiB, 0) + " KB";
  return FormatNumberVi(static_cast<double>(bytes) / kMiB, 1) + " MB";
}

}  // namespace

mstch::map DefinitionContext(const OrgTree& tree, const TaskDetail& d, const Date& as_of,
                             const Date& today) {
  const AssignedTask& t = d.task;
  std::string rtask;
  if (const std::optional<ResolutionTask>& r = d.resolution_task) {
    rtask = std::string(r->kind == ResolutionTaskKind::kBreakthrough ? "Nhiệm vụ đột phá "
                                                                     : "Nhiệm vụ trọng tâm ") +
            std::to_string(r->position) + ": " + r->title;
  }
  mstch::array cooperating;
  for (const int64_t id : t.cooperating_org_ids) {
    cooperating.push_back(mstch::map{{"name", OrgNameOf(tree, id)}});
  }
  std::string parent_title;
  if (t.parent_id) {
    parent_title = d.parent_title.empty() ? "Nhiệm vụ số " + std::to_string(*t.parent_id)
                                          : d.parent_title;
  }
  const bool has_cooperating = !cooperating.empty();
  return mstch::map{
      {"resolution", d.resolution.number + " — " + d.resolution.title},
      {"resolution_task", rtask},
      {"owner_name", OrgNameOf(tree, t.owner_org_id)},
      {"owner_url", "/tasks?org=" + std::to_string(t.owner_org_id)},
      {"cooperating", std::move(cooperating)},
      {"has_cooperating", has_cooperating},
      {"assigning_document", TextOr(t.assigning_document)},
      {"assigned", FormatVi(t.assigned)},
      {"deadline", DeadlineText(t)},
      {"recurring", t.deadline.recurrence != TaskRecurrence::kOnce},
      {"parent_title", parent_title},
      {"parent_url", t.parent_id ? TaskPath(*t.parent_id, as_of, today) : std::string()},
      {"percent", std::to_string(t.progress_percent)},
      {"completed_on", DateOr(t.completed_on, "")},
  };
}

mstch::map ProductContext(const AssignedTask& t, const Date& as_of) {
  mstch::map m{{"kind_label", std::string(ProductKindLabel(t.product))},
               {"is_document", t.product == ProductKind::kDocument},
               {"is_project", t.product == ProductKind::kProject},
               {"is_report", t.product == ProductKind::kReport},
               {"is_none", t.product == ProductKind::kNone},
               {"recurring", t.deadline.recurrence != TaskRecurrence::kOnce}};
  if (t.document) {
    m.emplace("number", TextOr(t.document->number));
    m.emplace("doc_title", TextOr(t.document->title));
    m.emplace("issued", DateOr(t.document->issued, "Chưa ban hành"));
    m.emplace("issuing_body", TextOr(t.document->issuing_body));
  }
  if (t.project) {
    mstch::array milestones;
    for (const Milestone& ms : t.project->milestones) {
      mstch::map row = TaskStateContext(DeadlineState(ms.due, ms.done_on, as_of));
      row.emplace("title", ms.title);
      row.emplace("due", FormatVi(ms.due));
      row.emplace("done_on", DateOr(ms.done_on));
      milestones.push_back(std::move(row));
    }
    m.emplace("name", t.project->name);
    m.emplace("location", TextOr(t.project->location));
    m.emplace("milestones", std::move(milestones));
  }
  m.emplace("report_ref", TextOr(t.report_ref));
  return m;
}

mstch::array OccurrencesContext(const AssignedTask& t, const std::vector<TaskOccurrence>& occ,
                                const Date& as_of) {
  mstch::array out;
  if (t.deadline.recurrence == TaskRecurrence::kOnce) return out;
  for (auto it = occ.rbegin(); it != occ.rend(); ++it) {
    mstch::map row = TaskStateContext(DeadlineState(it->due, it->completed_on, as_of));
    row.emplace("period", it->period ? it->period->Label() : std::string("—"));
    row.emplace("due", FormatVi(it->due));
    row.emplace("completed_on", DateOr(it->completed_on));
    out.push_back(std::move(row));
  }
  return out;
}

mstch::array UpdatesContext(const std::vector<TaskUpdate>& updates) {
  mstch::array out;
  for (auto it = updates.rbegin(); it != updates.rend(); ++it) {
    const TaskUpdate& u = *it;
    mstch::array files;
    for (const EvidenceInfo& e : u.evidence) {
      files.push_back(mstch::map{{"id", std::to_string(e.id)},
                                 {"name", e.file_name},
                                 {"type_label", std::string(EvidenceTypeLabel(e.type))},
                                 {"size", FileSizeVi(e.size)},
                                 {"url", "/api/v1/evidence/" + std::to_string(e.id)}});
    }
    const int change = u.percent - u.old_percent;
    const bool has_files = !files.empty();
    out.push_back(mstch::map{
        {"id", std::to_string(u.id)},
        {"when", FormatInstantVi(u.at)},
        {"username", u.username},
        {"old_percent", std::to_string(u.old_percent)},
        {"percent", std::to_string(u.percent)},
        {"changed", change != 0},
        {"change", (change > 0 ? "+" : "") + std::to_string(change) + "%"},
        {"lowered", change < 0},
        {"note", u.note},
        {"reason", u.reason},
        {"completed_on", DateOr(u.completed_on, "")},
        {"period", u.period ? u.period->Label() : std::string()},
        {"evidence", std::move(files)},
        {"has_evidence", has_files},
    });
  }
  return out;
}

mstch::map ProgressFormContext(const AssignedTask& t, const Date& today, const FormData* kept) {
  mstch::map m{
      {"percent", Kept(kept, "percent", std::to_string(t.progress_percent))},
      {"current_percent", std::to_string(t.progress_percent)},
      {"note", Kept(kept, "note", "")},
      {"reason", Kept(kept, "reason", "")},
      {"completed_on", Kept(kept, "completed_on", "")},
      {"accept", std::string(".pdf,.docx,.xlsx,.png,.jpg,.jpeg")},
      {"max_files", std::to_string(kMaxEvidenceFiles)},
      {"max_size", FileSizeVi(static_cast<int64_t>(kMaxEvidenceBytes))},
      {"is_document", t.product == ProductKind::kDocument},
      {"is_report", t.product == ProductKind::kReport},
      {"is_project", t.product == ProductKind::kProject},
  };
  if (t.product == ProductKind::kDocument) {
    const ConcretizingDocument doc = t.document.value_or(ConcretizingDocument{});
    m.emplace("document_number", Kept(kept, "document_number", doc.number));
    m.emplace("document_issued", Kept(kept, "document_issued", IsoOr(doc.issued)));
    m.emplace("document_issuing_body", Kept(kept, "document_issuing_body", doc.issuing_body));
  }
  m.emplace("report_ref", Kept(kept, "report_ref", t.report_ref));
  mstch::array milestones;
  if (t.project) {
    for (size_t i = 0; i < t.project->milestones.size(); ++i) {
      const Milestone& ms = t.project->milestones[i];
      if (ms.done_on) continue;
      const std::string name = "milestone_done_" + std::to_string(i);
      milestones.push_back(mstch::map{{"name", name},
                                      {"title", ms.title},
                                      {"due", FormatVi(ms.due)},
                                      {"done_on", Kept(kept, name, "")}});
    }
  }
  m.emplace("has_milestones", !milestones.empty());
  m.emplace("milestones", std::move(milestones));
  mstch::array periods;
  if (t.deadline.recurrence != TaskRecurrence::kOnce) {
    const std::string chosen = kept ? kept->Get("period") : std::string();
    for (const TaskOccurrence& o : OccurrencesDueBy(t, AddDays(today, 460))) {
      if (o.completed_on || !o.period) continue;
      const std::string id = o.period->ToString();
      periods.push_back(mstch::map{{"value", id},
                                   {"label", o.period->Label() + " (hạn " + FormatVi(o.due) + ")"},
                                   {"selected", id == chosen}});
      if (!(o.due < today)) break;  // the first one still to come
    }
  }
  m.emplace("recurring", t.deadline.recurrence != TaskRecurrence::kOnce);
  m.emplace("periods", std::move(periods));
  return m;
}

}  // namespace nq::web
