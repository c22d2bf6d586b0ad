// The organization CSV file of `nqtrack import orgs` and `nqtrack export orgs`:
//
//   code,name,kind,sector,parent_code,members,workers,valid_from,sort_order
//   BTR,Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre,bloc_committee,none,,0,0,2020-01-01,0
//   BTR.STC,Đảng bộ Sở Tài chính,base_committee,state_agency,BTR,0,61,2020-01-01,10
//
// Columns may come in any order; code, name, kind and parent_code must be present, the others
// may be left out. kind and sector take the codes of domain/organization.h ("base_cell",
// "non_state_enterprise"); valid_from is 2020-01-31 or 31/1/2020; members, workers and
// sort_order are integers. An empty cell keeps the stored value of an existing organization
// (or the default for a new one); an empty parent_code makes a root. Closing dates (valid_to)
// are not part of the file: close organizations in the application.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/org_tree.h"
#include "service/org_service.h"

namespace nq::cli {

// The columns, in the order export writes them.
inline constexpr const char* kOrgCsvColumns[] = {"code",    "name",        "kind",
                                                 "sector",  "parent_code", "members",
                                                 "workers", "valid_from",  "sort_order"};

// Parses a whole file into import rows, each carrying its line number. All-or-nothing: on any
// problem returns Invalid "import.bad_rows" whose message has one line per bad line of the file,
// "dòng N: ...", in line order (malformed CSV, invalid UTF-8, wrong number of cells, unknown kind
// or sector, bad number or date, missing code, repeated code). Invalid "import.bad_header" for a
// header with an unknown, repeated or missing required column, and "import.empty" for a file
// without data lines.
Result<std::vector<OrgService::ImportRow>> ParseOrgCsv(std::string_view text);

// The organizations of `tree` in pre-order (so every parent precedes its children) as a CSV
// file with a header row, starting with a UTF-8 byte-order mark (for spreadsheet programs).
// ParseOrgCsv of the result, imported into an empty database, rebuilds the same tree except for
// closing dates.
std::string WriteOrgCsv(const OrgTree& tree);

}  // namespace nq::cli
