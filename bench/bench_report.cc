#include "bench_report.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace nq::bench {
namespace {

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n;");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::string Checksum(const std::vector<AnswerRow>& rows) {
  int64_t n = 0;
  double s = 0;
  double w = 0;
  for (const AnswerRow& r : rows) {
    if (r.v == 0) continue;
    ++n;
    s += r.v;
    w += r.v * static_cast<double>(r.k1 + 1000 * r.k2);
  }
  char buf[128];
  std::snprintf(buf, sizeof buf, "n=%lld s=%.2f w=%.2f", static_cast<long long>(n), s, w);
  return buf;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

double Min(const std::vector<double>& v) {
  return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
}

void PrintQuery(const std::string& engine, const std::string& name, const std::vector<double>& ms,
                const std::string& checksum) {
  double med = Median(ms);
  std::printf("  %-8s %-4s median %12.4f ms  min %12.4f ms  (%zu runs)  %s\n", engine.c_str(),
              name.c_str(), med, Min(ms), ms.size(), checksum.c_str());
  std::printf(
      "NQBENCH {\"engine\":\"%s\",\"kind\":\"query\",\"name\":\"%s\",\"median_ms\":%.6f,"
      "\"min_ms\":%.6f,\"runs\":%zu,\"checksum\":\"%s\"}\n",
      JsonEscape(engine).c_str(), JsonEscape(name).c_str(), med, Min(ms), ms.size(),
      JsonEscape(checksum).c_str());
  std::fflush(stdout);
}

void PrintMetric(const std::string& engine, const std::string& name, double value) {
  std::printf("  %-8s %-22s %.4f\n", engine.c_str(), name.c_str(), value);
  std::printf("NQBENCH {\"engine\":\"%s\",\"kind\":\"metric\",\"name\":\"%s\",\"value\":%.6f}\n",
              JsonEscape(engine).c_str(), JsonEscape(name).c_str(), value);
  std::fflush(stdout);
}

void PrintNote(const std::string& engine, const std::string& name, const std::string& text) {
  std::printf("  %-8s %-22s %s\n", engine.c_str(), name.c_str(), text.c_str());
  std::printf("NQBENCH {\"engine\":\"%s\",\"kind\":\"note\",\"name\":\"%s\",\"text\":\"%s\"}\n",
              JsonEscape(engine).c_str(), JsonEscape(name).c_str(), JsonEscape(text).c_str());
  std::fflush(stdout);
}

std::vector<NamedQuery> ReadQueries(const std::string& path, int leaf_level, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return {};
  }
  std::vector<NamedQuery> out;
  std::string line;
  std::ostringstream sql;
  auto flush = [&] {
    if (out.empty()) return;
    std::string text = Trim(sql.str());
    const std::string ph = ":leaf_level";
    for (size_t p = text.find(ph); p != std::string::npos; p = text.find(ph)) {
      text.replace(p, ph.size(), std::to_string(leaf_level));
    }
    out.back().sql = text;
    sql.str("");
  };
  while (std::getline(in, line)) {
    if (line.rfind("-- Q", 0) == 0 || line.rfind("-- R", 0) == 0) {
      flush();
      size_t colon = line.find(':');
      out.push_back({line.substr(3, colon == std::string::npos ? std::string::npos : colon - 3), ""});
    } else if (line.rfind("--", 0) != 0 && !out.empty()) {
      sql << line << '\n';
    }
  }
  flush();
  if (out.empty()) *error = "no queries in " + path;
  return out;
}

}  // namespace nq::bench
