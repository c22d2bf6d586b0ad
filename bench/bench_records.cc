#include "bench_records.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analytics/formula_eval.h"
#include "analytics/record_index.h"
#include "bench_report.h"
#include "bench_targets.h"
#include "domain/formula.h"
#include "domain/record_builtin.h"

namespace nq::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int64_t kTypeId = 1;
constexpr int64_t kRegion = 2;       // the region record_queries.sql names
constexpr size_t kChunk = 200000;    // records built and loaded at a time

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "nqtrack_analytics_bench (records): %s\n", what.c_str());
  std::exit(1);
}

Record ToRecord(const GenMeeting& g, int64_t id) {
  Record r;
  r.id = id;
  r.type_id = kTypeId;
  r.type_code = kRecordCellMeeting;
  r.org_id = g.org_id;
  r.values = {{"kind", OptionRef{g.thematic ? "thematic" : "regular"}},
              {"held_on", Date{g.year, g.month, g.day}},
              {"members_present", static_cast<double>(g.present)},
              {"members_total", static_cast<double>(g.total)}};
  return r;
}

struct Query {
  const char* name;
  const char* formula;
  int64_t root;  // 1: the whole country; kRegion: one province
};

}  // namespace

bool RecordBench(const GenSpec& spec, const GenTree& gen, const OrgTree& tree, int runs) {
  if (gen.regions.empty() || gen.regions.front() != kRegion) Die("region 2 is not the first");
  RecordType type;
  for (const RecordType& t : BuiltinRecordTypes()) {
    if (t.code == kRecordCellMeeting) type = t;
  }
  type.id = kTypeId;
  analytics::RecordIndex records(tree);
  records.DefineType(type);

  // Built and loaded in chunks, as a start-up reads them page by page.
  double build_s = 0;
  double load_s = 0;
  int64_t n = 0;
  std::vector<Record> chunk;
  auto flush = [&] {
    const auto t0 = Clock::now();
    const Status st = records.Load(chunk);
    load_s += std::chrono::duration<double>(Clock::now() - t0).count();
    if (!st.ok()) Die("Load: " + st.ToString());
    chunk.clear();
  };
  auto t0 = Clock::now();
  ForEachMeeting(spec, gen, [&](const GenMeeting& g) {
    chunk.push_back(ToRecord(g, ++n));
    if (chunk.size() < kChunk) return;
    build_s += std::chrono::duration<double>(Clock::now() - t0).count();
    flush();
    t0 = Clock::now();
  });
  build_s += std::chrono::duration<double>(Clock::now() - t0).count();
  flush();
  if (records.size() != n) Die("the index holds " + std::to_string(records.size()) + " records");
  PrintMetric("nqtrack", "records", static_cast<double>(n));
  PrintMetric("nqtrack", "records_load_s", load_s);
  PrintMetric("nqtrack", "record_build_s", build_s);
  PrintMetric("nqtrack", "bytes_per_record",
              static_cast<double>(records.MemoryBytes()) / static_cast<double>(n));

  analytics::ValueIndex values(tree);
  analytics::ElementCatalog elements;
  analytics::EvalContext ctx;
  ctx.index = &values;
  ctx.catalog = &elements;
  ctx.records = &records;
  ctx.window = analytics::Window{Date{2023, 1, 1}, Date{2023, 12, 31}};
  ctx.term_start = kTermStart;
  ctx.term_end = kTermEnd;
  const Query queries[] = {
      {"R1", "record_count(cell_meeting, kind == \"regular\")", 1},
      {"R2", "record_count(cell_meeting)", kRegion},
      {"R3", "record_months(cell_meeting, 1)", kRegion},
      {"R4", "record_avg(cell_meeting, members_present)", 1},
  };
  auto answer = [&](const Formula& f, int64_t root) {
    ctx.root_org = root;
    Result<analytics::EvalValue> v = analytics::Evaluate(f, ctx);
    if (!v.ok()) Die(f.text() + ": " + v.status().ToString());
    return std::vector<AnswerRow>{{root == 1 ? 0 : root, 0, v->value.value_or(0)}};
  };
  for (const Query& q : queries) {
    const Formula f = Formula::Parse(q.formula).value();
    std::vector<AnswerRow> rows;
    auto ms = TimeRuns(runs, 20000, [&] { rows = answer(f, q.root); });
    PrintQuery("nqtrack", q.name, ms, Checksum(rows));
  }

  // An inserted record is counted by the very next R2; erased, it leaves it.
  int64_t leaf = 0;
  for (const GenOrg& o : gen.orgs) {
    if (o.level == gen.leaf_level && o.region_id == kRegion) {
      leaf = o.id;
      break;
    }
  }
  const Formula r2 = Formula::Parse(queries[1].formula).value();
  const double before = answer(r2, kRegion)[0].v;
  bool visible = true;
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    GenMeeting g{leaf, 2023, 6, 15, true, 5, 10};
    const int64_t id = n + 1 + i;
    const auto t1 = Clock::now();
    const Status st = records.Insert(ToRecord(g, id));
    const double after = answer(r2, kRegion)[0].v;
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t1).count());
    if (!st.ok()) Die("Insert: " + st.ToString());
    if (after != before + 1) visible = false;
    if (!records.Erase(id) || answer(r2, kRegion)[0].v != before) visible = false;
  }
  PrintQuery("nqtrack", "record_insert+R2", ms, visible ? "visible" : "STALE");
  PrintNote("nqtrack", "record_write_visible", visible ? "yes" : "no");
  return visible;
}

}  // namespace nq::bench
