// A party document (văn bản của Đảng) as the renderers need it: the header block, the title,
// the body as a list of blocks, the signing block and the recipients — the presentation of
// Hướng dẫn 36-HD/VPTW, independent of the output format. A review (review/review.h) is turned
// into one by ReviewDocument (review/review_document.h); WriteDocx (review/docx_writer.h) and
// WritePdf (review/pdf_writer.h) lay the same Document out as Word and PDF.
//
// The layout every renderer follows (36-HD/VPTW; sizes in points):
//   page        A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm;
//               page numbers centred at the top from page 2 (13 pt).
//   header      a two-column block without borders. Left column, centred: superior_body in
//               capitals (14, regular), under it issuing_body in bold capitals (14), under that a
//               star "*", then number_symbol ("Số 25-BC/ĐUK", 14). Right column, centred:
//               "ĐẢNG CỘNG SẢN VIỆT NAM" in bold capitals (15) underlined by a line of its own
//               length, then place_date in italics (14, "Bến Tre, ngày 17 tháng 5 năm 2023").
//   title       doc_type ("BÁO CÁO") in bold capitals (16), centred; summary lines in bold (14),
//               centred, under it; a short centred rule under the summary.
//   body        Times New Roman (Liberation Serif in the PDF) 14 pt, justified, first-line indent
//               10 mm, 6 pt after each paragraph, line spacing 1.15 (exactly "multiple 1.15"
//               in Word). Headings: kHeading1 "I. ..." bold capitals-as-given; kHeading2
//               "1. ..." bold; kHeading3 "a) ..." bold italic; all left-aligned with the same
//               first-line indent as the body. Tables: full text width, borders 0.5 pt, header
//               row bold and centred, cells 12 pt, numbers right-aligned (Cell::number).
//   signature   right column, centred: on_behalf in bold capitals ("T/M BAN THƯỜNG VỤ"),
//               title in bold capitals ("BÍ THƯ"), space for the signature, name in bold.
//   recipients  left column beside the signature: "Nơi nhận:" in bold italic underlined (12),
//               then each line "- ...," in 12 pt, the last one ending in ".".
//
// Texts are UTF-8 with full Vietnamese diacritics; renderers never change their case except
// where the layout above says capitals (they are given in capitals already: renderers print them
// as given). Plain value types; no I/O.
#pragma once

#include <string>
#include <vector>

namespace nq::review {

struct DocumentHeader {
  std::string superior_body;  // "ĐẢNG BỘ TỈNH BẾN TRE"
  std::string issuing_body;   // "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP"
  std::string number_symbol;  // "Số 25-BC/ĐUK", or "Số     -BC/ĐUK" for a draft
  std::string place_date;     // "Bến Tre, ngày 17 tháng 5 năm 2023"
  std::string doc_type;       // "BÁO CÁO"
  std::vector<std::string> summary;  // the summary (trích yếu), one entry per line
};

// A piece of text with one style.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
};

struct Cell {
  std::string text;
  bool number = false;  // right-aligned
  bool bold = false;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;  // each as long as header
  // Relative widths of the columns (any positive numbers; they are scaled to the text width).
  std::vector<double> widths;
};

enum class BlockKind { kHeading1, kHeading2, kHeading3, kParagraph, kTable };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Run> runs;  // headings and paragraphs
  Table table;            // kTable
};

struct Signature {
  std::string on_behalf;  // "T/M BAN THƯỜNG VỤ"
  std::string title;      // "BÍ THƯ"
  std::string name;       // "Nguyễn Văn A"; empty: the space is left blank
};

struct Document {
  DocumentHeader header;
  std::vector<Block> body;
  Signature signature;
  std::vector<std::string> recipients;  // "Ban Thường vụ Tỉnh ủy (b/c)", ...
};

// Builders that keep call sites short.
Block Heading(BlockKind level, std::string text);
Block Paragraph(std::string text);
Block Paragraph(std::vector<Run> runs);
Block TableBlock(Table t);

// The recipients as both writers print them: "- Ban Thường vụ Tỉnh ủy (b/c)," ... "- Lưu VP.":
// a dash before each (unless it has one), a comma after each but the last and a full stop after
// the last, whatever end mark the text came with.
std::vector<std::string> RecipientLines(const std::vector<std::string>& recipients);

}  // namespace nq::review
