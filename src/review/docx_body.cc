// word/document.xml: the header block, title, body, signature and recipients of 36-HD/VPTW
// (review/document.h) as WordprocessingML.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "review/docx_parts.h"

namespace nq::review::docx {
namespace {

// The two columns of the header block and of the signature block (recipients on the left).
constexpr int kLeftColumn = 4253;  // 75 mm
constexpr int kRightColumn = kTextWidth - kLeftColumn;
constexpr int kCellSize = 24;          // 12 pt in tables and recipients
constexpr int kSignatureSpace = 1701;  // 30 mm between the signer's title and name
constexpr int kRuleWidth = 1701;       // the rule under the title
constexpr int kDashWidth = 142;        // "- " at 12 pt, for the recipients' hanging indent

// Centred, single-spaced, no indent: the header block, title and signature.
ParaFormat Centred(int before = 0, int after = 0) {
  return ParaFormat{.align = "center", .before = before, .after = after};
}

std::string Para(const ParaFormat& p, std::string_view text, const RunFormat& f) {
  return ParaXml(p, RunXml(text, f), f);
}

// A paragraph when `text` is not empty.
std::string ParaIf(const ParaFormat& p, std::string_view text, const RunFormat& f) {
  return text.empty() ? "" : Para(p, text, f);
}

struct Column {
  int width;
  std::string content;  // paragraphs
  const char* valign = "top";
};

std::string CellXml(const Column& c) {
  std::string s = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(c.width) +
                  "\" w:type=\"dxa\"/><w:vAlign w:val=\"" + c.valign + "\"/></w:tcPr>";
  // A cell must end with a paragraph.
  s += c.content.empty() ? ParaXml(Centred(), "") : c.content;
  return s + "</w:tc>";
}

// `rows` of cells with `widths`; `header_rows` repeat on each page; borders 0.5 pt or none.
std::string TableXml(const std::vector<int>& widths, const std::vector<std::vector<Column>>& rows,
                     size_t header_rows, bool borders) {
  int total = 0;
  for (const int w : widths) total += w;
  std::string s = "<w:tbl><w:tblPr><w:tblW w:w=\"" + std::to_string(total) + "\" w:type=\"dxa\"/>";
  const char* line =
      borders ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "w:val=\"nil\"";
  s += "<w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
    s += std::string("<w:") + side + " " + line + "/>";
  }
  s += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>";
  // 1.5 mm inside the cells instead of Word's 1.9 mm: narrow columns ("TT") keep their text.
  s += "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
       "</w:tblCellMar></w:tblPr><w:tblGrid>";
  for (const int w : widths) s += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  s += "</w:tblGrid>";
  for (size_t r = 0; r < rows.size(); ++r) {
    s += "<w:tr><w:trPr><w:cantSplit/>";
    if (r < header_rows) s += "<w:tblHeader/>";
    s += "</w:trPr>";
    for (const Column& c : rows[r]) s += CellXml(c);
    s += "</w:tr>";
  }
  return s + "</w:tbl>";
}

// Column widths in twips over the text width, summing to it exactly.
std::vector<int> ColumnWidths(const std::vector<double>& relative, size_t n) {
  bool usable = relative.size() == n;
  double sum = 0;
  for (const double w : relative) {
    usable = usable && std::isfinite(w) && w > 0;
    sum += w;
  }
  std::vector<int> widths;
  double cumulative = 0;
  int previous = 0;
  for (size_t i = 0; i < n; ++i) {
    cumulative += usable ? relative[i] / sum : 1.0 / static_cast<double>(n);
    const int edge =
        i + 1 == n ? kTextWidth : static_cast<int>(std::lround(cumulative * kTextWidth));
    widths.push_back(edge - previous);
    previous = edge;
  }
  return widths;
}

std::string CellParagraph(std::string_view text, const char* align, bool bold) {
  const ParaFormat p{.align = align, .before = 40, .after = 40};
  return Para(p, text, RunFormat{.size = kCellSize, .bold = bold});
}

std::string DataTableXml(const Table& t) {
  size_t n = t.header.size();
  for (const auto& row : t.rows) n = std::max(n, row.size());
  if (n == 0) return "";
  const std::vector<int> widths = ColumnWidths(t.widths, n);
  std::vector<std::vector<Column>> rows;
  if (!t.header.empty()) {
    std::vector<Column> row;
    for (size_t i = 0; i < n; ++i) {
      const std::string text = i < t.header.size() ? t.header[i] : "";
      row.push_back({widths[i], CellParagraph(text, "center", true), "center"});
    }
    rows.push_back(std::move(row));
  }
  for (const auto& cells : t.rows) {
    std::vector<Column> row;
    for (size_t i = 0; i < n; ++i) {
      const Cell cell = i < cells.size() ? cells[i] : Cell{};
      row.push_back(
          {widths[i], CellParagraph(cell.text, cell.number ? "right" : "left", cell.bold)});
    }
    rows.push_back(std::move(row));
  }
  // A paragraph after the table keeps two tables apart and gives the text after it some air.
  return TableXml(widths, rows, t.header.empty() ? 0 : 1, true) +
         ParaXml(ParaFormat{.after = kBodyAfter}, "", RunFormat{.size = kCellSize});
}

std::string HeaderBlockXml(const DocumentHeader& h) {
  const RunFormat plain;
  const RunFormat bold{.bold = true};
  Column left1{kLeftColumn,
               ParaIf(Centred(), h.superior_body, plain) + ParaIf(Centred(), h.issuing_body, bold)};
  Column right1{kRightColumn, Para(Centred(), "ĐẢNG CỘNG SẢN VIỆT NAM",
                                   {.size = 30, .bold = true, .underline = true})};
  Column left2{kLeftColumn, Para(Centred(), "*", plain) + ParaIf(Centred(), h.number_symbol, plain),
               "bottom"};
  Column right2{kRightColumn, ParaIf(Centred(), h.place_date, {.italic = true}), "bottom"};
  return TableXml({kLeftColumn, kRightColumn}, {{left1, right1}, {left2, right2}}, 0, false);
}

std::string TitleXml(const DocumentHeader& h) {
  std::string s = ParaIf(Centred(360), h.doc_type, {.size = 32, .bold = true});
  for (const std::string& line : h.summary) s += ParaIf(Centred(), line, {.bold = true});
  const int indent = (kTextWidth - kRuleWidth) / 2;
  const ParaFormat rule{
      .align = "center", .left = indent, .right = indent, .after = 360, .bottom_rule = true};
  return s + ParaXml(rule, "", RunFormat{.size = 8});
}

// `keep_next`: stay on the page of what follows (the last paragraph with the signature).
std::string BlockXml(const Block& b, bool keep_next) {
  if (b.kind == BlockKind::kTable) return DataTableXml(b.table);
  ParaFormat p{.first_line = kFirstLineIndent,
               .after = kBodyAfter,
               .line = kLineMultiple115,
               .keep_next = keep_next};
  if (b.kind != BlockKind::kParagraph) {
    p.style = b.kind == BlockKind::kHeading1   ? "Heading1"
              : b.kind == BlockKind::kHeading2 ? "Heading2"
                                               : "Heading3";
    p.align = "left";
    p.keep_next = true;
  }
  std::string runs;
  for (const Run& r : b.runs) runs += RunXml(r.text, {.bold = r.bold, .italic = r.italic});
  return ParaXml(p, runs);
}

// "Nơi nhận:" and RecipientLines (document.h); wrapped lines hang under the text.
std::string RecipientsXml(const std::vector<std::string>& recipients) {
  if (recipients.empty()) return "";
  const ParaFormat label{.align = "left", .before = 240};
  std::string s = Para(
      label, "Nơi nhận:", {.size = kCellSize, .bold = true, .italic = true, .underline = true});
  const ParaFormat item{.align = "left", .first_line = -kDashWidth, .left = kDashWidth};
  for (const std::string& text : RecipientLines(recipients)) {
    s += Para(item, text, {.size = kCellSize});
  }
  return s;
}

std::string SignatureXml(const Signature& sig) {
  const RunFormat bold{.bold = true};
  std::string s = ParaIf(Centred(240), sig.on_behalf, bold) + ParaIf(Centred(), sig.title, bold);
  // The name (or an empty paragraph) after the space for the signature and the seal.
  return s + Para(Centred(kSignatureSpace), sig.name, bold);
}

std::string SectionXml() {
  auto attr = [](const char* name, int v) {
    return std::string(" w:") + name + "=\"" + std::to_string(v) + "\"";
  };
  return std::string("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"") + kPageHeaderId +
         "\"/><w:headerReference w:type=\"first\" r:id=\"" + kFirstHeaderId + "\"/><w:pgSz" +
         attr("w", kPageWidth) + attr("h", kPageHeight) + "/><w:pgMar" + attr("top", kMarginTop) +
         attr("right", kMarginRight) + attr("bottom", kMarginBottom) + attr("left", kMarginLeft) +
         attr("header", kHeaderDistance) + attr("footer", kHeaderDistance) +
         " w:gutter=\"0\"/><w:cols w:space=\"720\"/><w:titlePg/>"
         "<w:docGrid w:linePitch=\"360\"/></w:sectPr>";
}

}  // namespace

std::string DocumentXml(const Document& doc) {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";
  s += HeaderBlockXml(doc.header);
  s += TitleXml(doc.header);
  for (size_t i = 0; i < doc.body.size(); ++i) s += BlockXml(doc.body[i], i + 1 == doc.body.size());
  Column recipients{kLeftColumn, RecipientsXml(doc.recipients)};
  Column signature{kRightColumn, SignatureXml(doc.signature)};
  s += TableXml({kLeftColumn, kRightColumn}, {{recipients, signature}}, 0, false);
  // The body ends with a paragraph (Word adds one after a final table); 1 pt keeps it from
  // spilling onto a page of its own.
  s += ParaXml(ParaFormat{}, "", RunFormat{.size = 2});
  return s + SectionXml() + "</w:body></w:document>";
}

}  // namespace nq::review::docx
