// Progress updates and evidence files of the JSON API (docs/openapi.yaml, tag "tasks"); the
// routes are added by AddTaskApi (api_tasks.h). Roles, scope and the checks of files are
// TaskService's and CheckEvidence's (service/task_service.h, domain/evidence.h).
//
//   POST /api/v1/tasks/{id}/updates   -> 201 the stored update (task_json.h), Location
//                                        /api/v1/tasks/{id}
//     Content-Type application/json: {percent (required), note, reason, completed_on, period,
//       document {number, title, issued, issuing_body}, report_ref,
//       milestones_done:[{index, done_on}]} — no files (task_json.h ReadProgressJson).
//     Content-Type multipart/form-data: the same as text fields — percent (required), note,
//       reason, completed_on, period, document_number, document_title, document_issued,
//       document_issuing_body, report_ref, milestone_done_<index> (YYYY-MM-DD) — and any number
//       of file parts named "evidence" (the service takes at most kMaxEvidenceFiles), read by
//       ReadProgressForm (task_progress_form.h, the API's rules: a field sent empty counts as
//       absent, a file input left empty is dropped). Like the JSON body, the document fields
//       are laid over the task's document.
//     Errors: 400 with the keys of json_io.h for the JSON body and the fields
//       (json.wrong_type, json.out_of_range, json.missing_field, json.bad_date), and
//       "form.unknown_field" (a field or file part of another name), "form.duplicate_field",
//       "multipart.*" (a malformed multipart body, no boundary), "period.invalid"; the
//       service's keys ("evidence.type_mismatch", "evidence.too_large", "evidence.too_many",
//       "task.progress_backwards", "task.product_missing", ...); 403 "role.denied" (viewers) /
//       "scope.denied"; 404 "task.not_found"; any other Content-Type is 415
//       "request.content_type". A refused update stores nothing.
//     CSRF: as every API write, the X-CSRF-Token header (a multipart body is no exception; the
//       pages' _csrf field is not accepted here).
//
//   GET /api/v1/evidence/{id}   the file's bytes, with
//       Content-Type            EvidenceContentType of the type found by content when stored
//                               (never what the uploader claimed)
//       Content-Disposition     AttachmentDisposition(file name)
//       X-Content-Type-Options  nosniff
//     (and, as every response but static files, Cache-Control: no-store: app_handler.h).
//     403 "scope.denied" for a user who cannot see the task, 404 "evidence.not_found".
//
// Thread-safety: the handlers and functions are thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddTaskProgressApi(Router& router, WebContext& ctx);

// `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded UTF-8>` (RFC 6266, RFC
// 8187): the ASCII name drops Vietnamese marks ("Báo cáo.pdf" -> "Bao cao.pdf") and replaces
// any other non-ASCII or unsafe character (quotes, backslashes, control characters) by '_'.
std::string AttachmentDisposition(std::string_view file_name);

}  // namespace nq::web
