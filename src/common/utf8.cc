#include "common/utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace nq {
namespace {

// ---- decoding ----

// Decodes the code point at s[*i] and advances *i. On a malformed sequence returns false and
// advances by one byte, so that callers can drop the byte and resynchronise.
bool DecodeNext(std::string_view s, size_t* i, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    *cp = b0;
    ++*i;
    return true;
  }
  size_t len = 0;
  char32_t min = 0;
  char32_t v = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, min = 0x80, v = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, min = 0x800, v = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, min = 0x10000, v = b0 & 0x07;
  } else {
    ++*i;
    return false;
  }
  if (*i + len > s.size()) {
    ++*i;
    return false;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[*i + k]);
    if ((b & 0xC0) != 0x80) {
      ++*i;
      return false;
    }
    v = (v << 6) | (b & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    ++*i;
    return false;
  }
  *cp = v;
  *i += len;
  return true;
}

void Encode(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// ---- the Vietnamese alphabet ----

// Letters in dictionary order, with the foreign letters f, j, w, z in their Latin places:
// a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z.
enum Letter : uint8_t {
  kA, kAw, kAa, kB, kC, kD, kDd, kE, kEe, kF, kG, kH, kI, kJ, kK, kL, kM, kN,
  kO, kOo, kOw, kP, kQ, kR, kS, kT, kU, kUw, kV, kW, kX, kY, kZ, kLetterCount
};
// ASCII letter each one folds to for search.
constexpr char kFoldBase[kLetterCount + 1] = "aaabcddeefghijklmnooopqrstuuvwxyz";
static_assert(sizeof(kFoldBase) == kLetterCount + 1);
// Letter of each ASCII letter a..z.
constexpr Letter kAsciiLetter[26] = {kA, kB, kC, kD, kE, kF, kG, kH, kI, kJ, kK, kL, kM,
                                     kN, kO, kP, kQ, kR, kS, kT, kU, kV, kW, kX, kY, kZ};

// Tones in the collation order: none, huyền, hỏi, ngã, sắc, nặng.
enum Tone : uint8_t { kNoTone, kHuyen, kHoi, kNga, kSac, kNang };

struct LetterInfo {
  Letter letter;
  Tone tone;
};

// Every precomposed vowel, one row per vowel and case, the tones in Tone order. Generated from
// Unicode NFC compositions (Latin-1 Supplement, Latin Extended-A/B and Additional).
struct VowelRow {
  Letter letter;
  const char* forms;
};
constexpr VowelRow kVowelRows[] = {
    {kA, "aàảãáạ"},  {kAw, "ăằẳẵắặ"}, {kAa, "âầẩẫấậ"}, {kE, "eèẻẽéẹ"}, {kEe, "êềểễếệ"},
    {kI, "iìỉĩíị"},  {kO, "oòỏõóọ"},  {kOo, "ôồổỗốộ"}, {kOw, "ơờởỡớợ"}, {kU, "uùủũúụ"},
    {kUw, "ưừửữứự"}, {kY, "yỳỷỹýỵ"},  {kA, "AÀẢÃÁẠ"},  {kAw, "ĂẰẲẴẮẶ"}, {kAa, "ÂẦẨẪẤẬ"},
    {kE, "EÈẺẼÉẸ"},  {kEe, "ÊỀỂỄẾỆ"}, {kI, "IÌỈĨÍỊ"},  {kO, "OÒỎÕÓỌ"},  {kOo, "ÔỒỔỖỐỘ"},
    {kOw, "ƠỜỞỠỚỢ"}, {kU, "UÙỦŨÚỤ"},  {kUw, "ƯỪỬỮỨỰ"}, {kY, "YỲỶỸÝỴ"},
};

// Non-ASCII letters outside the vowel rows: đ/Đ, the Icelandic eth that legacy Vietnamese
// fonts put in place of Đ, and common Western letters, folded to their base letter.
constexpr std::pair<char32_t, Letter> kOtherLetters[] = {
    {0x0110, kDd}, {0x0111, kDd}, {0x00D0, kDd}, {0x00F0, kDd},  // Đ đ Ð ð
    {0x00C4, kA},  {0x00E4, kA},  {0x00C5, kA},  {0x00E5, kA},   // Ä ä Å å
    {0x00C7, kC},  {0x00E7, kC},  {0x00CB, kE},  {0x00EB, kE},   // Ç ç Ë ë
    {0x00CE, kI},  {0x00EE, kI},  {0x00CF, kI},  {0x00EF, kI},   // Î î Ï ï
    {0x00D1, kN},  {0x00F1, kN},  {0x00D6, kO},  {0x00F6, kO},   // Ñ ñ Ö ö
    {0x00D8, kO},  {0x00F8, kO},  {0x00DB, kU},  {0x00FB, kU},   // Ø ø Û û
    {0x00DC, kU},  {0x00FC, kU},  {0x0178, kY},  {0x00FF, kY},   // Ü ü Ÿ ÿ
};

using LetterTable = std::vector<std::pair<char32_t, LetterInfo>>;

const LetterTable& NonAsciiLetters() {
  static const LetterTable table = [] {
    LetterTable t;
    for (const VowelRow& row : kVowelRows) {
      std::string_view forms(row.forms);
      size_t i = 0;
      for (uint8_t tone = kNoTone; tone <= kNang; ++tone) {
        char32_t cp = 0;
        DecodeNext(forms, &i, &cp);
        if (cp >= 0x80) t.push_back({cp, LetterInfo{row.letter, static_cast<Tone>(tone)}});
      }
    }
    for (const auto& [cp, letter] : kOtherLetters) t.push_back({cp, LetterInfo{letter, kNoTone}});
    std::sort(t.begin(), t.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return t;
  }();
  return table;
}

bool LookupLetter(char32_t cp, LetterInfo* out) {
  if (cp < 0x80) {
    const char32_t lower = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (lower < 'a' || lower > 'z') return false;
    *out = LetterInfo{kAsciiLetter[lower - 'a'], kNoTone};
    return true;
  }
  const LetterTable& t = NonAsciiLetters();
  auto it = std::lower_bound(t.begin(), t.end(), cp,
                             [](const auto& e, char32_t c) { return e.first < c; });
  if (it == t.end() || it->first != cp) return false;
  *out = it->second;
  return true;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Zero-width characters and the byte-order mark: dropped everywhere.
bool IsInvisible(char32_t cp) { return (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF; }

bool IsCombining(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

// A unit of text after normalisation: a letter with its tone, a run of whitespace, or any
// other code point.
struct Unit {
  enum Kind : uint8_t { kLetter, kSpace, kOther } kind;
  LetterInfo info;
  char32_t cp;
};

// Applies a combining mark to the letter before it (decomposed input). Marks that Vietnamese
// does not use, or that follow no letter, are dropped.
void ApplyMark(char32_t mark, Unit* u) {
  if (u == nullptr || u->kind != Unit::kLetter) return;
  Letter& l = u->info.letter;
  switch (mark) {
    case 0x0300: case 0x0340: u->info.tone = kHuyen; break;
    case 0x0309: u->info.tone = kHoi; break;
    case 0x0303: u->info.tone = kNga; break;
    case 0x0301: case 0x0341: u->info.tone = kSac; break;
    case 0x0323: u->info.tone = kNang; break;
    case 0x0302:  // circumflex
      if (l == kA) l = kAa;
      else if (l == kE) l = kEe;
      else if (l == kO) l = kOo;
      break;
    case 0x0306:  // breve
      if (l == kA) l = kAw;
      break;
    case 0x031B:  // horn
      if (l == kO) l = kOw;
      else if (l == kU) l = kUw;
      break;
    default: break;
  }
}

// Splits s into units: whitespace runs collapsed and trimmed, combining marks merged into
// their letter, invalid bytes and invisible characters dropped.
std::vector<Unit> Normalize(std::string_view s) {
  std::vector<Unit> units;
  units.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = 0;
    if (!DecodeNext(s, &i, &cp) || IsInvisible(cp)) continue;
    if (IsCombining(cp)) {
      ApplyMark(cp, units.empty() ? nullptr : &units.back());
      continue;
    }
    if (IsSpace(cp)) {
      if (!units.empty() && units.back().kind != Unit::kSpace) {
        units.push_back(Unit{Unit::kSpace, {}, ' '});
      }
      continue;
    }
    LetterInfo info{};
    if (LookupLetter(cp, &info)) {
      units.push_back(Unit{Unit::kLetter, info, cp});
    } else {
      units.push_back(Unit{Unit::kOther, {}, cp});
    }
  }
  if (!units.empty() && units.back().kind == Unit::kSpace) units.pop_back();
  return units;
}

char HexDigit(unsigned v) { return "0123456789ABCDEF"[v & 0xF]; }

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    if (!DecodeNext(s, &i, &cp)) return false;
  }
  return true;
}

std::string FoldForSearch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const Unit& u : Normalize(s)) {
    switch (u.kind) {
      case Unit::kLetter: out.push_back(kFoldBase[u.info.letter]); break;
      case Unit::kSpace: out.push_back(' '); break;
      case Unit::kOther: Encode(u.cp, &out); break;
    }
  }
  return out;
}

