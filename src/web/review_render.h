// A review in each of its output formats (service/review_docs.h kReviewFormats): "json"
// (review_json.h), "html" (review_html.h, a standalone printable file; its figures link to the
// app's pages unless the review comes from a file, resolution id 0), "docx", "pdf"
// (review/review_document.h laid out by the DOCX and PDF writers) and "xlsx" (the annex,
// review/xlsx_writer.h). The one place that knows which writer makes which format: the CLI,
// the API and issuing (IssueReviewDoc's renderer) all call it.
// Errors: Invalid "review.format_unknown" for another format; the writers' own errors.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/user.h"
#include "review/review.h"
#include "review/review_document.h"
#include "web/http.h"

namespace nq {
class App;
}

namespace nq::web {

Result<std::string> RenderReview(const review::Review& r, const review::DocumentOptions& o,
                                 std::string_view format);

// OK for one of kReviewFormats, else Invalid "review.format_unknown".
Status CheckReviewFormat(std::string_view format);

// The file name a download of the review gets: "bao-cao-so-ket-01-NQ-DUK-2023-05-17.pdf" — ASCII,
// from the kind, the resolution's number and the date.
std::string ReviewFileName(const review::Review& r, std::string_view format);

// The <article>…</article> of a standalone HTML review (what the app shows inside its own
// page); the whole text when it has no article.
std::string_view ArticleOf(std::string_view standalone_html);

// 200 with the bytes of one format: its media type, nosniff, no caching; JSON shown inline, the
// others (HTML included: a file with its styles inline) as an attachment named `file_name`.
// A kept review (service/review_docs.h) in `format` as a response: an issued review's stored
// bytes, a draft rendered from today's data with its narrative. Errors of GetReviewDoc and
// RenderReview.
Result<HttpResponse> KeptReviewFile(App& app, const Principal& p, int64_t id,
                                    std::string_view format);

HttpResponse ReviewFileResponse(std::string bytes, std::string_view format,
                                const std::string& file_name);

}  // namespace nq::web
