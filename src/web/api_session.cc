#include "web/api_session.h"

#include <string>
#include <utility>

#include "web/api_common.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

Json SessionJson(App& app, const SignedIn& s) {
  Json j;
  j["user"] = PrincipalJson(app, s.principal);
  j["csrf_token"] = s.csrf_token;
  return j;
}

Result<HttpResponse> Login(const ApiCall& c) {
  NQ_ASSIGN_OR_RETURN(JsonObjectReader body, ReadJsonBody(c.request));
  std::optional<std::string> username;
  std::optional<std::string> password;
  NQ_RETURN_IF_ERROR(body.GetString("username", &username));
  NQ_RETURN_IF_ERROR(body.GetString("password", &password));
  NQ_RETURN_IF_ERROR(body.Finish());
  NQ_RETURN_IF_ERROR(body.Require("username"));
  NQ_RETURN_IF_ERROR(body.Require("password"));

  Result<SignedIn> s = c.app().auth().Login(*username, *password, c.request.remote_address,
                                            std::string(c.request.Header("user-agent")));
  if (!s.ok()) {
    HttpResponse r = JsonError(s.status());
    if (s.status().code() == Code::kThrottled) {
      r.SetHeader("Retry-After", std::to_string(AuthService::kWindowSeconds));
    }
    return r;
  }
  HttpResponse r = JsonResponse(200, SessionJson(c.app(), *s));
  r.headers.emplace_back("Set-Cookie",
                         SessionCookieHeader(s->token, c.ctx.SecureCookies(c.request)));
  return r;
}

HttpResponse ClearedCookie(const ApiCall& c) {
  HttpResponse r = NoContent();
  r.headers.emplace_back("Set-Cookie",
                         ExpiredCookieHeader(kSessionCookie, c.ctx.SecureCookies(c.request)));
  return r;
}

Result<HttpResponse> Logout(const ApiCall& c) {
  NQ_RETURN_IF_ERROR(c.app().auth().Logout(c.session->token, ActorFor(*c.session, c.request)));
  return ClearedCookie(c);
}

Result<HttpResponse> LogoutAll(const ApiCall& c) {
  NQ_RETURN_IF_ERROR(
      c.app().auth().LogoutEverywhere(c.principal().user_id, ActorFor(*c.session, c.request)));
  return ClearedCookie(c);
}

Result<HttpResponse> Me(const ApiCall& c) {
  return JsonResponse(200, SessionJson(c.app(), *c.session));
}

}  // namespace

void AddSessionApi(Router& router, WebContext& ctx) {
  router.Add("POST", "/api/v1/session", PublicApiRoute(ctx, Login));
  router.Add("DELETE", "/api/v1/session", ApiRoute(ctx, Logout));
  router.Add("POST", "/api/v1/session/logout-all", ApiRoute(ctx, LogoutAll));
  router.Add("GET", "/api/v1/me", ApiRoute(ctx, Me));
}

}  // namespace nq::web
