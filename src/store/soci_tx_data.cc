// SociTx: data elements (chỉ tiêu báo cáo) and data sets (biểu mẫu báo cáo) with their ordered
// parts: an element's categories; a set's elements, reporting kinds and validation rules.
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <string>

#include "store/data_audit_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

// --- rows --------------------------------------------------------------------------------------

constexpr char kElementSelect[] =
    "SELECT id, code, name, short_name, value_type, period_type, org_aggregation, "
    "time_aggregation, min_value, max_value, unit, description FROM data_elements ";

struct ElementRow {
  long long id = 0;
  std::string code, name, short_name, value_type, period_type, org_aggregation, time_aggregation;
  double min = 0, max = 0;
  soci::indicator min_ind = soci::i_ok, max_ind = soci::i_ok;
  std::string unit, description;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(name));
    st.exchange(soci::into(short_name));
    st.exchange(soci::into(value_type));
    st.exchange(soci::into(period_type));
    st.exchange(soci::into(org_aggregation));
    st.exchange(soci::into(time_aggregation));
    st.exchange(soci::into(min, min_ind));
    st.exchange(soci::into(max, max_ind));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(description));
  }

  Result<DataElement> ToElement() const {
    std::optional<ValueType> t = ParseValueType(value_type);
    std::optional<PeriodType> p = ParsePeriodType(period_type);
    std::optional<OrgAggregation> oa = ParseOrgAggregation(org_aggregation);
    std::optional<TimeAggregation> ta = ParseTimeAggregation(time_aggregation);
    if (!t || !p || !oa || !ta) return Corrupt("data_elements", id);
    DataElement e;
    e.id = id;
    e.code = code;
    e.name = name;
    e.short_name = short_name;
    e.type = *t;
    e.period_type = *p;
    e.org_aggregation = *oa;
    e.time_aggregation = *ta;
    if (min_ind == soci::i_ok) e.min = min;
    if (max_ind == soci::i_ok) e.max = max;
    e.unit = unit;
    e.description = description;
    return e;
  }
};

// The values of an element as SOCI binds them.
struct ElementParams {
  explicit ElementParams(const DataElement& e)
      : id(e.id),
        value_type(ValueTypeCode(e.type)),
        period_type(PeriodTypeCode(e.period_type)),
        org_aggregation(OrgAggregationCode(e.org_aggregation)),
        time_aggregation(TimeAggregationCode(e.time_aggregation)),
        min(e.min.value_or(0)),
        min_ind(e.min ? soci::i_ok : soci::i_null),
        max(e.max.value_or(0)),
        max_ind(e.max ? soci::i_ok : soci::i_null) {}
  long long id;
  std::string value_type, period_type, org_aggregation, time_aggregation;
  double min;
  soci::indicator min_ind;
  double max;
  soci::indicator max_ind;
};

constexpr char kSetSelect[] = "SELECT id, code, name, period_type, deadline_days FROM data_sets ";

struct SetRow {
  long long id = 0;
  std::string code, name, period_type;
  int deadline_days = 0;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(name));
    st.exchange(soci::into(period_type));
    st.exchange(soci::into(deadline_days));
  }

  Result<DataSet> ToSet() const {
    std::optional<PeriodType> p = ParsePeriodType(period_type);
    if (!p) return Corrupt("data_sets", id);
    DataSet s;
    s.id = id;
    s.code = code;
    s.name = name;
    s.period_type = *p;
    s.deadline_days = deadline_days;
    return s;
  }
};

WriteErrors ElementErrors(const DataElement& e) {
  return {Status::Conflict("element.code_taken", "Mã chỉ tiêu '" + e.code + "' đã tồn tại"),
          Status()};
}

WriteErrors SetErrors(const DataSet& s) {
  return {Status::Conflict("dataset.code_taken", "Mã biểu mẫu '" + s.code + "' đã tồn tại"),
          Status::Invalid("dataset.element_unknown",
                          "Biểu mẫu '" + s.code + "' có chỉ tiêu không tồn tại")};
}

// " WHERE <column> = <id>" for one id, "" for all (ids are numbers: safe to write inline).
std::string WhereId(const char* column, std::optional<int64_t> id) {
  return id ? std::string(" WHERE ") + column + " = " + std::to_string(*id) : std::string();
}

