// The task page (GET /tasks/{id}) and its progress form (POST /tasks/{id}/progress); see
// pages_tasks.h. The parts of the page are built in task_detail_view.cc.
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

std::string NoticeFor(const HttpRequest& r) {
  return r.QueryParam("done") == "progress" ? "Đã ghi nhận báo cáo tiến độ." : "";
}

// The page with the form as typed and the message of a refused update beside it (`status` 400
// or 409), or fresh (`kept` null, 200).
Result<HttpResponse> Render(const PageCall& c, int64_t id, const Date& as_of, const FormData* kept,
                            const std::string& error, int status) {
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, as_of));
  NQ_ASSIGN_OR_RETURN(ResolutionDetail plan,
                      c.app().plans().GetResolution(c.principal(), d.task.resolution_id));
  mstch::map context = TaskStateContext(d.state);
  context.emplace("id", std::to_string(id));
  context.emplace("title", d.task.title);
  context.emplace("as_of", FormatIso(as_of));
  context.emplace("as_of_vi", FormatVi(as_of));
  context.emplace("board_url", "/tasks?as_of=" + FormatIso(as_of));
  context.emplace("notice", kept ? std::string() : NoticeFor(c.request));
  context.emplace("definition", DefinitionContext(c.app(), c.principal(), d, plan, as_of));
  context.emplace("product", ProductContext(d.task, as_of));
  mstch::array occurrences = OccurrencesContext(d.task, d.occurrences, as_of);
  context.emplace("has_occurrences", !occurrences.empty());
  context.emplace("occurrences", std::move(occurrences));
  mstch::array subtasks;
  for (const AssignedTask& t : d.subtasks) {
    TaskRow row;
    row.state = StateAsOf(t, as_of);
    row.task = t;
    subtasks.push_back(TaskRowContext(c.app(), row, as_of));
  }
  context.emplace("has_subtasks", !subtasks.empty());
  context.emplace("subtasks", std::move(subtasks));
  mstch::array updates = UpdatesContext(d.updates);
  context.emplace("has_updates", !updates.empty());
  context.emplace("updates", std::move(updates));
  context.emplace("can_report", d.can_report);
  if (d.can_report) {
    mstch::map form = ProgressFormContext(d.task, Today(), kept);
    form.emplace("csrf_token", c.session.csrf_token);
    form.emplace("error", error);
    context.emplace("form", std::move(form));
  }
  return PageResponse(status, FrameFor(c, d.task.title, "tasks"), "task", context);
}

Result<HttpResponse> PostProgress(const PageCall& c, const std::vector<EvidenceUpload>& files) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  const Date today = Today();
  // Visible to the principal, or the error page (403 outside scope, 404 unknown).
  NQ_ASSIGN_OR_RETURN(TaskDetail d, c.app().tasks().Get(c.principal(), id, today));
  Result<ProgressInput> in = ReadProgressInput(c.form, d.task);
  if (!in.ok()) return Render(c, id, today, &c.form, in.status().message(), 400);
  Result<TaskUpdate> u =
      c.app().tasks().PostProgress(c.principal(), id, *in, files, ActorFor(c.session, c.request));
  if (!u.ok()) {
    const Code code = u.status().code();
    if (code != Code::kInvalid && code != Code::kConflict) return u.status();
    return Render(c, id, today, &c.form, u.status().message(), HttpStatusFor(code));
  }
  return HttpResponse::Redirect("/tasks/" + std::to_string(id) + "?done=progress#history");
}

}  // namespace

Result<HttpResponse> TaskPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(AssessmentQuery q, ReadAssessmentQuery(c.request));
  return Render(c, id, q.as_of, nullptr, "", 200);
}

RouteHandler ProgressRoute(WebContext& ctx) {
  return [&ctx](const HttpRequest& request, const RouteParams& params) {
    Result<SignedIn> session = AuthenticateRequest(ctx.app, request);
    if (!session.ok()) {
      if (session.status().code() != Code::kUnauthorized) {
        return ErrorPage(ctx, nullptr, session.status());
      }
      // After signing in the browser comes back to the task page (a GET).
      const std::string page = "/tasks/" + std::string(params.Get("id"));
      return HttpResponse::Redirect("/login?next=" + SafeNextPath(page));
    }
    Result<ProgressBody> body = ReadProgressBody(request);
    if (!body.ok()) return ErrorPage(ctx, &*session, body.status());
    const Status csrf = CheckCsrf(*session, body->fields.Get(kCsrfField));
    if (!csrf.ok()) return ErrorPage(ctx, &*session, csrf);
    Result<HttpResponse> r =
        PostProgress(PageCall{ctx, request, params, *session, body->fields}, body->files);
    if (!r.ok()) return ErrorPage(ctx, &*session, r.status());
    return std::move(r).value();
  };
}

}  // namespace nq::web::task_pages
