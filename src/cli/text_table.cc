#include "cli/text_table.h"

#include <algorithm>
#include <utility>

#include "common/utf8.h"

namespace nq::cli {
namespace {

void AppendLine(const std::vector<std::string>& cells, const std::vector<size_t>& widths,
                std::string* out) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += "  ";
    line += cells[i];
    if (i + 1 < cells.size()) line.append(widths[i] - CodePointCount(cells[i]), ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  *out += line;
  *out += '\n';
}

}  // namespace

void TextTable::AddRow(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string TextTable::Render() const {
  std::vector<size_t> widths(header_.size());
  for (size_t i = 0; i < header_.size(); ++i) {
    widths[i] = CodePointCount(header_[i]);
    for (const auto& row : rows_) widths[i] = std::max(widths[i], CodePointCount(row[i]));
  }
  std::vector<std::string> rule;
  for (size_t w : widths) rule.emplace_back(w, '-');
  std::string out;
  AppendLine(header_, widths, &out);
  AppendLine(rule, widths, &out);
  for (const auto& row : rows_) AppendLine(row, widths, &out);
  return out;
}

}  // namespace nq::cli
