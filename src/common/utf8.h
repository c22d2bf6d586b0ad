// UTF-8 helpers for Vietnamese text: validation, search folding and collation.
//
// Vietnamese letters with diacritics are precomposed (NFC) in normal input; these helpers also
// accept decomposed input (base letter + combining marks, as some Windows and macOS tools emit),
// so "Đảng" typed either way searches and sorts the same. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace nq {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Folding for search: lower case, tone marks and vowel marks removed, đ/Đ -> d, runs of
// whitespace collapsed to one space, trimmed. "Đảng bộ Sở Tài chính" -> "dang bo so tai chinh".
// Every Vietnamese letter is folded whether precomposed or decomposed (combining marks
// U+0300..U+036F are dropped); the eth Ð/ð that legacy fonts used for Đ folds to d, and common
// Western letters (ç, ñ, ü, ...) to their base letter. Other characters are kept as they are;
// zero-width characters and the byte-order mark are dropped.
// Input must be valid UTF-8; invalid bytes are dropped, so the result is always valid UTF-8.
std::string FoldForSearch(std::string_view s);

// True when every space-separated word of the folded query occurs in the folded text.
bool MatchesSearch(std::string_view folded_text, std::string_view folded_query);

// Sort key giving Vietnamese dictionary order under plain byte comparison:
// a < ă < â < b < c < d < đ < e < ê < ... < o < ô < ơ < ... < u < ư < ...; letters first compared
// without tones, then tones in the order: none, huyền, hỏi, ngã, sắc, nặng. Case-insensitive.
// Whitespace is collapsed and trimmed as in FoldForSearch and sorts before punctuation, which
// sorts before digits, which sort before letters; a run of digits compares as a number
// ("Chi bộ 2" < "Chi bộ 10"). Precomposed and decomposed input give the same key.
// The key is printable ASCII, so it can be stored in a text column and ordered with a binary
// ("C") collation on SQLite and PostgreSQL alike.
std::string CollationKey(std::string_view s);

// Number of code points (for length limits on names); on invalid UTF-8, the number of bytes
// that are not continuation bytes.
size_t CodePointCount(std::string_view s);

// Trim ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

// ASCII-only case folding, for protocol tokens and file extensions (header names, "PDF"):
// other bytes are left as they are.
// Capitals of Vietnamese text, for the headings of party documents ("Đảng ủy Khối" ->
// "ĐẢNG ỦY KHỐI"): ASCII letters, Latin-1 and Latin Extended-A letters with their capitals
// (ă, đ, ĩ, ũ, ...), ơ and ư, and every letter of Latin Extended Additional (ạ..ỹ). Other code
// points, and malformed bytes, are copied as they are.
std::string UpperVi(std::string_view s);

char AsciiLower(char c);
std::string AsciiLowerCopy(std::string_view s);
bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b);

}  // namespace nq
