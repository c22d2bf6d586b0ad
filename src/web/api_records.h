// Record type and record endpoints of the JSON API (docs/openapi.yaml, tag "records"). Roles,
// scope and privacy are RecordService's (service/record_service.h); this file parses and
// serializes (shapes in record_json.h, the CSV file in record_csv.h).
//   GET    /api/v1/record-types          -> {items:[type]} with each type's record count
//   POST   /api/v1/record-types          create (admin, committee) -> 201 type detail
//   GET    /api/v1/record-types/{id}     -> type detail (every version)
//   PUT    /api/v1/record-types/{id}     revise: name, description, privacy, fields, rules
//                                        (admin, committee) -> type detail; a change that
//                                        would break kept records is 400
//                                        "record_type.breaking_change"
//   GET    /api/v1/record-types/{id}/records?org_id=&from=&to=&limit=&offset=&format=json|csv
//          json (default): {type:{id, code, name, privacy, version}, total, withheld, limit,
//          offset, items:[record]}; csv: the file of record_csv.h as an attachment
//          "ho-so-<code>.csv" (limit defaults to 200 for json, 10,000 — the most — for csv;
//          header X-Total-Count and X-Withheld-Count)
//   POST   /api/v1/record-types/{id}/records  {org_id, values:{name: value}} -> 201 record;
//          a record that is not valid: 422 {"error":{code, key "record.invalid", message,
//          problems:[problem]}} and nothing stored
//   GET    /api/v1/records/{id}          -> record (a personal record's read is audited)
//   DELETE /api/v1/records/{id}          -> 204
//   POST   /api/v1/record-types/{id}/import?dry_run=1  body text/csv (record_csv.h) or
//          application/json (an array of objects, record_json.h); the organization by code in
//          column "org" (or "Mã tổ chức") -> 200 report {dry_run, rows, added, unchanged,
//          problems:[]}; with any problem 422 and the same report listing every problem with
//          its line, nothing written; at most 10,000 rows (413 "import.too_many_rows")
// Bad query values are 400 "query.invalid" naming the parameter; the service's errors keep
// their keys ("role.denied" 403, "scope.denied" 403, "record.private" 403,
// "record_type.not_found" 404, "record.not_found" 404, ...).
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

// Most rows one import may hold.
inline constexpr size_t kMaxImportRows = 10000;

void AddRecordApi(Router& router, WebContext& ctx);

}  // namespace nq::web
