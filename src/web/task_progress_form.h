// The progress form (báo cáo tiến độ) as multipart/form-data, turned into the service's
// ProgressInput (domain/task_update.h) and evidence uploads: one reader for the task page's form
// (POST /tasks/{id}/progress, pages_tasks.h) and the API's multipart body (POST
// /api/v1/tasks/{id}/updates, api_task_progress.h). Parse at the edge (STYLE.md rule 5): nothing
// below web/ sees the form.
//
// Fields (text): percent (0..100), note, reason, completed_on (YYYY-MM-DD), period (a period id
// such as 2023M05: the occurrence of a recurring task completed), document_number,
// document_title, document_issued (YYYY-MM-DD), document_issuing_body, report_ref,
// milestone_done_<i> (the date milestone i, from 0, of the key project was done). Files: any
// number of parts named "evidence" (the service takes at most kMaxEvidenceFiles); a file input
// left empty (no name, no bytes) is dropped. Values are trimmed of surrounding spaces; a field
// sent empty counts as absent. The document fields are laid over the task's document (a field
// left out keeps the task's value); the document counts as sent only when that changes it, so
// that the page's form, which shows the task's values, does not post them back as news.
// Whether the fields suit the task (a period on a one-off task, a milestone it does not have,
// document fields on a report task, ...) is ApplyProgress's to say.
//
// What differs with the sender:
//   kApi   every field above at most once (Invalid "form.unknown_field" for a text field or file
//          part of another name, "form.duplicate_field" for a repeated one, "json.wrong_type"
//          for an "evidence" part without a file name or text that is not UTF-8 or holds NUL);
//          percent is required; errors name the field with json_io.h's keys: json.missing_field,
//          json.out_of_range (percent), json.bad_date, and "period.invalid".
//   kPage  other fields and file parts (the _csrf field) are ignored, the first of repeated
//          fields is taken; a blank percent keeps the task's; errors name the field by its
//          label on the form: "form.bad_number" (percent), "form.bad_date", "form.bad_period".
//          PageRoute has checked the text (pages_common.h).
//
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "common/status.h"
#include "domain/task.h"
#include "domain/task_update.h"
#include "service/task_service.h"
#include "web/multipart.h"
#include "web/pages_common.h"

namespace nq::web {

enum class ProgressFormSender { kPage, kApi };

// The update the form (`fields` and the file parts `files`, see SplitFormParts) asks for on
// `task` into *in, and its evidence files into *uploads (the bytes moved out of `files`).
Status ReadProgressForm(const FormData& fields, std::vector<FormPart> files,
                        const AssignedTask& task, ProgressFormSender sender, ProgressInput* in,
                        std::vector<EvidenceUpload>* uploads);

}  // namespace nq::web
