// Test support for the assessment API and dashboard page tests (not part of nqtrack_core).
//
// AssessmentWebTest extends WebTest with a term of DUK (1/8/2020 – 31/7/2025), the resolution
// "01-NQ/ĐUK" and two targets, a yearly element new_members (sum over organizations and time)
// and its values, written to the store and handed to the analytics index as DataService does:
//   MT1  cumulative, at least 2.000 đảng viên, indicator new_members
//   MT2  end level, at least 90%, indicator over an element that does not exist (an error)
//   values: DUK.STC.VP 600 (2021), 650 (2022); DUK.SYT 400 (2021), 550 (2022, ước đạt)
// Users: admin "quan.tri" at DUK, reporter "bao.cao" at DUK.SCT.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "service/analytics_service.h"
#include "web/web_test_util.h"

namespace nq::web::testing_util {

class AssessmentWebTest : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    Term term;
    term.name = "Nhiệm kỳ 2020 - 2025";
    term.start = Date{2020, 8, 1};
    term.end = Date{2025, 7, 31};
    term.org_id = Id("DUK");
    Result<Term> t = app_->plans().CreateTermAsSystem(term, system_);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    Resolution res;
    res.term_id = t->id;
    res.number = "01-NQ/ĐUK";
    res.title = "Nghị quyết Đại hội Đảng bộ Khối nhiệm kỳ 2020 - 2025";
    res.adopted = Date{2020, 8, 1};
    Result<Resolution> r = app_->plans().CreateResolutionAsSystem(res, system_);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    resolution_id_ = r->id;
    AddTarget("MT1", 1, "Kết nạp ít nhất 2.000 đảng viên mới", Field::kPartyBuilding,
              TargetKind::kCumulative, "new_members", 2000, "đảng viên");
    AddTarget("MT2", 2, "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trên 90%",
              Field::kPartyBuilding, TargetKind::kEndLevel, "100 * sum(org_good) / count(org_good)",
              90, "%");

    DataElement e;
    e.code = "new_members";
    e.name = "Số đảng viên mới được kết nạp";
    e.type = ValueType::kNumber;
    e.period_type = PeriodType::kYearly;
    e.unit = "đảng viên";
    auto tx = app_->db().Begin(system_);
    ASSERT_TRUE(tx.ok());
    Result<int64_t> id = (*tx)->InsertDataElement(e);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    e.id = *id;
    const DataValue values[] = {Value("DUK.STC.VP", e.id, 2021, 600, false),
                                Value("DUK.STC.VP", e.id, 2022, 650, false),
                                Value("DUK.SYT", e.id, 2021, 400, false),
                                Value("DUK.SYT", e.id, 2022, 550, true)};
    for (const DataValue& v : values) ASSERT_TRUE((*tx)->UpsertValue(v).ok());
    ASSERT_TRUE((*tx)->Commit().ok());
    app_->analytics().OnElementChanged(e);
    for (const DataValue& v : values) app_->analytics().OnValueSet(v);

    admin_id_ = AddUser("quan.tri", Role::kAdmin, "DUK");
    AddUser("bao.cao", Role::kReporter, "DUK.SCT");
  }

  void AddTarget(const std::string& code, int position, const std::string& text, Field field,
                 TargetKind kind, const std::string& indicator, double value,
                 const std::string& unit) {
    Target t;
    t.resolution_id = resolution_id_;
    t.code = code;
    t.position = position;
    t.text = text;
    t.field = field;
    t.comparator = Comparator::kAtLeast;
    t.kind = kind;
    t.indicator = indicator;
    t.value = value;
    t.unit = unit;
    Result<Target> created = app_->plans().CreateTargetAsSystem(t, system_);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
  }

  DataValue Value(const std::string& org, int64_t element_id, int year, double value,
                  bool estimate) {
    DataValue v;
    v.org_id = Id(org);
    v.element_id = element_id;
    v.period = *Period::Of(PeriodType::kYearly, year);
    v.value = value;
    v.estimate = estimate;
    return v;
  }

  std::string Base() const { return "/resolutions/" + std::to_string(resolution_id_); }

  int64_t resolution_id_ = 0;
  int64_t admin_id_ = 0;
};

}  // namespace nq::web::testing_util