bool MatchesSearch(std::string_view folded_text, std::string_view folded_query) {
  size_t pos = 0;
  while (pos < folded_query.size()) {
    size_t end = folded_query.find(' ', pos);
    if (end == std::string_view::npos) end = folded_query.size();
    const std::string_view word = folded_query.substr(pos, end - pos);
    if (!word.empty() && folded_text.find(word) == std::string_view::npos) return false;
    pos = end + 1;
  }
  return true;
}

// The key is printable ASCII, so it may be stored in a text column and compared with a binary
// ("C") collation. Layout: primary units, '!', one tone digit per letter. Primary units, each
// starting with a byte that fixes its length so that the encoding is prefix-free:
//   '"'                       whitespace
//   '#' + 2 hex digits        ASCII punctuation and controls, by byte value
//   '0'+n + n digits          a number of n <= 15 digits without leading zeros, so that
//                             "Chi bộ 2" sorts before "Chi bộ 10"
//   'A' + letter              a letter of the Vietnamese alphabet (0x41..0x61)
//   '~' + 6 hex digits        any other code point, by value
std::string CollationKey(std::string_view s) {
  const std::vector<Unit> units = Normalize(s);
  std::string primary;
  std::string tones;
  primary.reserve(units.size() + 8);
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (u.kind == Unit::kLetter) {
      primary.push_back(static_cast<char>('A' + u.info.letter));
      tones.push_back(static_cast<char>('0' + u.info.tone));
    } else if (u.kind == Unit::kSpace) {
      primary.push_back('"');
    } else if (u.cp >= '0' && u.cp <= '9') {
      size_t j = i;
      while (j < units.size() && units[j].kind == Unit::kOther && units[j].cp >= '0' &&
             units[j].cp <= '9') {
        ++j;
      }
      size_t first = i;
      while (first + 1 < j && units[first].cp == '0') ++first;  // drop leading zeros
      // A number longer than 15 digits is cut into chunks of 15; order stays numeric for any
      // realistic name.
      while (first < j) {
        const size_t n = std::min<size_t>(15, j - first);
        primary.push_back(static_cast<char>('0' + n));
        for (size_t k = first; k < first + n; ++k) primary.push_back(static_cast<char>(units[k].cp));
        first += n;
      }
      i = j - 1;
    } else if (u.cp < 0x80) {
      primary.push_back('#');
      primary.push_back(HexDigit(u.cp >> 4));
      primary.push_back(HexDigit(u.cp));
    } else {
      primary.push_back('~');
      for (int shift = 20; shift >= 0; shift -= 4) primary.push_back(HexDigit(u.cp >> shift));
    }
  }
  primary.push_back('!');
  primary += tones;
  return primary;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string_view Trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\r\f\v";
  const size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

namespace {

char32_t UpperOf(char32_t c) {
  if (c >= U'a' && c <= U'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  // Latin Extended-A: pairs capital/small, but 0x139..0x148 and 0x179..0x17E start on odd.
  const bool odd_pairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    return odd_pairs ? ((c % 2 == 0) ? c - 1 : c) : (c & ~char32_t{1});
  }
  if (c == 0x1A1 || c == 0x1B0) return c - 1;  // ơ, ư
  if (c >= 0x1EA0 && c <= 0x1EF9) return c & ~char32_t{1};
  return c;
}

}  // namespace

std::string UpperVi(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    char32_t cp = 0;
    if (!DecodeNext(s, &i, &cp)) {
      if (i == start) ++i;
      out.append(s.substr(start, i - start));
      continue;
    }
    Encode(UpperOf(cp), &out);
  }
  return out;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool EqualsIgnoreCaseAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

}  // namespace nq
