// StoreTest (see store_test.cc): record types and records (issue 5) — every built-in type and a
// revised one read back exactly with all versions, a code used once, a record with a value of
// every field type read back exactly, reads by type, organization and date range, references
// to missing rows, deletion, and the audit rows (no personal values in them).
#include <algorithm>

#include "domain/record.h"
#include "domain/record_builtin.h"
#include "domain/record_version.h"
#include "store_fixture.h"

namespace nq::store::testing::store_record_test {
namespace {

// A type with a field of every type (and a rule), valid by ValidateRecordType.
RecordType EveryFieldType(const std::string& code, RecordPrivacy privacy) {
  RecordTypeVersion v;
  v.fields = {
      {.code = "held_on", .label = "Ngày", .type = FieldType::kDate, .required = true},
      {.code = "content", .label = "Nội dung", .type = FieldType::kText},
      {.code = "amount", .label = "Số tiền", .type = FieldType::kNumber, .min = -1e6, .max = 1e301},
      {.code = "done", .label = "Đã xong", .type = FieldType::kYesNo},
      {.code = "kind",
       .label = "Hình thức",
       .type = FieldType::kCategory,
       .options = {{"thematic", "Chuyên đề"}, {"regular", "Thường kỳ"}}},
      {.code = "host", .label = "Đơn vị chủ trì", .type = FieldType::kOrganization},
      {.code = "person", .label = "Người phụ trách", .type = FieldType::kMember},
      {.code = "doc", .label = "Văn bản", .type = FieldType::kDocument},
  };
  v.rules = {
      {"R1", "amount >= 0 or kind == \"regular\"", "Số tiền âm chỉ với sinh hoạt thường kỳ"}};
  RecordType t{0, code, "Sổ thử “mọi kiểu”", "Mô tả\nhai dòng", privacy, "held_on", {v}};
  EXPECT_TRUE(ValidateRecordType(t).ok()) << ValidateRecordType(t).ToString();
  return t;
}

class StoreRecordTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    duk_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
    cell_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("CB1", "Chi bộ 1", duk_));
    auto tx = Write();
    open_ = EveryFieldType("open_log", RecordPrivacy::kOpen);
    open_.id = *tx->InsertRecordType(open_);
    personal_ = EveryFieldType("personal_log", RecordPrivacy::kPersonal);
    personal_.id = *tx->InsertRecordType(personal_);
    ASSERT_TRUE(tx->Commit().ok());
  }

  Record Make(const RecordType& t, int64_t org, Date held_on) const {
    Record r{0, t.id, t.code, 1, org, {{"held_on", held_on}}, 7, 1700000000};
    return r;
  }

  int64_t Insert(const Record& r) {
    auto tx = Write();
    Result<int64_t> id = tx->InsertRecord(r);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    return id.ok() ? *id : 0;
  }

  int64_t duk_ = 0, cell_ = 0;
  RecordType open_, personal_;
};

TEST_F(StoreRecordTest, BuiltinTypesAndVersionsRoundTripExactly) {
  std::vector<RecordType> builtin = BuiltinRecordTypes();
  {
    auto tx = Write();
    for (RecordType& t : builtin) {
      Result<int64_t> id = tx->InsertRecordType(t);
      ASSERT_TRUE(id.ok()) << t.code << ": " << id.status().ToString();
      t.id = *id;
    }
    ASSERT_TRUE(tx->Commit().ok());
  }
  // A second version, as a type with records is revised: a new field and a new option label.
  RecordType revised = builtin[1];
  RecordTypeVersion next = *revised.Current();
  next.fields.push_back({.code = "note", .label = "Ghi chú “thêm”", .help = "Dòng 1\nDòng 2"});
  Result<RecordType> two = ReviseRecordType(revised, next, true);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  revised = *two;
  ASSERT_EQ(revised.versions.size(), 2u);
  revised.name = "Sinh hoạt chi bộ (sửa)";
  revised.privacy = RecordPrivacy::kPersonal;
  {
    auto tx = Write();
    ASSERT_TRUE(tx->UpdateRecordType(revised).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  builtin[1] = revised;
  auto r = ReadOnly();
  Result<std::vector<RecordType>> all = r->ListRecordTypes();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::vector<RecordType> want = builtin;
  want.push_back(open_);
  want.push_back(personal_);
  std::sort(want.begin(), want.end(),
            [](const RecordType& a, const RecordType& b) { return a.code < b.code; });
  EXPECT_EQ(*all, want);
  EXPECT_EQ(*r->GetRecordType(revised.id), revised);
  EXPECT_EQ(r->GetRecordType(9999).status().key(), "record_type.not_found");
  auto audit = r->ListAudit("record_type", std::to_string(revised.id), 10);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "update");
  EXPECT_NE((*audit)[0].new_value.find("Ghi chú “thêm”"), std::string::npos);
  EXPECT_EQ((*audit)[0].old_value.find("Ghi chú"), std::string::npos);
  EXPECT_EQ((*audit)[1].action, "create");
}

TEST_F(StoreRecordTest, CodeIsTakenOnce) {
  auto tx = Write();
  RecordType again = EveryFieldType("open_log", RecordPrivacy::kOpen);
  again.name = "Khác";
  Result<int64_t> id = tx->InsertRecordType(again);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().key(), "record_type.code_taken");
  EXPECT_EQ(tx->UpdateRecordType(RecordType{.id = 9999}).key(), "record_type.not_found");
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_EQ(ReadOnly()->ListRecordTypes()->size(), 2u);
}

