// ElementColumn's year sums (value_index_column.h): a window of one year's covered slots, summed
// or averaged, read from the year sums must give what the rows give, bit for bit, after every
// kind of write; any other window must not use them.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analytics/analytics_test_util.h"
#include "analytics/value_index_column.h"

namespace nq::analytics::value_index_column_year_test {
namespace {

constexpr int kAug2020 = 20 * 12 + 7;  // monthly slot of 2020M08 (slot 0: 2000M01)
constexpr int kJul2025 = 25 * 12 + 6;

// 30 organizations under one root; `reversed` numbers the children in the other order.
OrgTree Tree(bool reversed) {
  std::mt19937 rng(17052023);
  std::vector<Organization> orgs;
  for (int64_t id = 1; id <= 30; ++id) {
    const int64_t parent =
        id == 1 ? 0 : std::uniform_int_distribution<int>(1, static_cast<int>(id) - 1)(rng);
    orgs.push_back(testing_util::TestOrg(id, id == 1 ? std::nullopt : std::optional(parent),
                                         static_cast<int>(reversed ? 100 - id : id)));
  }
  return OrgTree::Build(orgs).value();
}

// What the row of `pre` gives over slots [lo, hi], computed here from Row() alone.
OrgWindow FromRow(const ElementColumn& c, int pre, int lo, int hi, TimeAggregation ta) {
  const RowView r = c.Row(pre);
  OrgWindow out;
  double sum = 0;
  int n = 0;
  for (int i = 0; i < r.size; ++i) {
    const int slot = r.slots[i] & kSlotMask;
    if (slot < lo || slot > hi) continue;
    const bool est = (r.slots[i] & kEstimateBit) != 0;
    sum += r.values[i];
    ++n;
    out.estimate = ta == TimeAggregation::kLast ? est : out.estimate || est;
    if (ta == TimeAggregation::kLast) out.value = r.values[i];
  }
  out.any = n > 0;
  if (ta == TimeAggregation::kSum) out.value = n > 0 ? sum : 0;
  if (ta == TimeAggregation::kAverage) out.value = n > 0 ? sum / n : 0;
  return out;
}

struct Fixture {
  explicit Fixture(PeriodType type, int lo, int hi, bool estimates) : estimates_(estimates) {
    tree = Tree(false);
    links = TreeLinks::Of(tree);
    shape.element_id = 1;
    shape.period_type = type;
    column = std::make_unique<ElementColumn>(shape, links);
    column->Cover(links, lo, hi);
    first = lo;
    last = hi;
  }
  int n() const { return static_cast<int>(links.size()); }
  double Value() { return std::uniform_real_distribution<double>(-10, 1000)(rng); }
  uint16_t Flag(int slot) {
    const bool est = estimates_ && std::uniform_int_distribution<int>(0, 5)(rng) == 0;
    return static_cast<uint16_t>(slot | (est ? kEstimateBit : 0));
  }
  int Uniform(int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); }

  // Every window around each covered year: the calendar year, exactly its covered slots, and one
  // slot less on either side; sum, average and last; ForEachOrg against the rows and Combine.
  void Check(const std::string& when) {
    const int per_year = shape.period_type == PeriodType::kQuarterly ? 4 : 12;
    const int lo_c = column->base();
    const int hi_c = column->base() + column->span() - 1;
    if (column->span() == 0) return;
    for (int y = lo_c / per_year; y <= hi_c / per_year; ++y) {
      const int a = std::max(y * per_year, lo_c);
      const int b = std::min(y * per_year + per_year - 1, hi_c);
      if (column->has_year_sums()) {
        for (int pre = 0; pre < n(); ++pre) {
          EXPECT_EQ(column->YearSum(pre, y),
                    FromRow(*column, pre, a, b, TimeAggregation::kSum).value)
              << when << " year " << y << " pre " << pre;
        }
      }
      struct W {
        int lo, hi;
        bool whole;
      };
      for (const W& w : {W{y * per_year, y * per_year + per_year - 1, true}, W{a, b, true},
                         W{a + 1, b, false}, W{a, b - 1, false}}) {
        if (w.lo > w.hi) continue;
        const MaskWindow m = column->MaskFor(w.lo, w.hi);
        const std::string what = when + " window " + std::to_string(w.lo) + ".." +
                                 std::to_string(w.hi) + " covered " + std::to_string(lo_c) + ".." +
                                 std::to_string(hi_c);
        EXPECT_EQ(m.year, w.whole && column->has_year_sums() ? y : -1) << what;
        for (int ta = 0; ta < 3; ++ta) {
          const auto agg = static_cast<TimeAggregation>(ta);
          std::vector<std::pair<int, OrgWindow>> got;
          column->ForEachOrg(0, n(), m, agg,
                             [&got](int pre, const OrgWindow& v) { got.emplace_back(pre, v); });
          size_t k = 0;
          for (int pre = 0; pre < n(); ++pre) {
            const OrgWindow want = FromRow(*column, pre, w.lo, w.hi, agg);
            const OrgWindow combined = column->Combine(pre, m, agg);
            EXPECT_EQ(combined.any, want.any) << what << " pre " << pre;
            if (!want.any) continue;
            EXPECT_EQ(combined.value, want.value) << what << " pre " << pre;
            EXPECT_EQ(combined.estimate, want.estimate) << what << " pre " << pre;
            ASSERT_LT(k, got.size()) << what << " ta " << ta;
            EXPECT_EQ(got[k].first, pre) << what << " ta " << ta;
            EXPECT_EQ(got[k].second.value, want.value) << what << " ta " << ta << " pre " << pre;
            EXPECT_EQ(got[k].second.estimate, want.estimate) << what << " ta " << ta;
            ++k;
          }
          EXPECT_EQ(k, got.size()) << what << " ta " << ta;
        }
      }
    }
  }

