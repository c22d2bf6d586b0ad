// nqtrack_bench_sqlite: the SQLite peer of the analytics benchmark. Loads DIR/orgs.csv and
// DIR/values.csv (bench/national_gen.h) into a fresh database file, indexes vals(element_id,
// period), runs bench/peers/queries.sql and prints the times and checksums (bench/bench_report.h).
// With --record-queries, then loads DIR/meetings.csv, indexes meetings(held_on) and runs
// bench/peers/record_queries.sql the same way.
//   nqtrack_bench_sqlite --data DIR --db FILE --queries FILE [--record-queries FILE] [--runs N]
//                        [--budget-ms MS]
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_report.h"
#include "csv_rows.h"

namespace {

using nq::bench::AnswerRow;

[[noreturn]] void Die(const std::string& what, sqlite3* db) {
  std::fprintf(stderr, "nqtrack_bench_sqlite: %s: %s\n", what.c_str(),
               db ? sqlite3_errmsg(db) : "");
  std::exit(1);
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    std::fprintf(stderr, "nqtrack_bench_sqlite: %s: %s\n", sql.c_str(), msg.c_str());
    std::exit(1);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) Die(sql, db);
  return st;
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, path, queries_path, record_queries_path;
  int runs = 7;
  double budget_ms = 60000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--data") dir = v;
    else if (a == "--db") path = v;
    else if (a == "--queries") queries_path = v;
    else if (a == "--record-queries") record_queries_path = v;
    else if (a == "--runs") runs = std::atoi(v.c_str());
    else if (a == "--budget-ms") budget_ms = std::atof(v.c_str());
  }
  if (dir.empty() || path.empty() || queries_path.empty()) {
    std::fprintf(stderr, "usage: nqtrack_bench_sqlite --data DIR --db FILE --queries FILE [--runs N]\n");
    return 2;
  }
  std::string error;
  int leaf = nq::bench::LeafLevel(dir);
  auto queries = nq::bench::ReadQueries(queries_path, leaf, &error);
  if (queries.empty()) {
    std::fprintf(stderr, "nqtrack_bench_sqlite: %s\n", error.c_str());
    return 1;
  }
  std::remove(path.c_str());
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Die("open " + path, db);
  Exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576;"
           "PRAGMA temp_store=MEMORY;");
  Exec(db, "CREATE TABLE orgs(id INTEGER PRIMARY KEY, parent_id INTEGER, level INTEGER NOT NULL,"
           " province_id INTEGER, pre INTEGER NOT NULL, pre_end INTEGER NOT NULL);"
           "CREATE TABLE vals(org_id INTEGER NOT NULL, element_id INTEGER NOT NULL,"
           " period INTEGER NOT NULL, value REAL NOT NULL);");

  std::fprintf(stderr, "  sqlite: loading %s\n", dir.c_str());
  auto t0 = std::chrono::steady_clock::now();
  Exec(db, "BEGIN");
  sqlite3_stmt* org = Prepare(db, "INSERT INTO orgs VALUES (?,?,?,?,?,?)");
  nq::bench::ForEachCsvLine(dir + "/orgs.csv", 0, [&](const std::vector<std::string_view>& f) {
    for (int c = 0; c < 6; ++c) {
      if (f[static_cast<size_t>(c)].empty()) sqlite3_bind_null(org, c + 1);
      else sqlite3_bind_int64(org, c + 1, nq::bench::ToInt(f[static_cast<size_t>(c)]));
    }
    if (sqlite3_step(org) != SQLITE_DONE) Die("insert org", db);
    sqlite3_reset(org);
  });
  sqlite3_finalize(org);
  sqlite3_stmt* val = Prepare(db, "INSERT INTO vals VALUES (?,?,?,?)");
  int64_t n = nq::bench::ForEachCsvLine(
      dir + "/values.csv", 5000000, [&](const std::vector<std::string_view>& f) {
        sqlite3_bind_int64(val, 1, nq::bench::ToInt(f[0]));
        sqlite3_bind_int64(val, 2, nq::bench::ToInt(f[1]));
        sqlite3_bind_int64(val, 3, nq::bench::ToInt(f[2]));
        sqlite3_bind_double(val, 4, nq::bench::ToDouble(f[3]));
        if (sqlite3_step(val) != SQLITE_DONE) Die("insert value", db);
        sqlite3_reset(val);
      });
  sqlite3_finalize(val);
  Exec(db, "COMMIT");
  if (n < 0) Die("read " + dir + "/values.csv", nullptr);
  std::fprintf(stderr, "  sqlite: %lld values inserted after %.1f s; indexing\n",
               static_cast<long long>(n), Seconds(t0));
  Exec(db, "CREATE INDEX vals_element_period ON vals(element_id, period)");
  std::fprintf(stderr, "  sqlite: indexed after %.1f s; ANALYZE\n", Seconds(t0));
  // Statistics from a sample (as SQLite recommends for large tables), not a full scan.
  Exec(db, "PRAGMA analysis_limit=1000; ANALYZE;");
  double load_s = Seconds(t0);
  nq::bench::PrintMetric("sqlite", "load_s", load_s);
  nq::bench::PrintMetric("sqlite", "values", static_cast<double>(n));

  if (!record_queries_path.empty()) {
    auto record_queries = nq::bench::ReadQueries(record_queries_path, leaf, &error);
    if (record_queries.empty()) {
      std::fprintf(stderr, "nqtrack_bench_sqlite: %s\n", error.c_str());
      return 1;
    }
    t0 = std::chrono::steady_clock::now();
    Exec(db, "CREATE TABLE meetings(org_id INTEGER NOT NULL, held_on INTEGER NOT NULL,"
             " thematic INTEGER NOT NULL, present INTEGER NOT NULL, total INTEGER NOT NULL);"
             "BEGIN");
    sqlite3_stmt* meeting = Prepare(db, "INSERT INTO meetings VALUES (?,?,?,?,?)");
    const int64_t records = nq::bench::ForEachCsvLine(
        dir + "/meetings.csv", 0, [&](const std::vector<std::string_view>& f) {
          for (int c = 0; c < 5; ++c) {
            sqlite3_bind_int64(meeting, c + 1, nq::bench::ToInt(f[static_cast<size_t>(c)]));
          }
          if (sqlite3_step(meeting) != SQLITE_DONE) Die("insert meeting", db);
          sqlite3_reset(meeting);
        });
    sqlite3_finalize(meeting);
    Exec(db, "COMMIT; CREATE INDEX meetings_held_on ON meetings(held_on); ANALYZE meetings;");
    if (records < 0) Die("read " + dir + "/meetings.csv", nullptr);
    nq::bench::PrintMetric("sqlite", "records_load_s", Seconds(t0));
    nq::bench::PrintMetric("sqlite", "records", static_cast<double>(records));
    queries.insert(queries.end(), record_queries.begin(), record_queries.end());
  }

  for (const auto& q : queries) {
    sqlite3_stmt* st = Prepare(db, q.sql);
    std::vector<AnswerRow> rows;
    auto ms = nq::bench::TimeRuns(runs, budget_ms, [&] {
      rows.clear();
      while (sqlite3_step(st) == SQLITE_ROW) {
        rows.push_back({sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                        sqlite3_column_double(st, 2)});
      }
      sqlite3_reset(st);
    });
    sqlite3_finalize(st);
    nq::bench::PrintQuery("sqlite", q.name, ms, nq::bench::Checksum(rows));
  }
  sqlite3_close(db);
  return 0;
}
