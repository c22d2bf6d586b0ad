#include "service/analytics_service.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "service/data_test_fixture.h"

namespace nq::analytics_service_test {
namespace {

using testing_util::DataTest;

// A term 1/8/2020 – 31/7/2025 of the bloc, its resolution and one cumulative target: admit at
// least 100 new members over the term (indicator new_members, yearly, in no data set).
class AnalyticsTest : public DataTest {
 protected:
  void SetUp() override {
    DataTest::SetUp();
    if (HasFatalFailure()) return;
    Term term;
    term.name = "Nhiệm kỳ 2020 - 2025";
    term.start = Date{2020, 8, 1};
    term.end = Date{2025, 7, 31};
    term.org_id = Id("DUK");
    Result<Term> t = app_->plans().CreateTermAsSystem(term, system_);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    term_ = *t;
    Resolution res;
    res.term_id = term_.id;
    res.number = "01-NQ/ĐUK";
    res.title = "Nghị quyết Đại hội Đảng bộ Khối lần thứ XIII";
    res.adopted = Date{2020, 8, 1};
    Result<Resolution> r = app_->plans().CreateResolutionAsSystem(res, system_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    resolution_ = *r;
    CreateNewMembersTarget(resolution_.id);
    if (HasFatalFailure()) return;
  }

  const analytics::TargetResult& Only(const ResolutionDashboard& d) {
    EXPECT_EQ(d.result.targets.size(), 1u);
    return d.result.targets.front();
  }

  static std::optional<double> YearValue(const analytics::TargetResult& t, int year) {
    for (const analytics::YearPoint& y : t.years) {
      if (y.year == year) return y.value;
    }
    return std::nullopt;
  }

  const Date as_of_{2023, 5, 17};
  Term term_;
  Resolution resolution_;
};

TEST_F(AnalyticsTest, AssessSeesACommittedValueAtOnce) {
  Principal bloc = As(Role::kCommittee, "DUK");
  Result<ResolutionDashboard> d = app_->analytics().Assess(bloc, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->root.code, "DUK");
  EXPECT_EQ(Only(*d).assessment.status, analytics::TargetStatus::kNoData);

  ASSERT_TRUE(Save(bloc, "DUK.SYT", new_members_, "2021", "30").ok());
  d = app_->analytics().Assess(bloc, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(YearValue(Only(*d), 2021), 30);
  EXPECT_EQ(Only(*d).assessment.actual, 30);

  ASSERT_TRUE(Save(bloc, "DUK.STC.VP", new_members_, "2022", "25").ok());
  d = app_->analytics().Assess(bloc, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(YearValue(Only(*d), 2022), 25);
  EXPECT_EQ(Only(*d).assessment.actual, 55);

  // An erased value leaves the very next assessment too.
  ASSERT_TRUE(Save(bloc, "DUK.STC.VP", new_members_, "2022", "").ok());
  d = app_->analytics().Assess(bloc, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Only(*d).assessment.actual, 30);
}

TEST_F(AnalyticsTest, TheIndexIsLoadedAtStartUp) {
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(bloc, "DUK.SYT", new_members_, "2021", "30").ok());
  ASSERT_TRUE(Save(bloc, "DUK.SYT", total_, "2023M05", "14").ok());
  app_.reset();
  Result<std::unique_ptr<App>> reopened = App::Open(url_, 2);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  app_ = std::move(reopened).value();
  std::optional<DataValue> v = app_->analytics().index().Get(Id("DUK.SYT"), total_.id,
                                                             P("2023M05"));
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->value, 14);
  EXPECT_NE(app_->analytics().catalog()->Find("rating"), nullptr);
  Result<ResolutionDashboard> d = app_->analytics().Assess(bloc, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Only(*d).assessment.actual, 30);
}

TEST_F(AnalyticsTest, AReporterAssessesTheirOwnSubtree) {
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(bloc, "DUK.SYT", new_members_, "2021", "30").ok());
  ASSERT_TRUE(Save(bloc, "DUK.SCT", new_members_, "2021", "7").ok());
  Principal rep = As(Role::kReporter, "DUK.SCT");
  Result<ResolutionDashboard> d = app_->analytics().Assess(rep, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->root.code, "DUK.SCT");  // the bloc is above the reporter's scope
  EXPECT_EQ(d->result.root_org, Id("DUK.SCT"));
  EXPECT_EQ(Only(*d).assessment.actual, 7);

