#include "review/pdf_writer.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "review/pdf_canvas.h"

namespace nq::review {
namespace {

using pdf::Align;
using pdf::Canvas;
using pdf::kMarginLeft;
using pdf::kPointsPerMm;
using pdf::kTextWidth;
using pdf::TextBox;
using pdf::TextStyle;

constexpr double kIndent = 10 * kPointsPerMm;  // first line of body paragraphs and headings
constexpr double kAfterParagraph = 6;
constexpr double kBodySpacing = 1.15;
// The header and the signing block have two columns: the issuing body's and the recipients' on
// the left, the party's name and the signature on the right.
constexpr double kLeftWidth = kTextWidth * 0.45;
constexpr double kRightX = kMarginLeft + kLeftWidth;
constexpr double kRightWidth = kTextWidth - kLeftWidth;
constexpr double kSignatureGap = 64;  // left blank for the hand signature and the seal

TextStyle Centred(double size, bool bold = false, bool italic = false) {
  return TextStyle{.size = size, .bold = bold, .italic = italic, .align = Align::kCenter};
}

TextStyle BodyStyle(Align align) {
  return TextStyle{.align = align, .indent = kIndent, .line_spacing = kBodySpacing};
}

// Left column: superior body, issuing body in bold, "*", number and symbol. Right column: the
// party's name underlined by a rule of its own length, then place and date, in line with the
// number when the left column is not shorter than the right.
void LayOutHeader(Canvas& c, const DocumentHeader& h) {
  const double top = c.y();

  double y = top;
  for (const auto& [text, bold] :
       {std::pair{&h.superior_body, false}, std::pair{&h.issuing_body, true}}) {
    TextBox box = c.Layout(*text, Centred(14, bold), kLeftWidth);
    c.Draw(box, kMarginLeft, y);
    y += box.height();
  }
  TextBox star = c.Layout("*", Centred(14), kLeftWidth);
  c.Draw(star, kMarginLeft, y);
  y += star.height();
  TextBox number = c.Layout(h.number_symbol, Centred(14), kLeftWidth);
  const double number_y = y;
  c.Draw(number, kMarginLeft, number_y);
  const double left_bottom = number_y + number.height();

  TextBox party = c.Layout("ĐẢNG CỘNG SẢN VIỆT NAM", Centred(15, true), kRightWidth);
  c.Draw(party, kRightX, top);
  const TextBox::Line& first = party.lines().front();
  const double rule_y = top + party.height() + 1;
  c.Line(kRightX + first.left, rule_y, kRightX + first.left + first.width, rule_y, 0.5);
  TextBox date = c.Layout(h.place_date, Centred(14, false, true), kRightWidth);
  const double date_y = std::max(number_y, rule_y + 6);
  c.Draw(date, kRightX, date_y);

  c.Advance(std::max(left_bottom, date_y + date.height()) - top);
}

// Document type, the summary lines, and a short centred rule under them.
void LayOutTitle(Canvas& c, const DocumentHeader& h) {
  c.Advance(18);
  TextBox type = c.Layout(h.doc_type, Centred(16, true), kTextWidth);
  c.Draw(type, kMarginLeft, c.y());
  c.Advance(type.height());
  std::string summary;
  for (size_t i = 0; i < h.summary.size(); ++i) summary += (i > 0 ? "\n" : "") + h.summary[i];
  if (!summary.empty()) {
    TextBox box = c.Layout(summary, Centred(14, true), kTextWidth);
    c.Draw(box, kMarginLeft, c.y());
    c.Advance(box.height());
  }
  const double rule_w = 30 * kPointsPerMm;
  const double rule_x = kMarginLeft + (kTextWidth - rule_w) / 2;
  c.Line(rule_x, c.y() + 5, rule_x + rule_w, c.y() + 5, 0.5);
  c.Advance(18);
}

// Draws `box` from the cursor on, splitting it between lines where the page ends. A page never
// ends after the first line alone (the paragraph moves on whole) nor leaves the last line alone
// on the next (one more line goes with it, or all three when only two would stay). `keep` is the
// height of what must follow the last line on the same page: when it does not fit, the last two
// lines go to the next page with it.
void LayOutLines(Canvas& c, const TextBox& box, double keep) {
  const int n = box.line_count();
  int first = 0;
  while (first < n) {
    int last = first;
    while (last < n && box.Span(first, last + 1) <= c.room()) ++last;
    if (last == n && (keep <= 0 || box.Span(first, n) + keep <= c.room() || c.AtPageTop())) {
      c.Draw(box, first, last, kMarginLeft, c.y());
      c.Advance(box.Span(first, last));
      return;
    }
    if (last == n) last = n - 2;  // the end fits, what follows it does not
    if (n - last == 1) last = last - first >= 3 ? last - 1 : first;  // no last line alone
    if (last - first < 2 && !c.AtPageTop()) {
      c.NewPage();
      continue;
    }
    if (last <= first) last = first + 1;  // one line taller than a page: draw it anyway
    c.Draw(box, first, last, kMarginLeft, c.y());
    c.NewPage();
    first = last;
  }
}

bool IsHeading(BlockKind kind) {
  return kind == BlockKind::kHeading1 || kind == BlockKind::kHeading2 ||
         kind == BlockKind::kHeading3;
}

// Room a heading needs under it to stay on its page: two lines of what follows; when that is the
// final paragraph, too short to split, the whole of it and the signing block it keeps with.
double RoomUnderHeading(Canvas& c, const std::vector<Block>& body, size_t next, double keep) {
  const double two_lines = c.Layout("Đ\nĐ", BodyStyle(Align::kLeft), kTextWidth).height();
  if (next + 1 != body.size() || keep <= 0 || body[next].kind == BlockKind::kTable) {
    return two_lines;
  }
  TextBox box = c.Layout(body[next].runs, BodyStyle(Align::kJustify), kTextWidth);
  return box.line_count() < 4 ? box.height() + keep : two_lines;
}

// `keep_with_end`: the height of what follows the body (the signing block, 0 if none), which takes
// the last lines of a final paragraph along to its page rather than stand alone there.
void LayOutBody(Canvas& c, const std::vector<Block>& body, double keep_with_end) {
  const double keep = keep_with_end > 0 ? kAfterParagraph + keep_with_end : 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const Block& block = body[i];
    if (block.kind == BlockKind::kTable) {
      pdf::LayOutTable(c, block.table);
      continue;
    }
    const bool heading = IsHeading(block.kind);
    const bool last = i + 1 == body.size();
    TextBox box =
        c.Layout(block.runs, BodyStyle(heading ? Align::kLeft : Align::kJustify), kTextWidth);
    if (heading && !last && !c.AtPageTop() &&
        box.height() + kAfterParagraph + RoomUnderHeading(c, body, i + 1, keep) > c.room()) {
      c.NewPage();
    }
    LayOutLines(c, box, last ? keep : 0);
    c.Advance(kAfterParagraph);
  }
}

// RecipientLines (document.h), a line each.
std::string RecipientText(const std::vector<std::string>& recipients) {
  std::string text;
  for (const std::string& line : RecipientLines(recipients)) {
    text += (text.empty() ? "" : "\n") + line;
  }
  return text;
}

// Recipients on the left, the signature on the right, side by side and kept on one page. Laid
// out before the body so that the body can keep its last lines with it.
class SigningBlock {
 public:
  SigningBlock(Canvas& c, const Signature& s, const std::vector<std::string>& recipients)
      : office_(c.Layout(s.on_behalf.empty() ? s.title : s.on_behalf + "\n" + s.title,
                         Centred(14, true), kRightWidth)),
        name_(c.Layout(s.name, Centred(14, true), kRightWidth)),
        label_(c.Layout(
            "Nơi nhận:", TextStyle{.size = 12, .bold = true, .italic = true, .underline = true},
            kLeftWidth)),
        // A negative indent hangs the lines a long recipient wraps to under its text.
        lines_(
            c.Layout(RecipientText(recipients), TextStyle{.size = 12, .indent = -7}, kLeftWidth)),
        signs_(!s.on_behalf.empty() || !s.title.empty() || !s.name.empty()),
        lists_(!recipients.empty()) {}

