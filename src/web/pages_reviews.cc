#include "web/pages_reviews.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "common/time.h"
#include "common/utf8.h"
#include "service/review_docs.h"
#include "service/review_service.h"
#include "web/api_common.h"
#include "web/json_io.h"
#include "web/pages_common.h"
#include "web/pages_reviews_internal.h"
#include "web/review_html.h"
#include "web/review_render.h"
#include "web/web_auth.h"

namespace nq::web {
namespace {

using review_pages::DocPath;
using review_pages::KindLabel;
using review_pages::ListPath;

// What the symbol of the committee's documents is: "BC/" and what follows the "/" of the
// resolution's number ("01-NQ/ĐUK" gives "BC/ĐUK").
std::string DefaultSymbol(const Resolution& r) {
  const size_t slash = r.number.find('/');
  return "BC/" + (slash == std::string::npos ? std::string() : r.number.substr(slash + 1));
}

std::vector<std::string> TextLines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line(Trim(std::string_view(text).substr(pos, end - pos)));
    if (!line.empty()) out.push_back(std::move(line));
    pos = end + 1;
  }
  return out;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

ReviewDocHeader ReadHeaderForm(const FormData& f, ReviewDocHeader h) {
  h.place = std::string(Trim(f.Get("place")));
  h.superior_body = std::string(Trim(f.Get("superior_body")));
  h.issuing_body = std::string(Trim(f.Get("issuing_body")));
  h.on_behalf = std::string(Trim(f.Get("on_behalf")));
  h.signer_title = std::string(Trim(f.Get("signer_title")));
  h.signer_name = std::string(Trim(f.Get("signer_name")));
  h.recipients = TextLines(f.Get("recipients"));
  return h;
}

mstch::map HeaderValues(const ReviewDocHeader& h) {
  return mstch::map{{"place", h.place},
                    {"superior_body", h.superior_body},
                    {"issuing_body", h.issuing_body},
                    {"on_behalf", h.on_behalf},
                    {"signer_title", h.signer_title},
                    {"signer_name", h.signer_name},
                    {"recipients", JoinLines(h.recipients)}};
}

const char* FormatLabel(std::string_view format) {
  if (format == "docx") return "Word (DOCX)";
  if (format == "pdf") return "PDF";
  if (format == "xlsx") return "Phụ lục Excel (XLSX)";
  if (format == "html") return "HTML";
  return "JSON";
}

// --- one review ---------------------------------------------------------------------------------

// What a failed POST puts back on the page: which form, its message, and the typed fields.
struct Failure {
  std::string form;  // "lessons", "directions", "header", "issue"
  std::string message;
};

mstch::array Versions(const ReviewDocDetail& d, std::string_view section) {
  mstch::array out;
  for (auto it = d.versions.rbegin(); it != d.versions.rend(); ++it) {
    if (it->section != section) continue;
    out.push_back(mstch::map{{"version", std::to_string(it->version)},
                             {"username", it->username},
                             {"at", FormatInstantVi(it->at)},
                             {"body", it->body}});
  }
  return out;
}

mstch::array Sections(const PageCall& c, const ReviewDocDetail& d, const Failure* failed) {
  mstch::array out;
  for (std::string_view section : kReviewSections) {
    auto it = d.latest.find(section);
    const bool mine = failed && failed->form == section;
    std::string body = it == d.latest.end() ? "" : it->second.body;
    std::string base = it == d.latest.end() ? "0" : std::to_string(it->second.version);
    if (mine) {  // what was typed is never lost: it comes back with the message
      body = c.form.Get("body");
      base = c.form.Get("base_version");
    }
    mstch::array versions = Versions(d, section);
    out.push_back(mstch::map{
        {"section", std::string(section)},
        {"label", std::string(ReviewSectionLabel(section))},
        {"action", DocPath(d.doc.id) + "/texts/" + std::string(section)},
        {"body", body},
        {"base_version", base},
        {"version", it == d.latest.end() ? std::string() : std::to_string(it->second.version)},
        {"error", mine ? failed->message : std::string()},
        {"saved", c.request.QueryParam("saved") == section},
        {"has_versions", !versions.empty()},
        {"versions", std::move(versions)},
    });
  }
  return out;
}

Result<HttpResponse> RenderDoc(const PageCall& c, int64_t id, int status, const Failure* failed) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, GetReviewDoc(c.app(), c.principal(), id));
  const bool issued = d.doc.state == ReviewDocState::kIssued;
  std::string article;
  if (issued) {
    NQ_ASSIGN_OR_RETURN(std::optional<std::string> html, FrozenReviewFile(c.app(), d, "html"));
    article = html ? std::string(ArticleOf(*html)) : std::string();
  } else {
    NQ_ASSIGN_OR_RETURN(review::Review r, ReviewOfDoc(c.app(), c.principal(), d));
    article = ReviewArticleHtml(r, DocumentOptionsOf(d), ReviewLinks{});
  }
  const bool header_failed = failed && failed->form == "header";
  const bool issue_failed = failed && failed->form == "issue";
  ReviewDocHeader header = header_failed ? ReadHeaderForm(c.form, d.doc.header) : d.doc.header;
  mstch::map issue{{"number", std::string()},
                   {"symbol", DefaultSymbol(d.resolution)},
                   {"issued_on", FormatIso(d.doc.as_of)},
                   {"signer_name", header.signer_name},
                   {"signer_title", header.signer_title}};
  if (issue_failed) {
    for (const char* f : {"number", "symbol", "issued_on", "signer_name", "signer_title"}) {
      issue[f] = c.form.Get(f);
    }
  } else if (d.can_edit) {
    NQ_ASSIGN_OR_RETURN(int next, SuggestReviewNumber(c.app(), c.principal(), d.doc));
    issue["number"] = std::to_string(next);
  }
  mstch::array downloads;
  for (std::string_view f : kReviewFormats) {
    downloads.push_back(mstch::map{{"url", DocPath(id) + "/file/" + std::string(f)},
                                   {"label", std::string(FormatLabel(f))}});
  }
  mstch::map context{
      {"id", std::to_string(id)},
      {"kind", std::string(KindLabel(d.doc.kind))},
      {"number", d.resolution.number},
      {"as_of", FormatVi(d.doc.as_of)},
      {"org", d.org.name},
      {"list_url", ListPath(d.doc.resolution_id)},
      {"issued", issued},
      {"state", std::string(ReviewDocStateLabel(d.doc.state))},
      {"number_symbol", ReviewNumberSymbol(d.doc)},
      {"issued_on", d.doc.issued_on ? FormatVi(*d.doc.issued_on) : std::string()},
      {"can_edit", d.can_edit},
      {"created", c.request.QueryParam("created") == "1"},
      {"just_issued", c.request.QueryParam("issued") == "1"},
      {"header_saved", c.request.QueryParam("saved") == "header"},
      {"csrf_token", c.session.csrf_token},
      {"sections", Sections(c, d, failed)},
      {"header", HeaderValues(header)},
      {"header_action", DocPath(id) + "/header"},
      {"header_error", header_failed ? failed->message : std::string()},
      {"issue", std::move(issue)},
      {"issue_action", DocPath(id) + "/issue"},
      {"issue_error", issue_failed ? failed->message : std::string()},
      {"downloads", std::move(downloads)},
      {"article", article},
  };
  return PageResponse(
      status,
      FrameFor(c, std::string(KindLabel(d.doc.kind)) + " " + d.resolution.number, "dashboard"),
      "review_doc", context);
}

