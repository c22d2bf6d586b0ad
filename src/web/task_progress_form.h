// The progress form of the task page (POST /tasks/{id}/progress, pages_tasks.h): its body —
// multipart/form-data with evidence files, or urlencoded without — and its fields turned into
// the service's ProgressInput (domain/task_update.h). Parse at the edge (STYLE.md rule 5):
// nothing below web/ sees the form.
//
// Fields: _csrf, percent (0..100; blank keeps the task's percent), note, reason, completed_on
// (YYYY-MM-DD), period (a period id such as 2023M05, recurring tasks), document_number,
// document_issued, document_body (document tasks), report_ref (report tasks), milestone_<i>
// (the done date of milestone i, project tasks), evidence (files). Fields the task's product
// does not take are ignored.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "domain/task.h"
#include "domain/task_update.h"
#include "service/task_service.h"
#include "web/http.h"
#include "web/pages_common.h"

namespace nq::web {

// What the browser sent: the text fields in order and the files chosen (a file input left
// empty sends a part without a name and bytes; it is dropped).
struct ProgressBody {
  FormData fields;
  std::vector<EvidenceUpload> files;
};

// Reads a multipart/form-data body (by its boundary) or an
// application/x-www-form-urlencoded one. Invalid "form.invalid" for a malformed body, a text
// field that is not UTF-8 or another content type (the multipart parser's own errors pass
// through).
Result<ProgressBody> ReadProgressBody(const HttpRequest& request);

// The update the form asks for, for `task`. Invalid, with a Vietnamese message naming the field:
// "form.bad_number" (percent), "form.bad_date" (completed_on, document_issued, milestone
// dates), "form.bad_period" (period). The domain's own checks (going back without a reason,
// completion without the product, ...) are the service's.
Result<ProgressInput> ReadProgressInput(const FormData& form, const AssignedTask& task);

}  // namespace nq::web
