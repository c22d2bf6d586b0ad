#include "analytics/record_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "analytics/analytics_test_util.h"
#include "analytics/formula_eval.h"
#include "analytics/resolution_assessment.h"
#include "domain/record_builtin.h"

namespace nq::analytics::record_index_test {
namespace {

using testing_util::TestOrg;

constexpr int64_t kBloc = 1, kA = 2, kB = 3, kC = 4, kA1 = 21, kA2 = 22;

// Bloc 1 with a grassroots committee A (2) of cells A1 (21) and A2 (22), and the cells B (3)
// and C (4); C closed on 31/12/2021.
std::vector<Organization> Orgs() {
  Organization c = TestOrg(kC, kBloc);
  c.valid_to = Date{2021, 12, 31};
  Organization a = TestOrg(kA, kBloc);
  a.kind = OrgKind::kBaseCommittee;
  return {TestOrg(kBloc, std::nullopt), a, TestOrg(kB, kBloc), c, TestOrg(kA1, kA),
          TestOrg(kA2, kA)};
}

// The built-in types with ids 1.. in their order.
std::vector<RecordType> Types() {
  std::vector<RecordType> types = BuiltinRecordTypes();
  for (size_t i = 0; i < types.size(); ++i) types[i].id = static_cast<int64_t>(i) + 1;
  return types;
}

int64_t TypeId(const std::string& code) {
  for (const RecordType& t : Types()) {
    if (t.code == code) return t.id;
  }
  return 0;
}

Record Rec(int64_t id, const std::string& type, int64_t org,
           std::map<std::string, FieldValue> values) {
  Record r;
  r.id = id;
  r.type_id = TypeId(type);
  r.type_code = type;
  r.org_id = org;
  r.values = std::move(values);
  return r;
}

Record Meeting(int64_t id, int64_t org, Date held_on, const char* kind, double present,
               double total) {
  return Rec(id, kRecordCellMeeting, org,
             {{"kind", OptionRef{kind}},
              {"held_on", held_on},
              {"members_present", present},
              {"members_total", total}});
}

// Records (all cell meetings on the 10th of the month):
//   A1: regular every month of 2022 (8 of 10 present) and a thematic one on 10/3/2022 (9 of
//       10); regular January–May 2023 (8 of 10)
//   A2: regular every month of 2022 but July (5 of 10)
//   B:  regular January–June 2022 (6 of 6)
//   C:  regular on 10/5/2021 (4 of 4)
//   inspections: A 1/3–11/3/2022 with a violation, B 1/5–31/5/2022 without, B from 1/9/2022
//       (not ended)
//   admissions: A1 admitted 1/6/2021 and 1/4/2022, outstanding mass 1/5/2022; B admitted
//       1/2/2023
std::vector<Record> Records() {
  std::vector<Record> out;
  int64_t id = 100;
  for (int m = 1; m <= 12; ++m) {
    out.push_back(Meeting(++id, kA1, Date{2022, m, 10}, "regular", 8, 10));
    if (m != 7) out.push_back(Meeting(++id, kA2, Date{2022, m, 10}, "regular", 5, 10));
    if (m <= 6) out.push_back(Meeting(++id, kB, Date{2022, m, 10}, "regular", 6, 6));
    if (m <= 5) out.push_back(Meeting(++id, kA1, Date{2023, m, 10}, "regular", 8, 10));
  }
  out.push_back(Meeting(++id, kA1, Date{2022, 3, 10}, "thematic", 9, 10));
  out.push_back(Meeting(++id, kC, Date{2021, 5, 10}, "regular", 4, 4));
  auto inspection = [&](int64_t org, Date start, std::optional<Date> end, bool violation) {
    std::map<std::string, FieldValue> v = {{"activity", OptionRef{"inspection"}},
                                           {"kind", OptionRef{"regular"}},
                                           {"subject_kind", OptionRef{"organization"}},
                                           {"start_on", start},
                                           {"violation", violation}};
    if (end) v["end_on"] = *end;
    out.push_back(Rec(++id, kRecordInspection, org, std::move(v)));
  };
  inspection(kA, Date{2022, 3, 1}, Date{2022, 3, 11}, true);
  inspection(kB, Date{2022, 5, 1}, Date{2022, 5, 31}, false);
  inspection(kB, Date{2022, 9, 1}, std::nullopt, false);
  auto admission = [&](int64_t org, Date on, const char* stage) {
    out.push_back(Rec(++id, kRecordAdmission, org,
                      {{"candidate", std::string("Nguyễn Văn A")},
                       {"stage", OptionRef{stage}},
                       {"stage_on", on}}));
  };
  admission(kA1, Date{2021, 6, 1}, "admitted");
  admission(kA1, Date{2022, 4, 1}, "admitted");
  admission(kA1, Date{2022, 5, 1}, "outstanding_mass");
  admission(kB, Date{2023, 2, 1}, "admitted");
  return out;
}

class RecordIndexTest : public ::testing::Test {
 protected:
  RecordIndexTest()
      : values_(OrgTree::Build(Orgs()).value()), records_(OrgTree::Build(Orgs()).value()) {
    for (const RecordType& t : Types()) EXPECT_FALSE(records_.DefineType(t));
    const Status s = records_.Load(Records());
    EXPECT_TRUE(s.ok()) << s.ToString();
    ctx_.index = &values_;
    ctx_.catalog = &elements_;
    ctx_.records = &records_;
    ctx_.root_org = kBloc;
    ctx_.window = Window{Date{2022, 1, 1}, Date{2022, 12, 31}};
    ctx_.term_start = Date{2020, 10, 1};
    ctx_.term_end = Date{2025, 9, 30};
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
  std::string Error(std::string_view text) {
    Result<EvalValue> r = Eval(text);
    return r.ok() ? "ok" : r.status().key() + "|" + r.status().message();
  }

  ValueIndex values_;
  ElementCatalog elements_;
  RecordIndex records_;
  EvalContext ctx_;
};

TEST_F(RecordIndexTest, CountsWithConditions) {
  EXPECT_EQ(records_.size(), static_cast<int64_t>(Records().size()));
  EXPECT_EQ(Value("record_count(cell_meeting)"), 30);  // 13 + 11 + 6 in 2022
  EXPECT_EQ(Value("record_count(cell_meeting, kind == \"thematic\")"), 1);
  EXPECT_EQ(Value("record_count(cell_meeting, kind != \"thematic\")"), 29);
  EXPECT_EQ(Value("record_count(cell_meeting, members_present == members_total)"), 6);
  EXPECT_EQ(Value("record_count(cell_meeting, held_on >= 19174)"), 6 + 5);  // 1/7/2022 on
  EXPECT_EQ(Value("record_count(inspection, violation == 1)"), 1);
  EXPECT_EQ(Value("record_count(inspection, violation)"), 1);
  // A record whose condition cannot be judged (no end date) is left out.
  EXPECT_EQ(Value("record_count(inspection, not (end_on - start_on > 20))"), 1);
  EXPECT_EQ(Value("record_count(admission, stage == \"official\")"), 0);
  EXPECT_EQ(Value("record_count(quality_rating)"), 0);
}

TEST_F(RecordIndexTest, SumsAveragesAndDateDifferences) {
  EXPECT_EQ(Value("record_sum(cell_meeting, members_present)"), 12 * 8 + 9 + 11 * 5 + 6 * 6);
  EXPECT_EQ(Value("record_sum(cell_meeting, members_present, kind == \"thematic\")"), 9);
  EXPECT_EQ(Value("record_sum(quality_rating, year)"), 0);
  // (12 × 80 + 90 + 11 × 50 + 6 × 100) / 30
  EXPECT_NEAR(*Value("record_avg(cell_meeting, 100 * members_present / members_total)"),
              2200.0 / 30, 1e-9);
  EXPECT_EQ(Value("record_avg(inspection, end_on - start_on)"), 20);  // (10 + 30) / 2
  EXPECT_EQ(Value("record_min(inspection, end_on - start_on)"), 10);
  EXPECT_EQ(Value("record_max(inspection, end_on - start_on)"), 30);
  EXPECT_EQ(Value("record_max(inspection, end_on - start_on, violation == 0)"), 30);
  EXPECT_EQ(Value("record_avg(quality_rating, year)"), std::nullopt);
  EXPECT_EQ(Value("record_min(inspection, end_on - start_on, kind == \"thematic\")"),
            std::nullopt);
  // A division by zero leaves the record out instead of failing the indicator.
  EXPECT_EQ(Value("record_count(cell_meeting, members_present / (members_total - 10) < 0)"),
            6);  // B's meetings; A1's and A2's divide by zero
}

TEST_F(RecordIndexTest, OrganizationsMonthsAndShares) {
  EXPECT_EQ(Value("record_orgs(cell_meeting, 1)"), 3);   // A1, A2, B
  EXPECT_EQ(Value("record_orgs(cell_meeting, 12)"), 1);  // A1 (13)
  EXPECT_EQ(Value("record_orgs(cell_meeting, 12, kind == \"regular\")"), 1);
  EXPECT_EQ(Value("record_orgs(cell_meeting, 13, kind == \"regular\")"), 0);
  EXPECT_EQ(Value("record_orgs(inspection, 2)"), 1);  // B
  // Every month of 2022: only A1 (A2 missed July, B stopped in June).
  EXPECT_EQ(Value("record_months(cell_meeting, 1)"), 1);
  EXPECT_EQ(Value("record_months(cell_meeting, 1, kind == \"regular\")"), 1);
  EXPECT_EQ(Value("record_months(cell_meeting, 2)"), 0);
  // Share: cells open in 2022 are A1, A2 and B (C closed, A and the bloc have cells).
  EXPECT_NEAR(*Value("record_share(cell_meeting, 12)"), 100.0 / 3, 1e-9);
  EXPECT_EQ(Value("record_share(cell_meeting, 1)"), 100);
  EXPECT_EQ(Value("record_share(inspection, 1)"), 100.0 / 3);  // B; A is not a cell
}

TEST_F(RecordIndexTest, MonthsAreClippedToTheWindow) {
  // January to 17 June: June counts with its first 17 days, where every cell met on the 10th.
  ctx_.window = Window{Date{2022, 1, 1}, Date{2022, 6, 17}};
  EXPECT_EQ(Value("record_months(cell_meeting, 1)"), 3);
  // Up to 9 June, June has no meeting of anyone yet.
  ctx_.window = Window{Date{2022, 1, 1}, Date{2022, 6, 9}};
  EXPECT_EQ(Value("record_months(cell_meeting, 1)"), 0);
  // A window starting mid-month: 15/6–9/8 holds no meeting in June (the 10th is before it).
  ctx_.window = Window{Date{2022, 6, 15}, Date{2022, 8, 9}};
  EXPECT_EQ(Value("record_months(cell_meeting, 1)"), 0);
  ctx_.window = Window{Date{2022, 6, 10}, Date{2022, 8, 10}};
  EXPECT_EQ(Value("record_months(cell_meeting, 1)"), 1);  // A1; A2 missed July
  EXPECT_EQ(Value("record_count(cell_meeting)"), 3 + 2 + 1);
}

TEST_F(RecordIndexTest, SharesCountCellsOpenInTheWindow) {
  ctx_.window = Window{Date{2021, 1, 1}, Date{2021, 12, 31}};
  // 2021: C is open and met once; A1, A2, B did not meet: 1 of 4 cells.
  EXPECT_EQ(Value("record_share(cell_meeting, 1)"), 25);
  ctx_.root_org = kA;
  EXPECT_EQ(Value("record_share(cell_meeting, 1)"), 0);
  ctx_.root_org = kA1;  // a cell alone is its own denominator
  ctx_.window = Window{Date{2022, 1, 1}, Date{2022, 12, 31}};
  EXPECT_EQ(Value("record_share(cell_meeting, 12)"), 100);
}

TEST_F(RecordIndexTest, SubtreeAndWindow) {
  ctx_.root_org = kA;
  EXPECT_EQ(Value("record_count(cell_meeting)"), 24);
  EXPECT_EQ(Value("record_count(cell_meeting, kind == \"regular\")"), 23);
  EXPECT_EQ(Value("record_orgs(cell_meeting, 1)"), 2);
  ctx_.root_org = kA1;
  EXPECT_EQ(Value("record_count(cell_meeting)"), 13);
  ctx_.root_org = kB;
  EXPECT_EQ(Value("record_count(inspection)"), 2);
  ctx_.root_org = kBloc;
  ctx_.window = Window{Date{2022, 3, 10}, Date{2022, 3, 10}};  // both ends inclusive
  EXPECT_EQ(Value("record_count(cell_meeting)"), 4);
  ctx_.window = Window{Date{2022, 3, 11}, Date{2022, 3, 10}};  // empty
  EXPECT_EQ(Value("record_count(cell_meeting)"), std::nullopt);
  ctx_.root_org = 999;
  ctx_.window = Window{Date{2022, 1, 1}, Date{2022, 12, 31}};
  EXPECT_EQ(Value("record_count(cell_meeting)"), std::nullopt);
}

TEST_F(RecordIndexTest, PeriodFunctionsChangeTheWindow) {
  ctx_.window = Window{Date{2023, 1, 1}, Date{2023, 5, 17}};
  EXPECT_EQ(Value("record_count(cell_meeting)"), 5);
  EXPECT_EQ(Value("year(record_count(cell_meeting), 2022)"), 30);
  EXPECT_EQ(Value("year(record_count(admission, stage == \"admitted\"), 2021)"), 1);
  EXPECT_EQ(Value("cumulative(record_count(admission, stage == \"admitted\"))"), 3);
  EXPECT_EQ(Value("prev_year(record_months(cell_meeting, 1))"), 1);
  ctx_.window = Window{Date{2021, 1, 1}, Date{2022, 12, 31}};
  EXPECT_EQ(Value("yearly_avg(record_count(admission, stage == \"admitted\"))"), 1);
  // A year outside the term: an empty window, no value.
  EXPECT_EQ(Value("year(record_count(cell_meeting), 2019)"), std::nullopt);
  // Arithmetic around record functions: over 2021–2022, A1 of A1, A2, B, C.
  EXPECT_EQ(Value("100 * record_orgs(cell_meeting, 12) / record_orgs(cell_meeting, 1)"), 25);
}

TEST_F(RecordIndexTest, ErrorsNameTheTypeOrField) {
  EXPECT_EQ(Error("1 + record_count(meetings)"),
            "formula.unknown_record_type|Lỗi công thức ở vị trí 18: loại hồ sơ 'meetings' "
            "không tồn tại");
  EXPECT_EQ(Error("record_sum(cell_meeting, attendance)"),
            "formula.unknown_field|Lỗi công thức ở vị trí 26: trường 'attendance' không có "
            "trong loại hồ sơ 'cell_meeting'");
  EXPECT_EQ(Error("record_count(cell_meeting, topics == 1)").substr(0, 14), "formula.type|L");
  EXPECT_EQ(Error("record_count(cell_meeting, kind == \"weekly\")"),
            "formula.type|Lỗi công thức ở vị trí 36: \"weekly\" không phải là mã lựa chọn của "
            "trường 'Loại sinh hoạt'");
  EXPECT_EQ(Error("record_count(cell_meeting, members_total == \"regular\")").substr(0, 13),
            "formula.type|");
  ctx_.records = nullptr;
  EXPECT_EQ(Error("record_count(cell_meeting)").substr(0, 28), "formula.unknown_record_type|");
}

TEST_F(RecordIndexTest, CheckElementsChecksRecordFunctions) {
  const std::shared_ptr<const RecordCatalog> types = records_.catalog();
  ASSERT_EQ(types->types().size(), 11u);
  auto check = [&](std::string_view text, const RecordCatalog* c) {
    const Status s = CheckElements(Formula::Parse(text).value(), elements_, c);
    return s.ok() ? std::string("ok") : s.key();
  };
  EXPECT_EQ(check("record_avg(inspection, end_on - start_on, violation)", types.get()), "ok");
  EXPECT_EQ(check("record_count(nothing)", types.get()), "formula.unknown_record_type");
  EXPECT_EQ(check("record_count(cell_meeting, late == 1)", types.get()),
            "formula.unknown_field");
  EXPECT_EQ(check("year(record_sum(dissemination, document), 2022)", types.get()),
            "formula.type");
  EXPECT_EQ(check("record_count(cell_meeting)", nullptr), "formula.unknown_record_type");
  // Field names inside a record function are not elements; elements outside still are.
  EXPECT_EQ(check("record_count(cell_meeting) / members", types.get()),
            "formula.unknown_element");
}

TEST_F(RecordIndexTest, InsertAndEraseAreVisibleAtOnce) {
  EXPECT_EQ(Value("record_count(cell_meeting, kind == \"thematic\")"), 1);
  EXPECT_EQ(Value("record_share(cell_meeting, 7)"), 200.0 / 3);  // A1 and A2, not B (6)
  ASSERT_TRUE(records_.Insert(Meeting(5000, kB, Date{2022, 11, 3}, "thematic", 6, 6)).ok());
  EXPECT_EQ(Value("record_count(cell_meeting, kind == \"thematic\")"), 2);
  EXPECT_EQ(Value("record_share(cell_meeting, 7)"), 100);
  EXPECT_TRUE(records_.Erase(5000));
  EXPECT_EQ(Value("record_count(cell_meeting, kind == \"thematic\")"), 1);
  EXPECT_FALSE(records_.Erase(5000));
  EXPECT_EQ(records_.size(), static_cast<int64_t>(Records().size()));

  Record unknown_org = Meeting(5001, 77, Date{2022, 1, 1}, "regular", 1, 1);
  EXPECT_EQ(records_.Insert(unknown_org).key(), "index.org_unknown");
  Record no_date = Meeting(5002, kB, Date{2022, 1, 1}, "regular", 1, 1);
  no_date.values.erase("held_on");
  EXPECT_EQ(records_.Insert(no_date).key(), "index.record_date");
  Record no_type = Meeting(5003, kB, Date{2022, 1, 1}, "regular", 1, 1);
  no_type.type_id = 99;
  EXPECT_EQ(records_.Insert(no_type).key(), "index.record_type_unknown");
  // Load refuses the whole batch.
  EXPECT_EQ(records_.Load({Meeting(5004, kB, Date{2022, 1, 2}, "thematic", 1, 1), no_type}).key(),
            "index.record_type_unknown");
  EXPECT_EQ(Value("record_count(cell_meeting, kind == \"thematic\")"), 1);
  EXPECT_GT(records_.MemoryBytes(), 0);
}

TEST_F(RecordIndexTest, ReplaceTreeMovesAndDropsRecords) {
  std::vector<Organization> orgs = Orgs();
  for (Organization& o : orgs) {
    if (o.id == kB) o.parent_id = kA;  // B moves under A
  }
  orgs.erase(std::remove_if(orgs.begin(), orgs.end(),
                            [](const Organization& o) { return o.id == kA2; }),
             orgs.end());
  records_.ReplaceTree(OrgTree::Build(orgs).value());
  ctx_.root_org = kA;
  EXPECT_EQ(Value("record_count(cell_meeting)"), 13 + 6);
  EXPECT_EQ(Value("record_count(inspection)"), 3);
  ctx_.root_org = kBloc;
  EXPECT_EQ(Value("record_count(cell_meeting)"), 19);
  EXPECT_EQ(records_.size(), static_cast<int64_t>(Records().size()) - 11);
  EXPECT_TRUE(records_.tree().Contains(kB));
  EXPECT_FALSE(records_.tree().Contains(kA2));
}

// A type with a number field that is not a whole number, revised with a new field and options.
RecordType Custom(int versions) {
  RecordTypeVersion v1;
  v1.fields = {{.code = "on", .label = "Ngày", .type = FieldType::kDate, .required = true},
               {.code = "amount", .label = "Số tiền", .type = FieldType::kNumber},
               {.code = "kind", .label = "Loại", .type = FieldType::kCategory}};
  v1.fields[2].options = {{"a", "A"}, {"b", "B"}};
  RecordType t{.id = 50, .code = "custom", .name = "Tùy chỉnh", .date_field = "on"};
  t.versions = {v1};
  if (versions > 1) {
    RecordTypeVersion v2 = v1;
    v2.number = 2;
    v2.fields[2].options = {{"c", "C"}, {"b", "B"}, {"a", "A"}};
    v2.fields.push_back({.code = "done", .label = "Xong", .type = FieldType::kYesNo});
    t.versions.push_back(v2);
  }
  return t;
}

Record CustomRecord(int64_t id, double amount, const char* kind, int version = 1) {
  Record r;
  r.id = id;
  r.type_id = 50;
  r.version = version;
  r.org_id = kB;
  r.values = {{"on", Date{2022, 2, 2}}, {"amount", amount}, {"kind", OptionRef{kind}}};
  if (version > 1) r.values["done"] = true;
  return r;
}

TEST_F(RecordIndexTest, VersionsKeepOptionsAndExactSums) {
  EXPECT_FALSE(records_.DefineType(Custom(1)));
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(records_.Insert(CustomRecord(900 + i, 0.1, "b")).ok());
  // Ten times 0.1, as doubles (a float column would give 1.0000000149).
  EXPECT_DOUBLE_EQ(*Value("record_sum(custom, amount)"), 10 * 0.1);
  EXPECT_EQ(Error("record_count(custom, done)").substr(0, 22), "formula.unknown_field|");
  // Version 2 reorders the options and adds a field: old records keep their option.
  EXPECT_FALSE(records_.DefineType(Custom(2)));
  ASSERT_TRUE(records_.Insert(CustomRecord(950, 2, "b", 2)).ok());
  ASSERT_TRUE(records_.Insert(CustomRecord(951, 3, "c", 2)).ok());
  EXPECT_EQ(Value("record_count(custom, kind == \"b\")"), 11);
  EXPECT_EQ(Value("record_count(custom, kind == \"c\")"), 1);
  EXPECT_EQ(Value("record_count(custom, done)"), 2);
  // A field that changes type drops the records: the caller reloads them.
  RecordType changed = Custom(2);
  changed.versions[1].fields[1].type = FieldType::kText;
  EXPECT_TRUE(records_.DefineType(changed));
  EXPECT_EQ(Value("record_count(custom)"), 0);
  records_.DropType(50);
  EXPECT_EQ(Error("record_count(custom)").substr(0, 28), "formula.unknown_record_type|");
}

// Many inserts in random order split blocks; every answer matches a plain count.
TEST_F(RecordIndexTest, ManyInsertsAndErasesMatchABruteForceCount) {
  std::mt19937 rng(7);
  const std::vector<int64_t> orgs = {kBloc, kA, kB, kC, kA1, kA2};
  std::vector<Record> held;
  for (int i = 0; i < 12000; ++i) {
    const int64_t org = orgs[rng() % orgs.size()];
    const Date d{2022, static_cast<int>(rng() % 12) + 1, static_cast<int>(rng() % 28) + 1};
    held.push_back(Meeting(10000 + i, org, d, rng() % 4 == 0 ? "thematic" : "regular",
                           static_cast<double>(rng() % 10), 10));
    ASSERT_TRUE(records_.Insert(held.back()).ok());
  }
  for (int i = 0; i < 12000; i += 3) ASSERT_TRUE(records_.Erase(10000 + i));
  auto brute = [&](int64_t root, const char* kind) {
    const OrgTree tree = records_.tree();
    int64_t n = 0;
    double sum = 0;
    for (int i = 0; i < 12000; ++i) {
      if (i % 3 == 0) continue;
      const Record& r = held[static_cast<size_t>(i)];
      if (!tree.InSubtree(root, r.org_id) || std::get<OptionRef>(r.values.at("kind")).code != kind) {
        continue;
      }
      ++n;
      sum += std::get<double>(r.values.at("members_present"));
    }
    return std::make_pair(n, sum);
  };
  for (int64_t root : {kBloc, kA, kA2}) {
    ctx_.root_org = root;
    const auto [n, sum] = brute(root, "thematic");
    const auto [fixture_n, fixture_sum] = [&] {
      // The fixture's own thematic meetings of 2022 in this subtree.
      return root == kA2 ? std::make_pair(0, 0.0) : std::make_pair(1, 9.0);
    }();
    EXPECT_EQ(Value("record_count(cell_meeting, kind == \"thematic\")"),
              static_cast<double>(n + fixture_n));
    EXPECT_EQ(Value("record_sum(cell_meeting, members_present, kind == \"thematic\")"),
              sum + fixture_sum);
  }
}

TEST_F(RecordIndexTest, AssessmentUsesRecords) {
  Target t;
  t.code = "MT9";
  t.text = "Kết nạp ít nhất 5 đảng viên";
  t.kind = TargetKind::kCumulative;
  t.indicator = "record_count(admission, stage == \"admitted\")";
  t.value = 5;
  ResolutionInput in;
  in.term_start = Date{2020, 10, 1};
  in.term_end = Date{2025, 9, 30};
  in.targets = {t};
  in.root_org = kBloc;
  in.as_of = Date{2023, 5, 17};
  in.records = &records_;
  Result<ResolutionResult> r = AssessResolution(values_, elements_, in);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const TargetResult& tr = r->targets.at(0);
  EXPECT_EQ(tr.error, "");
  std::map<int, std::optional<double>> years;
  for (const YearPoint& y : tr.years) years[y.year] = y.value;
  EXPECT_EQ(years[2020], std::nullopt);  // no admission record at all that year
  EXPECT_EQ(years[2021], 1);
  EXPECT_EQ(years[2022], 1);
  EXPECT_EQ(years[2023], 1);
  EXPECT_EQ(years[2024], std::nullopt);
  EXPECT_EQ(tr.assessment.actual, 3);
  // Without records the target has no data and says why.
  in.records = nullptr;
  r = AssessResolution(values_, elements_, in);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->targets.at(0).assessment.status, TargetStatus::kNoData);
  EXPECT_NE(r->targets.at(0).error.find("loại hồ sơ 'admission' không tồn tại"), std::string::npos);
}

}  // namespace
}  // namespace nq::analytics::record_index_test
