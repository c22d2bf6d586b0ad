// The project's own HTTP request and response types. Handlers are plain functions over these,
// so they are tested without sockets; only web/http_server.cc knows Boost.Beast.
// Plain values; thread-compatible.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nq::web {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: path and query, e.g. "/api/v1/orgs?search=dang"
  std::string path;    // percent-decoded path without the query: "/api/v1/orgs"
  std::string query;   // raw query string without '?': "search=dang"
  // Header names in lower case; repeated headers appear repeatedly.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_address;  // client IP (X-Forwarded-For is not trusted)
  bool secure = false;         // true when the server was told it runs behind TLS

  // First header with this (lower-case) name, or "" if absent.
  std::string_view Header(std::string_view lower_name) const;
  // Value of a cookie from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
  // Percent-decoded value of a query parameter ('+' is a space), or "" if absent.
  std::string QueryParam(std::string_view name) const;
  bool HasQueryParam(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body shared with a cache (e.g. a serialized JSON document kept between requests): when
  // set, it is sent instead of `body`, without a copy; the server holds the pointer until the
  // response is written. Tests read either kind through BodyView().
  std::shared_ptr<const std::string> shared_body;

  void SetHeader(std::string name, std::string value);
  std::string_view Header(std::string_view name) const;  // case-insensitive, "" if absent
  // The bytes to send: *shared_body when set, else body.
  std::string_view BodyView() const { return shared_body ? *shared_body : body; }

  static HttpResponse Text(int status, std::string body);  // text/plain; charset=utf-8
  static HttpResponse Html(int status, std::string body);  // text/html; charset=utf-8
  static HttpResponse Json(int status, std::string body);  // application/json
  // application/json with a shared body (see shared_body); `body` must not be null.
  static HttpResponse SharedJson(int status, std::shared_ptr<const std::string> body);
  static HttpResponse Redirect(std::string location);  // 303 See Other
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;

// Decodes %XX escapes (and '+' as space when `plus_is_space`). Returns false on a bad escape.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out);
// Percent-encodes every byte but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~), for a
// path segment or a query value: "MT 1/a" -> "MT%201%2Fa"; UTF-8 bytes each become %XX.
std::string PercentEncode(std::string_view in);
// Parses "a=1&b=x+y" into decoded pairs, in order; bad escapes are kept raw.
std::vector<std::pair<std::string, std::string>> ParseFormEncoded(std::string_view s);

}  // namespace nq::web
