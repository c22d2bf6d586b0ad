#include "web/http.h"

#include <cstddef>

#include "common/utf8.h"

namespace nq::web {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the decoded form of `in` to `out`. A bad escape is copied as it is; the return value
// tells whether every escape was good.
bool AppendDecoded(std::string_view in, bool plus_is_space, std::string* out) {
  bool good = true;
  out->reserve(out->size() + in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      const int hi = i + 2 < in.size() ? HexValue(in[i + 1]) : -1;
      const int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out->push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
      good = false;
      out->push_back(c);
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return good;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls fn(raw_key, raw_value) for each non-empty '&'-separated item of a query or form body;
// stops early when fn returns true.
template <typename Fn>
void ForEachPair(std::string_view s, Fn fn) {
  while (!s.empty()) {
    const size_t amp = s.find('&');
    const std::string_view item = s.substr(0, amp);
    s = amp == std::string_view::npos ? std::string_view() : s.substr(amp + 1);
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string_view key = item.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
    if (fn(key, value)) return;
  }
}

// Whether a raw (still encoded) form key decodes to `name`, without allocating for plain keys.
bool KeyMatches(std::string_view raw_key, std::string_view name) {
  if (raw_key.find_first_of("%+") == std::string_view::npos) return raw_key == name;
  std::string decoded;
  AppendDecoded(raw_key, true, &decoded);
  return decoded == name;
}

}  // namespace

std::string_view HttpRequest::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (EqualsIgnoreCaseAscii(name, lower_name)) return value;
  }
  return {};
}

std::string HttpRequest::Cookie(std::string_view name) const {
  for (const auto& [header_name, value] : headers) {
    if (!EqualsIgnoreCaseAscii(header_name, "cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      const std::string_view item = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const size_t eq = item.find('=');
      if (eq == std::string_view::npos) continue;
      if (TrimSpaces(item.substr(0, eq)) != name) continue;
      std::string_view v = TrimSpaces(item.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v);
    }
  }
  return {};
}

std::string HttpRequest::QueryParam(std::string_view name) const {
  std::string out;
  ForEachPair(query, [&](std::string_view key, std::string_view value) {
    if (!KeyMatches(key, name)) return false;
    AppendDecoded(value, true, &out);
    return true;
  });
  return out;
}

bool HttpRequest::HasQueryParam(std::string_view name) const {
  bool found = false;
  ForEachPair(query, [&](std::string_view key, std::string_view) {
    found = KeyMatches(key, name);
    return found;
  });
  return found;
}

void HttpResponse::SetHeader(std::string name, std::string value) {
  for (auto& [n, v] : headers) {
    if (EqualsIgnoreCaseAscii(n, name)) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view HttpResponse::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (EqualsIgnoreCaseAscii(n, name)) return v;
  }
  return {};
}

namespace {
HttpResponse WithType(int status, std::string body, const char* content_type) {
  HttpResponse r;
  r.status = status;
  r.headers.emplace_back("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}
}  // namespace

HttpResponse HttpResponse::Text(int status, std::string body) {
  return WithType(status, std::move(body), "text/plain; charset=utf-8");
}

HttpResponse HttpResponse::Html(int status, std::string body) {
  return WithType(status, std::move(body), "text/html; charset=utf-8");
}

HttpResponse HttpResponse::Json(int status, std::string body) {
  return WithType(status, std::move(body), "application/json");
}

HttpResponse HttpResponse::SharedJson(int status, std::shared_ptr<const std::string> body) {
  HttpResponse r = WithType(status, std::string(), "application/json");
  r.shared_body = std::move(body);
  return r;
}

HttpResponse HttpResponse::Redirect(std::string location) {
  HttpResponse r;
  r.status = 303;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

std::string PercentEncode(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

bool PercentDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  return AppendDecoded(in, plus_is_space, out);
}

std::vector<std::pair<std::string, std::string>> ParseFormEncoded(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  ForEachPair(s, [&](std::string_view key, std::string_view value) {
    std::pair<std::string, std::string> p;
    AppendDecoded(key, true, &p.first);
    AppendDecoded(value, true, &p.second);
    out.push_back(std::move(p));
    return false;
  });
  return out;
}

}  // namespace nq::web
