#include "service/review_docs.h"

#include <algorithm>
#include <utility>

#include "common/time.h"
#include "common/utf8.h"
#include "service/app.h"
#include "service/review_service.h"
#include "service/scope.h"

namespace nq {
namespace {

Result<std::unique_ptr<store::Tx>> ReadTx(App& app) {
  return app.db().Begin(store::Actor{}, store::TxMode::kRead);
}

// The stored record, when the principal may read it: the reviewed organization in scope and the
// resolution readable.
Result<ReviewDocDetail> Load(App& app, const Principal& p, int64_t id) {
  ReviewDocDetail d;
  {
    NQ_ASSIGN_OR_RETURN(auto tx, ReadTx(app));
    NQ_ASSIGN_OR_RETURN(d.doc, tx->GetReviewDoc(id));
    NQ_ASSIGN_OR_RETURN(d.versions, tx->ListReviewTexts(id));
  }
  NQ_RETURN_IF_ERROR(CheckInScope(*app.orgs().tree(), p, d.doc.org_id));
  NQ_ASSIGN_OR_RETURN(ResolutionDetail plan, app.plans().GetResolution(p, d.doc.resolution_id));
  d.resolution = std::move(plan.resolution);
  NQ_ASSIGN_OR_RETURN(d.org, app.orgs().Get(p, d.doc.org_id));
  for (const ReviewText& t : d.versions) d.latest[t.section] = t;  // by version within section
  d.can_edit = d.doc.state == ReviewDocState::kDraft && CanEditPlan(p.role);
  return d;
}

Status IssuedAlready(const ReviewDoc& d) {
  return Status::Conflict("review.issued",
                          "Báo cáo số " + ReviewNumberSymbol(d) + " đã ban hành ngày " +
                              (d.issued_on ? FormatVi(*d.issued_on) : std::string("?")) +
                              "; không sửa được nữa");
}

Status CheckEditable(const Principal& p, const ReviewDoc& d) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  if (d.state == ReviewDocState::kIssued) return IssuedAlready(d);
  return Status::Ok();
}

Status NumberTaken(int number) {
  return Status::Conflict("review.number_taken",
                          "Số " + std::to_string(number) +
                              " đã được dùng cho một báo cáo khác của tổ chức trong nhiệm kỳ này");
}

Result<std::vector<ReviewDoc>> SameSeries(App& app, const ReviewDoc& d) {
  NQ_ASSIGN_OR_RETURN(auto tx, ReadTx(app));
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> all, tx->ListReviewDocs(std::nullopt));
  std::erase_if(all, [&](const ReviewDoc& o) {
    return o.term_id != d.term_id || o.org_id != d.org_id || o.id == d.id;
  });
  return all;
}

}  // namespace

Result<ReviewDoc> CreateReviewDoc(App& app, const Principal& p, const NewReviewDoc& in,
                                  const store::Actor& a) {
  NQ_RETURN_IF_ERROR(CheckCanEditPlan(p));
  NQ_ASSIGN_OR_RETURN(review::ReviewKind kind, review::ReviewKindOf(in.kind));
  NQ_RETURN_IF_ERROR(ValidateReviewDocHeader(in.header));
  // Building it once checks what a review needs: the date within the term, targets, scope.
  NQ_ASSIGN_OR_RETURN(
      review::Review r,
      BuildReview(app, p, ReviewRequest{in.resolution_id, in.as_of, kind, in.org_id}));
  ReviewDoc d;
  d.resolution_id = in.resolution_id;
  d.term_id = r.resolution.term_id;
  d.org_id = r.root_org;
  d.kind = review::ReviewKindCode(kind);
  d.as_of = in.as_of;
  d.header = in.header;
  d.created_by = p.user_id;
  d.created_at = NowUnix();
  NQ_ASSIGN_OR_RETURN(auto tx, app.db().Begin(a));
  NQ_ASSIGN_OR_RETURN(d.id, tx->InsertReviewDoc(d));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return d;
}

