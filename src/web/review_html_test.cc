#include "web/review_html.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/escape.h"

namespace nq::web::review_html_test {
namespace {

using analytics::TargetStatus;
using review::EvidenceRef;

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text a reader sees: the markup without its tags (entities left as they are).
std::string TextOf(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') in_tag = false;
  }
  return out;
}

review::TaskLine Task(int64_t id, std::string title, TaskState state) {
  review::TaskLine t;
  t.id = id;
  t.title = std::move(title);
  t.owner_org_id = 15;
  t.owner = "Chi bộ A & B";
  t.state = state;
  return t;
}

// ≥ 1.500 đảng viên: 1.234,5 done, 1.000 expected by now, 2.468,25 projected.
review::TargetRow TargetOf(const std::string& code, TargetStatus status) {
  review::TargetRow t;
  t.target.code = code;
  t.target.text = "Mục tiêu " + code;
  t.target.unit = "đảng viên";
  t.assessment.status = status;
  t.assessment.target_value = 1500;
  t.assessment.actual = 1234.5;
  t.assessment.expected = 1000;
  t.assessment.projection = 2468.25;
  t.assessment.explanation = "Giải thích " + code + ".";
  return t;
}

// A review of resolution 7 for organization 12 as of 17/5/2023: two targets (one with a code
// that needs percent-encoding), a breakthrough task (resolution task 3) served by an overdue task
// 41 whose title is a script, a concretizing document (task 42), and findings naming task 41
// and organization 15.
review::Review Sample() {
  review::Review r;
  r.as_of = Date{2023, 5, 17};
  r.term.name = "Nhiệm kỳ 2020 - 2025";
  r.resolution.id = 7;
  r.resolution.number = "01-NQ/ĐUK";
  r.resolution.title = "Nghị quyết Đại hội";
  r.root_org = 12;
  r.root_name = "Đảng bộ Khối <Cơ quan>";
  r.assessment.headline = "Hoàn thành 1/2 mục tiêu";
  r.assessment.done = 1;
  r.assessment.total = 2;
  r.assessment.buckets = {{80, 1}};
  r.assessment.targets = {TargetOf("MT1", TargetStatus::kMet),
                          TargetOf("MT 5/b", TargetStatus::kAtRisk)};
  r.needing_action.push_back(r.assessment.targets[1]);
  const review::TaskLine overdue = Task(41, "<script>alert(1)</script>", TaskState::kOverdue);
  review::BreakthroughSection b;
  b.task.id = 3;
  b.task.title = "Chuyển đổi số";
  b.tasks = {overdue};
  b.counts.by_state[static_cast<size_t>(TaskState::kOverdue)] = 1;
  r.breakthroughs.push_back(b);
  review::TaskSection s;
  s.resolution = r.resolution;
  s.counts.by_state[static_cast<size_t>(TaskState::kOverdue)] = 1;
  s.counts.by_state[static_cast<size_t>(TaskState::kDoneOnTime)] = 1;
  s.documents = {Task(42, "Kế hoạch 05", TaskState::kDoneOnTime)};
  s.overdue = {overdue};
  r.task_sections.push_back(s);
  r.findings.push_back({"tasks_overdue",
                        "1 nhiệm vụ được giao đã quá hạn mà chưa hoàn thành.",
                        {EvidenceRef{EvidenceRef::Kind::kTask, 41, "",
                                     overdue.title + " (" + overdue.owner + ")", "quá hạn"}}});
  r.findings.push_back({"late_reporting",
                        "1 tổ chức đảng báo cáo số liệu chưa kịp thời.",
                        {EvidenceRef{EvidenceRef::Kind::kOrganization, 15, "KB.A", "Chi bộ A & B",
                                     "2 báo cáo gửi trễ hạn (8 đúng hạn)"}}});
  r.lessons = "Một là, <script>alert(1)</script> bám sát cơ sở.\n\nHai là, nêu gương.";
  return r;
}

review::DocumentOptions Options() {
  review::DocumentOptions o;
  o.place = "Bến Tre";
  o.superior_body = "ĐẢNG BỘ TỈNH BẾN TRE";
  return o;
}

std::string Article(const ReviewLinks& links = {}) {
  return ReviewArticleHtml(Sample(), Options(), links);
}

TEST(ReviewHtmlTest, HeadlineLinksToTheDashboardAsOfTheReviewDate) {
  const std::string html = Article();
  EXPECT_NE(html.find("Tính đến ngày 17/5/2023, <a href=\"/resolutions/7/dashboard?"
                      "as_of=2023-05-17&amp;org=12\" title=\"Đánh giá các mục tiêu của Nghị "
                      "quyết số 01-NQ/ĐUK"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("\">hoàn thành 1/2 mục tiêu</a> của Nghị quyết; "), std::string::npos);
  EXPECT_NE(html.find("\">1/2 mục tiêu đạt từ 80% trở lên</a>."), std::string::npos);
}

TEST(ReviewHtmlTest, EachTargetRowLinksItsFiguresToTheTargetPage) {
  const std::string html = Article();
  const std::string mt1 = "<a href=\"/resolutions/7/targets/MT1?as_of=2023-05-17&amp;org=12\"";
  // In the table: text, target, actual, expected, projection, status; then "MT1 (ĐẠT)".
  EXPECT_EQ(Count(html, mt1), 7);
  const std::string mt5 =
      "<a href=\"/resolutions/7/targets/MT%205%2Fb?as_of=2023-05-17&amp;org=12\"";
  // The same seven, and its line among the targets needing action (IV).
  EXPECT_EQ(Count(html, mt5), 8);
  EXPECT_NE(html.find(mt1 + " title=\"Mục tiêu MT1: diễn biến theo năm và kết quả từng tổ chức"),
            std::string::npos);
  for (const char* figure :
       {">≥ 1.500 đảng viên</a>", ">1.234,5 đảng viên</a>", ">1.000 đảng viên</a>",
        ">2.468,25 đảng viên</a>", "><b>ĐẠT</b></a>"}) {
    EXPECT_NE(html.find(figure), std::string::npos) << figure;
  }
  EXPECT_NE(html.find("<td class=\"review-num\"><a href=\"/resolutions/7/targets/MT1?"),
            std::string::npos);
}

TEST(ReviewHtmlTest, TasksCountsAndOrganizationsLinkToTheirPages) {
  const std::string html = Article();
  // The overdue task: its line under the breakthrough task and its evidence in II.
  EXPECT_EQ(Count(html, "<a href=\"/tasks/41?as_of=2023-05-17\" title=\"Nhiệm vụ: "), 2);
  // The document's row: title, owner, number, state.
  EXPECT_EQ(Count(html, "<a href=\"/tasks/42?as_of=2023-05-17\""), 4);
  EXPECT_NE(html.find("Đã giao <a href=\"/tasks?as_of=2023-05-17&amp;resolution=7&amp;org=12"
                      "&amp;rtask=3\""),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"/tasks?as_of=2023-05-17&amp;resolution=7&amp;org=12&amp;"
                      "rtask=3&amp;state=overdue\" title=\"Danh sách nhiệm vụ được giao — phục "
                      "vụ nhiệm vụ đột phá, trọng tâm này — Quá hạn, tình trạng đến ngày "
                      "17/5/2023\">1 quá hạn</a>"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"/tasks?as_of=2023-05-17&amp;resolution=7&amp;org=12&amp;"
                      "state=done_on_time\""),
            std::string::npos);
  EXPECT_NE(html.find("Ban hành <a href=\"/tasks?as_of=2023-05-17&amp;resolution=7&amp;org=12"
                      "&amp;product=document\""),
            std::string::npos);
  EXPECT_NE(html.find("+ <a href=\"/orgs/15\" title=\"Tổ chức đảng: thông tin và các tổ chức "
                      "trực thuộc\">Chi bộ A &amp; B</a>: 2 báo cáo gửi trễ hạn (8 đúng hạn)"),
            std::string::npos);
}

TEST(ReviewHtmlTest, NamesAndTheCommitteesTextAreEscaped) {
  const std::string html = ReviewStandaloneHtml(Sample(), Options(), {});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<Cơ quan>"), std::string::npos);
  // The task's title in its line under the breakthrough task and in its evidence; the lessons.
  EXPECT_GE(Count(html, "&lt;script&gt;alert(1)&lt;/script&gt;"), 3);
  EXPECT_NE(html.find("<p>Một là, &lt;script&gt;alert(1)&lt;/script&gt; bám sát cơ sở.</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<p>Hai là, nêu gương.</p>"), std::string::npos);  // blank line skipped
  EXPECT_NE(html.find("ĐẢNG BỘ KHỐI &lt;CƠ QUAN&gt;"), std::string::npos);
}

TEST(ReviewHtmlTest, VietnameseNumbersAndDates) {
  const std::string text = TextOf(Article());
  EXPECT_NE(text.find("Bến Tre, ngày 17 tháng 5 năm 2023"), std::string::npos);
  EXPECT_NE(text.find("Tính đến ngày 17/5/2023,"), std::string::npos);
  EXPECT_NE(text.find("1.234,5 đảng viên"), std::string::npos);
  EXPECT_NE(text.find("2.468,25 đảng viên"), std::string::npos);
  EXPECT_EQ(text.find("1234.5"), std::string::npos);
}

TEST(ReviewHtmlTest, SaysWhatTheDocumentSays) {
  const review::Review r = Sample();
  const std::string text = TextOf(ReviewArticleHtml(r, Options(), {}));
  const review::Document d = review::ReviewDocument(r, Options());
  int checked = 0;
  for (const review::Block& b : d.body) {
    std::string plain;
    for (const review::Run& run : b.runs) plain += run.text;
    for (const auto& row : b.table.rows) {
      for (const review::Cell& c : row)
        EXPECT_NE(text.find(EscapeMarkup(c.text)), std::string::npos);
    }
    if (plain.empty()) continue;
    EXPECT_NE(text.find(EscapeMarkup(plain)), std::string::npos) << plain;
    ++checked;
  }
  EXPECT_GT(checked, 20);
  for (const std::string& line : review::RecipientLines(d.recipients)) {
    EXPECT_NE(text.find(line), std::string::npos) << line;
  }
  EXPECT_NE(text.find(EscapeMarkup(d.header.issuing_body)), std::string::npos);
  EXPECT_NE(text.find("ĐẢNG CỘNG SẢN VIỆT NAM"), std::string::npos);
  EXPECT_NE(text.find("Nơi nhận:"), std::string::npos);
  EXPECT_NE(text.find("T/M BAN THƯỜNG VỤ"), std::string::npos);
}

TEST(ReviewHtmlTest, LinksDisabledGiveNoAnchorAndTheSameText) {
  ReviewLinks off;
  off.enabled = false;
  const std::string plain = Article(off);
  EXPECT_EQ(plain.find("<a "), std::string::npos);
  EXPECT_EQ(plain.find("href="), std::string::npos);
  EXPECT_EQ(TextOf(plain), TextOf(Article()));
}

TEST(ReviewHtmlTest, EveryLinkStartsWithTheBase) {
  ReviewLinks links;
  links.base = "http://nqtrack.local:8080";
  const std::string html = Article(links);
  EXPECT_GT(Count(html, "<a href=\"http://nqtrack.local:8080/"), 20);
  EXPECT_EQ(Count(html, "<a href=\"/"), 0);
  EXPECT_NE(html.find("href=\"http://nqtrack.local:8080/orgs/15\""), std::string::npos);
}

TEST(ReviewHtmlTest, StandaloneIsACompleteDocumentWithItsStylesInline) {
  const std::string html = ReviewStandaloneHtml(Sample(), Options(), {});
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"vi\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Báo cáo: Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết số "
                      "01-NQ/ĐUK</title>"),
            std::string::npos);
  EXPECT_NE(html.find("@page"), std::string::npos);
  EXPECT_NE(html.find(".review-doc"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(Count(html, "<article"), 1);
  EXPECT_NE(html.find(Article()), std::string::npos);
}

TEST(ReviewHtmlTest, ArticleHasTheHeaderBlockAndRealTables) {
  const std::string html = Article();
  EXPECT_EQ(html.rfind("<article class=\"review-doc\"", 0), 0u);
  EXPECT_NE(html.find("<p class=\"review-superior\">ĐẢNG BỘ TỈNH BẾN TRE</p>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"review-star\">*</p>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"review-number\">Số      -BC/ĐUK</p>"), std::string::npos)
      << "a draft's number keeps its six spaces";
  EXPECT_NE(html.find("<h2 class=\"review-doc-type\">BÁO CÁO</h2>"), std::string::npos);
  EXPECT_EQ(Count(html, "<table class=\"review-table\">"), 2);  // targets, documents
  EXPECT_NE(html.find("<th scope=\"col\">Dự báo cuối nhiệm kỳ</th>"), std::string::npos);
  EXPECT_NE(html.find("<h3 class=\"review-h1\">II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN</h3>"),
            std::string::npos);
  EXPECT_EQ(html.find("style="), std::string::npos);  // the app's CSP allows no inline style
}

}  // namespace
}  // namespace nq::web::review_html_test
