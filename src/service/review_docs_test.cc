#include "service/review_docs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/data_test_fixture.h"

namespace nq::review_docs_test {
namespace {

using testing_util::DataTest;

// The bloc's term 2020–2025 and its resolution 01-NQ/ĐUK with one target, MT1: admit at least
// 100 new members over the term (new_members, yearly, in no data set); the kept reviews of it.
// The renderer is a fake that writes what it was given, "format|headline|actual|number|lessons",
// so that a test can tell which data and which narrative were frozen into each stored file.
class ReviewDocsTest : public DataTest {
 protected:
  void SetUp() override {
    DataTest::SetUp();
    if (HasFatalFailure()) return;
    committee_ = As(Role::kCommittee, "DUK", 9101);
    Result<Resolution> res = CreateTermAndResolution("DUK", "01-NQ/ĐUK", "Nghị quyết Đại hội XIII");
    ASSERT_TRUE(res.ok()) << res.status().ToString();
    resolution_ = *res;
    CreateNewMembersTarget(resolution_.id);
    if (HasFatalFailure()) return;
    render_ = [this](const review::Review& r, const review::DocumentOptions& o,
                     std::string_view format) -> Result<std::string> {
      ++renders_;
      const std::optional<double> actual = r.assessment.targets.empty()
                                               ? std::nullopt
                                               : r.assessment.targets.front().assessment.actual;
      return std::string(format) + "|" + r.assessment.headline + "|" +
             (actual ? std::to_string(static_cast<int>(*actual)) : "-") + "|" + o.number_symbol +
             "|" + r.lessons;
    };
  }

  Result<ReviewDoc> Create(const Principal& p, std::optional<int64_t> org = std::nullopt,
                           Date as_of = Date{2023, 5, 17}) {
    NewReviewDoc in;
    in.resolution_id = resolution_.id;
    in.as_of = as_of;
    in.org_id = org;
    in.header.place = "Bến Tre";
    in.header.superior_body = "ĐẢNG BỘ TỈNH BẾN TRE";
    return CreateReviewDoc(*app_, p, in, ActorOf(p));
  }

  // A review created by the bloc's committee (the test fails otherwise).
  ReviewDoc Draft() {
    Result<ReviewDoc> d = Create(committee_);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : ReviewDoc{};
  }

  Result<ReviewText> SaveText(int64_t id, std::string_view text, int base,
                              std::string_view section = "lessons") {
    return SaveReviewText(*app_, committee_, id, section, text, base, ActorOf(committee_));
  }

  ReviewIssue GoodIssue(int number = 25) {
    ReviewIssue in;
    in.number = number;
    in.symbol = "BC/ĐUK";
    in.issued_on = Date{2023, 5, 25};
    in.signer_name = "  Nguyễn Văn Bình ";
    return in;
  }

  Result<ReviewDoc> Issue(int64_t id, const ReviewIssue& in) {
    return IssueReviewDoc(*app_, committee_, id, in, render_, ActorOf(committee_));
  }

  ReviewDocDetail Get(int64_t id, const Principal* p = nullptr) {
    Result<ReviewDocDetail> d = GetReviewDoc(*app_, p ? *p : committee_, id);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : ReviewDocDetail{};
  }

  std::optional<std::string> Frozen(int64_t id, std::string_view format) {
    Result<std::optional<std::string>> f = FrozenReviewFile(*app_, committee_, id, format);
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? *f : std::nullopt;
  }

  // The live review of a stored record, as a draft shows it.
  std::optional<double> LiveActual(int64_t id) {
    Result<review::Review> r = ReviewOfDoc(*app_, committee_, Get(id));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok() || r->assessment.targets.empty()) return std::nullopt;
    return r->assessment.targets.front().assessment.actual;
  }

