// The one include of CLI11 (the command-line parser, header-only): every command file includes
// this instead of <CLI/CLI.hpp>.
//
// GCC 12 at -O2 reports a false "potential null pointer dereference" inside libstdc++'s string
// move, inlined into CLI11's CLI::detail::split, when several command files are compiled as one
// unit (the unity build, CMakeLists.txt NQTRACK_UNITY): the warning is silenced for CLI11's code
// only.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#pragma GCC diagnostic pop