Result<HttpResponse> DocPage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return RenderDoc(c, id, 200, nullptr);
}

// Invalid and Conflict come back on the page with what was typed; other errors are error pages.
Result<HttpResponse> AfterReviewPost(const PageCall& c, int64_t id, const Status& st,
                                     std::string form, const std::string& done) {
  if (st.ok()) return HttpResponse::Redirect(DocPath(id) + done);
  if (st.code() != Code::kInvalid && st.code() != Code::kConflict) return st;
  const Failure f{std::move(form), st.message()};
  return RenderDoc(c, id, HttpStatusFor(st.code()), &f);
}

Result<HttpResponse> PostText(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  const std::string section(c.params.Get("section"));
  std::optional<int64_t> base;
  Status st = FormInt(c.form, "base_version", "Phiên bản", 0, 1000000, &base);
  if (st.ok()) {
    st = SaveReviewText(c.app(), c.principal(), id, section, c.form.Get("body"),
                        static_cast<int>(base.value_or(0)), ActorFor(c.session, c.request))
             .status();
  }
  return AfterReviewPost(c, id, st, IsReviewSection(section) ? section : "lessons",
                         "?saved=" + section + "#section-" + section);
}

Result<HttpResponse> PostHeader(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, GetReviewDoc(c.app(), c.principal(), id));
  const Status st =
      UpdateReviewDocHeader(c.app(), c.principal(), id, ReadHeaderForm(c.form, d.doc.header),
                            ActorFor(c.session, c.request))
          .status();
  return AfterReviewPost(c, id, st, "header", "?saved=header#header");
}

Result<HttpResponse> PostIssue(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  std::optional<int64_t> number;
  std::optional<Date> issued_on;
  Status st = FormInt(c.form, "number", "Số văn bản", 1, 99999, &number);
  if (st.ok()) st = FormDate(c.form, "issued_on", "Ngày ban hành", &issued_on);
  if (st.ok() && (!number || !issued_on)) {
    st = Status::Invalid("form.required", "Cần số văn bản và ngày ban hành");
  }
  if (st.ok()) {
    const ReviewIssue in{static_cast<int>(*number),
                         std::string(Trim(c.form.Get("symbol"))),
                         *issued_on,
                         c.form.Get("signer_name"),
                         c.form.Get("signer_title"),
                         ""};
    st =
        IssueReviewDoc(c.app(), c.principal(), id, in, RenderReview, ActorFor(c.session, c.request))
            .status();
  }
  return AfterReviewPost(c, id, st, "issue", "?issued=1");
}

Result<HttpResponse> FilePage(const PageCall& c) {
  NQ_ASSIGN_OR_RETURN(int64_t id, PathId(c.params));
  return KeptReviewFile(c.app(), c.principal(), id, c.params.Get("format"));
}

}  // namespace

void AddReviewPages(Router& router, WebContext& ctx) {
  review_pages::AddListPages(router, ctx);
  router.Add("GET", "/reviews/{id}", PageRoute(ctx, DocPage));
  router.Add("POST", "/reviews/{id}/texts/{section}", PageRoute(ctx, PostText));
  router.Add("POST", "/reviews/{id}/header", PageRoute(ctx, PostHeader));
  router.Add("POST", "/reviews/{id}/issue", PageRoute(ctx, PostIssue));
  router.Add("GET", "/reviews/{id}/file/{format}", PageRoute(ctx, FilePage));
}

}  // namespace nq::web
