// The party-building part of a review: figures from records, and each finding present exactly
// when its records say so.
#include "review/party_building.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/record_builtin.h"
#include "review/review.h"

namespace nq::review::party_building_test {
namespace {

// DUK ─ A (base committee, state agency, cells A1 A2) ─ B (base cell, non-state enterprise)
OrgTree Tree() {
  auto org = [](int64_t id, std::optional<int64_t> parent, const char* code, OrgKind kind,
                Sector sector, int members, int workers) {
    Organization o;
    o.id = id;
    o.parent_id = parent;
    o.code = code;
    o.name = std::string("Tổ chức ") + code;
    o.kind = kind;
    o.sector = sector;
    o.members = members;
    o.workers = workers;
    o.sort_order = static_cast<int>(id);
    return o;
  };
  Result<OrgTree> t = OrgTree::Build(
      {org(1, std::nullopt, "DUK", OrgKind::kBlocCommittee, Sector::kNone, 0, 0),
       org(2, 1, "A", OrgKind::kBaseCommittee, Sector::kStateAgency, 0, 100),
       org(3, 2, "A1", OrgKind::kSubCell, Sector::kStateAgency, 50, 0),
       org(4, 2, "A2", OrgKind::kSubCell, Sector::kStateAgency, 50, 0),
       org(5, 1, "B", OrgKind::kBaseCell, Sector::kNonStateEnterprise, 100, 100)});
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return std::move(t).value();
}

class PartyBuildingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = Tree();
    in_.tree = &tree_;
    in_.root_org = 1;
    in_.term = Term{1, "Nhiệm kỳ 2020 - 2025", {2020, 8, 1}, {2025, 7, 31}, 1};
    in_.as_of = Date{2023, 5, 17};
    int64_t id = 1;
    for (RecordType t : BuiltinRecordTypes()) {
      t.id = id++;
      types_.push_back(std::move(t));
    }
  }

  // The input over the fixture's types and records as they are now.
  const PartyBuildingInput& In() {
    in_.types = types_;
    in_.records = records_;
    return in_;
  }

  std::vector<Finding> Findings() {
    std::vector<Finding> out;
    BuildPartyBuilding(In(), &out);
    return out;
  }

  int64_t TypeId(const char* code) const {
    for (const RecordType& t : types_) {
      if (t.code == code) return t.id;
    }
    return 0;
  }

  Record& Add(const char* type, int64_t org) {
    Record r;
    r.type_id = TypeId(type);
    r.type_code = type;
    r.org_id = org;
    records_.push_back(std::move(r));
    return records_.back();
  }

  void Session(int64_t org, const Date& held, double reached, double workers) {
    Record& r = Add(kRecordDissemination, org);
    r.values = {{"document", std::string("21-NQ/TW")}, {"issued_on", Date{2022, 6, 16}},
                {"held_on", held},                     {"members_present", 90.0},
                {"members_total", 100.0},              {"workers_reached", reached},
                {"workers_total", workers}};
  }

  // Regular meetings of `cell` in every month of the window (May 2022 – April 2023) but
  // `skip`, and a thematic meeting in each of its quarters.
  void Meetings(int64_t cell, int skip_month = 0) {
    for (int m = 0; m < 12; ++m) {
      const Date d{m < 8 ? 2022 : 2023, (4 + m) % 12 + 1, 10};
      if (d.month == skip_month) continue;
      Record& r = Add(kRecordCellMeeting, cell);
      r.values = {{"kind", OptionRef{"regular"}}, {"held_on", d},
                  {"members_present", 45.0},      {"members_total", 50.0}};
      if (d.month % 3 == 0) {
        Record& t = Add(kRecordCellMeeting, cell);
        t.values = {{"kind", OptionRef{"thematic"}}, {"held_on", Date{d.year, d.month, 20}},
                    {"members_present", 40.0},       {"members_total", 50.0}};
      }
    }
  }

  std::vector<std::string> Kinds() {
    std::vector<std::string> out;
    for (const Finding& f : Findings()) out.push_back(f.kind);
    return out;
  }

  OrgTree tree_;
  PartyBuildingInput in_;
  std::vector<RecordType> types_;
  std::vector<Record> records_;
};

TEST_F(PartyBuildingTest, NoRecordsNoFiguresNoFindings) {
  EXPECT_TRUE(BuildPartyBuilding(In()).empty());
  EXPECT_TRUE(Kinds().empty());
}

TEST_F(PartyBuildingTest, GoodRecordsGiveFiguresAndNoFinding) {
  Session(2, {2022, 7, 1}, 80, 100);
  Session(5, {2022, 7, 20}, 70, 100);
  for (int64_t cell : {3, 4, 5}) Meetings(cell);
  const PartyBuilding p = BuildPartyBuilding(In());
  EXPECT_EQ(p.units, 2);
  EXPECT_EQ(p.cells, 3);
  EXPECT_EQ(p.sessions, 2);
  ASSERT_EQ(p.documents.size(), 1u);
  EXPECT_EQ(p.documents[0].done, 2);
  EXPECT_EQ(p.documents[0].late, 0);
  EXPECT_DOUBLE_EQ(*p.worker_reach, 75);
  EXPECT_DOUBLE_EQ(*p.member_reach, 90);
  EXPECT_EQ(p.window_months, 12);
  EXPECT_EQ(p.window_quarters, 5);  // Q2 2022 … Q2 2023
  EXPECT_EQ(p.cells_every_month, 3);
  EXPECT_DOUBLE_EQ(*p.attendance, 90);
  EXPECT_EQ(p.cells_thematic_regular, 3);
  EXPECT_TRUE(Kinds().empty());
}

