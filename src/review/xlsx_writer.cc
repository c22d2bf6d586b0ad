#include "review/xlsx_writer.h"

#include <stdlib.h>  // mkdtemp
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

#include "common/format.h"
#include "common/utf8.h"

namespace nq::review {
namespace {

namespace fs = std::filesystem;

Status Failed(const std::string& why) {
  return Status::Internal("review.xlsx_failed", "Không ghi được tệp XLSX: " + why);
}

// How a cell looks, apart from its number format.
enum class Look { kTitle, kSubtitle, kHeader, kText, kCentre, kNumber, kNote };
bool Wraps(Look look) {
  return look == Look::kHeader || look == Look::kText || look == Look::kCentre;
}

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

bool Whole(double x) { return std::abs(x - std::round(x)) < 1e-9; }

// "#,##0" for a whole value, else up to two decimals.
std::string NumberFormat(double x) { return Whole(x) ? "#,##0" : "#,##0.0#"; }

// A yes/no value stays a number and reads as the answer.
constexpr const char* kYesNoFormat = "[=1]\"Có\";[=0]\"Không\";0.00";

// One worksheet: writes cells, recording the first error in the book.
class Sheet {
 public:
  Sheet(Book& book, const char* name) : book_(book), ws_(workbook_add_worksheet(book.wb(), name)) {
    if (ws_ == nullptr) {
      book_.Fail(std::string("không tạo được trang tính ") + name);
      return;
    }
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
  }
  bool ok() const { return ws_ != nullptr; }

  // Sets the height of the rows whose wrapped text needs more than one line (neither Excel nor
  // LibreOffice fits them when it opens the file).
  ~Sheet() {
    if (ws_ == nullptr) return;
    for (const auto& [row, lines] : lines_) {
      if (lines > 1)
        book_.Check(worksheet_set_row(ws_, Row(row), lines * kLinePoints + 3, nullptr));
    }
  }
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;

