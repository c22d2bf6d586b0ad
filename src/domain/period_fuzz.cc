// libFuzzer target for the period parser (DESIGN.md: fuzz targets for every parser).
//
// For every input that parses, checks the invariants the rest of the program relies on and
// aborts on a violation: ToString round-trips to an equal period, start <= end, the period
// contains its own days, Containing finds it again from its start, Next/Prev are inverse, and
// labels and error messages are valid UTF-8. Ranges get the same treatment.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "domain/period.h"

namespace {

void Check(bool ok, const char* what, std::string_view input) {
  if (ok) return;
  std::fprintf(stderr, "period invariant violated: %s, input '%.*s'\n", what,
               static_cast<int>(input.size()), input.data());
  std::abort();
}

void CheckPeriod(const nq::Period& p, std::string_view input) {
  const std::string id = p.ToString();
  nq::Result<nq::Period> again = nq::Period::Parse(id);
  Check(again.ok(), "canonical id does not parse", input);
  Check(*again == p, "round trip changes the period", input);
  Check(again->ToString() == id, "canonical id is not stable", input);
  Check(p.start() <= p.end(), "start after end", input);
  Check(nq::IsValid(p.start()) && nq::IsValid(p.end()), "invalid date", input);
  Check(p.Contains(p.start()) && p.Contains(p.end()), "does not contain its days", input);
  Check(p.DayCount() >= 1 && p.DayCount() <= 366, "day count out of range", input);
  Check(nq::Period::Containing(p.type(), p.start()) == p, "Containing(start) differs", input);
  Check(nq::Period::Containing(p.type(), p.end()) == p, "Containing(end) differs", input);
  if (auto next = p.Next()) {
    Check(p < *next && next->Prev() == p, "Next/Prev are not inverse", input);
    Check(nq::DaysFromCivil(next->start()) == nq::DaysFromCivil(p.end()) + 1,
          "gap or overlap after Next", input);
  }
  if (auto prev = p.Prev()) Check(*prev < p && prev->Next() == p, "Prev/Next", input);
  const std::string label = p.Label();
  Check(!label.empty() && nq::IsValidUtf8(label), "bad label", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  nq::Result<nq::Period> p = nq::Period::Parse(input);
  if (p.ok()) {
    CheckPeriod(*p, input);
  } else {
    Check(p.status().key() == "period.invalid", "unexpected error key", input);
    Check(nq::IsValidUtf8(p.status().message()), "error message is not UTF-8", input);
  }

  nq::Result<nq::PeriodRange> r = nq::PeriodRange::Parse(input);
  if (r.ok()) {
    Check(r->first() <= r->last() && r->size() >= 1, "range out of order", input);
    nq::Result<nq::PeriodRange> again = nq::PeriodRange::Parse(r->ToString());
    Check(again.ok() && *again == *r, "range round trip", input);
    // Walk at most a few periods from each end: the range may hold millions of days.
    int steps = 0;
    for (const nq::Period& q : *r) {
      Check(r->Contains(q), "range iterates outside itself", input);
      if (++steps == 8) break;
    }
    Check(steps == static_cast<int>(std::min<int64_t>(r->size(), 8)), "range size", input);
  } else {
    Check(nq::IsValidUtf8(r.status().message()), "range error message is not UTF-8", input);
  }
  return 0;
}
