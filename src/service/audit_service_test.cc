#include "service/audit_service.h"

#include <gtest/gtest.h>

#include "service/service_test_util.h"

namespace nq::audit_service_test {
namespace {

class AuditServiceTest : public testing_util::ServiceTest {
 protected:
  AuditService audit() { return AuditService(&app_->db(), &app_->orgs()); }

  void Rename(const std::string& code, const std::string& name) {
    OrgInput in;
    in.name = name;
    ASSERT_TRUE(app_->orgs().Update(As(Role::kAdmin, "DUK"), Id(code), in, actor_).ok());
  }
};

TEST_F(AuditServiceTest, WholeTreeScopeReadsEverythingNewestFirst) {
  Rename("DUK.SYT", "Chi bộ Sở Y tế (mới)");
  Rename("DUK.SCT", "Đảng bộ Sở Công Thương (mới)");
  AuditQuery q;
  q.entity = "organization";
  q.limit = 2;
  Result<std::vector<store::AuditEntry>> rows = audit().List(As(Role::kCommittee, "DUK"), q);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].entity_id, std::to_string(Id("DUK.SCT")));
  EXPECT_EQ((*rows)[1].entity_id, std::to_string(Id("DUK.SYT")));
  EXPECT_GT((*rows)[0].id, (*rows)[1].id);
}

TEST_F(AuditServiceTest, NarrowScopeReadsOnlyOneOrganizationInside) {
  Rename("DUK.STC.VP", "Chi bộ Văn phòng Sở");
  const Principal p = As(Role::kCommittee, "DUK.STC");
  AuditQuery own;
  own.entity = "organization";
  own.entity_id = std::to_string(Id("DUK.STC.VP"));
  Result<std::vector<store::AuditEntry>> rows = audit().List(p, own);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_FALSE(rows->empty());

  AuditQuery other = own;
  other.entity_id = std::to_string(Id("DUK.SYT"));
  EXPECT_EQ(audit().List(p, other).status().key(), "scope.denied");
  EXPECT_EQ(audit().List(p, AuditQuery{}).status().key(), "scope.denied");
  AuditQuery users;
  users.entity = "user";
  EXPECT_EQ(audit().List(p, users).status().key(), "scope.denied");
}

TEST_F(AuditServiceTest, OnlyAdminsAndCommitteeReadTheLog) {
  EXPECT_EQ(audit().List(As(Role::kReporter, "DUK"), AuditQuery{}).status().key(), "role.denied");
  EXPECT_EQ(audit().List(As(Role::kViewer, "DUK"), AuditQuery{}).status().key(), "role.denied");
  EXPECT_TRUE(audit().List(As(Role::kAdmin, "DUK"), AuditQuery{}).ok());
}

TEST_F(AuditServiceTest, RejectsBadQueries) {
  const Principal p = As(Role::kAdmin, "DUK");
  AuditQuery q;
  q.limit = 0;
  EXPECT_EQ(audit().List(p, q).status().key(), "audit.bad_query");
  q.limit = 1001;
  EXPECT_EQ(audit().List(p, q).status().key(), "audit.bad_query");
  q.limit = 10;
  q.entity = "Organization; DROP";
  EXPECT_EQ(audit().List(p, q).status().key(), "audit.bad_query");
  q.entity = "organization";
  q.entity_id = std::string(65, '1');
  EXPECT_EQ(audit().List(p, q).status().key(), "audit.bad_query");
}

}  // namespace
}  // namespace nq::audit_service_test
