// The demo's party-building records (issue 5): what the grassroots organizations of the bloc
// logged from the start of the term to the mid-term review, generated from fixed seeds so that
// the picture is DESIGN.md's reference scenario:
//   - dissemination of six documents: most organizations within the committee's 60 days, a few
//     late, one or two not yet done for the latest documents; few workers reached overall
//     (enterprises reach a fifth to two fifths of their workers);
//   - cell meetings: base cells as they reported them (cell_meeting_held and meeting_attendance
//     of the monthly report); the cells under base committees, which do not report, monthly but
//     some miss months; thematic meetings every quarter in most cells, uneven in others;
//   - role-model pledges of the heads each year, assessed by the committee: a few not kept;
//   - admissions: one "admitted" record per new member the organizations reported (the
//     reported monthly values of new_members), so records and reports agree — few in non-state
//     enterprises; inspections focused on a few organizations a year; workers' conferences held
//     by almost every unit; the yearly quality ratings the units reported; "Dân vận khéo" models
//     in a quarter of the units.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/demo_data.h"
#include "cli/demo_random.h"
#include "domain/record_builtin.h"

namespace nq::cli {
namespace {

constexpr Date kFirst{2020, 8, 1};
constexpr Date kLast = kDemoReviewDate;

struct DisseminatedDocument {
  const char* number;
  Date issued;
};
// The documents the bloc had its organizations disseminate, with their dates.
constexpr DisseminatedDocument kDocuments[] = {
    {"01-NQ/ĐUK", {2020, 8, 1}},  {"01-NQ/ĐH", {2020, 10, 16}}, {"21-KL/TW", {2021, 10, 25}},
    {"37-QĐ/TW", {2021, 10, 25}}, {"21-NQ/TW", {2022, 6, 16}},  {"69-QĐ/TW", {2022, 7, 6}},
};

const char* const kSurnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"};
const char* const kMiddles[] = {"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thu"};
const char* const kGiven[] = {"An",  "Bình", "Châu", "Dũng", "Hà",   "Hải", "Khoa", "Lan",
                              "Long", "Mai", "Nam",  "Phúc", "Quân", "Tâm", "Trang", "Vy"};

std::string NameOf(SplitMix64& rng) {
  return std::string(kSurnames[rng.Between(0, 7)]) + " " + kMiddles[rng.Between(0, 7)] + " " +
         kGiven[rng.Between(0, 15)];
}

double Share(int total, int lo_permille, int hi_permille, SplitMix64& rng) {
  return static_cast<double>((total * rng.Between(lo_permille, hi_permille) + 500) / 1000);
}

class RecordMaker {
 public:
  RecordMaker(App& app, int64_t root_id) : app_(app), tree_(*app.orgs().tree()), root_(root_id) {}

  Status Build() {
    NQ_RETURN_IF_ERROR(LoadReported());
    int unit_index = 0;
    int cell_index = 0;
    for (const Organization& org : tree_.Subtree(root_)) {
      if (org.kind == OrgKind::kBaseCommittee || org.kind == OrgKind::kBaseCell) {
        Unit(org, unit_index++);
      }
      if (org.kind == OrgKind::kSubCell || org.kind == OrgKind::kBaseCell) {
        Cell(org, cell_index++);
      }
    }
    Admissions();
    return Status::Ok();
  }

  std::vector<Record>& records() { return records_; }

 private:
  Record& Add(const char* type, const Organization& org) {
    Record r;
    r.type_code = type;
    r.org_id = org.id;
    records_.push_back(std::move(r));
    return records_.back();
  }

  int MembersOf(const Organization& org) const {
    int n = 0;
    for (const Organization& o : tree_.Subtree(org.id)) n += o.members;
    return std::max(3, n);
  }
  int WorkersOf(const Organization& org) const {
    int n = 0;
    for (const Organization& o : tree_.Subtree(org.id)) n += o.workers;
    return n;
  }

