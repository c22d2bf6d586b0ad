#include "web/api_reviews.h"

#include <optional>
#include <string>
#include <utility>

#include "service/review_docs.h"
#include "service/review_service.h"
#include "web/api_common.h"
#include "web/review_doc_json.h"
#include "web/review_json.h"
#include "web/review_render.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

Status ReadFormat(const HttpRequest& request, std::string* format) {
  NQ_RETURN_IF_ERROR(QueryText(request, "format", 8, format));
  if (format->empty()) *format = "json";  // QueryText gives "" for an absent parameter
  return CheckReviewFormat(*format);
}

// GET /api/v1/resolutions/{id}/review: computed now, kept nowhere.
Result<HttpResponse> AdHocReview(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  std::optional<Date> as_of;
  std::optional<int64_t> org;
  std::string kind;
  std::string format;
  NQ_RETURN_IF_ERROR(QueryDate(c.request, "as_of", &as_of));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "org_id", 1, INT64_MAX, &org));
  NQ_RETURN_IF_ERROR(QueryText(c.request, "kind", 16, &kind));
  if (kind.empty()) kind = "midterm";
  NQ_RETURN_IF_ERROR(ReadFormat(c.request, &format));
  NQ_ASSIGN_OR_RETURN(review::ReviewKind k, review::ReviewKindOf(kind));
  NQ_ASSIGN_OR_RETURN(
      review::Review r,
      BuildReview(c.app(), c.principal(), ReviewRequest{id, as_of.value_or(Today()), k, org}));
  if (format == "json") return JsonResponse(200, ReviewJson(r));
  NQ_ASSIGN_OR_RETURN(std::string bytes, RenderReview(r, review::DocumentOptions{}, format));
  return ReviewFileResponse(std::move(bytes), format, ReviewFileName(r, format));
}

Result<HttpResponse> ListDocs(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> docs, ListReviewDocs(c.app(), c.principal(), id));
  Json rows = Json::array();
  for (const ReviewDoc& d : docs) rows.push_back(ReviewDocRowJson(d, OrgNameOf(c.app(), d.org_id)));
  return JsonResponse(200, Json{{"reviews", std::move(rows)}});
}

Result<HttpResponse> DocResponse(const ApiCall& c, int status, int64_t id) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, GetReviewDoc(c.app(), c.principal(), id));
  return JsonResponse(status, ReviewDocJson(d));
}

Result<HttpResponse> CreateDoc(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  NewReviewDoc in;
  in.resolution_id = id;
  std::optional<std::string> kind;
  std::optional<Date> as_of;
  std::optional<JsonObjectReader> header;
  NQ_RETURN_IF_ERROR(body.GetString("kind", &kind));
  NQ_RETURN_IF_ERROR(body.GetDate("as_of", &as_of));
  NQ_RETURN_IF_ERROR(body.Require("as_of"));
  NQ_RETURN_IF_ERROR(body.GetInt("org_id", 1, INT64_MAX, &in.org_id));
  NQ_RETURN_IF_ERROR(body.GetObject("header", &header));
  if (header) {
    NQ_RETURN_IF_ERROR(ReadReviewDocHeader(*header, &in.header));
    NQ_RETURN_IF_ERROR(header->Finish());
  }
  NQ_RETURN_IF_ERROR(body.Finish());
  if (kind) in.kind = *kind;
  in.as_of = *as_of;
  NQ_ASSIGN_OR_RETURN(ReviewDoc d,
                      CreateReviewDoc(c.app(), c.principal(), in, ActorFor(*c.session, c.request)));
  return DocResponse(c, 201, d.id);
}

Result<HttpResponse> GetDoc(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return DocResponse(c, 200, id);
}

Result<HttpResponse> PutHeader(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, GetReviewDoc(c.app(), c.principal(), id));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  ReviewDocHeader h = d.doc.header;
  NQ_RETURN_IF_ERROR(ReadReviewDocHeader(body, &h));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_RETURN_IF_ERROR(
      UpdateReviewDocHeader(c.app(), c.principal(), id, h, ActorFor(*c.session, c.request))
          .status());
  return DocResponse(c, 200, id);
}

