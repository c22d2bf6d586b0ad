// libFuzzer target for the UTF-8 helpers and JsonQuote, which see every name a user types.
//
// Checks, aborting on a violation: folding gives valid UTF-8 and is idempotent; the collation
// key is printable ASCII and ignores ASCII case; JsonQuote gives valid UTF-8 inside quotes;
// Trim gives a sub-range without surrounding whitespace.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/json_text.h"
#include "common/utf8.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "utf8 invariant violated: %s\n", what);
  std::abort();
}

bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const std::string folded = nq::FoldForSearch(input);
  Check(nq::IsValidUtf8(folded), "folded text is not UTF-8");
  Check(nq::FoldForSearch(folded) == folded, "folding is not idempotent");
  Check(nq::MatchesSearch(folded, folded), "text does not match itself");

  const std::string key = nq::CollationKey(input);
  for (char c : key) Check(c >= 0x20 && c <= 0x7E, "collation key is not printable ASCII");
  std::string upper(input);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  Check(nq::CollationKey(upper) == key, "collation key depends on ASCII case");

  const std::string quoted = nq::JsonQuote(input);
  Check(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"', "quotes");
  Check(nq::IsValidUtf8(quoted), "JsonQuote output is not UTF-8");

  const std::string_view trimmed = nq::Trim(input);
  Check(trimmed.size() <= input.size(), "trim grew");
  if (!trimmed.empty()) {
    Check(!IsAsciiSpace(trimmed.front()) && !IsAsciiSpace(trimmed.back()), "trim left space");
  }
  return 0;
}
