// DataService: imports of values and the completeness board.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "service/data_service.h"
#include "service/data_test_fixture.h"

namespace nq::data_service_import_test {
namespace {

using testing_util::DataTest;
using testing_util::ImportRow;

std::vector<ValueRow> GoodRows() {
  return {
      ImportRow(2, "DUK.STC.VP", "members_total", "2023M05", "12"),
      ImportRow(3, "DUK.STC.VP", "members_present", "2023M05", "10"),
      ImportRow(4, "DUK.STC.NS", "members_total", "2023M05", "1.050"),
      ImportRow(5, "DUK.SYT", "meeting_held", "2023M05", "có"),
      ImportRow(6, "DUK.SYT", "rating", "2023M05", "HTTNV"),
      ImportRow(7, "DUK.SCT", "new_members", "2022", "4"),
  };
}

TEST_F(DataTest, ImportWritesEveryRowAndIsIdempotent) {
  Principal rep = As(Role::kReporter, "DUK");
  std::vector<std::pair<int, int>> calls;
  const int64_t before = LastAuditId();
  Result<ImportSummary> first = app_->data().ImportValues(
      &rep, GoodRows(), ActorOf(rep), [&](int done, int total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->errors.empty());
  EXPECT_EQ(first->rows, 6);
  EXPECT_EQ(first->inserted, 6);
  EXPECT_EQ(first->updated, 0);
  EXPECT_EQ(first->unchanged, 0);
  EXPECT_EQ(Stored("DUK.STC.NS", total_, "2023M05"), 1050);
  EXPECT_EQ(Audit("data_value").size(), 6u);
  EXPECT_GT(LastAuditId(), before);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.back(), (std::pair<int, int>{12, 12}));
  for (size_t i = 1; i < calls.size(); ++i) EXPECT_LE(calls[i - 1].first, calls[i].first);
  // The index has the values as soon as the import returns.
  EXPECT_EQ(app_->analytics().index().Get(Id("DUK.SCT"), new_members_.id, P("2022"))->value, 4);

  const int64_t after_first = LastAuditId();
  Result<ImportSummary> second = app_->data().ImportValues(&rep, GoodRows(), ActorOf(rep));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->errors.empty());
  EXPECT_EQ(second->unchanged, 6);
  EXPECT_EQ(second->inserted, 0);
  EXPECT_EQ(second->updated, 0);
  EXPECT_EQ(LastAuditId(), after_first);
  EXPECT_EQ(Audit("data_value").size(), 6u);

  std::vector<ValueRow> changed = GoodRows();
  changed[0].value = "13";
  Result<ImportSummary> third = app_->data().ImportValues(&rep, changed, ActorOf(rep));
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->updated, 1);
  EXPECT_EQ(third->unchanged, 5);
  EXPECT_EQ(Stored("DUK.STC.VP", total_, "2023M05"), 13);
}

TEST_F(DataTest, ImportWithBadRowsChangesNothingAndListsEveryBadLine) {
  Principal rep = As(Role::kReporter, "DUK.STC");
  // A locked report: DUK.STC.NS submitted for 2023M06.
  ASSERT_TRUE(Save(rep, "DUK.STC.NS", total_, "2023M06", "8").ok());
  ASSERT_TRUE(Submit(rep, "DUK.STC.NS", "2023M06").ok());

  std::vector<ValueRow> rows = {
      ImportRow(2, "DUK.STC.VP", "members_total", "2023M05", "12"),       // good
      ImportRow(3, "KHONGCO", "members_total", "2023M05", "12"),          // unknown organization
      ImportRow(4, "DUK.SYT", "members_total", "2023M05", "12"),          // out of scope
      ImportRow(5, "DUK.STC.VP", "khong_co", "2023M05", "12"),            // unknown element
      ImportRow(6, "DUK.STC.VP", "members_total", "2023M13", "12"),       // bad period
      ImportRow(7, "DUK.STC.VP", "members_total", "2023Q2", "12"),        // period of the wrong type
      ImportRow(8, "DUK.STC.VP", "members_present", "2023M05", "mười"),   // bad value
      ImportRow(9, "DUK.STC.NS", "members_total", "2023M06", "9"),        // locked report
      ImportRow(10, "DUK.STC.NS", "members_total", "2023M05", "7"),       // good
      ImportRow(11, "DUK.STC.NS", "members_total", "2023M05", "8"),       // same key, other value
      ImportRow(12, "DUK.STC", "members_total", "2023M05", "40"),         // good
  };
  const int64_t before = LastAuditId();
  Result<ImportSummary> r = app_->data().ImportValues(&rep, rows, ActorOf(rep));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<int> lines;
  for (const ImportError& e : r->errors) {
    lines.push_back(e.line);
    EXPECT_FALSE(e.message.empty());
  }
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 5, 6, 7, 8, 9, 11}));
  ASSERT_EQ(r->errors.size(), 8u);
  EXPECT_NE(r->errors[0].message.find("KHONGCO"), std::string::npos);
  EXPECT_NE(r->errors[1].message.find("phạm vi"), std::string::npos);
  EXPECT_NE(r->errors[3].message.find("2023M13"), std::string::npos);
  EXPECT_NE(r->errors[6].message.find("đã gửi/đã duyệt"), std::string::npos);
  EXPECT_NE(r->errors[7].message.find("dòng 10"), std::string::npos);
  EXPECT_EQ(r->inserted, 0);

  EXPECT_EQ(LastAuditId(), before);
  EXPECT_FALSE(Stored("DUK.STC.VP", total_, "2023M05").has_value());
  EXPECT_FALSE(Stored("DUK.STC", total_, "2023M05").has_value());
  EXPECT_FALSE(
      app_->analytics().index().Get(Id("DUK.STC.VP"), total_.id, P("2023M05")).has_value());
}

