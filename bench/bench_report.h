// What every engine of the analytics benchmark reports, in one form, so that
// scripts/bench-analytics can put them side by side (bench/peers/compare.mjs reads them).
//
// Answers. A query's answer is a set of rows (k1, k2, v) — bench/peers/queries.sql says what
// the keys are for Q1–Q4. Its checksum is "n=<rows with v ≠ 0> s=<Σ v> w=<Σ v·(k1 + 1000·k2)>",
// sums printed with two decimals. The generator's values are quarters, so the sums are exact in
// double precision in every engine and equal answers give equal strings.
//
// Lines. Each measurement is printed as one line "NQBENCH {json}" on stdout:
//   {"engine":"nqtrack","kind":"query","name":"Q1","median_ms":0.01,"min_ms":..,"runs":50,
//    "checksum":"n=63 s=... w=..."}
//   {"engine":"sqlite","kind":"metric","name":"load_s","value":61.2}
// The JavaScript peer (bench/peers/duckdb_peer.mjs) prints the same lines.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace nq::bench {

struct AnswerRow {
  int64_t k1 = 0;
  int64_t k2 = 0;
  double v = 0;
};

std::string Checksum(const std::vector<AnswerRow>& rows);

// Runs `fn` once to warm up, then `runs` times (fewer when one run takes over `budget_ms`,
// but at least 3), and returns the times in milliseconds.
template <typename Fn>
std::vector<double> TimeRuns(int runs, double budget_ms, Fn&& fn) {
  using Clock = std::chrono::steady_clock;
  auto once = [&] {
    auto t0 = Clock::now();
    fn();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  };
  double warm = once();
  if (warm * runs > budget_ms) runs = warm * 3 > budget_ms ? 3 : static_cast<int>(budget_ms / warm);
  if (runs < 3) runs = 3;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) ms.push_back(once());
  return ms;
}

double Median(std::vector<double> v);
double Min(const std::vector<double>& v);

// Prints "NQBENCH {...}" for a query and a human line "  Q1  0.012 ms  n=63 ...".
void PrintQuery(const std::string& engine, const std::string& name, const std::vector<double>& ms,
                const std::string& checksum);
// Prints "NQBENCH {...}" for a number (load time, bytes per value, ...).
void PrintMetric(const std::string& engine, const std::string& name, double value);
// Prints "NQBENCH {...}" for a text (e.g. an assessment that is not available, and why).
void PrintNote(const std::string& engine, const std::string& name, const std::string& text);

// The named queries of bench/peers/queries.sql ("Q1" → its SQL) or record_queries.sql ("R1"),
// with ":leaf_level" replaced.
// Empty with *error set when the file cannot be read.
struct NamedQuery {
  std::string name;
  std::string sql;
};
std::vector<NamedQuery> ReadQueries(const std::string& path, int leaf_level, std::string* error);

}  // namespace nq::bench
