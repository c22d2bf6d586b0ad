#include "common/utf8.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace nq {
namespace {

// UTF-8 of the combining marks, to build decomposed (NFD) input by hand.
constexpr const char* kGrave = "\xCC\x80";       // U+0300 huyền
constexpr const char* kAcute = "\xCC\x81";       // U+0301 sắc
constexpr const char* kCircumflex = "\xCC\x82";  // U+0302
constexpr const char* kTilde = "\xCC\x83";       // U+0303 ngã
constexpr const char* kBreve = "\xCC\x86";       // U+0306
constexpr const char* kHook = "\xCC\x89";        // U+0309 hỏi
constexpr const char* kHorn = "\xCC\x9B";        // U+031B
constexpr const char* kDotBelow = "\xCC\xA3";    // U+0323 nặng

std::vector<std::string> SortVi(std::vector<std::string> v) {
  std::stable_sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return CollationKey(a) < CollationKey(b);
  });
  return v;
}

TEST(Utf8Test, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Đảng bộ Sở Tài chính"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));      // U+1F600
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF
  EXPECT_TRUE(IsValidUtf8("\xEF\xBB\xBF" "abc"));    // BOM
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));             // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));         // overlong
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));     // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));         // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));     // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE1\xBA"));             // truncated
  EXPECT_FALSE(IsValidUtf8("ab\x80"));               // lone continuation byte
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8(std::string("a\xC3", 2)));
}

TEST(Utf8Test, FoldsTheIssueExample) {
  EXPECT_EQ(FoldForSearch("Đảng bộ Sở Tài chính"), "dang bo so tai chinh");
  EXPECT_EQ(FoldForSearch("ĐẢNG BỘ KHỐI CƠ QUAN - DOANH NGHIỆP"),
            "dang bo khoi co quan - doanh nghiep");
  EXPECT_EQ(FoldForSearch("Ủy ban Kiểm tra"), "uy ban kiem tra");
  EXPECT_EQ(FoldForSearch("Người lao động"), "nguoi lao dong");
}

TEST(Utf8Test, FoldCollapsesAndTrimsWhitespace) {
  EXPECT_EQ(FoldForSearch("  Chi   bộ\t\nsố 1  "), "chi bo so 1");
  EXPECT_EQ(FoldForSearch("Chi\xC2\xA0" "bộ"), "chi bo");  // no-break space
  EXPECT_EQ(FoldForSearch("   "), "");
  EXPECT_EQ(FoldForSearch(""), "");
}

TEST(Utf8Test, FoldsEveryPrecomposedVowel) {
  const std::vector<std::pair<std::string, char>> rows = {
      {"aàảãáạăằẳẵắặâầẩẫấậAÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬ", 'a'},
      {"eèẻẽéẹêềểễếệEÈẺẼÉẸÊỀỂỄẾỆ", 'e'},
      {"iìỉĩíịIÌỈĨÍỊ", 'i'},
      {"oòỏõóọôồổỗốộơờởỡớợOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢ", 'o'},
      {"uùủũúụưừửữứựUÙỦŨÚỤƯỪỬỮỨỰ", 'u'},
      {"yỳỷỹýỵYỲỶỸÝỴ", 'y'},
      {"đĐ", 'd'},
  };
  for (const auto& [letters, base] : rows) {
    const size_t n = CodePointCount(letters);
    EXPECT_EQ(FoldForSearch(letters), std::string(n, base)) << letters;
  }
}

TEST(Utf8Test, FoldsDecomposedInput) {
  // "Đảng bộ" with the marks as separate code points, ộ in canonical (NFD) order and reversed.
  const std::string nfd = std::string("Đa") + kHook + "ng bo" + kDotBelow + kCircumflex;
  const std::string reversed = std::string("Đa") + kHook + "ng bo" + kCircumflex + kDotBelow;
  EXPECT_EQ(FoldForSearch(nfd), "dang bo");
  EXPECT_EQ(FoldForSearch(reversed), "dang bo");
  EXPECT_EQ(CollationKey(nfd), CollationKey("Đảng bộ"));
  EXPECT_EQ(CollationKey(reversed), CollationKey("Đảng bộ"));
  // A mark at the start or after a space has no letter to attach to and is dropped.
  EXPECT_EQ(FoldForSearch(std::string(kAcute) + "a " + kGrave + "b"), "a b");
}