  void Unit(const Organization& org, int index) {
    SplitMix64 rng(SeedOf(org.code, 5));
    const bool late = index % 6 == 1;       // disseminates after the deadline
    const bool lagging = index % 17 == 3;   // has not disseminated the latest documents
    const bool pledge_slips = index % 11 == 4;
    const bool enterprise = org.sector == Sector::kNonStateEnterprise;
    const int members = MembersOf(org);
    const int workers = WorkersOf(org);
    for (size_t i = 0; i < std::size(kDocuments); ++i) {
      const DisseminatedDocument& doc = kDocuments[i];
      if (lagging && i + 2 >= std::size(kDocuments)) continue;
      const Date held = AddDays(doc.issued, late ? rng.Between(70, 130) : rng.Between(12, 50));
      if (kLast < held || !IsActiveOn(org, held)) continue;
      Record& r = Add(kRecordDissemination, org);
      r.values["document"] = std::string(doc.number);
      r.values["issued_on"] = doc.issued;
      r.values["held_on"] = held;
      r.values["members_total"] = static_cast<double>(members);
      r.values["members_present"] = Share(members, 860, 985, rng);
      if (workers > 0) {
        r.values["workers_total"] = static_cast<double>(workers);
        r.values["workers_reached"] =
            enterprise ? Share(workers, 180, 400, rng) : Share(workers, 420, 780, rng);
      }
    }
    for (int year = 2021; year <= 2022; ++year) {
      const Date pledged{year, 1, rng.Between(10, 28)};
      if (!IsActiveOn(org, pledged)) continue;
      Record& p = Add(kRecordRoleModelPledge, org);
      p.values["head_name"] = NameOf(rng);
      p.values["position"] = std::string(org.kind == OrgKind::kBaseCell ? "Bí thư Chi bộ"
                                                                        : "Bí thư Đảng ủy");
      p.values["year"] = static_cast<double>(year);
      p.values["pledged_on"] = pledged;
      p.values["commitments"] = std::string(
          "Gương mẫu thực hiện Quy định 08-QĐi/TW; tổ chức sinh hoạt chi bộ đúng định kỳ; "
          "hoàn thành nhiệm vụ chính trị của cơ quan, đơn vị");
      p.values["self_assessment"] = OptionRef{"kept"};
      const bool kept = !(pledge_slips && (year == 2022 || index % 2 == 0));
      p.values["committee_assessment"] = OptionRef{kept ? "kept" : "not_kept"};

      const Date conference{year, rng.Between(1, 3), rng.Between(5, 25)};
      if (workers > 0 && IsActiveOn(org, conference)) {
        Record& c = Add(kRecordWorkersConference, org);
        const bool held = index % 19 != 7;
        c.values["kind"] = OptionRef{enterprise || org.sector == Sector::kStateEnterprise
                                         ? "workers"
                                         : "civil_servants"};
        c.values["year"] = static_cast<double>(year);
        c.values["held"] = held;
        c.values["reported_on"] = Date{year, 4, 15};
        if (held) {
          c.values["held_on"] = conference;
          c.values["total"] = static_cast<double>(workers);
          c.values["attendees"] = Share(workers, 700, 950, rng);
        }
      }
    }
    // The yearly quality rating the unit reported, as the committee's record of it.
    for (int year = 2020; year <= 2022; ++year) {
      auto rating = ratings_.find({org.id, year});
      if (rating == ratings_.end()) continue;
      Record& q = Add(kRecordQualityRating, org);
      q.values["subject_kind"] = OptionRef{"organization"};
      q.values["subject_org"] = OrgRef{org.id};
      q.values["year"] = static_cast<double>(year);
      q.values["rating"] = OptionRef{rating->second};
      q.values["rated_on"] = Date{year + 1, 1, rng.Between(10, 25)};
    }
    // A "Dân vận khéo" model in one unit of four, recognized by the bloc for half of them.
    if (index % 4 == 2 && IsActiveOn(org, Date{2021, 3, 1})) {
      const std::string name = enterprise ? "Doanh nghiệp đồng hành cùng người lao động"
                                          : "Cải cách hành chính, phục vụ người dân";
      Record& m = Add(kRecordMassMobilizationModel, org);
      m.values["name"] = name;
      m.values["status"] = OptionRef{"registered"};
      m.values["recorded_on"] = Date{2021, 3, rng.Between(1, 28)};
      if (index % 8 == 2) {
        Record& rec = Add(kRecordMassMobilizationModel, org);
        rec.values["name"] = name;
        rec.values["status"] = OptionRef{"recognized"};
        rec.values["level"] = OptionRef{"bloc"};
        rec.values["recorded_on"] = Date{2022, 12, rng.Between(1, 20)};
      }
    }
    // Inspections focused on a few organizations each year, more on the late and lagging ones.
    for (int year = 2021; year <= 2023; ++year) {
      if (!(late || lagging) && (index + year) % 5 != 0) continue;
      const Date start{year, rng.Between(3, year == 2023 ? 4 : 10), rng.Between(1, 25)};
      if (kLast < start || !IsActiveOn(org, start)) continue;
      Record& r = Add(kRecordInspection, org);
      r.values["activity"] = OptionRef{rng.Between(0, 2) == 0 ? "supervision" : "inspection"};
      r.values["kind"] = OptionRef{late || lagging ? "thematic" : "regular"};
      r.values["subject_kind"] = OptionRef{"organization"};
      r.values["subject_org"] = OrgRef{org.id};
      r.values["start_on"] = start;
      if (AddDays(start, 30) < kLast) {
        const bool violation = lagging && year == 2022;
        r.values["end_on"] = AddDays(start, rng.Between(10, 30));
        r.values["violation"] = violation;
        r.values["conclusion"] = std::string(
            violation ? "Chưa thực hiện đầy đủ việc quán triệt, triển khai nghị quyết; yêu cầu "
                        "kiểm điểm, khắc phục"
                      : "Thực hiện cơ bản đúng quy định; cần nâng cao chất lượng sinh hoạt chi bộ");
        r.values["discipline"] = OptionRef{"none"};
      }
    }
  }

