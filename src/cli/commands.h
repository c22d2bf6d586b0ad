// The sub-commands of nqtrack and what they share. Internal to cli/.
//
// Each command is a pair of functions: `define` adds its options to the CLI11 sub-command, bound
// to fields of one Args (which outlives parsing), and `run` does the work through service/ and
// returns an exit code (cli.h). `run` reports an expected failure by printing it on io.err and
// returning kExitFailure; it lets exceptions escape to cli::Main.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "cli/cli.h"
#include "common/status.h"
#include "common/time.h"
#include "domain/org_tree.h"
#include "service/app.h"
#include "service/resolution_bundle.h"
#include "store/database.h"

namespace CLI {
class App;
}

namespace nq::cli {

// Default database of every command: the embedded SQLite file.
inline constexpr const char* kDefaultDb = "sqlite:var/nqtrack.db";

// Every option of every command; a command reads only its own.
struct Args {
  std::string db = kDefaultDb;
  std::string log_level = "info";
  // init
  std::string admin_password;
  std::string root_code;
  std::string root_name;
  // demo
  bool force = false;
  // serve
  std::string address = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  bool behind_tls = false;
  // user
  std::string username;
  std::string full_name;
  std::string role;
  std::string board;  // user add: the committee board (domain/user.h BoardCode)
  std::string org_code;
  std::string password;
  // import / export
  std::string file;
  std::string output;
  // assess, export resolution
  int64_t resolution_id = 0;
  std::string as_of;
  std::string format = "table";
  // export tasks
  std::string tasks_format = "csv";
  // review
  std::string review_kind = "midterm";
  std::string place;
  std::string superior_body;
};

struct Command {
  const char* group;  // "user", "import", "export", or nullptr for a top-level command
  const char* name;
  const char* help;  // one line, Vietnamese-friendly English as in the README
  void (*define)(CLI::App& sub, Args& args);
  int (*run)(const Args& args, Io& io);
};

// --- shared helpers (commands.cc) ----------------------------------------------------------------

// Prints "Lỗi: <message>" on io.err and returns kExitFailure.
int Fail(Io& io, const Status& status);
// Prints "Lỗi: <message>" on io.err and returns kExitUsage.
int UsageError(Io& io, const std::string& message);
// The actor of changes made from the command line (the system, address "cli").
store::Actor CliActor();
// For a "sqlite:<path>" URL naming a file: the path; "" for other URLs and ":memory:".
std::string SqliteFilePath(const std::string& db_url);
// Creates the parent directory of a SQLite file URL if missing (so "sqlite:var/x.db" works in a
// fresh checkout). Internal on failure; OK for other URLs.
Status EnsureDatabaseDirectory(const std::string& db_url);

// Opens the database and the services with `pool_size` connections, creating the directory of
// a SQLite file first. When `must_exist` and the URL names a SQLite file that is absent:
// NotFound "cli.no_database" (so a mistyped --db does not create an empty database).
Result<std::unique_ptr<App>> OpenApp(const std::string& db_url, int pool_size, bool must_exist);

// The whole text of `file` ("-": stdin). NotFound "cli.file_unreadable" when it cannot be opened,
// TooLarge "cli.file_too_large" beyond 64 MB.
Result<std::string> ReadInputFile(const std::string& file, Io& io);
// Writes `text` to the file `path`, replacing it. Internal "cli.file_unwritable" on failure.
Status WriteOutputFile(const std::string& path, const std::string& text);
// Writes `text` to a.output (-o) or else io.out; returns the exit code (Fail when unwritable).
int EmitOutput(const Args& a, Io& io, const std::string& text);
// Lists on io.err the tasks whose stored progress an import kept (TaskImportSummary).
void PrintProgressKept(Io& io, const TaskImportSummary& s);
// --as-of as a date: today when absent; Invalid "cli.as_of_invalid" (a usage error).
Result<Date> AsOfDate(const Args& a);

// NotFound "org.not_found": "Không có tổ chức mã <code>".
Status UnknownOrgCode(std::string_view code);

// --- the commands (one .cc file each group) ------------------------------------------------------

void DefineInit(CLI::App& sub, Args& a);
int RunInit(const Args& a, Io& io);
void DefineDemo(CLI::App& sub, Args& a);
int RunDemo(const Args& a, Io& io);
void DefineServe(CLI::App& sub, Args& a);
int RunServe(const Args& a, Io& io);

void DefineUserAdd(CLI::App& sub, Args& a);
int RunUserAdd(const Args& a, Io& io);
void DefineUserPasswd(CLI::App& sub, Args& a);
int RunUserPasswd(const Args& a, Io& io);
void DefineUserList(CLI::App& sub, Args& a);
int RunUserList(const Args& a, Io& io);
void DefineUserDisable(CLI::App& sub, Args& a);
int RunUserDisable(const Args& a, Io& io);

void DefineImportOrgs(CLI::App& sub, Args& a);
int RunImportOrgs(const Args& a, Io& io);
void DefineExportOrgs(CLI::App& sub, Args& a);
int RunExportOrgs(const Args& a, Io& io);

void DefineImportValues(CLI::App& sub, Args& a);
int RunImportValues(const Args& a, Io& io);
void DefineImportResolution(CLI::App& sub, Args& a);
int RunImportResolution(const Args& a, Io& io);
void DefineExportResolution(CLI::App& sub, Args& a);
int RunExportResolution(const Args& a, Io& io);
void DefineAssess(CLI::App& sub, Args& a);
int RunAssess(const Args& a, Io& io);
void DefineReview(CLI::App& sub, Args& a);  // review_command.cc
int RunReview(const Args& a, Io& io);

void DefineImportTasks(CLI::App& sub, Args& a);
int RunImportTasks(const Args& a, Io& io);
void DefineExportTasks(CLI::App& sub, Args& a);
int RunExportTasks(const Args& a, Io& io);

}  // namespace nq::cli
