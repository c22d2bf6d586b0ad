// The XML parts of a .docx for WriteDocx (review/docx_writer.h), as strings: the package
// plumbing and styles in docx_parts.cc, word/document.xml in docx_body.cc. Internal to review/.
//
// Measures are Word's: twips (1/20 pt; 1 mm = 56.7 twips) for lengths, half-points for font
// sizes, eighths of a point for borders. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "review/document.h"

namespace nq::review::docx {

// A4 portrait and the margins of 36-HD/VPTW: top and bottom 20 mm, left 30 mm, right 15 mm.
inline constexpr int kPageWidth = 11906;
inline constexpr int kPageHeight = 16838;
inline constexpr int kMarginTop = 1134;
inline constexpr int kMarginBottom = 1134;
inline constexpr int kMarginLeft = 1701;
inline constexpr int kMarginRight = 850;
inline constexpr int kHeaderDistance = 567;  // page number 10 mm from the top edge
inline constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr int kFirstLineIndent = 567;  // 10 mm
inline constexpr int kBodyAfter = 120;        // 6 pt after a body paragraph
inline constexpr int kLineMultiple115 = 276;  // 1.15 lines in 240ths
inline constexpr int kLineSingle = 240;
inline constexpr int kBodySize = 28;  // 14 pt
inline constexpr const char* kFont = "Times New Roman";

// The relationship ids document.xml uses for its headers (word/_rels/document.xml.rels).
inline constexpr const char* kFirstHeaderId = "rIdHeaderFirst";
inline constexpr const char* kPageHeaderId = "rIdHeaderPage";

// Character formatting of one run.
struct RunFormat {
  int size = kBodySize;  // half-points
  bool bold = false;
  bool italic = false;
  bool underline = false;
};

// Paragraph formatting; every paragraph states all of it.
struct ParaFormat {
  const char* style = nullptr;  // a paragraph style id, or none (Normal)
  const char* align = "both";   // w:jc: "both", "left", "center", "right"
  int first_line = 0;           // negative: a hanging indent
  int left = 0;
  int right = 0;
  int before = 0;
  int after = 0;
  int line = kLineSingle;
  bool keep_next = false;
  bool bottom_rule = false;  // a 0.75 pt line under the paragraph, between its indents
};

// <w:r> elements for `text`: "\n" becomes <w:br/>, "\t" <w:tab/>; empty text gives "".
std::string RunXml(std::string_view text, const RunFormat& f);
// A <w:p> with `runs` (RunXml output, may be empty); `mark` formats the paragraph mark, which
// sets the height of an empty paragraph.
std::string ParaXml(const ParaFormat& p, std::string_view runs, const RunFormat& mark = {});

// word/document.xml.
std::string DocumentXml(const Document& doc);

struct Part {
  std::string name;  // path in the zip
  std::string xml;
};
// Every part of the package, [Content_Types].xml first, document.xml included.
std::vector<Part> PackageParts(const Document& doc);

}  // namespace nq::review::docx
