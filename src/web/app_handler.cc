#include "web/app_handler.h"

#include <exception>
#include <memory>
#include <string>

#include "common/log.h"
#include "web/api_assessment.h"
#include "web/api_assessment_settings.h"
#include "web/api_audit.h"
#include "web/api_data.h"
#include "web/api_common.h"
#include "web/api_orgs.h"
#include "web/api_records.h"
#include "web/api_resolutions.h"
#include "web/api_reviews.h"
#include "web/api_session.h"
#include "web/api_tasks.h"
#include "web/api_users.h"
#include "web/json_io.h"
#include "web/pages_assessment_settings.h"
#include "web/pages_common.h"
#include "web/pages_dashboard.h"
#include "web/pages_data.h"
#include "web/pages_entry.h"
#include "web/pages_home.h"
#include "web/pages_login.h"
#include "web/pages_org.h"
#include "web/pages_orgs.h"
#include "web/pages_records.h"
#include "web/pages_reviews.h"
#include "web/pages_tasks.h"
#include "web/pages_users.h"
#include "web/router.h"
#include "web/static_files.h"
#include "web/web_auth.h"
#include "web/web_context.h"

namespace nq::web {
namespace {

// Only the application's own origin: no inline scripts or styles, no eval, no framing.
// Bootstrap's CSS draws a few icons from data: URIs, hence img-src data:.
constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

struct AppState {
  AppState(App& app, const AppOptions& options) : ctx(app, options) {}
  WebContext ctx;
  Router router;
};

bool IsApiPath(std::string_view path) { return path == "/api" || path.substr(0, 5) == "/api/"; }

bool IsStaticPath(std::string_view path) { return path.substr(0, 8) == "/static/"; }

// The menu shows on error pages when the visitor is signed in.
HttpResponse PageError(AppState& s, const HttpRequest& request, const Status& status) {
  Result<SignedIn> session = AuthenticateRequest(s.ctx.app, request);
  return ErrorPage(s.ctx, session.ok() ? &*session : nullptr, status);
}

HttpResponse MethodNotAllowed(AppState& s, const HttpRequest& request, const std::string& allow) {
  const Status status(Code::kInvalid, "request.method_not_allowed",
                      "Phương thức " + request.method + " không được hỗ trợ cho địa chỉ này");
  HttpResponse r;
  if (IsApiPath(request.path)) {
    r = HttpResponse::Json(405, ErrorJson(status));
  } else {
    r = PageError(s, request, status);
    r.status = 405;
  }
  r.SetHeader("Allow", allow);
  return r;
}

HttpResponse Route(AppState& s, const HttpRequest& request) {
  if (IsStaticPath(request.path) && s.ctx.options.serve_static) return ServeStatic(request);
  RouteMatch match = s.router.Find(request.method, request.path);
  if (match.handler) return (*match.handler)(request, match.params);
  if (match.status == 405) return MethodNotAllowed(s, request, match.allow);
  const Status not_found = Status::NotFound("route.not_found", "Không tìm thấy địa chỉ yêu cầu");
  if (IsApiPath(request.path)) return JsonError(not_found);
  return PageError(s, request,
                   Status::NotFound("route.not_found",
                                    "Trang bạn yêu cầu không tồn tại hoặc đã được "
                                    "chuyển đi."));
}

// A 500 that tells the client nothing of the cause; the log has it.
HttpResponse InternalError(AppState& s, const HttpRequest& request) {
  const Status status = Status::Internal(
      "internal.error", "Đã có lỗi hệ thống. Vui lòng thử lại hoặc liên hệ quản trị hệ thống");
  if (IsApiPath(request.path)) return JsonError(status);
  try {
    return ErrorPage(s.ctx, nullptr, status);
  } catch (...) {
    return HttpResponse::Text(500, status.message());
  }
}

void AddSecurityHeaders(const HttpRequest& request, HttpResponse* r) {
  r->SetHeader("X-Content-Type-Options", "nosniff");
  r->SetHeader("X-Frame-Options", "DENY");
  r->SetHeader("Referrer-Policy", "same-origin");
  r->SetHeader("Content-Security-Policy", kContentSecurityPolicy);
  // Static assets set their own long-lived caching; everything else is per-user and fresh. A
  // response that already forbids storing (an evidence file: "private, no-store") keeps its own.
  const std::string_view cache = r->Header("Cache-Control");
  const bool keep = !cache.empty() && (IsStaticPath(request.path) ||
                                       cache.find("no-store") != std::string_view::npos);
  if (!keep) r->SetHeader("Cache-Control", "no-store");
}

}  // namespace

Handler MakeAppHandler(App& app, const AppOptions& options) {
  auto state = std::make_shared<AppState>(app, options);
  WebContext& ctx = state->ctx;
  Router& router = state->router;
  AddSessionApi(router, ctx);
  AddOrgApi(router, ctx);
  AddUserApi(router, ctx);
  AddResolutionApi(router, ctx);
  AddAuditApi(router, ctx);
  AddDataApi(router, ctx);
  AddAssessmentApi(router, ctx);
  AddAssessmentSettingsApi(router, ctx);
  AddTaskApi(router, ctx);
  AddRecordApi(router, ctx);
  AddReviewApi(router, ctx);
  AddLoginPages(router, ctx);
  AddHomePage(router, ctx);
  AddOrgTreePages(router, ctx);
  AddOrgPages(router, ctx);
  AddUserPages(router, ctx);
  AddDataPages(router, ctx);
  AddEntryPages(router, ctx);
  AddDashboardPages(router, ctx);
  AddTaskPages(router, ctx);
  AddRecordPages(router, ctx);
  AddAssessmentSettingsPages(router, ctx);
  AddReviewPages(router, ctx);

  return [state](const HttpRequest& request) {
    HttpResponse response;
    // The one catch boundary of the web layer (STYLE.md rule 8).
    try {
      response = Route(*state, request);
    } catch (const std::exception& e) {
      log::Error("unhandled exception in " + request.method + " " + request.path + ": " + e.what());
      response = InternalError(*state, request);
    } catch (...) {
      log::Error("unhandled non-standard exception in " + request.method + " " + request.path);
      response = InternalError(*state, request);
    }
    AddSecurityHeaders(request, &response);
    return response;
  };
}

}  // namespace nq::web
