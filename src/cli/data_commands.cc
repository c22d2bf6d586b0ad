// `nqtrack import values`, `import resolution`, `export resolution` and `assess`
// (formats: docs/formats.md).
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "cli/text_table.h"
#include "cli/values_csv.h"
#include "common/format.h"
#include "service/resolution_bundle.h"
#include "web/resolution_file.h"

namespace nq::cli {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Progress on stderr for large files: a line every 10% (files of 10,000 rows or more).
std::function<void(int, int)> ProgressPrinter(Io& io) {
  auto last = std::make_shared<int>(-1);
  return [&io, last](int done, int total) {
    if (total < 10000) return;
    const int tenth = static_cast<int>(int64_t{done} * 10 / total);
    if (tenth == *last) return;
    *last = tenth;
    io.err << "… " << FormatIntVi(done) << "/" << FormatIntVi(total) << " dòng\n" << std::flush;
  };
}

std::string Cell(const std::optional<double>& v, const std::string& unit) {
  if (!v) return "—";
  return FormatNumberVi(*v, 1) + (unit == "%" ? "%" : "");
}

std::string AssessmentTable(const analytics::ResolutionResult& r, const std::string& title) {
  std::string out = title + "\n" + r.headline + " (tính đến ngày " + FormatVi(r.as_of) + ")\n\n";
  TextTable table({"Mã", "Loại", "Chỉ tiêu", "Thực hiện", "Kỳ vọng", "Dự báo", "Tình trạng"});
  for (const analytics::TargetResult& t : r.targets) {
    const analytics::TargetAssessment& a = t.assessment;
    std::string target = FormatNumberVi(a.target_value, 1);
    if (a.target_high) target += "–" + FormatNumberVi(*a.target_high, 1);
    if (t.target.unit == "%") target += "%";
    table.AddRow({t.target.code, TargetKindCode(t.target.kind), target,
                  Cell(a.actual, t.target.unit), Cell(a.expected, t.target.unit),
                  Cell(a.projection, t.target.unit),
                  std::string(analytics::TargetStatusLabel(a.status)) +
                      (a.estimate ? " (ước đạt)" : "")});
  }
  out += table.Render() + "\n";
  for (const analytics::TargetResult& t : r.targets) {
    out += t.target.code + ": " +
           (t.error.empty() ? t.assessment.explanation : t.error) + "\n";
  }
  for (const analytics::BucketCount& b : r.buckets) {
    out += "Đạt từ " + FormatNumberVi(b.threshold, 1) + "% trở lên: " + std::to_string(b.count) +
           "/" + std::to_string(r.total) + " mục tiêu\n";
  }
  return out;
}

}  // namespace

void DefineImportValues(CLI::App& sub, Args& a) {
  sub.add_option("FILE", a.file,
                 "CSV (header org,element,period,value[,estimate,comment]) or JSON file; "
                 "\"-\" reads CSV from stdin")
      ->required();
}

int RunImportValues(const Args& a, Io& io) {
  Result<std::string> text = ReadInputFile(a.file, io);
  if (!text.ok()) return Fail(io, text.status());
  Result<std::vector<ValueRow>> rows =
      EndsWith(a.file, ".json") ? web::ParseValuesJson(*text) : ParseValuesCsv(*text);
  if (!rows.ok()) return Fail(io, rows.status());
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  Result<ImportSummary> summary =
      (*app)->data().ImportValues(nullptr, *rows, CliActor(), ProgressPrinter(io));
  if (!summary.ok()) return Fail(io, summary.status());
  if (!summary->errors.empty()) {
    io.err << "Lỗi: tệp có " << summary->errors.size()
           << " dòng không hợp lệ; chưa nhập dòng nào:\n";
    for (const ImportError& e : summary->errors) {
      io.err << "dòng " << e.line << ": " << e.message << "\n";
    }
    return kExitFailure;
  }
  io.out << "Đã nhập " << FormatIntVi(summary->rows) << " dòng: " << FormatIntVi(summary->inserted)
         << " giá trị mới, " << FormatIntVi(summary->updated) << " giá trị thay đổi, "
         << FormatIntVi(summary->unchanged) << " giá trị giữ nguyên\n";
  return kExitOk;
}

void DefineImportResolution(CLI::App& sub, Args& a) {
  sub.add_option("FILE", a.file, "Resolution JSON file (docs/formats.md)")->required();
}