  void Text(int row, int col, const std::string& s, Look look = Look::kText) {
    book_.Check(worksheet_write_string(ws_, Row(row), Col(col), s.c_str(), book_.Format(look)));
    if (Wraps(look) && static_cast<size_t>(col) < widths_.size()) {
      // Characters of Times New Roman 11 per unit of column width, less what word wrapping loses.
      const double per_line = std::max(1.0, widths_[static_cast<size_t>(col)] * 1.35 - 2);
      int& lines = lines_[row];
      lines = std::max(lines, static_cast<int>(std::ceil(CodePointCount(s) / per_line)));
    }
  }
  // An empty bordered cell when the value is missing.
  void Number(int row, int col, std::optional<double> x, const std::string& format = "") {
    if (!x) return Text(row, col, "", Look::kNumber);
    lxw_format* f = book_.Format(Look::kNumber, format.empty() ? NumberFormat(*x) : format);
    book_.Check(worksheet_write_number(ws_, Row(row), Col(col), *x, f));
  }
  void Day(int row, int col, const std::optional<Date>& d) {
    if (!d) return Text(row, col, "", Look::kNumber);
    lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
    book_.Check(worksheet_write_datetime(ws_, Row(row), Col(col), &dt,
                                         book_.Format(Look::kNumber, "d/m/yyyy")));
  }
  // Text over the columns first..last of a row (or of rows row..last_row).
  void Merged(int row, int first, int last, const std::string& s, Look look, int last_row = -1) {
    if (first == last && last_row <= row) return Text(row, first, s, look);
    book_.Check(worksheet_merge_range(ws_, Row(row), Col(first), Row(std::max(row, last_row)),
                                      Col(last), s.c_str(), book_.Format(look)));
  }
  // Title and subtitle, widths, the header rows frozen and printed on each page; the header
  // itself is the caller's (from row 2 to header_last). A sheet up to kFitWidth wide prints
  // one page across; a wider one at kWideScale, kWidePage wide on each page with the frozen
  // columns repeated, the others broken into pages only between groups of `group` columns (a
  // target's pair); the title is over the first page's other columns.
  void Frame(const std::string& title, const std::string& subtitle,
             const std::vector<double>& widths, int header_last, int frozen_cols = 0,
             int group = 1) {
    widths_ = widths;
    const int last = static_cast<int>(widths.size()) - 1;
    for (int c = 0; c <= last; ++c) {
      book_.Check(
          worksheet_set_column(ws_, Col(c), Col(c), widths[static_cast<size_t>(c)], nullptr));
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
  void Header(int row, const std::vector<std::string>& titles) {
    for (size_t c = 0; c < titles.size(); ++c) {
      Text(row, static_cast<int>(c), titles[c], Look::kHeader);
    }
  }

 private:
  static lxw_row_t Row(int r) { return static_cast<lxw_row_t>(r); }
  static lxw_col_t Col(int c) { return static_cast<lxw_col_t>(c); }
  double GroupWidth(int first, int group) const {
    double w = 0;
    for (int c = first; c < first + group && static_cast<size_t>(c) < widths_.size(); ++c) {
      w += widths_[static_cast<size_t>(c)];
    }
    return w;
  }
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

std::string AsOfText(const Review& r) { return " tính đến ngày " + FormatVi(r.as_of); }

// The target value as compared, its comparator in the number format.
void TargetValue(Sheet& s, int row, int col, const TargetRow& t) {
  const analytics::TargetAssessment& a = t.assessment;
  switch (t.target.comparator) {
    case Comparator::kRange:
      return s.Text(row, col,
                    FormatNumberVi(a.target_value, 2) + " – " +
                        FormatNumberVi(a.target_high.value_or(a.target_value), 2),
                    Look::kCentre);
    case Comparator::kYesNo:
      return s.Number(row, col, a.target_value, kYesNoFormat);
    case Comparator::kAtLeast:
      return s.Number(row, col, a.target_value, "\"≥ \"" + NumberFormat(a.target_value));
    case Comparator::kAtMost:
      return s.Number(row, col, a.target_value, "\"≤ \"" + NumberFormat(a.target_value));
  }
}

// An actual (or a projection) of a target: the yes/no format for a yes/no target.
void Value(Sheet& s, int row, int col, const TargetRow& t, std::optional<double> x) {
  s.Number(row, col, x, t.target.comparator == Comparator::kYesNo && x ? kYesNoFormat : "");
}

void TargetSheet(Book& book, const Review& r) {
  Sheet s(book, "Mục tiêu");
  if (!s.ok()) return;
  s.Frame("Phụ lục: Kết quả thực hiện các mục tiêu, chỉ tiêu Nghị quyết số " + r.resolution.number +
              AsOfText(r),
          r.root_name + " — " + r.assessment.headline,
          {5, 7, 36, 12, 10, 11, 11, 12, 12, 8, 13, 50}, 2);
  s.Header(2,
           {"STT", "Mã", "Mục tiêu", "Lĩnh vực", "Đơn vị tính", "Chỉ tiêu", "Thực hiện",
            "Dự kiến đến thời điểm", "Dự báo cuối nhiệm kỳ", "Tỷ lệ (%)", "Đánh giá", "Ghi chú"});
  int row = 3;
  for (const TargetRow& t : r.assessment.targets) {
    const analytics::TargetAssessment& a = t.assessment;
    s.Number(row, 0, row - 2, "0");
    s.Text(row, 1, t.target.code, Look::kCentre);
    s.Text(row, 2, t.target.text);
    s.Text(row, 3, FieldLabel(t.target.field));
    s.Text(row, 4, t.target.unit, Look::kCentre);
    TargetValue(s, row, 5, t);
    Value(s, row, 6, t, a.actual);
    Value(s, row, 7, t, a.expected);
    Value(s, row, 8, t, a.projection);
    s.Number(row, 9, a.ratio, "0.0");
    s.Text(row, 10, analytics::TargetStatusLabel(a.status), Look::kCentre);
    s.Text(row, 11, a.explanation);
    ++row;
  }
}

void OrganizationSheet(Book& book, const Review& r) {
  Sheet s(book, "Theo đơn vị");
  if (!s.ok()) return;
  const std::vector<TargetRow>& targets = r.assessment.targets;
  std::vector<double> widths{5, 10, 30};
  for (size_t i = 0; i < targets.size(); ++i) widths.insert(widths.end(), {9, 12});
  s.Frame("Kết quả thực hiện các mục tiêu của các tổ chức trực thuộc" + AsOfText(r), r.root_name,
          widths, 3, 3, 2);
  s.Merged(2, 0, 0, "STT", Look::kHeader, 3);
  s.Merged(2, 1, 1, "Mã", Look::kHeader, 3);
  s.Merged(2, 2, 2, "Tổ chức", Look::kHeader, 3);
  for (size_t i = 0; i < targets.size(); ++i) {
    const int col = 3 + 2 * static_cast<int>(i);
    const std::string& unit = targets[i].target.unit;
    s.Merged(2, col, col + 1, targets[i].target.code + (unit.empty() ? "" : " (" + unit + ")"),
             Look::kHeader);
    s.Text(3, col, "Thực hiện", Look::kHeader);
    s.Text(3, col + 1, "Đánh giá", Look::kHeader);
  }
  int row = 4;
  for (const OrgRow& o : r.organizations) {
    s.Number(row, 0, row - 3, "0");
    s.Text(row, 1, o.code, Look::kCentre);
    s.Text(row, 2, o.name);
    for (size_t i = 0; i < o.targets.size() && i < targets.size(); ++i) {
      const int col = 3 + 2 * static_cast<int>(i);
      Value(s, row, col, targets[i], o.targets[i].actual);
      s.Text(row, col + 1, analytics::TargetStatusLabel(o.targets[i].status), Look::kCentre);
    }
    ++row;
  }
  // The targets' names under the table, as the headers give only their codes.
  ++row;
  for (const TargetRow& t : targets) {
    s.Text(row++, 0, t.target.code + ": " + t.target.text, Look::kNote);  // flows to the right
  }
}

void ReportingSheet(Book& book, const Review& r) {
  Sheet s(book, "Báo cáo số liệu");
  if (!s.ok()) return;
  s.Frame("Tình hình gửi báo cáo số liệu của các tổ chức trực thuộc" + AsOfText(r), r.root_name,
          {5, 10, 40, 10, 10, 10, 10, 14}, 2);
  s.Header(2, {"STT", "Mã", "Tổ chức", "Đúng hạn", "Trễ hạn", "Chưa gửi", "Phải gửi",
               "Tỷ lệ trễ, chưa gửi"});
  int row = 3;
  for (const OrgRow& o : r.organizations) {
    const int due = o.reports_on_time + o.reports_late + o.reports_missing;
    s.Number(row, 0, row - 2, "0");
    s.Text(row, 1, o.code, Look::kCentre);
    s.Text(row, 2, o.name);
    s.Number(row, 3, o.reports_on_time, "#,##0");
    s.Number(row, 4, o.reports_late, "#,##0");
    s.Number(row, 5, o.reports_missing, "#,##0");
    s.Number(row, 6, due, "#,##0");
    s.Number(row, 7,
             due > 0 ? std::optional<double>(
                           static_cast<double>(o.reports_late + o.reports_missing) / due)
                     : std::nullopt,
             "0.0%");
    ++row;
  }
}

// The task lines of a section, each task once: documents, projects, overdue, done late.
std::vector<const TaskLine*> SectionLines(const TaskSection& section) {
  std::vector<const TaskLine*> out;
  std::set<int64_t> seen;
  for (const auto* list :
       {&section.documents, &section.projects, &section.overdue, &section.done_late}) {
    for (const TaskLine& t : *list) {
      if (seen.insert(t.id).second) out.push_back(&t);
    }
  }
  return out;
}

void TaskSheet(Book& book, const Review& r) {
  Sheet s(book, "Nhiệm vụ");
  if (!s.ok()) return;
  s.Frame("Các nhiệm vụ được giao" + AsOfText(r), r.root_name,
          {5, 12, 46, 28, 16, 18, 9, 11, 11, 14}, 2);
  s.Header(2, {"STT", "Nghị quyết", "Nhiệm vụ", "Đơn vị chủ trì", "Sản phẩm", "Tình trạng",
               "Tiến độ (%)", "Hạn tiếp theo", "Ngày hoàn thành", "Số văn bản"});
  int row = 3;
  for (const TaskSection& section : r.task_sections) {
    for (const TaskLine* t : SectionLines(section)) {
      s.Number(row, 0, row - 2, "0");
      s.Text(row, 1, section.resolution.number, Look::kCentre);
      s.Text(row, 2, t->title);
      s.Text(row, 3, t->owner);
      s.Text(row, 4, t->product == ProductKind::kNone ? "" : ProductKindLabel(t->product));
      s.Text(row, 5, TaskStateLabel(t->state));
      s.Number(row, 6, t->progress, "0");
      s.Day(row, 7, t->next_due);
      s.Day(row, 8, t->completed_on);
      s.Text(row, 9, t->document_number, Look::kCentre);
      ++row;
    }
  }
}

// Removes the temporary directory on every path out.
struct TempDir {
  std::string path;
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

}  // namespace

Result<std::string> WriteXlsx(const Review& r) {
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
  std::string title = "Phụ lục báo cáo " + std::string(ReviewKindLabel(r.kind)) +
                      " Nghị quyết số " + r.resolution.number;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.created = static_cast<time_t>(DaysFromCivil(r.as_of) * 86400);
  book.Check(workbook_set_properties(wb, &properties));
  TargetSheet(book, r);
  OrganizationSheet(book, r);
  ReportingSheet(book, r);
  TaskSheet(book, r);
  book.Check(workbook_close(wb));  // frees the workbook whatever it returns
  if (!book.error().empty()) return Failed(book.error());
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in || bytes.str().empty()) return Failed("không đọc lại được tệp đã ghi");
  return bytes.str();
}

}  // namespace nq::review
