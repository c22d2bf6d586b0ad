#include "web/view.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace nq::web::view_test {
namespace {

TEST(ViewTest, EscapesUserTextButKeepsSlashesReadable) {
  // org_label is a small partial of the tree: {{name}} and {{id}} are printed escaped.
  const std::string html =
      RenderTemplate("org_label", mstch::map{{"id", std::string("7")},
                                             {"name", std::string("<b>\"Chi bộ\" & 'Tổ' 1/2</b>")},
                                             {"kind", std::string("base_cell")},
                                             {"kind_label", std::string("Chi bộ cơ sở")},
                                             {"members", std::string("1.234")},
                                             {"closed", false}});
  EXPECT_NE(html.find("&lt;b&gt;&quot;Chi bộ&quot; &amp; &#39;Tổ&#39; 1/2&lt;/b&gt;"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/orgs/7\""), std::string::npos);
  EXPECT_NE(html.find("1.234 đảng viên"), std::string::npos);
}

TEST(ViewTest, PageHasTheLayoutAroundTheBody) {
  PageFrame frame;
  frame.title = "Thử";
  frame.signed_in = true;
  frame.user_full_name = "Nguyễn Văn An";
  frame.user_org_name = "Chi bộ Sở Y tế";
  frame.user_role_label = "Báo cáo viên";
  frame.csrf_token = "abc123";
  frame.active_nav = "orgs";
  const std::string html = RenderPage(frame, "error",
                                      mstch::map{{"status", std::string("404")},
                                                 {"heading", std::string("Không tìm thấy trang")},
                                                 {"message", std::string("Trang không tồn tại.")},
                                                 {"signed_in", true}});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Thử · nqtrack</title>"), std::string::npos);
  EXPECT_NE(html.find("Nguyễn Văn An"), std::string::npos);
  EXPECT_NE(html.find("Chi bộ Sở Y tế"), std::string::npos);
  EXPECT_NE(html.find("name=\"_csrf\" value=\"abc123\""), std::string::npos);
  EXPECT_NE(html.find("Không tìm thấy trang"), std::string::npos);
  EXPECT_NE(html.find("href=\"/orgs\" aria-current=\"page\""), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos);  // no inline scripts (CSP)
  EXPECT_EQ(html.find("style=\""), std::string::npos);  // no inline styles (CSP)
}

TEST(ViewTest, UnknownTemplateIsAProgrammingError) {
  EXPECT_THROW(RenderTemplate("khong_co", mstch::map{}), std::logic_error);
}

}  // namespace
}  // namespace nq::web::view_test
