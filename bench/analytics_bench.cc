// nqtrack_analytics_bench: nqtrack's analytics index (src/analytics/value_index.h) on the
// benchmark's synthetic data (bench/national_gen.h), measured as issue 3's "Speed goal" asks:
// load time, bytes per value, Q1–Q4 (bench/peers/queries.sql gives their SQL form; the answers
// and checksums here must equal the SQL peers'), the visibility of a write to the very next
// query, and the full assessment of a 7-target resolution (bench/bench_targets.h) for every
// province, then the record functions over a million cell meetings (bench/bench_records.h).
// Prints a human line and an "NQBENCH {json}" line per figure (bench/bench_report.h).
//   nqtrack_analytics_bench [--scale national|province] [--runs N] [--seed N]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "analytics/value_index.h"
#include "bench_records.h"
#include "bench_report.h"
#include "bench_targets.h"
#include "domain/org_tree.h"
#include "national_gen.h"
#ifdef NQ_BENCH_HAVE_ASSESSMENT
#include "analytics/resolution_assessment.h"
#endif

namespace {

using nq::bench::AnswerRow;
using nq::bench::GenTree;
using Clock = std::chrono::steady_clock;

constexpr double kThreshold = 100;  // Q4

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "nqtrack_analytics_bench: %s\n", what.c_str());
  std::exit(1);
}

double SecondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

nq::Period Month(int month) {
  auto p = nq::Period::Of(nq::PeriodType::kMonthly, nq::bench::MonthYear(month),
                          nq::bench::MonthOfYear(month));
  if (!p.ok()) Die("bad month");
  return p.value();
}

nq::OrgTree BuildTree(const GenTree& gen) {
  std::vector<nq::Organization> orgs;
  orgs.reserve(gen.orgs.size());
  for (const auto& g : gen.orgs) {
    nq::Organization o;
    o.id = g.id;
    // Appended rather than "O" + std::to_string(...): GCC 12 at -O3 warns falsely (-Wrestrict)
    // on that form.
    o.code = "O";
    o.code += std::to_string(g.id);
    o.name = "Tổ chức ";
    o.name += std::to_string(g.id);
    o.kind = g.level == 0 ? nq::OrgKind::kBlocCommittee
             : g.level == gen.leaf_level ? nq::OrgKind::kBaseCell
                                         : nq::OrgKind::kBaseCommittee;
    if (g.parent_id != 0) o.parent_id = g.parent_id;
    o.sort_order = g.sibling;
    orgs.push_back(std::move(o));
  }
  auto tree = nq::OrgTree::Build(std::move(orgs));
  if (!tree.ok()) Die(tree.status().ToString());
  return std::move(tree).value();
}

// Whether the organization at each pre-order position is grassroots: the level column the SQL
// peers filter on, laid out by the index's numbering (built once, before any timing).
std::vector<char> LeafByPre(const GenTree& gen, const nq::OrgTree& tree) {
  std::vector<char> leaf(gen.orgs.size(), 0);
  for (const auto& g : gen.orgs) {
    const int pre = tree.Pre(g.id);
    if (pre >= 0) leaf[static_cast<size_t>(pre)] = g.level == gen.leaf_level ? 1 : 0;
  }
  return leaf;
}

struct Bench {
  const GenTree& gen;
  nq::analytics::ValueIndex& index;
  std::vector<char> leaf_by_pre;
  nq::analytics::Window year2023{{2023, 1, 1}, {2023, 12, 31}};
  nq::analytics::Window term{nq::bench::kTermStart, nq::bench::kTermEnd};

  std::vector<AnswerRow> Q1() const {
    std::vector<AnswerRow> rows;
    for (int64_t r : gen.regions) {
      auto v = index.Aggregate(1, r, year2023);
      if (v.value) rows.push_back({r, 0, *v.value});
    }
    return rows;
  }
  std::vector<AnswerRow> Q2() const {
    std::vector<AnswerRow> rows;
    for (int64_t r : gen.regions) {
      for (const auto& p : index.Series(2, r, term)) {
        rows.push_back({r, (p.period.year() - 2000) * 12 + p.period.number() - 1, p.value});
      }
    }
    return rows;
  }
  std::vector<AnswerRow> Q3() const {
    std::vector<AnswerRow> rows;
    for (int e = 1; e <= nq::bench::kElements; ++e) {
      for (int y = nq::bench::kTermStart.year; y <= nq::bench::kTermEnd.year; ++y) {
        nq::analytics::Window w{std::max(nq::Date{y, 1, 1}, nq::bench::kTermStart),
                                std::min(nq::Date{y, 12, 31}, nq::bench::kTermEnd)};
        auto v = index.Aggregate(e, 1, w);
        if (v.value) rows.push_back({e, y - 2000, *v.value});
      }
    }
    return rows;
  }
  std::vector<AnswerRow> Q4() const {
    std::vector<AnswerRow> rows;
    for (int64_t r : gen.regions) {
      const int64_t n = index.CountOrgValues(3, r, year2023, kThreshold, &leaf_by_pre);
      if (n > 0) rows.push_back({r, 0, static_cast<double>(n)});
    }
    return rows;
  }
};

