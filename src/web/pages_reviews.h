// Pages of the reviews the committee keeps (service/review_docs.h):
//   GET  /resolutions/{id}/reviews        the resolution's reviews, newest first, and the form
//                                         that starts one (kind, data date, organization,
//                                         place, superior body)
//   POST /resolutions/{id}/reviews        creates a draft -> /reviews/{new}?created=1
//   GET  /reviews/{id}                    the review: state, downloads, the narrative forms with
//                                         their versions, the header and signing block, the
//                                         issuing form (drafts, committee), and the document
//                                         itself (review_html.h) — live while a draft, the stored
//                                         snapshot once issued
//   POST /reviews/{id}/texts/{section}    saves a narrative version (body, base_version)
//   POST /reviews/{id}/header             saves the header and signing block
//   POST /reviews/{id}/issue              issues (number, symbol, issued_on, signer)
//   GET  /reviews/{id}/file/{format}      json, html, docx, pdf, xlsx (review_render.h)
// A refused POST (Invalid, Conflict) shows the page again with the message by its form and
// what was typed kept in the fields; nothing is stored.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddReviewPages(Router& router, WebContext& ctx);

}  // namespace nq::web
