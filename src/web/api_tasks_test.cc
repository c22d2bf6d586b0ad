// The task API (api_tasks.h): create, replace, list with filters and counts, the task page,
// counts per resolution, what is due soon, bad queries. Progress and evidence are in
// api_task_progress_test.cc.
#include "web/api_tasks.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "web/task_web_test_util.h"

namespace nq::web::api_tasks_test {
namespace {

using nlohmann::json;

class ApiTasksTest : public testing_util::TaskWebTest {
 protected:
  // The board used by the list tests, states as of 17/5/2023 worked out by hand:
  //   a_ DUK.STC    document, due 31/3, done 20/3             done_on_time  (breakthrough)
  //   b_ DUK.SYT    due 30/4, done 2/5                        done_late     (breakthrough)
  //   c_ DUK.STC    due 30/6, open                            open_in_time
  //   d_ DUK.SCT    due 15/4, open                            overdue
  //   e_ DUK.STC    assigned 1/6/2023                         not_assigned
  //   f_ DUK.STC.VP sub-task of c_, due 31/5, open             open_in_time
  void SeedBoard() {
    a_ = Stored(Document("DUK.STC", Date{2023, 3, 31}));
    Complete(a_, Date{2023, 3, 20});
    AssignedTask b = Plain("DUK.SYT", Date{2023, 4, 30}, "Tổng kết công tác y tế");
    b.resolution_task_id = breakthrough_id_;
    b_ = Stored(b);
    Complete(b_, Date{2023, 5, 2});
    c_ = Stored(Plain("DUK.STC", Date{2023, 6, 30}, "Kiện toàn chi bộ"));
    d_ = Stored(Plain("DUK.SCT", Date{2023, 4, 15}, "Rà soát đảng viên"));
    AssignedTask e = Plain("DUK.STC", Date{2023, 12, 31}, "Sơ kết 6 tháng");
    e.assigned = Date{2023, 6, 1};
    e_ = Stored(e);
    AssignedTask f = Plain("DUK.STC.VP", Date{2023, 5, 31}, "Kiện toàn chi bộ Văn phòng");
    f.parent_id = c_.id;
    f_ = Stored(f);
  }

  static std::vector<int64_t> Ids(const json& tasks) {
    std::vector<int64_t> out;
    for (const json& t : tasks) out.push_back(t["id"].get<int64_t>());
    return out;
  }

  static json Counts(int on_time, int late, int open, int overdue, int not_assigned) {
    return json{{"done_on_time", on_time},      {"done_late", late},
                {"open_in_time", open},         {"overdue", overdue},
                {"not_assigned", not_assigned}, {"assigned", on_time + late + open + overdue}};
  }

