#include "review/pdf_canvas.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace nq::review::pdf {
namespace {

constexpr const char* kFontFamily = "Liberation Serif";  // stands in for Times New Roman
constexpr double kPageNumberSize = 13;
constexpr double kPageNumberTop = 10 * kPointsPerMm;

// cairo's write callback: appends to the std::string given as closure. No exception may cross
// back into C, so a failed allocation becomes cairo's write error.
cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }
int ToPango(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }

PangoLayout* AsLayout(void* p) { return static_cast<PangoLayout*>(p); }

void AddStyle(PangoAttrList* attrs, PangoAttribute* attr, size_t start, size_t end) {
  attr->start_index = static_cast<guint>(start);
  attr->end_index = static_cast<guint>(end);
  pango_attr_list_insert(attrs, attr);  // takes ownership
}

// Appends `text` to *out with invalid UTF-8 replaced by U+FFFD: pango needs valid UTF-8.
void AppendValid(std::string_view text, std::string* out) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
    out->append(text);
    return;
  }
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  out->append(valid);
  g_free(valid);
}

}  // namespace

// ---- TextBox ----

TextBox::TextBox(void* layout) : layout_(layout) {
  PangoLayout* l = AsLayout(layout);
  int width = 0;
  int height = 0;
  pango_layout_get_size(l, &width, &height);
  height_ = FromPango(height);
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    int y0 = 0;
    int y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    lines_.push_back(Line{FromPango(y0), FromPango(y1),
                          FromPango(pango_layout_iter_get_baseline(it)), FromPango(logical.x),
                          FromPango(logical.width)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

TextBox::TextBox(TextBox&& other) noexcept
    : layout_(std::exchange(other.layout_, nullptr)),
      height_(other.height_),
      lines_(std::move(other.lines_)) {}

TextBox& TextBox::operator=(TextBox&& other) noexcept {
  std::swap(layout_, other.layout_);
  height_ = other.height_;
  lines_ = std::move(other.lines_);
  return *this;
}

TextBox::~TextBox() {
  if (layout_ != nullptr) g_object_unref(AsLayout(layout_));
}

double TextBox::Span(int first, int last) const {
  if (last <= first) return 0;
  return lines_[static_cast<size_t>(last - 1)].bottom - lines_[static_cast<size_t>(first)].top;
}

// ---- Canvas ----

struct Canvas::Cairo {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoFontMap* fonts = nullptr;
  PangoContext* pango = nullptr;
};

Canvas::Canvas(std::string* out, const std::string& title) : cairo_(std::make_unique<Cairo>()) {
  cairo_->surface =
      cairo_pdf_surface_create_for_stream(AppendToString, out, kPageWidth, kPageHeight);
  std::string valid_title;
  AppendValid(title, &valid_title);
  cairo_pdf_surface_set_metadata(cairo_->surface, CAIRO_PDF_METADATA_TITLE, valid_title.c_str());
  cairo_pdf_surface_set_metadata(cairo_->surface, CAIRO_PDF_METADATA_CREATOR, "nqtrack");
  cairo_->cr = cairo_create(cairo_->surface);
  // A font map of our own rather than pango's per-thread default: it goes with the Canvas, so no
  // font cache outlives a call (a few milliseconds more per document), and leak checkers see only
  // fontconfig's one-time allocations.
  cairo_->fonts = pango_cairo_font_map_new();
  cairo_->pango = pango_font_map_create_context(cairo_->fonts);
  pango_cairo_update_context(cairo_->cr, cairo_->pango);
  // Font sizes are in points and so are cairo's PDF units: 72 dpi makes them agree.
  pango_cairo_context_set_resolution(cairo_->pango, 72);
  // Unrounded glyph positions: justified lines come out even in a vector format.
  pango_context_set_round_glyph_positions(cairo_->pango, FALSE);
}

Canvas::~Canvas() {
  if (cairo_->pango != nullptr) g_object_unref(cairo_->pango);
  if (cairo_->fonts != nullptr) g_object_unref(cairo_->fonts);
  cairo_destroy(cairo_->cr);
  cairo_surface_destroy(cairo_->surface);
}

TextBox Canvas::Layout(const std::vector<Run>& runs, const TextStyle& style, double width) {
  PangoLayout* layout = pango_layout_new(cairo_->pango);
  PangoFontDescription* font = pango_font_description_from_string(kFontFamily);
  pango_font_description_set_size(font, ToPango(style.size));
  if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  if (style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);

  pango_layout_set_width(layout, ToPango(width));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent(layout, ToPango(style.indent));
  if (style.line_spacing > 0)
    pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
  switch (style.align) {
    case Align::kLeft:
    case Align::kJustify:
      pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
      break;
    case Align::kCenter:
      pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
      break;
    case Align::kRight:
      pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
      break;
  }
  pango_layout_set_justify(layout, style.align == Align::kJustify);

  // Plain text with attributes, never markup: user text needs no escaping.
  std::string text;
  PangoAttrList* attrs = pango_attr_list_new();
  for (const Run& run : runs) {
    size_t start = text.size();
    AppendValid(run.text, &text);
    if (run.bold) AddStyle(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, text.size());
    if (run.italic) AddStyle(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start, text.size());
  }
  if (style.underline) {
    AddStyle(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), 0, text.size());
  }
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  return TextBox(layout);
}

TextBox Canvas::Layout(std::string_view text, const TextStyle& style, double width) {
  return Layout(std::vector<Run>{Run{std::string(text)}}, style, width);
}

void Canvas::Draw(const TextBox& box, int first, int last, double x, double top) {
  last = std::min(last, box.line_count());
  if (first >= last) return;
  double origin = top - box.lines()[static_cast<size_t>(first)].top;
  for (int i = first; i < last; ++i) {
    const TextBox::Line& line = box.lines()[static_cast<size_t>(i)];
    cairo_move_to(cairo_->cr, x + line.left, origin + line.baseline);
    pango_cairo_show_layout_line(cairo_->cr,
                                 pango_layout_get_line_readonly(AsLayout(box.layout_), i));
  }
}

void Canvas::Line(double x0, double y0, double x1, double y1, double width) {
  cairo_set_line_width(cairo_->cr, width);
  cairo_move_to(cairo_->cr, x0, y0);
  cairo_line_to(cairo_->cr, x1, y1);
  cairo_stroke(cairo_->cr);
}

void Canvas::Rectangle(double x, double y, double w, double h, double line_width) {
  cairo_set_line_width(cairo_->cr, line_width);
  cairo_rectangle(cairo_->cr, x, y, w, h);
  cairo_stroke(cairo_->cr);
}

void Canvas::NewPage() {
  cairo_show_page(cairo_->cr);
  ++page_;
  y_ = kMarginTop;
  TextStyle number{.size = kPageNumberSize, .align = Align::kCenter};
  Draw(Layout(std::to_string(page_), number, kTextWidth), kMarginLeft, kPageNumberTop);
}

Status Canvas::Finish() {
  cairo_show_page(cairo_->cr);
  cairo_status_t status = cairo_status(cairo_->cr);
  cairo_surface_finish(cairo_->surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(cairo_->surface);
  if (status == CAIRO_STATUS_SUCCESS) return Status::Ok();
  return Status::Internal("pdf.render_failed",
                          std::string("Không tạo được tệp PDF: ") + cairo_status_to_string(status));
}

}  // namespace nq::review::pdf
