#include "common/json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nq::json_text_test {
namespace {

TEST(JsonTextTest, QuotesAndEscapes) {
  EXPECT_EQ(JsonQuote(""), "\"\"");
  EXPECT_EQ(JsonQuote("Đảng bộ"), "\"Đảng bộ\"");
  EXPECT_EQ(JsonQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonQuote("x\ny\tz\r"), "\"x\\ny\\tz\\r\"");
  EXPECT_EQ(JsonQuote(std::string("\x01\x1f\x7f\0", 4)), "\"\\u0001\\u001f\\u007f\\u0000\"");
  EXPECT_EQ(JsonQuote("\xE2\x80\xA8|\xE2\x80\xA9"), "\"\\u2028|\\u2029\"");
  EXPECT_EQ(JsonQuote("</script>"), "\"</script>\"");
}

TEST(JsonTextTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(JsonQuote("a\xFF" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(JsonQuote("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");          // overlong
  EXPECT_EQ(JsonQuote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  EXPECT_EQ(JsonQuote("\xE1\xBA"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");          // truncated
  EXPECT_EQ(JsonQuote("\xF0\x9F\x98\x80"), "\"\xF0\x9F\x98\x80\"");          // valid 4-byte
}

TEST(JsonTextTest, BuildsFlatObjectsInOrder) {
  std::optional<int64_t> none;
  std::optional<int64_t> parent = 7;
  const std::string s = JsonObjectText()
                            .Add("code", "DUK.STC")
                            .Add("name", std::string("Chi bộ \"Sở\""))
                            .Add("members", 12)
                            .Add("big", int64_t{-9007199254740993})
                            .Add("closed", false)
                            .Add("parent_id", parent)
                            .Add("valid_to", none)
                            .AddNull("note")
                            .Add("ratio", 0.1)
                            .Add("nan", std::nan(""))
                            .str();
  EXPECT_EQ(s,
            "{\"code\":\"DUK.STC\",\"name\":\"Chi bộ \\\"Sở\\\"\",\"members\":12,"
            "\"big\":-9007199254740993,\"closed\":false,\"parent_id\":7,\"valid_to\":null,"
            "\"note\":null,\"ratio\":0.1,\"nan\":null}");
}

TEST(JsonTextTest, WritesOptionalNumbersAndDatesOrNull) {
  const std::optional<double> no_bound;
  const std::optional<Date> open, closed = Date{2024, 2, 29};
  EXPECT_EQ(JsonObjectText()
                .Add("min", std::optional<double>(-2.5))
                .Add("max", no_bound)
                .Add("valid_to", closed)
                .Add("until", open)
                .Add("day", std::optional<Date>(Date{987, 1, 5}))
                .str(),
            "{\"min\":-2.5,\"max\":null,\"valid_to\":\"2024-02-29\",\"until\":null,"
            "\"day\":\"0987-01-05\"}");
}

TEST(JsonTextTest, NestsRawJsonText) {
  EXPECT_EQ(JsonObjectText().AddRaw("a", "[1,2]").str(), "{\"a\":[1,2]}");
  const std::string inner = JsonObjectText().Add("x", 1).str();
  EXPECT_EQ(JsonObjectText().Add("id", 3).AddRaw("in\"ner", inner).AddRaw("none", "null").str(),
            "{\"id\":3,\"in\\\"ner\":{\"x\":1},\"none\":null}");
}

TEST(JsonTextTest, BuildsArraysOfJsonText) {
  const auto number = [](int64_t id) { return std::to_string(id); };
  EXPECT_EQ(JsonArray(std::vector<int64_t>{}, number), "[]");
  EXPECT_EQ(JsonArray(std::vector<int64_t>{4}, number), "[4]");
  EXPECT_EQ(JsonArray(std::vector<int64_t>{4, -9, 4}, number), "[4,-9,4]");  // order kept
  const std::vector<std::string> names = {"A", "B\"c", ""};
  EXPECT_EQ(JsonArray(names, [](const std::string& n) { return JsonQuote(n); }),
            "[\"A\",\"B\\\"c\",\"\"]");
  EXPECT_EQ(JsonArray(names, [](const std::string& n) { return JsonObjectText().Add("n", n).str(); }),
            "[{\"n\":\"A\"},{\"n\":\"B\\\"c\"},{\"n\":\"\"}]");
}

TEST(JsonTextTest, EmptyObject) { EXPECT_EQ(JsonObjectText().str(), "{}"); }

TEST(JsonTextTest, EscapesKeys) {
  EXPECT_EQ(JsonObjectText().Add("a\"b", true).str(), "{\"a\\\"b\":true}");
}

}  // namespace
}  // namespace nq::json_text_test