Result<std::vector<ReviewDoc>> ListReviewDocs(App& app, const Principal& p, int64_t resolution_id) {
  NQ_RETURN_IF_ERROR(app.plans().GetResolution(p, resolution_id).status());
  NQ_ASSIGN_OR_RETURN(auto tx, ReadTx(app));
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> all, tx->ListReviewDocs(resolution_id));
  const std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  std::erase_if(all, [&](const ReviewDoc& d) { return !CheckInScope(*tree, p, d.org_id).ok(); });
  return all;
}

Result<ReviewDocDetail> GetReviewDoc(App& app, const Principal& p, int64_t id) {
  return Load(app, p, id);
}

Result<ReviewDoc> UpdateReviewDocHeader(App& app, const Principal& p, int64_t id,
                                        const ReviewDocHeader& h, const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, Load(app, p, id));
  NQ_RETURN_IF_ERROR(CheckEditable(p, d.doc));
  NQ_RETURN_IF_ERROR(ValidateReviewDocHeader(h));
  NQ_ASSIGN_OR_RETURN(auto tx, app.db().Begin(a));
  NQ_ASSIGN_OR_RETURN(ReviewDoc doc, tx->GetReviewDoc(id));
  if (doc.state == ReviewDocState::kIssued) return IssuedAlready(doc);
  doc.header = h;
  NQ_RETURN_IF_ERROR(tx->UpdateReviewDoc(doc, "update"));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return doc;
}

Result<ReviewText> SaveReviewText(App& app, const Principal& p, int64_t id,
                                  std::string_view section, std::string_view text, int base_version,
                                  const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, Load(app, p, id));
  NQ_RETURN_IF_ERROR(CheckEditable(p, d.doc));
  if (!IsReviewSection(section)) {
    return Status::Invalid(
        "review.section_unknown",
        "Phần nội dung phải là lessons (bài học) hoặc directions (phương hướng)");
  }
  NQ_ASSIGN_OR_RETURN(std::string body, NormalizeReviewText(text));
  NQ_ASSIGN_OR_RETURN(auto tx, app.db().Begin(a));
  NQ_ASSIGN_OR_RETURN(ReviewDoc doc, tx->GetReviewDoc(id));
  if (doc.state == ReviewDocState::kIssued) return IssuedAlready(doc);
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewText> versions, tx->ListReviewTexts(id));
  std::optional<ReviewText> latest;
  for (const ReviewText& t : versions) {
    if (t.section == section) latest = t;
  }
  const int current = latest ? latest->version : 0;
  if (base_version != current) {
    return Status::Conflict("review.text_stale",
                            "Nội dung đã được lưu thành phiên bản " + std::to_string(current) +
                                " sau khi anh/chị mở trang; hãy tải lại trang rồi sửa tiếp");
  }
  if (latest && latest->body == body) return *latest;
  ReviewText t;
  t.review_id = id;
  t.section = std::string(section);
  t.version = current + 1;
  t.body = std::move(body);
  t.user_id = p.user_id;
  t.username = p.username;
  t.at = NowUnix();
  NQ_ASSIGN_OR_RETURN(t.id, tx->InsertReviewText(t));
  NQ_RETURN_IF_ERROR(tx->Commit());
  return t;
}

Result<review::Review> ReviewOfDoc(App& app, const Principal& p, const ReviewDocDetail& d) {
  NQ_ASSIGN_OR_RETURN(review::ReviewKind kind, review::ReviewKindOf(d.doc.kind));
  NQ_ASSIGN_OR_RETURN(
      review::Review r,
      BuildReview(app, p, ReviewRequest{d.doc.resolution_id, d.doc.as_of, kind, d.doc.org_id}));
  if (auto it = d.latest.find("lessons"); it != d.latest.end()) r.lessons = it->second.body;
  if (auto it = d.latest.find("directions"); it != d.latest.end()) r.directions = it->second.body;
  return r;
}

