// libFuzzer target for evidence files (DESIGN.md: fuzz targets for every parser).
//
// Sniffs arbitrary bytes and checks them as evidence under each accepted extension: an accepted
// file must be what SniffEvidenceType says and what its name claims, and a file of the right
// content and size under a good name must be accepted. Then splits the input at the first
// newline into a file name and bytes, to check names: an accepted name is valid UTF-8 without
// '/' or '\\'. Errors must carry an "evidence." key and a UTF-8 message. Aborts on a violation;
// must never crash, hang or read outside the input (the ZIP central directory walk).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "domain/evidence.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "evidence invariant violated: %s\n", what);
  std::abort();
}

void CheckError(const nq::Status& s) {
  Check(!s.ok(), "error without status");
  Check(s.key().rfind("evidence.", 0) == 0, "error key outside evidence.*");
  Check(nq::IsValidUtf8(s.message()) && !s.message().empty(), "bad error message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::optional<nq::EvidenceType> sniffed = nq::SniffEvidenceType(input);
  if (sniffed) Check(nq::ParseEvidenceType(nq::EvidenceTypeCode(*sniffed)) == sniffed, "code");

  for (const char* name : {"minh-chung.pdf", "minh-chung.docx", "minh-chung.xlsx", "minh-chung.png",
                           "minh-chung.jpg"}) {
    const nq::Result<nq::EvidenceType> r = nq::CheckEvidence(name, input);
    const std::optional<nq::EvidenceType> claimed = nq::TypeFromFileName(name);
    Check(claimed.has_value(), "accepted extension not recognised");
    if (r.ok()) {
      Check(*r == sniffed && *r == claimed, "accepted a file that is not what it claims");
    } else {
      CheckError(r.status());
      Check(sniffed != claimed || input.empty() || input.size() > nq::kMaxEvidenceBytes,
            "refused a good file");
    }
  }

  const size_t newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const std::string_view name = input.substr(0, newline);
  const nq::Result<nq::EvidenceType> r = nq::CheckEvidence(name, input.substr(newline + 1));
  if (r.ok()) {
    Check(nq::IsValidUtf8(name), "accepted a name that is not UTF-8");
    Check(name.find_first_of("/\\") == std::string_view::npos, "accepted a path");
    Check(nq::TypeFromFileName(name) == *r, "accepted type differs from the name");
  } else {
    CheckError(r.status());
  }
  return 0;
}
