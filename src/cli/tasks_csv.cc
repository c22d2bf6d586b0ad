#include "cli/tasks_csv.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "common/csv.h"
#include "common/utf8.h"
#include "domain/task_status.h"

namespace nq::cli {
namespace {

constexpr const char* kRequiredTaskColumns[] = {"ma", "ten", "don_vi_chu_tri", "ngay_giao"};
constexpr const char* kExportOnly[] = {"trang_thai", "nghi_quyet"};

// An enumeration value by its code, its Vietnamese label or one of `aliases`, all folded
// (case, diacritics).
template <typename T, size_t N>
std::optional<T> ParseChoice(std::string_view text, const T (&values)[N], const char* (*code)(T),
                             const char* (*label)(T),
                             const std::vector<std::pair<const char*, T>>& aliases) {
  const std::string folded = FoldForSearch(text);
  for (T v : values) {
    if (folded == FoldForSearch(code(v)) || folded == FoldForSearch(label(v))) return v;
  }
  for (const auto& [alias, v] : aliases) {
    if (folded == alias) return v;
  }
  return std::nullopt;
}

constexpr TaskRecurrence kRecurrences[] = {TaskRecurrence::kOnce, TaskRecurrence::kMonthly,
                                           TaskRecurrence::kQuarterly, TaskRecurrence::kYearly};
constexpr ProductKind kProducts[] = {ProductKind::kNone, ProductKind::kDocument,
                                     ProductKind::kProject, ProductKind::kReport};

std::optional<TaskRecurrence> ParseRecurrenceCell(std::string_view s) {
  if (Trim(s).empty()) return TaskRecurrence::kOnce;
  return ParseChoice(s, kRecurrences, TaskRecurrenceCode, TaskRecurrenceLabel,
                     {{"thang", TaskRecurrence::kMonthly},
                      {"quy", TaskRecurrence::kQuarterly},
                      {"nam", TaskRecurrence::kYearly}});
}

std::optional<ProductKind> ParseProductCell(std::string_view s) {
  if (Trim(s).empty()) return ProductKind::kNone;
  return ParseChoice(s, kProducts, ProductKindCode, ProductKindLabel,
                     {{"khong", ProductKind::kNone},
                      {"van ban", ProductKind::kDocument},
                      {"cong trinh", ProductKind::kProject},
                      {"du an", ProductKind::kProject},
                      {"bao cao", ProductKind::kReport}});
}

// Problems by line: (line, message).
using Problems = std::vector<std::pair<int, std::string>>;

// One row's cells by column name, and the problems found reading it.
class Row {
 public:
  Row(const CsvRecord& r, const std::map<std::string, size_t>& columns, Problems* problems)
      : record_(r), columns_(columns), problems_(problems) {}

  std::string Cell(const char* name) const {
    auto it = columns_.find(name);
    if (it == columns_.end() || it->second >= record_.fields.size()) return "";
    return std::string(Trim(record_.fields[it->second]));
  }
  void Problem(const std::string& message) { problems_->emplace_back(record_.line, message); }
  std::optional<Date> DateCell(const char* name, const char* what, bool required) {
    const std::string s = Cell(name);
    if (s.empty()) {
      if (required) Problem(std::string("thiếu ") + what + " (cột " + name + ")");
      return std::nullopt;
    }
    std::optional<Date> d = ParseDateIsoOrVi(s);
    if (!d)
      Problem(std::string(what) + " không hợp lệ: \"" + s + "\" (dạng 17/5/2023 hoặc 2023-05-17)");
    return d;
  }
  // A column that this row's recurrence or product does not take must be blank.
  void MustBeBlank(const char* name, const std::string& why) {
    if (!Cell(name).empty()) Problem("cột " + std::string(name) + " " + why);
  }