Result<HttpResponse> ListTexts(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, GetReviewDoc(c.app(), c.principal(), id));
  Json versions = Json::array();
  for (const ReviewText& t : d.versions) versions.push_back(ReviewTextJson(t));
  return JsonResponse(200, Json{{"versions", std::move(versions)}});
}

Result<HttpResponse> PutText(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<std::string> text;
  std::optional<int64_t> base;
  NQ_RETURN_IF_ERROR(body.GetString("body", &text));
  NQ_RETURN_IF_ERROR(body.Require("body"));
  NQ_RETURN_IF_ERROR(body.GetInt("base_version", 0, 1000000, &base));
  NQ_RETURN_IF_ERROR(body.Require("base_version"));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_ASSIGN_OR_RETURN(ReviewText t,
                      SaveReviewText(c.app(), c.principal(), id, c.params.Get("section"), *text,
                                     static_cast<int>(*base), ActorFor(*c.session, c.request)));
  return JsonResponse(200, ReviewTextJson(t));
}

Result<HttpResponse> Issue(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<int64_t> number;
  std::optional<std::string> symbol, signer, title, on_behalf;
  std::optional<Date> issued_on;
  NQ_RETURN_IF_ERROR(body.GetInt("number", 1, 99999, &number));
  NQ_RETURN_IF_ERROR(body.Require("number"));
  NQ_RETURN_IF_ERROR(body.GetString("symbol", &symbol));
  NQ_RETURN_IF_ERROR(body.Require("symbol"));
  NQ_RETURN_IF_ERROR(body.GetDate("issued_on", &issued_on));
  NQ_RETURN_IF_ERROR(body.Require("issued_on"));
  NQ_RETURN_IF_ERROR(body.GetString("signer_name", &signer));
  NQ_RETURN_IF_ERROR(body.Require("signer_name"));
  NQ_RETURN_IF_ERROR(body.GetString("signer_title", &title));
  NQ_RETURN_IF_ERROR(body.GetString("on_behalf", &on_behalf));
  NQ_RETURN_IF_ERROR(body.Finish());
  ReviewIssue in{static_cast<int>(*number), *symbol, *issued_on, *signer, title.value_or(""),
                 on_behalf.value_or("")};
  NQ_RETURN_IF_ERROR(
      IssueReviewDoc(c.app(), c.principal(), id, in, RenderReview, ActorFor(*c.session, c.request))
          .status());
  return DocResponse(c, 200, id);
}

Result<HttpResponse> File(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  std::string format;
  NQ_RETURN_IF_ERROR(ReadFormat(c.request, &format));
  return KeptReviewFile(c.app(), c.principal(), id, format);
}

}  // namespace

void AddReviewApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/resolutions/{id}/review", ApiRoute(ctx, AdHocReview));
  router.Add("GET", "/api/v1/resolutions/{id}/reviews", ApiRoute(ctx, ListDocs));
  router.Add("POST", "/api/v1/resolutions/{id}/reviews", ApiRoute(ctx, CreateDoc));
  router.Add("GET", "/api/v1/reviews/{id}", ApiRoute(ctx, GetDoc));
  router.Add("PUT", "/api/v1/reviews/{id}/header", ApiRoute(ctx, PutHeader));
  router.Add("GET", "/api/v1/reviews/{id}/texts", ApiRoute(ctx, ListTexts));
  router.Add("PUT", "/api/v1/reviews/{id}/texts/{section}", ApiRoute(ctx, PutText));
  router.Add("POST", "/api/v1/reviews/{id}/issue", ApiRoute(ctx, Issue));
  router.Add("GET", "/api/v1/reviews/{id}/file", ApiRoute(ctx, File));
}

}  // namespace nq::web
