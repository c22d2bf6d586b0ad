#include "web/pages_assessment_settings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "common/format.h"
#include "common/utf8.h"
#include "domain/data.h"
#include "service/plan_service.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

std::string SettingsPath(int64_t id) {
  return "/resolutions/" + std::to_string(id) + "/assessment-settings";
}

std::string BucketField(size_t i) { return "bucket_" + std::to_string(i + 1); }

std::string PercentText(double percent) { return FormatNumberVi(percent, 6); }

Status FormPercent(const FormData& form, const std::string& name, std::string_view label,
                   std::optional<double>* out) {
  return FormNumber(form, name, label, "số phần trăm (ví dụ 85 hoặc 62,5)", out);
}

Status Required(const std::optional<double>& v, std::string_view label) {
  if (v) return Status::Ok();
  return Status::Invalid("form.bad_number", std::string(label) + " không được để trống");
}

Status ReadSettingsForm(const FormData& f, AssessmentSettings* s) {
  std::optional<double> floor;
  std::optional<double> margin;
  NQ_RETURN_IF_ERROR(FormPercent(f, "behind_floor", "Ngưỡng chậm tiến độ", &floor));
  NQ_RETURN_IF_ERROR(Required(floor, "Ngưỡng chậm tiến độ"));
  NQ_RETURN_IF_ERROR(FormPercent(f, "exceed_margin", "Mức vượt chỉ tiêu", &margin));
  NQ_RETURN_IF_ERROR(Required(margin, "Mức vượt chỉ tiêu"));
  s->behind_floor = *floor / 100;
  s->exceed_margin = *margin / 100;
  s->buckets.clear();
  for (size_t i = 0; i < kMaxBuckets; ++i) {
    std::optional<double> bucket;
    NQ_RETURN_IF_ERROR(
        FormPercent(f, BucketField(i), "Mức tỷ lệ đạt thứ " + std::to_string(i + 1), &bucket));
    if (bucket) s->buckets.push_back(*bucket);
  }
  s->mid_term_counts_on_track = !f.Get("mid_term_counts_on_track").empty();
  return Status::Ok();
}

// The form's values: from `s`, or as typed when `typed` is given.
mstch::map FormValues(const AssessmentSettings& s, const FormData* typed) {
  auto pick = [&](const std::string& name, std::string stored) {
    return typed ? typed->Get(name) : std::move(stored);
  };
  mstch::array buckets;
  for (size_t i = 0; i < kMaxBuckets; ++i) {
    const std::string stored = i < s.buckets.size() ? PercentText(s.buckets[i]) : std::string();
    buckets.push_back(mstch::map{{"field", BucketField(i)},
                                 {"number", std::to_string(i + 1)},
                                 {"value", pick(BucketField(i), stored)}});
  }
  return mstch::map{
      {"behind_floor", pick("behind_floor", PercentText(FractionToPercent(s.behind_floor)))},
      {"exceed_margin", pick("exceed_margin", PercentText(FractionToPercent(s.exceed_margin)))},
      {"buckets", std::move(buckets)},
      {"on_track",
       typed ? !typed->Get("mid_term_counts_on_track").empty() : s.mid_term_counts_on_track},
  };
}

Result<HttpResponse> Render(const PageCall& c, int64_t id, int status, const std::string& error) {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail d, c.app().plans().GetResolution(c.principal(), id));
  mstch::map context{
      {"resolution_id", std::to_string(id)},
      {"number", d.resolution.number},
      {"title", d.resolution.title},
      {"term_name", d.term.name},
      {"action", SettingsPath(id)},
      {"dashboard_url", "/resolutions/" + std::to_string(id) + "/dashboard"},
      {"can_edit", CanEditOrganizations(c.principal().role)},  // admin, committee
      {"csrf_token", c.session.csrf_token},
      {"error", error},
      {"form", FormValues(d.settings, error.empty() ? nullptr : &c.form)},
  };
  return PageResponse(status, FrameFor(c, "Cài đặt đánh giá " + d.resolution.number, "dashboard"),
                      "assessment_settings", context);
}

Result<HttpResponse> SettingsPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return Render(c, id, 200, "");
}

Result<HttpResponse> PostSettings(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  AssessmentSettings s;
  Status st = ReadSettingsForm(c.form, &s);
  if (st.ok()) {
    st = c.app()
             .plans()
             .UpdateAssessmentSettings(c.principal(), id, s, ActorFor(c.session, c.request))
             .status();
    if (st.ok()) return HttpResponse::Redirect("/resolutions/" + std::to_string(id) + "/dashboard");
  }
  if (st.code() != Code::kInvalid) return st;
  return Render(c, id, HttpStatusFor(st.code()), st.message());
}

}  // namespace

void AddAssessmentSettingsPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/resolutions/{id}/assessment-settings", PageRoute(ctx, SettingsPage));
  router.Add("POST", "/resolutions/{id}/assessment-settings", PageRoute(ctx, PostSettings));
}

}  // namespace nq::web