int64_t Load(const nq::bench::GenSpec& spec, const GenTree& gen, nq::analytics::ValueIndex& index,
             double* load_s, double* gen_s) {
  int64_t n = 0;
  *load_s = 0;
  *gen_s = 0;
  std::vector<nq::DataValue> chunk;
  std::vector<nq::Period> months;
  for (int m = 0; m < nq::bench::kMonths; ++m) months.push_back(Month(m));
  // One Load per element: the values of a start-up come from the database in about that shape.
  for (int e = 1; e <= nq::bench::kElements; ++e) {
    auto t0 = Clock::now();
    chunk.clear();
    nq::bench::ForEachValueOf(spec, gen, e, [&](int64_t org, int m, int32_t q) {
      nq::DataValue v;
      v.org_id = org;
      v.element_id = e;
      v.period = months[static_cast<size_t>(m)];
      v.value = q / 4.0;
      chunk.push_back(std::move(v));
    });
    *gen_s += SecondsSince(t0);
    t0 = Clock::now();
    nq::Status st = index.Load(chunk);
    *load_s += SecondsSince(t0);
    if (!st.ok()) Die("Load: " + st.ToString());
    n += static_cast<int64_t>(chunk.size());
    if (e % 10 == 0) {
      std::fprintf(stderr, "  nqtrack: %d/%d elements loaded (%lld values, %.1f s in Load)\n", e,
                   nq::bench::kElements, static_cast<long long>(n), *load_s);
    }
  }
  return n;
}

// Sets a value, runs Q1 at once and checks that the province's total moved by exactly the
// change (and no other province's). Returns false on a stale read.
bool WriteVisibility(const GenTree& gen, nq::analytics::ValueIndex& index, const Bench& b,
                     int runs) {
  int64_t leaf = 0;
  for (const auto& o : gen.orgs) {
    if (o.level == gen.leaf_level) {
      leaf = o.id;
      break;
    }
  }
  const int64_t region = gen.orgs[static_cast<size_t>(leaf - 1)].region_id;
  const nq::Period may = Month(33);  // 2023M05
  auto old = index.Get(leaf, 1, may);
  std::map<int64_t, double> before;
  for (const auto& r : b.Q1()) before[r.k1] = r.v;
  std::vector<double> set_ms, set_q1_ms;
  bool visible = true;
  for (int i = 0; i < runs; ++i) {
    double next = 7.25 + (i % 5);  // a quarter: exact sums
    auto t0 = Clock::now();
    nq::Status st = index.Set(leaf, 1, may, next, false);
    auto t1 = Clock::now();
    auto rows = b.Q1();
    auto t2 = Clock::now();
    if (!st.ok()) Die("Set: " + st.ToString());
    set_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    set_q1_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
    for (const auto& r : rows) {
      double want = before[r.k1] + (r.k1 == region ? next - (old ? old->value : 0) : 0);
      if (r.v != want) visible = false;
    }
  }
  // Put the generated value back (or remove the one added), so that later figures are unchanged.
  nq::Status st = old ? index.Set(leaf, 1, may, old->value, old->estimate) : index.Erase(leaf, 1, may);
  if (!st.ok()) Die("restore: " + st.ToString());
  for (const auto& r : b.Q1()) {
    if (r.v != before[r.k1]) visible = false;
  }
  nq::bench::PrintQuery("nqtrack", "set", set_ms, "-");
  nq::bench::PrintQuery("nqtrack", "set+Q1", set_q1_ms, visible ? "visible" : "STALE");
  nq::bench::PrintNote("nqtrack", "write_visible", visible ? "yes" : "no");
  return visible;
}

