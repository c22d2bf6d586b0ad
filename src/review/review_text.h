// The wording of a review (review.h): every heading, sentence, label and table of the party
// report's body, written once for all outputs. ReviewDocument (review_document.h) prints it as
// the Document the DOCX and PDF writers lay out; the HTML view (web/review_html.h) prints the
// same text with each figure linked to the data behind it.
//
// The body, in order (the structure of review_document.h):
//   opening paragraph; "I. KẾT QUẢ ..."; "1. ..." the headline and buckets, the fields, the
//   target table, a sentence per target; "2. ..." per breakthrough / key task (a), b), ...) its
//   counts and the tasks serving it; "2./3. ..." per task section its counts and the tables of
//   concretizing documents and key projects; "3./4. Công tác xây dựng Đảng" the party-building
//   figures (party_building.h) when the review has them; "II. ..." each finding and its evidence;
//   "III. ..." and "IV. ..." the committee's text, a paragraph per non-blank line (an italic
//   placeholder while empty), then the targets that need action.
//
// Text comes in pieces. A piece (or table cell) that shows a figure or names a target, a task or
// an organization carries a TextRef saying what it stands for, in the review's own terms — ids
// and codes, read against the review's resolution, root organization and date — never a URL:
// where a reference leads is the web layer's business.
//   kAssessment    the headline ("hoàn thành 6/7 mục tiêu"), each bucket, the counts by field
//   kTarget        the target table's cells but TT, "MT5 (KHÓ ĐẠT)" of the per-target
//                  sentences, the targets needing action, a finding's target evidence
//   kTaskList      "5 nhiệm vụ" and each "3 hoàn thành đúng hạn" of a counts sentence
//                  (state set), "2/18 văn bản cụ thể hóa", "3/11 công trình, dự án" (product set)
//   kTask          a task line's title; every cell of a document / project row but TT; a
//                  finding's task evidence
//   kOrganization  a finding's organization evidence (late reporting, party-building findings)
//   kRecords       a party-building figure (I.4): the records of type `code` of the reviewed
//                  subtree from the term's start to the review date
// Finding sentences themselves, headings, the opening and the narrative carry no reference.
//
// Numbers and dates in the Vietnamese form (1.234,5; 17/5/2023). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/task.h"
#include "domain/task_status.h"
#include "review/document.h"
#include "review/review.h"

namespace nq::review {

// What a piece of text stands for.
struct TextRef {
  enum class Kind { kNone, kAssessment, kTarget, kTask, kTaskList, kOrganization, kRecords };
  Kind kind = Kind::kNone;
  int64_t id = 0;    // kTask, kOrganization: its id; kTaskList: the resolution's id
  std::string code;  // kTarget: the target's code; kRecords: the record type's code
  // kTaskList: the assigned tasks of that resolution (sub-tasks included) owned in the reviewed
  // subtree, narrowed by each filter that is set.
  std::optional<TaskState> state;
  std::optional<ProductKind> product;
  std::optional<int64_t> resolution_task;  // serving this breakthrough / key task
  bool operator==(const TextRef&) const = default;
};

// A piece of text with one style and one reference.
struct Piece {
  std::string text;
  bool bold = false;
  bool italic = false;
  TextRef ref;
};
using Line = std::vector<Piece>;

struct TextCell {
  std::string text;
  bool number = false;  // right-aligned
  bool bold = false;
  TextRef ref;
};

struct TextTable {
  std::vector<std::string> header;
  std::vector<std::vector<TextCell>> rows;  // each as long as header
  std::vector<double> widths;               // relative widths of the columns, as Table's
};

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;
  Line line;        // headings and paragraphs (a heading's pieces carry no style or reference)
  TextTable table;  // kTable
};

// The body of the report, from the opening paragraph to the end of section IV.
std::vector<TextBlock> ReviewBodyText(const Review& r);

// The party-building part, headed "<number>. Công tác xây dựng Đảng" (ReviewBodyText calls it).
std::vector<TextBlock> PartyBuildingText(const PartyBuilding& p, int number);

// The pieces' texts, joined.
std::string PlainText(const Line& line);

// "ngày 17 tháng 5 năm 2023".
std::string LongDateVi(const Date& d);

}  // namespace nq::review
