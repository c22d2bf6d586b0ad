// Reading the benchmark's CSV files (bench/national_gen.h writes them) for the C++ peers: a
// fast reader of numeric fields, and the organizations' leaf level. Header-only, bench use only.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nq::bench {

// Calls fn(fields) for each data line of a CSV file (the header line skipped), with the raw
// text of each comma-separated field. Returns the number of lines, or -1 when the file cannot be
// read. Prints progress to stderr every `progress_every` lines (0: never).
inline int64_t ForEachCsvLine(const std::string& path, int64_t progress_every,
                              const std::function<void(const std::vector<std::string_view>&)>& fn) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return -1;
  std::vector<char> buf(1 << 22);
  std::string carry;
  std::vector<std::string_view> fields;
  int64_t n = -1;  // the header is line 0
  auto line = [&](const char* b, const char* e) {
    if (n++ < 0) return;
    fields.clear();
    const char* s = b;
    for (const char* p = b; p <= e; ++p) {
      if (p == e || *p == ',') {
        fields.emplace_back(s, static_cast<size_t>(p - s));
        s = p + 1;
      }
    }
    fn(fields);
    if (progress_every > 0 && n % progress_every == 0) {
      std::fprintf(stderr, "    %s: %lld rows\n", path.c_str(), static_cast<long long>(n));
    }
  };
  size_t got;
  while ((got = std::fread(buf.data(), 1, buf.size(), f)) > 0) {
    const char* b = buf.data();
    const char* end = b + got;
    while (b < end) {
      const char* nl = static_cast<const char*>(std::memchr(b, '\n', static_cast<size_t>(end - b)));
      if (!nl) {
        carry.append(b, end);
        break;
      }
      if (!carry.empty()) {
        carry.append(b, nl);
        line(carry.data(), carry.data() + carry.size());
        carry.clear();
      } else {
        line(b, nl);
      }
      b = nl + 1;
    }
  }
  if (!carry.empty()) line(carry.data(), carry.data() + carry.size());
  std::fclose(f);
  return n < 0 ? 0 : n;
}

inline int64_t ToInt(std::string_view s) {
  int64_t v = 0;
  bool neg = !s.empty() && s[0] == '-';
  for (size_t i = neg ? 1 : 0; i < s.size(); ++i) v = v * 10 + (s[i] - '0');
  return neg ? -v : v;
}

inline double ToDouble(std::string_view s) {
  std::string t(s);
  return std::strtod(t.c_str(), nullptr);
}

// The highest level in DIR/orgs.csv (the grassroots organizations'), or -1.
inline int LeafLevel(const std::string& dir) {
  int leaf = -1;
  ForEachCsvLine(dir + "/orgs.csv", 0, [&](const std::vector<std::string_view>& f) {
    if (f.size() >= 3) leaf = std::max(leaf, static_cast<int>(ToInt(f[2])));
  });
  return leaf;
}

}  // namespace nq::bench
