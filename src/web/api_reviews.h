// Review endpoints of the JSON API (docs/openapi.yaml, tag "reviews"; shapes in
// review_doc_json.h and docs/formats.md "Review"). Rules and errors are service/review_docs.h's
// and service/review_service.h's; this file parses and serializes.
//   GET  /api/v1/resolutions/{id}/review?as_of=&kind=midterm|endterm&org_id=&format=
//        the review computed now, not kept: format json (default), html, docx, pdf or xlsx
//   GET  /api/v1/resolutions/{id}/reviews          -> {reviews: [review doc]} (kept reviews)
//   POST /api/v1/resolutions/{id}/reviews          {kind, as_of, org_id?, header?} -> 201 doc
//   GET  /api/v1/reviews/{id}                      -> review doc with the latest texts
//   PUT  /api/v1/reviews/{id}/header               {header fields} -> review doc (drafts)
//   GET  /api/v1/reviews/{id}/texts                -> {versions: [text]} every saved version
//   PUT  /api/v1/reviews/{id}/texts/{section}      {body, base_version} -> text (drafts)
//   POST /api/v1/reviews/{id}/issue                {number, symbol, issued_on, signer_name,
//                                                   signer_title?, on_behalf?} -> review doc
//   GET  /api/v1/reviews/{id}/file?format=         the review in a format: an issued review's
//                                                  stored bytes, a draft's rendered now
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddReviewApi(Router& router, WebContext& ctx);

}  // namespace nq::web
