// Synthetic data for the analytics benchmark (scripts/bench-analytics, docs/benchmarks.md): an
// organization tree and monthly values, deterministic for a seed, at two scales.
//
//   national  the country (level 0) → 63 provinces (1) → 9..13 districts each, 693 in all (2)
//             → 60..90 grassroots organizations per district (3): about 52,700 organizations.
//   province  one province (level 0) → 13 districts (1) → 76 grassroots each (2): 1,002.
//
// Only grassroots organizations (the leaves) report. 40 monthly data elements (ids 1..40, codes
// "e1".."e40", sum over organizations and over time), 60 months 2020M08..2025M07. Each leaf
// reports a cell (organization, element, month) with a probability of its own between 20% and
// 40% (30% on average: about 37 million values nationally). Values are small counts 0..50;
// every fourth element (e4, e8, ...) holds decimals in quarters (12.25). Quarters are exact in
// binary floating point, so every engine's sums of them are exact and their checksums compare
// equal whatever the order of addition.
//
// Every value is a pure function of (seed, organization, element, month): the order in which
// values are visited or loaded cannot change the data.
//
// The "region" of an organization is the child of the root above it (or itself): the province
// nationally, the district at province scale. The benchmark's per-province queries group by it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nq::bench {

enum class Scale { kProvince, kNational };

struct GenSpec {
  Scale scale = Scale::kNational;
  uint64_t seed = 20200801;
};

inline constexpr int kElements = 40;
inline constexpr int kMonths = 60;
inline constexpr int kFirstYear = 2020;
inline constexpr int kFirstMonth = 8;  // 2020M08

struct GenOrg {
  int64_t id = 0;         // ids are given in pre-order: 1 is the root
  int64_t parent_id = 0;  // 0 for the root
  int level = 0;          // 0 for the root
  int64_t region_id = 0;  // 0 for the root
  int pre = 0;            // pre-order position (id - 1)
  int end = 0;            // one past the last pre-order position of the subtree
  int sibling = 0;        // position among its siblings (the tree's sort_order)
};

struct GenTree {
  std::vector<GenOrg> orgs;      // in pre-order
  std::vector<int64_t> regions;  // ids of the root's children, in order
  int leaf_level = 0;
  int64_t leaves = 0;
};

GenTree GenerateTree(const GenSpec& spec);

// "national" / "province".
const char* ScaleName(Scale s);

namespace internal {
inline uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}
}  // namespace internal

// Mean of an integer element's values (decimal elements: 25).
inline int ElementMean(int element) { return element % 4 == 0 ? 25 : 2 + (element * 7) % 23; }
inline bool ElementIsDecimal(int element) { return element % 4 == 0; }

// Reporting probability of a leaf, in 1/65536: 20%..40%.
inline uint32_t LeafRate(uint64_t seed, int64_t org_id) {
  return 13107 + static_cast<uint32_t>(internal::Mix(seed ^ (static_cast<uint64_t>(org_id) << 1)) %
                                       13108);
}

// The value of a cell in quarters (value = quarters / 4), or -1 when the cell is empty.
inline int32_t CellQuarters(uint64_t seed, int64_t org_id, uint32_t rate, int element, int month) {
  uint64_t h = internal::Mix(seed + static_cast<uint64_t>(org_id) * 0x100000001B3ULL +
                             static_cast<uint64_t>(element) * 0x9E3779B1ULL +
                             static_cast<uint64_t>(month) * 0x85EBCA77ULL);
  if ((h & 0xFFFF) >= rate) return -1;
  uint64_t r = h >> 16;
  if (ElementIsDecimal(element)) return static_cast<int32_t>(r % 201);  // 0..50 in quarters
  int mean = ElementMean(element);
  return static_cast<int32_t>(r % static_cast<uint64_t>(2 * mean + 1)) * 4;
}

// Visits every filled cell: fn(org_id, element 1..40, month 0..59, quarters). Leaves in
// pre-order, then elements, then months.
template <typename Fn>
void ForEachValue(const GenSpec& spec, const GenTree& tree, Fn&& fn) {
  for (const GenOrg& o : tree.orgs) {
    if (o.level != tree.leaf_level) continue;
    uint32_t rate = LeafRate(spec.seed, o.id);
    for (int e = 1; e <= kElements; ++e) {
      for (int m = 0; m < kMonths; ++m) {
        int32_t q = CellQuarters(spec.seed, o.id, rate, e, m);
        if (q >= 0) fn(o.id, e, m, q);
      }
    }
  }
}