  Principal committee_;  // the bloc's committee (SetUp)
  Resolution resolution_;
  ReviewRenderer render_;
  int renders_ = 0;
};

void ExpectError(const Status& st, Code code, const std::string& key) {
  EXPECT_EQ(st.code(), code) << st.ToString();
  EXPECT_EQ(st.key(), key) << st.ToString();
}

TEST_F(ReviewDocsTest, TheCommitteeCreatesADraft) {
  Result<ReviewDoc> d = Create(committee_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GT(d->id, 0);
  EXPECT_EQ(d->state, ReviewDocState::kDraft);
  EXPECT_EQ(d->org_id, Id("DUK"));  // nullopt: the resolution's committee
  EXPECT_EQ(d->term_id, resolution_.term_id);
  EXPECT_EQ(d->kind, "midterm");
  EXPECT_FALSE(d->number.has_value());
  EXPECT_EQ(ReviewNumberSymbol(*d), "");

  ReviewDocDetail got = Get(d->id);
  EXPECT_EQ(got.doc, *d);
  EXPECT_EQ(got.resolution.number, "01-NQ/ĐUK");
  EXPECT_EQ(got.org.code, "DUK");
  EXPECT_TRUE(got.can_edit);
  EXPECT_TRUE(got.latest.empty());
  EXPECT_EQ(got.doc.header.place, "Bến Tre");

  Result<std::vector<ReviewDoc>> list = ListReviewDocs(*app_, committee_, resolution_.id);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().id, d->id);

  const std::vector<store::AuditEntry> audit = Audit("review", std::to_string(d->id));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  EXPECT_EQ(audit[0].user_id, 9101);
  EXPECT_NE(audit[0].new_value.find("\"state\":\"draft\""), std::string::npos)
      << audit[0].new_value;
}

TEST_F(ReviewDocsTest, OnlyTheCommitteeOfTheScopeCreates) {
  const int64_t audit_before = LastAuditId();
  ExpectError(Create(As(Role::kReporter, "DUK")).status(), Code::kForbidden, "role.denied");
  ExpectError(Create(As(Role::kViewer, "DUK")).status(), Code::kForbidden, "role.denied");
  // A committee below the bloc reads the bloc's resolution but reviews only its own subtree.
  const Principal stc = As(Role::kCommittee, "DUK.STC", 9102);
  ExpectError(Create(stc, Id("DUK.SCT")).status(), Code::kForbidden, "scope.denied");
  ExpectError(Create(stc, Id("DUK")).status(), Code::kForbidden, "scope.denied");
  EXPECT_EQ(LastAuditId(), audit_before);

  Result<ReviewDoc> own = Create(stc, Id("DUK.STC"));
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->org_id, Id("DUK.STC"));
  // The bloc's reviews are out of the sub-committee's sight, its own in the bloc's.
  ReviewDoc bloc = Draft();
  ExpectError(GetReviewDoc(*app_, stc, bloc.id).status(), Code::kForbidden, "scope.denied");
  Result<std::vector<ReviewDoc>> seen = ListReviewDocs(*app_, stc, resolution_.id);
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->front().id, own->id);
  Result<std::vector<ReviewDoc>> all = ListReviewDocs(*app_, committee_, resolution_.id);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(ReviewDocsTest, CreateRefusesWhatCannotBeReviewed) {
  Resolution bare;
  bare.term_id = resolution_.term_id;
  bare.number = "02-NQ/ĐUK";
  bare.title = "Nghị quyết chưa có mục tiêu";
  Result<Resolution> created = app_->plans().CreateResolutionAsSystem(bare, system_);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const int64_t audit_before = LastAuditId();
  // The term is 1/1/2020 – 31/12/2025.
  ExpectError(Create(committee_, std::nullopt, Date{2019, 12, 31}).status(), Code::kInvalid,
              "review.as_of_outside_term");
  ExpectError(Create(committee_, std::nullopt, Date{2026, 1, 1}).status(), Code::kInvalid,
              "review.as_of_outside_term");

  NewReviewDoc in;
  in.resolution_id = created->id;
  in.as_of = Date{2023, 5, 17};
  ExpectError(CreateReviewDoc(*app_, committee_, in, ActorOf(committee_)).status(), Code::kInvalid,
              "review.no_targets");

  in.resolution_id = resolution_.id;
  in.kind = "quarterly";
  ExpectError(CreateReviewDoc(*app_, committee_, in, ActorOf(committee_)).status(), Code::kInvalid,
              "review.kind_unknown");
  in.kind = "endterm";
  in.header.place = "Bến\nTre";
  ExpectError(CreateReviewDoc(*app_, committee_, in, ActorOf(committee_)).status(), Code::kInvalid,
              "review.header_invalid");
  EXPECT_EQ(LastAuditId(), audit_before);
  Result<std::vector<ReviewDoc>> list = ListReviewDocs(*app_, committee_, resolution_.id);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

TEST_F(ReviewDocsTest, NarrativeVersionsAreKept) {
  const ReviewDoc d = Draft();
  Result<ReviewText> v1 = SaveText(d.id, "Bài học thứ nhất: nêu gương.  \r\n\r\n", 0);
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1->version, 1);
  EXPECT_EQ(v1->body, "Bài học thứ nhất: nêu gương.");  // normalized
  EXPECT_EQ(v1->username, committee_.username);

  // The same text (once normalized) stores nothing and answers with the latest.
  const int64_t audit_before = LastAuditId();
  Result<ReviewText> same = SaveText(d.id, "Bài học thứ nhất: nêu gương.", 1);
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->version, 1);
  EXPECT_EQ(same->id, v1->id);
  EXPECT_EQ(LastAuditId(), audit_before);

  Result<ReviewText> v2 = SaveText(d.id, "Bài học thứ nhất: nêu gương.\nBài học thứ hai.", 1);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version, 2);
  // Another section counts its own versions.
  Result<ReviewText> dir = SaveText(d.id, "Phương hướng: tiếp tục.", 0, "directions");
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  EXPECT_EQ(dir->version, 1);

  ReviewDocDetail got = Get(d.id);
  ASSERT_EQ(got.versions.size(), 3u);
  EXPECT_EQ(got.latest.at("lessons").version, 2);
  EXPECT_EQ(got.latest.at("lessons").body, "Bài học thứ nhất: nêu gương.\nBài học thứ hai.");
  EXPECT_EQ(got.latest.at("directions").body, "Phương hướng: tiếp tục.");
  Result<review::Review> live = ReviewOfDoc(*app_, committee_, got);
  ASSERT_TRUE(live.ok()) << live.status().ToString();
  EXPECT_EQ(live->lessons, "Bài học thứ nhất: nêu gương.\nBài học thứ hai.");
  EXPECT_EQ(live->directions, "Phương hướng: tiếp tục.");

  const std::vector<store::AuditEntry> audit = Audit("review_text");
  ASSERT_EQ(audit.size(), 3u);
  for (const store::AuditEntry& e : audit) EXPECT_EQ(e.action, "create");
}

