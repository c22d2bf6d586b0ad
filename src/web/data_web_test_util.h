// Test support for the reported-data handler tests (api_data_test.cc, pages_entry_test.cc; not
// part of nqtrack_core).
//
// DataWebTest extends WebTest (web_test_util.h: a fresh database, the small tree DUK > {DUK.STC >
// {DUK.STC.VP, DUK.STC.NS}, DUK.SCT, DUK.SYT}) with a handler whose routes are the session API
// and the data routes of this change (AddDataApi, AddDataPages, AddEntryPages) — the tests
// do not depend on the application's routing table — and with reported data defined by the
// bloc's admin through DataService:
//   monthly elements  members_total, members_present (numbers ≥ 0, "đảng viên"), meeting_rate
//                     (percent), meeting_held (yes/no), rating (category HTXSNV/HTTNV/HTNV/KHTNV)
//   data set BC-THANG monthly, those five elements in that order, reported by every kind,
//                     due 10 days after the month; rule R1 members_present <= members_total
// and users (password "mat-khau-dung"): quan.tri (admin, DUK), ban.to.chuc (committee, DUK),
// bao.cao.stc (reporter, DUK.STC), bao.cao.syt (reporter, DUK.SYT).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "service/data_service.h"
#include "service/data_test_fixture.h"
#include "web/api_data.h"
#include "web/api_session.h"
#include "web/pages_data.h"
#include "web/pages_entry.h"
#include "web/router.h"
#include "web/web_context.h"
#include "web/web_test_util.h"

namespace nq::web::testing_util {

class DataWebTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    if (HasFatalFailure()) return;
    auto routes = std::make_shared<Routes>(*app_);
    AddSessionApi(routes->router, routes->ctx);
    AddDataApi(routes->router, routes->ctx);
    AddDataPages(routes->router, routes->ctx);
    AddEntryPages(routes->router, routes->ctx);
    handler_ = [routes](const HttpRequest& r) { return routes->router.Dispatch(r); };

    admin_p_ = As(Role::kAdmin, "DUK", 9001);
    total_ = Element("members_total", "Tổng số đảng viên", ValueType::kNumber);
    present_ = Element("members_present", "Số đảng viên dự họp", ValueType::kNumber);
    rate_ = Element("meeting_rate", "Tỷ lệ đảng viên dự họp", ValueType::kPercent);
    held_ = Element("meeting_held", "Có sinh hoạt chi bộ", ValueType::kYesNo);
    rating_ = Create(nq::testing_util::MonthlyRating("Xếp loại chất lượng"));

    DataSet s;
    s.code = "BC-THANG";
    s.name = "Báo cáo sinh hoạt chi bộ hằng tháng";
    s.period_type = PeriodType::kMonthly;
    s.element_ids = {total_.id, present_.id, rate_.id, held_.id, rating_.id};
    s.reporting_kinds = {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell,
                         OrgKind::kSubCell};
    s.deadline_days = 10;
    s.rules = {{"R1", "members_present <= members_total",
                "Số đảng viên dự họp không được lớn hơn tổng số đảng viên"}};
    Result<DataSet> created = app_->data().CreateDataSet(admin_p_, s, Actor(admin_p_));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    set_ = *created;

    AddUser("quan.tri", Role::kAdmin, "DUK");
    AddUser("ban.to.chuc", Role::kCommittee, "DUK");
    AddUser("bao.cao.stc", Role::kReporter, "DUK.STC");
    AddUser("bao.cao.syt", Role::kReporter, "DUK.SYT");
  }

  DataElement Element(const std::string& code, const std::string& name, ValueType type) {
    DataElement e;
    e.code = code;
    e.name = name;
    e.type = type;
    e.period_type = PeriodType::kMonthly;
    if (type == ValueType::kNumber) {
      e.min = 0;
      e.unit = "đảng viên";
    }
    return Create(e);
  }

  DataElement Create(const DataElement& e) {
    return nq::testing_util::CreateTestElement(*app_, admin_p_, e);
  }

  static store::Actor Actor(const Principal& p) { return nq::testing_util::TestActor(p); }

  static Period P(const std::string& id) { return nq::testing_util::TestPeriod(id); }

  // Saves a value through the service as the admin (test set-up, not the code under test).
  void Seed(const std::string& org, const DataElement& e, const std::string& period,
            const std::string& text) {
    ValueInput in;
    in.org_id = Id(org);
    in.element_id = e.id;
    in.period = P(period);
    in.text = text;
    Result<SaveOutcome> r = app_->data().SaveValue(admin_p_, in, Actor(admin_p_));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }

  // The stored value, if any, read through the service as the admin.
  std::optional<double> Stored(const std::string& org, const DataElement& e,
                               const std::string& period) {
    Result<std::vector<DataValue>> values =
        app_->data().ListValues(admin_p_, Id(org), e.id, PeriodRange::Parse(period).value());
    EXPECT_TRUE(values.ok()) << values.status().ToString();
    if (!values.ok()) return std::nullopt;
    for (const DataValue& v : *values) {
      if (v.org_id == Id(org)) return v.value;
    }
    return std::nullopt;
  }

  // The stored state of a report of BC-THANG.
  ReportState StateOf(const std::string& org, const std::string& period) {
    Result<ReportForm> f = app_->data().GetForm(admin_p_, Id(org), set_.id, P(period), Today());
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? f->report.state : ReportState::kDraft;
  }

  std::string S(int64_t id) const { return std::to_string(id); }

  Principal admin_p_;
  DataElement total_, present_, rate_, held_, rating_;
  DataSet set_;

 private:
  struct Routes {
    explicit Routes(App& app) : ctx(app, AppOptions{}) {}
    WebContext ctx;
    Router router;
  };
};

}  // namespace nq::web::testing_util
