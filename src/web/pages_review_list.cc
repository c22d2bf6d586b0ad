// The reviews of a resolution and the form that starts one (pages_reviews.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "common/utf8.h"
#include "service/review_docs.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/pages_reviews_internal.h"
#include "web/web_auth.h"

namespace nq::web::review_pages {
namespace {

Result<HttpResponse> RenderList(const PageCall& c, int64_t id, int status,
                                const std::string& error) {
  NQ_ASSIGN_OR_RETURN(ResolutionDetail plan, c.app().plans().GetResolution(c.principal(), id));
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> docs, ListReviewDocs(c.app(), c.principal(), id));
  mstch::array rows;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
    const ReviewDoc& d = *it;
    rows.push_back(mstch::map{
        {"url", DocPath(d.id)},
        {"kind", std::string(KindLabel(d.kind))},
        {"as_of", FormatVi(d.as_of)},
        {"org", OrgNameOf(c.app(), d.org_id)},
        {"issued", d.state == ReviewDocState::kIssued},
        {"state", std::string(ReviewDocStateLabel(d.state))},
        {"number_symbol", ReviewNumberSymbol(d)},
        {"issued_on", d.issued_on ? FormatVi(*d.issued_on) : std::string()},
    });
  }
  const FormData* typed = error.empty() ? nullptr : &c.form;
  const ReviewDocHeader last = docs.empty() ? ReviewDocHeader{} : docs.back().header;
  const Date today = Today();
  const std::string default_as_of = FormatIso(
      plan.term.end < today ? plan.term.end : (today < plan.term.start ? plan.term.start : today));
  NQ_ASSIGN_OR_RETURN(mstch::array orgs,
                      ScopeOrgOptions(
                          c, [](const Organization&) { return true; },
                          typed ? typed->Get("org_id") : std::to_string(plan.term.org_id)));
  mstch::map context{
      {"resolution_id", std::to_string(id)},
      {"number", plan.resolution.number},
      {"title", plan.resolution.title},
      {"term_name", plan.term.name},
      {"dashboard_url", "/resolutions/" + std::to_string(id) + "/dashboard"},
      {"action", ListPath(id)},
      {"rows", std::move(rows)},
      {"has_rows", !docs.empty()},
      {"can_edit", CanEditPlan(c.principal().role)},
      {"csrf_token", c.session.csrf_token},
      {"error", error},
      {"as_of", typed ? typed->Get("as_of") : default_as_of},
      {"endterm", typed && typed->Get("kind") == "endterm"},
      {"org_options", std::move(orgs)},
      {"place", typed ? typed->Get("place") : last.place},
      {"superior_body", typed ? typed->Get("superior_body") : last.superior_body},
  };
  return PageResponse(
      status, FrameFor(c, "Báo cáo sơ kết, tổng kết " + plan.resolution.number, "dashboard"),
      "reviews", context);
}

Result<HttpResponse> ListPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return RenderList(c, id, 200, "");
}

Result<HttpResponse> PostCreate(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NewReviewDoc in;
  in.resolution_id = id;
  in.kind = c.form.Get("kind");
  // The form starting a review has only these two; the rest of the header and the signing block
  // come from the latest review kept for the resolution (the committee sets them up once), else
  // the defaults; the signer's name is given when issuing.
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> kept, ListReviewDocs(c.app(), c.principal(), id));
  if (!kept.empty()) in.header = kept.back().header;
  in.header.signer_name.clear();
  in.header.place = std::string(Trim(c.form.Get("place")));
  in.header.superior_body = std::string(Trim(c.form.Get("superior_body")));
  std::optional<Date> as_of;
  std::optional<int64_t> org;
  Status st = FormDate(c.form, "as_of", "Ngày lấy số liệu", &as_of);
  if (st.ok()) st = FormInt(c.form, "org_id", "Tổ chức", 1, INT64_MAX, &org);
  if (st.ok() && !as_of) st = Status::Invalid("form.bad_date", "Cần ngày lấy số liệu");
  if (st.ok()) {
    in.as_of = *as_of;
    in.org_id = org;
    Result<ReviewDoc> d =
        CreateReviewDoc(c.app(), c.principal(), in, ActorFor(c.session, c.request));
    if (d.ok()) return HttpResponse::Redirect(DocPath(d->id) + "?created=1");
    st = d.status();
  }
  if (st.code() != Code::kInvalid) return st;
  return RenderList(c, id, HttpStatusFor(st.code()), st.message());
}

}  // namespace

void AddListPages(Router& router, WebContext& ctx) {
  router.Add("GET", "/resolutions/{id}/reviews", PageRoute(ctx, ListPage));
  router.Add("POST", "/resolutions/{id}/reviews", PageRoute(ctx, PostCreate));
}

}  // namespace nq::web::review_pages