  // Random sets, erases and merges over [first, last].
  void Write(int ops) {
    for (int op = 0; op < ops; ++op) {
      const int pre = Uniform(0, n() - 1);
      const int kind = Uniform(0, 9);
      if (kind < 6) {
        column->Set(links, pre, Flag(Uniform(first, last)), Value());
      } else if (kind < 8) {
        const RowView r = column->Row(pre);
        const int slot = r.size > 0 && kind == 6 ? r.slots[Uniform(0, r.size - 1)] & kSlotMask
                                                 : Uniform(first, last);
        column->Erase(links, pre, slot);
      } else {
        std::vector<uint16_t> slots;
        std::vector<double> values;
        for (int s = first; s <= last; ++s) {
          if (Uniform(0, 3) != 0) continue;
          slots.push_back(Flag(s));
          values.push_back(Value());
        }
        column->Merge(links, pre, slots.data(), values.data(), static_cast<int>(slots.size()));
      }
    }
  }

  std::mt19937 rng{20230517};
  bool estimates_;
  OrgTree tree;
  TreeLinks links;
  ElementShape shape;
  std::unique_ptr<ElementColumn> column;
  int first = 0;
  int last = 0;
};

TEST(ValueIndexColumnYearTest, MonthlyTermStartingInAugust) {
  for (bool estimates : {false, true}) {
    Fixture f(PeriodType::kMonthly, kAug2020, kJul2025, estimates);
    ASSERT_TRUE(f.column->has_year_sums());
    const std::string e = estimates ? "with estimates: " : "no estimates: ";
    f.Check(e + "empty");
    f.Write(600);
    f.Check(e + "after sets, erases, merges");
    // A start-up load: merges without derived data, then Refresh.
    for (int pre = 0; pre < f.n(); pre += 3) {
      std::vector<uint16_t> slots;
      std::vector<double> values;
      for (int s = f.first; s <= f.last; s += f.Uniform(1, 4)) {
        slots.push_back(f.Flag(s));
        values.push_back(f.Value());
      }
      f.column->Merge(f.links, pre, slots.data(), values.data(), static_cast<int>(slots.size()),
                      false);
    }
    f.column->Refresh(f.links);
    f.Check(e + "after Refresh");
    // Widening: a value in March 2020 (2020 now covers March to December) and in 2026.
    f.column->Cover(f.links, kAug2020 - 5, kAug2020 - 5);
    f.column->Set(f.links, 4, f.Flag(kAug2020 - 5), 12.5);
    f.column->Cover(f.links, kJul2025 + 7, kJul2025 + 7);
    f.column->Set(f.links, 5, f.Flag(kJul2025 + 7), -3.75);
    f.first = kAug2020 - 5;
    f.last = kJul2025 + 7;
    f.Check(e + "after Cover");
    f.Write(300);
    f.Check(e + "after writes on the wider column");
    // A new numbering of the same organizations.
    const OrgTree other = Tree(true);
    std::vector<int32_t> old_to_new(f.links.size());
    for (size_t i = 0; i < old_to_new.size(); ++i) {
      old_to_new[i] = other.Pre(f.tree.At(static_cast<int>(i)).id);
    }
    f.tree = other;
    f.links = TreeLinks::Of(other);
    f.column->Renumber(f.links, old_to_new);
    f.Check(e + "after Renumber");
    f.Write(200);
    f.Check(e + "after writes on the new numbering");
    f.column->Clear(f.links);
    f.Check(e + "after Clear");
  }
}

// Quarters over ten years (several mask words after widening).
TEST(ValueIndexColumnYearTest, QuarterlyAndSeveralMaskWords) {
  Fixture q(PeriodType::kQuarterly, 20 * 4 + 2, 24 * 4 + 1, true);
  ASSERT_TRUE(q.column->has_year_sums());
  q.Write(400);
  q.Check("quarterly");
  Fixture m(PeriodType::kMonthly, 15 * 12 + 4, 24 * 12 + 9, true);  // 2015M05..2024M10: 2 words
  ASSERT_TRUE(m.column->has_year_sums());
  m.Write(800);
  m.Check("monthly, 2 words");
  m.column->Cover(m.links, 0, 0);  // 2000M01..: 298 slots, no masks, no year sums
  EXPECT_FALSE(m.column->has_year_sums());
  m.Check("monthly, no masks");
}

// Estimate masks are allocated at the column's first estimate only.
TEST(ValueIndexColumnYearTest, EstimateMasksAreLazy) {
  Fixture f(PeriodType::kMonthly, kAug2020, kJul2025, false);
  f.Write(300);
  const auto slot = static_cast<uint16_t>(kAug2020 + 30);
  f.column->Set(f.links, 7, slot, 2.5);
  const int64_t without = f.column->MemoryBytes();
  // The same slot again (no new row block), now an estimate: one mask word per organization.
  f.column->Set(f.links, 7, static_cast<uint16_t>(slot | kEstimateBit), 1.5);
  const int64_t with = f.column->MemoryBytes();
  EXPECT_EQ(with - without, static_cast<int64_t>(f.links.size() * sizeof(uint64_t)));
  f.Check("first estimate");
  f.column->Refresh(f.links);
  EXPECT_EQ(f.column->MemoryBytes(), with) << "the estimate is still there";
  f.column->Set(f.links, 7, slot, 2.5);
  f.Check("estimate replaced");
  f.column->Refresh(f.links);
  EXPECT_EQ(f.column->MemoryBytes(), without) << "no estimate left: no estimate masks";
  f.Check("estimates gone");
}

}  // namespace
}  // namespace nq::analytics::value_index_column_year_test
