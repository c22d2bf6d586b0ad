// Progress updates and evidence files over the API (api_task_progress.h): JSON and multipart
// bodies, a real minimal PDF stored and served back, scope, roles, a file whose extension lies,
// bad form fields, and the Content-Disposition of a download.
#include "web/api_task_progress.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "service/password.h"
#include "web/task_web_test_util.h"

namespace nq::web::api_task_progress_test {
namespace {

using nlohmann::json;

class ApiTaskProgressTest : public testing_util::TaskWebTest {
 protected:
  void SetUp() override {
    TaskWebTest::SetUp();
    if (HasFatalFailure()) return;
    task_ = Stored(Document("DUK.STC", Date{2023, 3, 31}));
  }

  std::string UpdatesPath() const { return TaskPath(task_.id) + "/updates"; }

  AssignedTask task_;
};

TEST_F(ApiTaskProgressTest, PostsProgressAsJson) {
  const Session stc = Login("bao.cao.stc");
  HttpResponse r = Api(stc, "POST", UpdatesPath(),
                       json{{"percent", 40}, {"note", "Đã dự thảo kế hoạch"}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Header("Location"), TaskPath(task_.id));
  json u = Body(r);
  EXPECT_EQ(u["task_id"], task_.id);
  EXPECT_EQ(u["username"], "bao.cao.stc");
  EXPECT_EQ(u["old_percent"], 0);
  EXPECT_EQ(u["percent"], 40);
  EXPECT_EQ(u["note"], "Đã dự thảo kế hoạch");
  EXPECT_TRUE(u["completed_on"].is_null());
  EXPECT_EQ(u["evidence"], json::array());

  r = Api(stc, "POST", UpdatesPath(), json{{"percent", 20}, {"note", "Làm lại"}}.dump());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(ErrorKey(r), "task.progress_backwards");

  // Completing with the issued document's number and date: title and issuing body stay.
  r = Api(stc, "POST", UpdatesPath(),
          json{{"percent", 100},
               {"completed_on", "2023-03-20"},
               {"document", {{"number", "15-KH/ĐUK"}, {"issued", "2023-03-20"}}}}
              .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Body(r)["completed_on"], "2023-03-20");
  const json page = Body(Api(stc, "GET", TaskPath(task_.id) + "?as_of=2023-05-17"));
  EXPECT_EQ(page["state"], "done_on_time");
  EXPECT_EQ(page["document"], (json{{"number", "15-KH/ĐUK"},
                                    {"title", "Kế hoạch thực hiện Nghị quyết"},
                                    {"issued", "2023-03-20"},
                                    {"issuing_body", "Ban Thường vụ Đảng ủy"}}));
  ASSERT_EQ(page["updates"].size(), 2u);
  EXPECT_EQ(page["updates"][0]["percent"], 40);
  EXPECT_EQ(page["updates"][1]["percent"], 100);
  EXPECT_EQ(page["occurrences"][0]["state"], "done_on_time");
}

TEST_F(ApiTaskProgressTest, RefusesBadJsonAndOtherContentTypes) {
  const Session stc = Login("bao.cao.stc");
  auto key_of = [&](const json& body) {
    return ErrorKey(Api(stc, "POST", UpdatesPath(), body.dump()));
  };
  EXPECT_EQ(key_of(json{{"note", "Thiếu tiến độ"}}), "json.missing_field");
  EXPECT_EQ(key_of(json{{"percent", 101}}), "json.out_of_range");
  EXPECT_EQ(key_of(json{{"percent", 10}, {"files", json::array()}}), "json.unknown_field");
  EXPECT_EQ(key_of(json{{"percent", 10}, {"period", "2023M13"}}), "period.invalid");
  EXPECT_EQ(key_of(json{{"percent", 10}, {"document", {{"number", "1"}, {"x", 1}}}}),
            "json.unknown_field");
  HttpResponse r = PostRaw(stc, UpdatesPath(), "text/plain", "percent=10");
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(ErrorKey(r), "request.content_type");
  r = PostRaw(stc, UpdatesPath(), "multipart/form-data", "--x--\r\n");  // no boundary
  EXPECT_EQ(ErrorKey(r), "multipart.invalid");
  r = PostRaw(stc, UpdatesPath(), "multipart/form-data; boundary=x",
              "--x\r\nContent-Disposition: form-data; name=\"percent\"\r\n\r\n10");  // truncated
  EXPECT_EQ(ErrorKey(r), "multipart.invalid");
  EXPECT_TRUE(Updates(task_.id).empty());
}

TEST_F(ApiTaskProgressTest, StoresEvidenceFromMultipartAndServesIt) {
  const Session stc = Login("bao.cao.stc");
  const std::string pdf = testing_util::kMinimalPdf;
  HttpResponse r = PostMultipart(stc, UpdatesPath(),
                                 {{"percent", "50"},
                                  {"note", "Đã trình Ban Thường vụ"},
                                  {"evidence", pdf, "Báo cáo tiến độ.pdf"},
                                  {"evidence", "", ""}});  // a file input left empty
  ASSERT_EQ(r.status, 201) << r.body;
  const json u = Body(r);
  EXPECT_EQ(u["percent"], 50);
  ASSERT_EQ(u["evidence"].size(), 1u);
  const json& e = u["evidence"][0];
  const int64_t id = e["id"].get<int64_t>();
  EXPECT_EQ(e, (json{{"id", id},
                     {"file_name", "Báo cáo tiến độ.pdf"},
                     {"type", "pdf"},
                     {"type_label", "PDF"},
                     {"size", pdf.size()},
                     {"sha256", Sha256Hex(pdf)},
                     {"url", "/api/v1/evidence/" + std::to_string(id)}}));
  const json page = Body(Api(stc, "GET", TaskPath(task_.id)));
  ASSERT_EQ(page["updates"].size(), 1u);
  EXPECT_EQ(page["updates"][0]["evidence"][0], e);

  for (const char* user : {"bao.cao.stc", "ban.to.chuc"}) {
    const Session s = std::string(user) == "bao.cao.stc" ? stc : Login(user);
    r = Api(s, "GET", e["url"].get<std::string>());
    ASSERT_EQ(r.status, 200) << user << " " << r.body;
    EXPECT_EQ(r.BodyView(), pdf);
    EXPECT_EQ(r.Header("Content-Type"), "application/pdf");
    EXPECT_EQ(r.Header("Content-Disposition"),
              "attachment; filename=\"Bao cao tien do.pdf\"; "
              "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20ti%E1%BA%BFn%20%C4%91%E1%BB%99.pdf");
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.Header("Cache-Control"), "private, no-store");
  }
  r = Api(stc, "GET", "/api/v1/evidence/999999");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(ErrorKey(r), "evidence.not_found");
}

TEST_F(ApiTaskProgressTest, ReporterOfAnotherOrganizationIsRefusedEverywhere) {
  const Session stc = Login("bao.cao.stc");
  HttpResponse r = PostMultipart(
      stc, UpdatesPath(), {{"percent", "30"}, {"evidence", testing_util::kMinimalPdf, "a.pdf"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string url = Body(r)["evidence"][0]["url"];

  const Session syt = Login("bao.cao.syt");
  for (const HttpResponse& refused :
       {Api(syt, "GET", TaskPath(task_.id)),
        Api(syt, "POST", UpdatesPath(), json{{"percent", 60}, {"note", "Không được"}}.dump()),
        PostMultipart(syt, UpdatesPath(),
                      {{"percent", "60"}, {"evidence", testing_util::kMinimalPdf, "b.pdf"}}),
        Api(syt, "GET", url)}) {
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(ErrorKey(refused), "scope.denied");
    EXPECT_EQ(refused.body.find("%PDF"), std::string::npos);
  }
  EXPECT_EQ(Updates(task_.id).size(), 1u);
}

TEST_F(ApiTaskProgressTest, ViewerCannotPost) {
  const Session viewer = Login("lanh.dao");
  EXPECT_EQ(Api(viewer, "GET", TaskPath(task_.id)).status, 200);
  HttpResponse r = Api(viewer, "POST", UpdatesPath(), json{{"percent", 10}}.dump());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(ErrorKey(r), "role.denied");
  r = PostMultipart(viewer, UpdatesPath(), {{"percent", "10"}});
  EXPECT_EQ(ErrorKey(r), "role.denied");
  EXPECT_TRUE(Updates(task_.id).empty());
}

TEST_F(ApiTaskProgressTest, RefusesAFileWhoseExtensionLiesAndStoresNothing) {
  const Session stc = Login("bao.cao.stc");
  ASSERT_EQ(
      Api(stc, "POST", UpdatesPath(), json{{"percent", 10}, {"note", "Bắt đầu"}}.dump()).status,
      201);
  const std::vector<TaskUpdate> before = Updates(task_.id);
  const std::string html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>";
  HttpResponse r = PostMultipart(stc, UpdatesPath(),
                                 {{"percent", "60"},
                                  {"note", "Kèm báo cáo"},
                                  {"evidence", testing_util::kMinimalPdf, "that.pdf"},
                                  {"evidence", html, "bao-cao.pdf"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(ErrorKey(r), "evidence.type_mismatch");
  EXPECT_NE(Body(r)["error"]["message"].get<std::string>().find("bao-cao.pdf"), std::string::npos);
  EXPECT_EQ(Updates(task_.id), before);
  const json page = Body(Api(stc, "GET", TaskPath(task_.id)));
  EXPECT_EQ(page["progress_percent"], 10);

  r = PostMultipart(stc, UpdatesPath(), {{"percent", "60"}, {"evidence", "MZ\x90", "setup.exe"}});
  EXPECT_EQ(ErrorKey(r), "evidence.type_unsupported");
  EXPECT_EQ(Updates(task_.id), before);
}

TEST_F(ApiTaskProgressTest, ReadsFormFieldsStrictly) {
  const Session stc = Login("bao.cao.stc");
  auto key_of = [&](const std::vector<Part>& parts) {
    return ErrorKey(PostMultipart(stc, UpdatesPath(), parts));
  };
  EXPECT_EQ(key_of({{"note", "Thiếu tiến độ"}}), "json.missing_field");
  EXPECT_EQ(key_of({{"percent", "abc"}}), "json.out_of_range");
  EXPECT_EQ(key_of({{"percent", "101"}}), "json.out_of_range");
  EXPECT_EQ(key_of({{"percent", "10"}, {"percentage", "10"}}), "form.unknown_field");
  EXPECT_EQ(key_of({{"percent", "10"}, {"file", testing_util::kMinimalPdf, "a.pdf"}}),
            "form.unknown_field");
  EXPECT_EQ(key_of({{"percent", "10"}, {"evidence", "not a file"}}), "json.wrong_type");
  EXPECT_EQ(key_of({{"percent", "10"}, {"note", "a"}, {"note", "b"}}), "form.duplicate_field");
  EXPECT_EQ(key_of({{"percent", "10"}, {"completed_on", "20/3/2023"}}), "json.bad_date");
  EXPECT_EQ(key_of({{"percent", "10"}, {"milestone_done_x", "2023-03-01"}}), "form.unknown_field");
  EXPECT_EQ(key_of({{"percent", "10"}, {"note", "a\xff"}}), "json.wrong_type");
  EXPECT_TRUE(Updates(task_.id).empty());

  // The document fields complete a document task; the task's title is kept.
  HttpResponse r = PostMultipart(stc, UpdatesPath(),
                                 {{"percent", "100"},
                                  {"completed_on", "2023-04-02"},
                                  {"document_number", "15-KH/ĐUK"},
                                  {"document_issued", "2023-04-02"},
                                  {"reason", ""}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json page = Body(Api(stc, "GET", TaskPath(task_.id) + "?as_of=2023-05-17"));
  EXPECT_EQ(page["state"], "done_late");
  EXPECT_EQ(page["document"]["title"], "Kế hoạch thực hiện Nghị quyết");
  EXPECT_EQ(page["document"]["number"], "15-KH/ĐUK");
}

TEST_F(ApiTaskProgressTest, MarksProjectMilestonesDoneFromTheForm) {
  AssignedTask t = Plain("DUK.STC", Date{2023, 12, 31}, "Xây dựng trụ sở");
  t.product = ProductKind::kProject;
  t.project = KeyProject{"Trụ sở Đảng ủy",
                         "TP Bến Tre",
                         {Milestone{"Khởi công", Date{2023, 3, 1}, std::nullopt},
                          Milestone{"Hoàn thành", Date{2023, 12, 1}, std::nullopt}}};
  t = Stored(t);
  const Session stc = Login("bao.cao.stc");
  HttpResponse r = PostMultipart(stc, TaskPath(t.id) + "/updates",
                                 {{"percent", "30"}, {"milestone_done_0", "2023-03-05"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json page = Body(Api(stc, "GET", TaskPath(t.id)));
  EXPECT_EQ(page["project"]["milestones"][0]["done_on"], "2023-03-05");
  EXPECT_TRUE(page["project"]["milestones"][1]["done_on"].is_null());
  r = PostMultipart(stc, TaskPath(t.id) + "/updates",
                    {{"percent", "40"}, {"milestone_done_5", "2023-03-05"}});
  EXPECT_EQ(ErrorKey(r), "task.milestone_invalid");
}

TEST(AttachmentDispositionTest, GivesAnAsciiNameAndThePercentEncodedOne) {
  EXPECT_EQ(AttachmentDisposition("bao-cao.pdf"),
            "attachment; filename=\"bao-cao.pdf\"; filename*=UTF-8''bao-cao.pdf");
  EXPECT_EQ(AttachmentDisposition("Đảng ủy.docx"),
            "attachment; filename=\"dang uy.docx\"; "
            "filename*=UTF-8''%C4%90%E1%BA%A3ng%20%E1%BB%A7y.docx");
  // Quotes, backslashes, percent signs and line breaks cannot break out of the header.
  EXPECT_EQ(AttachmentDisposition("a\"b\\c%d\r\ne.pdf"),
            "attachment; filename=\"a_b_c_d__e.pdf\"; filename*=UTF-8''a%22b%5Cc%25d%0D%0Ae.pdf");
  // A decomposed mark disappears from the ASCII name; other scripts become '_'.
  EXPECT_EQ(AttachmentDisposition("a\xCC\x81.pdf"),
            "attachment; filename=\"a.pdf\"; filename*=UTF-8''a%CC%81.pdf");
  EXPECT_EQ(AttachmentDisposition("报告.pdf"),
            "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf");
}

}  // namespace
}  // namespace nq::web::api_task_progress_test
