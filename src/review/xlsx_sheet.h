// The cell writer of the review's XLSX annex (xlsx_writer.cc): a workbook written to a private
// temporary directory and read back as bytes, sheets whose cells have one look each (Times New
// Roman, borders, wrapping) and real number and date formats, the row heights wrapped text needs,
// and the print layout (A4 landscape, header rows repeated, wide sheets split between column
// groups). The one place libxlsxwriter is included is xlsx_sheet.cc; its types are only named
// here. Private to src/review/. Not thread-safe: one workbook belongs to one thread.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"

struct lxw_worksheet;

namespace nq::review::xlsx {

// How a cell looks, apart from its number format.
enum class Look { kTitle, kSubtitle, kHeader, kText, kCentre, kNumber, kNote };

// "#,##0" for a whole value, else up to two decimals.
std::string NumberFormat(double x);
// A yes/no value stays a number and reads as the answer.
inline constexpr const char* kYesNoFormat = "[=1]\"Có\";[=0]\"Không\";0.00";

// The workbook being written: its formats and its first error (defined in xlsx_sheet.cc).
class Book;

// One worksheet: writes cells, recording the first error in the book. Rows and columns from 0.
class Sheet {
 public:
  Sheet(Book& book, const char* name);
  // Sets the height of the rows whose wrapped text needs more than one line (neither Excel nor
  // LibreOffice fits them when it opens the file).
  ~Sheet();
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;
  bool ok() const { return ws_ != nullptr; }  // false: the book has the error

  void Text(int row, int col, const std::string& s, Look look = Look::kText);
  // An empty bordered cell when the value is missing; `format` "" is NumberFormat(x).
  void Number(int row, int col, std::optional<double> x, const std::string& format = "");
  // A date cell "d/m/yyyy"; empty when missing.
  void Day(int row, int col, const std::optional<Date>& d);
  // Text over the columns first..last of a row (or of rows row..last_row).
  void Merged(int row, int first, int last, const std::string& s, Look look, int last_row = -1);
  // Title and subtitle, widths, the header rows frozen and printed on each page; the header
  // itself is the caller's (from row 2 to header_last). A sheet up to kFitWidth wide prints
  // one page across; a wider one at kWideScale, kWidePage wide on each page with the frozen
  // columns repeated, the others broken into pages only between groups of `group` columns (a
  // target's pair); the title is over the first page's other columns.
  void Frame(const std::string& title, const std::string& subtitle,
             const std::vector<double>& widths, int header_last, int frozen_cols = 0,
             int group = 1);
  void Header(int row, const std::vector<std::string>& titles);

 private:
  double GroupWidth(int first, int group) const;
  static constexpr int kLinePoints = 15;  // a line of 11-point text
  // Units of column width on one A4 landscape page as LibreOffice prints it: about 97 at 100%.
  static constexpr double kFitWidth = 200;  // up to this, one page across (≥ 48%)
  static constexpr int kWideScale = 60;
  static constexpr double kWidePage = 160;
  Book& book_;
  lxw_worksheet* ws_;
  std::vector<double> widths_;
  std::map<int, int> lines_;  // row -> lines its tallest wrapped cell needs
};

// Writes a workbook titled `title` (document properties; created on `created`) whose sheets
// `fill` adds, and returns the file's bytes. Internal "review.xlsx_failed" with the library's
// message for the first thing that failed (the temporary directory is removed on every path).
Result<std::string> WriteWorkbook(const std::string& title, const Date& created,
                                  const std::function<void(Book&)>& fill);

}  // namespace nq::review::xlsx
