// The task pages through their handlers (pages_tasks.h): the board with its state tabs and
// filters, the task page and its progress form (multipart, as the browser sends it), the key
// projects' timeline and the home page's due-soon card. Tasks are set up through the service
// as the system (task_web_test_util.h); what is checked is what the pages show and store.
#include "web/pages_tasks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/test_date.h"
#include "common/time.h"
#include "web/task_web_test_util.h"

namespace nq::web::pages_tasks_test {
namespace {

using testing_util::BodyHas;
using testing_util::kMinimalPdf;
using testing_util::TaskWebTest;

// The count on the board's tab of `state` ("all" for Tất cả); -1 when there is no such tab.
int TabCount(const HttpResponse& r, const std::string& state) {
  const size_t tabs = r.body.find("id=\"tasks-tabs\"");
  if (tabs == std::string::npos) return -1;
  const size_t tab = r.body.find("data-state=\"" + state + "\"", tabs);
  const std::string marker = "nq-tab-count\">";
  const size_t count = r.body.find(marker, tab);
  if (tab == std::string::npos || count == std::string::npos) return -1;
  return std::stoi(r.body.substr(count + marker.size(), 6));
}

class TaskPagesTest : public TaskWebTest {
 protected:
  void SetUp() override {
    TaskWebTest::SetUp();
    if (HasFatalFailure()) return;
    // As of 17/5/2023: done on time, done late, open in time (SYT), overdue.
    on_time_ = Stored(Plain("DUK.STC", D(2023, 3, 31), "Quán triệt Nghị quyết đến đảng viên"));
    Complete(on_time_, D(2023, 3, 20));
    late_ = Stored(Plain("DUK.STC", D(2023, 3, 31), "Tổng kết công tác tuyên truyền"));
    Complete(late_, D(2023, 4, 5));
    open_ = Stored(Plain("DUK.SYT", D(2023, 12, 31), "Kiểm tra việc sinh hoạt chi bộ"));
    overdue_ = Stored(Plain("DUK.STC", D(2023, 4, 30), "Rà soát đảng viên ở doanh nghiệp"));
  }

  // The progress form of task `id` as the browser posts it, with the session's CSRF token.
  HttpResponse PostProgress(const Session& s, int64_t id, std::vector<Part> parts) {
    std::vector<Part> all;
    all.reserve(parts.size() + 1);
    all.emplace_back("_csrf", s.csrf);
    for (Part& part : parts) all.push_back(std::move(part));
    return PostMultipart(s, "/tasks/" + std::to_string(id) + "/progress", all);
  }

  // A 200 board listing, of the fixture's four tasks, exactly those of `shown`.
  void ExpectListed(const HttpResponse& r, std::initializer_list<const AssignedTask*> shown) {
    ASSERT_EQ(r.status, 200) << r.body;
    for (const AssignedTask* t : {&on_time_, &late_, &open_, &overdue_}) {
      const bool listed = std::find(shown.begin(), shown.end(), t) != shown.end();
      EXPECT_EQ(BodyHas(r, t->title), listed) << t->title;
    }
  }

