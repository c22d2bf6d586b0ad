#include "national_gen.h"

#include <charconv>
#include <cstdio>
#include <memory>
#include <vector>

namespace nq::bench {
namespace {

constexpr int kProvinces = 63;

struct Builder {
  GenTree tree;
  int64_t next_id = 1;

  // Adds an organization and returns its index in tree.orgs.
  size_t Add(int64_t parent_id, int level, int64_t region_id, int sibling) {
    GenOrg o;
    o.id = next_id++;
    o.parent_id = parent_id;
    o.level = level;
    o.region_id = region_id;
    o.pre = static_cast<int>(o.id - 1);
    o.sibling = sibling;
    tree.orgs.push_back(o);
    return tree.orgs.size() - 1;
  }
  void Close(size_t index) { tree.orgs[index].end = static_cast<int>(next_id - 1); }
};

// A district (of `region`) with `leaves` grassroots organizations at level+1.
void AddDistrict(Builder& b, int64_t parent, int level, int64_t region, int sibling, int leaves,
                 int leaf_level) {
  size_t d = b.Add(parent, level, region, sibling);
  int64_t did = b.tree.orgs[d].id;
  if (level == 1) b.tree.orgs[d].region_id = did;
  for (int g = 0; g < leaves; ++g) b.Close(b.Add(did, leaf_level, level == 1 ? did : region, g));
  b.tree.leaves += leaves;
  b.Close(d);
}

class Out {
 public:
  explicit Out(std::FILE* f) : f_(f) {}
  ~Out() { Flush(); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  void Int(int64_t v) {
    Reserve(24);
    auto r = std::to_chars(buf_ + len_, buf_ + sizeof(buf_), v);
    len_ = static_cast<size_t>(r.ptr - buf_);
  }
  void Char(char c) {
    Reserve(1);
    buf_[len_++] = c;
  }
  void Str(const char* s) {
    while (*s) Char(*s++);
  }
  // quarters / 4 as "12", "12.25", "12.5", "12.75".
  void Quarters(int32_t q) {
    Int(q / 4);
    static const char* const kFrac[] = {"", ".25", ".5", ".75"};
    Str(kFrac[q % 4]);
  }
  bool Flush() {
    bool ok = std::fwrite(buf_, 1, len_, f_) == len_;
    len_ = 0;
    return ok;
  }

 private:
  void Reserve(size_t n) {
    if (len_ + n > sizeof(buf_)) Flush();
  }
  std::FILE* f_;
  char buf_[1 << 20];
  size_t len_ = 0;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

const char* ScaleName(Scale s) { return s == Scale::kNational ? "national" : "province"; }

GenTree GenerateTree(const GenSpec& spec) {
  Builder b;
  if (spec.scale == Scale::kProvince) {
    b.tree.leaf_level = 2;
    size_t root = b.Add(0, 0, 0, 0);
    for (int d = 0; d < 13; ++d) {
      AddDistrict(b, 1, 1, 0, d, 76, 2);
      b.tree.regions.push_back(b.tree.orgs[b.tree.orgs.size() - 77].id);
    }
    b.Close(root);
    return std::move(b.tree);
  }
  b.tree.leaf_level = 3;
  size_t root = b.Add(0, 0, 0, 0);
  for (int p = 0; p < kProvinces; ++p) {
    size_t pi = b.Add(1, 1, 0, p);
    int64_t pid = b.tree.orgs[pi].id;
    b.tree.orgs[pi].region_id = pid;
    b.tree.regions.push_back(pid);
    int districts = 9 + static_cast<int>(internal::Mix(spec.seed * 31 + static_cast<uint64_t>(p)) % 5);
    for (int d = 0; d < districts; ++d) {
      int leaves = 60 + static_cast<int>(
                            internal::Mix(spec.seed * 37 + static_cast<uint64_t>(p * 100 + d)) % 31);
      AddDistrict(b, pid, 2, pid, d, leaves, 3);
    }
    b.Close(pi);
  }
  b.Close(root);
  return std::move(b.tree);
}

int64_t WriteCsv(const GenSpec& spec, const GenTree& tree, const std::string& dir,
                 std::string* error) {
  std::unique_ptr<std::FILE, FileCloser> orgs(std::fopen((dir + "/orgs.csv").c_str(), "wb"));
  std::unique_ptr<std::FILE, FileCloser> values(std::fopen((dir + "/values.csv").c_str(), "wb"));
  if (!orgs || !values) {
    *error = "cannot create " + dir + "/orgs.csv or values.csv";
    return -1;
  }
  {
    auto out = std::make_unique<Out>(orgs.get());
    out->Str("id,parent_id,level,province_id,pre,pre_end\n");
    for (const GenOrg& o : tree.orgs) {
      out->Int(o.id);
      out->Char(',');
      if (o.parent_id != 0) out->Int(o.parent_id);
      out->Char(',');
      out->Int(o.level);
      out->Char(',');
      if (o.region_id != 0) out->Int(o.region_id);
      out->Char(',');
      out->Int(o.pre);
      out->Char(',');
      out->Int(o.end);
      out->Char('\n');
    }
    if (!out->Flush()) {
      *error = "write error on orgs.csv";
      return -1;
    }
  }
  auto out = std::make_unique<Out>(values.get());
  out->Str("org_id,element_id,period,value\n");
  int64_t n = 0;
  bool ok = true;
  // Sorted by (element, period, organization): the order that serves the SQL engines best —
  // DuckDB's zone maps skip all but one element's and year's blocks, and the B-tree index on
  // (element_id, period) of SQLite and PostgreSQL points at adjacent rows.
  std::vector<const GenOrg*> leaves;
  std::vector<uint32_t> rates;
  for (const GenOrg& o : tree.orgs) {
    if (o.level != tree.leaf_level) continue;
    leaves.push_back(&o);
    rates.push_back(LeafRate(spec.seed, o.id));
  }
  auto cell = [&](int64_t org, int e, int m, int32_t q) {
    out->Int(org);
    out->Char(',');
    out->Int(e);
    out->Char(',');
    out->Int(MonthCode(m));
    out->Char(',');
    out->Quarters(q);
    out->Char('\n');
    if (++n % 5000000 == 0) {
      std::fprintf(stderr, "  values.csv: %lld million rows\n", static_cast<long long>(n / 1000000));
      ok = ok && out->Flush();
    }
  };
  for (int e = 1; e <= kElements; ++e) {
    for (int m = 0; m < kMonths; ++m) {
      for (size_t i = 0; i < leaves.size(); ++i) {
        int32_t q = CellQuarters(spec.seed, leaves[i]->id, rates[i], e, m);
        if (q >= 0) cell(leaves[i]->id, e, m, q);
      }
    }
  }
  if (!out->Flush() || !ok) {
    *error = "write error on values.csv";
    return -1;
  }
  return n;
}

int64_t WriteMeetingsCsv(const GenSpec& spec, const GenTree& tree, const std::string& dir,
                         std::string* error) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen((dir + "/meetings.csv").c_str(), "wb"));
  if (!file) {
    *error = "cannot create " + dir + "/meetings.csv";
    return -1;
  }
  auto out = std::make_unique<Out>(file.get());
  out->Str("org_id,held_on,thematic,present,total\n");
  int64_t n = 0;
  ForEachMeeting(spec, tree, [&](const GenMeeting& g) {
    out->Int(g.org_id);
    out->Char(',');
    out->Int(static_cast<int64_t>(g.year) * 10000 + g.month * 100 + g.day);
    out->Char(',');
    out->Int(g.thematic ? 1 : 0);
    out->Char(',');
    out->Int(g.present);
    out->Char(',');
    out->Int(g.total);
    out->Char('\n');
    ++n;
  });
  if (!out->Flush()) {
    *error = "write error on meetings.csv";
    return -1;
  }
  return n;
}

}  // namespace nq::bench