// Fills the categories of `elements` (all of them, or the one whose id is `only`).
void LoadCategories(soci::session& sql, std::optional<int64_t> only,
                    std::vector<DataElement>* elements) {
  std::map<long long, DataElement*> by_id;
  for (DataElement& e : *elements) by_id[e.id] = &e;
  long long element_id = 0;
  std::string code;
  soci::statement stmt =
      (sql.prepare << "SELECT element_id, code FROM data_element_categories" +
                          WhereId("element_id", only) + " ORDER BY element_id, position",
       soci::into(element_id), soci::into(code));
  stmt.execute(false);
  while (stmt.fetch()) {
    auto it = by_id.find(element_id);
    if (it != by_id.end()) it->second->categories.push_back(code);
  }
}

void WriteCategories(soci::session& sql, const DataElement& e) {
  long long id = e.id;
  sql << "DELETE FROM data_element_categories WHERE element_id = :id", soci::use(id);
  for (size_t i = 0; i < e.categories.size(); ++i) {
    int position = static_cast<int>(i);
    sql << "INSERT INTO data_element_categories (element_id, position, code) VALUES (:e, :p, :c)",
        soci::use(id), soci::use(position), soci::use(e.categories[i]);
  }
}

// Fills the elements, kinds and rules of `sets` (all of them, or the one whose id is `only`).
// Returns false when a stored kind does not read back (its set id in *bad).
bool LoadSetParts(soci::session& sql, std::optional<int64_t> only, std::vector<DataSet>* sets,
                  long long* bad) {
  std::map<long long, DataSet*> by_id;
  for (DataSet& s : *sets) by_id[s.id] = &s;
  const std::string where = WhereId("data_set_id", only);
  long long set_id = 0;
  {
    long long element_id = 0;
    soci::statement stmt = (sql.prepare << "SELECT data_set_id, element_id FROM data_set_elements" +
                                               where + " ORDER BY data_set_id, position",
                            soci::into(set_id), soci::into(element_id));
    stmt.execute(false);
    while (stmt.fetch()) {
      auto it = by_id.find(set_id);
      if (it != by_id.end()) it->second->element_ids.push_back(element_id);
    }
  }
  bool ok = true;
  {
    std::string kind;
    soci::statement stmt = (sql.prepare << "SELECT data_set_id, kind FROM data_set_kinds" + where +
                                               " ORDER BY data_set_id, position",
                            soci::into(set_id), soci::into(kind));
    stmt.execute(false);
    while (stmt.fetch()) {
      auto it = by_id.find(set_id);
      if (it == by_id.end()) continue;
      std::optional<OrgKind> k = ParseOrgKind(kind);
      if (!k && ok) {
        ok = false;
        *bad = set_id;
      }
      if (k) it->second->reporting_kinds.push_back(*k);
    }
  }
  {
    ValidationRule rule;
    soci::statement stmt =
        (sql.prepare << "SELECT data_set_id, code, condition_text, message FROM data_set_rules" +
                            where + " ORDER BY data_set_id, position",
         soci::into(set_id), soci::into(rule.code), soci::into(rule.condition),
         soci::into(rule.message));
    stmt.execute(false);
    while (stmt.fetch()) {
      auto it = by_id.find(set_id);
      if (it != by_id.end()) it->second->rules.push_back(rule);
    }
  }
  return ok;
}