TEST_F(DataTest, ImportChecksTheRulesOfEachReport) {
  std::vector<ValueRow> rows = {
      ImportRow(2, "DUK.SYT", "members_total", "2023M05", "12"),
      ImportRow(3, "DUK.SYT", "members_present", "2023M05", "15"),
      ImportRow(4, "DUK.SCT", "members_total", "2023M05", "30"),
  };
  Result<ImportSummary> r = app_->data().ImportValues(nullptr, rows, system_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].line, 3);
  EXPECT_NE(r->errors[0].message.find("R1"), std::string::npos);
  EXPECT_FALSE(Stored("DUK.SCT", total_, "2023M05").has_value());
}

TEST_F(DataTest, ImportNeedsAWriterRole) {
  Principal viewer = As(Role::kViewer, "DUK");
  Result<ImportSummary> r = app_->data().ImportValues(&viewer, GoodRows(), ActorOf(viewer));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "role.denied");
}

// --- completeness -----------------------------------------------------------------------------

TEST_F(DataTest, CompletenessShowsOnTimeLateAndMissing) {
  Principal bloc = As(Role::kCommittee, "DUK");
  // A past month: anything submitted now is late, anything not submitted is missing.
  ASSERT_TRUE(Save(bloc, "DUK.SYT", total_, "2023M01", "12").ok());
  ASSERT_TRUE(Submit(bloc, "DUK.SYT", "2023M01").ok());
  ASSERT_TRUE(Save(bloc, "DUK.SCT", total_, "2023M01", "30").ok());  // values, never submitted
  Result<CompletenessBoard> past =
      app_->data().Completeness(bloc, set_.id, P("2023M01"), std::nullopt, Today());
  ASSERT_TRUE(past.ok()) << past.status().ToString();
  std::vector<std::string> codes;
  for (const CompletenessRow& row : past->rows) codes.push_back(row.org.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"DUK", "DUK.STC", "DUK.STC.VP", "DUK.STC.NS",
                                             "DUK.SCT", "DUK.SYT"}));
  EXPECT_EQ(past->expected, 6);
  EXPECT_EQ(past->late, 1);
  EXPECT_EQ(past->missing, 5);
  EXPECT_EQ(past->on_time, 0);
  EXPECT_EQ(past->due, (Date{2023, 2, 10}));
  EXPECT_EQ(past->rows[5].timeliness, Timeliness::kLate);
  EXPECT_EQ(past->rows[5].state, ReportState::kSubmitted);
  EXPECT_EQ(past->rows[5].values, 1);
  EXPECT_EQ(past->rows[4].timeliness, Timeliness::kMissing);
  EXPECT_EQ(past->rows[4].values, 1);

  // Before the due date nothing is missing yet.
  Result<CompletenessBoard> early =
      app_->data().Completeness(bloc, set_.id, P("2023M01"), std::nullopt, Date{2023, 2, 10});
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->not_due, 5);
  EXPECT_EQ(early->missing, 0);

  // The current month: a report submitted now is on time.
  const Period now = *Period::Containing(PeriodType::kMonthly, Today());
  ASSERT_TRUE(Save(bloc, "DUK.STC.VP", total_, now.ToString(), "12").ok());
  ASSERT_TRUE(Submit(bloc, "DUK.STC.VP", now.ToString()).ok());
  Result<CompletenessBoard> current =
      app_->data().Completeness(bloc, set_.id, now, Id("DUK.STC"), Today());
  ASSERT_TRUE(current.ok()) << current.status().ToString();
  ASSERT_EQ(current->rows.size(), 3u);
  EXPECT_EQ(current->rows[0].org.code, "DUK.STC");
  EXPECT_EQ(current->on_time, 1);
  EXPECT_EQ(current->rows[1].timeliness, Timeliness::kOnTime);
  EXPECT_EQ(current->not_due, 2);
}

TEST_F(DataTest, CompletenessIsLimitedToScope) {
  Principal rep = As(Role::kReporter, "DUK.SCT");
  Result<CompletenessBoard> r =
      app_->data().Completeness(rep, set_.id, P("2023M01"), Id("DUK.STC"), Today());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().key(), "scope.denied");
  r = app_->data().Completeness(rep, set_.id, P("2023M01"), std::nullopt, Today());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].org.code, "DUK.SCT");
}

}  // namespace
}  // namespace nq::data_service_import_test
