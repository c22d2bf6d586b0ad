#include "web/api_audit.h"

#include <utility>
#include <vector>

#include "web/api_common.h"

namespace nq::web {
namespace {

// The stored snapshot is JSON object text written by the store; it is embedded as an object.
// Should it ever fail to parse, it is passed on as a string rather than dropped.
Json SnapshotJson(const std::string& text) {
  if (text.empty()) return Json(nullptr);
  Json parsed = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Json(text);
  return parsed;
}

Result<HttpResponse> ListAudit(const ApiCall& c) {
  AuditQuery q;
  std::optional<int64_t> limit;
  NQ_RETURN_IF_ERROR(QueryText(c.request, "entity", 32, &q.entity));
  NQ_RETURN_IF_ERROR(QueryText(c.request, "entity_id", 64, &q.entity_id));
  NQ_RETURN_IF_ERROR(QueryInt(c.request, "limit", 1, 1000, &limit));
  if (limit) q.limit = static_cast<int>(*limit);
  NQ_ASSIGN_OR_RETURN(std::vector<store::AuditEntry> rows, c.ctx.audit.List(c.principal(), q));
  Json items = Json::array();
  for (const store::AuditEntry& e : rows) {
    Json j;
    j["id"] = e.id;
    j["at"] = FormatIsoInstant(e.at);
    j["user_id"] = e.user_id;
    j["username"] = e.username;
    j["address"] = e.address;
    j["entity"] = e.entity;
    j["entity_id"] = e.entity_id;
    j["action"] = e.action;
    j["old"] = SnapshotJson(e.old_value);
    j["new"] = SnapshotJson(e.new_value);
    items.push_back(std::move(j));
  }
  Json body;
  body["items"] = std::move(items);
  return JsonResponse(200, body);
}

}  // namespace

void AddAuditApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/audit", ApiRoute(ctx, ListAudit));
}

}  // namespace nq::web
