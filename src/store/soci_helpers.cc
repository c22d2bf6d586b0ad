// Small helpers the soci_tx_*.cc files share (declared in soci_internal.h).
#include <soci/soci.h>

#include <set>
#include <string>

#include "common/time.h"
#include "store/soci_internal.h"

namespace nq::store {

std::string InList(std::string_view column, const std::vector<int64_t>& ids) {
  std::string out(column);
  out += " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(ids[i]);
  }
  return out + ")";
}

std::optional<int64_t> FirstMissingId(soci::session& sql, const char* table,
                                      const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::nullopt;
  std::set<int64_t> found;
  long long id = 0;
  soci::statement stmt =
      (sql.prepare << std::string("SELECT id FROM ") + table + " WHERE " + InList("id", ids),
       soci::into(id));
  stmt.execute(false);
  while (stmt.fetch()) found.insert(id);
  for (int64_t want : ids) {
    if (found.count(want) == 0) return want;
  }
  return std::nullopt;
}

bool ReadDate(const std::string& text, soci::indicator ind, std::optional<Date>* out) {
  out->reset();
  if (ind == soci::i_null) return true;
  *out = ParseIsoDate(text);
  return out->has_value();
}

DateParam::DateParam(const std::optional<Date>& d)
    : text(d ? FormatIso(*d) : std::string()), ind(d ? soci::i_ok : soci::i_null) {}

}  // namespace nq::store
