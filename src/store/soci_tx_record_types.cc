// SociTx: record types (domain/record_type.h) — the type in record_types, each version's fields
// and rules as the text of store/record_codec.h in record_type_versions.
#include <soci/soci.h>

#include <map>
#include <string>

#include "common/json_text.h"
#include "store/record_codec.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

struct TypeRow {
  long long id = 0;
  std::string code, name, description, privacy, date_field;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(name));
    st.exchange(soci::into(description));
    st.exchange(soci::into(privacy));
    st.exchange(soci::into(date_field));
  }

  Result<RecordType> ToType() const {
    std::optional<RecordPrivacy> p = ParseRecordPrivacy(privacy);
    if (!p) return Corrupt("record_types", id);
    return RecordType{id, code, name, description, *p, date_field, {}};
  }
};

// The audit snapshot: the type with every version's definition.
std::string RecordTypeJson(const RecordType& t) {
  return JsonObjectText()
      .Add("id", t.id)
      .Add("code", t.code)
      .Add("name", t.name)
      .Add("description", t.description)
      .Add("privacy", RecordPrivacyCode(t.privacy))
      .Add("date_field", t.date_field)
      .AddRaw("versions", JsonArray(t.versions,
                                    [](const RecordTypeVersion& v) {
                                      return JsonObjectText()
                                          .Add("number", v.number)
                                          .Add("definition", EncodeRecordVersion(v))
                                          .str();
                                    }))
      .str();
}

Status TypeNotFound(int64_t id) {
  return Status::NotFound("record_type.not_found",
                          "Không tìm thấy loại hồ sơ (mã số " + std::to_string(id) + ")");
}

void InsertVersion(soci::session& sql, long long type_id, const RecordTypeVersion& v) {
  const std::string definition = EncodeRecordVersion(v);
  sql << "INSERT INTO record_type_versions (type_id, number, definition) VALUES (:t, :n, :d)",
      soci::use(type_id), soci::use(v.number), soci::use(definition);
}

}  // namespace

Status ReadRecordTypes(soci::session& sql, const std::vector<int64_t>* ids,
                       std::vector<RecordType>* out) {
  out->clear();
  if (ids != nullptr && ids->empty()) return Status::Ok();
  const std::string where = ids != nullptr ? "WHERE " + InList("id", *ids) + " " : "";
  NQ_RETURN_IF_ERROR(QueryRows<TypeRow>(
      sql,
      "SELECT id, code, name, description, privacy, date_field FROM record_types " + where +
          "ORDER BY code",
      static_cast<const long long*>(nullptr), &TypeRow::ToType,
      [&](RecordType t) { out->push_back(std::move(t)); }));
  if (out->empty()) return Status::Ok();
  std::map<int64_t, RecordType*> by_id;
  std::vector<int64_t> found;
  for (RecordType& t : *out) {
    by_id[t.id] = &t;
    found.push_back(t.id);
  }
  long long type_id = 0;
  int number = 0;
  std::string definition;
  soci::statement stmt =
      (sql.prepare << "SELECT type_id, number, definition FROM record_type_versions WHERE " +
                          InList("type_id", found) + " ORDER BY type_id, number",
       soci::into(type_id), soci::into(number), soci::into(definition));
  stmt.execute(false);
  while (stmt.fetch()) {
    Result<RecordTypeVersion> v = DecodeRecordVersion(definition, number);
    if (!v.ok()) return Corrupt("record_type_versions", type_id);
    by_id[type_id]->versions.push_back(std::move(*v));
  }
  return Status::Ok();
}

Result<std::vector<RecordType>> SociTx::ListRecordTypes() {
  std::vector<RecordType> out;
  NQ_RETURN_IF_ERROR(Read("ListRecordTypes", [&] { return ReadRecordTypes(sql_, nullptr, &out); }));
  return out;
}

Result<RecordType> SociTx::GetRecordType(int64_t id) {
  std::vector<RecordType> out;
  const std::vector<int64_t> ids{id};
  NQ_RETURN_IF_ERROR(Read("GetRecordType", [&] { return ReadRecordTypes(sql_, &ids, &out); }));
  if (out.empty()) return TypeNotFound(id);
  return std::move(out.front());
}

Result<int64_t> SociTx::InsertRecordType(const RecordType& t) {
  const WriteErrors errors{
      Status::Conflict("record_type.code_taken", "Mã loại hồ sơ '" + t.code + "' đã tồn tại"),
      Status()};
  int64_t new_id = 0;
  Status st = Mutate("InsertRecordType", errors, [&] {
    const std::string privacy = RecordPrivacyCode(t.privacy);
    long long id = 0;
    sql_ << "INSERT INTO record_types (code, name, description, privacy, date_field) "
            "VALUES (:c, :n, :d, :p, :f) RETURNING id",
        soci::use(t.code), soci::use(t.name), soci::use(t.description), soci::use(privacy),
        soci::use(t.date_field), soci::into(id);
    for (const RecordTypeVersion& v : t.versions) InsertVersion(sql_, id, v);
    new_id = id;
    RecordType stored = t;
    stored.id = id;
    InsertAudit("record_type", std::to_string(id), "create", "", RecordTypeJson(stored));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateRecordType(const RecordType& t) {
  return Mutate("UpdateRecordType", {Status(), Status()}, [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(RecordType old, GetRecordType(t.id));
    const std::string privacy = RecordPrivacyCode(t.privacy);
    long long key = t.id;
    sql_ << "UPDATE record_types SET name = :n, description = :d, privacy = :p WHERE id = :id",
        soci::use(t.name), soci::use(t.description), soci::use(privacy), soci::use(key);
    for (const RecordTypeVersion& v : t.versions) {
      const RecordTypeVersion* was = old.Version(v.number);
      if (was == nullptr) {
        InsertVersion(sql_, key, v);
      } else if (!(*was == v)) {
        const std::string definition = EncodeRecordVersion(v);
        int number = v.number;
        sql_ << "UPDATE record_type_versions SET definition = :d WHERE type_id = :t AND "
                "number = :n",
            soci::use(definition), soci::use(key), soci::use(number);
      }
    }
    NQ_ASSIGN_OR_RETURN(RecordType now, GetRecordType(t.id));
    InsertAudit("record_type", std::to_string(t.id), "update", RecordTypeJson(old),
                RecordTypeJson(now));
    return Status::Ok();
  });
}

}  // namespace nq::store