TEST_F(PartyBuildingTest, EachFindingAppearsExactlyWhenItsDataSaysSo) {
  Session(2, {2022, 9, 1}, 30, 100);  // 77 days after issue: late; 30% reach
  // B has no session, and the 60 days have passed by as_of.
  Meetings(3);
  Meetings(4, 11);  // A2 missed November
  // B's cell: every month, but only one thematic meeting.
  for (int m = 0; m < 12; ++m) {
    Record& r = Add(kRecordCellMeeting, 5);
    r.values = {{"kind", OptionRef{"regular"}},
                {"held_on", Date{m < 8 ? 2022 : 2023, (4 + m) % 12 + 1, 5}}};
  }
  Record& thematic = Add(kRecordCellMeeting, 5);
  thematic.values = {{"kind", OptionRef{"thematic"}}, {"held_on", Date{2022, 9, 9}}};
  Record& pledge = Add(kRecordRoleModelPledge, 2);
  pledge.values = {{"year", 2022.0}, {"committee_assessment", OptionRef{"not_kept"}}};
  for (int i = 0; i < 10; ++i) {
    Record& a = Add(kRecordAdmission, 3);
    a.values = {{"stage", OptionRef{"admitted"}}, {"stage_on", Date{2022, 3, 20}}};
  }
  const std::vector<std::string> kinds = Kinds();
  EXPECT_EQ(kinds, (std::vector<std::string>{"dissemination_late", "worker_reach_low",
                                             "cells_irregular", "thematic_uneven",
                                             "pledges_not_kept", "admissions_nse_low"}));
  const std::vector<Finding> found = Findings();
  ASSERT_EQ(found[0].evidence.size(), 2u);
  EXPECT_EQ(found[0].evidence[0].detail, "21-NQ/TW sau 77 ngày");
  EXPECT_EQ(found[0].evidence[1].detail, "21-NQ/TW chưa quán triệt");
  ASSERT_EQ(found[2].evidence.size(), 1u);
  EXPECT_EQ(found[2].evidence[0].code, "A2");
  EXPECT_EQ(found[2].evidence[0].detail, "sinh hoạt thường kỳ 11/12 tháng");
  EXPECT_EQ(found[3].evidence[0].code, "B");
  EXPECT_EQ(found[5].evidence[0].detail, "kết nạp 0 đảng viên (100 đảng viên)");

  // The same data with B's admissions in line and the pledge kept: those two findings go.
  for (int i = 0; i < 10; ++i) {
    Record& a = Add(kRecordAdmission, 5);
    a.values = {{"stage", OptionRef{"admitted"}}, {"stage_on", Date{2022, 4, 20}}};
  }
  records_.erase(std::remove_if(records_.begin(), records_.end(),
                                   [&](const Record& r) {
                                     return r.type_id == TypeId(kRecordRoleModelPledge);
                                   }),
                    records_.end());
  EXPECT_EQ(Kinds(), (std::vector<std::string>{"dissemination_late", "worker_reach_low",
                                               "cells_irregular", "thematic_uneven"}));
}

TEST_F(PartyBuildingTest, RatingsAndModelsAreCountedAndAFailedRatingIsAFinding) {
  auto rate = [&](int64_t org, int year, const char* rating) {
    Record& r = Add(kRecordQualityRating, 1);  // the committee keeps the ratings
    r.values = {{"subject_kind", OptionRef{"organization"}}, {"subject_org", OrgRef{org}},
                {"year", static_cast<double>(year)},         {"rating", OptionRef{rating}}};
  };
  rate(2, 2021, "HTTNV");
  rate(5, 2021, "HTXSNV");
  rate(2, 2022, "HTNV");
  rate(5, 2022, "HTTNV");
  Record& member = Add(kRecordQualityRating, 3);  // a member's rating is not an organization's
  member.values = {{"subject_kind", OptionRef{"member"}}, {"year", 2022.0},
                   {"rating", OptionRef{"KHTNV"}}};
  Record& model = Add(kRecordMassMobilizationModel, 5);
  model.values = {{"status", OptionRef{"registered"}}};
  PartyBuilding p = BuildPartyBuilding(In());
  ASSERT_EQ(p.ratings.size(), 2u);
  EXPECT_EQ(p.ratings[0].year, 2021);
  EXPECT_EQ(p.ratings[0].excellent, 1);
  EXPECT_EQ(p.ratings[0].good, 1);
  EXPECT_EQ(p.ratings[1].Rated(), 2);
  EXPECT_EQ(p.ratings[1].failed, 0);
  EXPECT_EQ(p.models_registered, 1);
  EXPECT_EQ(p.models_recognized, 0);
  EXPECT_TRUE(Kinds().empty());

  rate(5, 2022, "KHTNV");  // B, rated again: not fulfilled
  const std::vector<Finding> found = Findings();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, "ratings_failed");
  ASSERT_EQ(found[0].evidence.size(), 1u);
  EXPECT_EQ(found[0].evidence[0].code, "B");
  EXPECT_EQ(found[0].evidence[0].detail, "năm 2022");
}

TEST_F(PartyBuildingTest, RecordsOutsideTheWindowOrSubtreeDoNotCount) {
  Meetings(3);
  Record& old = Add(kRecordCellMeeting, 4);  // before the window: A2 has no meeting in it
  old.values = {{"kind", OptionRef{"regular"}}, {"held_on", Date{2021, 3, 3}}};
  in_.root_org = 2;  // A alone: B is out of the review
  const PartyBuilding p = BuildPartyBuilding(In());
  EXPECT_EQ(p.cells, 2);
  EXPECT_EQ(p.cells_every_month, 1);
  EXPECT_EQ(p.regular_meetings, 12);
}

}  // namespace
}  // namespace nq::review::party_building_test
