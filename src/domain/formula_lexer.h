// Tokens of the formula language (domain/formula.h), for the parser only.
//
// Lex splits a formula into tokens, each with its 1-based position in code points; the list
// always ends with a kEnd token placed one past the last character. It rejects invalid UTF-8,
// characters outside the language, unterminated strings and malformed or overflowing numbers
// with Invalid "formula.syntax" and a Vietnamese message giving the position. The helpers
// below build the messages every formula error uses, so they read alike.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace nq::formula_internal {

enum class Tok {
  kEnd, kNumber, kString, kName, kLParen, kRParen, kComma,
  kPlus, kMinus, kStar, kSlash, kLt, kLe, kGt, kGe, kEq, kNe,
};

struct Token {
  Tok kind = Tok::kEnd;
  int position = 0;   // 1-based, in code points
  std::string text;   // the token as written; for kString the text between the quotes
  double number = 0;  // kNumber
};

Result<std::vector<Token>> Lex(std::string_view text);

// "Lỗi công thức ở vị trí <position>: <what>", Invalid with `key`.
Status FormulaError(std::string key, int position, std::string_view what);
// How a token is named in a message: 'x' (shortened when long), or "cuối công thức" for kEnd.
std::string Describe(const Token& t);

}  // namespace nq::formula_internal
