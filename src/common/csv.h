// CSV reading and writing (RFC 4180 with the tolerances real spreadsheet exports need).
//
// Reading:
//   - fields are separated by ',' and records by "\n", "\r\n" or a lone "\r";
//   - a field may be enclosed in double quotes; inside quotes, "" is one quote and commas and
//     line breaks are data (so one record may span several physical lines);
//   - a UTF-8 byte-order mark at the start is skipped (Excel writes one);
//   - blank lines are skipped; a final line break does not start an empty record;
//   - errors do not stop the reader: each malformed record is reported with the physical line
//     number where it starts, and reading resumes at the next record, so an import can list every
//     bad line at once. Malformed means: invalid UTF-8, a quote inside an unquoted field, text
//     after a closing quote, or a quoted field still open at the end of the input.
// Writing: fields that contain ',', '"', '\r', '\n', start or end with a space or tab, or start
// with a byte-order mark are quoted, and quotes doubled; records end with "\r\n". Reading what
// CsvLine wrote gives the same fields back.
//
// Pure functions over memory; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nq {

// One record with the physical line (1-based, counting from the first line of the input,
// including a header) where it starts.
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// A malformed record: its first line and a Vietnamese message (without the line number).
struct CsvError {
  int line = 0;
  std::string message;
};

struct CsvData {
  std::vector<CsvRecord> records;  // well-formed records, in input order
  std::vector<CsvError> errors;    // malformed records, in input order
};

// Reads every record of `text`. Never fails as a whole: problems are in `errors`.
CsvData ReadCsv(std::string_view text);

// A header row read against the columns a file may have. Column names are trimmed; they may come
// in any order. `error` is the first problem, left to right: a name not among `known`, a name
// given twice, then the first of `required` that is missing; `column` names it, and `positions`
// is then empty. Each importer words the problem its own way.
struct CsvHeader {
  enum class Error { kNone, kUnknownColumn, kRepeatedColumn, kMissingColumn };
  std::map<std::string, size_t> positions;  // column name -> index in the record
  Error error = Error::kNone;
  std::string column;
};
CsvHeader ReadCsvHeader(const std::vector<std::string>& fields,
                        const std::vector<std::string_view>& known,
                        const std::vector<std::string_view>& required);

// A cell holding a whole number from `lo` to `hi`: decimal digits, optionally after '-', and
// nothing else (no spaces, '+' or separators); nullopt otherwise.
std::optional<int64_t> ParseIntCell(std::string_view cell, int64_t lo, int64_t hi);

// The field as it must appear in a CSV file (quoted only when needed).
std::string CsvEscape(std::string_view field);
// One record: escaped fields joined by ',' and terminated by "\r\n".
std::string CsvLine(const std::vector<std::string>& fields);

// The UTF-8 byte-order mark, for writers that want spreadsheets to detect UTF-8.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace nq
