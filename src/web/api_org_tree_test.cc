#include "web/api_org_tree.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace nq::web::api_org_tree_test {
namespace {

Organization MakeOrg(int64_t id, std::optional<int64_t> parent, const std::string& name,
                     OrgKind kind, int members) {
  Organization o;
  o.id = id;
  o.code = "C" + std::to_string(id);
  o.name = name;
  o.kind = kind;
  o.parent_id = parent;
  o.members = members;
  o.workers = members * 2;
  return o;
}

TEST(OrgTreeJsonTest, NestsAPreorderSubtree) {
  // 1 > {2 > {3, 4}, 5 > {6}}
  std::vector<Organization> orgs = {
      MakeOrg(1, std::nullopt, "Đảng bộ Khối", OrgKind::kBlocCommittee, 0),
      MakeOrg(2, 1, "Đảng bộ Sở Tài chính", OrgKind::kBaseCommittee, 0),
      MakeOrg(3, 2, "Chi bộ \"Văn phòng\"", OrgKind::kSubCell, 12),
      MakeOrg(4, 2, "Chi bộ Ngân sách", OrgKind::kSubCell, 9),
      MakeOrg(5, 1, "Đảng bộ Sở Y tế", OrgKind::kBaseCommittee, 0),
      MakeOrg(6, 5, "Chi bộ Bệnh viện", OrgKind::kSubCell, 30),
  };
  orgs[5].valid_to = Date{2022, 6, 30};
  const nlohmann::json j = nlohmann::json::parse(OrgTreeJson(orgs, 7));
  EXPECT_EQ(j["version"], 7);
  const auto& root = j["root"];
  EXPECT_EQ(root["id"], 1);
  EXPECT_EQ(root["kind"], "bloc_committee");
  ASSERT_EQ(root["children"].size(), 2u);
  const auto& stc = root["children"][0];
  EXPECT_EQ(stc["name"], "Đảng bộ Sở Tài chính");
  ASSERT_EQ(stc["children"].size(), 2u);
  EXPECT_EQ(stc["children"][0]["name"], "Chi bộ \"Văn phòng\"");
  EXPECT_EQ(stc["children"][0]["members"], 12);
  EXPECT_EQ(stc["children"][0]["workers"], 24);
  EXPECT_EQ(stc["children"][0]["kind_label"], OrgKindLabel(OrgKind::kSubCell));
  EXPECT_TRUE(stc["children"][1]["children"].empty());
  const auto& syt = root["children"][1];
  ASSERT_EQ(syt["children"].size(), 1u);
  EXPECT_EQ(syt["children"][0]["valid_to"], "2022-06-30");
  EXPECT_TRUE(syt["valid_to"].is_null());
  EXPECT_EQ(syt["valid_from"], "2020-01-01");
}

TEST(OrgTreeJsonTest, EmptyInputGivesNullRoot) {
  const nlohmann::json j = nlohmann::json::parse(OrgTreeJson({}, 3));
  EXPECT_TRUE(j["root"].is_null());
}

}  // namespace
}  // namespace nq::web::api_org_tree_test
