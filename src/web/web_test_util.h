// Test support for the web handler tests (src/web/*_test.cc; not part of nqtrack_core).
//
// WebTest extends the service tests' fixture (a fresh SQLite file, an App, the small tree
// DUK > {DUK.STC > {DUK.STC.VP, DUK.STC.NS}, DUK.SCT, DUK.SYT}) with the application handler of
// MakeAppHandler and helpers that build HttpRequest values as the server would — no sockets.
// Sign-ins are real (Argon2id at libsodium's minimum cost); tests keep them few.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "service/service_test_util.h"
#include "web/app_handler.h"
#include "web/http.h"

namespace nq::web::testing_util {

// True when the response body contains `text`.
inline bool BodyHas(const HttpResponse& r, const std::string& text) {
  return r.body.find(text) != std::string::npos;
}

class WebTest : public nq::testing_util::ServiceTest {
 protected:
  struct Session {
    std::string token;  // nq_session cookie value
    std::string csrf;   // the session's CSRF token
  };

  void SetUp() override {
    ServiceTest::SetUp();
    handler_ = MakeAppHandler(*app_, AppOptions{});
  }

  // A request as the server hands it over: path percent-decoded, query split off.
  static HttpRequest Make(std::string method, const std::string& target, std::string body = "",
                          std::vector<std::pair<std::string, std::string>> headers = {}) {
    HttpRequest r;
    r.method = std::move(method);
    r.target = target;
    const size_t q = target.find('?');
    PercentDecode(target.substr(0, q), false, &r.path);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.headers = std::move(headers);
    r.body = std::move(body);
    r.remote_address = "192.0.2.10";
    return r;
  }

  HttpResponse Call(const HttpRequest& r) { return handler_(r); }

  // POST /api/v1/session; fails the test unless it succeeds.
  Session Login(const std::string& username, const std::string& password = "mat-khau-dung") {
    HttpResponse r =
        Call(Make("POST", "/api/v1/session",
                  nlohmann::json{{"username", username}, {"password", password}}.dump(),
                  {{"content-type", "application/json"}}));
    EXPECT_EQ(r.status, 200) << r.body;
    Session s;
    s.token = SetCookieValue(r, "nq_session");
    s.csrf = Body(r).value("csrf_token", "");
    EXPECT_FALSE(s.token.empty());
    EXPECT_FALSE(s.csrf.empty());
    return s;
  }

  // An API call with the session cookie, a JSON body (when not empty) and, when `csrf`, the
  // X-CSRF-Token header.
  HttpResponse Api(const Session& s, const std::string& method, const std::string& target,
                   const std::string& body = "", bool csrf = true) {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"cookie", "nq_session=" + s.token}};
    if (!body.empty()) headers.emplace_back("content-type", "application/json");
    if (csrf) headers.emplace_back("x-csrf-token", s.csrf);
    return Call(Make(method, target, body, std::move(headers)));
  }

  // A page request with the session cookie; for POST, a form body.
  HttpResponse Page(const Session& s, const std::string& method, const std::string& target,
                    const std::string& form = "") {
    std::vector<std::pair<std::string, std::string>> headers = {
        {"cookie", "nq_session=" + s.token}};
    if (method == "POST") {
      headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    }
    return Call(Make(method, target, form, std::move(headers)));
  }

  static nlohmann::json Body(const HttpResponse& r) {
    nlohmann::json j = nlohmann::json::parse(r.BodyView(), nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.BodyView();
    return j;
  }

  // The error key of a JSON error body ("" if none).
  static std::string ErrorKey(const HttpResponse& r) {
    nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
    if (j.is_discarded() || !j.contains("error")) return "";
    return j["error"].value("key", "");
  }

  // The value of cookie `name` in the response's Set-Cookie headers ("" if not set).
  static std::string SetCookieValue(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers) {
      if (n != "Set-Cookie" || v.rfind(name + "=", 0) != 0) continue;
      return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
    }
    return "";
  }

  static std::string SetCookieLine(const HttpResponse& r, const std::string& name) {
    for (const auto& [n, v] : r.headers) {
      if (n == "Set-Cookie" && v.rfind(name + "=", 0) == 0) return v;
    }
    return "";
  }

  Organization Org(const std::string& code) {
    const Organization* o = app_->orgs().tree()->Find(Id(code));
    EXPECT_NE(o, nullptr);
    return o ? *o : Organization{};
  }

  Handler handler_;
};

}  // namespace nq::web::testing_util
