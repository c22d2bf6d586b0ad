#include "web/record_csv.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "common/csv.h"
#include "common/utf8.h"

namespace nq::web {
namespace {

RecordImportProblem FileProblem(int line, std::string field, std::string key, std::string message) {
  RecordImportProblem p;
  p.line = line;
  p.problem.field = std::move(field);
  p.problem.key = std::move(key);
  p.problem.message = std::move(message);
  return p;
}

// A value as written: what a person reads, an organization by its code.
std::string CellText(const FieldDef& f, const FieldValue& v, const OrgTree& tree) {
  if (const OrgRef* org = std::get_if<OrgRef>(&v)) {
    const Organization* o = tree.Find(org->id);
    if (o != nullptr) return o->code;
  }
  return FormatFieldValue(f, v);
}

}  // namespace

std::string RecordsCsv(const RecordType& t, const std::vector<Record>& records,
                       const OrgTree& tree) {
  std::string out(kUtf8Bom);
  const RecordTypeVersion* current = t.Current();
  std::vector<std::string> header{kOrgCodeColumn, kOrgNameColumn};
  if (current != nullptr) {
    for (const FieldDef& f : current->fields) header.push_back(f.label);
  }
  out += CsvLine(header);
  for (const Record& r : records) {
    const Organization* org = tree.Find(r.org_id);
    std::vector<std::string> cells{org ? org->code : std::to_string(r.org_id),
                                   org ? org->name : std::string()};
    if (current != nullptr) {
      for (const FieldDef& f : current->fields) {
        const auto it = r.values.find(f.code);
        cells.push_back(it == r.values.end() ? std::string() : CellText(f, it->second, tree));
      }
    }
    out += CsvLine(cells);
  }
  return out;
}

RecordsCsvInput ReadRecordsCsv(std::string_view text) {
  RecordsCsvInput in;
  CsvData data = ReadCsv(text);
  for (const CsvError& e : data.errors) {
    in.problems.push_back(FileProblem(e.line, "", "csv.malformed", e.message));
  }
  if (data.records.empty()) {
    if (data.errors.empty()) {
      in.problems.push_back(
          FileProblem(1, "", "csv.empty", "Tệp không có dòng tiêu đề (tên các cột)"));
    }
    return in;
  }
  const CsvRecord& head = data.records.front();
  std::vector<std::string> names;
  std::set<std::string> seen;
  bool has_code_column = false;
  for (const std::string& raw : head.fields) {
    std::string name(Trim(raw));
    if (!name.empty() && !seen.insert(name).second) {
      in.problems.push_back(FileProblem(head.line, name, "csv.duplicate_column",
                                        "Cột \"" + name + "\" có hai lần trong dòng tiêu đề"));
    }
    if (name == kOrgCodeColumn) has_code_column = true;
    names.push_back(std::move(name));
  }
  for (size_t i = 1; i < data.records.size(); ++i) {
    const CsvRecord& rec = data.records[i];
    if (rec.fields.size() > names.size()) {
      in.problems.push_back(FileProblem(rec.line, "", "csv.extra_cells",
                                        "Dòng có " + std::to_string(rec.fields.size()) +
                                            " ô, nhiều hơn " + std::to_string(names.size()) +
                                            " cột của dòng tiêu đề"));
      continue;
    }
    RecordImportRow row;
    row.line = rec.line;
    for (size_t c = 0; c < names.size(); ++c) {
      if (names[c].empty() && (c >= rec.fields.size() || Trim(rec.fields[c]).empty())) continue;
      if (has_code_column && names[c] == kOrgNameColumn) continue;
      row.cells[names[c]] = c < rec.fields.size() ? rec.fields[c] : std::string();
    }
    in.rows.push_back(std::move(row));
  }
  return in;
}

std::string RecordsFileName(const RecordType& t, std::string_view extension) {
  return "ho-so-" + t.code + "." + std::string(extension);
}

}  // namespace nq::web
