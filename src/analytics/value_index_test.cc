#include "analytics/value_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "analytics/analytics_test_util.h"

namespace nq::analytics::value_index_test {
namespace {

Organization Org(int64_t id, std::optional<int64_t> parent, int sort_order) {
  return testing_util::TestOrg(id, parent, sort_order);
}

//   1 country
//     2 province A
//       4 district A1
//         6 cell
//         7 cell
//       5 cell
//     3 province B
//       8 cell
// Pre-order: 1 2 4 6 7 5 3 8.
OrgTree Tree() {
  return OrgTree::Build({Org(1, std::nullopt, 0), Org(2, 1, 0), Org(3, 1, 1), Org(4, 2, 0),
                         Org(5, 2, 1), Org(6, 4, 0), Org(7, 4, 1), Org(8, 3, 0)})
      .value();
}

Period P(const std::string& id) { return Period::Parse(id).value(); }
Window Year(int y) { return {Date{y, 1, 1}, Date{y, 12, 31}}; }

constexpr int64_t kMembers = 10;  // monthly, sum, sum
constexpr int64_t kRate = 11;     // monthly, average over orgs, last over time
constexpr int64_t kYearly = 12;   // yearly, sum, sum

ElementShape Shape(int64_t id, PeriodType pt, OrgAggregation oa, TimeAggregation ta) {
  ElementShape s;
  s.element_id = id;
  s.period_type = pt;
  s.org_aggregation = oa;
  s.time_aggregation = ta;
  return s;
}

class ValueIndexTest : public ::testing::Test {
 protected:
  ValueIndexTest() : index_(Tree()) {
    index_.DefineElement(
        Shape(kMembers, PeriodType::kMonthly, OrgAggregation::kSum, TimeAggregation::kSum));
    index_.DefineElement(
        Shape(kRate, PeriodType::kMonthly, OrgAggregation::kAverage, TimeAggregation::kLast));
    index_.DefineElement(
        Shape(kYearly, PeriodType::kYearly, OrgAggregation::kSum, TimeAggregation::kSum));
  }
  void Put(int64_t org, int64_t element, const std::string& period, double v,
           bool estimate = false) {
    ASSERT_TRUE(index_.Set(org, element, P(period), v, estimate).ok());
  }
  ValueIndex index_;
};

TEST_F(ValueIndexTest, SumsSubtreeOverYear) {
  Put(6, kMembers, "2023M01", 3);
  Put(6, kMembers, "2023M02", 4);
  Put(7, kMembers, "2023M05", 5);
  Put(5, kMembers, "2023M12", 6);
  Put(8, kMembers, "2023M03", 100);
  Put(6, kMembers, "2022M12", 1000);  // outside the year
  Rollup a = index_.Aggregate(kMembers, 2, Year(2023));
  ASSERT_TRUE(a.value);
  EXPECT_DOUBLE_EQ(*a.value, 3 + 4 + 5 + 6);
  EXPECT_EQ(a.orgs, 3);
  EXPECT_FALSE(a.estimate);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, Year(2023)).value, 118);
  EXPECT_EQ(index_.Aggregate(kMembers, 1, Year(2023)).orgs, 4);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 4, Year(2023)).value, 12);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 6, Year(2023)).value, 7);  // a leaf
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, Year(2022)).value, 1000);
  EXPECT_FALSE(index_.Aggregate(kMembers, 3, Year(2022)).value);  // nothing there
  EXPECT_EQ(index_.Aggregate(kMembers, 3, Year(2022)).orgs, 0);
  EXPECT_FALSE(index_.Aggregate(kMembers, 99, Year(2023)).value);  // unknown root
  EXPECT_FALSE(index_.Aggregate(99, 1, Year(2023)).value);         // unknown element
  EXPECT_EQ(index_.size(), 6);
}

TEST_F(ValueIndexTest, OrganizationAggregations) {
  Put(6, kMembers, "2023M01", 3);
  Put(6, kMembers, "2023M02", 4);  // org 6: 7 over the year
  Put(7, kMembers, "2023M05", 5);
  Put(5, kMembers, "2023M12", 10);
  const Window y = Year(2023);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 2, y, OrgAggregation::kAverage).value,
                   (7.0 + 5 + 10) / 3);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 2, y, OrgAggregation::kMin).value, 5);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 2, y, OrgAggregation::kMax).value, 10);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 2, y, OrgAggregation::kCount).value, 3);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 4, y, OrgAggregation::kCount).value, 2);
  EXPECT_FALSE(index_.Aggregate(kMembers, 3, y, OrgAggregation::kCount).value);
  // Over one month.
  const Window jan{Date{2023, 1, 1}, Date{2023, 1, 31}};
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, jan, OrgAggregation::kCount).value, 1);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, jan).value, 3);
}

