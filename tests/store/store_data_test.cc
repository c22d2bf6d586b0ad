// StoreTest (see store_test.cc): data elements, data sets, values and reports.
#include "store_fixture.h"

namespace nq::store::testing::store_data_test {
namespace {

DataElement MakeElement(const std::string& code, ValueType type = ValueType::kNumber) {
  DataElement e;
  e.code = code;
  e.name = "Chỉ tiêu " + code;
  e.short_name = code;
  e.type = type;
  e.period_type = PeriodType::kMonthly;
  e.unit = "đảng viên";
  e.description = "Số liệu báo cáo hằng tháng";
  return e;
}

DataSet MakeSet(const std::string& code, std::vector<int64_t> element_ids) {
  DataSet s;
  s.code = code;
  s.name = "Báo cáo công tác xây dựng Đảng hằng tháng";
  s.period_type = PeriodType::kMonthly;
  s.element_ids = std::move(element_ids);
  s.reporting_kinds = {OrgKind::kBaseCell, OrgKind::kBaseCommittee};
  s.deadline_days = 10;
  s.rules = {{"R1", "members_present <= members_total",
              "Số đảng viên dự không được lớn hơn tổng số đảng viên"},
             {"R2", "admitted >= 0", "Số kết nạp không âm"}};
  return s;
}

Period P(const std::string& id) { return *Period::Parse(id); }

DataValue MakeValue(int64_t org, int64_t element, const std::string& period, double value) {
  DataValue v;
  v.org_id = org;
  v.element_id = element;
  v.period = P(period);
  v.value = value;
  v.comment = "theo báo cáo của chi bộ";
  v.updated_by = 7;
  v.updated_at = 1684300000 + static_cast<int64_t>(value);
  return v;
}

TEST_F(StoreTest, DataElementsRoundTrip) {
  auto tx = Write();
  DataElement members = MakeElement("members_total");
  members.min = 0;
  DataElement rate = MakeElement("admission_rate", ValueType::kPercent);
  rate.org_aggregation = OrgAggregation::kAverage;
  rate.time_aggregation = TimeAggregation::kLast;
  rate.period_type = PeriodType::kYearly;
  rate.min = 0;
  rate.max = 100;
  rate.unit = "%";
  DataElement rating = MakeElement("quality_rating", ValueType::kCategory);
  rating.categories = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};
  rating.org_aggregation = OrgAggregation::kCount;
  members.id = *tx->InsertDataElement(members);
  rate.id = *tx->InsertDataElement(rate);
  rating.id = *tx->InsertDataElement(rating);
  EXPECT_NE(members.id, rate.id);

  auto dup = tx->InsertDataElement(MakeElement("members_total"));
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "element.code_taken");
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto all = tx->ListDataElements();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0], rate);  // by code
  EXPECT_EQ((*all)[1], members);
  EXPECT_EQ((*all)[2], rating);
  EXPECT_EQ(*tx->GetDataElement(rating.id), rating);
  EXPECT_EQ(tx->GetDataElement(rating.id + 100).status().key(), "element.not_found");
  tx.reset();

  tx = Write();
  rating.categories = {"KHTNV", "HTNV"};  // fewer, reordered
  rating.name = "Xếp loại chất lượng tổ chức đảng";
  rating.min = 0;
  ASSERT_TRUE(tx->UpdateDataElement(rating).ok());
  DataElement clash = members;
  clash.code = "quality_rating";
  EXPECT_EQ(tx->UpdateDataElement(clash).key(), "element.code_taken");
  DataElement ghost = members;
  ghost.id = rating.id + 100;
  EXPECT_EQ(tx->UpdateDataElement(ghost).code(), Code::kNotFound);
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(*tx->GetDataElement(rating.id), rating);
  EXPECT_EQ(*tx->GetDataElement(members.id), members);  // the failed update left it alone
  auto audit = tx->ListAudit("data_element", std::to_string(rating.id), 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "update");
  EXPECT_EQ((*audit)[0].username, "tester");
  EXPECT_NE((*audit)[0].old_value.find("\"HTXSNV\""), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find("\"categories\":[\"KHTNV\",\"HTNV\"]"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find(rating.name), std::string::npos);
  EXPECT_EQ((*audit)[1].action, "create");
  EXPECT_EQ((*audit)[1].old_value, "");
  EXPECT_NE((*audit)[1].new_value.find("\"type\":\"category\""), std::string::npos);
}

