// nqtrack_bench_gen: writes the analytics benchmark's synthetic data (bench/national_gen.h) as
// CSV files for the SQL peers (orgs.csv, values.csv, meetings.csv).
//   nqtrack_bench_gen --scale national|province --out DIR [--seed N]
#include <cstdio>
#include <cstdlib>
#include <string>

#include "national_gen.h"

int main(int argc, char** argv) {
  nq::bench::GenSpec spec;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    std::string v = i + 1 < argc ? argv[i + 1] : "";
    if (a == "--scale" && (v == "national" || v == "province")) {
      spec.scale = v == "national" ? nq::bench::Scale::kNational : nq::bench::Scale::kProvince;
      ++i;
    } else if (a == "--out" && !v.empty()) {
      out = v;
      ++i;
    } else if (a == "--seed" && !v.empty()) {
      spec.seed = std::strtoull(v.c_str(), nullptr, 10);
      ++i;
    } else {
      std::fprintf(stderr, "usage: nqtrack_bench_gen --scale national|province --out DIR [--seed N]\n");
      return 2;
    }
  }
  if (out.empty()) {
    std::fprintf(stderr, "nqtrack_bench_gen: --out DIR is required\n");
    return 2;
  }
  nq::bench::GenTree tree = nq::bench::GenerateTree(spec);
  std::fprintf(stderr, "generating %s data: %zu organizations (%lld grassroots), seed %llu\n",
               nq::bench::ScaleName(spec.scale), tree.orgs.size(),
               static_cast<long long>(tree.leaves), static_cast<unsigned long long>(spec.seed));
  std::string error;
  int64_t n = nq::bench::WriteCsv(spec, tree, out, &error);
  if (n < 0) {
    std::fprintf(stderr, "nqtrack_bench_gen: %s\n", error.c_str());
    return 1;
  }
  const int64_t meetings = nq::bench::WriteMeetingsCsv(spec, tree, out, &error);
  if (meetings < 0) {
    std::fprintf(stderr, "nqtrack_bench_gen: %s\n", error.c_str());
    return 1;
  }
  std::printf("orgs=%zu leaves=%lld regions=%zu values=%lld meetings=%lld\n", tree.orgs.size(),
              static_cast<long long>(tree.leaves), tree.regions.size(), static_cast<long long>(n),
              static_cast<long long>(meetings));
  return 0;
}