TEST_F(StoreRecordTest, EveryValueTypeRoundTripsExactly) {
  Record r = Make(open_, cell_, {2023, 5, 17});
  r.values["content"] = std::string("Quán triệt “Nghị quyết” 'số 1'\nDòng hai\tcột \\ hết");
  r.values["amount"] = 0.1 + 0.2;  // 0.30000000000000004: every digit must survive
  r.values["done"] = false;
  r.values["kind"] = OptionRef{"thematic"};
  r.values["host"] = OrgRef{duk_};
  r.values["person"] = std::string("Nguyễn Thị Ánh");
  r.values["doc"] = std::string("01-NQ/ĐUK");
  r.id = Insert(r);
  Record big = Make(open_, cell_, {2023, 5, 18});
  big.values["amount"] = 1e300;
  big.values["done"] = true;
  big.id = Insert(big);
  auto tx = ReadOnly();
  Result<Record> got = tx->GetRecord(r.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, r);
  EXPECT_EQ(std::get<double>(got->values.at("amount")), 0.1 + 0.2);
  EXPECT_EQ(*tx->GetRecord(big.id), big);
  EXPECT_EQ(tx->GetRecord(9999).status().key(), "record.not_found");
  EXPECT_EQ(*tx->CountRecords({.type_id = open_.id}), 2);
  EXPECT_EQ(*tx->CountRecords({.type_id = personal_.id}), 0);
}

TEST_F(StoreRecordTest, ListsByTypeOrganizationAndDate) {
  const int64_t a = Insert(Make(open_, cell_, {2023, 6, 1}));
  const int64_t b = Insert(Make(open_, duk_, {2023, 5, 1}));
  const int64_t c = Insert(Make(open_, cell_, {2023, 7, 31}));
  const int64_t d = Insert(Make(personal_, cell_, {2023, 6, 15}));
  auto tx = ReadOnly();
  auto ids = [&](const Tx::RecordQuery& q) {
    std::vector<int64_t> out;
    Result<std::vector<Record>> records = tx->ListRecords(q);
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    if (records.ok()) {
      for (const Record& r : *records) out.push_back(r.id);
    }
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<int64_t>{b, a, d, c}));  // by date
  EXPECT_EQ(ids({.type_id = open_.id}), (std::vector<int64_t>{b, a, c}));
  EXPECT_EQ(ids({.type_id = open_.id, .org_ids = {cell_}}), (std::vector<int64_t>{a, c}));
  EXPECT_EQ(ids({.org_ids = {cell_}, .from = Date{2023, 6, 1}, .to = Date{2023, 6, 30}}),
            (std::vector<int64_t>{a, d}));  // both ends inclusive
  EXPECT_EQ(ids({.from = Date{2023, 7, 31}}), (std::vector<int64_t>{c}));
  EXPECT_EQ(ids({.type_id = open_.id, .to = Date{2023, 4, 30}}), std::vector<int64_t>{});
  std::vector<Record> one = *tx->ListRecords({.type_id = personal_.id});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], (Record{d,
                            personal_.id,
                            "personal_log",
                            1,
                            cell_,
                            {{"held_on", Date{2023, 6, 15}}},
                            7,
                            1700000000}));

  // Newest first, one page at a time, each record complete; counts ignore the page.
  EXPECT_EQ(ids({.newest_first = true}), (std::vector<int64_t>{c, d, a, b}));
  EXPECT_EQ(ids({.newest_first = true, .limit = 2, .offset = 1}), (std::vector<int64_t>{d, a}));
  EXPECT_EQ(ids({.type_id = open_.id, .limit = 2, .offset = 2}), (std::vector<int64_t>{c}));
  EXPECT_EQ(ids({.limit = 2, .offset = 9}), std::vector<int64_t>{});
  std::vector<Record> paged =
      *tx->ListRecords({.type_id = personal_.id, .newest_first = true, .limit = 1});
  ASSERT_EQ(paged.size(), 1u);
  EXPECT_EQ(paged[0], one[0]);
  EXPECT_EQ(*tx->CountRecords({}), 4);
  EXPECT_EQ(*tx->CountRecords({.type_id = open_.id, .org_ids = {cell_}}), 2);
  EXPECT_EQ(*tx->CountRecords({.org_ids = {cell_}, .from = Date{2023, 6, 1},
                               .to = Date{2023, 6, 30}, .limit = 1}),
            2);
}