TEST_F(ValueIndexTest, TimeAggregationsLastAndAverage) {
  Put(6, kRate, "2023M01", 50);
  Put(6, kRate, "2023M06", 70);
  Put(7, kRate, "2023M03", 90);
  // Last in the year: 6 -> 70, 7 -> 90; averaged over organizations.
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kRate, 4, Year(2023)).value, 80);
  // A window ending before June: 6 -> 50.
  const Window to_may{Date{2023, 1, 1}, Date{2023, 5, 17}};
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kRate, 4, to_may).value, 70);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kRate, 4, to_may, OrgAggregation::kSum).value, 140);

  index_.DefineElement(
      Shape(kRate, PeriodType::kMonthly, OrgAggregation::kSum, TimeAggregation::kAverage));
  // Org 6 averages (50 + 70) / 2 = 60; plus 90.
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kRate, 4, Year(2023)).value, 150);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kRate, 4, Year(2023), OrgAggregation::kMax).value, 90);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kRate, 4, Year(2023), OrgAggregation::kMin).value, 60);
}

TEST_F(ValueIndexTest, WindowsTakeOverlappingPeriods) {
  Put(6, kYearly, "2020", 5);
  Put(7, kYearly, "2021", 7);
  // A window starting on 1/8/2020 takes the whole year 2020.
  const Window from_aug{Date{2020, 8, 1}, Date{2020, 12, 31}};
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kYearly, 1, from_aug).value, 5);
  const Window across{Date{2020, 12, 31}, Date{2021, 1, 1}};
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kYearly, 1, across).value, 12);
  // May 2023 takes part in a window ending on 17/5/2023.
  Put(8, kMembers, "2023M05", 9);
  Put(8, kMembers, "2023M06", 100);
  const Window to_17{Date{2023, 5, 17}, Date{2023, 5, 17}};
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, to_17).value, 9);
  // An empty or reversed window has nothing.
  EXPECT_FALSE(index_.Aggregate(kMembers, 1, {Date{2023, 6, 1}, Date{2023, 5, 1}}).value);
  EXPECT_FALSE(index_.Aggregate(kMembers, 1, {Date{1990, 1, 1}, Date{1999, 12, 31}}).value);
}

TEST_F(ValueIndexTest, EstimatesCarryToResults) {
  Put(6, kMembers, "2023M01", 3, /*estimate=*/true);
  Put(7, kMembers, "2023M02", 4);
  EXPECT_TRUE(index_.Aggregate(kMembers, 4, Year(2023)).estimate);
  EXPECT_TRUE(index_.Aggregate(kMembers, 1, Year(2023), OrgAggregation::kMax).estimate);
  EXPECT_FALSE(index_.Aggregate(kMembers, 7, Year(2023)).estimate);
  const Window feb{Date{2023, 2, 1}, Date{2023, 2, 28}};
  EXPECT_FALSE(index_.Aggregate(kMembers, 1, feb).estimate);
  // Replacing the estimate with a final figure clears it.
  Put(6, kMembers, "2023M01", 3, false);
  EXPECT_FALSE(index_.Aggregate(kMembers, 1, Year(2023)).estimate);
  // With "last", only the latest value takes part.
  Put(6, kRate, "2023M01", 50, true);
  Put(6, kRate, "2023M02", 60, false);
  EXPECT_FALSE(index_.Aggregate(kRate, 1, Year(2023)).estimate);
  EXPECT_FALSE(index_.Aggregate(kRate, 1, Year(2023), OrgAggregation::kCount).estimate);
  Put(6, kRate, "2023M03", 65, true);
  EXPECT_TRUE(index_.Aggregate(kRate, 1, Year(2023)).estimate);
  EXPECT_TRUE(index_.Get(6, kRate, P("2023M03"))->estimate);
  EXPECT_FALSE(index_.Get(6, kRate, P("2023M02"))->estimate);
}

TEST_F(ValueIndexTest, SetReplacesAndEraseRemoves) {
  Put(6, kMembers, "2023M01", 3);
  Put(6, kMembers, "2023M01", 8);
  EXPECT_EQ(index_.size(), 1);
  std::optional<DataValue> v = index_.Get(6, kMembers, P("2023M01"));
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(v->value, 8);
  EXPECT_EQ(v->org_id, 6);
  EXPECT_EQ(v->element_id, kMembers);
  EXPECT_EQ(v->period, P("2023M01"));
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, Year(2023)).value, 8);

  EXPECT_TRUE(index_.Erase(6, kMembers, P("2023M01")).ok());
  EXPECT_FALSE(index_.Get(6, kMembers, P("2023M01")));
  EXPECT_FALSE(index_.Aggregate(kMembers, 1, Year(2023)).value);
  EXPECT_EQ(index_.Aggregate(kMembers, 1, Year(2023)).orgs, 0);
  EXPECT_EQ(index_.size(), 0);
  EXPECT_TRUE(index_.Erase(6, kMembers, P("2023M01")).ok());  // absent: fine
  EXPECT_EQ(index_.Erase(6, 99, P("2023M01")).key(), "index.element_unknown");
  EXPECT_EQ(index_.Erase(99, kMembers, P("2023M01")).key(), "index.org_unknown");
}

