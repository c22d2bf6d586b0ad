// The drawing surface of the PDF renderer (review/pdf_writer.h), internal to it: A4 pages of a
// cairo PDF surface written into a string, text laid out by pango, and a cursor that walks down
// the text area of the current page. pdf_canvas.cc is the only file that includes cairo and
// pango; the layout code (pdf_writer.cc, pdf_table.cc) sees only these types.
//
// Units are PDF points (1/72 inch); y grows downwards from the top edge of the page.
//
// Thread-safety: a Canvas and its TextBoxes belong to one thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "review/document.h"

namespace nq::review::pdf {

inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline constexpr double kPageWidth = 210 * kPointsPerMm;  // A4 portrait
inline constexpr double kPageHeight = 297 * kPointsPerMm;
inline constexpr double kMarginLeft = 30 * kPointsPerMm;
inline constexpr double kMarginRight = 15 * kPointsPerMm;
inline constexpr double kMarginTop = 20 * kPointsPerMm;
inline constexpr double kMarginBottom = 20 * kPointsPerMm;
inline constexpr double kTextWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr double kTextBottom = kPageHeight - kMarginBottom;

enum class Align { kLeft, kCenter, kRight, kJustify };

// How a TextBox is set. bold/italic apply to the whole text, on top of the runs' own styles.
struct TextStyle {
  double size = 14;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  Align align = Align::kLeft;
  double indent = 0;        // of the first line of each paragraph
  double line_spacing = 0;  // 0: the font's own; else a multiple of it (1.15)
};

// Text laid out at a fixed width, with the metrics of each line, ready to be drawn whole or a
// range of lines at a time. Made by Canvas::Layout; move-only.
class TextBox {
 public:
  struct Line {
    double top = 0;  // from the top of the box
    double bottom = 0;
    double baseline = 0;
    double left = 0;   // from the left edge of the box (alignment and indent included)
    double width = 0;  // logical width of the line's text
  };

  TextBox(TextBox&& other) noexcept;
  TextBox& operator=(TextBox&& other) noexcept;
  TextBox(const TextBox&) = delete;
  TextBox& operator=(const TextBox&) = delete;
  ~TextBox();

  double height() const { return height_; }
  const std::vector<Line>& lines() const { return lines_; }
  int line_count() const { return static_cast<int>(lines_.size()); }
  // Height of lines [first, last) stacked as in the box.
  double Span(int first, int last) const;

 private:
  friend class Canvas;
  explicit TextBox(void* layout);
  void* layout_ = nullptr;  // PangoLayout*, one reference owned
  double height_ = 0;
  std::vector<Line> lines_;
};

// A PDF document being drawn, one page at a time, with a cursor `y` in the text area.
class Canvas {
 public:
  // Starts page 1; the PDF's bytes are appended to *out as cairo produces them, and are complete
  // after Finish(). `title` goes into the PDF's metadata.
  Canvas(std::string* out, const std::string& title);
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;
  ~Canvas();

  TextBox Layout(const std::vector<Run>& runs, const TextStyle& style, double width);
  TextBox Layout(std::string_view text, const TextStyle& style, double width);

  // Draws lines [first, last) of `box` with the top of line `first` at (x, top).
  void Draw(const TextBox& box, int first, int last, double x, double top);
  void Draw(const TextBox& box, double x, double top) { Draw(box, 0, box.line_count(), x, top); }
  void Line(double x0, double y0, double x1, double y1, double width);
  void Rectangle(double x, double y, double w, double h, double line_width);

  // The cursor: where the next block starts on the current page.
  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  double room() const { return kTextBottom - y_; }
  bool AtPageTop() const { return y_ <= kMarginTop; }
  // Ends the current page and starts the next one with the cursor at the top margin; the new
  // page gets its number at the top centre (13 pt).
  void NewPage();
  // Ends the last page and the document. Error "pdf.render_failed" when cairo reported one at any
  // point since the constructor. Call once, then drop the Canvas.
  Status Finish();

 private:
  struct Cairo;  // the cairo surface and context and the pango context
  std::unique_ptr<Cairo> cairo_;
  double y_ = kMarginTop;
  int page_ = 1;
};

// Lays `table` out at the cursor across the text width: borders, a bold centred header row that
// is repeated on each new page, rows moved to the next page whole. Defined in pdf_table.cc.
void LayOutTable(Canvas& canvas, const Table& table);

}  // namespace nq::review::pdf
