#include "cli/values_csv.h"

#include <map>
#include <string>

#include "common/csv.h"
#include "common/utf8.h"

namespace nq::cli {
namespace {

const char* const kRequiredValueColumns[] = {"org", "element", "period", "value"};

// Estimate flags as a clerk writes them in a spreadsheet.
std::optional<bool> ParseFlag(const std::string& text) {
  const std::string folded = FoldForSearch(text);
  if (folded.empty() || folded == "0" || folded == "khong" || folded == "false" || folded == "no") {
    return false;
  }
  if (folded == "1" || folded == "co" || folded == "true" || folded == "yes" || folded == "x") {
    return true;
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<ValueRow>> ParseValuesCsv(std::string_view text) {
  const CsvData csv = ReadCsv(text);
  std::vector<std::string> problems;
  for (const CsvError& e : csv.errors) {
    problems.push_back("dòng " + std::to_string(e.line) + ": " + e.message);
  }
  if (csv.records.empty()) {
    return Status::Invalid("csv.invalid", "Tệp CSV trống: cần dòng tiêu đề "
                                          "org,element,period,value");
  }
  const CsvRecord& header = csv.records.front();
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < header.fields.size(); ++i) column[header.fields[i]] = i;
  for (const char* name : kRequiredValueColumns) {
    if (column.count(name) == 0) {
      return Status::Invalid("csv.invalid", std::string("Dòng tiêu đề thiếu cột '") + name +
                                                "' (cần org,element,period,value)");
    }
  }
  auto cell = [&](const CsvRecord& r, const char* name) -> std::string {
    auto it = column.find(name);
    return it == column.end() || it->second >= r.fields.size() ? "" : r.fields[it->second];
  };
  std::vector<ValueRow> rows;
  for (size_t i = 1; i < csv.records.size(); ++i) {
    const CsvRecord& r = csv.records[i];
    if (r.fields.size() != header.fields.size()) {
      problems.push_back("dòng " + std::to_string(r.line) + ": có " +
                         std::to_string(r.fields.size()) + " cột, dòng tiêu đề có " +
                         std::to_string(header.fields.size()));
      continue;
    }
    ValueRow row;
    row.line = r.line;
    row.org_code = cell(r, "org");
    row.element_code = cell(r, "element");
    row.period = cell(r, "period");
    row.value = cell(r, "value");
    row.comment = cell(r, "comment");
    std::optional<bool> estimate = ParseFlag(cell(r, "estimate"));
    if (!estimate) {
      problems.push_back("dòng " + std::to_string(r.line) +
                         ": cột estimate phải là 'có' hoặc để trống");
      continue;
    }
    row.estimate = *estimate;
    rows.push_back(std::move(row));
  }
  if (problems.empty()) return rows;
  std::string message = "Tệp CSV có dòng không hợp lệ; chưa nhập dòng nào:";
  for (const std::string& p : problems) message += "\n" + p;
  return Status::Invalid("csv.invalid", message);
}

}  // namespace nq::cli