TEST_F(ReviewDocsTest, RefusedNarrativeIsNotStored) {
  const ReviewDoc d = Draft();
  ASSERT_TRUE(SaveText(d.id, "Phiên bản một.", 0).ok());
  ASSERT_TRUE(SaveText(d.id, "Phiên bản hai.", 1).ok());
  const int64_t audit_before = LastAuditId();

  // Written on top of version 1 while version 2 was saved in between.
  ExpectError(SaveText(d.id, "Sửa từ phiên bản một.", 1).status(), Code::kConflict,
              "review.text_stale");
  ExpectError(SaveText(d.id, "Chưa có gì.", 0).status(), Code::kConflict, "review.text_stale");
  ExpectError(SaveText(d.id, "Quá mới.", 3).status(), Code::kConflict, "review.text_stale");
  ExpectError(SaveText(d.id, "Dán từ Word: <p>Bài học</p>", 2).status(), Code::kInvalid,
              "review.text_markup");
  ExpectError(SaveText(d.id, "x <script>alert(1)</script>", 2).status(), Code::kInvalid,
              "review.text_markup");
  ExpectError(SaveText(d.id, "Tóm tắt.", 0, "summary").status(), Code::kInvalid,
              "review.section_unknown");
  ExpectError(SaveText(d.id, "a\001b", 2).status(), Code::kInvalid, "review.text_invalid");
  // Plain comparisons are text, not markup.
  Result<ReviewText> lt = SaveText(d.id, "Tỷ lệ < 5% và 3 <4", 2);
  ASSERT_TRUE(lt.ok()) << lt.status().ToString();
  EXPECT_EQ(lt->version, 3);

  ReviewDocDetail got = Get(d.id);
  EXPECT_EQ(got.versions.size(), 3u);
  EXPECT_EQ(got.latest.at("lessons").body, "Tỷ lệ < 5% và 3 <4");
  EXPECT_EQ(got.latest.count("summary"), 0u);
  EXPECT_EQ(Audit("review_text").size(), 3u);
  EXPECT_EQ(LastAuditId(), audit_before + 1);

  // Readers read; only the committee writes.
  const Principal viewer = As(Role::kViewer, "DUK", 9103);
  ReviewDocDetail seen = Get(d.id, &viewer);
  EXPECT_FALSE(seen.can_edit);
  EXPECT_EQ(seen.latest.at("lessons").version, 3);
  ExpectError(
      SaveReviewText(*app_, viewer, d.id, "lessons", "Của người xem.", 3, ActorOf(viewer)).status(),
      Code::kForbidden, "role.denied");
  ExpectError(UpdateReviewDocHeader(*app_, viewer, d.id, d.header, ActorOf(viewer)).status(),
              Code::kForbidden, "role.denied");
  ExpectError(IssueReviewDoc(*app_, viewer, d.id, GoodIssue(), render_, ActorOf(viewer)).status(),
              Code::kForbidden, "role.denied");
  EXPECT_EQ(Get(d.id).versions.size(), 3u);
  EXPECT_EQ(renders_, 0);
}