  d = app_->analytics().Assess(rep, resolution_.id, as_of_, Id("DUK.SYT"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().key(), "scope.denied");
  Result<TargetChart> chart =
      app_->analytics().TargetDetail(rep, resolution_.id, "MT1", as_of_, Id("DUK"));
  ASSERT_FALSE(chart.ok());
  EXPECT_EQ(chart.status().key(), "scope.denied");
}

TEST_F(AnalyticsTest, TargetDetailGivesPathsAndTheDrillDown) {
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(bloc, "DUK.SYT", new_members_, "2021", "30").ok());
  ASSERT_TRUE(Save(bloc, "DUK.STC.NS", new_members_, "2022", "12").ok());
  Result<TargetChart> chart = app_->analytics().TargetDetail(bloc, resolution_.id, "MT1", as_of_);
  ASSERT_TRUE(chart.ok()) << chart.status().ToString();
  EXPECT_EQ(chart->result.assessment.actual, 42);

  // Expected: from 0 at the start of the term to 100 at its end, through each year end and
  // the as-of date, rising.
  ASSERT_GE(chart->expected_path.size(), 3u);
  EXPECT_EQ(chart->expected_path.front().first, term_.start);
  EXPECT_EQ(chart->expected_path.front().second, 0);
  EXPECT_EQ(chart->expected_path.back().first, term_.end);
  EXPECT_EQ(chart->expected_path.back().second, 100);
  bool has_as_of = false;
  bool has_2021_end = false;
  for (size_t i = 0; i < chart->expected_path.size(); ++i) {
    const auto& [date, value] = chart->expected_path[i];
    if (date == as_of_) {
      has_as_of = true;
      EXPECT_NEAR(value, chart->result.assessment.expected.value_or(-1), 0.5);
    }
    has_2021_end = has_2021_end || date == Date{2021, 12, 31};
    if (i > 0) {
      EXPECT_GT(value, chart->expected_path[i - 1].second);
    }
  }
  EXPECT_TRUE(has_as_of);
  EXPECT_TRUE(has_2021_end);

  // Projection: from the last actual to the end of the term.
  ASSERT_EQ(chart->projection_path.size(), 2u);
  EXPECT_EQ(chart->projection_path.front().second, 42);
  EXPECT_EQ(chart->projection_path.back().first, term_.end);
  EXPECT_EQ(chart->projection_path.back().second, chart->result.assessment.projection.value());

  // Drill-down: each child of the bloc with its own share.
  std::vector<std::pair<std::string, std::optional<double>>> children;
  for (const auto& [org, result] : chart->children) {
    children.emplace_back(org.code, result.assessment.actual);
  }
  ASSERT_EQ(children.size(), 3u);
  EXPECT_EQ(children[0].first, "DUK.STC");
  EXPECT_EQ(children[0].second, 12);
  EXPECT_EQ(children[1].first, "DUK.SCT");
  EXPECT_FALSE(children[1].second.has_value());
  EXPECT_EQ(children[2].first, "DUK.SYT");
  EXPECT_EQ(children[2].second, 30);

  Result<TargetChart> missing = app_->analytics().TargetDetail(bloc, resolution_.id, "MT9",
                                                               as_of_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().key(), "target.not_found");
}

TEST_F(AnalyticsTest, ANewOrganizationIsFollowed) {
  Principal admin = As(Role::kAdmin, "DUK");
  OrgInput in;
  in.code = "DUK.MOI";
  in.name = "Chi bộ Công ty Mới";
  in.kind = OrgKind::kBaseCell;
  in.parent_id = Id("DUK");
  Result<Organization> org = app_->orgs().CreateOrg(admin, in, ActorOf(admin));
  ASSERT_TRUE(org.ok()) << org.status().ToString();
  ASSERT_TRUE(Save(admin, "DUK.MOI", new_members_, "2021", "9").ok());
  Result<ResolutionDashboard> d = app_->analytics().Assess(admin, resolution_.id, as_of_);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Only(*d).assessment.actual, 9);
}

TEST_F(AnalyticsTest, ElementSeriesFollowsScope) {
  Principal bloc = As(Role::kCommittee, "DUK");
  ASSERT_TRUE(Save(bloc, "DUK.SYT", new_members_, "2021", "30").ok());
  ASSERT_TRUE(Save(bloc, "DUK.SCT", new_members_, "2022", "5").ok());
  const analytics::Window w{Date{2020, 1, 1}, Date{2023, 12, 31}};
  Result<std::vector<analytics::SeriesPoint>> s =
      app_->analytics().ElementSeries(bloc, new_members_.id, Id("DUK"), w);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0].period, P("2021"));
  EXPECT_EQ((*s)[0].value, 30);
  EXPECT_EQ((*s)[1].value, 5);
  Principal rep = As(Role::kReporter, "DUK.SCT");
  s = app_->analytics().ElementSeries(rep, new_members_.id, Id("DUK"), w);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().key(), "scope.denied");
  s = app_->analytics().ElementSeries(bloc, 424242, Id("DUK"), w);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().key(), "element.not_found");
}

