// SociTx: reported values (số liệu) and the approval state of reports.
#include <soci/soci.h>

#include <algorithm>
#include <string>
#include <tuple>

#include "common/time.h"
#include "store/data_audit_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

std::string ValueEntityId(int64_t org_id, int64_t element_id, const Period& period) {
  return std::to_string(org_id) + "/" + std::to_string(element_id) + "/" + period.ToString();
}

constexpr char kValueSelect[] =
    "SELECT org_id, element_id, period, value, estimate, comment, updated_by, updated_at "
    "FROM data_values";

struct ValueRow {
  long long org_id = 0, element_id = 0;
  std::string period;
  double value = 0;
  int estimate = 0;
  std::string comment;
  long long updated_by = 0, updated_at = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(org_id));
    st.exchange(soci::into(element_id));
    st.exchange(soci::into(period));
    st.exchange(soci::into(value));
    st.exchange(soci::into(estimate));
    st.exchange(soci::into(comment));
    st.exchange(soci::into(updated_by));
    st.exchange(soci::into(updated_at));
  }

  Result<DataValue> ToValue() const {
    Result<Period> p = Period::Parse(period);
    if (!p.ok()) return Corrupt("data_values", org_id);
    DataValue v;
    v.org_id = org_id;
    v.element_id = element_id;
    v.period = *p;
    v.value = value;
    v.estimate = estimate != 0;
    v.comment = comment;
    v.updated_by = updated_by;
    v.updated_at = updated_at;
    return v;
  }
};

constexpr char kReportSelect[] =
    "SELECT org_id, data_set_id, period, state, submitted_at, submitted_by, approved_at, "
    "approved_by FROM reports";

struct ReportRow {
  long long org_id = 0, data_set_id = 0;
  std::string period, state;
  long long submitted_at = 0, submitted_by = 0, approved_at = 0, approved_by = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(org_id));
    st.exchange(soci::into(data_set_id));
    st.exchange(soci::into(period));
    st.exchange(soci::into(state));
    st.exchange(soci::into(submitted_at));
    st.exchange(soci::into(submitted_by));
    st.exchange(soci::into(approved_at));
    st.exchange(soci::into(approved_by));
  }

  Result<Report> ToReport() const {
    Result<Period> p = Period::Parse(period);
    std::optional<ReportState> s = ParseReportState(state);
    if (!p.ok() || !s) return Corrupt("reports", org_id);
    Report r;
    r.org_id = org_id;
    r.data_set_id = data_set_id;
    r.period = *p;
    r.state = *s;
    r.submitted_at = submitted_at;
    r.submitted_by = submitted_by;
    r.approved_at = approved_at;
    r.approved_by = approved_by;
    return r;
  }
};

// Runs `select` with Row's columns; `bind` adds the statement's parameters (which must outlive
// the call). Throws what SOCI throws; returns the first failed conversion.
template <typename Row, typename T, typename Bind, typename Each>
Status FetchRows(soci::session& sql, const std::string& select, Result<T> (Row::*convert)() const,
                 Bind bind, Each each) {
  Row row;
  soci::statement stmt(sql);
  stmt.alloc();
  row.Bind(stmt);
  bind(stmt);
  stmt.prepare(select);
  stmt.define_and_bind();
  stmt.execute(false);
  while (stmt.fetch()) {
    Result<T> item = (row.*convert)();
    if (!item.ok()) return item.status();
    each(std::move(item).value());
  }
  return Status::Ok();
}

}  // namespace

// --- values
// ----------------------------------------------------------------------------------------