// Replaces the parts of set s (whose id is set). Invalid "dataset.element_unknown" naming the
// first element id that is not stored; throws on database errors.
Status WriteSetParts(soci::session& sql, const DataSet& s) {
  for (int64_t element : s.element_ids) {
    long long id = element;
    int count = 0;
    sql << "SELECT COUNT(*) FROM data_elements WHERE id = :id", soci::use(id), soci::into(count);
    if (count == 0) {
      return Status::Invalid(
          "dataset.element_unknown",
          "Chỉ tiêu (mã số " + std::to_string(element) + ") của biểu mẫu không tồn tại");
    }
  }
  long long set_id = s.id;
  sql << "DELETE FROM data_set_elements WHERE data_set_id = :id", soci::use(set_id);
  sql << "DELETE FROM data_set_kinds WHERE data_set_id = :id", soci::use(set_id);
  sql << "DELETE FROM data_set_rules WHERE data_set_id = :id", soci::use(set_id);
  for (size_t i = 0; i < s.element_ids.size(); ++i) {
    int position = static_cast<int>(i);
    long long element_id = s.element_ids[i];
    sql << "INSERT INTO data_set_elements (data_set_id, position, element_id) "
           "VALUES (:s, :p, :e)",
        soci::use(set_id), soci::use(position), soci::use(element_id);
  }
  for (size_t i = 0; i < s.reporting_kinds.size(); ++i) {
    int position = static_cast<int>(i);
    std::string kind = OrgKindCode(s.reporting_kinds[i]);
    sql << "INSERT INTO data_set_kinds (data_set_id, position, kind) VALUES (:s, :p, :k)",
        soci::use(set_id), soci::use(position), soci::use(kind);
  }
  for (size_t i = 0; i < s.rules.size(); ++i) {
    int position = static_cast<int>(i);
    const ValidationRule& r = s.rules[i];
    sql << "INSERT INTO data_set_rules (data_set_id, position, code, condition_text, message) "
           "VALUES (:s, :p, :c, :t, :m)",
        soci::use(set_id), soci::use(position), soci::use(r.code), soci::use(r.condition),
        soci::use(r.message);
  }
  return Status::Ok();
}

}  // namespace

// --- data elements
// -----------------------------------------------------------------------------------

