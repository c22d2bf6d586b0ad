#include "web/pages_completeness.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"
#include "service/data_service.h"
#include "web/api_common.h"
#include "web/period_picker.h"

namespace nq::web {
namespace {

std::string BoardLink(int64_t set, const Period& period, int64_t root) {
  return "/completeness?set=" + std::to_string(set) + "&period=" + period.ToString() +
         "&root=" + std::to_string(root);
}

std::string Indent(const OrgTree& tree, int base, int64_t id) {
  std::string s;
  for (int d = base; d < tree.Depth(id); ++d) s += "— ";
  return s;
}

}  // namespace

Result<HttpResponse> CompletenessPage(const PageCall& c) {
  const Principal& p = c.principal();
  DataService& data = c.app().data();
  std::optional<int64_t> set;
  std::optional<int64_t> root;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "set", 1, kMaxId, &set));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "root", 1, kMaxId, &root));
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets, data.ListDataSets(p));
  if (sets.empty()) {
    return PageResponse(200, FrameFor(c, "Tình hình báo cáo", "completeness"), "entry_empty",
                        mstch::map{{"message", std::string("Chưa có biểu mẫu báo cáo nào.")}});
  }
  // Default: the most frequent report (a monthly one before a yearly survey: what a clerk
  // chases first), the first listed among equals.
  const DataSet* chosen = &sets.front();
  for (const DataSet& s : sets) {
    if (s.period_type > chosen->period_type) chosen = &s;  // PeriodType grows finer
  }
  if (set) {
    chosen = nullptr;
    for (const DataSet& s : sets) {
      if (s.id == *set) chosen = &s;
    }
    if (!chosen) return Status::NotFound("dataset.not_found", "Không tìm thấy biểu mẫu báo cáo");
  }
  const Date today = Today();
  Period period = DefaultPeriod(chosen->period_type, today);
  if (c.request.HasQueryParam("period")) {
    NQ_ASSIGN_OR_RETURN(Period asked, Period::Parse(Trim(c.request.QueryParam("period"))));
    period = PeriodOfType(chosen->period_type, asked);
  }
  const int64_t root_id = root.value_or(p.org_id);
  NQ_ASSIGN_OR_RETURN(CompletenessBoard b,
                      data.Completeness(p, chosen->id, period, root_id, today));

  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  const int base = tree->Depth(p.org_id);
  const int root_depth = tree->Depth(root_id);
  mstch::array rows;
  for (const CompletenessRow& r : b.rows) {
    rows.push_back(mstch::map{
        {"org_name", r.org.name},
        {"indent", Indent(*tree, root_depth + 1, r.org.id)},
        {"state", std::string(ReportStateCode(r.state))},
        {"state_label", std::string(ReportStateLabel(r.state))},
        {"timeliness", std::string(TimelinessCode(r.timeliness))},
        {"timeliness_label", std::string(TimelinessLabel(r.timeliness))},
        {"submitted",
         r.submitted_at > 0 ? FormatVi(DateInVietnam(r.submitted_at)) : std::string("—")},
        {"values", FormatIntVi(r.values)},
        {"link", "/entry?org=" + std::to_string(r.org.id) + "&set=" + std::to_string(chosen->id) +
                     "&period=" + b.period.ToString()},
    });
  }
  mstch::array set_options;
  for (const DataSet& s : sets) {
    set_options.push_back(mstch::map{
        {"value", std::to_string(s.id)}, {"label", s.name}, {"selected", s.id == chosen->id}});
  }
  // Roots to choose from: the committees of the scope (and the scope root itself).
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> scope, c.app().orgs().Subtree(p));
  mstch::array root_options;
  std::string root_name;
  for (const Organization& o : scope) {
    if (o.id == root_id) root_name = o.name;
    const bool committee = o.kind == OrgKind::kBlocCommittee || o.kind == OrgKind::kBaseCommittee;
    if (o.id != p.org_id && o.id != root_id && (!committee || o.valid_to)) continue;
    root_options.push_back(mstch::map{{"value", std::to_string(o.id)},
                                      {"label", Indent(*tree, base, o.id) + o.name},
                                      {"selected", o.id == root_id}});
  }
  const int64_t set_id = chosen->id;
  mstch::map context{
      {"set_name", b.data_set.name},
      {"period_label", b.period.Label()},
      {"root_name", root_name},
      {"due", FormatVi(b.due)},
      {"as_of", FormatVi(b.as_of)},
      {"expected", FormatIntVi(b.expected)},
      {"on_time", FormatIntVi(b.on_time)},
      {"late", FormatIntVi(b.late)},
      {"missing", FormatIntVi(b.missing)},
      {"not_due", FormatIntVi(b.not_due)},
      {"rows", std::move(rows)},
      {"set_options", std::move(set_options)},
      {"root_options", std::move(root_options)},
      {"picker", PeriodPicker(b.period, today,
                              [&](const Period& q) { return BoardLink(set_id, q, root_id); })},
  };
  return PageResponse(200, FrameFor(c, "Tình hình báo cáo", "completeness"), "completeness",
                      context);
}

}  // namespace nq::web