  // With the space above it; 0 when there is neither a signature nor a recipient.
  double height() const {
    double sign_h = signs_ ? office_.height() + kSignatureGap + name_.height() : 0;
    double list_h = lists_ ? label_.height() + lines_.height() : 0;
    return signs_ || lists_ ? kSpaceAbove + std::max(sign_h, list_h) : 0;
  }

  void Draw(Canvas& c) const {
    const double h = height();
    if (h == 0) return;
    if (h > c.room() && !c.AtPageTop()) c.NewPage();
    const double top = c.y() + kSpaceAbove;
    if (signs_) {
      c.Draw(office_, kRightX, top);
      c.Draw(name_, kRightX, top + office_.height() + kSignatureGap);
    }
    if (lists_) {
      c.Draw(label_, kMarginLeft, top);
      c.Draw(lines_, kMarginLeft, top + label_.height());
    }
    c.Advance(h);
  }

 private:
  static constexpr double kSpaceAbove = 12;
  TextBox office_;
  TextBox name_;
  TextBox label_;
  TextBox lines_;
  bool signs_;
  bool lists_;
};

std::string PdfTitle(const DocumentHeader& h) {
  std::string title = h.doc_type;
  for (const std::string& line : h.summary) title += (title.empty() ? "" : " ") + line;
  return title;
}

}  // namespace

Result<std::string> WritePdf(const Document& doc) {
  std::string out;
  {
    Canvas canvas(&out, PdfTitle(doc.header));
    LayOutHeader(canvas, doc.header);
    LayOutTitle(canvas, doc.header);
    SigningBlock signing(canvas, doc.signature, doc.recipients);
    LayOutBody(canvas, doc.body, signing.height());
    signing.Draw(canvas);
    NQ_RETURN_IF_ERROR(canvas.Finish());
  }
  return out;
}

}  // namespace nq::review