  AssignedTask a_, b_, c_, d_, e_, f_;
};

TEST_F(ApiTasksTest, CommitteeCreatesTaskAndEveryoneInScopeReadsIt) {
  const Session committee = Login("ban.to.chuc");
  json body = {{"resolution_id", resolution_id_},
               {"resolution_task_id", breakthrough_id_},
               {"title", "Xây dựng kế hoạch thực hiện Nghị quyết"},
               {"owner_org_id", Id("DUK.STC")},
               {"cooperating_org_ids", {Id("DUK.SYT")}},
               {"assigning_document", "125-CV/ĐUK"},
               {"assigned", "2023-01-05"},
               {"deadline", {{"recurrence", "once"}, {"due", "2023-03-31"}}},
               {"product", "document"},
               {"document", {{"title", "Kế hoạch thực hiện"}, {"issuing_body", "Ban Thường vụ"}}}};
  HttpResponse r = Api(committee, "POST", "/api/v1/tasks", body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const json task = Body(r);
  const int64_t id = task["id"].get<int64_t>();
  EXPECT_EQ(r.Header("Location"), TaskPath(id));
  EXPECT_EQ(task["owner_name"], "Đảng bộ Sở Tài chính");
  EXPECT_EQ(task["cooperating_org_ids"], json::array({Id("DUK.SYT")}));
  EXPECT_EQ(task["deadline"],
            (json{{"recurrence", "once"}, {"recurrence_label", "Một lần"}, {"due", "2023-03-31"}}));
  EXPECT_EQ(task["product_label"], "Văn bản cụ thể hóa");
  EXPECT_EQ(task["document"], (json{{"number", ""},
                                    {"title", "Kế hoạch thực hiện"},
                                    {"issued", nullptr},
                                    {"issuing_body", "Ban Thường vụ"}}));
  EXPECT_TRUE(task["project"].is_null());
  EXPECT_TRUE(task["parent_id"].is_null());
  EXPECT_TRUE(task["completed_on"].is_null());
  EXPECT_EQ(task["progress_percent"], 0);

  // The cooperating organization's reporter reads it, but may not report on it.
  const Session syt = Login("bao.cao.syt");
  r = Api(syt, "GET", TaskPath(id) + "?as_of=2023-02-01");
  ASSERT_EQ(r.status, 200) << r.body;
  json page = Body(r);
  EXPECT_EQ(page["state"], "open_in_time");
  EXPECT_EQ(page["state_label"], "Chưa hoàn thành, trong hạn");
  EXPECT_EQ(page["next_due"], "2023-03-31");
  EXPECT_EQ(page["occurrences"], json::array());  // nothing due by 1/2/2023
  EXPECT_EQ(page["can_report"], false);
  EXPECT_EQ(page["can_edit"], false);
  // As of the day after the deadline: overdue, one occurrence.
  page = Body(Api(committee, "GET", TaskPath(id) + "?as_of=2023-04-01"));
  EXPECT_EQ(page["state"], "overdue");
  ASSERT_EQ(page["occurrences"].size(), 1u);
  EXPECT_EQ(page["occurrences"][0], (json{{"period", nullptr},
                                          {"period_label", nullptr},
                                          {"due", "2023-03-31"},
                                          {"completed_on", nullptr},
                                          {"state", "overdue"},
                                          {"state_label", "Quá hạn"}}));
  EXPECT_EQ(page["can_edit"], true);
  EXPECT_EQ(page["can_report"], true);

  // A reporter cannot create.
  body["title"] = "Không được";
  r = Api(syt, "POST", "/api/v1/tasks", body.dump());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(ErrorKey(r), "role.denied");
}

TEST_F(ApiTasksTest, CreateRefusesBadBodies) {
  const Session committee = Login("ban.to.chuc");
  const json good = {{"resolution_id", resolution_id_},
                     {"title", "Rà soát đảng viên"},
                     {"owner_org_id", Id("DUK.SCT")},
                     {"assigned", "2023-01-05"},
                     {"deadline", {{"due", "2023-03-31"}}}};
  auto key_of = [&](const json& body) {
    return ErrorKey(Api(committee, "POST", "/api/v1/tasks", body.dump()));
  };
  json b = good;
  b["deadline"]["due"] = "2022-12-31";
  EXPECT_EQ(key_of(b), "task.deadline_before_assignment");
  b = good;
  b.erase("deadline");
  EXPECT_EQ(key_of(b), "json.missing_field");
  b = good;
  b["deadline"]["offset_days"] = 10;  // a one-off deadline takes no offset
  EXPECT_EQ(key_of(b), "json.unknown_field");
  b = good;
  b["deadline"] = {{"recurrence", "monthly"}, {"due", "2023-03-31"}};
  EXPECT_EQ(key_of(b), "json.unknown_field");
  b = good;
  b["deadline"] = "2023-03-31";
  EXPECT_EQ(key_of(b), "json.wrong_type");
  b = good;
  b["product"] = "video";
  EXPECT_EQ(key_of(b), "json.bad_value");
  b = good;
  b["owner_org_id"] = 999999;
  EXPECT_EQ(key_of(b), "org.not_found");
  b = good;
  b["progress_percent"] = 30;
  EXPECT_EQ(key_of(b), "task.progress_on_create");
  b = good;
  b["state"] = "overdue";
  EXPECT_EQ(key_of(b), "json.unknown_field");
  // Nothing was created.
  EXPECT_EQ(Body(Api(committee, "GET", "/api/v1/tasks"))["tasks"], json::array());
}

TEST_F(ApiTasksTest, PutReplacesTheDefinitionAndKeepsProgress) {
  AssignedTask t = Document("DUK.STC", Date{2023, 3, 31});
  t = Stored(t);
  Complete(t, Date{2023, 3, 20});
  const Session committee = Login("ban.to.chuc");
  const json body = {{"title", "Ban hành kế hoạch"},
                     {"owner_org_id", Id("DUK.STC")},
                     {"assigned", "2023-01-10"},
                     {"deadline", {{"due", "2023-04-15"}}},
                     {"product", "document"},
                     {"document", {{"title", "Kế hoạch mới"}, {"issuing_body", "Ban Thường vụ"}}}};
  HttpResponse r = Api(committee, "PUT", TaskPath(t.id), body.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json task = Body(r);
  EXPECT_EQ(task["title"], "Ban hành kế hoạch");
  EXPECT_TRUE(task["resolution_task_id"].is_null());  // left out: reset
  EXPECT_EQ(task["resolution_id"], resolution_id_);
  EXPECT_EQ(task["deadline"]["due"], "2023-04-15");
  EXPECT_EQ(task["document"]["title"], "Kế hoạch mới");
  EXPECT_EQ(task["document"]["number"], "15-KH/ĐUK");  // progress kept
  EXPECT_EQ(task["completed_on"], "2023-03-20");
  EXPECT_EQ(task["progress_percent"], 100);

  json progress = body;
  progress["progress_percent"] = 10;
  EXPECT_EQ(ErrorKey(Api(committee, "PUT", TaskPath(t.id), progress.dump())), "json.unknown_field");
  const Session stc = Login("bao.cao.stc");
  r = Api(stc, "PUT", TaskPath(t.id), body.dump());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(ErrorKey(Api(committee, "PUT", TaskPath(999999), body.dump())), "task.not_found");
}

TEST_F(ApiTasksTest, ListsWithFiltersAndCounts) {
  SeedBoard();
  const Session committee = Login("ban.to.chuc");
  const std::string list = "/api/v1/tasks?as_of=2023-05-17";
  HttpResponse r = Api(committee, "GET", list);
  ASSERT_EQ(r.status, 200) << r.body;
  json body = Body(r);
  EXPECT_EQ(body["as_of"], "2023-05-17");
  EXPECT_EQ(body["counts"], Counts(1, 1, 2, 1, 1));
  // By next deadline, then id; none last: done tasks, and e_, not assigned yet.
  EXPECT_EQ(Ids(body["tasks"]), (std::vector<int64_t>{d_.id, f_.id, c_.id, a_.id, b_.id, e_.id}));
  const json& first = body["tasks"][0];
  EXPECT_EQ(first["state"], "overdue");
  EXPECT_EQ(first["state_label"], "Quá hạn");
  EXPECT_EQ(first["next_due"], "2023-04-15");
  EXPECT_EQ(first["owner_name"], "Đảng bộ Sở Công Thương");
  EXPECT_TRUE(body["tasks"][4]["next_due"].is_null());

  body = Body(Api(committee, "GET", list + "&top_level=1"));
  EXPECT_EQ(body["counts"], Counts(1, 1, 1, 1, 1));
  body = Body(Api(committee, "GET", list + "&state=overdue"));
  EXPECT_EQ(Ids(body["tasks"]), std::vector<int64_t>{d_.id});
  EXPECT_EQ(body["counts"], Counts(1, 1, 2, 1, 1));  // the state filter leaves counts alone
  body = Body(Api(committee, "GET", list + "&org_id=" + std::to_string(Id("DUK.STC"))));
  EXPECT_EQ(Ids(body["tasks"]), (std::vector<int64_t>{f_.id, c_.id, a_.id, e_.id}));
  body = Body(Api(committee, "GET", list + "&product=document"));
  EXPECT_EQ(Ids(body["tasks"]), std::vector<int64_t>{a_.id});
  body = Body(Api(committee, "GET",
                  list + "&resolution_task_id=" + std::to_string(breakthrough_id_) +
                      "&resolution_id=" + std::to_string(resolution_id_)));
  EXPECT_EQ(Ids(body["tasks"]), (std::vector<int64_t>{a_.id, b_.id}));
  // As of the assignment's eve, nothing was assigned yet.
  body = Body(Api(committee, "GET", "/api/v1/tasks?as_of=2023-01-04"));
  EXPECT_EQ(body["counts"], Counts(0, 0, 0, 0, 6));

  // A reporter sees its own organization's tasks only.
  const Session syt = Login("bao.cao.syt");
  body = Body(Api(syt, "GET", list));
  EXPECT_EQ(Ids(body["tasks"]), std::vector<int64_t>{b_.id});
  r = Api(syt, "GET", list + "&org_id=" + std::to_string(Id("DUK.STC")));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(ErrorKey(r), "scope.denied");
}

TEST_F(ApiTasksTest, RefusesBadQueries) {
  const Session committee = Login("ban.to.chuc");
  for (const std::string query :
       {"as_of=2023-02-30", "as_of=17/5/2023", "state=done", "product=video", "top_level=yes",
        "org_id=abc", "org_id=0", "resolution_id=-1", "resolution_task_id=1.5"}) {
    HttpResponse r = Api(committee, "GET", "/api/v1/tasks?" + query);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    EXPECT_EQ(ErrorKey(r), "query.invalid") << query;
    EXPECT_NE(Body(r)["error"]["message"].get<std::string>().find("Tham số"), std::string::npos);
  }
  for (const std::string query : {"days=-1", "days=367", "days=x"}) {
    EXPECT_EQ(ErrorKey(Api(committee, "GET", "/api/v1/tasks/due-soon?" + query)), "query.invalid")
        << query;
  }
  EXPECT_EQ(ErrorKey(Api(committee, "GET", TaskPath(1) + "?as_of=2023-13-01")), "query.invalid");
  EXPECT_EQ(ErrorKey(Api(committee, "GET", "/api/v1/tasks/abc")), "request.bad_id");
  EXPECT_EQ(ErrorKey(Api(committee, "GET", TaskPath(424242))), "task.not_found");
}

TEST_F(ApiTasksTest, CountsPerResolutionOwnerAndBreakthroughTask) {
  SeedBoard();
  const Session committee = Login("ban.to.chuc");
  const std::string path =
      "/api/v1/resolutions/" + std::to_string(resolution_id_) + "/task-counts?as_of=2023-05-17";
  HttpResponse r = Api(committee, "GET", path);
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = Body(r);
  EXPECT_EQ(body["as_of"], "2023-05-17");
  EXPECT_EQ(body["total"], Counts(1, 1, 1, 1, 1));  // top-level tasks only: f_ left out
  // By organization id (the seed creates DUK.STC, DUK.SCT and DUK.SYT in this order).
  EXPECT_EQ(body["by_owner"], (json::array({{{"org_id", Id("DUK.STC")},
                                             {"name", "Đảng bộ Sở Tài chính"},
                                             {"counts", Counts(1, 0, 1, 0, 1)}},
                                            {{"org_id", Id("DUK.SCT")},
                                             {"name", "Đảng bộ Sở Công Thương"},
                                             {"counts", Counts(0, 0, 0, 1, 0)}},
                                            {{"org_id", Id("DUK.SYT")},
                                             {"name", "Chi bộ Sở Y tế"},
                                             {"counts", Counts(0, 1, 0, 0, 0)}}})));
  ASSERT_EQ(body["by_resolution_task"].size(), 2u);
  EXPECT_EQ(body["by_resolution_task"][0], (json{{"resolution_task_id", breakthrough_id_},
                                                 {"title", "Nâng cao chất lượng sinh hoạt chi bộ"},
                                                 {"counts", Counts(1, 1, 0, 0, 0)}}));
  EXPECT_TRUE(body["by_resolution_task"][1]["resolution_task_id"].is_null());
  EXPECT_EQ(body["by_resolution_task"][1]["counts"], Counts(0, 0, 1, 1, 1));

  EXPECT_EQ(Api(committee, "GET", "/api/v1/resolutions/999999/task-counts").status, 404);
  EXPECT_EQ(ErrorKey(Api(committee, "GET",
                         "/api/v1/resolutions/" + std::to_string(resolution_id_) +
                             "/task-counts?as_of=2023-5-17")),
            "query.invalid");
}

TEST_F(ApiTasksTest, DueSoonListsTheUsersOverdueTasksFirst) {
  SeedBoard();
  // Today is long after 2023: every open task of DUK.STC's subtree is overdue; a_ is done.
  const Session stc = Login("bao.cao.stc");
  HttpResponse r = Api(stc, "GET", "/api/v1/tasks/due-soon?days=30");
  ASSERT_EQ(r.status, 200) << r.body;
  const json body = Body(r);
  EXPECT_EQ(body["days"], 30);
  EXPECT_EQ(body["today"], FormatIso(Today()));
  EXPECT_EQ(Ids(body["tasks"]), (std::vector<int64_t>{f_.id, c_.id, e_.id}));
  for (const json& t : body["tasks"]) EXPECT_EQ(t["state"], "overdue");
  EXPECT_EQ(Body(Api(stc, "GET", "/api/v1/tasks/due-soon"))["days"], 14);
}

}  // namespace
}  // namespace nq::web::api_tasks_test