TEST_F(StoreRecordTest, MissingReferencesAndBadValuesWriteNothing) {
  auto tx = Write();
  EXPECT_EQ(tx->InsertRecord(Make(open_, 9999, {2023, 5, 1})).status().key(), "record.org_unknown");
  Record no_type = Make(open_, cell_, {2023, 5, 1});
  no_type.type_id = 9999;
  EXPECT_EQ(tx->InsertRecord(no_type).status().key(), "record.type_unknown");
  Record no_version = Make(open_, cell_, {2023, 5, 1});
  no_version.version = 2;
  EXPECT_EQ(tx->InsertRecord(no_version).status().key(), "record.type_unknown");
  Record wrong = Make(open_, cell_, {2023, 5, 1});
  wrong.values["amount"] = std::string("12");
  EXPECT_EQ(tx->InsertRecord(wrong).status().key(), "record.wrong_type");
  Record unknown = Make(open_, cell_, {2023, 5, 1});
  unknown.values["nope"] = 1.0;
  EXPECT_EQ(tx->InsertRecord(unknown).status().key(), "record.unknown_field");
  EXPECT_EQ(tx->DeleteRecord(9999).key(), "record.not_found");
  ASSERT_TRUE(tx->Commit().ok());
  auto r = ReadOnly();
  EXPECT_TRUE(r->ListRecords({})->empty());
  EXPECT_TRUE(r->ListAudit("record", "", 10)->empty());
}

TEST_F(StoreRecordTest, AuditKeepsPersonalValuesOut) {
  Record open = Make(open_, cell_, {2023, 5, 17});
  open.values["person"] = std::string("Trần Văn Bình");
  open.id = Insert(open);
  Record personal = Make(personal_, cell_, {2023, 5, 17});
  personal.values["person"] = std::string("Lê Thị Cúc");
  personal.id = Insert(personal);
  {
    auto tx = Write();
    ASSERT_TRUE(tx->DeleteRecord(personal.id).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto r = ReadOnly();
  EXPECT_EQ(r->GetRecord(personal.id).status().key(), "record.not_found");
  EXPECT_EQ(*r->CountRecords({.type_id = personal_.id}), 0);
  auto a = r->ListAudit("record", std::to_string(open.id), 10);
  ASSERT_EQ(a->size(), 1u);
  EXPECT_EQ((*a)[0].action, "create");
  EXPECT_EQ((*a)[0].user_id, 7);
  EXPECT_NE((*a)[0].new_value.find("\"person\":\"Trần Văn Bình\""), std::string::npos);
  EXPECT_NE((*a)[0].new_value.find("\"record_date\":\"2023-05-17\""), std::string::npos);
  auto p = r->ListAudit("record", std::to_string(personal.id), 10);
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].action, "delete");
  EXPECT_EQ((*p)[1].action, "create");
  for (const AuditEntry& e : *p) {
    const std::string text = e.old_value + e.new_value;
    EXPECT_EQ(text.find("Lê Thị Cúc"), std::string::npos) << text;
    EXPECT_NE(text.find("\"fields\":[\"held_on\",\"person\"]"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace nq::store::testing::store_record_test
