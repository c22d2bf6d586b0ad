// Test support for the DataService and AnalyticsService tests (not part of nqtrack_core).
//
// DataTest extends ServiceTest (service_test_util.h) with reported data defined by an admin of
// the bloc:
//   monthly elements  members_total, members_present (numbers ≥ 0), meeting_held (yes/no),
//                     rating (category HTXSNV/HTTNV/HTNV/KHTNV)
//   data set BC-THANG monthly, those four elements, reported by every kind of organization,
//                     due 10 days after the month; rules R1 members_present <= members_total,
//                     R2 rating != "KHTNV"
//   yearly element    new_members (number), in no data set
#pragma once

#include <string>
#include <vector>

#include "service/service_test_util.h"

namespace nq::testing_util {

// A row of an import file.
inline ValueRow ImportRow(int line, const std::string& org, const std::string& element,
                          const std::string& period, const std::string& value) {
  ValueRow r;
  r.line = line;
  r.org_code = org;
  r.element_code = element;
  r.period = period;
  r.value = value;
  return r;
}

// The audit actor of a test principal.
inline store::Actor TestActor(const Principal& p) { return {p.user_id, p.username, "test"}; }

// A period id known to be valid in the test ("2023M05"); a test failure otherwise.
inline Period TestPeriod(const std::string& id) {
  Result<Period> p = Period::Parse(id);
  EXPECT_TRUE(p.ok()) << id;
  return p.ok() ? *p : Period();
}

// Creates the element through the service as `p` (test set-up); a test failure otherwise.
inline DataElement CreateTestElement(App& app, const Principal& p, const DataElement& e) {
  Result<DataElement> r = app.data().CreateElement(p, e, TestActor(p));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : e;
}

// A monthly category element: the quality rating of a cell (HTXSNV, HTTNV, HTNV, KHTNV).
inline DataElement MonthlyRating(const std::string& name) {
  DataElement rating;
  rating.code = "rating";
  rating.name = name;
  rating.type = ValueType::kCategory;
  rating.period_type = PeriodType::kMonthly;
  rating.org_aggregation = OrgAggregation::kCount;
  rating.time_aggregation = TimeAggregation::kLast;
  rating.categories = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};
  return rating;
}

class DataTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = As(Role::kAdmin, "DUK", 9001);
    total_ = Element("members_total", "Tổng số đảng viên", ValueType::kNumber);
    present_ = Element("members_present", "Số đảng viên dự họp", ValueType::kNumber);
    held_ = Element("meeting_held", "Có sinh hoạt chi bộ", ValueType::kYesNo);
    rating_ = Create(MonthlyRating("Xếp loại"));
    DataElement yearly;
    yearly.code = "new_members";
    yearly.name = "Số đảng viên mới kết nạp";
    yearly.period_type = PeriodType::kYearly;
    yearly.min = 0;
    yearly.unit = "đảng viên";
    new_members_ = Create(yearly);

    DataSet s;
    s.code = "BC-THANG";
    s.name = "Báo cáo hằng tháng";
    s.period_type = PeriodType::kMonthly;
    s.element_ids = {total_.id, present_.id, held_.id, rating_.id};
    s.reporting_kinds = {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell,
                         OrgKind::kSubCell};
    s.deadline_days = 10;
    s.rules = {{"R1", "members_present <= members_total",
                "Số đảng viên dự họp không được lớn hơn tổng số đảng viên"},
               {"R2", "rating != \"KHTNV\"", "Tổ chức không được xếp loại KHTNV"}};
    Result<DataSet> created = app_->data().CreateDataSet(admin_, s, ActorOf(admin_));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    set_ = *created;
  }

  DataElement Element(const std::string& code, const std::string& name, ValueType type) {
    DataElement e;
    e.code = code;
    e.name = name;
    e.type = type;
    e.period_type = PeriodType::kMonthly;
    if (type == ValueType::kNumber) e.min = 0;
    return Create(e);
  }

  DataElement Create(const DataElement& e) { return CreateTestElement(*app_, admin_, e); }

  // The target MT1 of `resolution_id`, made as the system: a cumulative target on the indicator
  // new_members — admit at least 100 new members over the term. Fails the test on an error.
  void CreateNewMembersTarget(int64_t resolution_id) {
    Target t;
    t.resolution_id = resolution_id;
    t.code = "MT1";
    t.position = 1;
    t.text = "Kết nạp ít nhất 100 đảng viên mới trong nhiệm kỳ";
    t.comparator = Comparator::kAtLeast;
    t.kind = TargetKind::kCumulative;
    t.indicator = "new_members";
    t.value = 100;
    t.unit = "đảng viên";
    Result<Target> created = app_->plans().CreateTargetAsSystem(t, system_);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  static store::Actor ActorOf(const Principal& p) { return TestActor(p); }

  static Period P(const std::string& id) { return TestPeriod(id); }

  Result<SaveOutcome> Save(const Principal& p, const std::string& org, const DataElement& e,
                           const std::string& period, const std::string& text) {
    ValueInput in;
    in.org_id = Id(org);
    in.element_id = e.id;
    in.period = P(period);
    in.text = text;
    return app_->data().SaveValue(p, in, ActorOf(p));
  }

  Result<Report> Submit(const Principal& p, const std::string& org, const std::string& period) {
    return app_->data().Submit(p, Id(org), set_.id, P(period), ActorOf(p));
  }
  Result<Report> Approve(const Principal& p, const std::string& org, const std::string& period) {
    return app_->data().Approve(p, Id(org), set_.id, P(period), ActorOf(p));
  }
  Result<Report> Reopen(const Principal& p, const std::string& org, const std::string& period) {
    return app_->data().Reopen(p, Id(org), set_.id, P(period), ActorOf(p));
  }

  // The stored value, if any, read through the service as the admin.
  std::optional<double> Stored(const std::string& org, const DataElement& e,
                               const std::string& period) {
    Result<std::vector<DataValue>> values =
        app_->data().ListValues(admin_, Id(org), e.id, PeriodRange::Parse(period).value());
    EXPECT_TRUE(values.ok()) << values.status().ToString();
    if (!values.ok()) return std::nullopt;
    for (const DataValue& v : *values) {
      if (v.org_id == Id(org)) return v.value;
    }
    return std::nullopt;
  }

  Principal admin_;
  DataElement total_, present_, held_, rating_, new_members_;
  DataSet set_;
};

}  // namespace nq::testing_util
