// SociTx: records (domain/record.h) — the record in records, with the date of its type's date
// field as ISO text for the indicators' reads by type, organization and date; each value as its
// canonical text (record_value.h) in record_values, read back with its field's type.
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "common/json_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

// The audit snapshot. A personal type's values stay out of the log: only the codes of the
// fields the record fills.
std::string RecordJson(const Record& r, RecordPrivacy privacy, const std::optional<Date>& date) {
  JsonObjectText j;
  j.Add("id", r.id)
      .Add("type_id", r.type_id)
      .Add("version", r.version)
      .Add("org_id", r.org_id)
      .Add("record_date", date)
      .Add("created_by", r.created_by)
      .Add("created_at", r.created_at);
  if (privacy == RecordPrivacy::kPersonal) {
    std::vector<std::string> codes;
    for (const auto& [code, value] : r.values) codes.push_back(code);
    return j.AddRaw("fields", JsonArray(codes, JsonQuote)).str();
  }
  JsonObjectText values;
  for (const auto& [code, value] : r.values) values.Add(code, CanonicalText(value));
  return j.AddRaw("values", values.str()).str();
}

Status RecordNotFound(int64_t id) {
  return Status::NotFound("record.not_found",
                          "Không tìm thấy hồ sơ (mã số " + std::to_string(id) + ")");
}

Status TypeUnknown(int64_t type_id, int version) {
  return Status::Invalid("record.type_unknown", "Loại hồ sơ (mã số " + std::to_string(type_id) +
                                                    ") không tồn tại hoặc không có phiên bản " +
                                                    std::to_string(version));
}

// "WHERE ..." over records r for the query; only numbers and ISO dates are written into it.
std::string RecordWhere(const Tx::RecordQuery& q) {
  std::string where = "WHERE 1 = 1";
  if (q.type_id) where += " AND r.type_id = " + std::to_string(*q.type_id);
  if (!q.org_ids.empty()) where += " AND " + InList("r.org_id", q.org_ids);
  if (q.from) where += " AND r.record_date >= '" + FormatIso(*q.from) + "'";
  if (q.to) where += " AND r.record_date <= '" + FormatIso(*q.to) + "'";
  return where;
}

// The order of a list, and its page ("" for every record); only numbers are written into it.
std::string RecordOrder(const Tx::RecordQuery& q) {
  std::string order = q.newest_first
                          ? " ORDER BY r.record_date IS NULL DESC, r.record_date DESC, r.id DESC"
                          : " ORDER BY r.record_date IS NULL, r.record_date, r.id";
  if (q.limit) {
    order += " LIMIT " + std::to_string(std::max(0, *q.limit)) + " OFFSET " +
             std::to_string(std::max(0, q.offset));
  }
  return order;
}

