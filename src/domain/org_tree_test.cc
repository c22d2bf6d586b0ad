#include "domain/org_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace nq::org_tree_test {
namespace {

Organization Org(int64_t id, std::string code, std::string name, std::optional<int64_t> parent,
                 int sort_order = 0) {
  Organization o;
  o.id = id;
  o.code = std::move(code);
  o.name = std::move(name);
  o.parent_id = parent;
  o.kind = parent ? OrgKind::kBaseCell : OrgKind::kBlocCommittee;
  o.sort_order = sort_order;
  return o;
}

// The bloc with its children in scrambled input order:
//   1 Đảng bộ Khối
//     9 Chi bộ Công ty A (sort_order -1, so first)
//     3 Chi bộ Dân vận
//     8 Chi bộ Uông Bí
//     4 Chi bộ Ủy ban
//     2 Đảng bộ Sở Tài chính
//       7 Chi bộ 2
//       6 Chi bộ 10
//       5 Chi bộ Phòng Ngân sách
std::vector<Organization> Bloc() {
  return {
      Org(5, "STC.NS", "Chi bộ Phòng Ngân sách", 2), Org(2, "STC", "Đảng bộ Sở Tài chính", 1),
      Org(4, "UB", "Chi bộ Ủy ban", 1),              Org(6, "STC.10", "Chi bộ 10", 2),
      Org(1, "DUK", "Đảng bộ Khối", std::nullopt),   Org(8, "UONG", "Chi bộ Uông Bí", 1),
      Org(3, "DV", "Chi bộ Dân vận", 1),             Org(7, "STC.2", "Chi bộ 2", 2),
      Org(9, "CTA", "Chi bộ Công ty A", 1, -1),
  };
}

OrgTree BuildOrDie(std::vector<Organization> orgs) {
  Result<OrgTree> t = OrgTree::Build(std::move(orgs));
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? std::move(t).value() : OrgTree();
}

std::vector<int64_t> PreOrderIds(const OrgTree& t) {
  std::vector<int64_t> ids;
  ids.reserve(t.size());
  for (int i = 0; i < static_cast<int>(t.size()); ++i) ids.push_back(t.At(i).id);
  return ids;
}

TEST(OrgTreeTest, NumbersInPreOrderWithVietnameseSiblingOrder) {
  const OrgTree t = BuildOrDie(Bloc());
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(PreOrderIds(t), (std::vector<int64_t>{1, 9, 3, 8, 4, 2, 7, 6, 5}));
  EXPECT_EQ(t.Children(1), (std::vector<int64_t>{9, 3, 8, 4, 2}));
  EXPECT_EQ(t.Children(2), (std::vector<int64_t>{7, 6, 5}));
  EXPECT_TRUE(t.Children(5).empty());
  EXPECT_EQ(t.Roots(), (std::vector<int64_t>{1}));
}

TEST(OrgTreeTest, SubtreesAreContiguousRanges) {
  const OrgTree t = BuildOrDie(Bloc());
  EXPECT_EQ(t.Pre(1), 0);
  EXPECT_EQ(t.End(1), 9);
  EXPECT_EQ(t.Pre(2), 5);
  EXPECT_EQ(t.End(2), 9);
  EXPECT_EQ(t.Pre(3), 2);
  EXPECT_EQ(t.End(3), 3);
  EXPECT_EQ(t.Pre(99), -1);
  EXPECT_EQ(t.End(99), -1);
  std::vector<std::string> codes;
  for (const Organization& o : t.Subtree(2)) codes.push_back(o.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"STC", "STC.2", "STC.10", "STC.NS"}));
  EXPECT_EQ(t.SubtreeIds(2), (std::vector<int64_t>{2, 7, 6, 5}));
  EXPECT_TRUE(t.Subtree(99).empty());
  EXPECT_EQ(t.Subtree(1).size(), 9u);
}

TEST(OrgTreeTest, InSubtree) {
  const OrgTree t = BuildOrDie(Bloc());
  EXPECT_TRUE(t.InSubtree(1, 5));
  EXPECT_TRUE(t.InSubtree(2, 5));
  EXPECT_TRUE(t.InSubtree(2, 2));
  EXPECT_FALSE(t.InSubtree(5, 2));
  EXPECT_FALSE(t.InSubtree(3, 5));
  EXPECT_FALSE(t.InSubtree(4, 2));  // a sibling just before 2 in pre-order
  EXPECT_FALSE(t.InSubtree(99, 1));
  EXPECT_FALSE(t.InSubtree(1, 99));
}

TEST(OrgTreeTest, PathsAndDepths) {
  const OrgTree t = BuildOrDie(Bloc());
  EXPECT_EQ(t.Path(5), (std::vector<int64_t>{1, 2, 5}));
  EXPECT_EQ(t.Path(1), (std::vector<int64_t>{1}));
  EXPECT_TRUE(t.Path(99).empty());
  EXPECT_EQ(t.Depth(1), 0);
  EXPECT_EQ(t.Depth(3), 1);
  EXPECT_EQ(t.Depth(6), 2);
  EXPECT_EQ(t.Depth(99), -1);
  ASSERT_NE(t.Find(6), nullptr);
  EXPECT_EQ(t.Find(6)->name, "Chi bộ 10");
  EXPECT_EQ(t.Find(99), nullptr);
  ASSERT_NE(t.FindByCode("STC.10"), nullptr);
  EXPECT_EQ(t.FindByCode("STC.10")->id, 6);
  EXPECT_EQ(t.FindByCode("stc.10"), nullptr);  // codes match exactly
  EXPECT_EQ(t.FindByCode(""), nullptr);
  EXPECT_TRUE(t.Contains(9));
  EXPECT_FALSE(t.Contains(10));
}

