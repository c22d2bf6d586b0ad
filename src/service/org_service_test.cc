#include "service/org_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "service/service_test_util.h"

namespace nq::org_service_test {
namespace {

using testing_util::ServiceTest;

std::vector<std::string> Codes(const std::vector<Organization>& orgs) {
  std::vector<std::string> out;
  for (const Organization& org : orgs) out.push_back(org.code);
  return out;
}

using OrgServiceTest = ServiceTest;

TEST_F(OrgServiceTest, ReporterSeesOwnSubtreeOnly) {
  const Principal reporter = As(Role::kReporter, "DUK.STC");
  Result<std::vector<Organization>> sub = app_->orgs().Subtree(reporter);
  ASSERT_TRUE(sub.ok()) << sub.status().ToString();
  EXPECT_EQ(Codes(*sub), (std::vector<std::string>{"DUK.STC", "DUK.STC.VP", "DUK.STC.NS"}));

  EXPECT_TRUE(app_->orgs().Get(reporter, Id("DUK.STC.VP")).ok());
  for (const char* outside : {"DUK.SYT", "DUK", "DUK.SCT"}) {
    Result<Organization> got = app_->orgs().Get(reporter, Id(outside));
    ASSERT_FALSE(got.ok()) << outside;
    EXPECT_EQ(got.status().code(), Code::kForbidden);
    EXPECT_EQ(got.status().key(), "scope.denied");
    EXPECT_EQ(got.status().message(), "Bạn không có quyền truy cập tổ chức này");
  }
  OrgListQuery q;
  q.root = Id("DUK.SYT");
  EXPECT_EQ(app_->orgs().List(reporter, q).status().key(), "scope.denied");
  EXPECT_EQ(app_->orgs().PathInScope(reporter, Id("DUK.SYT")).status().key(), "scope.denied");
  EXPECT_EQ(app_->orgs().Get(reporter, 987654).status().code(), Code::kNotFound);
}

TEST_F(OrgServiceTest, PathInScopeStartsAtScopeRoot) {
  Result<std::vector<Organization>> path =
      app_->orgs().PathInScope(As(Role::kViewer, "DUK.STC"), Id("DUK.STC.NS"));
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(Codes(*path), (std::vector<std::string>{"DUK.STC", "DUK.STC.NS"}));
  path = app_->orgs().PathInScope(As(Role::kAdmin, "DUK"), Id("DUK.STC.NS"));
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(Codes(*path), (std::vector<std::string>{"DUK", "DUK.STC", "DUK.STC.NS"}));
}

TEST_F(OrgServiceTest, OnlyAdminAndCommitteeWrite) {
  OrgInput in;
  in.code = "DUK.STC.KT";
  in.name = "Chi bộ Phòng Kế toán";
  in.kind = OrgKind::kSubCell;
  in.sector = Sector::kStateAgency;
  in.parent_id = Id("DUK.STC");
  for (Role role : {Role::kReporter, Role::kViewer}) {
    Result<Organization> r = app_->orgs().CreateOrg(As(role, "DUK.STC"), in, actor_);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Code::kForbidden);
    EXPECT_EQ(r.status().key(), "role.denied");
  }
  const uint64_t version = app_->orgs().version();
  Result<Organization> r = app_->orgs().CreateOrg(As(Role::kCommittee, "DUK.STC"), in, actor_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->id, 0);
  EXPECT_EQ(r->parent_id, Id("DUK.STC"));
  EXPECT_GT(app_->orgs().version(), version);
  EXPECT_TRUE(app_->orgs().tree()->InSubtree(Id("DUK.STC"), r->id));
  std::vector<store::AuditEntry> audit = Audit("organization", std::to_string(r->id));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "create");
  EXPECT_EQ(audit[0].username, actor_.username);
}

TEST_F(OrgServiceTest, CreateOutsideScopeOrWithTakenCodeChangesNothing) {
  const Principal committee = As(Role::kCommittee, "DUK.STC");
  OrgInput in;
  in.code = "DUK.SYT.X";
  in.name = "Chi bộ X";
  in.kind = OrgKind::kSubCell;
  in.parent_id = Id("DUK.SYT");
  const int64_t audit_before = LastAuditId();
  EXPECT_EQ(app_->orgs().CreateOrg(committee, in, actor_).status().key(), "scope.denied");

  in.parent_id = Id("DUK.STC");
  in.code = "DUK.STC.VP";
  Result<Organization> dup = app_->orgs().CreateOrg(committee, in, actor_);
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().key(), "org.code_taken");

  in.code = "DUK.STC.X";
  in.name.reset();
  EXPECT_EQ(app_->orgs().CreateOrg(committee, in, actor_).status().code(), Code::kInvalid);
  EXPECT_EQ(app_->orgs().tree()->size(), 6u);
  EXPECT_EQ(LastAuditId(), audit_before);
}

