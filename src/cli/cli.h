// The nqtrack command line: `nqtrack <command> [options]`.
//
// Sub-commands are a table (cli.cc, STYLE.md rule 6) of {group, name, help, define, run}:
//   init, demo, serve, user add|passwd|list|disable, import orgs, export orgs.
// Every command takes --db URL (see store/database.h for the URL forms); --log-level is global.
// Commands call service/ (and web/ for serve), never store/ directly.
//
// Exit codes: 0 success; 1 failure (the Status message is printed in Vietnamese on stderr);
// 2 usage error (unknown command or option, missing or malformed argument). Main() is the only
// catch boundary: an escaping exception prints "Lỗi nội bộ: ..." and exits 1.
//
// Not thread-safe: one command runs per process.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace nq::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Where a command reads and writes. `interactive` is true when `in` is a terminal, so that
// passwords are prompted for (with echo off) instead of read as a line.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool interactive = false;
};

// Runs the command line `args` (args[0] is the program name) and returns the exit code.
// Exceptions escape (Main catches them); tests call this with string streams.
int Run(const std::vector<std::string>& args, Io& io);

// The program's entry point: std streams, a terminal check, the catch boundary.
int Main(int argc, char** argv);

}  // namespace nq::cli
