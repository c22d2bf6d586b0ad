// SociTx: the reviews the committee keeps (domain/review_doc.h) — the record in reviews (the
// recipients one per line), the narrative versions in review_texts, the frozen outputs of an
// issued review as base64 text in review_files, which only GetReviewFile reads.
#include <soci/soci.h>

#include <string>

#include "common/base64.h"
#include "common/json_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

constexpr char kReviewSelect[] =
    "SELECT id, resolution_id, term_id, org_id, kind, as_of, place, superior_body, issuing_body, "
    "on_behalf, signer_title, signer_name, recipients, state, number, symbol, issued_on, "
    "created_by, created_at, issued_by, issued_at FROM reviews ";

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) {
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

struct ReviewRow {
  long long id = 0, resolution_id = 0, term_id = 0, org_id = 0;
  std::string kind, as_of, place, superior, issuing, on_behalf, title, name, recipients, state;
  int number = 0;
  soci::indicator number_ind = soci::i_ok;
  std::string symbol, issued_on;
  soci::indicator issued_ind = soci::i_ok;
  long long created_by = 0, created_at = 0, issued_by = 0, issued_at = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(resolution_id));
    st.exchange(soci::into(term_id));
    st.exchange(soci::into(org_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(as_of));
    st.exchange(soci::into(place));
    st.exchange(soci::into(superior));
    st.exchange(soci::into(issuing));
    st.exchange(soci::into(on_behalf));
    st.exchange(soci::into(title));
    st.exchange(soci::into(name));
    st.exchange(soci::into(recipients));
    st.exchange(soci::into(state));
    st.exchange(soci::into(number, number_ind));
    st.exchange(soci::into(symbol));
    st.exchange(soci::into(issued_on, issued_ind));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(issued_by));
    st.exchange(soci::into(issued_at));
  }

  Result<ReviewDoc> ToDoc() const {
    ReviewDoc d;
    std::optional<Date> a = ParseIsoDate(as_of);
    std::optional<ReviewDocState> s = ParseReviewDocState(state);
    if (!a || !s || !ReadDate(issued_on, issued_ind, &d.issued_on)) return Corrupt("reviews", id);
    d.id = id;
    d.resolution_id = resolution_id;
    d.term_id = term_id;
    d.org_id = org_id;
    d.kind = kind;
    d.as_of = *a;
    d.header = {place, superior, issuing, on_behalf, title, name, SplitLines(recipients)};
    d.state = *s;
    if (number_ind == soci::i_ok) d.number = number;
    d.symbol = symbol;
    d.created_by = created_by;
    d.created_at = created_at;
    d.issued_by = issued_by;
    d.issued_at = issued_at;
    return d;
  }
};

// The audit snapshot: every stored field.
std::string ReviewDocJson(const ReviewDoc& d) {
  JsonObjectText j;
  j.Add("id", d.id)
      .Add("resolution_id", d.resolution_id)
      .Add("term_id", d.term_id)
      .Add("org_id", d.org_id)
      .Add("kind", d.kind)
      .Add("as_of", FormatIso(d.as_of))
      .Add("place", d.header.place)
      .Add("superior_body", d.header.superior_body)
      .Add("issuing_body", d.header.issuing_body)
      .Add("on_behalf", d.header.on_behalf)
      .Add("signer_title", d.header.signer_title)
      .Add("signer_name", d.header.signer_name)
      .AddRaw("recipients", JsonArray(d.header.recipients, JsonQuote))
      .Add("state", ReviewDocStateCode(d.state));
  if (d.number) {
    j.Add("number", int64_t{*d.number});
  } else {
    j.AddNull("number");
  }
  return j.Add("symbol", d.symbol).Add("issued_on", d.issued_on).str();
}

Status ReviewNotFound(int64_t id) {
  return Status::NotFound("review.not_found", "Không tìm thấy báo cáo sơ kết, tổng kết (mã số " +
                                                  std::to_string(id) + ")");
}

// The columns every write sets, bound in kReviewColumns' order.
struct ReviewParams {
  explicit ReviewParams(const ReviewDoc& d)
      : resolution_id(d.resolution_id),
        term_id(d.term_id),
        org_id(d.org_id),
        as_of(FormatIso(d.as_of)),
        recipients(JoinLines(d.header.recipients)),
        state(ReviewDocStateCode(d.state)),
        number(d.number.value_or(0)),
        number_ind(d.number ? soci::i_ok : soci::i_null),
        issued_on(d.issued_on),
        created_by(d.created_by),
        created_at(d.created_at),
        issued_by(d.issued_by),
        issued_at(d.issued_at) {}
  long long resolution_id, term_id, org_id;
  std::string as_of, recipients, state;
  int number;
  soci::indicator number_ind;
  DateParam issued_on;
  long long created_by, created_at, issued_by, issued_at;
};

}  // namespace

