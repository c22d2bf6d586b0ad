#include "web/router.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace nq::web {
namespace {

// Splits "/a/b/c" into {"a","b","c"}; "/" gives {""}. Views point into `path`.
void SplitPath(std::string_view path, std::vector<std::string_view>* parts) {
  parts->clear();
  if (path.empty() || path.front() != '/') return;
  std::string_view rest = path.substr(1);
  while (true) {
    const size_t slash = rest.find('/');
    parts->push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
  }
}

std::string ErrorJson(const char* code, const char* message) {
  return std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + message + "\"}}";
}

}  // namespace

std::string_view RouteParams::Get(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (n == name) return v;
  }
  return {};
}

std::optional<int64_t> RouteParams::GetInt(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (n != name) continue;
    if (v.empty() || v.front() < '0' || v.front() > '9') return std::nullopt;
    int64_t out = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

bool RouteParams::Has(std::string_view name) const {
  return std::any_of(items_.begin(), items_.end(), [&](const auto& p) { return p.first == name; });
}

void Router::Add(std::string method, std::string_view pattern, RouteHandler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  Route route;
  route.method = std::move(method);
  route.pattern = std::string(pattern);
  route.handler = std::move(handler);
  std::vector<std::string_view> parts;
  SplitPath(pattern, &parts);
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    const size_t open = part.find('{');
    const size_t close = part.find('}');
    if (open == std::string_view::npos && close == std::string_view::npos) {
      route.segments.push_back({SegmentKind::kLiteral, std::string(part)});
      continue;
    }
    if (open != 0 || close != part.size() - 1 || part.size() < 3 ||
        part.find_first_of("{}", 1) != close) {
      throw std::invalid_argument("malformed route segment '" + std::string(part) + "' in " +
                                  route.pattern);
    }
    std::string_view name = part.substr(1, part.size() - 2);
    SegmentKind kind = SegmentKind::kParam;
    if (name.size() > 3 && name.substr(name.size() - 3) == "...") {
      if (i + 1 != parts.size()) {
        throw std::invalid_argument("'{name...}' must be the last segment in " + route.pattern);
      }
      name.remove_suffix(3);
      kind = SegmentKind::kRest;
    } else if (name.find('.') != std::string_view::npos) {
      throw std::invalid_argument("malformed route parameter in " + route.pattern);
    }
    route.segments.push_back({kind, std::string(name)});
  }
  for (const Route& other : routes_) {
    if (other.method != route.method || other.segments.size() != route.segments.size()) continue;
    const bool same_shape = std::equal(
        other.segments.begin(), other.segments.end(), route.segments.begin(),
        [](const Segment& a, const Segment& b) {
          return a.kind == b.kind && (a.kind != SegmentKind::kLiteral || a.text == b.text);
        });
    if (same_shape) {
      throw std::invalid_argument("duplicate route " + route.method + " " + route.pattern +
                                  " (same as " + other.pattern + ")");
    }
  }
  routes_.push_back(std::move(route));
}

bool Router::Matches(const Route& route, const std::vector<std::string_view>& parts,
                     std::string_view path, RouteParams* params) {
  const auto& segs = route.segments;
  const bool has_rest = !segs.empty() && segs.back().kind == SegmentKind::kRest;
  if (has_rest ? parts.size() < segs.size() : parts.size() != segs.size()) return false;
  for (size_t i = 0; i < segs.size(); ++i) {
    const Segment& seg = segs[i];
    switch (seg.kind) {
      case SegmentKind::kLiteral:
        if (parts[i] != seg.text) return false;
        break;
      case SegmentKind::kParam:
        if (parts[i].empty()) return false;
        if (params) params->Add(seg.text, std::string(parts[i]));
        break;
      case SegmentKind::kRest: {
        // The rest of the path from this segment on, slashes included.
        const std::string_view rest =
            path.substr(static_cast<size_t>(parts[i].data() - path.data()));
        if (rest.empty()) return false;
        if (params) params->Add(seg.text, std::string(rest));
        break;
      }
    }
  }
  return true;
}

bool Router::MoreSpecific(const Route& a, const Route& b) {
  const size_t n = std::min(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < n; ++i) {
    if (a.segments[i].kind != b.segments[i].kind) return a.segments[i].kind < b.segments[i].kind;
  }
  return a.segments.size() > b.segments.size();
}

RouteMatch Router::Find(std::string_view method, std::string_view path) const {
  RouteMatch match;
  std::vector<std::string_view> parts;
  parts.reserve(8);
  SplitPath(path, &parts);
  if (parts.empty()) return match;

  const Route* best = nullptr;
  const Route* best_get = nullptr;  // for HEAD without a HEAD route
  std::vector<std::string_view> methods;
  for (const Route& route : routes_) {
    if (!Matches(route, parts, path, nullptr)) continue;
    methods.push_back(route.method);
    if (route.method == method) {
      if (!best || MoreSpecific(route, *best)) best = &route;
    } else if (method == "HEAD" && route.method == "GET") {
      if (!best_get || MoreSpecific(route, *best_get)) best_get = &route;
    }
  }
  if (!best) best = best_get;
  if (best) {
    match.status = 200;
    match.handler = &best->handler;
    Matches(*best, parts, path, &match.params);
    return match;
  }
  if (methods.empty()) return match;  // 404

  if (std::find(methods.begin(), methods.end(), "GET") != methods.end()) methods.push_back("HEAD");
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  match.status = 405;
  for (std::string_view m : methods) {
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += m;
  }
  return match;
}

HttpResponse Router::Dispatch(const HttpRequest& request) const {
  RouteMatch match = Find(request.method, request.path);
  if (match.handler) return (*match.handler)(request, match.params);
  if (match.status == 405) {
    HttpResponse r = HttpResponse::Json(
        405, ErrorJson("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này"));
    r.SetHeader("Allow", std::move(match.allow));
    return r;
  }
  return HttpResponse::Json(404, ErrorJson("not_found", "Không tìm thấy địa chỉ yêu cầu"));
}

}  // namespace nq::web
