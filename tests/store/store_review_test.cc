// StoreTest (see store_test.cc): the reviews the committee keeps — a record's round trip (header
// with recipients, issued fields, nulls of a draft), one number per organization and term, every
// narrative version kept and a version stored twice refused, frozen files stored once and read
// back byte for byte, the audit rows, and references to missing rows.
#include "store_fixture.h"

namespace nq::store::testing::store_review_test {
namespace {

class StoreReviewTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    org_ = InsertOrgCommitted(db_.get(), actor_, MakeOrg("DUK", "Đảng ủy Khối", {}));
    auto tx = Write();
    Term term{0, "Nhiệm kỳ 2020 - 2025", {2020, 8, 1}, {2025, 7, 31}, org_};
    term_ = *tx->InsertTerm(term);
    resolution_ = *tx->InsertResolution(
        Resolution{0, term_, "01-NQ/ĐUK", "Nghị quyết Đại hội lần thứ XIII", {2020, 8, 20}});
    ASSERT_TRUE(tx->Commit().ok());
  }

  ReviewDoc Draft() const {
    ReviewDoc d;
    d.resolution_id = resolution_;
    d.term_id = term_;
    d.org_id = org_;
    d.as_of = {2023, 5, 17};
    d.header.place = "Bến Tre";
    d.header.superior_body = "ĐẢNG BỘ TỈNH BẾN TRE";
    d.header.recipients = {"Ban Thường vụ Tỉnh ủy (b/c)", "Lưu Văn phòng"};
    d.created_by = 7;
    d.created_at = 1684300000;
    return d;
  }

  int64_t Insert(const ReviewDoc& d) {
    auto tx = Write();
    Result<int64_t> id = tx->InsertReviewDoc(d);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    EXPECT_TRUE(tx->Commit().ok());
    return id.ok() ? *id : 0;
  }

  ReviewDoc Issued(ReviewDoc d, int number) const {
    d.state = ReviewDocState::kIssued;
    d.number = number;
    d.symbol = "BC/ĐUK";
    d.issued_on = Date{2023, 5, 20};
    d.header.signer_name = "Nguyễn Văn Án";
    d.issued_by = 7;
    d.issued_at = 1684500000;
    return d;
  }

  int64_t org_ = 0, term_ = 0, resolution_ = 0;
};

