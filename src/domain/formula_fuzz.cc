// libFuzzer target for the formula parser (DESIGN.md: fuzz targets for every parser).
//
// Parses arbitrary bytes; for a formula that parses, checks that it names its elements sorted
// and without repeats and evaluates it with EvaluatePlain over small made-up values (element
// values 0..4, categories "A" and "B"). Errors must carry a "formula." key and a UTF-8 message.
// Aborts on a violation; must never crash or hang.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "domain/formula.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "formula invariant violated: %s\n", what);
  std::abort();
}

void CheckError(const nq::Status& s) {
  Check(!s.ok(), "error without status");
  Check(s.key().rfind("formula.", 0) == 0, "error key outside formula.*");
  Check(nq::IsValidUtf8(s.message()) && !s.message().empty(), "bad error message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  nq::Result<nq::Formula> f = nq::Formula::Parse(input);
  if (!f.ok()) {
    CheckError(f.status());
    return 0;
  }
  Check(f->text() == input, "text not kept");
  const std::vector<std::string> codes = f->ElementCodes();
  Check(std::is_sorted(codes.begin(), codes.end()), "codes not sorted");
  Check(std::adjacent_find(codes.begin(), codes.end()) == codes.end(), "codes repeat");
  (void)f->UsesIndex();
  nq::Result<std::optional<double>> v = f->EvaluatePlain(
      [](std::string_view code) -> std::optional<double> {
        if (code.size() % 5 == 4) return std::nullopt;  // some values missing
        return static_cast<double>(code.size() % 5);
      },
      [](std::string_view, std::string_view text) -> std::optional<double> {
        if (text == "A") return 0.0;
        if (text == "B") return 1.0;
        return std::nullopt;
      });
  if (!v.ok()) CheckError(v.status());
  return 0;
}
