#include "cli/org_csv.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include "common/csv.h"
#include "common/utf8.h"

namespace nq::cli {
namespace {

constexpr const char* kRequiredColumns[] = {"code", "name", "kind", "parent_code"};

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string KindChoices() {
  std::string out;
  for (OrgKind k :
       {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell, OrgKind::kSubCell}) {
    out += (out.empty() ? "" : ", ") + std::string(OrgKindCode(k));
  }
  return out;
}

std::string SectorChoices() {
  std::string out;
  for (Sector s : {Sector::kNone, Sector::kStateAgency, Sector::kPublicServiceUnit,
                   Sector::kStateEnterprise, Sector::kNonStateEnterprise}) {
    out += (out.empty() ? "" : ", ") + std::string(SectorCode(s));
  }
  return out;
}

// Column name -> position in the header; the header's problem in *error.
std::map<std::string, size_t> ReadHeader(const std::vector<std::string>& cells,
                                         std::string* error) {
  CsvHeader h = ReadCsvHeader(cells, {std::begin(kOrgCsvColumns), std::end(kOrgCsvColumns)},
                              {std::begin(kRequiredColumns), std::end(kRequiredColumns)});
  switch (h.error) {
    case CsvHeader::Error::kNone:
      break;
    case CsvHeader::Error::kUnknownColumn:
      *error = "cột không được hỗ trợ: " + Quoted(h.column);
      break;
    case CsvHeader::Error::kRepeatedColumn:
      *error = "cột " + Quoted(h.column) + " xuất hiện hai lần";
      break;
    case CsvHeader::Error::kMissingColumn:
      *error = "thiếu cột bắt buộc " + Quoted(h.column);
      break;
  }
  return std::move(h.positions);
}

// Fills `row` from one data record; returns the problems of the line, "" if none.
std::string ReadRow(const std::map<std::string, size_t>& columns,
                    const std::vector<std::string>& cells, OrgService::ImportRow* row) {
  if (cells.size() != columns.size()) {
    return "có " + std::to_string(cells.size()) + " ô, cần " + std::to_string(columns.size()) +
           " ô như dòng tiêu đề";
  }
  std::vector<std::string> problems;
  auto cell = [&](const char* name) -> std::string {
    auto it = columns.find(name);
    return it == columns.end() ? std::string() : std::string(Trim(cells[it->second]));
  };
  auto count = [&](const char* name, const char* label, bool allow_negative) {
    std::optional<int> out;
    const std::string v = cell(name);
    if (v.empty()) return out;
    const int64_t low = allow_negative ? std::numeric_limits<int>::min() : 0;
    const std::optional<int64_t> n = ParseIntCell(v, low, std::numeric_limits<int>::max());
    if (!n) {
      problems.push_back(std::string(label) + " không hợp lệ: " + Quoted(v) +
                         (allow_negative ? " (cần một số nguyên)" : " (cần số nguyên không âm)"));
    } else {
      out = static_cast<int>(*n);
    }
    return out;
  };

  OrgInput& in = row->input;
  const std::string code = cell("code");
  if (code.empty()) problems.push_back("thiếu mã tổ chức (cột code)");
  in.code = code;
  if (std::string name = cell("name"); !name.empty()) in.name = std::move(name);
  if (std::string kind = cell("kind"); !kind.empty()) {
    in.kind = ParseOrgKind(kind);
    if (!in.kind) {
      problems.push_back("loại tổ chức không hợp lệ: " + Quoted(kind) +
                         " (dùng một trong: " + KindChoices() + ")");
    }
  }
  if (std::string sector = cell("sector"); !sector.empty()) {
    in.sector = ParseSector(sector);
    if (!in.sector) {
      problems.push_back("khu vực không hợp lệ: " + Quoted(sector) +
                         " (dùng một trong: " + SectorChoices() + ")");
    }
  }
  row->parent_code = cell("parent_code");
  in.members = count("members", "số đảng viên", false);
  in.workers = count("workers", "số người lao động", false);
  in.sort_order = count("sort_order", "thứ tự", true);
  if (std::string from = cell("valid_from"); !from.empty()) {
    in.valid_from = ParseDateIsoOrVi(from);
    if (!in.valid_from) {
      problems.push_back("ngày thành lập không hợp lệ: " + Quoted(from) +
                         " (dùng dạng 2020-01-31 hoặc 31/1/2020)");
    }
  }
  std::string joined;
  for (const std::string& p : problems) joined += (joined.empty() ? "" : "; ") + p;
  return joined;
}

}  // namespace

Result<std::vector<OrgService::ImportRow>> ParseOrgCsv(std::string_view text) {
  CsvData csv = ReadCsv(text);
  // (line, message) of every bad line; CSV-level errors first, merged by line below.
  std::vector<std::pair<int, std::string>> errors;
  for (CsvError& e : csv.errors) errors.emplace_back(e.line, std::move(e.message));

  std::vector<OrgService::ImportRow> rows;
  if (csv.records.empty() || (csv.errors.size() > 0 && csv.errors[0].line < csv.records[0].line)) {
    if (errors.empty()) return Status::Invalid("import.empty", "Tệp CSV trống");
    return Status::Invalid("import.bad_header",
                           "dòng " + std::to_string(errors[0].first) + ": " + errors[0].second);
  }
  std::string header_error;
  const auto columns = ReadHeader(csv.records[0].fields, &header_error);
  if (!header_error.empty()) {
    return Status::Invalid("import.bad_header", "dòng " + std::to_string(csv.records[0].line) +
                                                    " (tiêu đề): " + header_error);
  }

  std::map<std::string, int> first_line;  // code -> line where it first appears
  for (size_t r = 1; r < csv.records.size(); ++r) {
    const CsvRecord& rec = csv.records[r];
    OrgService::ImportRow row;
    row.line = rec.line;
    std::string problem = ReadRow(columns, rec.fields, &row);
    const std::string code = row.input.code.value_or("");
    if (!code.empty()) {
      auto [it, fresh] = first_line.emplace(code, rec.line);
      if (!fresh) {
        problem += (problem.empty() ? "" : "; ") + std::string("mã ") + code + " trùng với dòng " +
                   std::to_string(it->second);
      }
    }
    if (!problem.empty()) {
      errors.emplace_back(rec.line, std::move(problem));
    } else {
      rows.push_back(std::move(row));
    }
  }
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string message =
        "Tệp CSV có " + std::to_string(errors.size()) + " dòng lỗi; chưa nhập dòng nào:";
    for (const auto& [line, msg] : errors) message += "\ndòng " + std::to_string(line) + ": " + msg;
    return Status::Invalid("import.bad_rows", message);
  }
  if (rows.empty()) return Status::Invalid("import.empty", "Tệp CSV không có dòng dữ liệu nào");
  return rows;
}

std::string WriteOrgCsv(const OrgTree& tree) {
  std::string out(kUtf8Bom);
  out += CsvLine(std::vector<std::string>(std::begin(kOrgCsvColumns), std::end(kOrgCsvColumns)));
  for (size_t i = 0; i < tree.size(); ++i) {
    const Organization& org = tree.At(static_cast<int>(i));
    std::string parent_code;
    if (org.parent_id) {
      const Organization* parent = tree.Find(*org.parent_id);
      if (parent != nullptr) parent_code = parent->code;
    }
    out += CsvLine({org.code, org.name, OrgKindCode(org.kind), SectorCode(org.sector), parent_code,
                    std::to_string(org.members), std::to_string(org.workers),
                    FormatIso(org.valid_from), std::to_string(org.sort_order)});
  }
  return out;
}

}  // namespace nq::cli