TEST_F(ValueIndexTest, SetRefusesBadInput) {
  EXPECT_EQ(index_.Set(6, 99, P("2023M01"), 1, false).key(), "index.element_unknown");
  EXPECT_EQ(index_.Set(99, kMembers, P("2023M01"), 1, false).key(), "index.org_unknown");
  Status s = index_.Set(6, kMembers, P("2023Q1"), 1, false);
  EXPECT_EQ(s.key(), "index.period_type");
  EXPECT_NE(s.message().find("Tháng"), std::string::npos) << s.message();
  EXPECT_EQ(index_.Set(6, kMembers, P("1999M12"), 1, false).key(), "index.period_range");
  EXPECT_EQ(index_.Set(6, kMembers, P("4730M09"), 1, false).key(), "index.period_range");
  EXPECT_TRUE(index_.Set(6, kMembers, P("2000M01"), 1, false).ok());
  EXPECT_TRUE(index_.Set(6, kMembers, P("4730M08"), 2, false).ok());  // slot 32767
  EXPECT_EQ(index_.size(), 2);
  const Window all{Date{1999, 1, 1}, Date{9999, 12, 31}};
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, all).value, 3);
}

DataValue V(int64_t org, int64_t element, const std::string& period, double v,
            bool estimate = false) {
  return testing_util::TestValue(org, element, period, v, estimate);
}

TEST_F(ValueIndexTest, LoadErrorsLeaveNothingLoaded) {
  const std::vector<std::pair<DataValue, std::string>> bad = {
      {V(6, 99, "2023M01", 1), "index.element_unknown"},
      {V(99, kMembers, "2023M01", 1), "index.org_unknown"},
      {V(6, kMembers, "2023", 1), "index.period_type"},
      {V(6, kMembers, "1999M01", 1), "index.period_range"},
  };
  for (const auto& [value, key] : bad) {
    std::vector<DataValue> batch = {V(6, kMembers, "2023M01", 1), V(7, kYearly, "2023", 2), value,
                                    V(8, kMembers, "2023M02", 3)};
    Status s = index_.Load(batch);
    EXPECT_EQ(s.key(), key);
    EXPECT_NE(s.message().find("thứ 3"), std::string::npos) << s.message();
    EXPECT_EQ(index_.size(), 0);
    EXPECT_FALSE(index_.Aggregate(kMembers, 1, Year(2023)).value);
    EXPECT_FALSE(index_.Get(6, kMembers, P("2023M01")));
  }
}

TEST_F(ValueIndexTest, LoadMergesAndKeepsTheLastRepeat) {
  Put(6, kMembers, "2023M03", 30);
  Put(6, kMembers, "2023M05", 50, true);
  ASSERT_TRUE(index_
                  .Load({V(6, kMembers, "2023M05", 55), V(6, kMembers, "2023M01", 10),
                         V(7, kMembers, "2023M01", 1), V(7, kMembers, "2023M01", 2, true),
                         V(8, kYearly, "2022", 4)})
                  .ok());
  EXPECT_EQ(index_.size(), 5);
  EXPECT_DOUBLE_EQ(index_.Get(6, kMembers, P("2023M05"))->value, 55);
  EXPECT_FALSE(index_.Get(6, kMembers, P("2023M05"))->estimate);
  EXPECT_DOUBLE_EQ(index_.Get(7, kMembers, P("2023M01"))->value, 2);
  EXPECT_TRUE(index_.Get(7, kMembers, P("2023M01"))->estimate);
  Rollup r = index_.Aggregate(kMembers, 1, Year(2023));
  EXPECT_DOUBLE_EQ(*r.value, 10 + 30 + 55 + 2);
  EXPECT_TRUE(r.estimate);
  EXPECT_EQ(r.orgs, 2);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kYearly, 3, Year(2022)).value, 4);
}

