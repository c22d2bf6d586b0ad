// SociTx: cài đặt đánh giá, the assessment settings of a resolution (one row per resolution in
// assessment_settings; none means the defaults).
#include <soci/soci.h>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "common/json_text.h"
#include "store/soci_internal.h"

namespace nq::store {
namespace {

// The buckets column: the numbers in their shortest round-trip form, separated by one space
// ("80 62.5 50"); the same text on both backends.
std::string BucketsText(const std::vector<double>& buckets) {
  std::string out;
  for (double b : buckets) {
    char buf[32];
    const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, b);
    if (!out.empty()) out += ' ';
    out.append(buf, r.ptr);
  }
  return out;
}

std::optional<std::vector<double>> ParseBuckets(std::string_view text) {
  std::vector<double> out;
  while (!text.empty()) {
    const size_t end = text.find(' ');
    const std::string_view item = text.substr(0, end);
    double v = 0;
    const std::from_chars_result r = std::from_chars(item.data(), item.data() + item.size(), v);
    if (r.ec != std::errc() || r.ptr != item.data() + item.size()) return std::nullopt;
    out.push_back(v);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return out;
}

// The audit snapshot: every stored field (buckets as the column's text).
std::string SettingsJson(int64_t resolution_id, const AssessmentSettings& s) {
  return JsonObjectText()
      .Add("resolution_id", resolution_id)
      .Add("behind_floor", s.behind_floor)
      .Add("exceed_margin", s.exceed_margin)
      .Add("buckets", BucketsText(s.buckets))
      .Add("mid_term_counts_on_track", s.mid_term_counts_on_track)
      .str();
}

}  // namespace

Result<std::optional<AssessmentSettings>> SociTx::GetAssessmentSettings(int64_t resolution_id) {
  std::optional<AssessmentSettings> out;
  Status st = Read("GetAssessmentSettings", [&]() -> Status {
    long long key = resolution_id;
    double floor = 0, margin = 0;
    std::string buckets;
    int on_track = 0;
    sql_ << "SELECT behind_floor, exceed_margin, buckets, mid_term_counts_on_track "
            "FROM assessment_settings WHERE resolution_id = :r",
        soci::use(key), soci::into(floor), soci::into(margin), soci::into(buckets),
        soci::into(on_track);
    if (!sql_.got_data()) return Status::Ok();
    std::optional<std::vector<double>> parsed = ParseBuckets(buckets);
    if (!parsed) return Corrupt("assessment_settings", resolution_id);
    AssessmentSettings s;
    s.behind_floor = floor;
    s.exceed_margin = margin;
    s.buckets = std::move(*parsed);
    s.mid_term_counts_on_track = on_track != 0;
    out = std::move(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SociTx::PutAssessmentSettings(int64_t resolution_id, const AssessmentSettings& s) {
  const WriteErrors errors{
      Status(), Status::Invalid("settings.resolution_unknown",
                                "Không có nghị quyết mã số " + std::to_string(resolution_id))};
  return Mutate("PutAssessmentSettings", errors, [&]() -> Status {
    NQ_ASSIGN_OR_RETURN(std::optional<AssessmentSettings> old,
                        GetAssessmentSettings(resolution_id));
    long long key = resolution_id;
    const std::string buckets = BucketsText(s.buckets);
    const int on_track = s.mid_term_counts_on_track ? 1 : 0;
    if (old) {
      sql_ << "UPDATE assessment_settings SET behind_floor = :f, exceed_margin = :m, "
              "buckets = :b, mid_term_counts_on_track = :o WHERE resolution_id = :r",
          soci::use(s.behind_floor), soci::use(s.exceed_margin), soci::use(buckets),
          soci::use(on_track), soci::use(key);
    } else {
      sql_ << "INSERT INTO assessment_settings (resolution_id, behind_floor, exceed_margin, "
              "buckets, mid_term_counts_on_track) VALUES (:r, :f, :m, :b, :o)",
          soci::use(key), soci::use(s.behind_floor), soci::use(s.exceed_margin), soci::use(buckets),
          soci::use(on_track);
    }
    InsertAudit("assessment_settings", std::to_string(resolution_id), old ? "update" : "create",
                old ? SettingsJson(resolution_id, *old) : std::string(),
                SettingsJson(resolution_id, s));
    return Status::Ok();
  });
}

}  // namespace nq::store