TEST_F(OrgServiceTest, MoveIntoOwnSubtreeIsRejectedAndChangesNothing) {
  const Principal admin = As(Role::kAdmin, "DUK");
  const uint64_t version = app_->orgs().version();
  const int64_t audit_before = LastAuditId();
  for (const char* target : {"DUK.STC.VP", "DUK.STC"}) {
    Result<Organization> r = app_->orgs().Move(admin, Id("DUK.STC"), Id(target), actor_);
    ASSERT_FALSE(r.ok()) << target;
    EXPECT_EQ(r.status().code(), Code::kConflict);
    EXPECT_EQ(r.status().key(), "org.move_cycle");
    EXPECT_EQ(r.status().message(),
              "Không thể chuyển tổ chức vào chính nó hoặc tổ chức cấp dưới của nó");
  }
  EXPECT_EQ(app_->orgs().tree()->Find(Id("DUK.STC"))->parent_id, Id("DUK"));
  EXPECT_EQ(app_->orgs().version(), version);
  EXPECT_EQ(LastAuditId(), audit_before);
  // The stored tree agrees with the snapshot.
  Result<std::unique_ptr<OrgService>> reloaded = OrgService::Create(&app_->db());
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ((*reloaded)->tree()->ToVector(), app_->orgs().tree()->ToVector());
}

TEST_F(OrgServiceTest, MoveWithinScope) {
  const Principal admin = As(Role::kAdmin, "DUK");
  Result<Organization> r = app_->orgs().Move(admin, Id("DUK.STC.VP"), Id("DUK.SCT"), actor_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->parent_id, Id("DUK.SCT"));
  EXPECT_TRUE(app_->orgs().tree()->InSubtree(Id("DUK.SCT"), Id("DUK.STC.VP")));
  EXPECT_FALSE(app_->orgs().tree()->InSubtree(Id("DUK.STC"), Id("DUK.STC.VP")));
  std::vector<store::AuditEntry> audit = Audit("organization", std::to_string(r->id));
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "move");
  Result<std::unique_ptr<OrgService>> reloaded = OrgService::Create(&app_->db());
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ((*reloaded)->tree()->Find(Id("DUK.STC.VP"))->parent_id, Id("DUK.SCT"));
}

TEST_F(OrgServiceTest, ScopeLimitsMovesAndProtectsScopeRoot) {
  const Principal committee = As(Role::kCommittee, "DUK.STC");
  Result<Organization> r = app_->orgs().Move(committee, Id("DUK.STC"), Id("DUK.SCT"), actor_);
  EXPECT_EQ(r.status().code(), Code::kForbidden);
  EXPECT_EQ(r.status().key(), "org.scope_root");
  r = app_->orgs().Close(committee, Id("DUK.STC"), Date{2024, 6, 30}, actor_);
  EXPECT_EQ(r.status().key(), "org.scope_root");
  r = app_->orgs().Move(committee, Id("DUK.STC.VP"), Id("DUK.SCT"), actor_);
  EXPECT_EQ(r.status().key(), "scope.denied");
  r = app_->orgs().Move(committee, Id("DUK.SYT"), Id("DUK.STC"), actor_);
  EXPECT_EQ(r.status().key(), "scope.denied");
  EXPECT_EQ(app_->orgs().tree()->Find(Id("DUK.STC.VP"))->parent_id, Id("DUK.STC"));
}

TEST_F(OrgServiceTest, CloseCascadesToOpenDescendants) {
  const Principal admin = As(Role::kAdmin, "DUK");
  ASSERT_TRUE(app_->orgs().Close(admin, Id("DUK.STC.NS"), Date{2023, 1, 31}, actor_).ok());
  Result<Organization> r = app_->orgs().Close(admin, Id("DUK.STC"), Date{2024, 6, 30}, actor_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->valid_to, (Date{2024, 6, 30}));
  const std::shared_ptr<const OrgTree> tree = app_->orgs().tree();
  EXPECT_EQ(tree->Find(Id("DUK.STC.VP"))->valid_to, (Date{2024, 6, 30}));
  EXPECT_EQ(tree->Find(Id("DUK.STC.NS"))->valid_to, (Date{2023, 1, 31}));  // closed earlier
  EXPECT_FALSE(tree->Find(Id("DUK.SYT"))->valid_to.has_value());
  EXPECT_FALSE(tree->Find(Id("DUK"))->valid_to.has_value());

  OrgListQuery q;
  Result<OrgListPage> open = app_->orgs().List(admin, q);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(Codes(open->items), (std::vector<std::string>{"DUK", "DUK.SCT", "DUK.SYT"}));
  q.include_closed = true;
  EXPECT_EQ(app_->orgs().List(admin, q)->total, 6);

  // Nothing may be created under a closed organization.
  OrgInput in;
  in.code = "DUK.STC.MOI";
  in.name = "Chi bộ mới";
  in.kind = OrgKind::kSubCell;
  in.parent_id = Id("DUK.STC");
  EXPECT_EQ(app_->orgs().CreateOrg(admin, in, actor_).status().key(), "org.parent_closed");
}