TEST_F(ReviewDocsTest, TheHeaderOfADraftIsReplaced) {
  const ReviewDoc d = Draft();
  ReviewDocHeader h = d.header;
  h.issuing_body = "ĐẢNG ỦY KHỐI";
  h.recipients = {"- Tỉnh ủy (báo cáo),", "- Lưu Văn phòng."};
  Result<ReviewDoc> updated =
      UpdateReviewDocHeader(*app_, committee_, d.id, h, ActorOf(committee_));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->header, h);
  EXPECT_EQ(Get(d.id).doc.header, h);

  ReviewDocHeader bad = h;
  bad.signer_name = std::string(301, 'a');
  ExpectError(UpdateReviewDocHeader(*app_, committee_, d.id, bad, ActorOf(committee_)).status(),
              Code::kInvalid, "review.header_invalid");
  EXPECT_EQ(Get(d.id).doc.header, h);

  const std::vector<store::AuditEntry> audit = Audit("review", std::to_string(d.id));
  ASSERT_EQ(audit.size(), 2u);
  int updates = 0;
  for (const store::AuditEntry& e : audit) updates += e.action == "update";
  EXPECT_EQ(updates, 1);
}

TEST_F(ReviewDocsTest, BadIssueDataChangesNothing) {
  const ReviewDoc d = Draft();
  const int64_t audit_before = LastAuditId();
  auto refused = [&](const ReviewIssue& in, const std::string& key) {
    ExpectError(Issue(d.id, in).status(), Code::kInvalid, key);
  };
  ReviewIssue in = GoodIssue();
  in.number = 0;
  refused(in, "review.number_invalid");
  in.number = 100000;
  refused(in, "review.number_invalid");
  in = GoodIssue();
  in.symbol = "NQ/ĐUK";
  refused(in, "review.symbol_invalid");
  in.symbol = "BC/ĐUK MỚI";
  refused(in, "review.symbol_invalid");
  in.symbol = "";
  refused(in, "review.symbol_invalid");
  in = GoodIssue();
  in.issued_on = Date{2023, 5, 16};  // before the data date
  refused(in, "review.issued_on_invalid");
  in.issued_on = Date{2024, 6, 1};  // more than a year after it
  refused(in, "review.issued_on_invalid");
  in = GoodIssue();
  in.signer_name = "   ";
  refused(in, "review.signer_required");

  // A renderer that fails leaves the draft a draft too.
  int calls = 0;
  const ReviewRenderer failing = [&](const review::Review&, const review::DocumentOptions&,
                                     std::string_view format) -> Result<std::string> {
    ++calls;
    if (format == "pdf") return Status::Internal("pdf.failed", "Không tạo được PDF");
    return std::string("ok");
  };
  ExpectError(
      IssueReviewDoc(*app_, committee_, d.id, GoodIssue(), failing, ActorOf(committee_)).status(),
      Code::kInternal, "pdf.failed");
  EXPECT_GT(calls, 0);

  EXPECT_EQ(renders_, 0);
  EXPECT_EQ(LastAuditId(), audit_before);
  const ReviewDocDetail got = Get(d.id);
  EXPECT_EQ(got.doc, d);
  EXPECT_TRUE(got.can_edit);
  EXPECT_EQ(Frozen(d.id, "json"), std::nullopt);
}