int RunImportResolution(const Args& a, Io& io) {
  Result<std::string> text = ReadInputFile(a.file, io);
  if (!text.ok()) return Fail(io, text.status());
  Result<ResolutionBundle> bundle = web::ParseResolutionFile(*text);
  if (!bundle.ok()) return Fail(io, bundle.status());
  auto app = OpenApp(a.db, 1, false);
  if (!app.ok()) return Fail(io, app.status());
  Result<BundleImportSummary> s = ImportBundle(**app, *bundle, CliActor(), ProgressPrinter(io));
  if (!s.ok()) return Fail(io, s.status());
  if (!s->values.errors.empty()) {
    io.err << "Lỗi: số liệu có " << s->values.errors.size()
           << " giá trị không hợp lệ; chưa nhập giá trị nào:\n";
    for (const ImportError& e : s->values.errors) {
      io.err << "values[" << e.line - 1 << "]: " << e.message << "\n";
    }
    return kExitFailure;
  }
  PrintProgressKept(io, s->assigned_tasks);
  io.out << "Đã nhập nghị quyết " << bundle->resolution.number << " (mã số " << s->resolution_id
         << "): " << s->organizations << " tổ chức mới, " << s->elements
         << " chỉ tiêu báo cáo mới, " << s->data_sets << " biểu mẫu mới, " << s->targets
         << " mục tiêu, " << s->tasks
         << " nhiệm vụ đột phá, trọng tâm; nhiệm vụ được giao: " << s->assigned_tasks.created
         << " mới, " << s->assigned_tasks.updated << " thay đổi, " << s->assigned_tasks.unchanged
         << " giữ nguyên; số liệu: " << FormatIntVi(s->values.inserted) << " mới, "
         << FormatIntVi(s->values.updated) << " thay đổi, " << FormatIntVi(s->values.unchanged)
         << " giữ nguyên\n";
  return kExitOk;
}

void DefineExportResolution(CLI::App& sub, Args& a) {
  sub.add_option("ID", a.resolution_id, "Resolution id")->required();
  sub.add_option("-o,--output", a.output, "Write to this file instead of stdout");
}

int RunExportResolution(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  Result<ResolutionBundle> b = ExportBundleAsSystem(**app, a.resolution_id);
  if (!b.ok()) return Fail(io, b.status());
  return EmitOutput(a, io, web::WriteResolutionFile(*b));
}

void DefineAssess(CLI::App& sub, Args& a) {
  sub.add_option("--file", a.file, "Resolution JSON file (no database needed)");
  sub.add_option("--resolution", a.resolution_id, "Resolution id in the database (with --db)");
  sub.add_option("--as-of", a.as_of, "Assessment date YYYY-MM-DD (default: today)");
  sub.add_option("--org", a.org_code, "Assess the subtree of this organization code");
  sub.add_option("--format", a.format, "Output: table or json")
      ->check(CLI::IsMember({"table", "json"}));
  sub.add_option("-o,--output", a.output, "Write to this file instead of stdout");
}

int RunAssess(const Args& a, Io& io) {
  Result<Date> as_of_date = AsOfDate(a);
  if (!as_of_date.ok()) return UsageError(io, as_of_date.status().message());
  const Date as_of = *as_of_date;
  if (a.file.empty() == (a.resolution_id == 0)) {
    return UsageError(io, "cần đúng một trong hai: --file TỆP hoặc --resolution MÃ (với --db)");
  }
  analytics::ResolutionResult result;
  Resolution resolution;
  std::string org_code = a.org_code;
  std::string org_name;
  if (!a.file.empty()) {
    Result<std::string> text = ReadInputFile(a.file, io);
    if (!text.ok()) return Fail(io, text.status());
    Result<ResolutionBundle> bundle = web::ParseResolutionFile(*text);
    if (!bundle.ok()) return Fail(io, bundle.status());
    Result<analytics::ResolutionResult> r = AssessBundle(*bundle, as_of, a.org_code);
    if (!r.ok()) return Fail(io, r.status());
    result = std::move(*r);
    resolution = bundle->resolution;
    if (org_code.empty()) org_code = bundle->committee_code;
    for (const BundleOrg& o : bundle->organizations) {
      if (o.org.code == org_code) org_name = o.org.name;
    }
  } else {
    auto app = OpenApp(a.db, 1, true);
    if (!app.ok()) return Fail(io, app.status());
    Result<ResolutionDashboard> d = AssessInDatabase(**app, a.resolution_id, as_of, a.org_code);
    if (!d.ok()) return Fail(io, d.status());
    result = std::move(d->result);
    resolution = d->plan.resolution;
    org_code = d->root.code;
    org_name = d->root.name;
  }
  if (a.format == "json") {
    return EmitOutput(a, io, web::AssessmentJsonText(result, resolution, org_code, org_name));
  }
  return EmitOutput(a, io, AssessmentTable(result, resolution.number + " — " + org_name));
}

}  // namespace nq::cli
