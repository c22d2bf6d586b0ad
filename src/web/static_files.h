// Static assets: answers GET/HEAD /static/... from the files embedded in the binary
// (web/embedded.h), so the front end works on a closed network with one file to deploy.
//
// Caching: every asset carries a strong ETag of its content and
// "Cache-Control: public, max-age=31536000, immutable"; a request whose If-None-Match names the
// current ETag (or "*") gets 304 with no body. Assets are sent uncompressed.
//
// Thread-safe (reads only immutable embedded data).
#pragma once

#include "web/http.h"

namespace nq::web {

inline constexpr char kStaticCacheControl[] = "public, max-age=31536000, immutable";

// 200 with the asset (Content-Type, ETag, Cache-Control; the body also for HEAD — the server
// drops it and keeps its length); 304 when If-None-Match matches; 404 for a path that is not an
// embedded asset (including anything outside /static/); 405 with "Allow: GET, HEAD" for other
// methods.
HttpResponse ServeStatic(const HttpRequest& request);

// Whether an If-None-Match header value ("\"a\", W/\"b\"" or "*") matches `etag` (quoted),
// by the weak comparison of RFC 9110 section 13.1.2.
bool IfNoneMatchHits(std::string_view if_none_match, std::string_view etag);

}  // namespace nq::web