Result<std::vector<ReviewDoc>> SociTx::ListReviewDocs(std::optional<int64_t> resolution_id) {
  std::vector<ReviewDoc> out;
  Status st = Read("ListReviewDocs", [&] {
    long long key = resolution_id.value_or(0);
    const std::string where = resolution_id ? "WHERE resolution_id = :r " : "";
    return QueryRows<ReviewRow>(sql_, kReviewSelect + where + "ORDER BY id",
                                resolution_id ? &key : nullptr, &ReviewRow::ToDoc,
                                [&](ReviewDoc d) { out.push_back(std::move(d)); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<ReviewDoc> SociTx::GetReviewDoc(int64_t id) {
  std::optional<ReviewDoc> out;
  Status st = Read("GetReviewDoc", [&] {
    long long key = id;
    return QueryRows<ReviewRow>(sql_, std::string(kReviewSelect) + "WHERE id = :id", &key,
                                &ReviewRow::ToDoc, [&](ReviewDoc d) { out = std::move(d); });
  });
  if (!st.ok()) return st;
  if (!out) return ReviewNotFound(id);
  return std::move(*out);
}

Result<int64_t> SociTx::InsertReviewDoc(const ReviewDoc& d) {
  int64_t new_id = 0;
  Status st = Mutate("InsertReviewDoc", {Status(), Status::Invalid(kRefUnknown, "")}, [&] {
    ReviewParams p(d);
    long long id = 0;
    sql_ << "INSERT INTO reviews (resolution_id, term_id, org_id, kind, as_of, place, "
            "superior_body, issuing_body, on_behalf, signer_title, signer_name, recipients, "
            "state, number, symbol, issued_on, created_by, created_at, issued_by, issued_at) "
            "VALUES (:r, :t, :o, :k, :a, :pl, :su, :is, :ob, :ti, :na, :re, :st, :nu, :sy, :io, "
            ":cb, :ca, :ib, :ia) RETURNING id",
        soci::use(p.resolution_id), soci::use(p.term_id), soci::use(p.org_id), soci::use(d.kind),
        soci::use(p.as_of), soci::use(d.header.place), soci::use(d.header.superior_body),
        soci::use(d.header.issuing_body), soci::use(d.header.on_behalf),
        soci::use(d.header.signer_title), soci::use(d.header.signer_name), soci::use(p.recipients),
        soci::use(p.state), soci::use(p.number, p.number_ind), soci::use(d.symbol),
        soci::use(p.issued_on.text, p.issued_on.ind), soci::use(p.created_by),
        soci::use(p.created_at), soci::use(p.issued_by), soci::use(p.issued_at), soci::into(id);
    new_id = id;
    ReviewDoc stored = d;
    stored.id = id;
    InsertAudit("review", std::to_string(id), "create", "", ReviewDocJson(stored));
    return Status::Ok();
  });
  if (st.key() != kRefUnknown) {
    if (!st.ok()) return st;
    return new_id;
  }
  std::optional<int64_t> missing;
  NQ_RETURN_IF_ERROR(Read("InsertReviewDoc", [&] {
    if (FirstMissingId(sql_, "resolutions", {d.resolution_id})) {
      missing = 0;
    } else if (FirstMissingId(sql_, "organizations", {d.org_id})) {
      missing = 1;
    }
    return Status::Ok();
  }));
  if (missing == 0) {
    return Status::Invalid(
        "review.resolution_unknown",
        "Nghị quyết (mã số " + std::to_string(d.resolution_id) + ") không tồn tại");
  }
  if (missing == 1) {
    return Status::Invalid("review.org_unknown",
                           "Tổ chức (mã số " + std::to_string(d.org_id) + ") không tồn tại");
  }
  return Status::Invalid("review.term_unknown",
                         "Nhiệm kỳ (mã số " + std::to_string(d.term_id) + ") không tồn tại");
}

Status SociTx::UpdateReviewDoc(const ReviewDoc& d, const std::string& action) {
  const WriteErrors errors{
      Status::Conflict("review.number_taken",
                       "Số " + std::to_string(d.number.value_or(0)) +
                           " đã được dùng cho một báo cáo khác của tổ chức trong nhiệm kỳ này"),
      Status()};
  return Mutate("UpdateReviewDoc", errors, [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(ReviewDoc old, GetReviewDoc(d.id));
    ReviewParams p(d);
    long long key = d.id;
    sql_ << "UPDATE reviews SET kind = :k, as_of = :a, place = :pl, superior_body = :su, "
            "issuing_body = :is, on_behalf = :ob, signer_title = :ti, signer_name = :na, "
            "recipients = :re, state = :st, number = :nu, symbol = :sy, issued_on = :io, "
            "issued_by = :ib, issued_at = :ia WHERE id = :id",
        soci::use(d.kind), soci::use(p.as_of), soci::use(d.header.place),
        soci::use(d.header.superior_body), soci::use(d.header.issuing_body),
        soci::use(d.header.on_behalf), soci::use(d.header.signer_title),
        soci::use(d.header.signer_name), soci::use(p.recipients), soci::use(p.state),
        soci::use(p.number, p.number_ind), soci::use(d.symbol),
        soci::use(p.issued_on.text, p.issued_on.ind), soci::use(p.issued_by),
        soci::use(p.issued_at), soci::use(key);
    InsertAudit("review", std::to_string(d.id), action, ReviewDocJson(old), ReviewDocJson(d));
    return Status::Ok();
  });
}

Result<std::vector<ReviewText>> SociTx::ListReviewTexts(int64_t review_id) {
  std::vector<ReviewText> out;
  Status st = Read("ListReviewTexts", [&]() -> Status {
    long long key = review_id;
    ReviewText t;
    long long id = 0, rid = 0, user_id = 0, at = 0;
    soci::statement stmt =
        (sql_.prepare << "SELECT id, review_id, section, version, body, user_id, username, at "
                         "FROM review_texts WHERE review_id = :r ORDER BY section, version",
         soci::use(key), soci::into(id), soci::into(rid), soci::into(t.section),
         soci::into(t.version), soci::into(t.body), soci::into(user_id), soci::into(t.username),
         soci::into(at));
    stmt.execute(false);
    while (stmt.fetch()) {
      t.id = id;
      t.review_id = rid;
      t.user_id = user_id;
      t.at = at;
      out.push_back(t);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> SociTx::InsertReviewText(const ReviewText& t) {
  const WriteErrors errors{
      Status::Conflict("review.text_stale", "Nội dung vừa được người khác lưu (phiên bản " +
                                                std::to_string(t.version) +
                                                "); hãy tải lại trang rồi sửa tiếp"),
      ReviewNotFound(t.review_id)};
  int64_t new_id = 0;
  Status st = Mutate("InsertReviewText", errors, [&] {
    long long review_id = t.review_id, user_id = t.user_id, at = t.at, id = 0;
    sql_ << "INSERT INTO review_texts (review_id, section, version, body, user_id, username, at) "
            "VALUES (:r, :s, :v, :b, :u, :un, :at) RETURNING id",
        soci::use(review_id), soci::use(t.section), soci::use(t.version), soci::use(t.body),
        soci::use(user_id), soci::use(t.username), soci::use(at), soci::into(id);
    new_id = id;
    InsertAudit("review_text", std::to_string(id), "create", "",
                JsonObjectText()
                    .Add("review_id", t.review_id)
                    .Add("section", t.section)
                    .Add("version", t.version)
                    .Add("chars", static_cast<int64_t>(t.body.size()))
                    .str());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::InsertReviewFile(int64_t review_id, const std::string& format,
                                const std::string& bytes) {
  const WriteErrors errors{
      Status::Conflict("review.file_exists",
                       "Báo cáo đã ban hành có tệp " + format + "; tệp không được thay thế"),
      ReviewNotFound(review_id)};
  return Mutate("InsertReviewFile", errors, [&] {
    long long key = review_id;
    const std::string content = Base64Encode(bytes);
    sql_ << "INSERT INTO review_files (review_id, format, content) VALUES (:r, :f, :c)",
        soci::use(key), soci::use(format), soci::use(content);
    return Status::Ok();
  });
}

Result<std::optional<std::string>> SociTx::GetReviewFile(int64_t review_id,
                                                         const std::string& format) {
  std::optional<std::string> out;
  Status st = Read("GetReviewFile", [&]() -> Status {
    long long key = review_id;
    std::string content;
    sql_ << "SELECT content FROM review_files WHERE review_id = :r AND format = :f", soci::use(key),
        soci::use(format), soci::into(content);
    if (!sql_.got_data()) return Status::Ok();
    out = Base64Decode(content);
    return out ? Status::Ok() : Corrupt("review_files", review_id);
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace nq::store