TEST_F(ReviewDocsTest, AnIssuedReviewIsFrozen) {
  ASSERT_TRUE(Save(committee_, "DUK.SYT", new_members_, "2021", "30").ok());
  const ReviewDoc d = Draft();
  ASSERT_TRUE(SaveText(d.id, "Bài học: bám sát cơ sở.", 0).ok());
  EXPECT_EQ(LiveActual(d.id), 30);
  Result<review::Review> before = ReviewOfDoc(*app_, committee_, Get(d.id));
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  const std::string headline = before->assessment.headline;
  EXPECT_EQ(headline.rfind("Hoàn thành ", 0), 0u) << headline;
  const std::string frozen = "|" + headline + "|30|Số 25-BC/ĐUK|Bài học: bám sát cơ sở.";

  Result<ReviewDoc> issued = Issue(d.id, GoodIssue(25));
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  EXPECT_EQ(issued->state, ReviewDocState::kIssued);
  EXPECT_EQ(issued->number, 25);
  EXPECT_EQ(issued->symbol, "BC/ĐUK");
  EXPECT_EQ(issued->issued_on, (Date{2023, 5, 25}));
  EXPECT_EQ(issued->header.signer_name, "Nguyễn Văn Bình");  // trimmed
  EXPECT_EQ(issued->header.signer_title, "BÍ THƯ");          // kept: none given
  EXPECT_EQ(issued->issued_by, 9101);
  EXPECT_GT(issued->issued_at, 0);
  EXPECT_EQ(ReviewNumberSymbol(*issued), "25-BC/ĐUK");
  EXPECT_EQ(renders_, static_cast<int>(std::size(kReviewFormats)));

  const ReviewDocDetail got = Get(d.id);
  EXPECT_EQ(got.doc, *issued);
  EXPECT_FALSE(got.can_edit);
  // Every format is stored as the renderer wrote it, with the number and the narrative.
  for (std::string_view format : kReviewFormats) {
    EXPECT_EQ(Frozen(d.id, format), std::string(format) + frozen) << format;
  }
  EXPECT_EQ(Frozen(d.id, "odt"), std::nullopt);

  // The data changes afterwards: a new draft follows it, the issued review does not.
  ASSERT_TRUE(Save(committee_, "DUK.STC.VP", new_members_, "2022", "45").ok());
  const ReviewDoc later = Draft();
  EXPECT_EQ(LiveActual(later.id), 75);
  EXPECT_EQ(Frozen(d.id, "json"), "json" + frozen);

  // Nothing of an issued review is edited again.
  const int64_t audit_before = LastAuditId();
  ExpectError(SaveText(d.id, "Sửa sau khi ban hành.", 1).status(), Code::kConflict,
              "review.issued");
  ExpectError(
      UpdateReviewDocHeader(*app_, committee_, d.id, d.header, ActorOf(committee_)).status(),
      Code::kConflict, "review.issued");
  ExpectError(Issue(d.id, GoodIssue(26)).status(), Code::kConflict, "review.issued");
  EXPECT_EQ(LastAuditId(), audit_before);
  EXPECT_EQ(Get(d.id).doc, *issued);

  const std::vector<store::AuditEntry> audit = Audit("review", std::to_string(d.id));
  ASSERT_EQ(audit.size(), 2u);
  bool has_issue = false;
  for (const store::AuditEntry& e : audit) {
    if (e.action != "issue") continue;
    has_issue = true;
    EXPECT_NE(e.old_value.find("\"state\":\"draft\""), std::string::npos) << e.old_value;
    EXPECT_NE(e.new_value.find("\"state\":\"issued\""), std::string::npos) << e.new_value;
    EXPECT_NE(e.new_value.find("\"number\":25"), std::string::npos) << e.new_value;
  }
  EXPECT_TRUE(has_issue);
}

