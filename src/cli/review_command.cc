// nqtrack review: the mid-term or end-of-term review of a resolution as of a date
// (review/review.h), from a database or a resolution file, written as JSON (docs/formats.md,
// "Review"), as printable HTML, as the party report (review/review_document.h) in DOCX or PDF,
// or as its annex in XLSX — one writer per format, chosen by web/review_render.h; binary formats
// only into a file (-o), never onto a terminal.
#include <string>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "review/review_document.h"
#include "service/resolution_bundle.h"
#include "service/review_service.h"
#include "web/resolution_file.h"
#include "web/review_render.h"

namespace nq::cli {

void DefineReview(CLI::App& sub, Args& a) {
  sub.add_option("--file", a.file, "Resolution JSON file (no database needed)");
  sub.add_option("--resolution", a.resolution_id, "Resolution id in the database (with --db)");
  sub.add_option("--as-of", a.as_of, "Review date YYYY-MM-DD (default: today)");
  sub.add_option("--kind", a.review_kind, "midterm (sơ kết) or endterm (tổng kết)")
      ->check(CLI::IsMember({"midterm", "endterm"}));
  sub.add_option("--org", a.org_code, "Review the subtree of this organization code");
  sub.add_option("--format", a.format,
                 "Output: json, html (printable), docx, pdf or xlsx (the annex)")
      ->check(CLI::IsMember({"json", "html", "docx", "pdf", "xlsx"}));
  sub.add_option("--place", a.place, "Place before the date in the header, e.g. \"Bến Tre\"");
  sub.add_option("--superior", a.superior_body,
                 "Superior party body in the header, e.g. \"ĐẢNG BỘ TỈNH BẾN TRE\"");
  sub.add_option("-o,--output", a.output, "Write to this file instead of stdout");
}

int RunReview(const Args& a, Io& io) {
  Result<Date> as_of = AsOfDate(a);
  if (!as_of.ok()) return UsageError(io, as_of.status().message());
  ReviewRequest r;
  r.resolution_id = a.resolution_id;
  r.as_of = *as_of;
  r.kind = review::ParseReviewKind(a.review_kind).value_or(review::ReviewKind::kMidTerm);
  if (a.file.empty() == (a.resolution_id == 0)) {
    return UsageError(io, "cần đúng một trong hai: --file TỆP hoặc --resolution MÃ (với --db)");
  }
  Result<review::Review> review = Status::Internal("review.not_built", "");
  if (!a.file.empty()) {
    Result<std::string> text = ReadInputFile(a.file, io);
    if (!text.ok()) return Fail(io, text.status());
    Result<ResolutionBundle> bundle = web::ParseResolutionFile(*text);
    if (!bundle.ok()) return Fail(io, bundle.status());
    review = ReviewBundle(*bundle, r.as_of, r.kind, a.org_code);
  } else {
    auto app = OpenApp(a.db, 1, true);
    if (!app.ok()) return Fail(io, app.status());
    review = ReviewInDatabase(**app, r, a.org_code);
  }
  if (!review.ok()) return Fail(io, review.status());
  // The shared default "table" of Args means this command's default, JSON.
  const std::string format = a.format == "table" ? "json" : a.format;
  if (format != "json" && format != "html" && a.output.empty()) {
    return UsageError(io, "tệp " + format + " cần -o TÊN_TỆP");
  }
  review::DocumentOptions o;
  o.place = a.place;
  o.superior_body = a.superior_body;
  Result<std::string> bytes = web::RenderReview(*review, o, format);
  if (!bytes.ok()) return Fail(io, bytes.status());
  return EmitOutput(a, io, *bytes);
}

}  // namespace nq::cli
