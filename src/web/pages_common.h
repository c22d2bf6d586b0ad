// Shared pieces of the HTML pages: sessions and CSRF for pages, forms, error pages, the frame
// around a page, and Vietnamese formatting helpers for templates.
//
// A page handler is a function of a PageCall returning Result<HttpResponse>. The wrapper
// PageRoute() runs, before it:
//   - the session check: without a session a page is redirected (303) to /login?next=<the
//     page>; an htmx request gets an "HX-Redirect" header instead, so the browser leaves the
//     fragment and opens the sign-in page;
//   - for POST (every form), the body is read as multipart/form-data when its Content-Type says
//     so (ReadMultipartForm: its text parts are the fields, its file parts go to the handler
//     apart), else as application/x-www-form-urlencoded; the fields must be UTF-8 without NUL
//     (400 page "form.invalid"; a malformed multipart body "multipart.invalid") and their
//     "_csrf" must equal the session's CSRF token, else a 403 page "csrf.invalid" (the form
//     changed nothing);
// An error Status returned by the handler becomes an error page in Vietnamese with the HTTP
// status of its code (403 "Không có quyền truy cập", 404 "Không tìm thấy", ...). Handlers show
// expected form errors themselves, beside the form, by re-rendering the page.
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/organization.h"
#include "service/auth_service.h"
#include "web/http.h"
#include "web/multipart.h"
#include "web/router.h"
#include "web/view.h"
#include "web/web_context.h"

namespace nq::web {

// A parsed form body: decoded name/value pairs in order.
class FormData {
 public:
  FormData() = default;
  explicit FormData(std::vector<std::pair<std::string, std::string>> fields)
      : fields_(std::move(fields)) {}
  // Value of the first field of this name, or "".
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Every field, in the order sent.
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Parses an urlencoded form body. Invalid "form.invalid" when a name or value is not valid UTF-8
// or contains a NUL.
Result<FormData> ParseForm(std::string_view body);

// The text parts of a multipart body as form fields, in order; the file parts are appended to
// *files. Names and values are taken as sent (PageRoute checks them as ParseForm does).
FormData SplitFormParts(std::vector<FormPart> parts, std::vector<FormPart>* files);

// A number as typed in field `name` ("1.234,5", "62,5", "1234.5": common/ParseValue's rules for
// a number); empty is nullopt. Invalid "form.bad_number" otherwise, with the message
// "<label> phải là <what>, không phải '<text typed>'".
Status FormNumber(const FormData& form, std::string_view name, std::string_view label,
                  std::string_view what, std::optional<double>* out);

struct PageCall {
  WebContext& ctx;
  const HttpRequest& request;
  const RouteParams& params;
  const SignedIn& session;
  const FormData& form;  // the fields of a POST; empty for GET
  // The file parts of a multipart/form-data POST, in order; empty otherwise. The handler may
  // move them out.
  std::vector<FormPart>& files;

  App& app() const { return ctx.app; }
  const Principal& principal() const { return session.principal; }
};

using PageFn = std::function<Result<HttpResponse>(const PageCall&)>;

// A route handler for a page that needs a session (see above).
RouteHandler PageRoute(WebContext& ctx, PageFn fn);

// The frame (menu, user block, logout form) for a signed-in page.
PageFrame FrameFor(const PageCall& call, std::string title, std::string active_nav);

// The error page for a non-OK status; `session` (may be null) decides whether the menu shows.
HttpResponse ErrorPage(WebContext& ctx, const SignedIn* session, const Status& status);

// Where to go after signing in: `next` when it is a local path ("/orgs?q=x"), else "/".
// Refuses absolute URLs, scheme-relative "//host", backslashes, control characters and
// anything outside printable ASCII.
std::string SafeNextPath(std::string_view next);

// Parses a form field as an integer in [min, max]; empty counts as absent (nullopt in *out).
// Invalid "form.bad_number" naming the field by its Vietnamese label otherwise.
Status FormInt(const FormData& form, std::string_view name, std::string_view label_vi, int64_t min,
               int64_t max, std::optional<int64_t>* out);
// Parses a form field "YYYY-MM-DD"; empty counts as absent. Invalid "form.bad_date" otherwise.
Status FormDate(const FormData& form, std::string_view name, std::string_view label_vi,
                std::optional<Date>* out);

// Members of each organization's subtree counting only organizations open on `on`, for a
// subtree given in pre-order (as OrgService::Subtree returns it); aligned with `preorder`.
std::vector<int64_t> SubtreeMembers(const std::vector<Organization>& preorder, const Date& on);

// <option> list of the organizations of the principal's scope (OrgService::Subtree, pre-order)
// for which `keep` is true, each label indented by "— " per level below the scope's root; the
// option whose value (the id in decimal) equals `selected` is selected.
Result<mstch::array> ScopeOrgOptions(const PageCall& c,
                                     const std::function<bool(const Organization&)>& keep,
                                     std::string_view selected);

// <option> lists for templates: {value, label, selected}; `items` are (value, label) pairs.
mstch::array SelectOptions(const std::vector<std::pair<std::string, std::string>>& items,
                           std::string_view selected);
mstch::array KindOptions(std::string_view selected);
mstch::array SectorOptions(std::string_view selected);
mstch::array RoleOptions(std::string_view selected);

}  // namespace nq::web
