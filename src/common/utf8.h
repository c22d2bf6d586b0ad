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
// Input must be valid UTF-8; invalid bytes are dropped.
std::string FoldForSearch(std::string_view s);

// True when every space-separated word of the folded query occurs in the folded text.
bool MatchesSearch(std::string_view folded_text, std::string_view folded_query);

// Sort key giving Vietnamese dictionary order under plain byte comparison:
// a < ă < â < b < c < d < đ < e < ê < ... < o < ô < ơ < ... < u < ư < ...; letters first compared
// without tones, then tones in the order: none, huyền, hỏi, ngã, sắc, nặng. Case-insensitive.
std::string CollationKey(std::string_view s);

// Number of code points (for length limits on names).
size_t CodePointCount(std::string_view s);

// Trim ASCII whitespace at both ends.
std::string_view Trim(std::string_view s);

}  // namespace nq