 private:
  const CsvRecord& record_;
  const std::map<std::string, size_t>& columns_;
  Problems* problems_;
};

void ReadDeadline(Row& row, AssignedTask& t) {
  std::optional<TaskRecurrence> r = ParseRecurrenceCell(row.Cell("dinh_ky"));
  if (!r) {
    row.Problem("định kỳ không hợp lệ: \"" + row.Cell("dinh_ky") +
                "\" (một lần, hằng tháng, hằng quý, hằng năm)");
    return;
  }
  t.deadline.recurrence = *r;
  if (*r == TaskRecurrence::kOnce) {
    if (std::optional<Date> due = row.DateCell("han", "hạn hoàn thành", true))
      t.deadline.due = *due;
    row.MustBeBlank("so_ngay_sau_ky", "chỉ dùng cho nhiệm vụ định kỳ");
    return;
  }
  t.deadline.until = row.DateCell("han", "ngày kết thúc nhiệm vụ định kỳ", false);
  const std::string offset = row.Cell("so_ngay_sau_ky");
  if (!offset.empty()) {
    std::optional<int64_t> days = ParseIntCell(offset, 0, 366);
    if (!days) row.Problem("số ngày sau kỳ phải là số nguyên từ 0 đến 366: \"" + offset + "\"");
    t.deadline.offset_days = static_cast<int>(days.value_or(10));
  }
  row.MustBeBlank("ngay_hoan_thanh",
                  "chỉ dùng cho nhiệm vụ giao một lần (nhiệm vụ định kỳ hoàn thành theo từng kỳ: "
                  "dùng tệp JSON)");
}

void ReadProduct(Row& row, BundleTask& b) {
  AssignedTask& t = b.task;
  std::optional<ProductKind> p = ParseProductCell(row.Cell("san_pham"));
  if (!p) {
    row.Problem("sản phẩm không hợp lệ: \"" + row.Cell("san_pham") +
                "\" (không, văn bản, công trình, báo cáo)");
    return;
  }
  t.product = *p;
  const std::string number = row.Cell("so_ky_hieu_van_ban");
  if (*p == ProductKind::kDocument) {
    t.document = ConcretizingDocument{number, "", std::nullopt, ""};
    t.document->issued = row.DateCell("ngay_ban_hanh", "ngày ban hành", false);
    return;
  }
  row.MustBeBlank("ngay_ban_hanh", "chỉ dùng cho sản phẩm là văn bản cụ thể hóa");
  if (*p == ProductKind::kReport && t.deadline.recurrence == TaskRecurrence::kOnce) {
    t.report_ref = number;
    return;
  }
  row.MustBeBlank("so_ky_hieu_van_ban",
                  "chỉ dùng cho văn bản cụ thể hóa hoặc báo cáo của nhiệm vụ giao một lần");
  if (*p == ProductKind::kProject) t.project = KeyProject{t.title, "", {}};
}

BundleTask ReadTask(Row& row, std::string_view resolution_number) {
  BundleTask b;
  AssignedTask& t = b.task;
  b.partial = true;
  b.ref = row.Cell("ma");
  t.title = row.Cell("ten");
  b.owner_code = row.Cell("don_vi_chu_tri");
  const std::string cooperating = row.Cell("don_vi_phoi_hop");
  for (size_t from = 0; from <= cooperating.size();) {
    const size_t semi = std::min(cooperating.find(';', from), cooperating.size());
    const std::string code(Trim(std::string_view(cooperating).substr(from, semi - from)));
    if (!code.empty()) b.cooperating_codes.push_back(code);
    from = semi + 1;
  }
  t.assigning_document = row.Cell("van_ban_giao");
  t.assigned = row.DateCell("ngay_giao", "ngày giao", true).value_or(t.assigned);
  ReadDeadline(row, t);
  ReadProduct(row, b);
  t.completed_on = row.DateCell("ngay_hoan_thanh", "ngày hoàn thành", false);
  std::string percent = row.Cell("tien_do");
  if (!percent.empty() && percent.back() == '%')
    percent = std::string(Trim(percent.substr(0, percent.size() - 1)));
  if (percent.empty()) {
    t.progress_percent = t.completed_on ? 100 : 0;
  } else if (std::optional<int64_t> v = ParseIntCell(percent, 0, 100)) {
    t.progress_percent = static_cast<int>(*v);
  } else {
    row.Problem("tiến độ phải là số nguyên từ 0 đến 100: \"" + row.Cell("tien_do") + "\"");
  }
  b.resolution_task = row.Cell("nhiem_vu_dot_pha");
  b.parent_ref = row.Cell("nhiem_vu_cha");
  const std::string resolution = row.Cell("nghi_quyet");
  if (!resolution.empty() && resolution != resolution_number) {
    row.Problem("nhiệm vụ của nghị quyết " + resolution + ", không phải nghị quyết " +
                std::string(resolution_number));
  }
  return b;
}

// Column name -> position; Invalid "csv.invalid" for the header's problem.
Result<std::map<std::string, size_t>> ReadHeader(const CsvRecord& header) {
  std::vector<std::string_view> known(std::begin(kTaskCsvColumns), std::end(kTaskCsvColumns));
  known.insert(known.end(), std::begin(kExportOnly), std::end(kExportOnly));
  CsvHeader h = ReadCsvHeader(header.fields, known,
                              {std::begin(kRequiredTaskColumns), std::end(kRequiredTaskColumns)});
  const std::string column = "\"" + h.column + "\"";
  switch (h.error) {
    case CsvHeader::Error::kNone:
      break;
    case CsvHeader::Error::kUnknownColumn:
      return Status::Invalid("csv.invalid", "Dòng tiêu đề có cột không được hỗ trợ: " + column);
    case CsvHeader::Error::kRepeatedColumn:
      return Status::Invalid("csv.invalid", "Cột " + column + " xuất hiện hai lần");
    case CsvHeader::Error::kMissingColumn:
      return Status::Invalid("csv.invalid", "Dòng tiêu đề thiếu cột bắt buộc " + column +
                                                " (cần ma, ten, don_vi_chu_tri, ngay_giao)");
  }
  return std::move(h.positions);
}

}  // namespace

Result<std::vector<BundleTask>> ParseTasksCsv(std::string_view text,
                                              std::string_view resolution_number) {
  const CsvData csv = ReadCsv(text);
  if (csv.records.empty()) {
    return Status::Invalid("csv.invalid",
                           "Tệp CSV trống: cần dòng tiêu đề "
                           "ma,ten,don_vi_chu_tri,ngay_giao,han,...");
  }
  NQ_ASSIGN_OR_RETURN(auto columns, ReadHeader(csv.records.front()));
  Problems problems;
  for (const CsvError& e : csv.errors) problems.emplace_back(e.line, e.message);
  std::vector<BundleTask> tasks;
  const size_t width = csv.records.front().fields.size();
  for (size_t i = 1; i < csv.records.size(); ++i) {
    const CsvRecord& r = csv.records[i];
    Row row(r, columns, &problems);
    if (r.fields.size() != width) {
      row.Problem("có " + std::to_string(r.fields.size()) + " cột, dòng tiêu đề có " +
                  std::to_string(width));
      continue;
    }
    BundleTask b = ReadTask(row, resolution_number);
    b.line = r.line;
    tasks.push_back(std::move(b));
  }
  if (problems.empty()) return tasks;
  // In line order (the reader's errors were listed first).
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string message = "Tệp CSV có dòng không hợp lệ; chưa nhập dòng nào:";
  for (const auto& [line, p] : problems) message += "\ndòng " + std::to_string(line) + ": " + p;
  return Status::Invalid("csv.invalid", message);
}

std::string WriteTasksCsv(const std::vector<ResolutionTasks>& resolutions, const Date& as_of) {
  std::vector<std::string> header(std::begin(kTaskCsvColumns), std::end(kTaskCsvColumns));
  header.insert(header.end(), std::begin(kExportOnly), std::end(kExportOnly));
  std::string out(kUtf8Bom);
  out += CsvLine(header);
  auto date = [](const std::optional<Date>& d) { return d ? FormatVi(*d) : std::string(); };
  for (const ResolutionTasks& r : resolutions) {
    for (const BundleTask& b : r.tasks) {
      const AssignedTask& t = b.task;
      const bool once = t.deadline.recurrence == TaskRecurrence::kOnce;
      std::string cooperating;
      for (const std::string& code : b.cooperating_codes) {
        cooperating += (cooperating.empty() ? "" : ";") + code;
      }
      const std::string number = t.document ? t.document->number : t.report_ref;
      out +=
          CsvLine({b.ref, t.title, b.owner_code, cooperating, t.assigning_document,
                   FormatVi(t.assigned), once ? FormatVi(t.deadline.due) : date(t.deadline.until),
                   TaskRecurrenceLabel(t.deadline.recurrence),
                   once ? "" : std::to_string(t.deadline.offset_days), ProductKindLabel(t.product),
                   number, t.document ? date(t.document->issued) : "", date(t.completed_on),
                   std::to_string(t.progress_percent), b.resolution_task, b.parent_ref,
                   TaskStateLabel(StateAsOf(t, as_of)), r.resolution.number});
    }
  }
  return out;
}

}  // namespace nq::cli
