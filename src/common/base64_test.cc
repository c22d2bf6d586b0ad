#include "common/base64.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace nq::base64_test {
namespace {

// RFC 4648 section 10.
const std::vector<std::pair<std::string, std::string>> kRfcVectors = {
    {"", ""},
    {"f", "Zg=="},
    {"fo", "Zm8="},
    {"foo", "Zm9v"},
    {"foob", "Zm9vYg=="},
    {"fooba", "Zm9vYmE="},
    {"foobar", "Zm9vYmFy"},
};

std::string AllBytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s.push_back(static_cast<char>(i));
  return s;
}

TEST(Base64Test, EncodesRfcVectors) {
  for (const auto& [plain, encoded] : kRfcVectors) EXPECT_EQ(Base64Encode(plain), encoded) << plain;
}

TEST(Base64Test, DecodesRfcVectors) {
  for (const auto& [plain, encoded] : kRfcVectors) {
    EXPECT_EQ(Base64Decode(encoded), std::optional<std::string>(plain)) << encoded;
  }
}

TEST(Base64Test, EncodesEveryByteValue) {
  // Expected text from Python's base64.b64encode(bytes(range(256))).
  const std::string expected =
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQk"
      "NERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWG"
      "h4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIyc"
      "rLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==";
  EXPECT_EQ(Base64Encode(AllBytes()), expected);
  EXPECT_EQ(Base64Decode(expected), std::optional<std::string>(AllBytes()));
}

TEST(Base64Test, EncodesUtf8Text) {
  // Python: base64.b64encode("Kế hoạch năm 2024".encode()).
  EXPECT_EQ(Base64Encode("Kế hoạch năm 2024"), "S+G6vyBob+G6oWNoIG7Eg20gMjAyNA==");
  EXPECT_EQ(Base64Decode("S+G6vyBob+G6oWNoIG7Eg20gMjAyNA=="),
            std::optional<std::string>("Kế hoạch năm 2024"));
}

TEST(Base64Test, EveryByteAloneAndInEachPosition) {
  for (int b = 0; b < 256; ++b) {
    for (size_t len = 1; len <= 4; ++len) {
      for (size_t pos = 0; pos < len; ++pos) {
        std::string bytes(len, 'x');
        bytes[pos] = static_cast<char>(b);
        const std::string text = Base64Encode(bytes);
        EXPECT_EQ(text.size(), (len + 2) / 3 * 4);
        EXPECT_EQ(Base64Decode(text), std::optional<std::string>(bytes)) << b << " at " << pos;
      }
    }
  }
}

TEST(Base64Test, RandomRoundTrips) {
  std::mt19937 rng(20241127);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 300);
  for (int round = 0; round < 500; ++round) {
    std::string bytes(static_cast<size_t>(length(rng)), '\0');
    for (char& c : bytes) c = static_cast<char>(byte(rng));
    const std::string text = Base64Encode(bytes);
    ASSERT_EQ(text.size() % 4, 0u);
    EXPECT_EQ(text.find_first_of("\r\n "), std::string::npos);
    ASSERT_EQ(Base64Decode(text), std::optional<std::string>(bytes)) << "round " << round;
  }
}

TEST(Base64Test, EncodesWithoutLineBreaks) {
  const std::string text = Base64Encode(std::string(1000, 'a'));
  EXPECT_EQ(text.size(), 1336u);
  EXPECT_EQ(text.find('\n'), std::string::npos);
}

TEST(Base64Test, RejectsBadLength) {
  for (const char* text : {"Z", "Zg", "Zg=", "Zm9vY", "Zm9vYmFy=", "Zm9vYmFyZ"}) {
    EXPECT_EQ(Base64Decode(text), std::nullopt) << text;
  }
}

TEST(Base64Test, RejectsBadPadding) {
  for (const char* text :
       {"Z===", "====", "=Zg=", "Zg=a", "Z=g=", "Zm=v", "Zg==Zg==", "Zm8=Zm8=", "Zg==\n"}) {
    EXPECT_EQ(Base64Decode(text), std::nullopt) << text;
  }
}

TEST(Base64Test, RejectsCharactersOutsideTheAlphabet) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    std::string text = "Zm9v";
    text[1] = c;
    const bool in_alphabet = alphabet.find(c) != std::string::npos;
    EXPECT_EQ(Base64Decode(text).has_value(), in_alphabet) << "byte " << b;
  }
}

TEST(Base64Test, RejectsWhitespaceAndUrlSafeAlphabet) {
  for (const char* text : {"Zm9v YmFy", "Zm9v\nYmFy", "Zm9v\r\nYmFy", " Zm9vYmFy", "Zm9vYmFy\n",
                           "Zm9vYmF\t", "-_-_", "Zm9-"}) {
    EXPECT_EQ(Base64Decode(text), std::nullopt) << text;
  }
}

TEST(Base64Test, RejectsNonZeroPaddingBits) {
  // "f" is Zg==; Zh== sets a bit that padding must leave zero. Likewise "fo" is Zm8=, not Zm9=.
  EXPECT_EQ(Base64Decode("Zh=="), std::nullopt);
  EXPECT_EQ(Base64Decode("Zm9="), std::nullopt);
  EXPECT_EQ(Base64Decode("Zg=="), std::optional<std::string>("f"));
  EXPECT_EQ(Base64Decode("Zm8="), std::optional<std::string>("fo"));
}

}  // namespace
}  // namespace nq::base64_test
