#include "analytics/value_index_column.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace nq::analytics::value_index_column_test {
namespace {

TEST(ValueIndexColumnTest, PopCountCountsBits) {
  std::mt19937_64 rng(17052023);
  std::vector<uint64_t> words = {0, 1, ~uint64_t{0}, uint64_t{1} << 63, 0x5555555555555555ULL,
                                 0xf0f0f0f0f0f0f0f0ULL};
  for (int i = 0; i < 200; ++i) words.push_back(rng() & rng());
  for (uint64_t w : words) {
    int want = 0;
    for (int b = 0; b < 64; ++b) want += static_cast<int>((w >> b) & 1);
    EXPECT_EQ(PopCount(w), want) << w;
  }
}

// ForEachOrg gives, position by position, exactly what Combine gives (the same sums bit for
// bit), with one mask word, several, and none.
TEST(ValueIndexColumnTest, ForEachOrgMatchesCombine) {
  std::mt19937 rng(20230517);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<Organization> orgs;
  for (int64_t id = 1; id <= 30; ++id) {
    Organization o;
    o.id = id;
    o.code = "O" + std::to_string(id);
    o.name = o.code;
    if (id > 1) o.parent_id = uniform(1, static_cast<int>(id) - 1);
    orgs.push_back(o);
  }
  const OrgTree tree = OrgTree::Build(orgs).value();
  const TreeLinks links = TreeLinks::Of(tree);
  const int n = static_cast<int>(links.size());
  for (int span : {1, 12, 60, 64, 65, 150, 300}) {  // words: 1, 1, 1, 1, 2, 3, none
    for (int ta = 0; ta < 3; ++ta) {
      ElementShape shape;
      shape.element_id = 1;
      shape.time_aggregation = static_cast<TimeAggregation>(ta);
      ElementColumn column(shape, links);
      const int base = 200;
      column.Cover(links, base, base + span - 1);
      for (int pre = 0; pre < n; ++pre) {
        for (int slot = base; slot < base + span; ++slot) {
          if (uniform(0, 9) >= 3) continue;
          const bool est = uniform(0, 4) == 0;
          // Not all quarters: sums depend on the order of the additions.
          const double v = std::uniform_real_distribution<double>(-10, 1000)(rng);
          column.Set(links, pre, static_cast<uint16_t>(slot | (est ? kEstimateBit : 0)), v);
        }
        if (uniform(0, 3) == 0) column.Erase(links, pre, base + uniform(0, span - 1));
      }
      for (int q = 0; q < 150; ++q) {
        int lo = base + uniform(-3, span + 2);
        int hi = base + uniform(-3, span + 2);
        if (hi < lo) std::swap(lo, hi);
        int begin = uniform(0, n);
        int end = uniform(0, n);
        if (end < begin) std::swap(begin, end);
        const std::string what = "span " + std::to_string(span) + " ta " + std::to_string(ta) +
                                 " slots " + std::to_string(lo) + ".." + std::to_string(hi) +
                                 " positions " + std::to_string(begin) + ".." +
                                 std::to_string(end);
        const MaskWindow m = column.MaskFor(lo, hi);
        std::vector<std::pair<int, OrgWindow>> want;
        for (int pre = begin; pre < end; ++pre) {
          const OrgWindow v = column.Combine(pre, m, shape.time_aggregation);
          if (v.any) want.emplace_back(pre, v);
        }
        std::vector<std::pair<int, OrgWindow>> got;
        column.ForEachOrg(begin, end, m, shape.time_aggregation,
                          [&got](int pre, const OrgWindow& v) { got.emplace_back(pre, v); });
        ASSERT_EQ(got.size(), want.size()) << what;
        for (size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].first, want[i].first) << what;
          EXPECT_TRUE(got[i].second.any) << what;
          EXPECT_EQ(got[i].second.value, want[i].second.value) << what;
          EXPECT_EQ(got[i].second.estimate, want[i].second.estimate) << what;
        }
      }
    }
  }
}

}  // namespace
}  // namespace nq::analytics::value_index_column_test