Result<std::vector<DataValue>> SociTx::ListValues(const ValueQuery& q) {
  std::vector<DataValue> out;
  Status st = Read("ListValues", [&]() -> Status {
    std::string where = " WHERE 1 = 1";
    if (!q.org_ids.empty()) where += " AND " + InList("org_id", q.org_ids);
    if (q.element_id) where += " AND element_id = " + std::to_string(*q.element_id);
    if (!q.element_ids.empty()) where += " AND " + InList("element_id", q.element_ids);
    const std::string from = q.from ? FormatIso(*q.from) : std::string();
    const std::string to = q.to ? FormatIso(*q.to) : std::string();
    const std::string type = q.period_type ? PeriodTypeCode(*q.period_type) : "";
    if (q.from) where += " AND period_start >= :from_date";
    if (q.to) where += " AND period_start <= :to_date";
    if (q.period_type) where += " AND period_type = :ptype";
    return FetchRows<ValueRow>(
        sql_, kValueSelect + where + " ORDER BY org_id, element_id, period_start",
        &ValueRow::ToValue,
        [&](soci::statement& stmt) {
          if (q.from) stmt.exchange(soci::use(from, "from_date"));
          if (q.to) stmt.exchange(soci::use(to, "to_date"));
          if (q.period_type) stmt.exchange(soci::use(type, "ptype"));
        },
        [&](DataValue v) { out.push_back(std::move(v)); });
  });
  if (!st.ok()) return st;
  // Periods of different types may start on the same day: Period orders those longest first.
  auto key = [](const DataValue& v) { return std::tie(v.org_id, v.element_id, v.period); };
  auto less = [&](const DataValue& a, const DataValue& b) { return key(a) < key(b); };
  if (!std::is_sorted(out.begin(), out.end(), less)) std::sort(out.begin(), out.end(), less);
  return out;
}

Result<std::optional<DataValue>> SociTx::GetValue(int64_t org_id, int64_t element_id,
                                                  const Period& period) {
  std::optional<DataValue> out;
  Status st = Read("GetValue", [&] {
    long long o = org_id;
    long long e = element_id;
    const std::string p = period.ToString();
    return FetchRows<ValueRow>(
        sql_, std::string(kValueSelect) + " WHERE org_id = :o AND element_id = :e AND period = :p",
        &ValueRow::ToValue,
        [&](soci::statement& stmt) {
          stmt.exchange(soci::use(o, "o"));
          stmt.exchange(soci::use(e, "e"));
          stmt.exchange(soci::use(p, "p"));
        },
        [&](DataValue v) { out = std::move(v); });
  });
  if (!st.ok()) return st;
  return out;
}

Status SociTx::UpsertValue(const DataValue& v) {
  Status st = Mutate("UpsertValue", {Status(), Status::Invalid(kRefUnknown, "")}, [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(std::optional<DataValue> old, GetValue(v.org_id, v.element_id, v.period));
    long long org_id = v.org_id;
    long long element_id = v.element_id;
    std::string period = v.period.ToString();
    std::string start = FormatIso(v.period.start());
    std::string type = PeriodTypeCode(v.period.type());
    int estimate = v.estimate ? 1 : 0;
    long long updated_by = v.updated_by;
    long long updated_at = v.updated_at;
    if (old) {
      sql_ << "UPDATE data_values SET value = :v, estimate = :es, comment = :c, "
              "updated_by = :ub, updated_at = :ua "
              "WHERE org_id = :o AND element_id = :e AND period = :p",
          soci::use(v.value), soci::use(estimate), soci::use(v.comment), soci::use(updated_by),
          soci::use(updated_at), soci::use(org_id), soci::use(element_id), soci::use(period);
    } else {
      sql_ << "INSERT INTO data_values (org_id, element_id, period, period_start, "
              "period_type, value, estimate, comment, updated_by, updated_at) "
              "VALUES (:o, :e, :p, :s, :t, :v, :es, :c, :ub, :ua)",
          soci::use(org_id), soci::use(element_id), soci::use(period), soci::use(start),
          soci::use(type), soci::use(v.value), soci::use(estimate), soci::use(v.comment),
          soci::use(updated_by), soci::use(updated_at);
    }
    InsertAudit("data_value", ValueEntityId(v.org_id, v.element_id, v.period),
                old ? "update" : "create", old ? DataValueJson(*old) : "", DataValueJson(v));
    return Status::Ok();
  });
  if (st.key() != kRefUnknown) return st;
  bool org_known = false;
  NQ_RETURN_IF_ERROR(Read("UpsertValue", [&] {
    org_known = !FirstMissingId(sql_, "organizations", {v.org_id});
    return Status::Ok();
  }));
  if (!org_known) {
    return Status::Invalid("value.org_unknown", "Tổ chức của số liệu (mã số " +
                                                    std::to_string(v.org_id) + ") không tồn tại");
  }
  return Status::Invalid(
      "value.element_unknown",
      "Chỉ tiêu của số liệu (mã số " + std::to_string(v.element_id) + ") không tồn tại");
}

