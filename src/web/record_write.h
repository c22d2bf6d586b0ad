// Importing records from the web layer: what the JSON API (api_records.h) and the pages
// (pages_records.h) share on top of RecordService (service/record_service.h).
//
//   ImportRecordRows  ImportRecords over rows read from a file, with the file's own problems
//       (record_csv.h) merged in by line: with any file problem nothing is written (the rows
//       are still checked, dry, so that the report lists everything at once).
//
// Thread-safety: thread-safe (the service is).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/record.h"
#include "domain/user.h"
#include "service/app.h"
#include "service/record_service.h"
#include "store/database.h"

namespace nq::web {

// Imports `rows` (see above). The report's problems are sorted by line; with problems, added
// and unchanged are 0 (nothing was written).
Result<RecordImportReport> ImportRecordRows(App& app, const Principal& p, int64_t type_id,
                                            const std::vector<RecordImportRow>& rows,
                                            std::vector<RecordImportProblem> file_problems,
                                            bool dry_run, const store::Actor& a);

}  // namespace nq::web