// The records under `where` (RecordWhere's form, or "WHERE r.id = N") in the order of `order`
// (RecordOrder; `paged` when it takes one page), with their values, and the types they belong to
// by id. Throws what SOCI throws.
Status ReadRecords(soci::session& sql, const std::string& where, const std::string& order,
                   bool paged, std::vector<Record>* out, std::map<int64_t, RecordType>* types) {
  Record r;
  long long id = 0, type_id = 0, org_id = 0, created_by = 0, created_at = 0;
  std::map<int64_t, size_t> pos;
  {
    soci::statement stmt =
        (sql.prepare << "SELECT r.id, r.type_id, t.code, r.version, r.org_id, r.created_by, "
                        "r.created_at FROM records r JOIN record_types t ON t.id = r.type_id " +
                            where + order,
         soci::into(id), soci::into(type_id), soci::into(r.type_code), soci::into(r.version),
         soci::into(org_id), soci::into(created_by), soci::into(created_at));
    stmt.execute(false);
    while (stmt.fetch()) {
      r.id = id;
      r.type_id = type_id;
      r.org_id = org_id;
      r.created_by = created_by;
      r.created_at = created_at;
      pos[r.id] = out->size();
      out->push_back(r);
    }
  }
  std::set<int64_t> type_ids;
  for (const Record& rec : *out) type_ids.insert(rec.type_id);
  const std::vector<int64_t> ids(type_ids.begin(), type_ids.end());
  std::vector<RecordType> loaded;
  NQ_RETURN_IF_ERROR(ReadRecordTypes(sql, &ids, &loaded));
  for (RecordType& t : loaded) (*types)[t.id] = std::move(t);
  if (out->empty()) return Status::Ok();
  // The values of exactly these records: a page's own ids, else the same condition.
  std::vector<int64_t> page;
  if (paged) {
    for (const Record& rec : *out) page.push_back(rec.id);
  }
  const std::string values_where = paged ? "WHERE " + InList("r.id", page) : where;
  std::string field, text;
  soci::statement stmt =
      (sql.prepare << "SELECT v.record_id, v.field, v.value FROM record_values v JOIN records r "
                      "ON r.id = v.record_id " +
                          values_where,
       soci::into(id), soci::into(field), soci::into(text));
  stmt.execute(false);
  while (stmt.fetch()) {
    Record& rec = (*out)[pos.at(id)];
    const RecordTypeVersion* v = (*types)[rec.type_id].Version(rec.version);
    const FieldDef* f = v != nullptr ? v->Find(field) : nullptr;
    if (f == nullptr) return Corrupt("record_values", id);
    Result<FieldValue> value = ParseCanonical(f->type, text);
    if (!value.ok()) return Corrupt("record_values", id);
    rec.values[field] = std::move(*value);
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<Record>> SociTx::ListRecords(const RecordQuery& q) {
  std::vector<Record> out;
  std::map<int64_t, RecordType> types;
  NQ_RETURN_IF_ERROR(
      Read("ListRecords", [&] {
        return ReadRecords(sql_, RecordWhere(q), RecordOrder(q), q.limit.has_value(), &out, &types);
      }));
  return out;
}

Result<int64_t> SociTx::CountRecords(const RecordQuery& q) {
  long long count = 0;
  NQ_RETURN_IF_ERROR(Read("CountRecords", [&] {
    sql_ << "SELECT COUNT(*) FROM records r " + RecordWhere(q), soci::into(count);
    return Status::Ok();
  }));
  return int64_t{count};
}

Result<Record> SociTx::GetRecord(int64_t id) {
  std::vector<Record> out;
  std::map<int64_t, RecordType> types;
  NQ_RETURN_IF_ERROR(Read("GetRecord", [&] {
    return ReadRecords(sql_, "WHERE r.id = " + std::to_string(id), "", false, &out, &types);
  }));
  if (out.empty()) return RecordNotFound(id);
  return std::move(out.front());
}

Result<int64_t> SociTx::InsertRecord(const Record& r) {
  const WriteErrors errors{
      Status(), Status::Invalid("record.org_unknown",
                                "Tổ chức (mã số " + std::to_string(r.org_id) + ") không tồn tại")};
  int64_t new_id = 0;
  Status st = Mutate("InsertRecord", errors, [&]() -> Status {
    std::vector<RecordType> types;
    const std::vector<int64_t> ids{r.type_id};
    NQ_RETURN_IF_ERROR(ReadRecordTypes(sql_, &ids, &types));
    const RecordTypeVersion* v = types.empty() ? nullptr : types.front().Version(r.version);
    if (v == nullptr) return TypeUnknown(r.type_id, r.version);
    for (const auto& [code, value] : r.values) {
      const FieldDef* f = v->Find(code);
      if (f == nullptr) {
        return Status::Invalid("record.unknown_field", "Loại hồ sơ không có trường '" + code + "'");
      }
      if (!HoldsType(f->type, value)) {
        return Status::Invalid(
            "record.wrong_type",
            "Giá trị của trường '" + f->label + "' không đúng kiểu " + FieldTypeLabel(f->type));
      }
    }
    const std::optional<Date> date = RecordDate(types.front(), r);
    DateParam d(date);
    long long type_id = r.type_id, org_id = r.org_id, by = r.created_by, at = r.created_at, id = 0;
    int version = r.version;
    sql_ << "INSERT INTO records (type_id, version, org_id, record_date, created_by, created_at) "
            "VALUES (:t, :v, :o, :d, :b, :a) RETURNING id",
        soci::use(type_id), soci::use(version), soci::use(org_id), soci::use(d.text, d.ind),
        soci::use(by), soci::use(at), soci::into(id);
    for (const auto& [code, value] : r.values) {
      const std::string text = CanonicalText(value);
      sql_ << "INSERT INTO record_values (record_id, field, value) VALUES (:r, :f, :v)",
          soci::use(id), soci::use(code), soci::use(text);
    }
    new_id = id;
    Record stored = r;
    stored.id = id;
    InsertAudit("record", std::to_string(id), "create", "",
                RecordJson(stored, types.front().privacy, date));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::DeleteRecord(int64_t id) {
  return Mutate("DeleteRecord", {Status(), Status()}, [&]() -> Status {
    std::vector<Record> found;
    std::map<int64_t, RecordType> types;
    NQ_RETURN_IF_ERROR(ReadRecords(sql_, "WHERE r.id = " + std::to_string(id), "", false, &found, &types));
    if (found.empty()) return RecordNotFound(id);
    const RecordType& type = types[found.front().type_id];
    long long key = id;
    sql_ << "DELETE FROM record_values WHERE record_id = :r", soci::use(key);
    sql_ << "DELETE FROM records WHERE id = :r", soci::use(key);
    InsertAudit("record", std::to_string(id), "delete",
                RecordJson(found.front(), type.privacy, RecordDate(type, found.front())), "");
    return Status::Ok();
  });
}

}  // namespace nq::store
