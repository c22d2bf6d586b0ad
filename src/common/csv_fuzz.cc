// libFuzzer target for the CSV reader: it must never crash, and every record it accepts must
// survive a write-then-read round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  nq::CsvData d = nq::ReadCsv(text);
  std::string written;
  for (const nq::CsvRecord& r : d.records) written += nq::CsvLine(r.fields);
  nq::CsvData again = nq::ReadCsv(written);
  if (!again.errors.empty() || again.records.size() != d.records.size()) std::abort();
  for (size_t i = 0; i < d.records.size(); ++i) {
    if (again.records[i].fields != d.records[i].fields) std::abort();
  }
  return 0;
}
