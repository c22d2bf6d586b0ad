// RecordService: built-in types seeded, writing records with scope and every problem listed,
// the privacy of personal records and the audit of their reads, imports all-or-nothing and
// idempotent, type revisions that keep old records' meaning, the hooks the index follows.
#include "service/record_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/record_builtin.h"
#include "service/service_test_util.h"

namespace nq::record_service_test {
namespace {

using testing_util::ServiceTest;
using Input = std::map<std::string, std::string>;

class RecordServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    ASSERT_TRUE(CreateTermAndResolution("DUK", "01-NQ/ĐUK", "Nghị quyết Đại hội").ok());
  }

  int64_t TypeId(const std::string& code) {
    Result<RecordType> t = app_->records().GetTypeByCode(As(Role::kViewer, "DUK"), code);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->id : -1;
  }

  static Input Session(const std::string& held_on, const std::string& present = "40",
                       const std::string& total = "45") {
    return {{"document", "01-NQ/ĐUK"},   {"held_on", held_on},
            {"members_present", present}, {"members_total", total},
            {"workers_reached", "120"},   {"workers_total", "150"}};
  }

  static Input Inspection(const std::string& member) {
    return {{"activity", "inspection"},  {"kind", "violation_signs"}, {"subject_kind", "member"},
            {"subject_member", member}, {"start_on", "2/6/2022"},    {"violation", "có"},
            {"discipline", "reprimand"}};
  }

  // A principal of `role` at `code` working in `board`.
  Principal OfBoard(Role role, const std::string& code, Board board) {
    Principal p = As(role, code);
    p.board = board;
    return p;
  }

  int64_t Count(const std::string& type) {
    auto tx = app_->db().Begin(system_, store::TxMode::kRead);
    EXPECT_TRUE(tx.ok());
    Result<int64_t> n = (*tx)->CountRecords({.type_id = TypeId(type)});
    return n.ok() ? *n : -1;
  }
};

TEST_F(RecordServiceTest, BuiltinTypesAreSeededOnceOnOpen) {
  Result<std::vector<RecordTypeView>> types = app_->records().ListTypes(As(Role::kViewer, "DUK"));
  ASSERT_TRUE(types.ok());
  ASSERT_EQ(types->size(), BuiltinRecordTypes().size());
  for (const RecordType& b : BuiltinRecordTypes()) {
    EXPECT_TRUE(std::any_of(types->begin(), types->end(),
                            [&](const RecordTypeView& v) { return v.type.code == b.code; }))
        << b.code;
  }
  Result<int> again = app_->records().SeedBuiltinTypes(system_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
}

TEST_F(RecordServiceTest, AReporterWritesForItsSubtreeOnly) {
  const Principal reporter = As(Role::kReporter, "DUK.STC");
  Result<Record> r = app_->records().CreateRecord(reporter, TypeId(kRecordDissemination),
                                                  Id("DUK.STC.VP"), Session("10/3/2021"), actor_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->id, 0);
  EXPECT_EQ(std::get<double>(r->values.at("members_present")), 40);
  EXPECT_EQ(std::get<Date>(r->values.at("held_on")), (Date{2021, 3, 10}));

  Result<Record> other = app_->records().CreateRecord(
      reporter, TypeId(kRecordDissemination), Id("DUK.SYT"), Session("10/3/2021"), actor_);
  EXPECT_EQ(other.status().key(), "scope.denied");
  Result<Record> viewer = app_->records().CreateRecord(
      As(Role::kViewer, "DUK"), TypeId(kRecordDissemination), Id("DUK.SYT"), Session("1/4/2021"),
      actor_);
  EXPECT_EQ(viewer.status().key(), "role.denied");
  EXPECT_EQ(Count(kRecordDissemination), 1);
}

TEST_F(RecordServiceTest, EveryProblemIsListedAndNothingStored) {
  std::vector<FieldProblem> problems;
  Input bad = Session("10/3/2019", "50", "45");
  bad["workers_total"] = "một trăm";
  Result<Record> r = app_->records().CreateRecord(As(Role::kReporter, "DUK.STC"),
                                                  TypeId(kRecordDissemination), Id("DUK.STC"),
                                                  bad, actor_, &problems);
  EXPECT_EQ(r.status().key(), "record.invalid");
  std::vector<std::string> keys;
  for (const FieldProblem& p : problems) keys.push_back(p.key);
  EXPECT_NE(std::find(keys.begin(), keys.end(), "record.not_number"), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "record.outside_term"), keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "record.rule"), keys.end());
  EXPECT_EQ(Count(kRecordDissemination), 0);
}

