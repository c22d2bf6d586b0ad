#include "review/xlsx_sheet.h"

#include <stdlib.h>  // mkdtemp
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "common/utf8.h"

namespace nq::review::xlsx {
namespace {

namespace fs = std::filesystem;

Status Failed(const std::string& why) {
  return Status::Internal("review.xlsx_failed", "Không ghi được tệp XLSX: " + why);
}

bool Wraps(Look look) {
  return look == Look::kHeader || look == Look::kText || look == Look::kCentre;
}

bool Whole(double x) { return std::abs(x - std::round(x)) < 1e-9; }

lxw_row_t Row(int r) { return static_cast<lxw_row_t>(r); }
lxw_col_t Col(int c) { return static_cast<lxw_col_t>(c); }

// Removes the temporary directory on every path out.
struct TempDir {
  std::string path;
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

// The workbook's formats (made once per look and number format) and its first error.
class Book {
 public:
  explicit Book(lxw_workbook* wb) : wb_(wb) {}

  lxw_format* Format(Look look, const std::string& num_format = "") {
    lxw_format*& f = formats_[{look, num_format}];
    if (f != nullptr) return f;
    f = workbook_add_format(wb_);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, look == Look::kTitle ? 13 : 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (look == Look::kTitle || look == Look::kHeader) format_set_bold(f);
    if (look == Look::kSubtitle || look == Look::kNote) format_set_italic(f);
    if (look == Look::kTitle || look == Look::kSubtitle || look == Look::kHeader ||
        look == Look::kCentre) {
      format_set_align(f, LXW_ALIGN_CENTER);
    }
    if (look == Look::kHeader) format_set_bg_color(f, 0xE7E6E6);
    if (look == Look::kHeader || look == Look::kText || look == Look::kCentre ||
        look == Look::kNumber) {
      format_set_border(f, LXW_BORDER_THIN);
    }
    if (Wraps(look)) format_set_text_wrap(f);
    if (!num_format.empty()) format_set_num_format(f, num_format.c_str());
    return f;
  }
  void Check(lxw_error e) {
    if (e != LXW_NO_ERROR && error_.empty()) error_ = lxw_strerror(e);
  }
  void Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
  }
  lxw_workbook* wb() const { return wb_; }
  const std::string& error() const { return error_; }