TEST_F(ReviewDocsTest, ANumberIsUsedOncePerOrganizationAndTerm) {
  const ReviewDoc first = Draft();
  const ReviewDoc second = Draft();
  Result<int> suggested = SuggestReviewNumber(*app_, committee_, first);
  ASSERT_TRUE(suggested.ok()) << suggested.status().ToString();
  EXPECT_EQ(*suggested, 1);

  ASSERT_TRUE(Issue(first.id, GoodIssue(7)).ok());
  const int renders_after_first = renders_;
  const int64_t audit_before = LastAuditId();
  ExpectError(Issue(second.id, GoodIssue(7)).status(), Code::kConflict, "review.number_taken");
  EXPECT_EQ(renders_, renders_after_first);  // refused before rendering
  EXPECT_EQ(LastAuditId(), audit_before);
  const ReviewDocDetail still = Get(second.id);
  EXPECT_EQ(still.doc.state, ReviewDocState::kDraft);
  EXPECT_FALSE(still.doc.number.has_value());
  EXPECT_EQ(Frozen(second.id, "json"), std::nullopt);

  suggested = SuggestReviewNumber(*app_, committee_, second);
  ASSERT_TRUE(suggested.ok());
  EXPECT_EQ(*suggested, 8);
  ASSERT_TRUE(Issue(second.id, GoodIssue(12)).ok());
  const ReviewDoc third = Draft();
  suggested = SuggestReviewNumber(*app_, committee_, third);
  ASSERT_TRUE(suggested.ok());
  EXPECT_EQ(*suggested, 13);

  // Another organization has its own series.
  const Principal stc = As(Role::kCommittee, "DUK.STC", 9102);
  Result<ReviewDoc> own = Create(stc, Id("DUK.STC"));
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  Result<int> own_next = SuggestReviewNumber(*app_, stc, *own);
  ASSERT_TRUE(own_next.ok()) << own_next.status().ToString();
  EXPECT_EQ(*own_next, 1);
  ReviewIssue in = GoodIssue(7);
  in.symbol = "BC/ĐUSTC";
  Result<ReviewDoc> issued = IssueReviewDoc(*app_, stc, own->id, in, render_, ActorOf(stc));
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  EXPECT_EQ(ReviewNumberSymbol(*issued), "7-BC/ĐUSTC");
}

}  // namespace
}  // namespace nq::review_docs_test
