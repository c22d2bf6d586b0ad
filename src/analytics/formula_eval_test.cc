#include "analytics/formula_eval.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analytics/analytics_test_util.h"

namespace nq::analytics::formula_eval_test {
namespace {

Organization Org(int64_t id, std::optional<int64_t> parent) {
  return testing_util::TestOrg(id, parent);
}

DataElement Element(int64_t id, const std::string& code, PeriodType pt, TimeAggregation ta) {
  return testing_util::TestElement(id, code, pt, DataElement{}.org_aggregation, ta);
}

constexpr int64_t kBloc = 1, kA = 2, kB = 3, kC = 4;
constexpr int64_t kMembers = 10, kNew = 11, kRating = 12;

// Bloc 1 with cells A (2), B (3), C (4); term 1/10/2020 – 30/9/2025, window up to 17/5/2023.
//   members (monthly, last): A 2020M11 = 20, 2023M05 = 24; B 2020M11 = 10; C 2021M01 = 5
//   new_members (monthly, sum): A 2021M03 = 2, 2022M06 = 3, 2023M02 = 1 (estimate); B 2021M07 = 4
//   rating (yearly category HTXSNV/HTTNV/HTNV): 2022 A = HTXSNV, B = HTTNV, C = HTNV
class FormulaEvalTest : public ::testing::Test {
 protected:
  FormulaEvalTest()
      : index_(OrgTree::Build({Org(kBloc, std::nullopt), Org(kA, kBloc), Org(kB, kBloc),
                               Org(kC, kBloc)})
                   .value()) {
    std::vector<DataElement> elements = {
        Element(kMembers, "members", PeriodType::kMonthly, TimeAggregation::kLast),
        Element(kNew, "new_members", PeriodType::kMonthly, TimeAggregation::kSum),
        Element(kRating, "rating", PeriodType::kYearly, TimeAggregation::kLast)};
    elements[2].type = ValueType::kCategory;
    elements[2].categories = {"HTXSNV", "HTTNV", "HTNV"};
    for (const DataElement& e : elements) {
      index_.DefineElement({e.id, e.period_type, e.org_aggregation, e.time_aggregation});
    }
    catalog_ = ElementCatalog(elements);
    Put(kA, kMembers, "2020M11", 20);
    Put(kA, kMembers, "2023M05", 24);
    Put(kB, kMembers, "2020M11", 10);
    Put(kC, kMembers, "2021M01", 5);
    Put(kA, kNew, "2021M03", 2);
    Put(kA, kNew, "2022M06", 3);
    Put(kA, kNew, "2023M02", 1, true);
    Put(kB, kNew, "2021M07", 4);
    Put(kA, kRating, "2022", 0);
    Put(kB, kRating, "2022", 1);
    Put(kC, kRating, "2022", 2);
    ctx_.index = &index_;
    ctx_.catalog = &catalog_;
    ctx_.root_org = kBloc;
    ctx_.window = Window{Date{2020, 10, 1}, Date{2023, 5, 17}};
    ctx_.term_start = Date{2020, 10, 1};
    ctx_.term_end = Date{2025, 9, 30};
  }