TEST_F(OrgServiceTest, CloseBeforeStartIsInvalid) {
  const int64_t audit_before = LastAuditId();
  Result<Organization> r =
      app_->orgs().Close(As(Role::kAdmin, "DUK"), Id("DUK.STC"), Date{2019, 12, 31}, actor_);
  EXPECT_EQ(r.status().code(), Code::kInvalid);
  EXPECT_EQ(r.status().key(), "org.close_before_start");
  EXPECT_FALSE(app_->orgs().tree()->Find(Id("DUK.STC"))->valid_to.has_value());
  EXPECT_EQ(LastAuditId(), audit_before);
}

TEST_F(OrgServiceTest, SearchIgnoresToneMarksAndDBar) {
  const Principal admin = As(Role::kAdmin, "DUK");
  OrgListQuery q;
  q.search = "dang bo so tai chinh";
  Result<OrgListPage> page = app_->orgs().List(admin, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(Codes(page->items), (std::vector<std::string>{"DUK.STC"}));
  EXPECT_EQ(page->items[0].name, "Đảng bộ Sở Tài chính");

  q.search = "  Y TẾ ";
  EXPECT_EQ(Codes(app_->orgs().List(admin, q)->items), (std::vector<std::string>{"DUK.SYT"}));
  q.search = "duk.stc.ns";  // codes are searched too
  EXPECT_EQ(Codes(app_->orgs().List(admin, q)->items), (std::vector<std::string>{"DUK.STC.NS"}));
  q.search = "y te";  // ... but only inside the scope
  EXPECT_EQ(app_->orgs().List(As(Role::kReporter, "DUK.STC"), q)->total, 0);
}

TEST_F(OrgServiceTest, ListPagesInTreeOrder) {
  const Principal admin = As(Role::kAdmin, "DUK");
  OrgListQuery q;
  Result<OrgListPage> all = app_->orgs().List(admin, q);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 6);
  q.limit = 2;
  q.offset = 1;
  Result<OrgListPage> page = app_->orgs().List(admin, q);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 6);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0], all->items[1]);
  EXPECT_EQ(page->items[1], all->items[2]);
  q.limit = 0;
  EXPECT_EQ(app_->orgs().List(admin, q).status().key(), "org.bad_limit");
  q.limit = 10;
  q.offset = -1;
  EXPECT_EQ(app_->orgs().List(admin, q).status().code(), Code::kInvalid);
}

TEST_F(OrgServiceTest, UpdateChangesOnlyGivenFieldsAndSkipsNoOps) {
  const Principal committee = As(Role::kCommittee, "DUK.STC");
  const Organization before = *app_->orgs().tree()->Find(Id("DUK.STC.VP"));
  OrgInput in;
  in.members = 42;
  in.name = "  Chi bộ Văn phòng Sở  ";
  Result<Organization> r = app_->orgs().Update(committee, before.id, in, actor_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  Organization expected = before;
  expected.members = 42;
  expected.name = "Chi bộ Văn phòng Sở";
  EXPECT_EQ(*r, expected);
  Result<std::unique_ptr<OrgService>> reloaded = OrgService::Create(&app_->db());
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ(*(*reloaded)->tree()->Find(before.id), expected);

  const int64_t audit_before = LastAuditId();
  ASSERT_TRUE(app_->orgs().Update(committee, before.id, in, actor_).ok());
  EXPECT_EQ(LastAuditId(), audit_before);  // same values again: no write, no audit row

  in.code = "DUK.SYT";
  EXPECT_EQ(app_->orgs().Update(committee, before.id, in, actor_).status().key(),
            "org.code_taken");
  EXPECT_EQ(app_->orgs().Update(committee, Id("DUK.SYT"), in, actor_).status().key(),
            "scope.denied");
}

}  // namespace
}  // namespace nq::org_service_test
