// A review (review.h) written out as a party report (document.h) — the text the DOCX and PDF
// writers lay out: the header block, "BÁO CÁO" and its summary, then the body of review_text.h
// (its wording, shared with the HTML view):
//   opening paragraph;
//   I. KẾT QUẢ ...: 1. the targets (headline, buckets, fields, the target table, one sentence per
//      target), 2. the breakthrough and key tasks (a) per task: counts and the tasks serving it),
//      3. the assigned tasks of each resolution (counts; tables of the concretizing documents and
//      of the key projects);
//   II. HẠN CHẾ ...: each finding and its evidence;
//   III. BÀI HỌC KINH NGHIỆM: the committee's text (a placeholder line until written);
//   IV. PHƯƠNG HƯỚNG ...: the committee's text, then the targets that need action;
//   the signing block and "Nơi nhận".
// Numbers in the Vietnamese form (1.234,5; 17/5/2023). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "review/document.h"
#include "review/review.h"
#include "review/review_text.h"

namespace nq::review {

// What the review's data does not say about the document itself.
struct DocumentOptions {
  std::string superior_body;  // "ĐẢNG BỘ TỈNH BẾN TRE"; empty: the line is left out
  std::string issuing_body;   // empty: the reviewed organization's name in capitals
  // "Số 25-BC/ĐUK"; empty: a draft's "Số     -BC/<symbol>", the symbol taken from after the
  // "/" of the resolution's number ("01-NQ/ĐUK" gives "ĐUK").
  std::string number_symbol;
  std::string place;          // "Bến Tre"; empty: the date alone
  // The document's date in the place-and-date line (an issued review's date); nullopt: as_of.
  std::optional<Date> date;
  Signature signature{"T/M BAN THƯỜNG VỤ", "BÍ THƯ", ""};
  std::vector<std::string> recipients;  // empty: the usual three lines
};

Document ReviewDocument(const Review& r, const DocumentOptions& o);

// The parts of ReviewDocument the HTML view prints too: the header block (the options, else
// their defaults above; the date is o.date, else as_of) and the recipients (o.recipients, else
// the usual three lines).
DocumentHeader ReviewHeader(const Review& r, const DocumentOptions& o);
std::vector<std::string> ReviewRecipients(const DocumentOptions& o);

}  // namespace nq::review
