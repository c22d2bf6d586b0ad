// Test support for the task API tests (api_tasks_test.cc, api_task_progress_test.cc; not part of
// nqtrack_core).
//
// TaskWebTest extends WebTest (web_test_util.h: a fresh database, the application handler, the
// small tree DUK > {DUK.STC > {DUK.STC.VP, DUK.STC.NS}, DUK.SCT, DUK.SYT}) with the bloc's
// resolution "01-NQ/ĐUK" holding one breakthrough task, and users (password "mat-khau-dung"):
// ban.to.chuc (committee, DUK), lanh.dao (viewer, DUK), bao.cao.stc (reporter, DUK.STC),
// bao.cao.syt (reporter, DUK.SYT). Tasks are created per test, through the service as the
// system (set-up, not the code under test) or through the API.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "service/task_service.h"
#include "web/web_test_util.h"

namespace nq::web::testing_util {

// A minimal well-formed PDF (what CheckEvidence sniffs: "%PDF-" at the start).
inline constexpr char kMinimalPdf[] =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

class TaskWebTest : public WebTest {
 protected:
  struct Part {
    Part(std::string n, std::string d) : name(std::move(n)), data(std::move(d)) {}
    Part(std::string n, std::string d, std::string file)
        : name(std::move(n)), data(std::move(d)), file_name(std::move(file)) {}
    std::string name;
    std::string data;
    std::optional<std::string> file_name;  // set: a file part (even "": an input left empty)
  };

  void SetUp() override {
    WebTest::SetUp();
    if (HasFatalFailure()) return;
    const BlocPlan plan = CreateBlocPlan();
    ASSERT_GT(plan.breakthrough_id, 0);
    resolution_id_ = plan.resolution_id;
    breakthrough_id_ = plan.breakthrough_id;
    AddUser("ban.to.chuc", Role::kCommittee, "DUK");
    AddUser("lanh.dao", Role::kViewer, "DUK");
    AddUser("bao.cao.stc", Role::kReporter, "DUK.STC");
    AddUser("bao.cao.syt", Role::kReporter, "DUK.SYT");
  }

  // A one-off task of `owner` without product, assigned 5/1/2023, due on `due`.
  AssignedTask Plain(const std::string& owner, const Date& due, const std::string& title) {
    AssignedTask t;
    t.resolution_id = resolution_id_;
    t.title = title;
    t.owner_org_id = Id(owner);
    t.assigning_document = "125-CV/ĐUK";
    t.assigned = Date{2023, 1, 5};
    t.deadline.due = due;
    return t;
  }

  // The same as a document task ("Kế hoạch thực hiện Nghị quyết", not yet issued) serving the
  // breakthrough task.
  AssignedTask Document(const std::string& owner, const Date& due) {
    AssignedTask t = Plain(owner, due, "Xây dựng kế hoạch thực hiện Nghị quyết");
    t.resolution_task_id = breakthrough_id_;
    t.product = ProductKind::kDocument;
    t.document = ConcretizingDocument{"", "Kế hoạch thực hiện Nghị quyết", std::nullopt,
                                      "Ban Thường vụ Đảng ủy"};
    return t;
  }

  AssignedTask Stored(const AssignedTask& t) {
    Result<AssignedTask> c = app_->tasks().CreateAsSystem(t, system_);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : AssignedTask{};
  }

  // Completes a one-off task as the system on `on` (with the document's number when it has one).
  void Complete(const AssignedTask& t, const Date& on) {
    ProgressInput in;
    in.percent = 100;
    in.completed_on = on;
    if (t.document) {
      in.document = *t.document;
      in.document->number = "15-KH/ĐUK";
      in.document->issued = on;
    }
    Result<TaskUpdate> u = app_->tasks().PostProgressAsSystem(t.id, in, {}, 1684300000, system_);
    ASSERT_TRUE(u.ok()) << u.status().ToString();
  }

  // The task's stored updates, read through the service as an admin.
  std::vector<TaskUpdate> Updates(int64_t task_id) {
    Result<TaskDetail> d = app_->tasks().Get(As(Role::kAdmin, "DUK"), task_id, Date{2023, 5, 17});
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? d->updates : std::vector<TaskUpdate>{};
  }

  // A multipart/form-data POST with the session cookie and the CSRF header.
  HttpResponse PostMultipart(const Session& s, const std::string& target,
                             const std::vector<Part>& parts) {
    const std::string boundary = "----nqtrackTestBoundary7MA4YWxk";
    std::string body;
    for (const Part& p : parts) {
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
      if (p.file_name) {
        body += "; filename=\"" + *p.file_name + "\"\r\nContent-Type: application/pdf";
      }
      body += "\r\n\r\n" + p.data + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return PostRaw(s, target, "multipart/form-data; boundary=" + boundary, std::move(body));
  }

  // A POST of `body` as `content_type`, with the session cookie and the CSRF header.
  HttpResponse PostRaw(const Session& s, const std::string& target, const std::string& content_type,
                       std::string body) {
    return Call(Make("POST", target, std::move(body),
                     {{"cookie", "nq_session=" + s.token},
                      {"content-type", content_type},
                      {"x-csrf-token", s.csrf}}));
  }

  static std::string TaskPath(int64_t id) { return "/api/v1/tasks/" + std::to_string(id); }

  int64_t resolution_id_ = 0;
  int64_t breakthrough_id_ = 0;
};

}  // namespace nq::web::testing_util