TEST(Utf8Test, DecomposedAndPrecomposedCollateTheSame) {
  const char* tones[] = {"", kGrave, kHook, kTilde, kAcute, kDotBelow};
  const std::vector<std::pair<std::string, std::vector<std::string>>> vowels = {
      {"a", {"aàảãáạ", ""}}, {"a", {"ăằẳẵắặ", kBreve}},     {"a", {"âầẩẫấậ", kCircumflex}},
      {"e", {"eèẻẽéẹ", ""}}, {"e", {"êềểễếệ", kCircumflex}}, {"i", {"iìỉĩíị", ""}},
      {"o", {"oòỏõóọ", ""}}, {"o", {"ôồổỗốộ", kCircumflex}}, {"o", {"ơờởỡớợ", kHorn}},
      {"u", {"uùủũúụ", ""}}, {"u", {"ưừửữứự", kHorn}},       {"y", {"yỳỷỹýỵ", ""}},
      {"A", {"AÀẢÃÁẠ", ""}}, {"A", {"ĂẰẲẴẮẶ", kBreve}},     {"O", {"ƠỜỞỠỚỢ", kHorn}},
      {"U", {"ƯỪỬỮỨỰ", kHorn}},
  };
  for (const auto& [base, spec] : vowels) {
    const std::string& forms = spec[0];
    const std::string& vowel_mark = spec[1];
    // Split the precomposed row into its six letters (each 2 or 3 bytes in UTF-8).
    std::vector<std::string> letters;
    for (size_t i = 0; i < forms.size();) {
      size_t len = 1;
      const auto b = static_cast<unsigned char>(forms[i]);
      if (b >= 0xE0) len = 3;
      else if (b >= 0xC0) len = 2;
      letters.push_back(forms.substr(i, len));
      i += len;
    }
    ASSERT_EQ(letters.size(), 6u) << forms;
    for (int t = 0; t < 6; ++t) {
      const std::string decomposed = base + vowel_mark + tones[t];
      EXPECT_EQ(CollationKey(decomposed), CollationKey(letters[t])) << letters[t];
      EXPECT_EQ(FoldForSearch(decomposed), FoldForSearch(letters[t])) << letters[t];
    }
  }
}

TEST(Utf8Test, FoldsLegacyEthAndWesternLetters) {
  EXPECT_EQ(FoldForSearch("Ðảng"), "dang");  // U+00D0, as legacy fonts typed Đ
  EXPECT_EQ(CollationKey("Ðảng"), CollationKey("Đảng"));
  EXPECT_EQ(FoldForSearch("Façade Ñandú Über"), "facade nandu uber");
}

TEST(Utf8Test, FoldKeepsOtherCharactersAndDropsInvalidBytes) {
  EXPECT_EQ(FoldForSearch("Số 1/2023 (mới)"), "so 1/2023 (moi)");
  EXPECT_EQ(FoldForSearch("a\xFF" "b\xC3"), "ab");
  EXPECT_EQ(FoldForSearch("\xEF\xBB\xBF" "Chi\xE2\x80\x8B" "bộ"), "chibo");  // BOM, ZWSP
  EXPECT_EQ(FoldForSearch("日本"), "日本");
  EXPECT_TRUE(IsValidUtf8(FoldForSearch("x\xED\xA0\x80y\xF4\x90\x80\x80z")));
}

TEST(Utf8Test, MatchesEveryQueryWordAnywhere) {
  const std::string text = FoldForSearch("Đảng bộ Sở Tài chính");
  EXPECT_TRUE(MatchesSearch(text, FoldForSearch("dang bo so tai chinh")));
  EXPECT_TRUE(MatchesSearch(text, FoldForSearch("Tài chính")));
  EXPECT_TRUE(MatchesSearch(text, FoldForSearch("chinh  dang")));
  EXPECT_TRUE(MatchesSearch(text, "tai chi"));
  EXPECT_TRUE(MatchesSearch(text, ""));
  EXPECT_FALSE(MatchesSearch(text, "xay dung"));
  EXPECT_FALSE(MatchesSearch(text, "tai xay"));
}

TEST(Utf8Test, SortsInVietnameseOrder) {
  EXPECT_EQ(SortVi({"Đảng bộ", "Dân vận", "Chi bộ", "Ủy ban", "Uông"}),
            (std::vector<std::string>{"Chi bộ", "Dân vận", "Đảng bộ", "Uông", "Ủy ban"}));
  EXPECT_EQ(SortVi({"Ưu tú", "Uy tín", "Vận động", "Úc"}),
            (std::vector<std::string>{"Úc", "Uy tín", "Ưu tú", "Vận động"}));
  EXPECT_EQ(SortVi({"ân", "bắc", "ăn", "an"}),
            (std::vector<std::string>{"an", "ăn", "ân", "bắc"}));
  EXPECT_EQ(SortVi({"ơn", "on", "ôn", "pha"}),
            (std::vector<std::string>{"on", "ôn", "ơn", "pha"}));
  EXPECT_EQ(SortVi({"em", "êm", "đen", "dê", "gà", "fax"}),
            (std::vector<std::string>{"dê", "đen", "em", "êm", "fax", "gà"}));
}