review::DocumentOptions DocumentOptionsOf(const ReviewDocDetail& d) {
  const ReviewDocHeader& h = d.doc.header;
  review::DocumentOptions o;
  o.superior_body = h.superior_body;
  o.issuing_body = h.issuing_body;
  o.place = h.place;
  o.signature = {h.on_behalf, h.signer_title, h.signer_name};
  o.recipients = h.recipients;
  if (d.doc.state == ReviewDocState::kIssued) {
    o.number_symbol = "Số " + ReviewNumberSymbol(d.doc);
    o.date = d.doc.issued_on;
  }
  return o;
}

std::string_view ReviewFormatMediaType(std::string_view format) {
  if (format == "json") return "application/json; charset=utf-8";
  if (format == "html") return "text/html; charset=utf-8";
  if (format == "docx") {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (format == "pdf") return "application/pdf";
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/octet-stream";
}

Result<int> SuggestReviewNumber(App& app, const Principal& p, const ReviewDoc& d) {
  NQ_RETURN_IF_ERROR(CheckInScope(*app.orgs().tree(), p, d.org_id));
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> series, SameSeries(app, d));
  int highest = 0;
  for (const ReviewDoc& o : series) highest = std::max(highest, o.number.value_or(0));
  return highest + 1;
}

Result<ReviewDoc> IssueReviewDoc(App& app, const Principal& p, int64_t id, const ReviewIssue& in,
                                 const ReviewRenderer& render, const store::Actor& a) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, Load(app, p, id));
  NQ_RETURN_IF_ERROR(CheckEditable(p, d.doc));
  NQ_RETURN_IF_ERROR(ValidateReviewIssue(in, d.doc.as_of));
  // Checked here too so that a taken number is refused before the documents are rendered.
  NQ_ASSIGN_OR_RETURN(std::vector<ReviewDoc> series, SameSeries(app, d.doc));
  for (const ReviewDoc& o : series) {
    if (o.number == in.number) return NumberTaken(in.number);
  }
  ReviewDoc& doc = d.doc;
  doc.state = ReviewDocState::kIssued;
  doc.number = in.number;
  doc.symbol = in.symbol;
  doc.issued_on = in.issued_on;
  doc.header.signer_name = std::string(Trim(in.signer_name));
  if (!Trim(in.signer_title).empty()) doc.header.signer_title = std::string(Trim(in.signer_title));
  if (!Trim(in.on_behalf).empty()) doc.header.on_behalf = std::string(Trim(in.on_behalf));
  doc.issued_by = p.user_id;
  doc.issued_at = NowUnix();
  NQ_ASSIGN_OR_RETURN(review::Review r, ReviewOfDoc(app, p, d));
  const review::DocumentOptions o = DocumentOptionsOf(d);
  std::vector<std::pair<std::string_view, std::string>> files;
  for (std::string_view format : kReviewFormats) {
    NQ_ASSIGN_OR_RETURN(std::string bytes, render(r, o, format));
    files.emplace_back(format, std::move(bytes));
  }
  NQ_ASSIGN_OR_RETURN(auto tx, app.db().Begin(a));
  NQ_ASSIGN_OR_RETURN(ReviewDoc stored, tx->GetReviewDoc(id));
  if (stored.state == ReviewDocState::kIssued) return IssuedAlready(stored);
  NQ_RETURN_IF_ERROR(tx->UpdateReviewDoc(doc, "issue"));
  for (const auto& [format, bytes] : files) {
    NQ_RETURN_IF_ERROR(tx->InsertReviewFile(id, std::string(format), bytes));
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  return doc;
}

Result<std::optional<std::string>> FrozenReviewFile(App& app, const Principal& p, int64_t id,
                                                    std::string_view format) {
  NQ_ASSIGN_OR_RETURN(ReviewDocDetail d, Load(app, p, id));
  return FrozenReviewFile(app, d, format);
}

Result<std::optional<std::string>> FrozenReviewFile(App& app, const ReviewDocDetail& d,
                                                    std::string_view format) {
  if (d.doc.state != ReviewDocState::kIssued) return std::optional<std::string>();
  NQ_ASSIGN_OR_RETURN(auto tx, ReadTx(app));
  return tx->GetReviewFile(d.doc.id, std::string(format));
}

}  // namespace nq