TEST_F(ValueIndexTest, ReplaceTreeKeepsValuesAndRenumbers) {
  Put(6, kMembers, "2023M01", 1);
  Put(7, kMembers, "2023M01", 2);
  Put(5, kMembers, "2023M01", 4);
  Put(8, kMembers, "2023M01", 8);
  // Cell 7 moves under province B; cell 5 is closed and leaves the tree; 9 is new under 3.
  std::vector<Organization> orgs = Tree().ToVector();
  orgs.erase(
      std::remove_if(orgs.begin(), orgs.end(), [](const Organization& o) { return o.id == 5; }),
      orgs.end());
  for (Organization& o : orgs) {
    if (o.id == 7) o.parent_id = 3;
  }
  orgs.push_back(Org(9, 3, -1));
  index_.ReplaceTree(OrgTree::Build(orgs).value());
  EXPECT_EQ(index_.tree().size(), 8u);
  EXPECT_EQ(index_.size(), 3);
  EXPECT_FALSE(index_.Get(5, kMembers, P("2023M01")));
  EXPECT_DOUBLE_EQ(index_.Get(7, kMembers, P("2023M01"))->value, 2);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 2, Year(2023)).value, 1);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 3, Year(2023)).value, 10);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 1, Year(2023)).value, 11);
  ASSERT_TRUE(index_.Set(9, kMembers, P("2023M02"), 16, false).ok());
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 3, Year(2023)).value, 26);
  std::vector<OrgCell> cells = index_.OrgValues(kMembers, 3, Year(2023));
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[0].org_id, 9);  // sort_order -1 puts it first
  EXPECT_EQ(cells[1].org_id, 8);
  EXPECT_EQ(cells[2].org_id, 7);
  const OrgTree t = index_.tree();
  for (const OrgCell& c : cells) EXPECT_EQ(c.pre, t.Pre(c.org_id));
  EXPECT_EQ(index_.Set(5, kMembers, P("2023M01"), 1, false).key(), "index.org_unknown");
}

TEST_F(ValueIndexTest, OrgValuesInPreOrder) {
  Put(8, kMembers, "2023M01", 8);
  Put(5, kMembers, "2023M02", 5, true);
  Put(6, kMembers, "2023M01", 6);
  Put(6, kMembers, "2023M04", 60);
  Put(2, kMembers, "2023M01", 2);  // an inner organization's own value
  std::vector<OrgCell> cells = index_.OrgValues(kMembers, 1, Year(2023));
  ASSERT_EQ(cells.size(), 4u);
  const std::vector<int64_t> ids = {2, 6, 5, 8};
  const OrgTree t = index_.tree();
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(cells[i].org_id, ids[i]);
    EXPECT_EQ(cells[i].pre, t.Pre(ids[i]));
  }
  EXPECT_DOUBLE_EQ(cells[1].value, 66);
  EXPECT_TRUE(cells[2].estimate);
  EXPECT_FALSE(cells[3].estimate);
  EXPECT_DOUBLE_EQ(*index_.Aggregate(kMembers, 2, Year(2023)).value, 2 + 66 + 5);
  EXPECT_TRUE(index_.OrgValues(kMembers, 3, Year(2022)).empty());
  // The visiting read sees the same organizations and values, in the same order.
  std::vector<std::pair<int, double>> seen;
  index_.VisitOrgValues(
      kMembers, 1, Year(2023),
      [](void* ctx, int pre, double v) {
        static_cast<std::vector<std::pair<int, double>>*>(ctx)->emplace_back(pre, v);
      },
      &seen);
  ASSERT_EQ(seen.size(), cells.size());
  for (size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].first, cells[i].pre);
    EXPECT_DOUBLE_EQ(seen[i].second, cells[i].value);
  }
}

TEST_F(ValueIndexTest, CountOrgValuesCountsAtLeast) {
  Put(6, kMembers, "2023M01", 60);
  Put(6, kMembers, "2023M02", 50);     // 110
  Put(7, kMembers, "2023M05", 99.75);  // under 100
  Put(5, kMembers, "2023M12", 100);    // exactly 100
  Put(8, kMembers, "2023M03", 300);
  Put(4, kMembers, "2023M04", 150, true);  // an inner organization, an estimate
  Put(6, kMembers, "2022M12", 1000);       // 2022
  Put(7, kMembers, "2022M06", 500);
  const OrgTree t = index_.tree();
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2023), 100), 4);  // 6, 5, 8, 4
  EXPECT_EQ(index_.CountOrgValues(kMembers, 2, Year(2023), 100), 3);  // 6, 5, 4
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2023), -1e300), 5);
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2022), 100), 2);
  std::vector<char> cells(t.size(), 0);
  for (int64_t id : {6, 7, 5, 8}) cells[static_cast<size_t>(t.Pre(id))] = 1;
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2023), 100, &cells), 3);  // 6, 5, 8
  std::vector<char> first4(4, 1);  // positions 0..3: organizations 1, 2, 4, 6
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2023), 100, &first4), 2);  // 4, 6
  EXPECT_EQ(index_.CountOrgValues(99, 1, Year(2023), 100), 0);                 // unknown element
  EXPECT_EQ(index_.CountOrgValues(kMembers, 99, Year(2023), 100), 0);          // unknown root
  // A write is counted by the very next read.
  Put(7, kMembers, "2023M06", 0.25);  // 7: 100
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2023), 100), 5);
  ASSERT_TRUE(index_.Erase(5, kMembers, P("2023M12")).ok());
  EXPECT_EQ(index_.CountOrgValues(kMembers, 1, Year(2023), 100), 4);
  // Time aggregation "last": the latest month counts.
  Put(6, kRate, "2023M01", 80);
  Put(6, kRate, "2023M03", 20);
  EXPECT_EQ(index_.CountOrgValues(kRate, 1, Year(2023), 50), 0);
  EXPECT_EQ(index_.CountOrgValues(kRate, 1, Year(2023), 20), 1);
}