// Visits the filled cells of one element: fn(org_id, month 0..59, quarters), leaves in
// pre-order, then months. Together over elements 1..40: the same cells as ForEachValue.
template <typename Fn>
void ForEachValueOf(const GenSpec& spec, const GenTree& tree, int element, Fn&& fn) {
  for (const GenOrg& o : tree.orgs) {
    if (o.level != tree.leaf_level) continue;
    uint32_t rate = LeafRate(spec.seed, o.id);
    for (int m = 0; m < kMonths; ++m) {
      int32_t q = CellQuarters(spec.seed, o.id, rate, element, m);
      if (q >= 0) fn(o.id, m, q);
    }
  }
}

// Month 0..59 → its year and month (2020, 8 for month 0).
inline int MonthYear(int month) { return kFirstYear + (kFirstMonth - 1 + month) / 12; }
inline int MonthOfYear(int month) { return (kFirstMonth - 1 + month) % 12 + 1; }
// Month 0..59 → YYYYMM (202008).
inline int MonthCode(int month) { return MonthYear(month) * 100 + MonthOfYear(month); }

// Cell meetings (issue 5: records that feed indicators). Every grassroots organization holds
// its regular monthly meeting in each month of 2022–2023 with a probability of its own between
// 60% and 95%, and a thematic meeting in a month with probability 5%: about 1,000,000 records
// nationally (about 19,000 at province scale). A meeting is on day 1..28; the organization has
// 5..40 members, of whom two thirds to all attend. Pure functions of (seed, organization, month).
inline constexpr int kMeetingFirstYear = 2022;
inline constexpr int kMeetingMonths = 24;

struct GenMeeting {
  int64_t org_id = 0;
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..28
  bool thematic = false;
  int present = 0;
  int total = 0;
};

// Visits every meeting: fn(const GenMeeting&), leaves in pre-order, then months, the regular
// meeting before the thematic one.
template <typename Fn>
void ForEachMeeting(const GenSpec& spec, const GenTree& tree, Fn&& fn) {
  for (const GenOrg& o : tree.orgs) {
    if (o.level != tree.leaf_level) continue;
    const uint64_t base = internal::Mix(spec.seed ^ 0x5EEDull ^ (static_cast<uint64_t>(o.id) << 8));
    const uint64_t rate = 60 + base % 36;       // percent
    const int total = 5 + static_cast<int>((base >> 8) % 36);
    for (int m = 0; m < kMeetingMonths; ++m) {
      for (int kind = 0; kind < 2; ++kind) {
        const uint64_t h = internal::Mix(base + static_cast<uint64_t>(m) * 0x9E3779B1ULL +
                                         static_cast<uint64_t>(kind) * 0x85EBCA77ULL);
        if (h % 100 >= (kind == 0 ? rate : 5)) continue;
        GenMeeting g;
        g.org_id = o.id;
        g.year = kMeetingFirstYear + m / 12;
        g.month = m % 12 + 1;
        g.day = 1 + static_cast<int>((h >> 8) % 28);
        g.thematic = kind == 1;
        g.total = total;
        g.present = total - static_cast<int>((h >> 16) % static_cast<uint64_t>(total / 3 + 1));
        fn(g);
      }
    }
  }
}

// Writes DIR/meetings.csv (org_id,held_on,thematic,present,total with held_on as YYYYMMDD and
// thematic 0/1), with a header line. Returns the number of meetings, or -1 with *error set.
int64_t WriteMeetingsCsv(const GenSpec& spec, const GenTree& tree, const std::string& dir,
                         std::string* error);

// Writes DIR/orgs.csv (id,parent_id,level,province_id,pre,pre_end) and DIR/values.csv
// (org_id,element_id,period,value with period as YYYYMM, sorted by element, period and
// organization), with a header line each. Prints
// progress to stderr. Returns the number of values written, or -1 with *error set.
int64_t WriteCsv(const GenSpec& spec, const GenTree& tree, const std::string& dir,
                 std::string* error);

}  // namespace nq::bench