  void Put(int64_t org, int64_t element, const char* period, double v, bool estimate = false) {
    const Status s = index_.Set(org, element, Period::Parse(period).value(), v, estimate);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  Result<EvalValue> Eval(std::string_view text) {
    NQ_ASSIGN_OR_RETURN(const Formula f, Formula::Parse(text));
    return Evaluate(f, ctx_);
  }
  std::optional<double> Value(std::string_view text) {
    Result<EvalValue> r = Eval(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    return r.ok() ? r->value : std::nullopt;
  }
  bool Estimate(std::string_view text) {
    Result<EvalValue> r = Eval(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    return r.ok() && r->estimate;
  }

  ValueIndex index_;
  ElementCatalog catalog_;
  EvalContext ctx_;
};

TEST_F(FormulaEvalTest, ElementsUseTheirOwnAggregations) {
  EXPECT_EQ(Value("members"), 24 + 10 + 5);  // last month of each cell, summed
  EXPECT_EQ(Value("new_members"), 2 + 3 + 1 + 4);
  EXPECT_TRUE(Estimate("new_members"));
  EXPECT_FALSE(Estimate("members"));
  EXPECT_EQ(Value("100 * new_members / members"), 100.0 * 10 / 39);
}

TEST_F(FormulaEvalTest, OrganizationAggregates) {
  EXPECT_EQ(Value("sum(new_members)"), 10);
  EXPECT_EQ(Value("count(new_members)"), 2);
  EXPECT_EQ(Value("max(new_members)"), 6);  // A: 2 + 3 + 1
  EXPECT_EQ(Value("min(new_members)"), 4);
  EXPECT_EQ(Value("avg(new_members)"), 5);
  // An expression per organization with all of its elements, then combined.
  EXPECT_EQ(Value("avg(members * 2)"), (24 + 10 + 5) * 2 / 3.0);
  EXPECT_EQ(Value("sum(new_members / members)"), 6.0 / 24 + 4.0 / 10);
  EXPECT_EQ(Value("count(year(new_members, 2022))"), 1);
  EXPECT_EQ(Value("count(year(new_members, 2019))"), 0);
}

TEST_F(FormulaEvalTest, CountIfWithNumbersAndCategories) {
  EXPECT_EQ(Value("count_if(members > 8)"), 2);
  EXPECT_EQ(Value("count_if(rating == \"HTXSNV\" or rating == \"HTTNV\")"), 2);
  EXPECT_EQ(Value("count_if(rating == \"HTNV\")"), 1);
  EXPECT_EQ(Value("count_if(year(new_members, 2021) >= 4)"), 1);
  EXPECT_EQ(Value("count_if(members > 1000)"), 0);
  Result<EvalValue> r = Eval("count_if(rating == \"KHAC\")");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "formula.type");
}

TEST_F(FormulaEvalTest, PeriodFunctions) {
  EXPECT_EQ(Value("year(new_members, 2021)"), 6);
  EXPECT_EQ(Value("year(new_members, 2023)"), 1);
  EXPECT_TRUE(Estimate("year(new_members, 2023)"));
  EXPECT_FALSE(Estimate("year(new_members, 2022)"));
  EXPECT_EQ(Value("year(new_members, 2019)"), std::nullopt);  // before the term
  EXPECT_EQ(Value("cumulative(new_members)"), 10);
  EXPECT_EQ(Value("prev_year(new_members)"), 3);
  // 2020 (October–December) has no value and is skipped.
  EXPECT_EQ(Value("yearly_avg(new_members)"), (6 + 3 + 1) / 3.0);
  // No value in October 2020: term_start falls back to November.
  EXPECT_EQ(Value("term_start(members)"), 30);
  EXPECT_EQ(Value("0.03 * term_start(members)"), 0.03 * 30);
  EXPECT_EQ(Value("year(new_members, 2021) - prev_year(new_members)"), 3);
}

TEST_F(FormulaEvalTest, MissingDataIsNullopt) {
  ctx_.window = Window{Date{2020, 10, 1}, Date{2020, 10, 31}};
  EXPECT_EQ(Value("new_members"), std::nullopt);
  EXPECT_EQ(Value("new_members + 1"), std::nullopt);
  EXPECT_EQ(Value("count(new_members)"), 0);
  EXPECT_EQ(Value("count_if(new_members > 0)"), 0);
}

TEST_F(FormulaEvalTest, Errors) {
  Result<EvalValue> r = Eval("new_members / (members - members)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "formula.div_zero");
  EXPECT_EQ(r.status().message(), "Lỗi công thức ở vị trí 13: chia cho 0");
  r = Eval("1 + memberz");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "formula.unknown_element");
  EXPECT_EQ(r.status().message(), "Lỗi công thức ở vị trí 5: chỉ tiêu 'memberz' không tồn tại");
  r = Eval("sum(memberz)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "formula.unknown_element");
}

TEST_F(FormulaEvalTest, CheckElements) {
  EXPECT_TRUE(CheckElements(Formula::Parse("sum(members) + year(new_members, 2021)").value(),
                            catalog_)
                  .ok());
  const Status s = CheckElements(Formula::Parse("members + x_y").value(), catalog_);
  EXPECT_EQ(s.key(), "formula.unknown_element");
  EXPECT_EQ(s.message(), "Lỗi công thức ở vị trí 11: chỉ tiêu 'x_y' không tồn tại");
  EXPECT_EQ(catalog_.FindId(kRating)->code, "rating");
  EXPECT_EQ(catalog_.Find("nope"), nullptr);
}

}  // namespace
}  // namespace nq::analytics::formula_eval_test
