#include "web/static_files.h"

#include "web/embedded.h"

namespace nq::web {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view StripWeak(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  return tag;
}

}  // namespace

bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag) {
  const std::string_view want = StripWeak(etag);
  std::string_view rest = if_none_match;
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view tag = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (tag == "*" || (!tag.empty() && StripWeak(tag) == want)) return true;
  }
  return false;
}

HttpResponse ServeStatic(const HttpRequest& request) {
  if (request.method != "GET" && request.method != "HEAD") {
    HttpResponse r = HttpResponse::Text(405, "Phương thức không được hỗ trợ");
    r.SetHeader("Allow", "GET, HEAD");
    return r;
  }
  const EmbeddedFile* file =
      request.path.rfind("/static/", 0) == 0 ? FindAsset(request.path) : nullptr;
  if (!file) return HttpResponse::Text(404, "Không tìm thấy tệp");

  HttpResponse r;
  r.headers.reserve(4);
  r.headers.emplace_back("ETag", file->etag);
  r.headers.emplace_back("Cache-Control", kStaticCacheControl);
  if (IfNoneMatchHits(request.Header("if-none-match"), file->etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.headers.emplace_back("Content-Type", std::string(file->content_type));
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.body.assign(file->data);
  return r;
}

}  // namespace nq::web
