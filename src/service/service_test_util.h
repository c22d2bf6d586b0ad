// Test support for the service tests (*_test.cc in this folder; not part of nqtrack_core).
//
// ServiceTest gives every test a fresh SQLite database file under /tmp (removed afterwards),
// an App opened on it, and a small organization tree imported as the system (sort_order = the
// row's line, so siblings are listed in this order):
//
//   DUK         Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh   (bloc committee, the root)
//   ├─ DUK.STC  Đảng bộ Sở Tài chính                         (base committee)
//   │  ├─ DUK.STC.VP  Chi bộ Văn phòng                        (sub cell)
//   │  └─ DUK.STC.NS  Chi bộ Phòng Ngân sách                  (sub cell)
//   ├─ DUK.SCT  Đảng bộ Sở Công Thương                       (base committee, no cells)
//   └─ DUK.SYT  Chi bộ Sở Y tế                               (base cell)
//
// Argon2 runs at libsodium's minimum cost here (SetCheapPasswordHashingForTests) so that the
// suite stays fast under ASan; the hashes are still real Argon2id strings.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/log.h"
#include "service/app.h"
#include "service/password.h"

namespace nq::testing_util {

inline std::string TempDbUrl() {
  static std::atomic<int> counter{0};
  return "sqlite:/tmp/nqtrack-service-test-" + std::to_string(::getpid()) + "-" +
         std::to_string(counter.fetch_add(1)) + ".db";
}

inline OrgService::ImportRow Row(int line, const std::string& parent, const std::string& code,
                                 const std::string& name, OrgKind kind, Sector sector) {
  OrgService::ImportRow row;
  row.line = line;
  row.parent_code = parent;
  row.input.code = code;
  row.input.name = name;
  row.input.kind = kind;
  row.input.sector = sector;
  row.input.sort_order = line;  // siblings keep the order of the rows
  row.input.members = 10 + line;
  row.input.workers = 20 + line;
  return row;
}

inline std::vector<OrgService::ImportRow> SeedRows() {
  return {
      Row(2, "", "DUK", "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh", OrgKind::kBlocCommittee,
          Sector::kNone),
      Row(3, "DUK", "DUK.STC", "Đảng bộ Sở Tài chính", OrgKind::kBaseCommittee,
          Sector::kStateAgency),
      Row(4, "DUK.STC", "DUK.STC.VP", "Chi bộ Văn phòng", OrgKind::kSubCell, Sector::kStateAgency),
      Row(5, "DUK.STC", "DUK.STC.NS", "Chi bộ Phòng Ngân sách", OrgKind::kSubCell,
          Sector::kStateAgency),
      Row(6, "DUK", "DUK.SCT", "Đảng bộ Sở Công Thương", OrgKind::kBaseCommittee,
          Sector::kStateAgency),
      Row(7, "DUK", "DUK.SYT", "Chi bộ Sở Y tế", OrgKind::kBaseCell, Sector::kPublicServiceUnit),
  };
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::SetLevel(log::Level::kWarn);  // no migration chatter
    SetCheapPasswordHashingForTests(true);
    url_ = TempDbUrl();
    ASSERT_TRUE(store::Database::DropAllForTests(url_).ok());
    Result<std::unique_ptr<App>> app = App::Open(url_, 4);
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(app).value();
    Result<int> seeded = app_->orgs().ImportAsSystem(SeedRows(), system_);
    ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
  }

  void TearDown() override {
    app_.reset();
    EXPECT_TRUE(store::Database::DropAllForTests(url_).ok());
  }

  // The plan most task tests start from, made as the system: the term 2020–2025 of DUK, its
  // resolution 01-NQ/ĐUK and one breakthrough task. Fails the test on an error (ids then 0).
  struct BlocPlan {
    int64_t term_id = 0;
    int64_t resolution_id = 0;
    int64_t breakthrough_id = 0;
  };
  BlocPlan CreateBlocPlan() {
    BlocPlan out;
    Result<Resolution> res = CreateTermAndResolution(
        "DUK", "01-NQ/ĐUK", "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII");
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    if (!res.ok()) return out;
    out.term_id = res->term_id;
    out.resolution_id = res->id;
    ResolutionTask bt;
    bt.resolution_id = res->id;
    bt.position = 1;
    bt.title = "Nâng cao chất lượng sinh hoạt chi bộ";
    Result<ResolutionTask> b = app_->plans().CreateTaskAsSystem(bt, system_);
    EXPECT_TRUE(b.ok()) << b.status().ToString();
    if (b.ok()) out.breakthrough_id = b->id;
    return out;
  }

  // A term 2020–2025 of the organization `org_code` and a resolution of it, made as the system.
  Result<Resolution> CreateTermAndResolution(const std::string& org_code, std::string number,
                                             std::string title) {
    Term term;
    term.name = "Nhiệm kỳ 2020 - 2025";
    term.org_id = Id(org_code);
    NQ_ASSIGN_OR_RETURN(Term t, app_->plans().CreateTermAsSystem(term, system_));
    Resolution r;
    r.term_id = t.id;
    r.number = std::move(number);
    r.title = std::move(title);
    return app_->plans().CreateResolutionAsSystem(r, system_);
  }

  // Id of the organization with this code (fails the test if absent).
  int64_t Id(const std::string& code) {
    for (const Organization& org : app_->orgs().tree()->ToVector()) {
      if (org.code == code) return org.id;
    }
    ADD_FAILURE() << "no organization " << code;
    return -1;
  }

  // A principal of `role` scoped at the organization `code` (no user row behind it).
  Principal As(Role role, const std::string& code, int64_t user_id = 9000) {
    Principal p;
    p.user_id = user_id;
    p.username = std::string(RoleCode(role)) + "." + code;
    p.full_name = "Người thử";
    p.role = role;
    p.org_id = Id(code);
    return p;
  }

  // A stored user; returns its id.
  int64_t AddUser(const std::string& username, Role role, const std::string& code,
                  const std::string& password = "mat-khau-dung") {
    UserInput in;
    in.username = username;
    in.full_name = "Nguyễn Văn " + username;
    in.role = role;
    in.org_id = Id(code);
    in.password = password;
    Result<UserView> u = app_->users().CreateAsSystem(in);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? u->id : -1;
  }

  // The principal of a stored user, as AuthService would build it.
  Principal PrincipalOf(int64_t user_id) {
    auto tx = app_->db().Begin(system_, store::TxMode::kRead);
    EXPECT_TRUE(tx.ok());
    Result<User> u = (*tx)->GetUser(user_id);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return Principal{u->id, u->username, u->full_name, u->role, u->org_id, u->board};
  }

  int64_t LastAuditId() {
    auto tx = app_->db().Begin(system_, store::TxMode::kRead);
    EXPECT_TRUE(tx.ok());
    Result<int64_t> id = (*tx)->LastAuditId();
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : -1;
  }

  std::vector<store::AuditEntry> Audit(const std::string& entity, const std::string& id = "") {
    auto tx = app_->db().Begin(system_, store::TxMode::kRead);
    EXPECT_TRUE(tx.ok());
    Result<std::vector<store::AuditEntry>> rows = (*tx)->ListAudit(entity, id, 1000);
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<store::AuditEntry>{};
  }

  std::string url_;
  std::unique_ptr<App> app_;
  store::Actor system_{0, "system", "test"};
  store::Actor actor_{1, "tester", "127.0.0.1"};
};

}  // namespace nq::testing_util
