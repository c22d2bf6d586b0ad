// Báo cáo sơ kết / tổng kết as a document the committee keeps (review/review.h is what it
// says; this is the record of it): which review (resolution, kind, date, subtree), the header and
// signing block it is printed with, the narrative the committee writes (sections III and IV, every
// saved version kept), and its life: a draft whose computed sections follow the data, then, once
// issued (ban hành), a frozen document with its number and symbol (số và ký hiệu, "25-BC/ĐUK"),
// date and signer, whose outputs never change again.
//
// Numbers: an issued review takes a number in the issuing organization's "BC" (báo cáo) series of
// the term; a number is used once per organization and term (store: Conflict
// "review.number_taken").
//
// Pure value types and validation; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace nq {

enum class ReviewDocState { kDraft, kIssued };
const char* ReviewDocStateCode(ReviewDocState s);   // "draft", "issued"
const char* ReviewDocStateLabel(ReviewDocState s);  // "Dự thảo", "Đã ban hành"
std::optional<ReviewDocState> ParseReviewDocState(std::string_view code);

// What the document is printed with besides its data (review/review_document.h).
struct ReviewDocHeader {
  std::string place;          // "Bến Tre"
  std::string superior_body;  // "ĐẢNG BỘ TỈNH BẾN TRE"
  std::string issuing_body;   // empty: the reviewed organization's name in capitals
  std::string on_behalf = "T/M BAN THƯỜNG VỤ";
  std::string signer_title = "BÍ THƯ";
  std::string signer_name;              // filled in when issued
  std::vector<std::string> recipients;  // empty: the usual lines
  bool operator==(const ReviewDocHeader&) const = default;
};

struct ReviewDoc {
  int64_t id = 0;
  int64_t resolution_id = 0;
  int64_t term_id = 0;           // the resolution's term (the numbering series)
  int64_t org_id = 0;            // the subtree reviewed, and the issuing organization
  std::string kind = "midterm";  // review::ReviewKind code: "midterm", "endterm"
  Date as_of{1970, 1, 1};        // the date the data is taken at
  ReviewDocHeader header;
  ReviewDocState state = ReviewDocState::kDraft;
  // Issued only:
  std::optional<int> number;      // 25
  std::string symbol;             // "BC/ĐUK"
  std::optional<Date> issued_on;  // the document's date (place and date line)
  int64_t created_by = 0;
  int64_t created_at = 0;  // Unix seconds
  int64_t issued_by = 0;
  int64_t issued_at = 0;
  bool operator==(const ReviewDoc&) const = default;
};

// "25-BC/ĐUK" for an issued review; "" for a draft.
std::string ReviewNumberSymbol(const ReviewDoc& d);

// The narrative sections the committee writes.
inline constexpr std::string_view kReviewSections[] = {"lessons", "directions"};
bool IsReviewSection(std::string_view section);
const char* ReviewSectionLabel(std::string_view section);  // "III. Bài học kinh nghiệm", ...

// One saved version of a narrative section.
struct ReviewText {
  int64_t id = 0;
  int64_t review_id = 0;
  std::string section;  // kReviewSections
  int version = 0;      // 1, 2, ... per (review, section)
  std::string body;     // plain text; paragraphs separated by line breaks
  int64_t user_id = 0;
  std::string username;
  int64_t at = 0;  // Unix seconds
  bool operator==(const ReviewText&) const = default;
};

// Invalid "review.header_invalid" for a header field that is not UTF-8, holds control characters
// or is longer than 300 code points (recipients: at most 20 lines of 300).
Status ValidateReviewDocHeader(const ReviewDocHeader& h);

// The narrative as stored: line breaks normalized to "\n", trailing spaces of lines and blank
// lines at both ends dropped. Invalid "review.text_invalid" for text that is not UTF-8, holds
// control characters other than line breaks and tabs, or is longer than 50.000 code points;
// Invalid "review.text_markup" for text holding HTML markup (a tag such as "<p>", "</div>",
// "<script", or "<!--"): the narrative is plain text, pasted HTML is refused, never stored.
Result<std::string> NormalizeReviewText(std::string_view text);

// What issuing needs. Invalid "review.number_invalid" for a number outside 1..99999,
// "review.symbol_invalid" for a symbol that is empty, longer than 40 code points, holds spaces,
// quotes, "<", ">" or "&", or does not start with "BC/", "review.issued_on_invalid" for a date
// before as_of or more than a year after it, "review.signer_required" for a blank signer name.
struct ReviewIssue {
  int number = 0;
  std::string symbol;  // "BC/ĐUK"
  Date issued_on{1970, 1, 1};
  std::string signer_name;
  std::string signer_title;  // empty: keep the header's
  std::string on_behalf;     // empty: keep the header's
};
Status ValidateReviewIssue(const ReviewIssue& in, const Date& as_of);

}  // namespace nq
