#include "web/pages_entry.h"

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/pages_completeness.h"
#include "web/period_picker.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

// Which report a request is about.
struct EntryKey {
  int64_t org = 0;
  int64_t set = 0;
  Period period;
};

std::string EntryLink(int64_t org, int64_t set, const Period& period) {
  return "/entry?org=" + std::to_string(org) + "&set=" + std::to_string(set) +
         "&period=" + period.ToString();
}

std::string EntryLink(const EntryKey& k) { return EntryLink(k.org, k.set, k.period); }

std::string EntryNotice(const HttpRequest& r) {
  const std::string done = r.QueryParam("done");
  if (done == "submit") return "Đã gửi báo cáo lên cấp trên.";
  if (done == "approve") return "Đã duyệt báo cáo.";
  if (done == "reopen") return "Đã mở lại báo cáo để sửa số liệu.";
  if (done == "saved") return "Đã lưu số liệu.";
  return "";
}

// What the user may type for the element: a short hint, also the input's placeholder.
std::string HintFor(const DataElement& e) {
  switch (e.type) {
    case ValueType::kYesNo:
      return "có / không";
    case ValueType::kCategory: {
      std::string s;
      for (const std::string& c : e.categories) s += (s.empty() ? "" : ", ") + c;
      return s;
    }
    case ValueType::kPercent:
    case ValueType::kNumber:
      break;
  }
  // A percent without its own bounds is 0–100.
  const bool percent = e.type == ValueType::kPercent;
  const bool has_lo = e.min.has_value() || percent;
  const bool has_hi = e.max.has_value() || percent;
  const double lo = e.min.value_or(0);
  const double hi = e.max.value_or(100);
  if (has_lo && has_hi) return "từ " + FormatNumberVi(lo, 6) + " đến " + FormatNumberVi(hi, 6);
  if (has_lo) return "từ " + FormatNumberVi(lo, 6) + " trở lên";
  if (has_hi) return "tối đa " + FormatNumberVi(hi, 6);
  return "";
}

mstch::map ViolationsContext(const std::vector<RuleViolation>& violations, bool oob) {
  mstch::array items;
  for (const RuleViolation& v : violations) {
    items.push_back(mstch::map{{"code", v.code}, {"message", v.message}});
  }
  return mstch::map{
      {"has_violations", !violations.empty()}, {"violations", std::move(items)}, {"oob", oob}};
}

std::string LockedText(const ReportForm& f) {
  switch (f.report.state) {
    case ReportState::kSubmitted:
      return "Báo cáo đã gửi, số liệu bị khóa. Cấp trên có thể mở lại để sửa.";
    case ReportState::kApproved:
      return "Báo cáo đã được duyệt, số liệu bị khóa.";
    case ReportState::kDraft:
      break;
  }
  return "Bạn chỉ có quyền xem số liệu của báo cáo này.";
}

// The organizations of the scope that report the set in the period, indented by depth.
Result<mstch::array> OrgOptions(const PageCall& c, const ReportForm& f) {
  return ScopeOrgOptions(
      c,
      [&](const Organization& o) {
        return o.id == f.org.id || Reports(f.data_set, o, f.period);
      },
      std::to_string(f.org.id));
}

Result<mstch::array> SetOptions(const PageCall& c, const ReportForm& f) {
  NQ_ASSIGN_OR_RETURN(std::vector<DataSet> sets,
                      c.app().data().DataSetsOf(c.principal(), f.org.id));
  bool has_current = false;
  for (const DataSet& s : sets) has_current = has_current || s.id == f.data_set.id;
  if (!has_current) sets.insert(sets.begin(), f.data_set);
  mstch::array out;
  for (const DataSet& s : sets) {
    out.push_back(mstch::map{
        {"value", std::to_string(s.id)}, {"label", s.name}, {"selected", s.id == f.data_set.id}});
  }
  return out;
}

mstch::array Rows(const ReportForm& f) {
  std::map<int64_t, const DataValue*> stored;
  for (const DataValue& v : f.values) stored[v.element_id] = &v;
  mstch::array rows;
  bool focused = false;
  for (const DataElement& e : f.elements) {
    const auto it = stored.find(e.id);
    const DataValue* v = it == stored.end() ? nullptr : it->second;
    const bool autofocus = f.editable && !focused && v == nullptr;
    focused = focused || autofocus;
    mstch::array categories;
    for (const std::string& code : e.categories) categories.push_back(code);
    const bool numeric = e.type == ValueType::kNumber || e.type == ValueType::kPercent;
    rows.push_back(mstch::map{
        {"id", std::to_string(e.id)},
        {"name", e.name},
        {"unit", e.unit},
        {"hint", HintFor(e)},
        {"placeholder", HintFor(e)},
        {"inputmode", std::string(numeric ? "decimal" : "text")},
        {"value", v ? FormatValue(e, v->value) : std::string()},
        {"has_value", v != nullptr},
        {"estimate", v != nullptr && v->estimate},
        {"comment", v ? v->comment : std::string()},
        {"has_categories", !categories.empty()},
        {"categories", std::move(categories)},
        {"autofocus", autofocus},
    });
  }
  return rows;
}

