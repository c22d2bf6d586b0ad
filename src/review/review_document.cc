#include "review/review_document.h"

#include <string>
#include <utility>

#include "common/utf8.h"

namespace nq::review {
namespace {

// A paragraph's pieces as runs: neighbours of one style joined (references are the HTML
// view's, not the document's).
std::vector<Run> Runs(const Line& line) {
  std::vector<Run> runs;
  for (const Piece& p : line) {
    if (!runs.empty() && runs.back().bold == p.bold && runs.back().italic == p.italic) {
      runs.back().text += p.text;
    } else {
      runs.push_back(Run{p.text, p.bold, p.italic});
    }
  }
  return runs;
}

Block ToBlock(const TextBlock& b) {
  switch (b.kind) {
    case BlockKind::kParagraph:
      return Paragraph(Runs(b.line));
    case BlockKind::kTable: {
      Table t;
      t.header = b.table.header;
      t.widths = b.table.widths;
      for (const std::vector<TextCell>& row : b.table.rows) {
        std::vector<Cell>& cells = t.rows.emplace_back();
        for (const TextCell& c : row) cells.push_back(Cell{c.text, c.number, c.bold});
      }
      return TableBlock(std::move(t));
    }
    case BlockKind::kHeading1:
    case BlockKind::kHeading2:
    case BlockKind::kHeading3:
      break;
  }
  return Heading(b.kind, PlainText(b.line));
}

// "ĐUK" from "01-NQ/ĐUK".
std::string Symbol(const std::string& number) {
  const size_t slash = number.rfind('/');
  return slash == std::string::npos ? std::string() : number.substr(slash + 1);
}

}  // namespace

DocumentHeader ReviewHeader(const Review& r, const DocumentOptions& o) {
  DocumentHeader h;
  h.superior_body = o.superior_body;
  h.issuing_body = o.issuing_body.empty() ? UpperVi(r.root_name) : o.issuing_body;
  h.number_symbol =
      o.number_symbol.empty() ? "Số      -BC/" + Symbol(r.resolution.number) : o.number_symbol;
  h.place_date = (o.place.empty() ? "" : o.place + ", ") + LongDateVi(o.date.value_or(r.as_of));
  h.doc_type = "BÁO CÁO";
  const std::string kind =
      r.kind == ReviewKind::kMidTerm ? "Sơ kết giữa nhiệm kỳ" : "Tổng kết nhiệm kỳ";
  h.summary = {kind + " thực hiện Nghị quyết số " + r.resolution.number, r.resolution.title};
  return h;
}

std::vector<std::string> ReviewRecipients(const DocumentOptions& o) {
  if (!o.recipients.empty()) return o.recipients;
  return {"Ban Thường vụ cấp ủy cấp trên (b/c)", "Các tổ chức cơ sở đảng trực thuộc",
          "Lưu Văn phòng."};
}

Document ReviewDocument(const Review& r, const DocumentOptions& o) {
  Document doc;
  doc.header = ReviewHeader(r, o);
  for (const TextBlock& b : ReviewBodyText(r)) doc.body.push_back(ToBlock(b));
  doc.signature = o.signature;
  doc.recipients = ReviewRecipients(o);
  return doc;
}

}  // namespace nq::review
