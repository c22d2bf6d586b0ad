// Router: maps (method, path) to a handler, with named path parameters.
//
// Patterns are '/'-separated segments; a segment is either literal text ("orgs") or a parameter
// in braces ("{id}") that matches one non-empty segment. A last segment "{name...}" matches the
// rest of the path (one or more segments, slashes included). Example:
//   router.Add("POST", "/api/v1/orgs/{id}/move", MoveOrg);
//   router.Add("GET", "/static/{file...}", ServeAsset);
// Matching is exact: no trailing-slash or case folding. When several patterns match a path, the
// most specific wins, segment by segment from the left: literal before "{param}" before
// "{rest...}" ("/orgs/tree" beats "/orgs/{id}"), whatever the order of Add().
// A HEAD request falls back to the GET route of the path (the server drops the body).
//
// Outcome of a lookup: the handler and its parameters; else 405 with the methods allowed for the
// path (for an Allow header) when the path matches some route; else 404.
//
// Thread-safety: Add() only while setting up; Find()/Dispatch() are const and may then run on
// many threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/http.h"

namespace nq::web {

// Named values taken from the path, in pattern order. Values are the request's path segments
// (already percent-decoded by the server).
class RouteParams {
 public:
  // Value of a parameter, or "" if the route has none by that name.
  std::string_view Get(std::string_view name) const;
  // The value as a non-negative decimal integer that fits int64; nullopt if absent or not one
  // (handlers typically answer 404 for a malformed id).
  std::optional<int64_t> GetInt(std::string_view name) const;
  bool Has(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

  void Add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

using RouteHandler = std::function<HttpResponse(const HttpRequest&, const RouteParams&)>;

struct RouteMatch {
  // 200 when a route matched (handler set), 404 or 405 otherwise.
  int status = 404;
  const RouteHandler* handler = nullptr;  // owned by the Router; valid while it lives
  RouteParams params;
  // For 405: the methods of the path, comma-separated ("GET, HEAD, POST"), for an Allow header.
  std::string allow;
};

class Router {
 public:
  // Registers a route. Throws std::invalid_argument for a malformed pattern (not starting with
  // '/', an unclosed or empty brace, "{x...}" not last, text around braces in one segment) or a
  // duplicate (method, pattern). Methods are upper case: "GET", "POST", ...
  void Add(std::string method, std::string_view pattern, RouteHandler handler);

  RouteMatch Find(std::string_view method, std::string_view path) const;

  // Find() then: the handler's response; or 404 / 405 (with Allow) as a JSON error body
  // {"error":{"code":"not_found"|"method_not_allowed","message":"..."}}.
  HttpResponse Dispatch(const HttpRequest& request) const;

  size_t size() const { return routes_.size(); }

 private:
  enum class SegmentKind { kLiteral, kParam, kRest };
  struct Segment {
    SegmentKind kind;
    std::string text;  // literal text or parameter name
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    RouteHandler handler;
  };

  // Whether `route` matches the path split in `parts`; fills `params` when given.
  static bool Matches(const Route& route, const std::vector<std::string_view>& parts,
                      std::string_view path, RouteParams* params);
  // True when a is more specific than b (both matching the same path).
  static bool MoreSpecific(const Route& a, const Route& b);

  std::vector<Route> routes_;
};

}  // namespace nq::web
