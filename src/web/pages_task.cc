// The task page (GET /tasks/{id}) and its progress form (POST /tasks/{id}/progress); see
// pages_tasks.h. The parts of the page are built in task_detail_view.cc, the form is read by
// task_progress_form.h.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "web/api_assessment.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/pages_task_internal.h"
#include "web/task_detail_view.h"
#include "web/task_progress_form.h"
#include "web/task_view.h"
#include "web/web_auth.h"

namespace nq::web::task_pages {
namespace {

std::string TaskNotice(const HttpRequest& r) {
  return r.QueryParam("done") == "progress" ? "Đã ghi nhận báo cáo tiến độ." : "";
}

// The page of `d` (read as of `as_of`) with the form as typed and the message of a refused
// update beside it (`status` 400 or 409), or fresh (`kept` null, 200).
Result<HttpResponse> Render(const PageCall& c, const TaskDetail& d, const Date& as_of,
                            const FormData* kept, const std::string& error, int status) {
  const Date today = Today();
  const std::shared_ptr<const OrgTree> tree = c.app().orgs().tree();
  mstch::map context = TaskStateContext(d.state);
  context.emplace("id", std::to_string(d.task.id));
  context.emplace("title", d.task.title);
  context.emplace("as_of", FormatIso(as_of));
  context.emplace("as_of_vi", FormatVi(as_of));
  context.emplace("board_url", "/tasks?as_of=" + FormatIso(as_of));
  context.emplace("notice", kept ? std::string() : TaskNotice(c.request));
  context.emplace("definition", DefinitionContext(*tree, d, as_of, today));
  context.emplace("product", ProductContext(d.task, as_of));
  mstch::array occurrences = OccurrencesContext(d.task, d.occurrences, as_of);
  context.emplace("has_occurrences", !occurrences.empty());
  context.emplace("occurrences", std::move(occurrences));
  mstch::array subtasks;
  for (const TaskRow& row : d.subtasks) {
    subtasks.push_back(TaskRowContext(*tree, row, as_of, today));
  }
  context.emplace("has_subtasks", !subtasks.empty());
  context.emplace("subtasks", std::move(subtasks));
  mstch::array updates = UpdatesContext(d.updates);
  context.emplace("has_updates", !updates.empty());
  context.emplace("updates", std::move(updates));
  context.emplace("can_report", d.can_report);
  if (d.can_report) {
    mstch::map form = ProgressFormContext(d.task, today, kept);
    form.emplace("csrf_token", c.session.csrf_token);
    form.emplace("error", error);
    context.emplace("form", std::move(form));
  }
  return PageResponse(status, FrameFor(c, d.task.title, "tasks"), "task", context);
}

}  // namespace

Result<HttpResponse> TaskPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(AssessmentQuery q, ReadAssessmentQuery(c.request));
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, q.as_of));
  return Render(c, d, q.as_of, nullptr, "", 200);
}

Result<HttpResponse> PostProgress(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  const Date today = Today();
  // Visible to the principal, or the error page (403 outside scope, 404 unknown). A refused
  // update changes nothing: the page shows `d` again.
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, today));
  ProgressInput in;
  std::vector<EvidenceUpload> files;
  const Status read = ReadProgressForm(c.form, std::move(c.files), d.task,
                                       ProgressFormSender::kPage, &in, &files);
  if (!read.ok()) return Render(c, d, today, &c.form, read.message(), 400);
  Result<TaskUpdate> u = c.app().tasks().PostProgress(c.principal(), id, in, std::move(files),
                                                      ActorFor(c.session, c.request));
  if (!u.ok()) {
    const Code code = u.status().code();
    if (code != Code::kInvalid && code != Code::kConflict) return u.status();
    return Render(c, d, today, &c.form, u.status().message(), HttpStatusFor(code));
  }
  return HttpResponse::Redirect("/tasks/" + std::to_string(id) + "?done=progress#history");
}

}  // namespace nq::web::task_pages