TEST_F(StoreTest, DataSetsKeepTheirElementsKindsAndRulesInOrder) {
  auto tx = Write();
  std::vector<int64_t> ids;
  for (const char* code : {"members_total", "members_present", "admitted", "cells"}) {
    ids.push_back(*tx->InsertDataElement(MakeElement(code)));
  }
  DataSet monthly = MakeSet("BC-THANG", {ids[2], ids[0], ids[1]});
  DataSet yearly = MakeSet("BC-NAM", {ids[3]});
  yearly.period_type = PeriodType::kYearly;
  yearly.reporting_kinds = {OrgKind::kBaseCommittee};
  yearly.rules.clear();
  yearly.deadline_days = 30;
  monthly.id = *tx->InsertDataSet(monthly);
  yearly.id = *tx->InsertDataSet(yearly);

  auto dup = tx->InsertDataSet(MakeSet("BC-THANG", {ids[0]}));
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "dataset.code_taken");
  auto unknown = tx->InsertDataSet(MakeSet("BC-QUY", {ids[0], ids[3] + 50}));
  EXPECT_EQ(unknown.status().code(), Code::kInvalid);
  EXPECT_EQ(unknown.status().key(), "dataset.element_unknown");
  EXPECT_NE(unknown.status().message().find(std::to_string(ids[3] + 50)), std::string::npos);
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto sets = tx->ListDataSets();
  ASSERT_TRUE(sets.ok()) << sets.status().ToString();
  ASSERT_EQ(sets->size(), 2u);    // the failed inserts left nothing behind
  EXPECT_EQ((*sets)[0], yearly);  // by code: "BC-NAM" < "BC-THANG"
  EXPECT_EQ((*sets)[1], monthly);
  EXPECT_EQ(*tx->GetDataSet(monthly.id), monthly);
  EXPECT_EQ(tx->GetDataSet(yearly.id + 10).status().key(), "dataset.not_found");
  tx.reset();

  tx = Write();
  DataSet before = monthly;
  monthly.element_ids = {ids[1], ids[0]};
  monthly.reporting_kinds = {OrgKind::kSubCell};
  monthly.rules = {{"R9", "members_present >= 0", "Không âm"}};
  monthly.name = "Báo cáo tháng (sửa)";
  ASSERT_TRUE(tx->UpdateDataSet(monthly).ok());
  DataSet bad = yearly;
  bad.element_ids = {ids[3], ids[3] + 77};
  EXPECT_EQ(tx->UpdateDataSet(bad).key(), "dataset.element_unknown");
  DataSet clash = yearly;
  clash.code = "BC-THANG";
  EXPECT_EQ(tx->UpdateDataSet(clash).key(), "dataset.code_taken");
  DataSet ghost = yearly;
  ghost.id = monthly.id + yearly.id;
  EXPECT_EQ(tx->UpdateDataSet(ghost).code(), Code::kNotFound);
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(*tx->GetDataSet(monthly.id), monthly);
  EXPECT_EQ(*tx->GetDataSet(yearly.id), yearly);  // failed updates changed nothing
  auto audit = tx->ListAudit("data_set", std::to_string(monthly.id), 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "update");
  const std::string old_ids = "\"element_ids\":[" + std::to_string(before.element_ids[0]) + "," +
                              std::to_string(before.element_ids[1]) + "," +
                              std::to_string(before.element_ids[2]) + "]";
  EXPECT_NE((*audit)[0].old_value.find(old_ids), std::string::npos) << (*audit)[0].old_value;
  EXPECT_NE((*audit)[0].old_value.find("members_present <= members_total"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find("\"reporting_kinds\":[\"sub_cell\"]"), std::string::npos);
  EXPECT_EQ((*audit)[1].action, "create");
}

class StoreValueTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    root_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
    cell_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK.STC", "Chi bộ Sở Tài chính", root_));
    auto tx = Write();
    admitted_ = *tx->InsertDataElement(MakeElement("admitted"));
    members_ = *tx->InsertDataElement(MakeElement("members_total"));
    set_ = *tx->InsertDataSet(MakeSet("BC-THANG", {admitted_, members_}));
    ASSERT_TRUE(tx->Commit().ok());
  }

  int64_t root_ = 0, cell_ = 0, admitted_ = 0, members_ = 0, set_ = 0;
};

TEST_F(StoreValueTest, ValuesUpsertListAndDeleteWithAudit) {
  auto tx = Write();
  std::vector<DataValue> values = {
      MakeValue(cell_, admitted_, "2023M01", 2),  MakeValue(cell_, admitted_, "2023M02", 1),
      MakeValue(cell_, members_, "2023M01", 25),  MakeValue(root_, admitted_, "2022M12", 4),
      MakeValue(root_, admitted_, "2023", 40),    MakeValue(root_, admitted_, "2023M01", 3),
      MakeValue(root_, members_, "2023Q1", 1200),
  };
  values[1].estimate = true;
  for (const DataValue& v : values) ASSERT_TRUE(tx->UpsertValue(v).ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto all = tx->ListValues({});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), values.size());
  // By organization, element, period; the year 2023 sorts before 2023M01 (same start).
  const std::vector<DataValue> want = {values[3], values[4], values[5], values[6],
                                       values[0], values[1], values[2]};
  ASSERT_LT(root_, cell_);
  ASSERT_LT(admitted_, members_);
  EXPECT_EQ(*all, want);

  Tx::ValueQuery q;
  q.org_ids = {cell_};
  q.element_id = admitted_;
  EXPECT_EQ(*tx->ListValues(q), (std::vector<DataValue>{values[0], values[1]}));
  q = {};
  q.element_ids = {members_};
  EXPECT_EQ(*tx->ListValues(q), (std::vector<DataValue>{values[6], values[2]}));
  q = {};
  q.from = Date{2023, 1, 1};
  q.to = Date{2023, 1, 31};
  q.period_type = PeriodType::kMonthly;
  EXPECT_EQ(*tx->ListValues(q), (std::vector<DataValue>{values[5], values[0], values[2]}));
  q = {};
  q.to = Date{2022, 12, 31};
  EXPECT_EQ(*tx->ListValues(q), (std::vector<DataValue>{values[3]}));
  q = {};
  q.org_ids = {root_, cell_};
  q.period_type = PeriodType::kQuarterly;
  EXPECT_EQ(*tx->ListValues(q), (std::vector<DataValue>{values[6]}));
  auto got = tx->GetValue(cell_, admitted_, P("2023M02"));
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, values[1]);
  EXPECT_FALSE(tx->GetValue(cell_, admitted_, P("2023M03"))->has_value());
  tx.reset();

  tx = Write();
  DataValue changed = values[0];
  changed.value = 5;
  changed.estimate = true;
  changed.comment = "";
  ASSERT_TRUE(tx->UpsertValue(changed).ok());
  ASSERT_TRUE(tx->DeleteValue(cell_, admitted_, P("2023M02")).ok());
  ASSERT_TRUE(tx->DeleteValue(cell_, admitted_, P("2023M09")).ok());  // absent: nothing to do
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  q = {};
  q.org_ids = {cell_};
  q.element_id = admitted_;
  EXPECT_EQ(*tx->ListValues(q), (std::vector<DataValue>{changed}));
  const std::string id0 = std::to_string(cell_) + "/" + std::to_string(admitted_) + "/2023M01";
  auto audit = tx->ListAudit("data_value", id0, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "update");
  EXPECT_NE((*audit)[0].old_value.find("\"value\":2"), std::string::npos) << (*audit)[0].old_value;
  EXPECT_NE((*audit)[0].new_value.find("\"value\":5"), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find("\"estimate\":true"), std::string::npos);
  EXPECT_EQ((*audit)[1].action, "create");
  EXPECT_EQ((*audit)[1].old_value, "");
  const std::string id1 = std::to_string(cell_) + "/" + std::to_string(admitted_) + "/2023M02";
  audit = tx->ListAudit("data_value", id1, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "delete");
  EXPECT_EQ((*audit)[0].new_value, "");
  EXPECT_NE((*audit)[0].old_value.find("\"period\":\"2023M02\""), std::string::npos);
  EXPECT_TRUE(tx->ListAudit("data_value",
                            std::to_string(cell_) + "/" + std::to_string(admitted_) + "/2023M09", 5)
                  ->empty());
}