TEST_F(ValueIndexTest, SeriesPerPeriod) {
  Put(6, kMembers, "2023M01", 1);
  Put(7, kMembers, "2023M01", 2, true);
  Put(8, kMembers, "2023M03", 4);
  Put(6, kMembers, "2024M01", 100);
  std::vector<SeriesPoint> s = index_.Series(kMembers, 1, Year(2023));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].period, P("2023M01"));
  EXPECT_DOUBLE_EQ(s[0].value, 3);
  EXPECT_TRUE(s[0].estimate);
  EXPECT_EQ(s[0].orgs, 2);
  EXPECT_EQ(s[1].period, P("2023M03"));
  EXPECT_DOUBLE_EQ(s[1].value, 4);
  EXPECT_FALSE(s[1].estimate);
  // A leaf, and a minimum.
  EXPECT_EQ(index_.Series(kMembers, 6, {Date{2023, 1, 1}, Date{2024, 12, 31}}).size(), 2u);
  index_.DefineElement(
      Shape(kMembers, PeriodType::kMonthly, OrgAggregation::kMin, TimeAggregation::kSum));
  s = index_.Series(kMembers, 2, Year(2023));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].value, 1);
  EXPECT_EQ(s[0].orgs, 2);
  EXPECT_TRUE(s[0].estimate);
}

TEST_F(ValueIndexTest, RedefiningAnElement) {
  Put(6, kMembers, "2023M01", 1);
  index_.DefineElement(
      Shape(kMembers, PeriodType::kMonthly, OrgAggregation::kMax, TimeAggregation::kSum));
  EXPECT_EQ(index_.size(), 1);  // same period type: kept
  index_.DefineElement(
      Shape(kMembers, PeriodType::kQuarterly, OrgAggregation::kMax, TimeAggregation::kSum));
  EXPECT_EQ(index_.size(), 0);  // another period type: dropped
  EXPECT_TRUE(index_.Set(6, kMembers, P("2023Q1"), 1, false).ok());
  EXPECT_EQ(index_.Set(6, kMembers, P("2023M01"), 1, false).key(), "index.period_type");
  index_.DropElement(kMembers);
  EXPECT_EQ(index_.size(), 0);
  EXPECT_EQ(index_.Set(6, kMembers, P("2023Q1"), 1, false).key(), "index.element_unknown");
}

TEST_F(ValueIndexTest, MemoryGrowsWithValues) {
  const int64_t empty = index_.MemoryBytes();
  EXPECT_GT(empty, 0);
  for (int m = 1; m <= 12; ++m) {
    Put(6, kMembers, "2023M" + std::string(m < 10 ? "0" : "") + std::to_string(m), m);
  }
  EXPECT_GT(index_.MemoryBytes(), empty + 12 * 10);
}

// --- randomized comparison with a naive model --------------------------------------------

struct Model {
  // (element, org, period) -> (value, estimate)
  std::map<std::tuple<int64_t, int64_t, Period>, std::pair<double, bool>> values;
  std::map<int64_t, ElementShape> shapes;

