// Private to pages_reviews.cc and pages_review_list.cc: the paths and labels both pages use,
// and the list's routes (the pages are described in pages_reviews.h).
#pragma once

#include <cstdint>
#include <string>

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web::review_pages {

inline std::string ListPath(int64_t resolution_id) {
  return "/resolutions/" + std::to_string(resolution_id) + "/reviews";
}
inline std::string DocPath(int64_t id) { return "/reviews/" + std::to_string(id); }

inline const char* KindLabel(const std::string& code) {
  return code == "endterm" ? "Tổng kết nhiệm kỳ" : "Sơ kết giữa nhiệm kỳ";
}

// GET and POST /resolutions/{id}/reviews (pages_review_list.cc).
void AddListPages(Router& router, WebContext& ctx);

}  // namespace nq::web::review_pages
