// SociTx: terms (nhiệm kỳ) and resolutions (nghị quyết).
#include <soci/soci.h>

#include <string>

#include "common/time.h"
#include "store/audit_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

struct TermRow {
  long long id = 0, org_id = 0;
  std::string name, start, end;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(org_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(start));
    st.exchange(soci::into(end));
  }

  Result<Term> ToTerm() const {
    std::optional<Date> s = ParseIsoDate(start);
    std::optional<Date> e = ParseIsoDate(end);
    if (!s || !e) return Corrupt("terms", id);
    Term t;
    t.id = id;
    t.org_id = org_id;
    t.name = name;
    t.start = *s;
    t.end = *e;
    return t;
  }
};

struct ResolutionRow {
  long long id = 0, term_id = 0;
  std::string number, title, adopted;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(term_id));
    st.exchange(soci::into(number));
    st.exchange(soci::into(title));
    st.exchange(soci::into(adopted));
  }

  Result<Resolution> ToResolution() const {
    std::optional<Date> a = ParseIsoDate(adopted);
    if (!a) return Corrupt("resolutions", id);
    Resolution r;
    r.id = id;
    r.term_id = term_id;
    r.number = number;
    r.title = title;
    r.adopted = *a;
    return r;
  }
};

constexpr char kTermSelect[] = "SELECT id, org_id, name, start_date, end_date FROM terms ";
constexpr char kResolutionSelect[] = "SELECT id, term_id, number, title, adopted FROM resolutions ";

WriteErrors TermErrors(const Term& t) {
  return {Status(),
          Status::Invalid("term.org_unknown", "Tổ chức của nhiệm kỳ (mã số " +
                                                  std::to_string(t.org_id) + ") không tồn tại")};
}

WriteErrors ResolutionErrors(const Resolution& r) {
  return {Status::Conflict("resolution.number_taken",
                           "Số nghị quyết '" + r.number + "' đã có trong nhiệm kỳ này"),
          Status::Invalid(
              "resolution.term_unknown",
              "Nhiệm kỳ của nghị quyết (mã số " + std::to_string(r.term_id) + ") không tồn tại")};
}

}  // namespace

// --- terms
// ----------------------------------------------------------------------------------------

Result<std::vector<Term>> SociTx::ListTerms() {
  std::vector<Term> out;
  Status st = Read("ListTerms", [&] {
    return QueryRows<TermRow, long long>(sql_, std::string(kTermSelect) + "ORDER BY start_date, id",
                                         nullptr, &TermRow::ToTerm,
                                         [&](Term t) { out.push_back(std::move(t)); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<Term> SociTx::GetTerm(int64_t id) {
  std::optional<Term> out;
  Status st = Read("GetTerm", [&] {
    long long key = id;
    return QueryRows<TermRow, long long>(sql_, std::string(kTermSelect) + "WHERE id = :id", &key,
                                         &TermRow::ToTerm, [&](Term t) { out = std::move(t); });
  });
  if (!st.ok()) return st;
  if (!out) {
    return Status::NotFound("term.not_found",
                            "Không tìm thấy nhiệm kỳ (mã số " + std::to_string(id) + ")");
  }
  return std::move(*out);
}

Result<int64_t> SociTx::InsertTerm(const Term& term) {
  int64_t new_id = 0;
  Status st = Mutate("InsertTerm", TermErrors(term), [&] {
    long long org_id = term.org_id;
    std::string start = FormatIso(term.start);
    std::string end = FormatIso(term.end);
    long long id = 0;
    sql_ << "INSERT INTO terms (org_id, name, start_date, end_date) VALUES (:o, :n, :s, :e) "
            "RETURNING id",
        soci::use(org_id), soci::use(term.name), soci::use(start), soci::use(end), soci::into(id);
    new_id = id;
    Term stored = term;
    stored.id = new_id;
    InsertAudit("term", std::to_string(new_id), "create", "", TermJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateTerm(const Term& term) {
  return Mutate("UpdateTerm", TermErrors(term), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(Term old, GetTerm(term.id));
    long long org_id = term.org_id;
    std::string start = FormatIso(term.start);
    std::string end = FormatIso(term.end);
    long long id = term.id;
    sql_ << "UPDATE terms SET org_id = :o, name = :n, start_date = :s, end_date = :e "
            "WHERE id = :id",
        soci::use(org_id), soci::use(term.name), soci::use(start), soci::use(end), soci::use(id);
    InsertAudit("term", std::to_string(term.id), "update", TermJson(old), TermJson(term));
    return Status::Ok();
  });
}

// --- resolutions
// ------------------------------------------------------------------------------------

Result<std::vector<Resolution>> SociTx::ListResolutions(std::optional<int64_t> term_id) {
  std::vector<Resolution> out;
  Status st = Read("ListResolutions", [&] {
    long long key = term_id.value_or(0);
    std::string select = kResolutionSelect;
    if (term_id) select += "WHERE term_id = :t ";
    select += "ORDER BY adopted, id";
    return QueryRows<ResolutionRow, long long>(sql_, select, term_id ? &key : nullptr,
                                               &ResolutionRow::ToResolution,
                                               [&](Resolution r) { out.push_back(std::move(r)); });
  });
  if (!st.ok()) return st;
  return out;
}

Result<Resolution> SociTx::GetResolution(int64_t id) {
  std::optional<Resolution> out;
  Status st = Read("GetResolution", [&] {
    long long key = id;
    return QueryRows<ResolutionRow, long long>(
        sql_, std::string(kResolutionSelect) + "WHERE id = :id", &key, &ResolutionRow::ToResolution,
        [&](Resolution r) { out = std::move(r); });
  });
  if (!st.ok()) return st;
  if (!out) {
    return Status::NotFound("resolution.not_found",
                            "Không tìm thấy nghị quyết (mã số " + std::to_string(id) + ")");
  }
  return std::move(*out);
}

Result<int64_t> SociTx::InsertResolution(const Resolution& r) {
  int64_t new_id = 0;
  Status st = Mutate("InsertResolution", ResolutionErrors(r), [&] {
    long long term_id = r.term_id;
    std::string adopted = FormatIso(r.adopted);
    long long id = 0;
    sql_ << "INSERT INTO resolutions (term_id, number, title, adopted) VALUES (:t, :n, :ti, :a) "
            "RETURNING id",
        soci::use(term_id), soci::use(r.number), soci::use(r.title), soci::use(adopted),
        soci::into(id);
    new_id = id;
    Resolution stored = r;
    stored.id = new_id;
    InsertAudit("resolution", std::to_string(new_id), "create", "", ResolutionJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateResolution(const Resolution& r) {
  return Mutate("UpdateResolution", ResolutionErrors(r), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(Resolution old, GetResolution(r.id));
    long long term_id = r.term_id;
    std::string adopted = FormatIso(r.adopted);
    long long id = r.id;
    sql_ << "UPDATE resolutions SET term_id = :t, number = :n, title = :ti, adopted = :a "
            "WHERE id = :id",
        soci::use(term_id), soci::use(r.number), soci::use(r.title), soci::use(adopted),
        soci::use(id);
    InsertAudit("resolution", std::to_string(r.id), "update", ResolutionJson(old),
                ResolutionJson(r));
    return Status::Ok();
  });
}

}  // namespace nq::store