TEST_F(StoreValueTest, AFailedValueWriteChangesNothing) {
  auto tx = Write();
  ASSERT_TRUE(tx->UpsertValue(MakeValue(cell_, admitted_, "2023M01", 2)).ok());
  const int64_t last = *tx->LastAuditId();
  Status st = tx->UpsertValue(MakeValue(cell_ + 100, admitted_, "2023M01", 3));
  EXPECT_EQ(st.code(), Code::kInvalid);
  EXPECT_EQ(st.key(), "value.org_unknown");
  st = tx->UpsertValue(MakeValue(cell_, members_ + 100, "2023M01", 3));
  EXPECT_EQ(st.key(), "value.element_unknown");
  EXPECT_NE(st.message().find(std::to_string(members_ + 100)), std::string::npos);
  EXPECT_EQ(*tx->LastAuditId(), last);
  // The transaction is still usable after the failures, and commits the good write.
  ASSERT_TRUE(tx->UpsertValue(MakeValue(cell_, members_, "2023M01", 30)).ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  auto all = tx->ListValues({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, (std::vector<DataValue>{MakeValue(cell_, admitted_, "2023M01", 2),
                                          MakeValue(cell_, members_, "2023M01", 30)}));
  EXPECT_EQ(tx->UpsertValue(MakeValue(cell_, admitted_, "2023M02", 1)).key(), "store.read_only");
}

TEST_F(StoreValueTest, ReportsUpsertAndListWithAuditAction) {
  auto tx = Write();
  const Period may = P("2023M05");
  Report cell{cell_, set_, may, ReportState::kSubmitted, 1686000000, 7, 0, 0};
  Report root{root_, set_, may, ReportState::kDraft, 0, 0, 0, 0};
  Report other{cell_, set_, P("2023M04"), ReportState::kApproved, 1683000000, 7, 1683100000, 1};
  ASSERT_TRUE(tx->UpsertReport(cell, "submit").ok());
  ASSERT_TRUE(tx->UpsertReport(root, "create").ok());
  ASSERT_TRUE(tx->UpsertReport(other, "approve").ok());
  Report ghost = cell;
  ghost.org_id = cell_ + 50;
  EXPECT_EQ(tx->UpsertReport(ghost, "submit").key(), "report.org_unknown");
  ghost = cell;
  ghost.data_set_id = set_ + 50;
  EXPECT_EQ(tx->UpsertReport(ghost, "submit").key(), "report.dataset_unknown");
  ASSERT_TRUE(tx->Commit().ok());

  tx = Write();
  auto list = tx->ListReports(set_, may);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(*list, (std::vector<Report>{root, cell}));  // by organization id
  EXPECT_EQ(**tx->GetReport(cell_, set_, P("2023M04")), other);
  EXPECT_FALSE(tx->GetReport(cell_, set_, P("2023M06"))->has_value());
  Report approved = cell;
  approved.state = ReportState::kApproved;
  approved.approved_at = 1686100000;
  approved.approved_by = 1;
  ASSERT_TRUE(tx->UpsertReport(approved, "approve").ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(**tx->GetReport(cell_, set_, may), approved);
  auto audit =
      tx->ListAudit("report", std::to_string(cell_) + "/" + std::to_string(set_) + "/2023M05", 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "approve");
  EXPECT_NE((*audit)[0].old_value.find("\"state\":\"submitted\""), std::string::npos);
  EXPECT_NE((*audit)[0].new_value.find("\"state\":\"approved\""), std::string::npos);
  EXPECT_EQ((*audit)[1].action, "submit");
  EXPECT_EQ((*audit)[1].old_value, "");
}

}  // namespace
}  // namespace nq::store::testing::store_data_test