  static bool Overlaps(const Period& p, const Window& w) {
    return p.start() <= w.to && w.from <= p.end();
  }
  // The organization's values of the element in the window, in period order.
  std::vector<std::pair<double, bool>> Of(int64_t element, int64_t org, const Window& w) const {
    std::vector<std::pair<double, bool>> out;
    auto it = values.lower_bound({element, org, Period()});
    for (; it != values.end() && std::get<0>(it->first) == element && std::get<1>(it->first) == org;
         ++it) {
      if (Overlaps(std::get<2>(it->first), w)) out.push_back(it->second);
    }
    return out;
  }
  // The organization's values in the window combined over time, or nullopt.
  std::optional<std::pair<double, bool>> OrgValue(int64_t element, int64_t org,
                                                  const Window& w) const {
    std::vector<std::pair<double, bool>> v = Of(element, org, w);
    if (v.empty()) return std::nullopt;
    double sum = 0;
    bool est = false;
    for (const auto& [x, e] : v) {
      sum += x;
      est = est || e;
    }
    switch (shapes.at(element).time_aggregation) {
      case TimeAggregation::kLast:
        return v.back();
      case TimeAggregation::kAverage:
        return std::pair{sum / static_cast<double>(v.size()), est};
      case TimeAggregation::kSum:
        break;
    }
    return std::pair{sum, est};
  }
  Rollup Aggregate(const OrgTree& t, int64_t element, int64_t root, const Window& w,
                   OrgAggregation oa) const {
    std::vector<std::pair<double, bool>> per_org;
    for (int64_t org : t.SubtreeIds(root)) {
      if (auto v = OrgValue(element, org, w)) per_org.push_back(*v);
    }
    return Combine(per_org, oa);
  }
  static Rollup Combine(const std::vector<std::pair<double, bool>>& per_org, OrgAggregation oa) {
    Rollup r;
    if (per_org.empty()) return r;
    double sum = 0;
    double mn = per_org[0].first;
    double mx = per_org[0].first;
    for (const auto& [x, e] : per_org) {
      sum += x;
      mn = std::min(mn, x);
      mx = std::max(mx, x);
      r.estimate = r.estimate || e;
    }
    r.orgs = static_cast<int64_t>(per_org.size());
    const double n = static_cast<double>(per_org.size());
    switch (oa) {
      case OrgAggregation::kSum:
        r.value = sum;
        break;
      case OrgAggregation::kAverage:
        r.value = sum / n;
        break;
      case OrgAggregation::kMin:
        r.value = mn;
        break;
      case OrgAggregation::kMax:
        r.value = mx;
        break;
      case OrgAggregation::kCount:
        r.value = n;
        break;
    }
    return r;
  }
  std::vector<SeriesPoint> Series(const OrgTree& t, int64_t element, int64_t root,
                                  const Window& w) const {
    std::map<Period, std::vector<std::pair<double, bool>>> by_period;
    for (int64_t org : t.SubtreeIds(root)) {
      auto it = values.lower_bound({element, org, Period()});
      for (;
           it != values.end() && std::get<0>(it->first) == element && std::get<1>(it->first) == org;
           ++it) {
        if (Overlaps(std::get<2>(it->first), w))
          by_period[std::get<2>(it->first)].push_back(it->second);
      }
    }
    std::vector<SeriesPoint> out;
    for (const auto& [p, v] : by_period) {
      Rollup r = Combine(v, shapes.at(element).org_aggregation);
      out.push_back(SeriesPoint{p, *r.value, r.estimate, r.orgs});
    }
    return out;
  }
};

void ExpectSame(const Rollup& got, const Rollup& want, const std::string& what) {
  ASSERT_EQ(got.value.has_value(), want.value.has_value()) << what;
  if (!want.value) return;
  EXPECT_NEAR(*got.value, *want.value, 1e-6 * std::max(1.0, std::fabs(*want.value))) << what;
  EXPECT_EQ(got.estimate, want.estimate) << what;
  EXPECT_EQ(got.orgs, want.orgs) << what;
}

