#include "cli/text_table.h"

#include <gtest/gtest.h>

namespace nq::cli::text_table_test {
namespace {

TEST(TextTableTest, AlignsVietnameseTextByCodePoints) {
  TextTable t({"Tên", "Vai trò"});
  t.AddRow({"admin", "Quản trị"});
  t.AddRow({"bantochuc", "Cấp ủy"});
  EXPECT_EQ(t.Render(),
            "Tên        Vai trò\n"
            "---------  --------\n"
            "admin      Quản trị\n"
            "bantochuc  Cấp ủy\n");
}

TEST(TextTableTest, PadsShortRowsAndDropsTrailingSpaces) {
  TextTable t({"a", "b", "c"});
  t.AddRow({"xyz"});
  t.AddRow({"", "", "Đ", "extra"});
  EXPECT_EQ(t.Render(),
            "a    b  c\n"
            "---  -  -\n"
            "xyz\n"
            "        Đ\n");
}

}  // namespace
}  // namespace nq::cli::text_table_test
