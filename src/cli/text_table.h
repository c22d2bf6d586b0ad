// A plain-text table for terminal output (demo logins, user lists):
//
//   Tên đăng nhập  Vai trò
//   -------------  -------
//   admin          Quản trị
//
// Column widths count code points, so Vietnamese text with diacritics lines up (combining marks
// are not expected: names are stored precomposed). Pure; thread-compatible.
#pragma once

#include <string>
#include <vector>

namespace nq::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  // A row with fewer cells than the header is padded with empty cells; extra cells are dropped.
  void AddRow(std::vector<std::string> row);
  // The table: header, a rule of dashes, the rows; each line ends with '\n' and has no trailing
  // spaces. Columns are separated by two spaces.
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace nq::cli
