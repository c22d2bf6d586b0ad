// `nqtrack import tasks` and `nqtrack export tasks` (formats: docs/formats.md, "Tasks CSV" and
// "Tasks file").
#include <ostream>
#include <string>
#include <vector>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "cli/tasks_csv.h"
#include "common/format.h"
#include "service/resolution_bundle.h"
#include "web/resolution_file.h"

namespace nq::cli {
namespace {

// The tasks of `number` in a JSON file (a tasks file or a resolution file).
Result<std::vector<BundleTask>> TasksOfJson(const std::string& text, const std::string& number) {
  NQ_ASSIGN_OR_RETURN(std::vector<ResolutionTasks> all, web::ParseTasksFile(text));
  std::string others;
  for (ResolutionTasks& r : all) {
    if (r.resolution.number == number) return std::move(r.tasks);
    others += (others.empty() ? "" : ", ") + r.resolution.number;
  }
  return Status::Invalid(
      "tasks.other_resolution",
      "Tệp không có nhiệm vụ của nghị quyết " + number +
          (others.empty() ? "" : " (tệp có nhiệm vụ của nghị quyết " + others + ")"));
}

// The resolution file's tasks, checked as ValidateBundle checks them (StateAsOf needs valid tasks).
Result<std::vector<ResolutionTasks>> TasksOfResolutionFile(const std::string& file, Io& io) {
  NQ_ASSIGN_OR_RETURN(std::string text, ReadInputFile(file, io));
  NQ_ASSIGN_OR_RETURN(ResolutionBundle b, web::ParseResolutionFile(text));
  NQ_RETURN_IF_ERROR(ValidateBundle(b));
  return std::vector<ResolutionTasks>{{b.resolution, b.assigned_tasks}};
}

}  // namespace

void PrintProgressKept(Io& io, const TaskImportSummary& s) {
  if (s.progress_kept.empty()) return;
  io.err << "Lưu ý: " << s.progress_kept.size()
         << " nhiệm vụ đã có trong cơ sở dữ liệu với tiến độ khác tệp; giữ tiến độ đã báo cáo "
            "(tiến độ cập nhật bằng báo cáo tiến độ):\n";
  for (const std::string& task : s.progress_kept) io.err << "  " << task << "\n";
}

void DefineImportTasks(CLI::App& sub, Args& a) {
  sub.add_option("FILE", a.file,
                 "Tasks CSV (columns ma,ten,don_vi_chu_tri,ngay_giao,han,dinh_ky,san_pham,... — "
                 "docs/formats.md) or JSON (a tasks file or a resolution file); \"-\" reads CSV "
                 "from stdin")
      ->required();
  sub.add_option("--resolution", a.resolution_id, "Resolution id the tasks belong to")->required();
}

int RunImportTasks(const Args& a, Io& io) {
  Result<std::string> text = ReadInputFile(a.file, io);
  if (!text.ok()) return Fail(io, text.status());
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  // The resolution's number: what a JSON file's tasks and the CSV's nghi_quyet are matched with.
  Result<ResolutionDetail> resolution = (*app)->plans().GetResolutionAsSystem(a.resolution_id);
  if (!resolution.ok()) return Fail(io, resolution.status());
  const std::string number = resolution->resolution.number;
  Result<std::vector<BundleTask>> tasks =
      a.file.ends_with(".json") ? TasksOfJson(*text, number) : ParseTasksCsv(*text, number);
  if (!tasks.ok()) return Fail(io, tasks.status());
  io.err << "Đang nhập " << FormatIntVi(static_cast<int64_t>(tasks->size()))
         << " nhiệm vụ vào nghị quyết " << number << "…\n";
  Result<TaskImportSummary> s = ImportTasks(**app, a.resolution_id, *tasks, CliActor());
  if (!s.ok()) return Fail(io, s.status());
  PrintProgressKept(io, *s);
  io.out << "Đã nhập " << tasks->size() << " nhiệm vụ: " << s->created << " nhiệm vụ mới, "
         << s->updated << " thay đổi, " << s->unchanged << " giữ nguyên\n";
  return kExitOk;
}

void DefineExportTasks(CLI::App& sub, Args& a) {
  sub.add_option("--resolution", a.resolution_id,
                 "Only this resolution's tasks (default: every resolution's)");
  sub.add_option("--file", a.file, "Read the tasks of a resolution JSON file (no database)");
  sub.add_option("--as-of", a.as_of, "Date of the states YYYY-MM-DD (default: today)");
  sub.add_option("--format", a.tasks_format,
                 "Output: csv (columns of import tasks + trang_thai) "
                 "or json (docs/formats.md, tasks file)")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  sub.add_option("-o,--output", a.output, "Write to this file instead of stdout");
}

int RunExportTasks(const Args& a, Io& io) {
  Result<Date> as_of = AsOfDate(a);
  if (!as_of.ok()) return UsageError(io, as_of.status().message());
  if (!a.file.empty() && a.resolution_id != 0) {
    return UsageError(io, "--file và --resolution không dùng cùng nhau");
  }
  auto read = [&]() -> Result<std::vector<ResolutionTasks>> {
    if (!a.file.empty()) return TasksOfResolutionFile(a.file, io);
    NQ_ASSIGN_OR_RETURN(auto app, OpenApp(a.db, 1, true));
    return ExportTasksAsSystem(
        *app, a.resolution_id == 0 ? std::nullopt : std::optional<int64_t>(a.resolution_id));
  };
  Result<std::vector<ResolutionTasks>> tasks = read();
  if (!tasks.ok()) return Fail(io, tasks.status());
  return EmitOutput(a, io,
                    a.tasks_format == "json" ? web::WriteTasksFile(*tasks, *as_of)
                                             : WriteTasksCsv(*tasks, *as_of));
}

}  // namespace nq::cli
