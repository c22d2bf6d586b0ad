#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/org_service.h"
#include "service/service_test_util.h"

namespace nq::org_import_test {
namespace {

using testing_util::Row;
using OrgImportTest = testing_util::ServiceTest;

std::vector<OrgService::ImportRow> NewBranch() {
  std::vector<OrgService::ImportRow> rows = {
      Row(2, "DUK", "DUK.SXD", "Đảng bộ Sở Xây dựng", OrgKind::kBaseCommittee,
          Sector::kStateAgency),
      Row(3, "DUK.SXD", "DUK.SXD.VP", "Chi bộ Văn phòng Sở Xây dựng", OrgKind::kSubCell,
          Sector::kStateAgency),
      Row(4, "DUK.SXD", "DUK.SXD.QH", "Chi bộ Phòng Quy hoạch", OrgKind::kSubCell,
          Sector::kStateAgency),
  };
  // An update of a stored organization: only the member count changes.
  OrgService::ImportRow update;
  update.line = 5;
  update.parent_code = "DUK";
  update.input.code = "DUK.SYT";
  update.input.members = 77;
  rows.push_back(update);
  return rows;
}

TEST_F(OrgImportTest, CreatesUpdatesAndIsIdempotent) {
  const Principal admin = As(Role::kAdmin, "DUK");
  Result<int> n = app_->orgs().Import(admin, NewBranch(), actor_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 4);
  const std::shared_ptr<const OrgTree> tree = app_->orgs().tree();
  EXPECT_EQ(tree->size(), 9u);
  EXPECT_TRUE(tree->InSubtree(Id("DUK.SXD"), Id("DUK.SXD.QH")));
  EXPECT_EQ(tree->Find(Id("DUK.SYT"))->members, 77);
  EXPECT_EQ(tree->Find(Id("DUK.SYT"))->name, "Chi bộ Sở Y tế");  // untouched fields stay

  const int64_t audit_before = LastAuditId();
  const uint64_t version = app_->orgs().version();
  n = app_->orgs().Import(admin, NewBranch(), actor_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 0);
  EXPECT_EQ(LastAuditId(), audit_before);
  EXPECT_EQ(app_->orgs().tree()->ToVector(), tree->ToVector());
  EXPECT_GE(app_->orgs().version(), version);
}

TEST_F(OrgImportTest, ReportsEveryBadLineAndWritesNothing) {
  std::vector<OrgService::ImportRow> rows = NewBranch();
  OrgService::ImportRow no_name = Row(6, "DUK", "DUK.A", "", OrgKind::kBaseCell,
                                      Sector::kStateAgency);
  OrgService::ImportRow unknown_parent = Row(7, "DUK.KHONGCO", "DUK.B", "Chi bộ B",
                                             OrgKind::kBaseCell, Sector::kStateAgency);
  OrgService::ImportRow duplicate = Row(8, "DUK", "DUK.SXD", "Đảng bộ trùng mã",
                                        OrgKind::kBaseCommittee, Sector::kStateAgency);
  OrgService::ImportRow bad_code = Row(9, "DUK", "mã có dấu", "Chi bộ C", OrgKind::kBaseCell,
                                       Sector::kStateAgency);
  OrgService::ImportRow negative = Row(10, "DUK", "DUK.D", "Chi bộ D", OrgKind::kBaseCell,
                                       Sector::kStateAgency);
  negative.input.members = -3;
  // A child listed before its parent: parents must come first.
  OrgService::ImportRow early_child = Row(11, "DUK.E", "DUK.E.1", "Chi bộ E1",
                                          OrgKind::kSubCell, Sector::kStateAgency);
  OrgService::ImportRow late_parent = Row(12, "DUK", "DUK.E", "Đảng bộ E",
                                          OrgKind::kBaseCommittee, Sector::kStateAgency);
  rows.insert(rows.end(), {no_name, unknown_parent, duplicate, bad_code, negative, early_child,
                           late_parent});

  const int64_t audit_before = LastAuditId();
  const std::vector<Organization> before = app_->orgs().tree()->ToVector();
  Result<int> n = app_->orgs().Import(As(Role::kAdmin, "DUK"), rows, actor_);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), Code::kInvalid);
  EXPECT_EQ(n.status().key(), "org.import_invalid");
  const std::string msg = n.status().message();
  for (int line : {6, 7, 8, 9, 10, 11}) {
    EXPECT_NE(msg.find("dòng " + std::to_string(line) + ": "), std::string::npos)
        << "line " << line << " missing from:\n" << msg;
  }
  for (int line : {2, 3, 4, 5, 12}) {
    EXPECT_EQ(msg.find("dòng " + std::to_string(line) + ": "), std::string::npos)
        << "line " << line << " wrongly reported in:\n" << msg;
  }
  EXPECT_NE(msg.find("trùng với dòng 2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("DUK.KHONGCO"), std::string::npos) << msg;
  EXPECT_EQ(app_->orgs().tree()->ToVector(), before);
  EXPECT_EQ(LastAuditId(), audit_before);
}

TEST_F(OrgImportTest, StaysInsideScope) {
  EXPECT_EQ(app_->orgs().Import(As(Role::kReporter, "DUK.STC"), NewBranch(), actor_)
                .status()
                .key(),
            "role.denied");

  const Principal committee = As(Role::kCommittee, "DUK.STC");
  std::vector<OrgService::ImportRow> rows = {
      Row(2, "DUK.STC", "DUK.STC.KT", "Chi bộ Kế toán", OrgKind::kSubCell, Sector::kStateAgency),
      Row(3, "DUK.SYT", "DUK.SYT.1", "Chi bộ 1", OrgKind::kSubCell, Sector::kPublicServiceUnit),
      Row(4, "", "KHOI2", "Đảng bộ Khối khác", OrgKind::kBlocCommittee, Sector::kNone),
  };
  OrgService::ImportRow foreign_update;
  foreign_update.line = 5;
  foreign_update.parent_code = "DUK";
  foreign_update.input.code = "DUK.SYT";
  foreign_update.input.members = 1;
  rows.push_back(foreign_update);
  Result<int> n = app_->orgs().Import(committee, rows, actor_);
  ASSERT_FALSE(n.ok());
  const std::string msg = n.status().message();
  EXPECT_EQ(msg.find("dòng 2: "), std::string::npos) << msg;
  for (const char* line : {"dòng 3: ", "dòng 4: ", "dòng 5: "}) {
    EXPECT_NE(msg.find(line), std::string::npos) << line << " in:\n" << msg;
  }
  EXPECT_EQ(app_->orgs().tree()->size(), 6u);

  rows.resize(1);
  n = app_->orgs().Import(committee, rows, actor_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
}

TEST_F(OrgImportTest, RejectsCyclesAndMovesWithinTheBatch) {
  const Principal admin = As(Role::kAdmin, "DUK");
  // DUK.STC under its own cell: a cycle.
  std::vector<OrgService::ImportRow> rows = {
      Row(2, "DUK.STC.VP", "DUK.STC", "Đảng bộ Sở Tài chính", OrgKind::kBaseCommittee,
          Sector::kStateAgency),
  };
  Result<int> n = app_->orgs().Import(admin, rows, actor_);
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("dòng 2: Không thể chuyển tổ chức vào chính nó"),
            std::string::npos)
      << n.status().message();

  // A stored cell moved under an organization created earlier in the same batch.
  rows = {
      Row(2, "DUK", "DUK.SNV", "Đảng bộ Sở Nội vụ", OrgKind::kBaseCommittee,
          Sector::kStateAgency),
  };
  OrgService::ImportRow move;
  move.line = 3;
  move.parent_code = "DUK.SNV";
  move.input.code = "DUK.STC.NS";
  rows.push_back(move);
  n = app_->orgs().Import(admin, rows, actor_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(app_->orgs().tree()->Find(Id("DUK.STC.NS"))->parent_id, Id("DUK.SNV"));
  std::vector<store::AuditEntry> audit = Audit("organization", std::to_string(Id("DUK.STC.NS")));
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "move");
}

}  // namespace
}  // namespace nq::org_import_test