Status SociTx::DeleteValue(int64_t org_id, int64_t element_id, const Period& period) {
  return Mutate("DeleteValue", {}, [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(std::optional<DataValue> old, GetValue(org_id, element_id, period));
    if (!old) return Status::Ok();
    long long o = org_id;
    long long e = element_id;
    std::string p = period.ToString();
    sql_ << "DELETE FROM data_values WHERE org_id = :o AND element_id = :e AND period = :p",
        soci::use(o), soci::use(e), soci::use(p);
    InsertAudit("data_value", ValueEntityId(org_id, element_id, period), "delete",
                DataValueJson(*old), "");
    return Status::Ok();
  });
}

// --- reports
// ---------------------------------------------------------------------------------------

Result<std::optional<Report>> SociTx::GetReport(int64_t org_id, int64_t data_set_id,
                                                const Period& period) {
  std::optional<Report> out;
  Status st = Read("GetReport", [&] {
    long long o = org_id;
    long long s = data_set_id;
    const std::string p = period.ToString();
    return FetchRows<ReportRow>(
        sql_,
        std::string(kReportSelect) + " WHERE org_id = :o AND data_set_id = :s AND period = :p",
        &ReportRow::ToReport,
        [&](soci::statement& stmt) {
          stmt.exchange(soci::use(o, "o"));
          stmt.exchange(soci::use(s, "s"));
          stmt.exchange(soci::use(p, "p"));
        },
        [&](Report r) { out = r; });
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Report>> SociTx::ListReports(int64_t data_set_id, const Period& period) {
  std::vector<Report> out;
  Status st = Read("ListReports", [&] {
    long long s = data_set_id;
    const std::string p = period.ToString();
    return FetchRows<ReportRow>(
        sql_,
        std::string(kReportSelect) + " WHERE data_set_id = :s AND period = :p ORDER BY org_id",
        &ReportRow::ToReport,
        [&](soci::statement& stmt) {
          stmt.exchange(soci::use(s, "s"));
          stmt.exchange(soci::use(p, "p"));
        },
        [&](Report r) { out.push_back(r); });
  });
  if (!st.ok()) return st;
  return out;
}

Status SociTx::UpsertReport(const Report& r, const std::string& action) {
  Status st = Mutate("UpsertReport", {Status(), Status::Invalid(kRefUnknown, "")}, [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(std::optional<Report> old, GetReport(r.org_id, r.data_set_id, r.period));
    long long org_id = r.org_id;
    long long set_id = r.data_set_id;
    std::string period = r.period.ToString();
    std::string start = FormatIso(r.period.start());
    std::string state = ReportStateCode(r.state);
    long long submitted_at = r.submitted_at;
    long long submitted_by = r.submitted_by;
    long long approved_at = r.approved_at;
    long long approved_by = r.approved_by;
    if (old) {
      sql_ << "UPDATE reports SET state = :st, submitted_at = :sa, submitted_by = :sb, "
              "approved_at = :aa, approved_by = :ab "
              "WHERE org_id = :o AND data_set_id = :s AND period = :p",
          soci::use(state), soci::use(submitted_at), soci::use(submitted_by),
          soci::use(approved_at), soci::use(approved_by), soci::use(org_id), soci::use(set_id),
          soci::use(period);
    } else {
      sql_ << "INSERT INTO reports (org_id, data_set_id, period, period_start, state, "
              "submitted_at, submitted_by, approved_at, approved_by) "
              "VALUES (:o, :s, :p, :ps, :st, :sa, :sb, :aa, :ab)",
          soci::use(org_id), soci::use(set_id), soci::use(period), soci::use(start),
          soci::use(state), soci::use(submitted_at), soci::use(submitted_by),
          soci::use(approved_at), soci::use(approved_by);
    }
    InsertAudit("report",
                std::to_string(r.org_id) + "/" + std::to_string(r.data_set_id) + "/" + period,
                action, old ? ReportJson(*old) : "", ReportJson(r));
    return Status::Ok();
  });
  if (st.key() != kRefUnknown) return st;
  bool org_known = false;
  NQ_RETURN_IF_ERROR(Read("UpsertReport", [&] {
    org_known = !FirstMissingId(sql_, "organizations", {r.org_id});
    return Status::Ok();
  }));
  if (!org_known) {
    return Status::Invalid("report.org_unknown", "Tổ chức của báo cáo (mã số " +
                                                     std::to_string(r.org_id) + ") không tồn tại");
  }
  return Status::Invalid(
      "report.dataset_unknown",
      "Biểu mẫu của báo cáo (mã số " + std::to_string(r.data_set_id) + ") không tồn tại");
}

}  // namespace nq::store