TEST(ValueIndexRandomTest, MatchesNaiveModel) {
  std::mt19937 rng(20230517);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<Organization> orgs = {Org(1, std::nullopt, 0)};
  for (int64_t id = 2; id <= 40; ++id)
    orgs.push_back(Org(id, uniform(1, static_cast<int>(id) - 1), uniform(0, 3)));
  OrgTree tree = OrgTree::Build(orgs).value();
  ValueIndex index(tree);
  Model model;
  // Elements: every combination of aggregations on months over a term; months over 10 and 30
  // years (several mask words, no masks); days over 30 years (no rollups); weeks; years.
  struct Pool {
    PeriodType type;
    Date first;
    Date last;
  };
  std::vector<Pool> pools;
  int64_t next_id = 100;
  for (int oa = 0; oa < 5; ++oa) {
    for (int ta = 0; ta < 3; ++ta) {
      model.shapes[next_id] = Shape(next_id, PeriodType::kMonthly, static_cast<OrgAggregation>(oa),
                                    static_cast<TimeAggregation>(ta));
      pools.push_back({PeriodType::kMonthly, Date{2020, 10, 1}, Date{2025, 9, 30}});
      ++next_id;
    }
  }
  const std::vector<Pool> extra = {{PeriodType::kMonthly, Date{2015, 1, 1}, Date{2024, 12, 31}},
                                   {PeriodType::kMonthly, Date{2000, 1, 1}, Date{2029, 12, 31}},
                                   {PeriodType::kDaily, Date{2000, 1, 1}, Date{2030, 12, 31}},
                                   {PeriodType::kWeekly, Date{2019, 1, 1}, Date{2024, 12, 31}},
                                   {PeriodType::kQuarterly, Date{2018, 1, 1}, Date{2024, 12, 31}},
                                   {PeriodType::kSixMonthly, Date{2018, 1, 1}, Date{2024, 12, 31}},
                                   {PeriodType::kYearly, Date{2000, 1, 1}, Date{2030, 12, 31}}};
  for (const Pool& p : extra) {
    model.shapes[next_id] = Shape(next_id, p.type, static_cast<OrgAggregation>(uniform(0, 4)),
                                  static_cast<TimeAggregation>(uniform(0, 2)));
    pools.push_back(p);
    ++next_id;
  }
  for (const auto& [id, shape] : model.shapes) index.DefineElement(shape);
  auto random_date = [&](const Pool& p) {
    return AddDays(p.first,
                   uniform(0, static_cast<int>(DaysFromCivil(p.last) - DaysFromCivil(p.first))));
  };
  auto random_value = [&](int64_t* element, int64_t* org, Period* period) {
    const size_t e = static_cast<size_t>(uniform(0, static_cast<int>(pools.size()) - 1));
    *element = 100 + static_cast<int64_t>(e);
    *org = tree.At(uniform(0, static_cast<int>(tree.size()) - 1)).id;
    *period = *Period::Containing(pools[e].type, random_date(pools[e]));
  };
  auto check = [&](int round) {
    EXPECT_EQ(index.size(), static_cast<int64_t>(model.values.size()));
    for (int q = 0; q < 60; ++q) {
      const size_t e = static_cast<size_t>(uniform(0, static_cast<int>(pools.size()) - 1));
      const int64_t element = 100 + static_cast<int64_t>(e);
      const int64_t root =
          tree.At(uniform(0, std::min<int>(8, static_cast<int>(tree.size()) - 1))).id;
      Date a = random_date(pools[e]);
      Date b = uniform(0, 2) == 0 ? a : random_date(pools[e]);
      if (b < a) std::swap(a, b);
      switch (uniform(0, 5)) {
        case 0:
          a = Date{a.year, 1, 1};
          [[fallthrough]];  // a calendar year
        case 1:
          b = Date{a.year, 12, 31};
          break;  // to the end of a's year
        case 2:
          a = Date{b.year, 1, 1};
          break;  // from the start of b's year
        default:
          break;
      }
      const Window w{a, b};
      const std::string what = "round " + std::to_string(round) + " element " +
                               std::to_string(element) + " root " + std::to_string(root) + " " +
                               FormatIso(a) + ".." + FormatIso(b);
      ExpectSame(index.Aggregate(element, root, w),
                 model.Aggregate(tree, element, root, w, model.shapes[element].org_aggregation),
                 what);
      for (int oa = 0; oa < 5; ++oa) {
        const auto agg = static_cast<OrgAggregation>(oa);
        ExpectSame(index.Aggregate(element, root, w, agg),
                   model.Aggregate(tree, element, root, w, agg),
                   what + " oa " + std::to_string(oa));
      }
      std::vector<SeriesPoint> got = index.Series(element, root, w);
      std::vector<SeriesPoint> want = model.Series(tree, element, root, w);
      ASSERT_EQ(got.size(), want.size()) << what;
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].period, want[i].period) << what;
        EXPECT_NEAR(got[i].value, want[i].value, 1e-6 * std::max(1.0, std::fabs(want[i].value)));
        EXPECT_EQ(got[i].estimate, want[i].estimate) << what;
        EXPECT_EQ(got[i].orgs, want[i].orgs) << what;
      }
      std::vector<OrgCell> cells = index.OrgValues(element, root, w);
      std::vector<int64_t> ids;
      const double at_least = uniform(-10, 300) / 4.0;
      std::vector<char> only(tree.size() - static_cast<size_t>(uniform(0, 3)));
      for (char& c : only) c = static_cast<char>(uniform(0, 1));
      int64_t count = 0;
      int64_t count_only = 0;
      for (int64_t org : tree.SubtreeIds(root)) {
        const auto v = model.OrgValue(element, org, w);
        if (v) ids.push_back(org);
        if (!v || v->first < at_least) continue;
        ++count;
        const auto pre = static_cast<size_t>(tree.Pre(org));
        count_only += pre < only.size() && only[pre] != 0 ? 1 : 0;
      }
      EXPECT_EQ(index.CountOrgValues(element, root, w, at_least), count) << what;
      EXPECT_EQ(index.CountOrgValues(element, root, w, at_least, &only), count_only) << what;
      ASSERT_EQ(cells.size(), ids.size()) << what;
      for (size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(cells[i].org_id, ids[i]) << what;
        EXPECT_EQ(cells[i].pre, tree.Pre(ids[i])) << what;
        const auto want_cell = model.OrgValue(element, ids[i], w);
        EXPECT_NEAR(cells[i].value, want_cell->first,
                    1e-6 * std::max(1.0, std::fabs(want_cell->first)))
            << what;
        EXPECT_EQ(cells[i].estimate, want_cell->second) << what;
      }
    }
  };
  // A start-up load large enough for the columns to be built in bulk (with repeats).
  std::vector<DataValue> start_up;
  for (int64_t element : {100, 115, 116, 117}) {
    const Pool& pool = pools[static_cast<size_t>(element - 100)];
    for (int k = 0; k < 5000; ++k) {
      DataValue d;
      d.element_id = element;
      d.org_id = tree.At(uniform(0, static_cast<int>(tree.size()) - 1)).id;
      d.period = *Period::Containing(pool.type, random_date(pool));
      d.value = uniform(0, 100);
      d.estimate = uniform(0, 4) == 0;
      start_up.push_back(d);
    }
  }
  ASSERT_TRUE(index.Load(start_up).ok());
  for (const DataValue& d : start_up) {
    model.values[{d.element_id, d.org_id, d.period}] = {d.value, d.estimate};
  }
  check(-1);
  for (int round = 0; round < 25; ++round) {
    for (int op = 0; op < 120; ++op) {
      int64_t element = 0;
      int64_t org = 0;
      Period period;
      random_value(&element, &org, &period);
      const int kind = uniform(0, 9);
      if (kind < 7) {
        const double v = uniform(-40, 400) / 4.0;
        const bool est = uniform(0, 5) == 0;
        ASSERT_TRUE(index.Set(org, element, period, v, est).ok());
        model.values[{element, org, period}] = {v, est};
      } else {
        if (kind < 9 && !model.values.empty()) {  // a stored value
          auto it = std::next(model.values.begin(),
                              uniform(0, static_cast<int>(model.values.size()) - 1));
          std::tie(element, org, period) = it->first;
        }
        ASSERT_TRUE(index.Erase(org, element, period).ok());
        model.values.erase({element, org, period});
      }
    }
    std::vector<DataValue> batch;
    for (int k = uniform(0, 200); k > 0; --k) {
      DataValue d;
      random_value(&d.element_id, &d.org_id, &d.period);
      d.value = uniform(0, 100);
      d.estimate = uniform(0, 4) == 0;
      batch.push_back(d);
    }
    ASSERT_TRUE(index.Load(batch).ok());
    for (const DataValue& d : batch)
      model.values[{d.element_id, d.org_id, d.period}] = {d.value, d.estimate};
    if (round % 4 == 3) {
      // Move one organization, drop a leaf, add one.
      const int64_t x = tree.At(uniform(1, static_cast<int>(tree.size()) - 1)).id;
      const int64_t y = tree.At(uniform(0, static_cast<int>(tree.size()) - 1)).id;
      if (!tree.InSubtree(x, y)) tree = tree.Moved(x, y).value();
      std::vector<Organization> list = tree.ToVector();
      for (size_t i = 1; i < list.size(); ++i) {
        if (tree.End(list[i].id) == tree.Pre(list[i].id) + 1) {
          const int64_t gone = list[i].id;
          list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
          for (auto it = model.values.begin(); it != model.values.end();) {
            it = std::get<1>(it->first) == gone ? model.values.erase(it) : std::next(it);
          }
          break;
        }
      }
      list.push_back(
          Org(1000 + round,
              list[static_cast<size_t>(uniform(0, static_cast<int>(list.size()) - 1))].id, 0));
      tree = OrgTree::Build(list).value();
      index.ReplaceTree(tree);
    }
    check(round);
    if (HasFatalFailure()) return;
  }
}

