// Tables of the PDF renderer: see LayOutTable in review/pdf_canvas.h.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include "review/pdf_canvas.h"

namespace nq::review::pdf {
namespace {

constexpr double kCellFontSize = 12;
constexpr double kBorder = 0.5;
constexpr double kPadX = 3;  // between a border and the text of a cell
constexpr double kPadY = 2;
constexpr double kAfterTable = 6;

// A row laid out: one box per column, and the height of the tallest plus the padding.
struct LaidRow {
  std::vector<TextBox> cells;
  double height = 0;
};

// Column widths in points: `relative` scaled to the text width, or equal shares when it does not
// give one positive number per column.
std::vector<double> ColumnWidthsPt(const std::vector<double>& relative, size_t columns) {
  bool usable = relative.size() == columns &&
                std::all_of(relative.begin(), relative.end(), [](double w) { return w > 0; });
  std::vector<double> widths = usable ? relative : std::vector<double>(columns, 1.0);
  double total = std::accumulate(widths.begin(), widths.end(), 0.0);
  for (double& w : widths) w = w / total * kTextWidth;
  return widths;
}

LaidRow LayOutHeaderRow(Canvas& c, const Table& t, const std::vector<double>& widths) {
  LaidRow row;
  for (size_t i = 0; i < widths.size(); ++i) {
    TextStyle style{.size = kCellFontSize, .bold = true, .align = Align::kCenter};
    row.cells.push_back(c.Layout(t.header[i], style, widths[i] - 2 * kPadX));
    row.height = std::max(row.height, row.cells.back().height() + 2 * kPadY);
  }
  return row;
}

// Cells missing from a short row are left empty; cells beyond the header's are not shown.
LaidRow LayOutRow(Canvas& c, const std::vector<Cell>& cells, const std::vector<double>& widths) {
  static const Cell kEmpty;
  LaidRow row;
  for (size_t i = 0; i < widths.size(); ++i) {
    const Cell& cell = i < cells.size() ? cells[i] : kEmpty;
    TextStyle style{.size = kCellFontSize,
                    .bold = cell.bold,
                    .align = cell.number ? Align::kRight : Align::kLeft};
    row.cells.push_back(c.Layout(cell.text, style, widths[i] - 2 * kPadX));
    row.height = std::max(row.height, row.cells.back().height() + 2 * kPadY);
  }
  return row;
}

// Draws the row's borders and its texts, vertically centred, at the cursor, and moves past it.
void DrawRow(Canvas& c, const LaidRow& row, const std::vector<double>& widths) {
  double x = kMarginLeft;
  for (size_t i = 0; i < widths.size(); ++i) {
    c.Rectangle(x, c.y(), widths[i], row.height, kBorder);
    const TextBox& box = row.cells[i];
    c.Draw(box, x + kPadX, c.y() + (row.height - box.height()) / 2);
    x += widths[i];
  }
  c.Advance(row.height);
}

}  // namespace

void LayOutTable(Canvas& c, const Table& table) {
  if (table.header.empty()) return;
  const std::vector<double> widths = ColumnWidthsPt(table.widths, table.header.size());
  const LaidRow header = LayOutHeaderRow(c, table, widths);
  std::vector<LaidRow> rows;
  rows.reserve(table.rows.size());
  for (const std::vector<Cell>& cells : table.rows) rows.push_back(LayOutRow(c, cells, widths));

  // The header row never stays alone at the foot of a page.
  const double first_row = rows.empty() ? 0 : rows.front().height;
  if (header.height + first_row > c.room() && !c.AtPageTop()) c.NewPage();
  DrawRow(c, header, widths);
  for (const LaidRow& row : rows) {
    if (row.height > c.room()) {
      c.NewPage();
      DrawRow(c, header, widths);
    }
    DrawRow(c, row, widths);
  }
  c.Advance(kAfterTable);
}

}  // namespace nq::review::pdf
