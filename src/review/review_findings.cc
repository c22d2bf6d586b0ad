#include "review/review_findings.h"

#include <algorithm>
#include <string>
#include <utility>

namespace nq::review {
namespace {

using analytics::TargetStatus;

std::string TargetLabel(const Target& t) { return t.code + ": " + t.text; }

// One finding per status that calls for one, listing its targets.
void TargetFindings(const Review& r, std::vector<Finding>* out) {
  struct Kind {
    TargetStatus status;
    const char* key;
    const char* sentence;  // followed by the count and the codes
  };
  const Kind kinds[] = {
      {TargetStatus::kNotMet, "targets_not_met", "Mục tiêu không đạt"},
      {TargetStatus::kAtRisk, "targets_at_risk", "Mục tiêu khó đạt đến cuối nhiệm kỳ"},
      {TargetStatus::kBehind, "targets_behind", "Mục tiêu thực hiện chậm so với tiến độ"},
      {TargetStatus::kNoData, "targets_no_data", "Mục tiêu chưa có số liệu để đánh giá"},
  };
  for (const Kind& k : kinds) {
    Finding f;
    f.kind = k.key;
    std::string codes;
    for (const TargetRow& row : r.assessment.targets) {
      if (row.assessment.status != k.status) continue;
      codes += (codes.empty() ? "" : ", ") + row.target.code;
      f.evidence.push_back(EvidenceRef{EvidenceRef::Kind::kTarget, 0, row.target.code,
                                       TargetLabel(row.target), row.assessment.explanation});
    }
    if (f.evidence.empty()) continue;
    f.text = std::string(k.sentence) + ": " + std::to_string(f.evidence.size()) + "/" +
             std::to_string(r.assessment.targets.size()) + " mục tiêu (" + codes + ").";
    out->push_back(std::move(f));
  }
}

// Overdue or late tasks of every task section.
void TaskFindings(const Review& r, std::vector<Finding>* out) {
  Finding overdue{"tasks_overdue", "", {}};
  Finding late{"tasks_done_late", "", {}};
  for (const TaskSection& s : r.task_sections) {
    for (const TaskLine& t : s.overdue) {
      overdue.evidence.push_back(EvidenceRef{EvidenceRef::Kind::kTask, t.id, "",
                                             t.title + " (" + t.owner + ")",
                                             TaskDetailText(t, r.as_of)});
    }
    for (const TaskLine& t : s.done_late) {
      late.evidence.push_back(EvidenceRef{EvidenceRef::Kind::kTask, t.id, "",
                                          t.title + " (" + t.owner + ")",
                                          TaskDetailText(t, r.as_of)});
    }
  }
  if (!overdue.evidence.empty()) {
    overdue.text = std::to_string(overdue.evidence.size()) +
                   " nhiệm vụ được giao đã quá hạn mà chưa hoàn thành.";
    out->push_back(std::move(overdue));
  }
  if (!late.evidence.empty()) {
    late.text = std::to_string(late.evidence.size()) +
                " nhiệm vụ được giao hoàn thành trễ hạn.";
    out->push_back(std::move(late));
  }
}

void ReportingFinding(const ReviewInput& in, std::vector<Finding>* out) {
  Finding f{"late_reporting", "", {}};
  std::vector<OrgReporting> named;
  for (const OrgReporting& o : in.reporting) {
    const int due = o.on_time + o.late + o.missing;
    // (a margin for the share's rounding: 2 of 10 is a fifth)
    if (due > 0 && o.late + o.missing >= kLateReportingShare * due - 1e-9) named.push_back(o);
  }
  std::stable_sort(named.begin(), named.end(), [](const OrgReporting& a, const OrgReporting& b) {
    return a.late + a.missing > b.late + b.missing;
  });
  for (const OrgReporting& o : named) {
    const Organization* org = in.tree->Find(o.org_id);
    std::string detail;
    if (o.late > 0) detail = std::to_string(o.late) + " báo cáo gửi trễ hạn";
    if (o.missing > 0) {
      detail += (detail.empty() ? "" : ", ") + std::to_string(o.missing) + " báo cáo chưa gửi";
    }
    detail += " (" + std::to_string(o.on_time) + " đúng hạn)";
    f.evidence.push_back(EvidenceRef{EvidenceRef::Kind::kOrganization, o.org_id,
                                     org ? org->code : "", org ? org->name : "", detail});
  }
  if (f.evidence.empty()) return;
  f.text = std::to_string(f.evidence.size()) +
           " tổ chức đảng báo cáo số liệu chưa kịp thời (gửi trễ hạn hoặc chưa gửi).";
  out->push_back(std::move(f));
}

}  // namespace

std::vector<Finding> FindLimitations(const Review& r, const ReviewInput& in) {
  std::vector<Finding> out;
  TargetFindings(r, &out);
  TaskFindings(r, &out);
  ReportingFinding(in, &out);
  return out;
}

}  // namespace nq::review
