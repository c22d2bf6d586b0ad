#include "domain/formula_lexer.h"

#include <charconv>
#include <cmath>
#include <string>

#include "common/utf8.h"

namespace nq::formula_internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsNameChar(char c) { return IsNameStart(c) || IsAsciiDigit(c); }
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length in bytes of the UTF-8 sequence starting with lead byte c (1 for anything invalid).
size_t Utf8Length(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

// Position (1-based, code points) of the first byte that breaks UTF-8, 0 if the text is valid.
int FirstInvalidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return 0;
  int position = 1;
  for (size_t i = 0; i < text.size(); ++position) {
    const size_t len = Utf8Length(text[i]);
    if (IsContinuation(text[i]) || i + len > text.size() || !IsValidUtf8(text.substr(i, len))) {
      return position;
    }
    i += len;
  }
  return position;  // not reached: the whole text was invalid somewhere
}

// The character at text[i] as a printable quotation for a message.
std::string QuoteChar(std::string_view text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x20 || b == 0x7F) {
    static const char kHex[] = "0123456789ABCDEF";
    return std::string("mã 0x") + kHex[b >> 4] + kHex[b & 0xF];
  }
  return "'" + std::string(text.substr(i, Utf8Length(text[i]))) + "'";
}

}  // namespace

Status FormulaError(std::string key, int position, std::string_view what) {
  return Status::Invalid(std::move(key), "Lỗi công thức ở vị trí " + std::to_string(position) +
                                             ": " + std::string(what));
}

std::string Describe(const Token& t) {
  if (t.kind == Tok::kEnd) return "cuối công thức";
  constexpr size_t kMaxShown = 24;
  std::string shown = t.kind == Tok::kString ? "\"" + t.text + "\"" : t.text;
  if (CodePointCount(shown) > kMaxShown) {
    size_t bytes = 0;
    for (size_t cps = 0; bytes < shown.size() && cps < kMaxShown; ++cps) {
      bytes += Utf8Length(shown[bytes]);
    }
    shown = shown.substr(0, bytes) + "…";
  }
  return "'" + shown + "'";
}

Result<std::vector<Token>> Lex(std::string_view text) {
  if (const int bad = FirstInvalidUtf8(text); bad != 0) {
    return FormulaError("formula.syntax", bad, "văn bản không phải UTF-8 hợp lệ");
  }
  std::vector<Token> tokens;
  int position = 1;
  size_t i = 0;
  auto push = [&](Tok kind, size_t len) {
    tokens.push_back(Token{kind, position, std::string(text.substr(i, len)), 0});
    i += len;
    position += static_cast<int>(len);  // only ASCII tokens are pushed this way
  };
  while (i < text.size()) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      ++position;
    } else if (IsAsciiDigit(c)) {
      size_t end = i;
      while (end < text.size() && IsAsciiDigit(text[end])) ++end;
      if (end < text.size() && text[end] == '.') {
        ++end;
        if (end >= text.size() || !IsAsciiDigit(text[end])) {
          return FormulaError("formula.syntax", position + static_cast<int>(end - i),
                              "cần chữ số sau dấu '.' của số");
        }
        while (end < text.size() && IsAsciiDigit(text[end])) ++end;
      }
      double value = 0;
      const auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + end, value);
      if (ec != std::errc() || ptr != text.data() + end || !std::isfinite(value)) {
        return FormulaError("formula.syntax", position, "số quá lớn");
      }
      const int start = position;
      push(Tok::kNumber, end - i);
      tokens.back().number = value;
      tokens.back().position = start;
    } else if (IsNameStart(c)) {
      size_t end = i;
      while (end < text.size() && IsNameChar(text[end])) ++end;
      push(Tok::kName, end - i);
    } else if (c == '"') {
      const size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        return FormulaError("formula.syntax", position, "chuỗi chưa có dấu '\"' đóng");
      }
      const std::string_view inner = text.substr(i + 1, close - i - 1);
      tokens.push_back(Token{Tok::kString, position, std::string(inner), 0});
      position += static_cast<int>(CodePointCount(inner)) + 2;
      i = close + 1;
    } else if (c == '<' || c == '>' || c == '=' || c == '!') {
      if (next == '=') {
        push(c == '<' ? Tok::kLe : c == '>' ? Tok::kGe : c == '=' ? Tok::kEq : Tok::kNe, 2);
      } else if (c == '<' || c == '>') {
        push(c == '<' ? Tok::kLt : Tok::kGt, 1);
      } else if (c == '=') {
        return FormulaError("formula.syntax", position, "so sánh bằng viết là '=='");
      } else {
        return FormulaError("formula.syntax", position,
                            "phủ định viết là 'not', khác nhau viết là '!='");
      }
    } else if (c == '(' || c == ')' || c == ',' || c == '+' || c == '-' || c == '*' || c == '/') {
      push(c == '(' ? Tok::kLParen : c == ')' ? Tok::kRParen : c == ',' ? Tok::kComma
           : c == '+' ? Tok::kPlus : c == '-' ? Tok::kMinus : c == '*' ? Tok::kStar
                                                                       : Tok::kSlash,
           1);
    } else {
      return FormulaError("formula.syntax", position,
                          "ký tự không hợp lệ " + QuoteChar(text, i));
    }
  }
  tokens.push_back(Token{Tok::kEnd, position, "", 0});
  return tokens;
}

}  // namespace nq::formula_internal
