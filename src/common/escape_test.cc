#include "common/escape.h"

#include <gtest/gtest.h>

#include <string>

namespace nq::escape_test {
namespace {

TEST(EscapeMarkupTest, EntitiesForTheFiveCharacters) {
  EXPECT_EQ(EscapeMarkup("Thu & chi <tăng> \"đủ\" 'mới'"),
            "Thu &amp; chi &lt;tăng&gt; &quot;đủ&quot; &#39;mới&#39;");
  EXPECT_EQ(EscapeMarkup("17/5/2023"), "17/5/2023");  // '/' stays readable
  EXPECT_EQ(EscapeMarkup(""), "");
}

TEST(EscapeMarkupTest, DropsControlCharactersXmlRefuses) {
  EXPECT_EQ(EscapeMarkup(std::string("a\tb\nc\rd\x01" "e\x1f" "f\0g", 13)), "a\tb\nc\rdefg");
}

}  // namespace
}  // namespace nq::escape_test
