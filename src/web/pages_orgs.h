// The organization tree page and its live search.
//   GET /orgs         the scope as a collapsible nested list (native <details>), each node with
//                     its kind badge and the members of its subtree (organizations open today),
//                     closed organizations struck through; a search box (id "org-search") that
//                     asks /orgs/search as the user types (htmx, 200 ms after the last key) and
//                     shows the answer in #org-results.
//   GET /orgs/search  ?q=… an HTML fragment: the first 50 matches (closed ones included), each a
//                     link of class "org-result" with its path in the tree. Matching ignores
//                     tone marks and case and treats đ as d ("dang bo so tai chinh" finds
//                     "Đảng bộ Sở Tài chính"); OrgService does the folding.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddOrgTreePages(Router& router, WebContext& ctx);

}  // namespace nq::web
