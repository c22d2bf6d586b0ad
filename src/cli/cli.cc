#include "cli/cli.h"

#include <unistd.h>

#include <exception>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "common/log.h"

namespace nq::cli {
namespace {

// The sub-commands (STYLE.md rule 6). Groups are created on first use, in table order.
const Command kCommands[] = {
    {nullptr, "init", "Create or migrate the database; optionally the root organization and admin",
     DefineInit, RunInit},
    {nullptr, "demo", "Create the demo database (illustrative data) and print the demo logins",
     DefineDemo, RunDemo},
    {nullptr, "serve", "Serve the web application and the JSON API over HTTP", DefineServe,
     RunServe},
    {"user", "add", "Add a user (the password is prompted for, or read from stdin)", DefineUserAdd,
     RunUserAdd},
    {"user", "passwd", "Set a user's password and end their sessions", DefineUserPasswd,
     RunUserPasswd},
    {"user", "list", "List the users", DefineUserList, RunUserList},
    {"user", "disable", "Disable a user and end their sessions", DefineUserDisable, RunUserDisable},
    {"import", "orgs", "Import organizations from a CSV file (all or nothing, idempotent)",
     DefineImportOrgs, RunImportOrgs},
    {"export", "orgs", "Export organizations as CSV (the format `import orgs` reads)",
     DefineExportOrgs, RunExportOrgs},
    {"import", "values", "Import reported values from CSV or JSON (all or nothing, idempotent)",
     DefineImportValues, RunImportValues},
    {"import", "resolution", "Import a resolution JSON file (docs/formats.md)",
     DefineImportResolution, RunImportResolution},
    {"export", "resolution", "Export a resolution with its data as one JSON file",
     DefineExportResolution, RunExportResolution},
    {nullptr, "assess", "Assess a resolution's targets as of a date (from a file or a database)",
     DefineAssess, RunAssess},
    {nullptr, "review",
     "Write the mid-term or end-of-term review of a resolution as of a date (JSON, DOCX, PDF)",
     DefineReview, RunReview},
    {"import", "tasks",
     "Import a resolution's assigned tasks from CSV or JSON (all or nothing, idempotent)",
     DefineImportTasks, RunImportTasks},
    {"export", "tasks",
     "Export assigned tasks with their state as of a date, as CSV or JSON (from a database or "
     "a resolution file)",
     DefineExportTasks, RunExportTasks},
};

const std::map<std::string, std::string>& GroupHelp() {
  static const std::map<std::string, std::string> kHelp = {
      {"user", "Manage users: add, passwd, list, disable"},
      {"import", "Import data: orgs, values, resolution, tasks"},
      {"export", "Export data: orgs, resolution, tasks"},
  };
  return kHelp;
}

// A Vietnamese lead for each kind of command-line mistake; CLI11's own text follows it.
std::string DescribeParseError(const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::RequiredError*>(&e)) return "thiếu tham số bắt buộc";
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) return "lệnh hoặc tham số không được hỗ trợ";
  if (dynamic_cast<const CLI::ValidationError*>(&e)) return "giá trị tham số không hợp lệ";
  if (dynamic_cast<const CLI::ConversionError*>(&e)) return "giá trị tham số sai kiểu";
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) return "số giá trị của tham số không đúng";
  return "cú pháp lệnh không hợp lệ";
}

// CLI11 reports a mistyped command as a missing one; name it instead. Returns "" when the
// command words of `args` are known (or absent: CLI11 reports that).
std::string UnknownCommand(const std::vector<std::string>& args) {
  std::vector<std::string> words;
  for (size_t i = 1; i < args.size() && words.size() < 2; ++i) {
    if (args[i] == "--log-level") {
      ++i;  // its value
    } else if (args[i].starts_with("--log-level=")) {
      continue;
    } else if (!args[i].starts_with("-")) {
      words.push_back(args[i]);
    } else {
      break;  // the command's own options begin
    }
  }
  if (words.empty()) return "";
  bool group = false;
  for (const Command& c : kCommands) {
    if (c.group == nullptr && words[0] == c.name) return "";
    if (c.group != nullptr && words[0] == c.group) {
      group = true;
      if (words.size() < 2 || words[1] == c.name) return "";
    }
  }
  return group ? words[0] + " " + words[1] : words[0];
}

}  // namespace

int Run(const std::vector<std::string>& args, Io& io) {
  Args a;
  CLI::App app(
      "nqtrack — theo dõi thực hiện Nghị quyết (plan, disseminate, report, monitor, "
      "review)",
      "nqtrack");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--log-level", a.log_level, "Log level: debug, info, warn, error, off")
      ->check(CLI::IsMember({"debug", "info", "warn", "error", "off"}))
      ->capture_default_str();

  std::map<std::string, CLI::App*> groups;
  std::vector<std::pair<CLI::App*, const Command*>> subs;
  for (const Command& c : kCommands) {
    CLI::App* parent = &app;
    if (c.group != nullptr) {
      auto it = groups.find(c.group);
      if (it == groups.end()) {
        CLI::App* g = app.add_subcommand(c.group, GroupHelp().at(c.group));
        g->require_subcommand(1);
        g->fallthrough();
        it = groups.emplace(c.group, g).first;
      }
      parent = it->second;
    }
    CLI::App* sub = parent->add_subcommand(c.name, c.help);
    sub->fallthrough();
    sub->add_option("--db", a.db, "Database URL: sqlite:FILE or postgresql://USER@HOST:PORT/NAME")
        ->capture_default_str();
    c.define(*sub, a);
    subs.emplace_back(sub, &c);
  }

  if (std::string unknown = UnknownCommand(args); !unknown.empty()) {
    return UsageError(io, "không có lệnh \"nqtrack " + unknown + "\"; xem nqtrack --help");
  }

  // CLI11 wants argv in reverse order without the program name.
  std::vector<std::string> rest(args.rbegin(), args.rend());
  if (!rest.empty()) rest.pop_back();
  try {
    app.parse(rest);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, io.out, io.err);
  } catch (const CLI::ParseError& e) {
    std::string where = "nqtrack";
    for (const auto& [name, group] : groups) {
      if (group->parsed()) where += " " + name;
    }
    for (const auto& [sub, cmd] : subs) {
      if (sub->parsed()) where += std::string(" ") + cmd->name;
    }
    io.err << "Lỗi: " << DescribeParseError(e) << ": " << e.what() << "\n"
           << "Xem hướng dẫn: " << where << " --help\n";
    return kExitUsage;
  }

  log::Level level = log::Level::kInfo;
  log::ParseLevel(a.log_level, &level);
  log::SetLevel(level);
  for (const auto& [sub, cmd] : subs) {
    if (sub->parsed()) return cmd->run(a, io);
  }
  return UsageError(io, "chưa chọn lệnh; xem nqtrack --help");
}

int Main(int argc, char** argv) {
  Io io{std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1};
  try {
    std::vector<std::string> args(argv, argv + argc);
    return Run(args, io);
  } catch (const std::exception& e) {
    io.err << "Lỗi nội bộ: " << e.what() << "\n";
  } catch (...) {
    io.err << "Lỗi nội bộ: ngoại lệ không xác định\n";
  }
  return kExitFailure;
}

}  // namespace nq::cli