Result<HttpResponse> RenderEntry(const PageCall& c, const EntryKey& k, int status,
                                 const std::string& notice, const std::string& error) {
  const Date today = Today();
  NQ_ASSIGN_OR_RETURN(ReportForm f,
                      c.app().data().GetForm(c.principal(), k.org, k.set, k.period, today));
  NQ_ASSIGN_OR_RETURN(mstch::array orgs, OrgOptions(c, f));
  NQ_ASSIGN_OR_RETURN(mstch::array sets, SetOptions(c, f));
  const int64_t org = f.org.id;
  const int64_t set = f.data_set.id;
  mstch::map context{
      {"set_id", std::to_string(set)},
      {"set_name", f.data_set.name},
      {"org_id", std::to_string(org)},
      {"org_name", f.org.name},
      {"period", f.period.ToString()},
      {"period_label", f.period.Label()},
      {"state", std::string(ReportStateCode(f.report.state))},
      {"state_label", std::string(ReportStateLabel(f.report.state))},
      {"timeliness", std::string(TimelinessCode(f.timeliness))},
      {"timeliness_label", std::string(TimelinessLabel(f.timeliness))},
      {"due", FormatVi(f.due)},
      {"editable", f.editable},
      {"can_submit", f.can_submit},
      {"can_approve", f.can_approve},
      {"can_reopen", f.can_reopen},
      {"locked_text", LockedText(f)},
      {"csrf_token", c.session.csrf_token},
      {"notice", notice},
      {"error", error},
      {"org_options", std::move(orgs)},
      {"set_options", std::move(sets)},
      {"picker",
       PeriodPicker(f.period, today, [&](const Period& p) { return EntryLink(org, set, p); })},
      {"rows", Rows(f)},
  };
  for (auto& [key, value] : ViolationsContext(f.violations, /*oob=*/false)) {
    context.emplace(key, std::move(value));
  }
  return PageResponse(status, FrameFor(c, "Nhập số liệu — " + f.data_set.name, "entry"), "entry",
                      context);
}

HttpResponse EmptyPage(const PageCall& c, const std::string& message) {
  return PageResponse(200, FrameFor(c, "Nhập số liệu", "entry"), "entry_empty",
                      mstch::map{{"message", message}});
}

// The report a form POST names (fields org, set, period).
Result<EntryKey> KeyFromForm(const FormData& form) {
  EntryKey k;
  std::optional<int64_t> n;
  NQ_RETURN_IF_ERROR(FormInt(form, "org", "Tổ chức", 1, kMaxId, &n));
  if (!n) return Status::Invalid("form.missing", "Thiếu tổ chức báo cáo");
  k.org = *n;
  n.reset();
  NQ_RETURN_IF_ERROR(FormInt(form, "set", "Biểu mẫu", 1, kMaxId, &n));
  if (!n) return Status::Invalid("form.missing", "Thiếu biểu mẫu báo cáo");
  k.set = *n;
  NQ_ASSIGN_OR_RETURN(k.period, Period::Parse(Trim(form.Get("period"))));
  return k;
}

Result<HttpResponse> EntryPage(const PageCall& c) {
  const Principal& p = c.principal();
  DataService& data = c.app().data();
  std::optional<int64_t> org;
  std::optional<int64_t> set;
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "org", 1, kMaxId, &org));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "set", 1, kMaxId, &set));
  EntryKey k;
  k.org = org.value_or(p.org_id);
  std::optional<DataSet> chosen;
  if (set) {
    NQ_ASSIGN_OR_RETURN(DataSet s, data.GetDataSet(p, *set));
    chosen = std::move(s);
  } else {
    NQ_ASSIGN_OR_RETURN(std::vector<DataSet> own, data.DataSetsOf(p, k.org));
    if (!own.empty()) {
      chosen = own.front();
    } else {
      NQ_ASSIGN_OR_RETURN(std::vector<DataSet> all, data.ListDataSets(p));
      if (all.empty()) return EmptyPage(c, "Chưa có biểu mẫu báo cáo nào.");
      chosen = all.front();
    }
  }
  k.set = chosen->id;
  if (c.request.HasQueryParam("period")) {
    NQ_ASSIGN_OR_RETURN(Period period, Period::Parse(Trim(c.request.QueryParam("period"))));
    k.period = PeriodOfType(chosen->period_type, period);
  } else {
    k.period = DefaultPeriod(chosen->period_type, Today());
  }
  if (!org) {
    // The user's own organization may not report the set (a committee above the reporters):
    // open the first organization of the scope that does.
    NQ_ASSIGN_OR_RETURN(std::vector<Organization> scope, c.app().orgs().Subtree(p));
    const Organization* first = nullptr;
    for (const Organization& o : scope) {
      if (!Reports(*chosen, o, k.period)) continue;
      if (o.id == p.org_id) {
        first = &o;
        break;
      }
      if (!first) first = &o;
    }
    if (!first) {
      return EmptyPage(c, "Không có tổ chức nào trong phạm vi của bạn báo cáo biểu mẫu \"" +
                              chosen->name + "\" trong " + k.period.Label() + ".");
    }
    k.org = first->id;
  }
  return RenderEntry(c, k, 200, EntryNotice(c.request), "");
}

