#include "web/api_orgs.h"

#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "web/api_common.h"
#include "web/static_files.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

constexpr size_t kMaxSearchBytes = 200;

Status ReadIntField(JsonObjectReader& body, std::string_view key, int64_t min, int64_t max,
                    std::optional<int>* out) {
  std::optional<int64_t> v;
  NQ_RETURN_IF_ERROR(body.GetInt(key, min, max, &v));
  if (v) *out = static_cast<int>(*v);
  return Status::Ok();
}

Result<HttpResponse> Tree(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(auto entry, c.ctx.tree_cache.Get(c.app().orgs(), c.principal()));
  const std::string_view inm = c.request.Header("if-none-match");
  HttpResponse r;
  if (!inm.empty() && IfNoneMatchHits(inm, entry->etag)) {
    r.status = 304;
  } else {
    // The cached bytes are shared with the response (aliasing shared_ptr), not copied: this is
    // the hot path that `make bench` measures against nginx.
    r = HttpResponse::SharedJson(200, std::shared_ptr<const std::string>(entry, &entry->body));
  }
  r.SetHeader("ETag", entry->etag);
  return r;
}

Result<HttpResponse> ListOrgs(const ApiCall& c) {
  OrgListQuery q;
  std::optional<int64_t> root;
  std::optional<bool> include_closed;
  std::optional<int64_t> limit;
  std::optional<int64_t> offset;
  NQ_RETURN_IF_ERROR(QueryText(c.request, "search", kMaxSearchBytes, &q.search));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "root", 1, kMaxId, &root));
  NQ_RETURN_IF_ERROR(QueryBool(c.request, "include_closed", &include_closed));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "limit", 1, 1000, &limit));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "offset", 0, std::numeric_limits<int>::max(), &offset));
  q.root = root;
  q.include_closed = include_closed.value_or(false);
  if (limit) q.limit = static_cast<int>(*limit);
  if (offset) q.offset = static_cast<int>(*offset);
  NQ_ASSIGN_OR_RETURN(OrgListPage page, c.app().orgs().List(c.principal(), q));
  Json items = Json::array();
  for (const Organization& o : page.items) items.push_back(OrgJson(o));
  Json body;
  body["items"] = std::move(items);
  body["total"] = page.total;
  body["limit"] = q.limit;
  body["offset"] = q.offset;
  return JsonResponse(200, body);
}

Result<HttpResponse> GetOrg(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(Organization org, c.app().orgs().Get(c.principal(), id));
  NQ_ASSIGN_OR_RETURN(std::vector<Organization> path,
                      c.app().orgs().PathInScope(c.principal(), id));
  Json body = OrgJson(org);
  Json ancestors = Json::array();
  for (const Organization& o : path) {
    if (o.id != id) ancestors.push_back(OrgRefJson(o));
  }
  body["path"] = std::move(ancestors);
  Json children = Json::array();
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  for (int64_t child : tree->Children(id)) {
    if (const Organization* o = tree->Find(child)) children.push_back(OrgRefJson(*o));
  }
  body["children"] = std::move(children);
  return JsonResponse(200, body);
}

Result<HttpResponse> CreateOrg(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  OrgInput in;
  NQ_RETURN_IF_ERROR(ReadOrgInput(body, /*create=*/true, &in));
  NQ_ASSIGN_OR_RETURN(Organization org,
                      c.app().orgs().CreateOrg(c.principal(), in, ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, OrgJson(org));
  r.SetHeader("Location", "/api/v1/orgs/" + std::to_string(org.id));
  return r;
}

Result<HttpResponse> UpdateOrg(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  OrgInput in;
  NQ_RETURN_IF_ERROR(ReadOrgInput(body, /*create=*/false, &in));
  NQ_ASSIGN_OR_RETURN(Organization org, c.app().orgs().Update(c.principal(), id, in,
                                                              ActorFor(*c.session, c.request)));
  return JsonResponse(200, OrgJson(org));
}

Result<HttpResponse> Move(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<int64_t> parent;
  NQ_RETURN_IF_ERROR(body.GetInt("parent_id", 1, kMaxId, &parent));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_RETURN_IF_ERROR(body.Require("parent_id"));
  NQ_ASSIGN_OR_RETURN(Organization org, c.app().orgs().Move(c.principal(), id, *parent,
                                                            ActorFor(*c.session, c.request)));
  return JsonResponse(200, OrgJson(org));
}

Result<HttpResponse> Close(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<Date> date;
  NQ_RETURN_IF_ERROR(body.GetDate("date", &date));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_RETURN_IF_ERROR(body.Require("date"));
  NQ_ASSIGN_OR_RETURN(Organization org, c.app().orgs().Close(c.principal(), id, *date,
                                                             ActorFor(*c.session, c.request)));
  return JsonResponse(200, OrgJson(org));
}

}  // namespace

Status ReadOrgInput(JsonObjectReader& body, bool create, OrgInput* in) {
  NQ_RETURN_IF_ERROR(body.GetString("code", &in->code));
  NQ_RETURN_IF_ERROR(body.GetString("name", &in->name));
  std::optional<std::string> kind;
  NQ_RETURN_IF_ERROR(body.GetString("kind", &kind));
  if (kind) {
    in->kind = ParseOrgKind(*kind);
    if (!in->kind) return BadValue("kind", "bloc_committee, base_committee, base_cell, sub_cell");
  }
  std::optional<std::string> sector;
  NQ_RETURN_IF_ERROR(body.GetString("sector", &sector));
  if (sector) {
    in->sector = ParseSector(*sector);
    if (!in->sector) {
      return BadValue("sector",
                      "none, state_agency, public_service_unit, state_enterprise, "
                      "non_state_enterprise");
    }
  }
  if (create) NQ_RETURN_IF_ERROR(body.GetInt("parent_id", 1, kMaxId, &in->parent_id));
  NQ_RETURN_IF_ERROR(ReadIntField(body, "sort_order", -1000000, 1000000, &in->sort_order));
  NQ_RETURN_IF_ERROR(ReadIntField(body, "members", 0, 1000000, &in->members));
  NQ_RETURN_IF_ERROR(ReadIntField(body, "workers", 0, 100000000, &in->workers));
  NQ_RETURN_IF_ERROR(body.GetDate("valid_from", &in->valid_from));
  NQ_RETURN_IF_ERROR(body.Finish());
  if (create) {
    for (const char* field : {"code", "name", "kind", "parent_id"}) {
      NQ_RETURN_IF_ERROR(body.Require(field));
    }
  }
  return Status::Ok();
}

void AddOrgApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/orgs/tree", ApiRoute(ctx, Tree));
  router.Add("GET", "/api/v1/orgs", ApiRoute(ctx, ListOrgs));
  router.Add("GET", "/api/v1/orgs/{id}", ApiRoute(ctx, GetOrg));
  router.Add("POST", "/api/v1/orgs", ApiRoute(ctx, CreateOrg));
  router.Add("PATCH", "/api/v1/orgs/{id}", ApiRoute(ctx, UpdateOrg));
  router.Add("POST", "/api/v1/orgs/{id}/move", ApiRoute(ctx, Move));
  router.Add("POST", "/api/v1/orgs/{id}/close", ApiRoute(ctx, Close));
}

}  // namespace nq::web