#ifdef NQ_BENCH_HAVE_ASSESSMENT
void Assessment(const GenTree& gen, const nq::analytics::ValueIndex& index, const nq::OrgTree& tree,
                int runs) {
  nq::analytics::ElementCatalog catalog(nq::bench::BenchElements());
  nq::analytics::ResolutionInput in;
  in.term_start = nq::bench::kTermStart;
  in.term_end = nq::bench::kTermEnd;
  in.targets = nq::bench::BenchTargets();
  in.as_of = nq::bench::kAsOf;
  in.tree = &tree;  // the caller's snapshot, as a server assessing many subtrees passes it
  std::map<std::string, int> statuses;
  int done = 0, errors = 0;
  std::string first_error;
  auto ms = nq::bench::TimeRuns(runs, 60000, [&] {
    statuses.clear();
    done = 0;
    errors = 0;
    for (int64_t r : gen.regions) {
      in.root_org = r;
      auto res = nq::analytics::AssessResolution(index, catalog, in);
      if (!res.ok()) Die("AssessResolution: " + res.status().ToString());
      done += res->done;
      for (const auto& t : res->targets) {
        ++statuses[nq::analytics::TargetStatusCode(t.assessment.status)];
        if (!t.error.empty()) {
          ++errors;
          if (first_error.empty()) first_error = t.target.code + ": " + t.error;
        }
      }
    }
  });
  std::string sum = "done=";
  sum += std::to_string(done);
  for (const auto& [code, n] : statuses) {
    sum += " ";
    sum += code;
    sum += "=";
    sum += std::to_string(n);
  }
  nq::bench::PrintQuery("nqtrack", "assess", ms, sum);
  if (errors > 0) {
    nq::bench::PrintNote("nqtrack", "assess_errors",
                         std::to_string(errors) + " target results with errors, e.g. " + first_error);
  }
}
#endif

}  // namespace

int main(int argc, char** argv) {
  nq::bench::GenSpec spec;
  int runs = 31;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--scale") spec.scale = v == "province" ? nq::bench::Scale::kProvince : nq::bench::Scale::kNational;
    else if (a == "--runs") runs = std::atoi(v.c_str());
    else if (a == "--seed") spec.seed = std::strtoull(v.c_str(), nullptr, 10);
    else Die("usage: nqtrack_analytics_bench [--scale national|province] [--runs N] [--seed N]");
  }
  GenTree gen = nq::bench::GenerateTree(spec);
  std::fprintf(stderr, "  nqtrack: %s scale, %zu organizations, building the index\n",
               nq::bench::ScaleName(spec.scale), gen.orgs.size());
  const nq::OrgTree tree = BuildTree(gen);
  nq::analytics::ValueIndex index(tree);
  for (const auto& e : nq::bench::BenchElements()) {
    index.DefineElement({e.id, e.period_type, e.org_aggregation, e.time_aggregation});
  }
  double load_s = 0, gen_s = 0;
  int64_t n = Load(spec, gen, index, &load_s, &gen_s);
  if (index.size() != n) {
    std::string msg = "the index holds ";
    msg += std::to_string(index.size());
    msg += " values, not ";
    msg += std::to_string(n);
    Die(msg);
  }
  nq::bench::PrintMetric("nqtrack", "values", static_cast<double>(n));
  nq::bench::PrintMetric("nqtrack", "load_s", load_s);
  nq::bench::PrintMetric("nqtrack", "datavalue_build_s", gen_s);
  nq::bench::PrintMetric("nqtrack", "bytes_per_value",
                         static_cast<double>(index.MemoryBytes()) / static_cast<double>(n));
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  nq::bench::PrintMetric("nqtrack", "peak_rss_mb", static_cast<double>(ru.ru_maxrss) / 1024.0);

  Bench b{gen, index, LeafByPre(gen, tree)};
  std::vector<AnswerRow> rows;
  struct Q {
    const char* name;
    std::vector<AnswerRow> (Bench::*fn)() const;
  };
  for (const Q& q : {Q{"Q1", &Bench::Q1}, Q{"Q2", &Bench::Q2}, Q{"Q3", &Bench::Q3}, Q{"Q4", &Bench::Q4}}) {
    auto ms = nq::bench::TimeRuns(runs, 20000, [&] { rows = (b.*q.fn)(); });
    nq::bench::PrintQuery("nqtrack", q.name, ms, nq::bench::Checksum(rows));
  }
  bool visible = WriteVisibility(gen, index, b, runs);
#ifdef NQ_BENCH_HAVE_ASSESSMENT
  Assessment(gen, index, tree, runs);
#else
  nq::bench::PrintNote("nqtrack", "assess",
                       "not available: this build has no analytics::AssessResolution "
                       "(src/analytics/resolution_assessment.cc)");
#endif
  const bool records_visible = nq::bench::RecordBench(spec, gen, tree, runs);
  return visible && records_visible ? 0 : 1;
}
