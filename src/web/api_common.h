// Shared pieces of the JSON API under /api/v1 (docs/openapi.yaml): how a handler gets its
// session, ids, bodies and query parameters, and how domain values become JSON.
//
// An API handler is a function of an ApiCall returning Result<HttpResponse>; an error Status it
// returns becomes the JSON error body {"error":{"code","key","message"}} with the HTTP status of
// its code (json_io.h). The wrapper ApiRoute() checks, before the handler runs:
//   - a session (cookie nq_session), else 401 "auth.no_session";
//   - for POST/PUT/PATCH/DELETE, the header X-CSRF-Token equal to the session's CSRF token,
//     else 403 "csrf.invalid" — so no state-changing endpoint can forget it.
// PublicApiRoute() skips both (only POST /api/v1/session uses it).
//
// Conventions enforced here:
//   - ids in paths are positive decimal integers, else 400 "request.bad_id";
//   - bodies are JSON objects with Content-Type application/json, else 400
//     "json.content_type"; then JsonObjectReader's strict rules apply;
//   - query parameters: bad numbers or booleans give 400 "query.invalid" naming the parameter.
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/organization.h"
#include "domain/user.h"
#include "service/auth_service.h"
#include "service/user_service.h"
#include "web/http.h"
#include "web/json_io.h"
#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

using Json = nlohmann::ordered_json;

struct ApiCall {
  WebContext& ctx;
  const HttpRequest& request;
  const RouteParams& params;
  const SignedIn* session;  // null only for public routes

  App& app() const { return ctx.app; }
  const Principal& principal() const { return session->principal; }
};

using ApiFn = std::function<Result<HttpResponse>(const ApiCall&)>;

// A route handler that requires a session (and the CSRF header for state changes).
RouteHandler ApiRoute(WebContext& ctx, ApiFn fn);
// A route handler without session or CSRF checks.
RouteHandler PublicApiRoute(WebContext& ctx, ApiFn fn);

// A JSON response with `status` and the serialized body.
HttpResponse JsonResponse(int status, const Json& body);
// 204 No Content.
HttpResponse NoContent();

// The path parameter `name` as a positive integer; Invalid "request.bad_id" otherwise.
Result<int64_t> PathId(const RouteParams& params, std::string_view name = "id");

// The request body as a strict JSON object (see above).
Result<JsonObjectReader> ReadJsonBody(const HttpRequest& request);

// Query parameters. Absent parameters leave *out untouched. Invalid "query.invalid" for a value
// that is not a decimal integer in [min, max], or not one of true/false/1/0, or not a date.
Status QueryInt(const HttpRequest& request, std::string_view name, int64_t min, int64_t max,
                std::optional<int64_t>* out);
Status QueryBool(const HttpRequest& request, std::string_view name, std::optional<bool>* out);
// A date "YYYY-MM-DD"; Invalid "query.invalid" for anything else.
Status QueryDate(const HttpRequest& request, std::string_view name, std::optional<Date>* out);
// A query string value: Invalid "query.invalid" unless valid UTF-8 of at most `max_bytes`.
Status QueryText(const HttpRequest& request, std::string_view name, size_t max_bytes,
                 std::string* out);

// {id, code, name, kind, kind_label, sector, sector_label, parent_id, sort_order, members,
//  workers, valid_from, valid_to}; dates as "YYYY-MM-DD", null when absent.
Json OrgJson(const Organization& org);
// {id, code, name} — for paths and children lists.
Json OrgRefJson(const Organization& org);
// {id, username, full_name, role, role_label, org_id, org_name, disabled, created_at}
// (created_at as "2023-05-17T08:30:00Z").
Json UserJson(const UserView& user);
// The signed-in user: {id, username, full_name, role, role_label, org_id, org_name}.
Json PrincipalJson(App& app, const Principal& p);

// Name of an organization from the current tree ("" if it is gone).
std::string OrgNameOf(App& app, int64_t org_id);
// The same from a tree already taken (one snapshot for the many names of a page).
std::string OrgNameOf(const OrgTree& tree, int64_t org_id);

}  // namespace nq::web