  AssignedTask on_time_, late_, open_, overdue_;
};

TEST_F(TaskPagesTest, BoardCountsTheFourStatesAndFiltersByState) {
  const Session committee = Login("ban.to.chuc");
  HttpResponse board = Page(committee, "GET", "/tasks?as_of=2023-05-17");
  ExpectListed(board, {&on_time_, &late_, &open_, &overdue_});
  EXPECT_TRUE(BodyHas(board, "Nhiệm vụ được giao"));
  EXPECT_TRUE(BodyHas(board, "<span id=\"tasks-as-of\">17/5/2023</span>"));
  EXPECT_EQ(TabCount(board, "all"), 4);
  EXPECT_EQ(TabCount(board, "done_on_time"), 1);
  EXPECT_EQ(TabCount(board, "done_late"), 1);
  EXPECT_EQ(TabCount(board, "open_in_time"), 1);
  EXPECT_EQ(TabCount(board, "overdue"), 1);
  // The overdue row: its badge in red, its deadline 30/4/2023 passed 17 days before.
  const size_t row = board.body.find("data-task=\"" + std::to_string(overdue_.id) + "\"");
  ASSERT_NE(row, std::string::npos);
  const std::string overdue_row = board.body.substr(row, board.body.find("</tr>", row) - row);
  EXPECT_NE(overdue_row.find("text-bg-danger nq-task-state\" data-state=\"overdue\">Quá hạn"),
            std::string::npos);
  EXPECT_NE(overdue_row.find("30/4/2023"), std::string::npos);
  EXPECT_NE(overdue_row.find("Quá hạn 17 ngày"), std::string::npos);
  EXPECT_NE(overdue_row.find("Đảng bộ Sở Tài chính"), std::string::npos);

  // One state: the tab is active, the other tasks are gone, the counts stay.
  HttpResponse late = Page(committee, "GET", "/tasks?as_of=2023-05-17&state=done_late");
  ExpectListed(late, {&late_});
  EXPECT_EQ(TabCount(late, "overdue"), 1);
  EXPECT_TRUE(BodyHas(late, "nq-task-tab-teal active"));

  // Before the deadlines, nothing is overdue or done yet.
  HttpResponse march = Page(committee, "GET", "/tasks?as_of=2023-03-01");
  EXPECT_EQ(TabCount(march, "open_in_time"), 4);
  EXPECT_EQ(TabCount(march, "overdue"), 0);
}

TEST_F(TaskPagesTest, BoardFiltersByOrganizationAndDeadlineWindow) {
  const Session committee = Login("ban.to.chuc");
  HttpResponse syt =
      Page(committee, "GET", "/tasks?as_of=2023-05-17&org=" + std::to_string(Id("DUK.SYT")));
  ExpectListed(syt, {&open_});
  EXPECT_EQ(TabCount(syt, "all"), 1);
  // As of 25/3/2023, within 10 days: of the two tasks due 31/3 the one not yet done by then
  // (the other was done on 20/3); not the ones due 30/4 and 31/12.
  HttpResponse window = Page(committee, "GET", "/tasks?as_of=2023-03-25&due_within=10");
  ExpectListed(window, {&late_});
  EXPECT_EQ(TabCount(window, "all"), 1);
  // Bad filters are a 400 page, not an empty board.
  EXPECT_EQ(Page(committee, "GET", "/tasks?as_of=2023-02-30").status, 400);
  EXPECT_EQ(Page(committee, "GET", "/tasks?state=late").status, 400);
  EXPECT_EQ(Page(committee, "GET", "/tasks?due_within=-1").status, 400);
}

TEST_F(TaskPagesTest, ReporterOfAnotherOrganizationSeesNothingOfTheTask) {
  const Session syt = Login("bao.cao.syt");
  HttpResponse board = Page(syt, "GET", "/tasks?as_of=2023-05-17");
  ExpectListed(board, {&open_});
  EXPECT_EQ(TabCount(board, "all"), 1);

  HttpResponse page = Page(syt, "GET", "/tasks/" + std::to_string(overdue_.id));
  EXPECT_EQ(page.status, 403);
  EXPECT_TRUE(BodyHas(page, "Không có quyền truy cập"));
  EXPECT_FALSE(BodyHas(page, overdue_.title));
  EXPECT_EQ(Page(syt, "GET", "/tasks?org=" + std::to_string(Id("DUK.STC"))).status, 403);

  HttpResponse post = PostProgress(syt, overdue_.id,
                                   {{"percent", "100"},
                                    {"completed_on", "2023-05-17"},
                                    {"evidence", kMinimalPdf, "bao-cao.pdf"}});
  EXPECT_EQ(post.status, 403);
  EXPECT_TRUE(Updates(overdue_.id).empty());
  EXPECT_EQ(Page(syt, "GET", "/tasks/999999").status, 404);
}

TEST_F(TaskPagesTest, FakePdfIsRefusedBesideTheFormAndNothingIsStored) {
  const Session stc = Login("bao.cao.stc");
  HttpResponse post =
      PostProgress(stc, overdue_.id,
                   {{"percent", "60"},
                    {"note", "Đã rà soát 3 chi bộ"},
                    {"evidence", "<html><body>không phải PDF</body></html>", "x.pdf"}});
  EXPECT_EQ(post.status, 400);
  EXPECT_TRUE(BodyHas(post, "id=\"progress-error\""));
  EXPECT_TRUE(BodyHas(post, "Tệp &#39;x.pdf&#39; không phải tệp PDF thật"));
  // The form keeps what was typed; the task and its history are unchanged.
  EXPECT_TRUE(BodyHas(post, "value=\"60\""));
  EXPECT_TRUE(BodyHas(post, "Đã rà soát 3 chi bộ</textarea>"));
  EXPECT_TRUE(Updates(overdue_.id).empty());
  Result<TaskDetail> d = app_->tasks().Get(As(Role::kAdmin, "DUK"), overdue_.id, D(2023, 5, 17));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->task.progress_percent, 0);
}

TEST_F(TaskPagesTest, OwnerPostsProgressWithAPdfAndSeesItInTheHistory) {
  const Session stc = Login("bao.cao.stc");
  HttpResponse form = Page(stc, "GET", "/tasks/" + std::to_string(overdue_.id));
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(BodyHas(form, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(BodyHas(form, "accept=\".pdf,.docx,.xlsx,.png,.jpg,.jpeg\""));
  EXPECT_TRUE(BodyHas(form, "name=\"_csrf\" value=\"" + stc.csrf + "\""));
  EXPECT_TRUE(BodyHas(form, "Chưa có báo cáo tiến độ nào."));

  const std::string today = FormatIso(Today());
  HttpResponse post = PostProgress(stc, overdue_.id,
                                   {{"percent", "100"},
                                    {"note", "Đã hoàn thành rà soát"},
                                    {"completed_on", today},
                                    {"evidence", kMinimalPdf, "Biên bản rà soát.pdf"},
                                    {"evidence", "", ""}});  // a second input left empty
  ASSERT_EQ(post.status, 303) << post.body;
  EXPECT_EQ(post.Header("Location"),
            "/tasks/" + std::to_string(overdue_.id) + "?done=progress#history");
  const std::vector<TaskUpdate> updates = Updates(overdue_.id);
  ASSERT_EQ(updates.size(), 1u);
  ASSERT_EQ(updates[0].evidence.size(), 1u);
  EXPECT_EQ(updates[0].completed_on, Today());

  HttpResponse page = Page(stc, "GET", "/tasks/" + std::to_string(overdue_.id) + "?done=progress");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(BodyHas(page, "Đã ghi nhận báo cáo tiến độ."));
  EXPECT_TRUE(BodyHas(page, "Đã hoàn thành rà soát"));
  EXPECT_TRUE(BodyHas(page, "0% → <strong>100%</strong>"));
  EXPECT_TRUE(
      BodyHas(page, "href=\"/api/v1/evidence/" + std::to_string(updates[0].evidence[0].id) + "\""));
  EXPECT_TRUE(BodyHas(page, "Biên bản rà soát.pdf"));
  EXPECT_TRUE(BodyHas(page, "Hoàn thành ngày " + FormatVi(Today())));
  // Due 30/4/2023, done today: late.
  EXPECT_TRUE(BodyHas(page, "id=\"task-state\" data-state=\"done_late\">Hoàn thành trễ hạn"));
}

TEST_F(TaskPagesTest, LoweringWithoutReasonAndAMissingTokenChangeNothing) {
  const Session stc = Login("bao.cao.stc");
  ProgressInput half;
  half.percent = 50;
  half.note = "Đã làm một nửa";
  ASSERT_TRUE(app_->tasks().PostProgressAsSystem(overdue_.id, half, {}, 1684300000, system_).ok());

  HttpResponse lower = PostProgress(stc, overdue_.id, {{"percent", "30"}});
  EXPECT_EQ(lower.status, 400);
  EXPECT_TRUE(BodyHas(lower, "Tiến độ giảm từ 50% xuống 30% phải nêu lý do"));
  HttpResponse bad_date = PostProgress(stc, overdue_.id, {{"completed_on", "17/5/2023"}});
  EXPECT_EQ(bad_date.status, 400);
  EXPECT_TRUE(BodyHas(bad_date, "Ngày hoàn thành không phải ngày hợp lệ"));
  HttpResponse no_token = PostMultipart(stc, "/tasks/" + std::to_string(overdue_.id) + "/progress",
                                        {{"percent", "80"}});
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(Updates(overdue_.id).size(), 1u);

  // A viewer reads the page but gets no form, and cannot post.
  const Session viewer = Login("lanh.dao");
  HttpResponse page = Page(viewer, "GET", "/tasks/" + std::to_string(overdue_.id));
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(BodyHas(page, "id=\"progress-form\""));
  EXPECT_EQ(PostProgress(viewer, overdue_.id, {{"percent", "80"}}).status, 403);
  EXPECT_EQ(Updates(overdue_.id).size(), 1u);
}

TEST_F(TaskPagesTest, DocumentTaskIsCompletedWithTheIssuedNumber) {
  const AssignedTask doc = Stored(Document("DUK.STC", D(2023, 3, 31)));
  const Session stc = Login("bao.cao.stc");
  HttpResponse without =
      PostProgress(stc, doc.id, {{"percent", "100"}, {"completed_on", "2023-03-30"}});
  EXPECT_EQ(without.status, 400);
  EXPECT_TRUE(Updates(doc.id).empty());
  HttpResponse with = PostProgress(stc, doc.id,
                                   {{"percent", "100"},
                                    {"completed_on", "2023-03-30"},
                                    {"document_number", "15-KH/ĐUK"},
                                    {"document_issued", "2023-03-30"}});
  ASSERT_EQ(with.status, 303) << with.body;
  HttpResponse page = Page(stc, "GET", "/tasks/" + std::to_string(doc.id) + "?as_of=2023-05-17");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(BodyHas(page, "<td id=\"task-doc-number\">15-KH/ĐUK</td>"));
  EXPECT_TRUE(BodyHas(page, "<td id=\"task-doc-issued\">30/3/2023</td>"));
  EXPECT_TRUE(BodyHas(page, "Nhiệm vụ đột phá 1: Nâng cao chất lượng sinh hoạt chi bộ"));
  EXPECT_TRUE(BodyHas(page, "data-state=\"done_on_time\">Hoàn thành đúng hạn"));
  // The board shows the document's number as the product.
  HttpResponse board = Page(stc, "GET", "/tasks?as_of=2023-05-17&product=document");
  EXPECT_TRUE(BodyHas(board, "Văn bản số 15-KH/ĐUK ngày 30/3/2023"));
  EXPECT_EQ(TabCount(board, "all"), 1);
}

TEST_F(TaskPagesTest, ProjectsTimelineHasTheMilestonesInChartAndTable) {
  AssignedTask t = Plain("DUK.SCT", D(2024, 12, 31), "Đầu tư Khu công nghiệp Phú Thuận");
  t.product = ProductKind::kProject;
  t.project = KeyProject{"Khu công nghiệp Phú Thuận",
                         "Huyện Bình Đại",
                         {Milestone{"Giải phóng mặt bằng", D(2023, 3, 31), D(2023, 3, 15)},
                          Milestone{"Khởi công", D(2023, 4, 30), std::nullopt}}};
  const AssignedTask project = Stored(t);
  const Session committee = Login("ban.to.chuc");
  HttpResponse page = Page(committee, "GET", "/tasks/projects?as_of=2023-05-17");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(BodyHas(page, "id=\"projects-chart\""));
  EXPECT_TRUE(BodyHas(page, "data-chart=\"{&quot;as_of&quot;:&quot;2023-05-17&quot;"));
  EXPECT_TRUE(BodyHas(page, "&quot;title&quot;:&quot;Khởi công&quot;"));
  EXPECT_TRUE(BodyHas(page, "/static/tasks.js"));
  EXPECT_FALSE(BodyHas(page, overdue_.title));  // not a project
  // The table: the milestone done on 15/3 on time, the one due 30/4 overdue as of 17/5.
  const size_t body = page.body.find("data-task=\"" + std::to_string(project.id) + "\"");
  ASSERT_NE(body, std::string::npos);
  const std::string rows = page.body.substr(body, page.body.find("</tbody>", body) - body);
  EXPECT_NE(rows.find("Giải phóng mặt bằng</td><td class=\"text-nowrap\">31/3/2023</td><td "
                      "class=\"text-nowrap\">15/3/2023</td><td><span class=\"badge "
                      "text-bg-success"),
            std::string::npos);
  EXPECT_NE(rows.find("Khởi công</td><td class=\"text-nowrap\">30/4/2023</td><td "
                      "class=\"text-nowrap\">—</td><td><span class=\"badge text-bg-danger"),
            std::string::npos);
  EXPECT_NE(rows.find("Huyện Bình Đại"), std::string::npos);
}

TEST_F(TaskPagesTest, HomeListsOverdueThenDueSoonTasks) {
  const Date today = Today();
  AssignedTask soon = Plain("DUK.STC", AddDays(today, 5), "Báo cáo sơ kết chuyên đề");
  soon.assigned = AddDays(today, -30);
  AssignedTask later = Plain("DUK.STC", AddDays(today, 30), "Hội nghị người lao động");
  later.assigned = AddDays(today, -30);
  Stored(soon);
  Stored(later);
  const Session stc = Login("bao.cao.stc");
  HttpResponse home = Page(stc, "GET", "/");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_TRUE(BodyHas(home, "Việc sắp đến hạn / quá hạn"));
  const size_t overdue = home.body.find(overdue_.title);
  const size_t due = home.body.find(soon.title);
  ASSERT_NE(overdue, std::string::npos);
  ASSERT_NE(due, std::string::npos);
  EXPECT_LT(overdue, due);  // overdue first
  EXPECT_TRUE(BodyHas(home, "Còn 5 ngày"));
  EXPECT_FALSE(BodyHas(home, later.title));
  EXPECT_FALSE(BodyHas(home, open_.title));  // another organization's
  EXPECT_TRUE(BodyHas(home, "href=\"/tasks/" + std::to_string(overdue_.id) + "\""));
}

}  // namespace
}  // namespace nq::web::pages_tasks_test