TEST_F(RecordServiceTest, WithoutATermNothingIsRecorded) {
  // A second root without a term of its own or above it.
  OrgService::ImportRow row = testing_util::Row(2, "", "KHAC", "Đảng bộ khác",
                                                OrgKind::kBlocCommittee, Sector::kNone);
  ASSERT_TRUE(app_->orgs().ImportAsSystem({row}, system_).ok());
  Result<Record> r = app_->records().CreateRecord(As(Role::kAdmin, "KHAC"),
                                                  TypeId(kRecordDissemination), Id("KHAC"),
                                                  Session("10/3/2021"), actor_);
  EXPECT_EQ(r.status().key(), "record.no_term");
}

TEST_F(RecordServiceTest, PersonalRecordsAreReadByTheBoardsAndTheOrganizationOnly) {
  const Principal board = OfBoard(Role::kCommittee, "DUK", Board::kInspection);
  Result<Record> r = app_->records().CreateRecord(board, TypeId(kRecordInspection), Id("DUK.STC"),
                                                  Inspection("Nguyễn Văn Bình"), actor_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const int64_t reads_before = static_cast<int64_t>(Audit("record_read").size());

  EXPECT_TRUE(app_->records().GetRecord(board, r->id, actor_).ok());
  EXPECT_TRUE(app_->records().GetRecord(As(Role::kReporter, "DUK.STC"), r->id, actor_).ok());
  EXPECT_EQ(app_->records().GetRecord(As(Role::kViewer, "DUK"), r->id, actor_).status().key(),
            "record.private");
  EXPECT_EQ(app_->records()
                .GetRecord(OfBoard(Role::kCommittee, "DUK", Board::kPropaganda), r->id, actor_)
                .status()
                .key(),
            "record.private");
  EXPECT_EQ(
      app_->records().GetRecord(As(Role::kReporter, "DUK.SYT"), r->id, actor_).status().key(),
      "scope.denied");

  const std::vector<store::AuditEntry> reads = Audit("record_read");
  ASSERT_EQ(static_cast<int64_t>(reads.size()), reads_before + 2);  // the two allowed reads
  for (const store::AuditEntry& e : reads) {
    EXPECT_EQ(e.new_value.find("Bình"), std::string::npos) << "no personal value in the log";
  }
  // The creation's own audit row keeps the values out too.
  for (const store::AuditEntry& e : Audit("record")) {
    EXPECT_EQ(e.new_value.find("Bình"), std::string::npos);
  }
}

TEST_F(RecordServiceTest, ListsWithholdPersonalRecordsAndAuditWhatTheyShow) {
  const Principal board = OfBoard(Role::kCommittee, "DUK", Board::kOrganization);
  ASSERT_TRUE(app_->records()
                  .CreateRecord(board, TypeId(kRecordInspection), Id("DUK.STC"),
                                Inspection("Trần Thị Lan"), actor_)
                  .ok());
  const int64_t reads_before = static_cast<int64_t>(Audit("record_read").size());
  Result<RecordList> hidden = app_->records().ListRecords(
      OfBoard(Role::kCommittee, "DUK", Board::kNone), TypeId(kRecordInspection), {}, actor_);
  ASSERT_TRUE(hidden.ok());
  EXPECT_TRUE(hidden->items.empty());
  EXPECT_EQ(hidden->withheld, 1);
  EXPECT_EQ(static_cast<int64_t>(Audit("record_read").size()), reads_before);

  // The type's counts say the same, and read nothing.
  auto view = [&](const Principal& p) {
    Result<RecordTypeView> v = app_->records().GetTypeView(p, TypeId(kRecordInspection));
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : RecordTypeView{};
  };
  EXPECT_EQ(view(OfBoard(Role::kCommittee, "DUK", Board::kNone)).withheld, 1);
  EXPECT_EQ(view(OfBoard(Role::kCommittee, "DUK", Board::kNone)).readable, 0);
  EXPECT_EQ(view(board).readable, 1);
  EXPECT_EQ(view(As(Role::kReporter, "DUK.STC")).readable, 1);  // the organization concerned
  EXPECT_EQ(view(As(Role::kReporter, "DUK.SYT")).readable, 0);  // nothing in its scope
  EXPECT_EQ(view(As(Role::kReporter, "DUK.SYT")).withheld, 0);
  EXPECT_EQ(view(As(Role::kReporter, "DUK.SYT")).records, 1);
  EXPECT_EQ(static_cast<int64_t>(Audit("record_read").size()), reads_before);

  Result<RecordList> shown =
      app_->records().ListRecords(board, TypeId(kRecordInspection), {}, actor_);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->items.size(), 1u);
  EXPECT_EQ(shown->withheld, 0);
  EXPECT_EQ(static_cast<int64_t>(Audit("record_read").size()), reads_before + 1);
}

