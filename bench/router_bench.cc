// Cost of the per-request plumbing in web/: route lookup over an API-sized table, and the header,
// cookie and query helpers every handler calls. Run: build-bench/bench/router_bench
#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

#include "web/http.h"
#include "web/router.h"

namespace nq::web {
namespace {

// A table shaped like the real one: pages, the JSON API with ids and actions, static files.
Router MakeRouter() {
  Router router;
  auto ok = [](const HttpRequest&, const RouteParams& p) {
    return HttpResponse::Text(200, std::to_string(p.items().size()));
  };
  for (const char* page : {"/", "/login", "/logout", "/orgs", "/users", "/account"}) {
    router.Add("GET", page, ok);
  }
  router.Add("POST", "/login", ok);
  router.Add("POST", "/logout", ok);
  router.Add("GET", "/orgs/{id}", ok);
  router.Add("GET", "/users/{id}", ok);
  router.Add("GET", "/static/{file...}", ok);
  for (const char* resource : {"orgs", "users", "terms", "resolutions", "targets", "tasks"}) {
    const std::string base = std::string("/api/v1/") + resource;
    router.Add("GET", base, ok);
    router.Add("POST", base, ok);
    router.Add("GET", base + "/{id}", ok);
    router.Add("PATCH", base + "/{id}", ok);
    router.Add("DELETE", base + "/{id}", ok);
  }
  router.Add("GET", "/api/v1/orgs/tree", ok);
  router.Add("POST", "/api/v1/orgs/{id}/move", ok);
  router.Add("POST", "/api/v1/orgs/{id}/close", ok);
  router.Add("GET", "/api/v1/orgs/{id}/users", ok);
  router.Add("POST", "/api/v1/session", ok);
  router.Add("DELETE", "/api/v1/session", ok);
  return router;
}

void BM_RouterFind(benchmark::State& state, const char* method, const char* path) {
  const Router router = MakeRouter();
  for (auto _ : state) {
    RouteMatch m = router.Find(method, path);
    benchmark::DoNotOptimize(m);
  }
  state.counters["routes"] = static_cast<double>(router.size());
}
BENCHMARK_CAPTURE(BM_RouterFind, literal_tree, "GET", "/api/v1/orgs/tree");
BENCHMARK_CAPTURE(BM_RouterFind, param_action, "POST", "/api/v1/orgs/123/move");
BENCHMARK_CAPTURE(BM_RouterFind, static_rest, "GET", "/static/vendor/htmx.min.js");
BENCHMARK_CAPTURE(BM_RouterFind, not_found, "GET", "/api/v2/nothing/here");
BENCHMARK_CAPTURE(BM_RouterFind, method_not_allowed, "PUT", "/api/v1/orgs/5");

// A request as a browser sends it, with the session cookie last among several.
HttpRequest BrowserRequest() {
  HttpRequest r;
  r.method = "GET";
  r.target = "/api/v1/orgs?search=%C4%91ang+b%E1%BB%99&page=2&size=50";
  r.path = "/api/v1/orgs";
  r.query = "search=%C4%91ang+b%E1%BB%99&page=2&size=50";
  r.headers = {{"host", "127.0.0.1:8080"},
               {"user-agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"},
               {"accept", "application/json"},
               {"accept-language", "vi-VN,vi;q=0.9,en;q=0.8"},
               {"accept-encoding", "gzip, deflate, br"},
               {"hx-request", "true"},
               {"cookie", "theme=light; lang=vi; nq_session=3q2+7w8AAAD8nM2bYbXJx0Pz5kq9; x=1"}};
  return r;
}

void BM_RequestCookie(benchmark::State& state) {
  const HttpRequest r = BrowserRequest();
  for (auto _ : state) benchmark::DoNotOptimize(r.Cookie("nq_session"));
}
BENCHMARK(BM_RequestCookie);

void BM_RequestQueryParam(benchmark::State& state) {
  const HttpRequest r = BrowserRequest();
  for (auto _ : state) benchmark::DoNotOptimize(r.QueryParam("search"));
}
BENCHMARK(BM_RequestQueryParam);

void BM_RouterDispatch(benchmark::State& state) {
  const Router router = MakeRouter();
  HttpRequest r = BrowserRequest();
  r.path = "/api/v1/orgs/42/users";
  for (auto _ : state) benchmark::DoNotOptimize(router.Dispatch(r));
}
BENCHMARK(BM_RouterDispatch);

}  // namespace
}  // namespace nq::web
