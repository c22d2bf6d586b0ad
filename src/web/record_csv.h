// The CSV file of a record type's records (docs/formats.md "Records"): what "Tải CSV" downloads
// and what "Nhập từ tệp CSV" reads, so that a file downloaded can be imported again.
//
// Written (RecordsCsv): UTF-8 with a byte-order mark (so that Excel shows Vietnamese right),
// lines ending "\r\n"; a header row "Mã tổ chức", "Tổ chức", then the labels of the type's
// current version's fields in form order; one row per record with the organization's code and
// name, then each value as a person reads it (FormatFieldValue: "1.234,5", "17/5/2023", "Có",
// an option's label), except that an organization field holds the organization's code — what
// the importer reads back. Values of fields the current version no longer has are left out.
//
// Read (ReadRecordsCsv): the first record is the header; column names are trimmed; each later
// record becomes a RecordImportRow keyed by column name with its physical line number. The
// organization's name column "Tổ chức" is dropped when a "Mã tổ chức" column is there (it is
// the written file's reading aid, the code says which organization). A row shorter than the
// header is padded with empty cells (spreadsheets drop trailing empty cells). Problems, each
// with its line (field empty but for a column problem):
//   csv.malformed   a record the CSV reader could not read (common/csv.h)
//   csv.empty       no header row
//   csv.duplicate_column  a column named twice (line 1)
//   csv.extra_cells a row with more cells than the header has columns
// The importer (RecordService::ImportRecords) checks the rows themselves.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/org_tree.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "service/record_service.h"

namespace nq::web {

inline constexpr char kOrgCodeColumn[] = "Mã tổ chức";
inline constexpr char kOrgNameColumn[] = "Tổ chức";

// The CSV text of `records` (see above), byte-order mark included.
std::string RecordsCsv(const RecordType& t, const std::vector<Record>& records,
                       const OrgTree& tree);

struct RecordsCsvInput {
  std::vector<RecordImportRow> rows;
  std::vector<RecordImportProblem> problems;  // the file's own problems (see above)
};
RecordsCsvInput ReadRecordsCsv(std::string_view text);

// A file name for a download of type `t`: "ho-so-<code>.csv" / "ho-so-<code>.json".
std::string RecordsFileName(const RecordType& t, std::string_view extension);

}  // namespace nq::web