TEST(OrgTreeTest, SeveralRootsAreOrderedToo) {
  std::vector<Organization> orgs = Bloc();
  orgs.push_back(Org(20, "DUK2", "Đảng bộ Khối Doanh nghiệp", std::nullopt));
  orgs.push_back(Org(21, "ANH", "Chi bộ Ấp", 20));
  orgs.push_back(Org(22, "DUK0", "Ban cán sự", std::nullopt));
  const OrgTree t = BuildOrDie(orgs);
  EXPECT_EQ(t.Roots(), (std::vector<int64_t>{22, 1, 20}));
  EXPECT_EQ(t.Path(21), (std::vector<int64_t>{20, 21}));
  EXPECT_EQ(t.End(20), 12);
  EXPECT_FALSE(t.InSubtree(1, 21));
}

TEST(OrgTreeTest, ToVectorRebuildsTheSameTree) {
  const OrgTree t = BuildOrDie(Bloc());
  const std::vector<Organization> v = t.ToVector();
  EXPECT_EQ(v.size(), 9u);
  EXPECT_EQ(PreOrderIds(BuildOrDie(v)), PreOrderIds(t));
}

TEST(OrgTreeTest, RejectsUnknownParent) {
  std::vector<Organization> orgs = Bloc();
  orgs.push_back(Org(30, "X", "Chi bộ X", 77));
  Result<OrgTree> t = OrgTree::Build(orgs);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kInvalid);
  EXPECT_EQ(t.status().key(), "org.unknown_parent");
  EXPECT_NE(t.status().message().find("'X'"), std::string::npos);
}

TEST(OrgTreeTest, RejectsDuplicateCodesAndIds) {
  std::vector<Organization> orgs = Bloc();
  orgs.push_back(Org(30, "STC", "Chi bộ trùng mã", 1));
  Result<OrgTree> t = OrgTree::Build(orgs);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kConflict);
  EXPECT_EQ(t.status().key(), "org.code_taken");
  EXPECT_EQ(t.status().message(), "Mã tổ chức 'STC' đã tồn tại");

  orgs = Bloc();
  orgs.push_back(Org(3, "NEW", "Chi bộ trùng số", 1));
  EXPECT_EQ(OrgTree::Build(orgs).status().key(), "org.duplicate_id");
}

TEST(OrgTreeTest, RejectsCycles) {
  std::vector<Organization> orgs = Bloc();
  orgs.push_back(Org(40, "A", "A", 41));
  orgs.push_back(Org(41, "B", "B", 42));
  orgs.push_back(Org(42, "C", "C", 40));
  orgs.push_back(Org(43, "D", "D", 42));  // hangs below the cycle
  Result<OrgTree> t = OrgTree::Build(orgs);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Code::kConflict);
  EXPECT_EQ(t.status().key(), "org.cycle");
  const std::string msg = t.status().message();
  EXPECT_TRUE(msg.find("'A'") != std::string::npos || msg.find("'B'") != std::string::npos ||
              msg.find("'C'") != std::string::npos)
      << msg;

  Result<OrgTree> self = OrgTree::Build({Org(1, "S", "S", 1)});
  EXPECT_EQ(self.status().key(), "org.cycle");
}

TEST(OrgTreeTest, EmptyTree) {
  const OrgTree t = BuildOrDie({});
  EXPECT_EQ(t.size(), 0u);
  EXPECT_TRUE(t.Roots().empty());
}

TEST(OrgTreeTest, CheckMoveRefusesCycles) {
  const OrgTree t = BuildOrDie(Bloc());
  EXPECT_TRUE(t.CheckMove(5, 3).ok());
  EXPECT_TRUE(t.CheckMove(2, 3).ok());
  Status down = t.CheckMove(2, 5);
  EXPECT_EQ(down.code(), Code::kConflict);
  EXPECT_EQ(down.key(), "org.move_cycle");
  EXPECT_NE(down.message().find("'STC'"), std::string::npos);
  EXPECT_NE(down.message().find("'STC.NS'"), std::string::npos);
  EXPECT_EQ(t.CheckMove(2, 2).key(), "org.move_cycle");
  EXPECT_EQ(t.CheckMove(1, 5).key(), "org.move_cycle");
  EXPECT_EQ(t.CheckMove(99, 1).code(), Code::kNotFound);
  EXPECT_EQ(t.CheckMove(5, 99).code(), Code::kNotFound);
}