HttpResponse StatusFragment(int http, bool ok, const std::string& text,
                            const std::vector<RuleViolation>* violations) {
  mstch::map context{{"ok", ok}, {"text", text}, {"show_violations", violations != nullptr}};
  if (violations) {
    for (auto& [key, value] : ViolationsContext(*violations, /*oob=*/true)) {
      context.emplace(key, std::move(value));
    }
  }
  return HttpResponse::Html(http, RenderTemplate("entry_status", context));
}

Result<HttpResponse> PostValue(const PageCall& c) {
  const bool htmx = !c.request.Header("hx-request").empty();
  NQ_ASSIGN_OR_RETURN(EntryKey k, KeyFromForm(c.form));
  std::optional<int64_t> element;
  NQ_RETURN_IF_ERROR(FormInt(c.form, "element", "Chỉ tiêu", 1, kMaxId, &element));
  if (!element) return Status::Invalid("form.missing", "Thiếu chỉ tiêu cần lưu");
  ValueInput in;
  in.org_id = k.org;
  in.element_id = *element;
  in.period = k.period;
  in.text = std::string(Trim(c.form.Get("value")));
  in.estimate = !c.form.Get("estimate").empty();
  in.comment = c.form.Get("comment");
  Result<SaveOutcome> saved =
      c.app().data().SaveValue(c.principal(), in, ActorFor(c.session, c.request));
  const bool refused = !saved.ok() && (saved.status().code() == Code::kInvalid ||
                                       saved.status().code() == Code::kConflict);
  if (!saved.ok() && !refused) return saved.status();  // scope, role: the error page
  if (!htmx) {
    if (refused) {
      return RenderEntry(c, k, HttpStatusFor(saved.status().code()), "", saved.status().message());
    }
    return HttpResponse::Redirect(EntryLink(k) + "&done=saved");
  }
  if (refused) {
    return StatusFragment(HttpStatusFor(saved.status().code()), false, saved.status().message(),
                          nullptr);
  }
  return StatusFragment(200, true, saved->value ? "Đã lưu" : "Đã xóa", &saved->violations);
}

using ReportStep = Result<Report> (DataService::*)(const Principal&, int64_t, int64_t,
                                                   const Period&, const store::Actor&);

PageFn ReportAction(ReportStep step, std::string done) {
  return [step, done = std::move(done)](const PageCall& c) -> Result<HttpResponse> {
    NQ_ASSIGN_OR_RETURN(EntryKey k, KeyFromForm(c.form));
    Result<Report> r = (c.app().data().*step)(c.principal(), k.org, k.set, k.period,
                                              ActorFor(c.session, c.request));
    if (r.ok()) return HttpResponse::Redirect(EntryLink(k) + "&done=" + done);
    const Code code = r.status().code();
    if (code != Code::kInvalid && code != Code::kConflict) return r.status();
    return RenderEntry(c, k, HttpStatusFor(code), "", r.status().message());
  };
}

}  // namespace

void AddEntryPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/entry", PageRoute(ctx, EntryPage));
  router.Add("POST", "/entry/value", PageRoute(ctx, PostValue));
  router.Add("POST", "/entry/submit", PageRoute(ctx, ReportAction(&DataService::Submit, "submit")));
  router.Add("POST", "/entry/approve",
             PageRoute(ctx, ReportAction(&DataService::Approve, "approve")));
  router.Add("POST", "/entry/reopen", PageRoute(ctx, ReportAction(&DataService::Reopen, "reopen")));
  router.Add("GET", "/completeness", PageRoute(ctx, CompletenessPage));
}

}  // namespace nq::web
