#include "web/review_render.h"

#include <cctype>

#include "common/format.h"
#include "common/utf8.h"
#include "review/docx_writer.h"
#include "review/pdf_writer.h"
#include "review/xlsx_writer.h"
#include "service/review_docs.h"
#include "web/api_task_progress.h"
#include "web/review_html.h"
#include "web/review_json.h"

namespace nq::web {

Result<std::string> RenderReview(const review::Review& r, const review::DocumentOptions& o,
                                 std::string_view format) {
  if (format == "json") return ReviewJsonText(r);
  if (format == "html") {
    // A review from a file (resolution id 0) has no server behind it to link to.
    ReviewLinks links;
    links.enabled = r.resolution.id != 0;
    return ReviewStandaloneHtml(r, o, links);
  }
  if (format == "docx") return review::WriteDocx(review::ReviewDocument(r, o));
  if (format == "pdf") return review::WritePdf(review::ReviewDocument(r, o));
  if (format == "xlsx") return review::WriteXlsx(r);
  return CheckReviewFormat(format);
}

Status CheckReviewFormat(std::string_view format) {
  for (std::string_view f : kReviewFormats) {
    if (f == format) return Status::Ok();
  }
  return Status::Invalid("review.format_unknown",
                         "Định dạng phải là một trong: json, html, docx, pdf, xlsx");
}

std::string ReviewFileName(const review::Review& r, std::string_view format) {
  std::string name =
      r.kind == review::ReviewKind::kMidTerm ? "bao-cao-so-ket-" : "bao-cao-tong-ket-";
  for (char c : FoldForSearch(r.resolution.number)) {
    const auto u = static_cast<unsigned char>(c);
    name += std::isalnum(u) ? static_cast<char>(std::toupper(u)) : '-';
  }
  return name + "-" + FormatIso(r.as_of) + "." + std::string(format);
}

std::string_view ArticleOf(std::string_view html) {
  const size_t begin = html.find("<article");
  const size_t end = html.rfind("</article>");
  if (begin == std::string_view::npos || end == std::string_view::npos || end < begin) return html;
  return html.substr(begin, end + 10 - begin);
}

Result<HttpResponse> KeptReviewFile(App& app, const Principal& p, int64_t id,
                                    std::string_view format) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, GetReviewDoc(app, p, id));
  const std::string kind = d.doc.kind == "endterm" ? "bao-cao-tong-ket-" : "bao-cao-so-ket-";
  std::string name = kind + std::to_string(d.doc.id) + "-" + FormatIso(d.doc.as_of);
  if (d.doc.state == ReviewDocState::kIssued) {
    name = kind + std::to_string(*d.doc.number) + "-" + FormatIso(*d.doc.issued_on);
    NQ_ASSIGN_OR_RETURN(std::optional<std::string> bytes, FrozenReviewFile(app, d, format));
    if (!bytes) {
      NQ_RETURN_IF_ERROR(CheckReviewFormat(format));
      return Status::Internal("review.file_missing",
                              "Báo cáo đã ban hành thiếu tệp " + std::string(format));
    }
    return ReviewFileResponse(std::move(*bytes), format, name + "." + std::string(format));
  }
  NQ_ASSIGN_OR_RETURN(review::Review r, ReviewOfDoc(app, p, d));
  NQ_ASSIGN_OR_RETURN(std::string bytes, RenderReview(r, DocumentOptionsOf(d), format));
  return ReviewFileResponse(std::move(bytes), format, name + "." + std::string(format));
}

HttpResponse ReviewFileResponse(std::string bytes, std::string_view format,
                                const std::string& file_name) {
  HttpResponse r;
  r.status = 200;
  r.body = std::move(bytes);
  r.SetHeader("Content-Type", std::string(ReviewFormatMediaType(format)));
  // HTML too: the app's content security policy would block a standalone file's inline styles.
  if (format != "json") {
    r.SetHeader("Content-Disposition", AttachmentDisposition(file_name));
  }
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Cache-Control", "private, no-store");
  return r;
}

}  // namespace nq::web
