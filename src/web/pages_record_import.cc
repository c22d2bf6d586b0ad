// Importing a CSV file of records (/records/{code}/import, pages_records.h; the file is
// record_csv.h's).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/format.h"
#include "web/api_records.h"
#include "web/pages_records_internal.h"
#include "web/record_csv.h"
#include "web/record_write.h"
#include "web/web_auth.h"

namespace nq::web::record_pages {
namespace {

// The label of a problem's field in the current version, else what the problem named.
std::string FieldLabel(const RecordType& t, const std::string& field) {
  if (field == "org") return kOrgCodeColumn;  // the importer's name for the organization column
  const RecordTypeVersion* v = t.Current();
  const FieldDef* f = v ? v->Find(field) : nullptr;
  return f ? f->label : field;
}

Result<HttpResponse> RenderImport(const PageCall& c, const RecordType& t, int status,
                                  const std::optional<RecordImportReport>& report, bool dry_run,
                                  const std::string& file_name, const std::string& error) {
  mstch::array columns{mstch::map{{"label", std::string(kOrgCodeColumn)}, {"required", true}}};
  if (const RecordTypeVersion* v = t.Current()) {
    for (const FieldDef& f : v->fields) {
      columns.push_back(mstch::map{{"label", f.label}, {"required", f.required}});
    }
  }
  mstch::map context{{"type", TypeContext(t)},
                     {"csrf_token", c.session.csrf_token},
                     {"columns", std::move(columns)},
                     {"error", error},
                     {"dry_run", dry_run},
                     {"has_report", report.has_value()}};
  if (report) {
    mstch::array problems;
    for (const RecordImportProblem& p : report->problems) {
      problems.push_back(mstch::map{{"line", std::to_string(p.line)},
                                    {"field", FieldLabel(t, p.problem.field)},
                                    {"message", p.problem.message}});
    }
    const bool ok = report->problems.empty();
    context.emplace(
        "report",
        mstch::map{{"file_name", file_name},
                   {"rows", FormatIntVi(report->rows)},
                   {"added", FormatIntVi(report->added)},
                   {"unchanged", FormatIntVi(report->unchanged)},
                   {"ok", ok},
                   {"written", ok && !dry_run},
                   {"checked_only", ok && dry_run},
                   {"problem_count", FormatIntVi(static_cast<int64_t>(report->problems.size()))},
                   {"problems", std::move(problems)}});
  }
  return PageResponse(status, FrameFor(c, "Nhập hồ sơ — " + t.name, "records"), "record_import",
                      context);
}

}  // namespace

Result<HttpResponse> ImportPage(const PageCall& c) {
  NQ_RETURN_IF_ERROR(RequireDataEntry(c));
  NQ_ASSIGN_OR_RETURN(RecordType t, TypeFromPath(c));
  return RenderImport(c, t, 200, std::nullopt, true, "", "");
}

Result<HttpResponse> PostImport(const PageCall& c) {
  NQ_RETURN_IF_ERROR(RequireDataEntry(c));
  NQ_ASSIGN_OR_RETURN(RecordType t, TypeFromPath(c));
  const bool dry_run = !c.form.Get("dry_run").empty();
  const FormPart* file = nullptr;
  for (const FormPart& part : c.files) {
    if (part.name == "file" && !part.data.empty()) file = &part;
  }
  if (file == nullptr) {
    return RenderImport(c, t, 400, std::nullopt, dry_run, "", "Hãy chọn một tệp CSV để nhập");
  }
  RecordsCsvInput in = ReadRecordsCsv(file->data);
  if (in.rows.size() > kMaxImportRows) {
    return RenderImport(c, t, 413, std::nullopt, dry_run, file->file_name,
                        "Tệp có quá " + FormatIntVi(static_cast<int64_t>(kMaxImportRows)) +
                            " dòng; hãy chia thành nhiều tệp");
  }
  Result<RecordImportReport> report =
      ImportRecordRows(c.app(), c.principal(), t.id, in.rows, std::move(in.problems), dry_run,
                       ActorFor(c.session, c.request));
  if (!report.ok()) {
    if (report.status().code() != Code::kInvalid) return report.status();
    return RenderImport(c, t, 400, std::nullopt, dry_run, file->file_name,
                        report.status().message());
  }
  const int status = report->problems.empty() ? 200 : 422;
  return RenderImport(c, t, status, *report, dry_run, file->file_name, "");
}

}  // namespace nq::web::record_pages
