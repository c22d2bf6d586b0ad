#include "domain/review_doc.h"

#include <gtest/gtest.h>

namespace nq::review_doc_test {
namespace {

TEST(ReviewDocTest, NumberSymbolOnlyOnceIssued) {
  ReviewDoc d;
  d.number = 25;
  d.symbol = "BC/ĐUK";
  EXPECT_EQ(ReviewNumberSymbol(d), "");
  d.state = ReviewDocState::kIssued;
  EXPECT_EQ(ReviewNumberSymbol(d), "25-BC/ĐUK");
  EXPECT_EQ(ParseReviewDocState("issued"), ReviewDocState::kIssued);
  EXPECT_FALSE(ParseReviewDocState("Issued").has_value());
  EXPECT_STREQ(ReviewDocStateLabel(ReviewDocState::kDraft), "Dự thảo");
}

TEST(ReviewDocTest, NarrativeIsNormalizedPlainText) {
  Result<std::string> t = NormalizeReviewText(
      "\r\n\n  Một là, giữ vững đoàn kết.  \r\nHai là, "
      "tỷ lệ < 50% phải nâng lên.\t\n\n\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(*t, "  Một là, giữ vững đoàn kết.\nHai là, tỷ lệ < 50% phải nâng lên.");
  EXPECT_EQ(*NormalizeReviewText(" \n\n "), "");
  EXPECT_EQ(*NormalizeReviewText("a <= b, 3<4, <"), "a <= b, 3<4, <");
}

TEST(ReviewDocTest, PastedMarkupIsRefused) {
  for (const char* bad :
       {"<p>Bài học</p>", "Văn bản <script>alert(1)</script>", "x </div>", "<!-- ghi chú -->",
        "<?xml version='1.0'?>", "<img src=x onerror=y>", "<SCRIPT>"}) {
    Result<std::string> t = NormalizeReviewText(bad);
    EXPECT_EQ(t.status().key(), "review.text_markup") << bad;
  }
}

TEST(ReviewDocTest, NarrativeRejectsBadBytesAndLength) {
  EXPECT_EQ(NormalizeReviewText("\xc3\x28").status().key(), "review.text_invalid");
  EXPECT_EQ(NormalizeReviewText(std::string("a\0b", 3)).status().key(), "review.text_invalid");
  EXPECT_EQ(NormalizeReviewText("chuông \x07").status().key(), "review.text_invalid");
  EXPECT_TRUE(NormalizeReviewText(std::string(50000, 'a')).ok());
  EXPECT_EQ(NormalizeReviewText(std::string(50001, 'a')).status().key(), "review.text_invalid");
}

TEST(ReviewDocTest, HeaderFieldsAreOneLineOfLimitedLength) {
  ReviewDocHeader h;
  h.place = "Bến Tre";
  h.recipients = {"Ban Thường vụ Tỉnh ủy (b/c)", "Lưu"};
  EXPECT_TRUE(ValidateReviewDocHeader(h).ok());
  h.place = "Bến\nTre";
  EXPECT_EQ(ValidateReviewDocHeader(h).key(), "review.header_invalid");
  h.place = std::string(301, 'x');
  EXPECT_EQ(ValidateReviewDocHeader(h).key(), "review.header_invalid");
  h.place = "";
  h.recipients.assign(21, "Lưu");
  EXPECT_EQ(ValidateReviewDocHeader(h).key(), "review.header_invalid");
}

TEST(ReviewDocTest, IssueNeedsNumberSymbolDateAndSigner) {
  const Date as_of{2023, 5, 17};
  ReviewIssue in{25, "BC/ĐUK", {2023, 5, 20}, "Nguyễn Văn Án", "", ""};
  EXPECT_TRUE(ValidateReviewIssue(in, as_of).ok());
  ReviewIssue bad = in;
  bad.number = 0;
  EXPECT_EQ(ValidateReviewIssue(bad, as_of).key(), "review.number_invalid");
  bad = in;
  for (const char* s : {"", "NQ/ĐUK", "BC/", "BC/Đ UK", "bc/duk", "BC/<u>X</u>", "BC/A&B"}) {
    bad.symbol = s;
    EXPECT_EQ(ValidateReviewIssue(bad, as_of).key(), "review.symbol_invalid") << s;
  }
  bad = in;
  bad.issued_on = {2023, 5, 16};
  EXPECT_EQ(ValidateReviewIssue(bad, as_of).key(), "review.issued_on_invalid");
  bad.issued_on = {2024, 5, 17};  // 366 days after: still allowed
  EXPECT_TRUE(ValidateReviewIssue(bad, as_of).ok());
  bad.issued_on = {2024, 5, 18};
  EXPECT_EQ(ValidateReviewIssue(bad, as_of).key(), "review.issued_on_invalid");
  bad = in;
  bad.signer_name = "  ";
  EXPECT_EQ(ValidateReviewIssue(bad, as_of).key(), "review.signer_required");
  bad.signer_name = "A\nB";
  EXPECT_EQ(ValidateReviewIssue(bad, as_of).key(), "review.header_invalid");
}

}  // namespace
}  // namespace nq::review_doc_test