  // A base cell's regular meetings are the ones it reported (cell_meeting_held, with the
  // reported attendance); the cells under base committees, which do not report, keep their own
  // record, and some miss months.
  void Cell(const Organization& org, int index) {
    SplitMix64 rng(SeedOf(org.code, 7));
    const bool reports = org.kind == OrgKind::kBaseCell;
    const bool irregular = !reports && index % 9 == 4;  // misses a few months
    const bool uneven = index % 4 == 1;                 // thematic meetings now and then
    const int members = std::max(3, org.members);
    for (Date month = kFirst; month < Date{kLast.year, kLast.month, 1};
         month = month.month == 12 ? Date{month.year + 1, 1, 1}
                                   : Date{month.year, month.month + 1, 1}) {
      const Date held{month.year, month.month, rng.Between(3, 12)};
      if (!IsActiveOn(org, held)) continue;
      if (irregular && rng.Between(0, 9) < 2) continue;
      const auto reported = held_.find({org.id, MonthKey(held)});
      if (reports && (reported == held_.end() || reported->second < 0.5)) continue;
      Record& r = Add(kRecordCellMeeting, org);
      r.values["kind"] = OptionRef{"regular"};
      r.values["held_on"] = held;
      r.values["members_total"] = static_cast<double>(members);
      const auto pct = attendance_.find({org.id, MonthKey(held)});
      r.values["members_present"] =
          reports && pct != attendance_.end()
              ? static_cast<double>(static_cast<int>(members * pct->second / 100 + 0.5))
              : Share(members, irregular ? 720 : 850, 1000, rng);
      r.values["quality"] = OptionRef{irregular ? "average" : (rng.Between(0, 3) ? "good" : "fair")};
      // A thematic meeting in the last month of each quarter.
      if (month.month % 3 == 0 && (!uneven || rng.Between(0, 1) == 0)) {
        Record& t = Add(kRecordCellMeeting, org);
        t.values["kind"] = OptionRef{"thematic"};
        t.values["held_on"] = Date{month.year, month.month, rng.Between(18, 27)};
        t.values["members_total"] = static_cast<double>(members);
        t.values["members_present"] = Share(members, 850, 1000, rng);
        t.values["topics"] = std::string("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
                                         "Chí Minh");
        t.values["quality"] = OptionRef{"good"};
      }
    }
  }

