// The reviews the committee keeps (domain/review_doc.h): create one for a resolution, date and
// subtree; write its narrative (every saved version kept); see it live while a draft — its
// computed sections follow the data (service/review_service.h BuildReview) — then issue it with
// its number, symbol, date and signer: the outputs are rendered once and stored, and from then on
// every read returns those bytes, whatever the data becomes.
//
// Who: reading needs the reviewed organization in the principal's scope (Forbidden
// "scope.denied") and the resolution readable (PlanService rules); creating, editing and issuing
// also need the admin or committee role (Forbidden "role.denied").
// Errors besides those of BuildReview and the store:
//   Conflict "review.issued"          editing or issuing a review that is issued already;
//   Conflict "review.text_stale"      a narrative saved on top of a version that is no longer the
//                                     latest (someone else saved in between);
//   Conflict "review.number_taken"    the number is used by another review of the organization
//                                     in the term;
//   Invalid "review.section_unknown", "review.kind_unknown", and the domain validations
//   (review.header_invalid, review.text_markup, review.number_invalid, ...).
// A failed call changes nothing.
//
// Thread-safe as the services are.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/organization.h"
#include "domain/resolution.h"
#include "domain/review_doc.h"
#include "domain/user.h"
#include "review/review.h"
#include "review/review_document.h"
#include "store/database.h"

namespace nq {

class App;

struct NewReviewDoc {
  int64_t resolution_id = 0;
  std::string kind = "midterm";
  Date as_of{1970, 1, 1};
  std::optional<int64_t> org_id;  // nullopt: the resolution's committee (BuildReview's rule)
  ReviewDocHeader header;
};

struct ReviewDocDetail {
  ReviewDoc doc;
  Resolution resolution;
  Organization org;
  // The latest version of each narrative section written so far.
  std::map<std::string, ReviewText, std::less<>> latest;
  std::vector<ReviewText> versions;  // every version, by section then version
  bool can_edit = false;             // the principal may edit (role; the review is a draft)
};

Result<ReviewDoc> CreateReviewDoc(App& app, const Principal& p, const NewReviewDoc& in,
                                  const store::Actor& a);
// The reviews of a resolution the principal may read (organization in scope), by id.
Result<std::vector<ReviewDoc>> ListReviewDocs(App& app, const Principal& p, int64_t resolution_id);
Result<ReviewDocDetail> GetReviewDoc(App& app, const Principal& p, int64_t id);
// Replaces the header and signing block of a draft.
Result<ReviewDoc> UpdateReviewDocHeader(App& app, const Principal& p, int64_t id,
                                        const ReviewDocHeader& h, const store::Actor& a);
// Saves `text` (NormalizeReviewText) as the next version of `section`; `base_version` is the
// version the writer started from (0: none yet). Saving the same text as the latest version
// stores nothing and returns the latest.
Result<ReviewText> SaveReviewText(App& app, const Principal& p, int64_t id,
                                  std::string_view section, std::string_view text, int base_version,
                                  const store::Actor& a);

// The review with its narrative, as its outputs show it now (a draft: built from today's data).
Result<review::Review> ReviewOfDoc(App& app, const Principal& p, const ReviewDocDetail& d);
// How the document is printed: header, number ("Số 25-BC/ĐUK" once issued), date, signer.
review::DocumentOptions DocumentOptionsOf(const ReviewDocDetail& d);

// The formats an issued review keeps, and their media types.
inline constexpr std::string_view kReviewFormats[] = {"json", "html", "docx", "pdf", "xlsx"};
std::string_view ReviewFormatMediaType(std::string_view format);

// Renders one format of a review (the web layer supplies it: JSON and HTML are written there).
using ReviewRenderer = std::function<Result<std::string>(
    const review::Review&, const review::DocumentOptions&, std::string_view format)>;

// The next free number of the organization's "BC" series in the review's term (1 + the highest
// number of an issued review), as a suggestion for the issuing form.
Result<int> SuggestReviewNumber(App& app, const Principal& p, const ReviewDoc& d);

// Issues a draft: validates `in` (ValidateReviewIssue), builds the review with its narrative,
// renders every kReviewFormats with `render`, then stores the record as issued and the files in
// one transaction.
Result<ReviewDoc> IssueReviewDoc(App& app, const Principal& p, int64_t id, const ReviewIssue& in,
                                 const ReviewRenderer& render, const store::Actor& a);

// The stored bytes of an issued review in `format`; nullopt for a draft.
Result<std::optional<std::string>> FrozenReviewFile(App& app, const Principal& p, int64_t id,
                                                    std::string_view format);
// The same for a review already read with GetReviewDoc (its checks done): no second read of the
// record, its texts and its resolution.
Result<std::optional<std::string>> FrozenReviewFile(App& app, const ReviewDocDetail& d,
                                                    std::string_view format);

}  // namespace nq
