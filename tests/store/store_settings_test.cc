// StoreTest (see store_test.cc): the assessment settings of a resolution — none until written,
// a round trip of every field (fractions and bucket percentages exactly), replacement, the audit
// rows, an unknown resolution, and a failed write that leaves the transaction usable.
#include "store_fixture.h"

namespace nq::store::testing::store_settings_test {
namespace {

class StoreSettingsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    const int64_t org = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
    auto tx = Write();
    Term term{0, "Nhiệm kỳ 2020 - 2025", {2020, 8, 1}, {2025, 7, 31}, org};
    term.id = *tx->InsertTerm(term);
    Resolution r{0, term.id, "01-NQ/ĐUK", "Nghị quyết Đại hội lần thứ XIII", {2020, 8, 20}};
    resolution_id_ = *tx->InsertResolution(r);
    Resolution other{0, term.id, "02-NQ/ĐUK", "Nghị quyết chuyên đề", {2021, 3, 1}};
    other_id_ = *tx->InsertResolution(other);
    ASSERT_TRUE(tx->Commit().ok());
  }

  int64_t resolution_id_ = 0;
  int64_t other_id_ = 0;
};

TEST_F(StoreSettingsTest, NoneUntilWrittenThenRoundTrips) {
  auto tx = ReadOnly();
  auto none = tx->GetAssessmentSettings(resolution_id_);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->has_value());
  EXPECT_FALSE(tx->GetAssessmentSettings(resolution_id_ + 100)->has_value());
  tx.reset();

  AssessmentSettings s;
  s.behind_floor = 0.7;
  s.exceed_margin = 0.075;
  s.buckets = {100, 92.5, 1.0 / 3, 50};
  s.mid_term_counts_on_track = false;
  tx = Write();
  ASSERT_TRUE(tx->PutAssessmentSettings(resolution_id_, s).ok());
  ASSERT_TRUE(tx->Commit().ok());

  std::unique_ptr<Database> again = Reopen();
  auto read_tx = again->Begin(actor_, TxMode::kRead);
  ASSERT_TRUE(read_tx.ok());
  auto got = (*read_tx)->GetAssessmentSettings(resolution_id_);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, s);  // exactly, 1/3 included
  EXPECT_FALSE((*read_tx)->GetAssessmentSettings(other_id_)->has_value());
}

TEST_F(StoreSettingsTest, ReplacesAndAuditsEveryWrite) {
  AssessmentSettings s;
  auto tx = Write();
  ASSERT_TRUE(tx->PutAssessmentSettings(resolution_id_, s).ok());
  s.buckets = {90};
  s.behind_floor = 0.9;
  ASSERT_TRUE(tx->PutAssessmentSettings(resolution_id_, s).ok());
  ASSERT_TRUE(tx->Commit().ok());

  tx = ReadOnly();
  EXPECT_EQ(**tx->GetAssessmentSettings(resolution_id_), s);
  auto audit = tx->ListAudit("assessment_settings", std::to_string(resolution_id_), 10);
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  ASSERT_EQ(audit->size(), 2u);
  const AuditEntry& update = (*audit)[0];  // newest first
  const AuditEntry& create = (*audit)[1];
  EXPECT_EQ(create.action, "create");
  EXPECT_EQ(create.old_value, "");
  EXPECT_EQ(create.new_value,
            "{\"resolution_id\":" + std::to_string(resolution_id_) +
                ",\"behind_floor\":0.85,\"exceed_margin\":0.05,\"buckets\":\"80 50\","
                "\"mid_term_counts_on_track\":true}");
  EXPECT_EQ(create.username, "tester");
  EXPECT_EQ(update.action, "update");
  EXPECT_EQ(update.old_value, create.new_value);
  EXPECT_NE(update.new_value.find("\"behind_floor\":0.9,"), std::string::npos) << update.new_value;
  EXPECT_NE(update.new_value.find("\"buckets\":\"90\""), std::string::npos) << update.new_value;
}

TEST_F(StoreSettingsTest, UnknownResolutionIsRefusedAndTheTxGoesOn) {
  auto tx = Write();
  const Status st = tx->PutAssessmentSettings(resolution_id_ + 100, AssessmentSettings{});
  EXPECT_EQ(st.code(), Code::kInvalid);
  EXPECT_EQ(st.key(), "settings.resolution_unknown");
  ASSERT_TRUE(tx->PutAssessmentSettings(other_id_, AssessmentSettings{}).ok());
  ASSERT_TRUE(tx->Commit().ok());
  tx = ReadOnly();
  EXPECT_TRUE(tx->GetAssessmentSettings(other_id_)->has_value());
  auto audit = tx->ListAudit("assessment_settings", "", 10);
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->size(), 1u);  // the refused write left none
}

}  // namespace
}  // namespace nq::store::testing::store_settings_test