  static int MonthKey(const Date& d) { return d.year * 12 + d.month - 1; }

  // The monthly values the grassroots organizations reported (demo_reporting.cc), which the
  // records must agree with: new members, cell meetings held, attendance.
  Status LoadReported() {
    const Principal system{0, "system", "Hệ thống", Role::kAdmin, root_, Board::kOrganization};
    NQ_ASSIGN_OR_RETURN(std::vector<DataElement> elements, app_.data().ListElements(system));
    for (const DataElement& e : elements) {
      std::map<std::pair<int64_t, int>, double>* into =
          e.code == "new_members"          ? &new_members_
          : e.code == "cell_meeting_held"  ? &held_
          : e.code == "meeting_attendance" ? &attendance_
                                           : nullptr;
      if (e.code == "org_rating") {
        NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values,
                            app_.data().ListValues(system, root_, e.id, std::nullopt));
        for (const DataValue& v : values) {
          const size_t i = static_cast<size_t>(v.value);
          if (i < e.categories.size()) ratings_[{v.org_id, v.period.year()}] = e.categories[i];
        }
      }
      if (into == nullptr) continue;
      NQ_ASSIGN_OR_RETURN(std::vector<DataValue> values,
                          app_.data().ListValues(system, root_, e.id, std::nullopt));
      for (const DataValue& v : values) {
        (*into)[{v.org_id, MonthKey(v.period.start())}] = v.value;
      }
    }
    if (new_members_.empty() || held_.empty()) {
      return Status::Internal("demo.no_values",
                              "Dữ liệu minh họa chưa có số liệu báo cáo để ghi hồ sơ theo");
    }
    return Status::Ok();
  }

  // One "admitted" record per new member the organizations reported, on the 20th of the month.
  void Admissions() {
    SplitMix64 rng(SeedOf("admissions", 9));
    for (const auto& [key, value] : new_members_) {
      const Organization* org = tree_.Find(key.first);
      if (org == nullptr) continue;
      const Date day{key.second / 12, key.second % 12 + 1, 20};
      for (int i = 0; i < static_cast<int>(value) && !(kLast < day); ++i) {
        Record& r = Add(kRecordAdmission, *org);
        r.values["candidate"] = NameOf(rng);
        r.values["stage"] = OptionRef{"admitted"};
        r.values["stage_on"] = day;
      }
    }
  }

  App& app_;
  const OrgTree& tree_;
  int64_t root_;
  std::vector<Record> records_;
  std::map<std::pair<int64_t, int>, double> new_members_, held_, attendance_;  // (org, month)
  std::map<std::pair<int64_t, int>, std::string> ratings_;                    // (org, year)
};

}  // namespace

Status CreateDemoRecords(App& app, int64_t root_org_id, DemoSummary* summary) {
  RecordMaker maker(app, root_org_id);
  NQ_RETURN_IF_ERROR(maker.Build());
  NQ_ASSIGN_OR_RETURN(std::vector<int64_t> ids,
                      app.records().CreateRecordsAsSystem(std::move(maker.records()), CliActor()));
  summary->records = static_cast<int>(ids.size());
  return Status::Ok();
}

}  // namespace nq::cli