 private:
  lxw_workbook* wb_;
  std::map<std::pair<Look, std::string>, lxw_format*> formats_;
  std::string error_;
};

std::string NumberFormat(double x) { return Whole(x) ? "#,##0" : "#,##0.0#"; }

Sheet::Sheet(Book& book, const char* name)
    : book_(book), ws_(workbook_add_worksheet(book.wb(), name)) {
  if (ws_ == nullptr) {
    book_.Fail(std::string("không tạo được trang tính ") + name);
    return;
  }
  worksheet_set_landscape(ws_);
  worksheet_set_paper(ws_, 9);  // A4
}

Sheet::~Sheet() {
  if (ws_ == nullptr) return;
  for (const auto& [row, lines] : lines_) {
    if (lines > 1) book_.Check(worksheet_set_row(ws_, Row(row), lines * kLinePoints + 3, nullptr));
  }
}

void Sheet::Text(int row, int col, const std::string& s, Look look) {
  if (ws_ == nullptr) return;
  book_.Check(worksheet_write_string(ws_, Row(row), Col(col), s.c_str(), book_.Format(look)));
  if (Wraps(look) && static_cast<size_t>(col) < widths_.size()) {
    // Characters of Times New Roman 11 per unit of column width, less what word wrapping loses.
    const double per_line = std::max(1.0, widths_[static_cast<size_t>(col)] * 1.35 - 2);
    int& lines = lines_[row];
    lines = std::max(lines, static_cast<int>(std::ceil(CodePointCount(s) / per_line)));
  }
}

void Sheet::Number(int row, int col, std::optional<double> x, const std::string& format) {
  if (!x) return Text(row, col, "", Look::kNumber);
  if (ws_ == nullptr) return;
  lxw_format* f = book_.Format(Look::kNumber, format.empty() ? NumberFormat(*x) : format);
  book_.Check(worksheet_write_number(ws_, Row(row), Col(col), *x, f));
}

void Sheet::Day(int row, int col, const std::optional<Date>& d) {
  if (!d) return Text(row, col, "", Look::kNumber);
  if (ws_ == nullptr) return;
  lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
  book_.Check(worksheet_write_datetime(ws_, Row(row), Col(col), &dt,
                                       book_.Format(Look::kNumber, "d/m/yyyy")));
}

void Sheet::Merged(int row, int first, int last, const std::string& s, Look look, int last_row) {
  if (first == last && last_row <= row) return Text(row, first, s, look);
  if (ws_ == nullptr) return;
  book_.Check(worksheet_merge_range(ws_, Row(row), Col(first), Row(std::max(row, last_row)),
                                    Col(last), s.c_str(), book_.Format(look)));
}

void Sheet::Frame(const std::string& title, const std::string& subtitle,
                  const std::vector<double>& widths, int header_last, int frozen_cols, int group) {
  if (ws_ == nullptr) return;
  widths_ = widths;
  const int last = static_cast<int>(widths.size()) - 1;
  for (int c = 0; c <= last; ++c) {
    book_.Check(worksheet_set_column(ws_, Col(c), Col(c), widths[static_cast<size_t>(c)], nullptr));
  }
  worksheet_freeze_panes(ws_, Row(header_last + 1), Col(frozen_cols));
  book_.Check(worksheet_repeat_rows(ws_, 2, Row(header_last)));
  std::vector<lxw_col_t> breaks;  // first columns of the pages after the first
  double frozen = 0, used = 0;
  for (int c = 0; GroupWidth(0, last + 1) > kFitWidth && c <= last; ++c) {
    const double w = widths[static_cast<size_t>(c)];
    if (c < frozen_cols) {
      frozen += w;
    } else if ((c - frozen_cols) % group == 0 && c > frozen_cols &&
               frozen + used + GroupWidth(c, group) > kWidePage) {
      breaks.push_back(Col(c));
      used = 0;
    }
    if (c >= frozen_cols) used += w;
  }
  if (breaks.empty()) {
    worksheet_fit_to_pages(ws_, 1, 0);
  } else {
    worksheet_set_print_scale(ws_, kWideScale);
    breaks.push_back(0);
    book_.Check(worksheet_set_v_pagebreaks(ws_, breaks.data()));
    if (frozen_cols > 0) book_.Check(worksheet_repeat_columns(ws_, 0, Col(frozen_cols - 1)));
  }
  // Over the first page's columns, and on several pages outside the repeated ones (which
  // would print a piece of it on every page).
  const int title_first = breaks.empty() ? 0 : frozen_cols;
  const int title_last = breaks.empty() ? last : static_cast<int>(breaks.front()) - 1;
  Merged(0, title_first, title_last, title, Look::kTitle);
  book_.Check(worksheet_set_row(ws_, 0, 30, nullptr));
  Merged(1, title_first, title_last, subtitle, Look::kSubtitle);
}

void Sheet::Header(int row, const std::vector<std::string>& titles) {
  for (size_t c = 0; c < titles.size(); ++c) {
    Text(row, static_cast<int>(c), titles[c], Look::kHeader);
  }
}

double Sheet::GroupWidth(int first, int group) const {
  double w = 0;
  for (int c = first; c < first + group && static_cast<size_t>(c) < widths_.size(); ++c) {
    w += widths_[static_cast<size_t>(c)];
  }
  return w;
}

Result<std::string> WriteWorkbook(const std::string& title, const Date& created,
                                  const std::function<void(Book&)>& fill) {
  std::error_code ec;
  const fs::path base = fs::temp_directory_path(ec);
  if (ec) return Failed(ec.message());
  std::string dir = (base / "nqtrack-xlsx-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    return Failed(std::error_code(errno, std::generic_category()).message());
  }
  const TempDir guard{dir};
  const std::string file = dir + "/phu-luc.xlsx";
  lxw_workbook_options options{};
  options.tmpdir = dir.data();
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (wb == nullptr) return Failed("không tạo được sổ tính");
  Book book(wb);
  std::string title_text = title;
  lxw_doc_properties properties{};
  properties.title = title_text.data();
  properties.created = static_cast<time_t>(DaysFromCivil(created) * 86400);
  book.Check(workbook_set_properties(wb, &properties));
  fill(book);
  book.Check(workbook_close(wb));  // frees the workbook whatever it returns
  if (!book.error().empty()) return Failed(book.error());
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) return Failed("không đọc lại được tệp đã ghi");
  return bytes.str();
}

}  // namespace nq::review::xlsx