TEST(OrgTreeTest, MovedRenumbers) {
  const OrgTree t = BuildOrDie(Bloc());
  Result<OrgTree> moved = t.Moved(5, 3);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->Path(5), (std::vector<int64_t>{1, 3, 5}));
  EXPECT_EQ(moved->SubtreeIds(2), (std::vector<int64_t>{2, 7, 6}));
  EXPECT_EQ(moved->SubtreeIds(3), (std::vector<int64_t>{3, 5}));
  EXPECT_EQ(t.Path(5), (std::vector<int64_t>{1, 2, 5}));  // the original is unchanged
  EXPECT_EQ(t.Moved(2, 6).status().key(), "org.move_cycle");
}

TEST(OrgTreeTest, WithOrganizationAddsAndReplaces) {
  const OrgTree t = BuildOrDie(Bloc());
  Result<OrgTree> added = t.WithOrganization(Org(50, "STC.A", "Chi bộ An", 2));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->Children(2), (std::vector<int64_t>{7, 6, 50, 5}));
  Organization renamed = *t.Find(3);
  renamed.name = "Chi bộ Xây dựng";
  Result<OrgTree> replaced = t.WithOrganization(renamed);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->size(), 9u);
  EXPECT_EQ(replaced->Children(1), (std::vector<int64_t>{9, 8, 4, 3, 2}));
  EXPECT_EQ(t.WithOrganization(Org(51, "DV", "Chi bộ trùng", 1)).status().key(),
            "org.code_taken");
  Organization root = *t.Find(1);
  root.parent_id = 5;
  EXPECT_EQ(t.WithOrganization(root).status().key(), "org.cycle");
}

TEST(OrgTreeTest, ActiveOnADate) {
  std::vector<Organization> orgs = Bloc();
  for (Organization& o : orgs) {
    if (o.id == 3) o.valid_to = Date{2022, 6, 30};   // merged mid-term
    if (o.id == 6) o.valid_from = Date{2023, 1, 1};  // founded later
  }
  const OrgTree t = BuildOrDie(orgs);
  EXPECT_EQ(t.ActiveOn(1, Date{2021, 1, 1}), (std::vector<int64_t>{1, 9, 3, 8, 4, 2, 7, 5}));
  EXPECT_EQ(t.ActiveOn(1, Date{2023, 5, 17}), (std::vector<int64_t>{1, 9, 8, 4, 2, 7, 6, 5}));
  EXPECT_EQ(t.ActiveOn(2, Date{2023, 5, 17}), (std::vector<int64_t>{2, 7, 6, 5}));
  EXPECT_TRUE(t.ActiveOn(99, Date{2023, 5, 17}).empty());
}

TEST(OrgTreeTest, DeepChainNeedsNoRecursion) {
  constexpr int kN = 52000;
  std::vector<Organization> orgs;
  orgs.reserve(kN);
  for (int i = 1; i <= kN; ++i) {
    orgs.push_back(Org(i, "C" + std::to_string(i), "Chi bộ",
                       i == 1 ? std::nullopt : std::optional<int64_t>(i - 1)));
  }
  const OrgTree t = BuildOrDie(std::move(orgs));
  EXPECT_EQ(t.End(1), kN);
  EXPECT_EQ(t.Depth(kN), kN - 1);
  EXPECT_EQ(t.Pre(kN), kN - 1);
  EXPECT_EQ(t.Path(kN).size(), static_cast<size_t>(kN));
}

TEST(OrgTreeTest, RangesAgreeWithAncestorWalkOnRandomTrees) {
  std::mt19937 rng(20230517);
  for (int round = 0; round < 20; ++round) {
    const int n = 2 + static_cast<int>(rng() % 200);
    std::vector<Organization> orgs;
    std::vector<int64_t> parent(static_cast<size_t>(n) + 1, 0);
    for (int i = 1; i <= n; ++i) {
      std::optional<int64_t> p;
      if (i > 1 && rng() % 10 != 0) p = 1 + static_cast<int64_t>(rng() % static_cast<unsigned>(i - 1));
      parent[static_cast<size_t>(i)] = p.value_or(0);
      orgs.push_back(Org(i, "O" + std::to_string(i), "Chi bộ " + std::to_string(rng() % 50), p,
                         static_cast<int>(rng() % 3)));
    }
    std::shuffle(orgs.begin(), orgs.end(), rng);
    const OrgTree t = BuildOrDie(orgs);
    ASSERT_EQ(t.size(), static_cast<size_t>(n));
    for (int a = 1; a <= n; ++a) {
      for (int b = 1; b <= n; ++b) {
        bool below = false;
        for (int64_t x = b; x != 0; x = parent[static_cast<size_t>(x)]) {
          if (x == a) below = true;
        }
        ASSERT_EQ(t.InSubtree(a, b), below) << a << " " << b;
      }
      // Depth is the length of the parent walk; CheckMove refuses exactly the subtree.
      ASSERT_EQ(t.Path(a).size(), static_cast<size_t>(t.Depth(a)) + 1);
      const int target = 1 + static_cast<int>(rng() % static_cast<unsigned>(n));
      ASSERT_EQ(t.CheckMove(a, target).ok(), !t.InSubtree(a, target));
    }
  }
}

}  // namespace
}  // namespace nq::org_tree_test