TEST_F(RecordServiceTest, ListsFollowTheSubtreeAndDates) {
  const Principal admin = As(Role::kAdmin, "DUK");
  for (const auto& [code, day] : std::vector<std::pair<std::string, std::string>>{
           {"DUK.STC.VP", "5/1/2021"}, {"DUK.STC.NS", "6/2/2021"}, {"DUK.SYT", "7/3/2022"}}) {
    ASSERT_TRUE(app_->records()
                    .CreateRecord(admin, TypeId(kRecordDissemination), Id(code), Session(day),
                                  actor_)
                    .ok());
  }
  RecordFilter f;
  f.org_id = Id("DUK.STC");
  Result<RecordList> stc = app_->records().ListRecords(admin, TypeId(kRecordDissemination), f,
                                                       actor_);
  ASSERT_TRUE(stc.ok());
  ASSERT_EQ(stc->total, 2);
  EXPECT_EQ(stc->items[0].org_id, Id("DUK.STC.NS")) << "newest first";
  f.org_id.reset();
  f.from = Date{2022, 1, 1};
  Result<RecordList> late = app_->records().ListRecords(admin, TypeId(kRecordDissemination), f,
                                                        actor_);
  ASSERT_TRUE(late.ok());
  ASSERT_EQ(late->total, 1);
  EXPECT_EQ(late->items[0].org_id, Id("DUK.SYT"));
  f.limit = 0;
  EXPECT_EQ(app_->records()
                .ListRecords(admin, TypeId(kRecordDissemination), f, actor_)
                .status()
                .key(),
            "record.filter_invalid");
}

TEST_F(RecordServiceTest, ImportsAreAllOrNothingAndIdempotent) {
  const Principal reporter = As(Role::kReporter, "DUK.STC");
  auto row = [](int line, const std::string& org, const std::string& day,
                const std::string& present) {
    RecordImportRow r;
    r.line = line;
    r.cells = {{"Mã tổ chức", org},
               {"Văn bản được quán triệt, triển khai", "01-NQ/ĐUK"},
               {"Ngày tổ chức", day},
               {"Số đảng viên dự", present},
               {"Tổng số đảng viên", "30"}};
    return r;
  };
  const int64_t type = TypeId(kRecordDissemination);
  Result<RecordImportReport> bad = app_->records().ImportRecords(
      reporter, type,
      {row(2, "DUK.STC.VP", "12/4/2021", "25"), row(3, "DUK.SYT", "12/4/2021", "25"),
       row(4, "DUK.STC.NS", "31/2/2021", "x")},
      false, actor_);
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  ASSERT_GE(bad->problems.size(), 3u);
  EXPECT_EQ(bad->problems[0].line, 3);
  EXPECT_EQ(bad->problems[0].problem.key, "scope.denied");
  EXPECT_EQ(bad->problems[1].line, 4);
  EXPECT_EQ(bad->added, 0);
  EXPECT_EQ(Count(kRecordDissemination), 0);

  const std::vector<RecordImportRow> good = {row(2, "DUK.STC.VP", "12/4/2021", "25"),
                                             row(3, "DUK.STC.NS", "13/4/2021", "28")};
  Result<RecordImportReport> dry = app_->records().ImportRecords(reporter, type, good, true,
                                                                 actor_);
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->added, 2);
  EXPECT_EQ(Count(kRecordDissemination), 0);
  Result<RecordImportReport> first = app_->records().ImportRecords(reporter, type, good, false,
                                                                   actor_);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->added, 2);
  Result<RecordImportReport> second = app_->records().ImportRecords(reporter, type, good, false,
                                                                    actor_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->added, 0);
  EXPECT_EQ(second->unchanged, 2);
  EXPECT_EQ(Count(kRecordDissemination), 2);
}

