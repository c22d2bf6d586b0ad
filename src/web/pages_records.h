// Hồ sơ công tác đảng: the HTML pages of record types and records (issue 5), generated from
// each type's definition (domain/record_type.h) and read and written through RecordService
// (service/record_service.h), which decides who reads and writes what.
//
//   GET  /records               the types (menu "Hồ sơ công tác đảng"): name, description, a
//                               "Hồ sơ cá nhân" badge for personal types, the number of records
//                               in the principal's scope (and how many are withheld from them).
//   GET  /records/{code}        the records of a type. Query, all optional: org=ID (a subtree of
//                               the scope), from, to (record dates, "YYYY-MM-DD" or
//                               "17/5/2023"), page=N (50 a page). A table with the
//                               organization and the current version's fields as columns,
//                               values as people read them; links to add a record, import a
//                               CSV file, download the filtered records as CSV or JSON (the
//                               API's list, record_csv.h). For a personal type a notice that
//                               each view is logged; the number withheld when there are any.
//   GET  /records/{code}/new    the form of the current version (one input a field, by type;
//                               required fields marked *, help under the input) and the
//                               organization that keeps the record (default the principal's).
//   POST /records/{code}/new    creates the record (PageRoute's session and _csrf check):
//                               fields "f.<code>", "org_id". Success: 303 to
//                               /records/{code}?created=1. A record refused as not valid: the
//                               form again (422) with the values typed and each problem beside
//                               its field (rules and the others on top); nothing stored.
//   GET  /records/{code}/import the import form: a CSV file (record_csv.h), "dry_run".
//   POST /records/{code}/import multipart/form-data with the file part "file": the report —
//                               rows added and unchanged, or every problem with its line (422)
//                               and nothing written.
//   GET  /records/view/{id}     one record: its version's fields, the organization, who wrote
//                               it and when; a delete form for those who enter data.
//   POST /records/view/{id}/delete  deletes it (the "confirm" box ticked): 303 to
//                               /records/{code}?deleted=1.
//
// Viewers get 403 "role.denied" on the form and import pages. Service errors become the error
// page: unknown type 404 "record_type.not_found", outside scope 403 "scope.denied", a personal
// record the principal may not read 403 "record.private".
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddRecordPages(Router& router, WebContext& ctx);

}  // namespace nq::web