// Records feed a target through the record index: a committed record is seen by the next
// assessment (OnRecordInserted, as RecordService calls it after its commit), an erased one
// leaves it, and the index is loaded from the store at start-up.
TEST_F(AnalyticsTest, RecordsFeedTargets) {
  Target t;
  t.resolution_id = resolution_.id;
  t.code = "MT2";
  t.position = 2;
  t.text = "Các chi bộ sinh hoạt thường kỳ ít nhất 12 lần trong nhiệm kỳ";
  t.kind = TargetKind::kCumulative;
  t.indicator = "record_count(cell_meeting, kind == \"regular\")";
  t.value = 12;
  t.unit = "cuộc";
  ASSERT_TRUE(app_->plans().CreateTargetAsSystem(t, system_).ok());

  std::optional<RecordType> type;
  {
    auto tx = app_->db().Begin(system_, store::TxMode::kRead);
    ASSERT_TRUE(tx.ok());
    Result<std::vector<RecordType>> types = (*tx)->ListRecordTypes();
    ASSERT_TRUE(types.ok()) << types.status().ToString();
    for (const RecordType& x : *types) {
      if (x.code == "cell_meeting") type = x;
    }
  }
  ASSERT_TRUE(type.has_value()) << "the built-in types are seeded at start-up";
  app_->analytics().OnRecordTypeChanged(*type);  // as RecordService's hook does

  auto insert = [&](const char* org, Date held_on, const char* kind) -> int64_t {
    Record r;
    r.type_id = type->id;
    r.version = 1;
    r.org_id = Id(org);
    r.values = {{"kind", OptionRef{kind}},
                {"held_on", held_on},
                {"members_present", 9.0},
                {"members_total", 10.0}};
    auto tx = app_->db().Begin(system_, store::TxMode::kWrite);
    EXPECT_TRUE(tx.ok());
    Result<int64_t> id = (*tx)->InsertRecord(r);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_TRUE((*tx)->Commit().ok());
    r.id = id.ok() ? *id : 0;
    app_->analytics().OnRecordInserted(r);
    return r.id;
  };
  auto mt2 = [&]() -> analytics::TargetResult {
    Result<ResolutionDashboard> d =
        app_->analytics().Assess(As(Role::kCommittee, "DUK"), resolution_.id, as_of_);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    for (const analytics::TargetResult& r : d->result.targets) {
      if (r.target.code == "MT2") return r;
    }
    ADD_FAILURE() << "no MT2";
    return {};
  };

  EXPECT_EQ(mt2().assessment.status, analytics::TargetStatus::kNoData);
  const int64_t first = insert("DUK.SYT", Date{2022, 3, 10}, "regular");
  insert("DUK.SCT", Date{2022, 4, 12}, "regular");
  insert("DUK.SCT", Date{2023, 1, 12}, "thematic");
  analytics::TargetResult r = mt2();
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(YearValue(r, 2021), std::nullopt);
  EXPECT_EQ(YearValue(r, 2022), 2);
  EXPECT_EQ(YearValue(r, 2023), 0);  // a thematic meeting only: recorded, but not counted
  EXPECT_EQ(r.assessment.actual, 2);
  EXPECT_EQ(app_->analytics().records().size(), 3);

  app_->analytics().OnRecordErased(first);
  EXPECT_EQ(YearValue(mt2(), 2022), 1);

  // A reopened app loads the records from the store (the erased one was only erased from the
  // index, so it is back: the store still holds it).
  app_.reset();
  Result<std::unique_ptr<App>> reopened = App::Open(url_, 2);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  app_ = std::move(reopened).value();
  EXPECT_EQ(app_->analytics().records().size(), 3);
  EXPECT_NE(app_->analytics().records().catalog()->Find("cell_meeting"), nullptr);
  EXPECT_EQ(YearValue(mt2(), 2022), 2);
}

}  // namespace
}  // namespace nq::analytics_service_test
