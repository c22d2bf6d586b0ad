// The JSON of the reviews the committee keeps (service/review_docs.h) in the API
// (docs/formats.md, "Kept reviews"):
//   review doc: {id, resolution_id, resolution_number, term_id, org_id, org_name, kind, as_of,
//                state ("draft"|"issued"), state_label, number, symbol, number_symbol,
//                issued_on, header, created_at, issued_at, can_edit, texts}
//   header:     {place, superior_body, issuing_body, on_behalf, signer_title, signer_name,
//                recipients: [text]}
//   texts:      {lessons: text|null, directions: text|null}, each the latest version
//   text:       {section, version, body, username, at}
// Dates "YYYY-MM-DD", instants "2023-05-17T08:30:00Z", null when absent. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "domain/review_doc.h"
#include "service/review_docs.h"
#include "web/json_io.h"

namespace nq::web {

using Json = nlohmann::ordered_json;

Json ReviewTextJson(const ReviewText& t);
Json ReviewDocJson(const ReviewDocDetail& d);
// A stored record without the reading context (lists): no texts, can_edit false.
Json ReviewDocRowJson(const ReviewDoc& d, const std::string& org_name);

// Reads the header fields present in `in` over *h (absent fields keep their value); strict
// reader rules; recipients at most 20 strings.
Status ReadReviewDocHeader(JsonObjectReader& in, ReviewDocHeader* h);

}  // namespace nq::web
