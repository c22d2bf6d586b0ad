// nqtrack_bench_pg: the PostgreSQL peer of the analytics benchmark. Loads DIR/orgs.csv and
// DIR/values.csv (bench/national_gen.h) into fresh tables with COPY, indexes vals(element_id,
// period), ANALYZEs, then runs bench/peers/queries.sql with max_parallel_workers_per_gather = 2
// and prints the times and checksums (bench/bench_report.h). The tables live in a database of
// their own, nqbench, on the same server (created if missing), and are dropped at the end.
// With --record-queries, DIR/meetings.csv is copied too, indexed on held_on, and
// bench/peers/record_queries.sql is run after queries.sql.
//   nqtrack_bench_pg --url URL --data DIR --queries FILE [--record-queries FILE] [--runs N]
//                    [--budget-ms MS]
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_report.h"
#include "csv_rows.h"

namespace {

using nq::bench::AnswerRow;

[[noreturn]] void Die(const std::string& what, PGconn* c) {
  std::fprintf(stderr, "nqtrack_bench_pg: %s: %s\n", what.c_str(), c ? PQerrorMessage(c) : "");
  std::exit(1);
}

void Exec(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  ExecStatusType s = PQresultStatus(r);
  PQclear(r);
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) Die(sql, c);
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Streams a file (its header line dropped) into COPY ... FROM STDIN (FORMAT csv).
int64_t CopyFile(PGconn* c, const std::string& table, const std::string& path) {
  PGresult* r = PQexec(c, ("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)").c_str());
  bool copying = PQresultStatus(r) == PGRES_COPY_IN;
  PQclear(r);
  if (!copying) Die("COPY " + table, c);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) Die("read " + path, nullptr);
  std::vector<char> buf(1 << 20);
  size_t got;
  int64_t bytes = 0, next = 200 << 20;
  while ((got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    if (PQputCopyData(c, buf.data(), static_cast<int>(got)) != 1) Die("COPY " + table, c);
    bytes += static_cast<int64_t>(got);
    if (bytes >= next) {
      std::fprintf(stderr, "    postgres: %s: %lld MB sent\n", table.c_str(),
                   static_cast<long long>(bytes >> 20));
      next += 200 << 20;
    }
  }
  std::fclose(f);
  if (PQputCopyEnd(c, nullptr) != 1) Die("COPY end " + table, c);
  int64_t rows = -1;
  while ((r = PQgetResult(c)) != nullptr) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) Die("COPY " + table, c);
    rows = std::atoll(PQcmdTuples(r));
    PQclear(r);
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url, dir, queries_path, record_queries_path;
  int runs = 7;
  double budget_ms = 60000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--url") url = v;
    else if (a == "--data") dir = v;
    else if (a == "--queries") queries_path = v;
    else if (a == "--record-queries") record_queries_path = v;
    else if (a == "--runs") runs = std::atoi(v.c_str());
    else if (a == "--budget-ms") budget_ms = std::atof(v.c_str());
  }
  if (url.empty() || dir.empty() || queries_path.empty()) {
    std::fprintf(stderr, "usage: nqtrack_bench_pg --url URL --data DIR --queries FILE [--runs N]\n");
    return 2;
  }
  std::string error;
  auto queries = nq::bench::ReadQueries(queries_path, nq::bench::LeafLevel(dir), &error);
  if (queries.empty()) {
    std::fprintf(stderr, "nqtrack_bench_pg: %s\n", error.c_str());
    return 1;
  }
  // A database of its own (nqbench, on the same server), so that nothing else's tables are
  // touched and nothing else (the store tests) can drop them meanwhile.
  PGconn* admin = PQconnectdb(url.c_str());
  if (PQstatus(admin) != CONNECTION_OK) Die("connect " + url, admin);
  PGresult* exists = PQexec(admin, "SELECT 1 FROM pg_database WHERE datname = 'nqbench'");
  bool have = PQresultStatus(exists) == PGRES_TUPLES_OK && PQntuples(exists) == 1;
  PQclear(exists);
  if (!have) Exec(admin, "CREATE DATABASE nqbench");
  PQfinish(admin);
  const char* keys[] = {"dbname", "dbname", nullptr};
  const char* vals[] = {url.c_str(), "nqbench", nullptr};
  PGconn* c = PQconnectdbParams(keys, vals, 1);
  if (PQstatus(c) != CONNECTION_OK) Die("connect to nqbench", c);
  Exec(c, "SET client_min_messages = warning");
  Exec(c, "DROP SCHEMA IF EXISTS nqbench CASCADE; CREATE SCHEMA nqbench; SET search_path = nqbench");
  Exec(c, "CREATE TABLE orgs(id bigint PRIMARY KEY, parent_id bigint, level int NOT NULL,"
          " province_id bigint, pre int NOT NULL, pre_end int NOT NULL)");
  Exec(c, "CREATE TABLE vals(org_id bigint NOT NULL, element_id int NOT NULL,"
          " period int NOT NULL, value double precision NOT NULL)");
  std::fprintf(stderr, "  postgres: loading %s\n", dir.c_str());
  auto t0 = std::chrono::steady_clock::now();
  CopyFile(c, "orgs", dir + "/orgs.csv");
  int64_t n = CopyFile(c, "vals", dir + "/values.csv");
  std::fprintf(stderr, "  postgres: %lld values copied after %.1f s; indexing\n",
               static_cast<long long>(n), Seconds(t0));
  Exec(c, "SET maintenance_work_mem = '1GB'");
  Exec(c, "CREATE INDEX vals_element_period ON vals(element_id, period)");
  std::fprintf(stderr, "  postgres: indexed after %.1f s; VACUUM ANALYZE\n", Seconds(t0));
  Exec(c, "VACUUM ANALYZE orgs");
  Exec(c, "VACUUM ANALYZE vals");
  double load_s = Seconds(t0);
  nq::bench::PrintMetric("postgres", "load_s", load_s);
  nq::bench::PrintMetric("postgres", "values", static_cast<double>(n));
  Exec(c, "SET max_parallel_workers_per_gather = 2");
  if (!record_queries_path.empty()) {
    auto record_queries =
        nq::bench::ReadQueries(record_queries_path, nq::bench::LeafLevel(dir), &error);
    if (record_queries.empty()) {
      std::fprintf(stderr, "nqtrack_bench_pg: %s\n", error.c_str());
      return 1;
    }
    t0 = std::chrono::steady_clock::now();
    Exec(c, "CREATE TABLE meetings(org_id bigint NOT NULL, held_on int NOT NULL,"
            " thematic int NOT NULL, present int NOT NULL, total int NOT NULL)");
    const int64_t records = CopyFile(c, "meetings", dir + "/meetings.csv");
    Exec(c, "CREATE INDEX meetings_held_on ON meetings(held_on)");
    Exec(c, "VACUUM ANALYZE meetings");
    nq::bench::PrintMetric("postgres", "records_load_s", Seconds(t0));
    nq::bench::PrintMetric("postgres", "records", static_cast<double>(records));
    queries.insert(queries.end(), record_queries.begin(), record_queries.end());
  }

  for (const auto& q : queries) {
    std::vector<AnswerRow> rows;
    auto ms = nq::bench::TimeRuns(runs, budget_ms, [&] {
      PGresult* r = PQexec(c, q.sql.c_str());
      if (PQresultStatus(r) != PGRES_TUPLES_OK) Die(q.sql, c);
      rows.clear();
      for (int i = 0; i < PQntuples(r); ++i) {
        rows.push_back({std::atoll(PQgetvalue(r, i, 0)), std::atoll(PQgetvalue(r, i, 1)),
                        std::atof(PQgetvalue(r, i, 2))});
      }
      PQclear(r);
    });
    nq::bench::PrintQuery("postgres", q.name, ms, nq::bench::Checksum(rows));
  }
  Exec(c, "RESET search_path; DROP SCHEMA nqbench CASCADE");
  PQfinish(c);
  return 0;
}