TEST(Utf8Test, TonesAreASecondaryKey) {
  EXPECT_EQ(SortVi({"mạ", "má", "mã", "mả", "mà", "ma"}),
            (std::vector<std::string>{"ma", "mà", "mả", "mã", "má", "mạ"}));
  // Letters decide first: "mạ" before "mac" although its tone is the last.
  EXPECT_LT(CollationKey("mạ"), CollationKey("mac"));
  EXPECT_LT(CollationKey("mác"), CollationKey("mạc"));
}

TEST(Utf8Test, CollationIsCaseInsensitive) {
  EXPECT_EQ(CollationKey("ĐẢNG BỘ"), CollationKey("đảng bộ"));
  EXPECT_EQ(CollationKey("Chi Bộ"), CollationKey("chi bộ"));
  EXPECT_NE(CollationKey("Chi bộ"), CollationKey("Chi bổ"));
}

TEST(Utf8Test, NumbersCompareByValue) {
  EXPECT_EQ(SortVi({"Chi bộ 10", "Chi bộ 2", "Chi bộ 1", "Chi bộ 02a"}),
            (std::vector<std::string>{"Chi bộ 1", "Chi bộ 2", "Chi bộ 02a", "Chi bộ 10"}));
  EXPECT_LT(CollationKey("Tổ 9"), CollationKey("Tổ 10"));
  EXPECT_LT(CollationKey("1"), CollationKey("a"));
  EXPECT_LT(CollationKey("x 12345678901234567890"), CollationKey("x 12345678901234567891"));
}

TEST(Utf8Test, ShorterPrefixAndSpacesSortFirst) {
  EXPECT_LT(CollationKey("Chi"), CollationKey("Chi bộ"));
  EXPECT_LT(CollationKey("Chi bộ"), CollationKey("Chibộ"));
  EXPECT_LT(CollationKey("a-b"), CollationKey("a1"));
  EXPECT_EQ(CollationKey("  Chi   bộ "), CollationKey("Chi bộ"));
}

TEST(Utf8Test, CollationKeyIsPrintableAscii) {
  for (const char* s : {"Đảng bộ Sở Tài chính", "日本 \x01\x7F", "Số 0001/2023", ""}) {
    for (char c : CollationKey(s)) {
      EXPECT_GE(c, 0x20) << s;
      EXPECT_LE(c, 0x7E) << s;
    }
  }
}

TEST(Utf8Test, CountsCodePointsAndTrims) {
  EXPECT_EQ(CodePointCount("Đảng"), 4u);
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("\xF0\x9F\x98\x80"), 1u);
  EXPECT_EQ(Trim("  a b \t\n"), "a b");
  EXPECT_EQ(Trim(" \r\n"), "");
  EXPECT_EQ(Trim("x"), "x");
}

TEST(Utf8Test, AsciiCaseFolding) {
  EXPECT_EQ(AsciiLowerCopy("Content-TYPE: Ảnh.PDF"), "content-type: Ảnh.pdf");
  EXPECT_TRUE(EqualsIgnoreCaseAscii("Multipart/Form-Data", "multipart/form-data"));
  EXPECT_FALSE(EqualsIgnoreCaseAscii("abc", "abcd"));
  EXPECT_FALSE(EqualsIgnoreCaseAscii("Ả", "ả"));  // only ASCII folds
}

}  // namespace
}  // namespace nq

namespace nq {
namespace {

TEST(UpperViTest, CapitalizesVietnameseLetters) {
  EXPECT_EQ(UpperVi("Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre"),
            "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH BẾN TRE");
  EXPECT_EQ(UpperVi("ăâđêôơư ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ ýàèìòù ĩũ"),
            "ĂÂĐÊÔƠƯ ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ ÝÀÈÌÒÙ ĨŨ");
  EXPECT_EQ(UpperVi("ĐÃ VIẾT HOA 123, ÷ € ž ł"), "ĐÃ VIẾT HOA 123, ÷ € Ž Ł");
  EXPECT_EQ(UpperVi(std::string("a\xff" "b", 3)), std::string("A\xff" "B", 3));
  EXPECT_EQ(UpperVi(""), "");
}

}  // namespace
}  // namespace nq
