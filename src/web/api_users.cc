#include "web/api_users.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "web/api_common.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

Result<HttpResponse> ListUsers(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(std::vector<UserView> users, c.app().users().List(c.principal()));
  Json items = Json::array();
  for (const UserView& u : users) items.push_back(UserJson(u));
  Json body;
  body["items"] = std::move(items);
  body["total"] = users.size();
  return JsonResponse(200, body);
}

Result<HttpResponse> GetUser(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(UserView user, c.app().users().Get(c.principal(), id));
  return JsonResponse(200, UserJson(user));
}

Result<HttpResponse> CreateUser(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  UserInput in;
  NQ_RETURN_IF_ERROR(ReadUserInput(body, /*create=*/true, &in));
  NQ_ASSIGN_OR_RETURN(UserView user, c.app().users().CreateUser(c.principal(), in,
                                                                ActorFor(*c.session, c.request)));
  HttpResponse r = JsonResponse(201, UserJson(user));
  r.SetHeader("Location", "/api/v1/users/" + std::to_string(user.id));
  return r;
}

Result<HttpResponse> UpdateUser(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  UserInput in;
  NQ_RETURN_IF_ERROR(ReadUserInput(body, /*create=*/false, &in));
  NQ_ASSIGN_OR_RETURN(UserView user, c.app().users().Update(c.principal(), id, in,
                                                            ActorFor(*c.session, c.request)));
  return JsonResponse(200, UserJson(user));
}

Result<HttpResponse> ChangeOwnPassword(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<std::string> current;
  std::optional<std::string> next;
  NQ_RETURN_IF_ERROR(body.GetString("current", &current));
  NQ_RETURN_IF_ERROR(body.GetString("new", &next));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_RETURN_IF_ERROR(body.Require("current"));
  NQ_RETURN_IF_ERROR(body.Require("new"));
  NQ_RETURN_IF_ERROR(c.app().users().ChangeOwnPassword(c.principal(), *current, *next,
                                                       ActorFor(*c.session, c.request)));
  HttpResponse r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie",
                         ExpiredCookieHeader(kSessionCookie, c.ctx.SecureCookies(c.request)));
  return r;
}

}  // namespace

Status ReadUserInput(JsonObjectReader& body, bool create, UserInput* in) {
  NQ_RETURN_IF_ERROR(body.GetString("username", &in->username));
  NQ_RETURN_IF_ERROR(body.GetString("full_name", &in->full_name));
  std::optional<std::string> role;
  NQ_RETURN_IF_ERROR(body.GetString("role", &role));
  if (role) {
    in->role = ParseRole(*role);
    if (!in->role) {
      return Status::Invalid("json.bad_value",
                             "Trường \"role\" phải là một trong: admin, committee, reporter, "
                             "viewer");
    }
  }
  std::optional<std::string> board;
  NQ_RETURN_IF_ERROR(body.GetString("board", &board));
  if (board) {
    in->board = ParseBoard(*board);
    if (!in->board) {
      return Status::Invalid("json.bad_value",
                             "Trường \"board\" phải là một trong: \"\" (không thuộc ban nào), "
                             "organization, inspection, propaganda, mass_mobilization, office");
    }
  }
  NQ_RETURN_IF_ERROR(body.GetInt("org_id", 1, std::numeric_limits<int64_t>::max(), &in->org_id));
  NQ_RETURN_IF_ERROR(body.GetString("password", &in->password));
  NQ_RETURN_IF_ERROR(body.GetBool("disabled", &in->disabled));
  NQ_RETURN_IF_ERROR(body.Finish());
  if (create) {
    for (const char* field : {"username", "full_name", "role", "org_id", "password"}) {
      NQ_RETURN_IF_ERROR(body.Require(field));
    }
  }
  return Status::Ok();
}

void AddUserApi(Router& router, WebContext& ctx) {
  router.Add("GET", "/api/v1/users", ApiRoute(ctx, ListUsers));
  router.Add("POST", "/api/v1/users", ApiRoute(ctx, CreateUser));
  router.Add("GET", "/api/v1/users/{id}", ApiRoute(ctx, GetUser));
  router.Add("PATCH", "/api/v1/users/{id}", ApiRoute(ctx, UpdateUser));
  router.Add("POST", "/api/v1/me/password", ApiRoute(ctx, ChangeOwnPassword));
}

}  // namespace nq::web