TEST(ValueIndexConcurrencyTest, ReaderAndWriter) {
  ValueIndex index(Tree());
  index.DefineElement(
      Shape(kMembers, PeriodType::kMonthly, OrgAggregation::kSum, TimeAggregation::kSum));
  // A writer sets, replaces and erases values and renumbers the tree while a reader reads;
  // every read must see a consistent index (and ASan/TSan must stay quiet).
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 3000; ++i) {
      EXPECT_TRUE(index.Set(6, kMembers, P("2023M01"), i, false).ok());
      EXPECT_TRUE(
          index
              .Set(8, kMembers,
                   P("2023M" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1)), 1,
                   i % 2 == 0)
              .ok());
      if (i % 10 == 0) {
        EXPECT_TRUE(index.Erase(6, kMembers, P("2023M01")).ok());
      }
      if (i % 500 == 0) index.ReplaceTree(Tree());
    }
    done = true;
  });
  int64_t reads = 0;
  while (!done) {
    Rollup r = index.Aggregate(kMembers, 1, Year(2023));
    if (r.value) {
      EXPECT_GE(*r.value, 0);
      EXPECT_LE(r.orgs, 2);
    }
    std::vector<OrgCell> cells = index.OrgValues(kMembers, 1, Year(2023));
    EXPECT_LE(cells.size(), 2u);
    EXPECT_LE(index.Series(kMembers, 3, Year(2023)).size(), 12u);
    EXPECT_GE(index.MemoryBytes(), 0);
    ++reads;
  }
  writer.join();
  EXPECT_GT(reads, 0);
  // Org 8 holds each month once, value 1.
  EXPECT_DOUBLE_EQ(*index.Aggregate(kMembers, 3, Year(2023)).value, 12);
  EXPECT_DOUBLE_EQ(index.Get(6, kMembers, P("2023M01"))->value, 2999);
}

}  // namespace
}  // namespace nq::analytics::value_index_test