Result<std::vector<DataElement>> SociTx::ListDataElements() {
  std::vector<DataElement> out;
  Status st = Read("ListDataElements", [&]() -> Status {
    const long long* all = nullptr;
    NQ_RETURN_IF_ERROR(QueryRows<ElementRow>(sql_, kElementSelect, all, &ElementRow::ToElement,
                                             [&](DataElement e) { out.push_back(std::move(e)); }));
    LoadCategories(sql_, std::nullopt, &out);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // Sorted here, byte-wise, so that both backends agree whatever the database's collation.
  std::sort(out.begin(), out.end(),
            [](const DataElement& a, const DataElement& b) { return a.code < b.code; });
  return out;
}

Result<DataElement> SociTx::GetDataElement(int64_t id) {
  std::vector<DataElement> found;
  Status st = Read("GetDataElement", [&]() -> Status {
    long long key = id;
    NQ_RETURN_IF_ERROR(QueryRows<ElementRow>(
        sql_, std::string(kElementSelect) + "WHERE id = :id", &key, &ElementRow::ToElement,
        [&](DataElement e) { found.push_back(std::move(e)); }));
    if (!found.empty()) LoadCategories(sql_, id, &found);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (found.empty()) {
    return Status::NotFound("element.not_found",
                            "Không tìm thấy chỉ tiêu (mã số " + std::to_string(id) + ")");
  }
  return std::move(found[0]);
}

Result<int64_t> SociTx::InsertDataElement(const DataElement& e) {
  int64_t new_id = 0;
  Status st = Mutate("InsertDataElement", ElementErrors(e), [&] {
    ElementParams p(e);
    long long id = 0;
    sql_ << "INSERT INTO data_elements (code, name, short_name, value_type, period_type, "
            "org_aggregation, time_aggregation, min_value, max_value, unit, description) "
            "VALUES (:c, :n, :sn, :vt, :pt, :oa, :ta, :mi, :ma, :u, :d) RETURNING id",
        soci::use(e.code), soci::use(e.name), soci::use(e.short_name), soci::use(p.value_type),
        soci::use(p.period_type), soci::use(p.org_aggregation), soci::use(p.time_aggregation),
        soci::use(p.min, p.min_ind), soci::use(p.max, p.max_ind), soci::use(e.unit),
        soci::use(e.description), soci::into(id);
    DataElement stored = e;
    stored.id = id;
    WriteCategories(sql_, stored);
    InsertAudit("data_element", std::to_string(id), "create", "", DataElementJson(stored));
    new_id = id;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateDataElement(const DataElement& e) {
  return Mutate("UpdateDataElement", ElementErrors(e), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(DataElement old, GetDataElement(e.id));
    ElementParams p(e);
    sql_ << "UPDATE data_elements SET code = :c, name = :n, short_name = :sn, value_type = :vt, "
            "period_type = :pt, org_aggregation = :oa, time_aggregation = :ta, min_value = :mi, "
            "max_value = :ma, unit = :u, description = :d WHERE id = :id",
        soci::use(e.code), soci::use(e.name), soci::use(e.short_name), soci::use(p.value_type),
        soci::use(p.period_type), soci::use(p.org_aggregation), soci::use(p.time_aggregation),
        soci::use(p.min, p.min_ind), soci::use(p.max, p.max_ind), soci::use(e.unit),
        soci::use(e.description), soci::use(p.id);
    WriteCategories(sql_, e);
    InsertAudit("data_element", std::to_string(e.id), "update", DataElementJson(old),
                DataElementJson(e));
    return Status::Ok();
  });
}

// --- data sets
// ---------------------------------------------------------------------------------------

Result<std::vector<DataSet>> SociTx::ListDataSets() {
  std::vector<DataSet> out;
  Status st = Read("ListDataSets", [&]() -> Status {
    const long long* all = nullptr;
    NQ_RETURN_IF_ERROR(QueryRows<SetRow>(sql_, kSetSelect, all, &SetRow::ToSet,
                                         [&](DataSet s) { out.push_back(std::move(s)); }));
    long long bad = 0;
    if (!LoadSetParts(sql_, std::nullopt, &out, &bad)) return Corrupt("data_set_kinds", bad);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::sort(out.begin(), out.end(),
            [](const DataSet& a, const DataSet& b) { return a.code < b.code; });
  return out;
}

Result<DataSet> SociTx::GetDataSet(int64_t id) {
  std::vector<DataSet> found;
  Status st = Read("GetDataSet", [&]() -> Status {
    long long key = id;
    NQ_RETURN_IF_ERROR(QueryRows<SetRow>(sql_, std::string(kSetSelect) + "WHERE id = :id", &key,
                                         &SetRow::ToSet,
                                         [&](DataSet s) { found.push_back(std::move(s)); }));
    long long bad = 0;
    if (!found.empty() && !LoadSetParts(sql_, id, &found, &bad)) {
      return Corrupt("data_set_kinds", bad);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (found.empty()) {
    return Status::NotFound("dataset.not_found",
                            "Không tìm thấy biểu mẫu báo cáo (mã số " + std::to_string(id) + ")");
  }
  return std::move(found[0]);
}

Result<int64_t> SociTx::InsertDataSet(const DataSet& s) {
  int64_t new_id = 0;
  Status st = Mutate("InsertDataSet", SetErrors(s), [&]() -> Status {
    std::string period_type = PeriodTypeCode(s.period_type);
    long long id = 0;
    sql_ << "INSERT INTO data_sets (code, name, period_type, deadline_days) "
            "VALUES (:c, :n, :p, :d) RETURNING id",
        soci::use(s.code), soci::use(s.name), soci::use(period_type), soci::use(s.deadline_days),
        soci::into(id);
    DataSet stored = s;
    stored.id = id;
    NQ_RETURN_IF_ERROR(WriteSetParts(sql_, stored));
    InsertAudit("data_set", std::to_string(id), "create", "", DataSetJson(stored));
    new_id = id;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return new_id;
}

Status SociTx::UpdateDataSet(const DataSet& s) {
  return Mutate("UpdateDataSet", SetErrors(s), [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(DataSet old, GetDataSet(s.id));
    std::string period_type = PeriodTypeCode(s.period_type);
    long long id = s.id;
    sql_ << "UPDATE data_sets SET code = :c, name = :n, period_type = :p, deadline_days = :d "
            "WHERE id = :id",
        soci::use(s.code), soci::use(s.name), soci::use(period_type), soci::use(s.deadline_days),
        soci::use(id);
    NQ_RETURN_IF_ERROR(WriteSetParts(sql_, s));
    InsertAudit("data_set", std::to_string(s.id), "update", DataSetJson(old), DataSetJson(s));
    return Status::Ok();
  });
}

}  // namespace nq::store