TEST_F(StoreReviewTest, DraftAndIssuedRecordsRoundTrip) {
  ReviewDoc d = Draft();
  d.id = Insert(d);
  ASSERT_GT(d.id, 0);
  std::unique_ptr<Database> again = Reopen();
  auto tx = again->Begin(actor_, TxMode::kRead);
  ASSERT_TRUE(tx.ok());
  Result<ReviewDoc> got = (*tx)->GetReviewDoc(d.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, d);
  EXPECT_FALSE(got->number.has_value());
  EXPECT_FALSE(got->issued_on.has_value());
  tx->reset();

  const ReviewDoc issued = Issued(d, 25);
  auto w = Write();
  ASSERT_TRUE(w->UpdateReviewDoc(issued, "issue").ok());
  ASSERT_TRUE(w->Commit().ok());
  auto r = ReadOnly();
  EXPECT_EQ(*r->GetReviewDoc(d.id), issued);
  EXPECT_EQ(ReviewNumberSymbol(*r->GetReviewDoc(d.id)), "25-BC/ĐUK");
  Result<std::vector<ReviewDoc>> list = r->ListReviewDocs(resolution_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE(r->ListReviewDocs(resolution_ + 1)->empty());
  auto audit = r->ListAudit("review", std::to_string(d.id), 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "issue");
  EXPECT_NE((*audit)[0].new_value.find("\"number\":25"), std::string::npos);
  EXPECT_EQ((*audit)[1].action, "create");
}

TEST_F(StoreReviewTest, ANumberIsUsedOncePerOrganizationAndTerm) {
  const int64_t a = Insert(Draft());
  const int64_t b = Insert(Draft());  // two drafts: no number yet, no conflict
  ASSERT_GT(b, a);
  auto tx = Write();
  ReviewDoc first = Issued(Draft(), 25);
  first.id = a;
  ASSERT_TRUE(tx->UpdateReviewDoc(first, "issue").ok());
  ReviewDoc second = Issued(Draft(), 25);
  second.id = b;
  Status st = tx->UpdateReviewDoc(second, "issue");
  EXPECT_EQ(st.code(), Code::kConflict);
  EXPECT_EQ(st.key(), "review.number_taken");
  second.number = 26;  // the transaction is still usable
  EXPECT_TRUE(tx->UpdateReviewDoc(second, "issue").ok());
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_F(StoreReviewTest, KeepsEveryNarrativeVersionAndRefusesAVersionTwice) {
  const int64_t id = Insert(Draft());
  auto tx = Write();
  ReviewText t{0, id, "lessons", 1, "Một là, ...\nHai là, ...", 7, "tester", 1684300100};
  ASSERT_TRUE(tx->InsertReviewText(t).ok());
  t.version = 2;
  t.body = "Một là, đoàn kết.";
  ASSERT_TRUE(tx->InsertReviewText(t).ok());
  ReviewText d{0, id, "directions", 1, "Tập trung phát triển đảng viên", 8, "bt", 1684300200};
  ASSERT_TRUE(tx->InsertReviewText(d).ok());
  Result<int64_t> twice = tx->InsertReviewText(t);
  EXPECT_EQ(twice.status().key(), "review.text_stale");
  ReviewText orphan = d;
  orphan.review_id = id + 100;
  EXPECT_EQ(tx->InsertReviewText(orphan).status().key(), "review.not_found");
  ASSERT_TRUE(tx->Commit().ok());

  auto r = ReadOnly();
  Result<std::vector<ReviewText>> all = r->ListReviewTexts(id);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);  // by section, then version
  EXPECT_EQ((*all)[0].section, "directions");
  EXPECT_EQ((*all)[1].body, "Một là, ...\nHai là, ...");
  EXPECT_EQ((*all)[2].version, 2);
  EXPECT_EQ((*all)[2].username, "tester");
  EXPECT_EQ(r->ListAudit("review_text", "", 10)->size(), 3u);
}

TEST_F(StoreReviewTest, FrozenFilesAreStoredOnceAndReadBackExactly) {
  const int64_t id = Insert(Draft());
  std::string bytes("PK\x03\x04\x00\xff binary \xc4\x90", 19);
  auto tx = Write();
  ASSERT_TRUE(tx->InsertReviewFile(id, "docx", bytes).ok());
  Status again = tx->InsertReviewFile(id, "docx", "other");
  EXPECT_EQ(again.key(), "review.file_exists");
  EXPECT_EQ(tx->InsertReviewFile(id + 100, "pdf", "x").key(), "review.not_found");
  ASSERT_TRUE(tx->Commit().ok());
  auto r = ReadOnly();
  Result<std::optional<std::string>> got = r->GetReviewFile(id, "docx");
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, bytes);
  EXPECT_FALSE(r->GetReviewFile(id, "pdf")->has_value());
}

TEST_F(StoreReviewTest, RefusesReferencesToMissingRows) {
  ReviewDoc d = Draft();
  d.resolution_id = resolution_ + 50;
  auto tx = Write();
  EXPECT_EQ(tx->InsertReviewDoc(d).status().key(), "review.resolution_unknown");
  d = Draft();
  d.org_id = org_ + 50;
  EXPECT_EQ(tx->InsertReviewDoc(d).status().key(), "review.org_unknown");
  d = Draft();
  d.term_id = term_ + 50;
  EXPECT_EQ(tx->InsertReviewDoc(d).status().key(), "review.term_unknown");
  EXPECT_EQ(tx->GetReviewDoc(999).status().key(), "review.not_found");
  ASSERT_TRUE(tx->Commit().ok());
  EXPECT_TRUE(ReadOnly()->ListReviewDocs(std::nullopt)->empty());
}

}  // namespace
}  // namespace nq::store::testing::store_review_test