TEST_F(RecordServiceTest, RevisionsKeepOldRecordsAndRefuseBreakingChanges) {
  const Principal committee = As(Role::kCommittee, "DUK");
  const int64_t type = TypeId(kRecordDissemination);
  Result<Record> old = app_->records().CreateRecord(committee, type, Id("DUK.SYT"),
                                                    Session("1/6/2021"), actor_);
  ASSERT_TRUE(old.ok());
  Result<RecordType> t = app_->records().GetType(committee, type);
  ASSERT_TRUE(t.ok());

  RecordType edited = *t;
  RecordTypeVersion next = *t->Current();
  next.fields.push_back({.code = "format", .label = "Hình thức tổ chức", .type = FieldType::kText});
  edited.versions = {next};
  EXPECT_EQ(app_->records().ReviseType(As(Role::kReporter, "DUK"), type, edited, actor_)
                .status()
                .key(),
            "role.denied");
  Result<RecordType> revised = app_->records().ReviseType(committee, type, edited, actor_);
  ASSERT_TRUE(revised.ok()) << revised.status().ToString();
  EXPECT_EQ(revised->versions.size(), 2u);

  RecordTypeVersion breaking = *revised->Current();
  breaking.fields[2].type = FieldType::kText;  // members_present: number → text
  breaking.fields[2].whole = false;
  breaking.fields[2].min.reset();
  breaking.rules.clear();
  edited.versions = {breaking};
  EXPECT_EQ(app_->records().ReviseType(committee, type, edited, actor_).status().key(),
            "record_type.breaking_change");

  Result<Record> kept = app_->records().GetRecord(committee, old->id, actor_);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->version, 1);
  Result<Record> fresh = app_->records().CreateRecord(committee, type, Id("DUK.SYT"),
                                                      Session("2/6/2021"), actor_);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->version, 2);
}

// Records feed indicators: a target set on records is assessed from them, and a record written
// through the service moves it at once (App wires the service to the analytics index).
TEST_F(RecordServiceTest, ATargetOnRecordsMovesWithTheNextRecord) {
  Result<std::vector<Resolution>> resolutions = app_->plans().ListResolutions(
      As(Role::kAdmin, "DUK"), std::nullopt);
  ASSERT_TRUE(resolutions.ok() && !resolutions->empty());
  const int64_t resolution = resolutions->front().id;
  Target t;
  t.resolution_id = resolution;
  t.code = "MT1";
  t.position = 1;
  t.text = "100% người lao động được tuyên truyền, phổ biến nghị quyết";
  t.comparator = Comparator::kAtLeast;
  t.kind = TargetKind::kEndLevel;
  t.indicator = "100 * record_sum(dissemination, workers_reached) / "
                "record_sum(dissemination, workers_total)";
  t.value = 100;
  t.unit = "%";
  Result<Target> created = app_->plans().CreateTargetAsSystem(t, system_);
  ASSERT_TRUE(created.ok()) << created.status().ToString();

  const Principal admin = As(Role::kAdmin, "DUK");
  auto actual = [&]() -> std::optional<double> {
    Result<ResolutionDashboard> d = app_->analytics().Assess(admin, resolution, {2023, 5, 17});
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    if (!d.ok() || d->result.targets.empty()) return std::nullopt;
    return d->result.targets[0].assessment.actual;
  };
  EXPECT_FALSE(actual().has_value()) << "no record, no value";
  Input first = Session("10/3/2021");  // 120 of 150 workers
  ASSERT_TRUE(app_->records()
                  .CreateRecord(admin, TypeId(kRecordDissemination), Id("DUK.SYT"), first, actor_)
                  .ok());
  ASSERT_TRUE(actual().has_value());
  EXPECT_DOUBLE_EQ(*actual(), 80);
  Input second = Session("11/3/2021");
  second["workers_reached"] = "150";
  ASSERT_TRUE(app_->records()
                  .CreateRecord(admin, TypeId(kRecordDissemination), Id("DUK.STC"), second, actor_)
                  .ok());
  EXPECT_DOUBLE_EQ(*actual(), 90);  // 270 of 300
}

TEST_F(RecordServiceTest, HooksHearEveryCommittedChange) {
  int types = 0;
  std::vector<int64_t> inserted;
  std::vector<int64_t> erased;
  RecordHooks hooks{[&](const RecordType&) { ++types; },
                    [&](const Record& r) { inserted.push_back(r.id); },
                    [&](int64_t id) { erased.push_back(id); }};
  RecordService service(&app_->db(), &app_->orgs(), hooks);
  const Principal admin = As(Role::kAdmin, "DUK");
  Result<Record> r = service.CreateRecord(admin, TypeId(kRecordDissemination), Id("DUK.SYT"),
                                          Session("1/6/2021"), actor_);
  ASSERT_TRUE(r.ok());
  Result<Record> bad = service.CreateRecord(admin, TypeId(kRecordDissemination), Id("DUK.SYT"),
                                            Session("1/6/2021", "9", "1"), actor_);
  EXPECT_FALSE(bad.ok());
  ASSERT_TRUE(service.DeleteRecord(admin, r->id, actor_).ok());
  EXPECT_EQ(inserted, std::vector<int64_t>{r->id});
  EXPECT_EQ(erased, std::vector<int64_t>{r->id});
  EXPECT_EQ(types, 0);
}

}  // namespace
}  // namespace nq::record_service_test
