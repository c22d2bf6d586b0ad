// DataService::ImportValues: every row checked, then all written in one transaction or none.
//
// Progress runs over 2 × rows steps: the first half while the rows are checked, the second
// while they are written, so that a progress bar moves forward only.
#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "common/time.h"
#include "service/data_service.h"
#include "service/data_service_internal.h"
#include "service/scope.h"

namespace nq {
namespace {

constexpr int kProgressEvery = 500;

using data_internal::Definitions;

// A row that passed its own checks.
struct GoodRow {
  int line = 0;
  DataValue value;
  const DataSet* set = nullptr;
  bool duplicate = false;  // an earlier row of the file has the same key and value
};

using ValueKey = std::tuple<int64_t, int64_t, Period>;  // organization, element, period

}  // namespace

Result<ImportSummary> DataService::ImportValues(const Principal* p,
                                                const std::vector<ValueRow>& rows,
                                                const store::Actor& a,
                                                const std::function<void(int, int)>& progress) {
  if (p != nullptr && p->role != Role::kAdmin && p->role != Role::kCommittee &&
      p->role != Role::kReporter) {
    return RoleDenied();
  }
  const int n = static_cast<int>(rows.size());
  auto report_progress = [&](int done) {
    if (progress) progress(done, 2 * n);
  };
  report_progress(0);

  const std::shared_ptr<const OrgTree> tree = orgs_->tree();
  std::unordered_map<std::string, const Organization*> org_by_code;
  for (size_t i = 0; i < tree->size(); ++i) {
    const Organization& org = tree->At(static_cast<int>(i));
    org_by_code[org.code] = &org;
  }

  std::lock_guard lock(write_mu_);
  NQ_ASSIGN_OR_RETURN(auto tx, db_->Begin(a));
  NQ_ASSIGN_OR_RETURN(Definitions defs, Definitions::Load(*tx));
  ImportSummary summary;
  summary.rows = n;
  std::unordered_map<std::string, Report> reports;
  std::map<ValueKey, size_t> first_of_key;  // key -> index in good
  std::vector<GoodRow> good;
  good.reserve(rows.size());
  const int64_t now = NowUnix();

  // Returns the Vietnamese reason the row is bad, or an empty string.
  auto check_row = [&](const ValueRow& row, GoodRow* out) -> Result<std::string> {
    auto org_it = org_by_code.find(row.org_code);
    if (org_it == org_by_code.end()) return "Không có tổ chức mã '" + row.org_code + "'";
    const Organization& org = *org_it->second;
    if (p != nullptr && !tree->InSubtree(p->org_id, org.id)) {
      return "Tổ chức " + org.code + " nằm ngoài phạm vi của bạn";
    }
    const DataElement* e = defs.ElementByCode(row.element_code);
    if (e == nullptr) return "Không có chỉ tiêu mã '" + row.element_code + "'";
    Result<Period> period = Period::Parse(row.period);
    if (!period.ok()) return period.status().message();
    if (period->type() != e->period_type) {
      return data_internal::PeriodTypeMismatch(e->name, e->period_type, *period).message();
    }
    if (row.value.empty()) return "Thiếu giá trị của chỉ tiêu '" + e->name + "'";
    Result<double> value = ParseValue(*e, row.value);
    if (!value.ok()) return value.status().message();
    out->set = defs.SetOf(e->id);
    if (out->set != nullptr) {
      if (!Reports(*out->set, org, *period)) {
        return data_internal::NotExpected(org, *out->set, *period).message();
      }
      const std::string key = data_internal::ReportKey(org.id, out->set->id, *period);
      auto it = reports.find(key);
      if (it == reports.end()) {
        NQ_ASSIGN_OR_RETURN(std::optional<Report> stored,
                            tx->GetReport(org.id, out->set->id, *period));
        it = reports
                 .emplace(key, stored.value_or(
                                   data_internal::DraftReport(org.id, out->set->id, *period)))
                 .first;
      }
      if (data_internal::IsLocked(it->second)) {
        return "Báo cáo của " + org.code + " kỳ " + period->ToString() + ": " +
               data_internal::Locked().message();
      }
    }
    out->line = row.line;
    out->value.org_id = org.id;
    out->value.element_id = e->id;
    out->value.period = *period;
    out->value.value = *value;
    out->value.estimate = row.estimate;
    out->value.comment = row.comment;
    out->value.updated_by = a.user_id;
    out->value.updated_at = now;
    return std::string();
  };

  for (int i = 0; i < n; ++i) {
    const ValueRow& row = rows[static_cast<size_t>(i)];
    GoodRow g;
    NQ_ASSIGN_OR_RETURN(std::string why, check_row(row, &g));
    if (!why.empty()) {
      summary.errors.push_back({row.line, why});
    } else {
      const ValueKey key{g.value.org_id, g.value.element_id, g.value.period};
      auto [it, fresh] = first_of_key.emplace(key, good.size());
      if (!fresh) {
        const GoodRow& first = good[it->second];
        if (first.value.value != g.value.value || first.value.estimate != g.value.estimate ||
            first.value.comment != g.value.comment) {
          summary.errors.push_back(
              {row.line, "Trùng tổ chức, chỉ tiêu và kỳ với dòng " + std::to_string(first.line) +
                             " nhưng khác giá trị"});
        } else {
          g.duplicate = true;
        }
      }
      good.push_back(std::move(g));
    }
    if ((i + 1) % kProgressEvery == 0) report_progress(i + 1);
  }
  report_progress(n);
  if (!summary.errors.empty()) return summary;

  // Compare with the stored values; gather the reports that change.
  std::vector<bool> changed(good.size(), false);
  std::map<std::string, std::pair<const GoodRow*, std::unordered_map<int64_t, double>>> touched;
  for (size_t i = 0; i < good.size(); ++i) {
    const GoodRow& g = good[i];
    if (g.duplicate) {
      ++summary.unchanged;
      continue;
    }
    NQ_ASSIGN_OR_RETURN(std::optional<DataValue> old,
                        tx->GetValue(g.value.org_id, g.value.element_id, g.value.period));
    if (!old.has_value()) {
      ++summary.inserted;
    } else if (old->value != g.value.value || old->estimate != g.value.estimate ||
               old->comment != g.value.comment) {
      ++summary.updated;
    } else {
      ++summary.unchanged;
      continue;
    }
    changed[i] = true;
    if (g.set != nullptr) {
      auto& entry = touched[data_internal::ReportKey(g.value.org_id, g.set->id, g.value.period)];
      if (entry.first == nullptr) {
        NQ_ASSIGN_OR_RETURN(
            std::vector<DataValue> stored,
            data_internal::ReportValues(*tx, *g.set, g.value.org_id, g.value.period));
        for (const DataValue& v : stored) entry.second[v.element_id] = v.value;
      }
      entry.first = &g;  // the report's last changed row carries its rule errors
    }
  }
  // Every row of the file, changed or not, counts in the values its report will hold.
  for (const GoodRow& g : good) {
    if (g.set == nullptr) continue;
    auto it = touched.find(data_internal::ReportKey(g.value.org_id, g.set->id, g.value.period));
    if (it != touched.end()) it->second.second[g.value.element_id] = g.value.value;
  }
  for (const auto& [key, entry] : touched) {
    const GoodRow& g = *entry.first;
    const std::vector<RuleViolation> broken =
        data_internal::CheckRules(*g.set, defs.ElementsOf(*g.set), entry.second);
    if (broken.empty()) continue;
    const Organization* org = tree->Find(g.value.org_id);
    summary.errors.push_back(
        {g.line, "Báo cáo của " + (org ? org->code : std::string()) + " kỳ " +
                     g.value.period.ToString() + " vi phạm quy tắc kiểm tra: " +
                     data_internal::JoinViolations(broken)});
  }
  if (!summary.errors.empty()) {
    std::stable_sort(summary.errors.begin(), summary.errors.end(),
                     [](const ImportError& x, const ImportError& y) { return x.line < y.line; });
    summary.inserted = summary.updated = summary.unchanged = 0;
    return summary;
  }

  for (size_t i = 0; i < good.size(); ++i) {
    if (changed[i]) NQ_RETURN_IF_ERROR(tx->UpsertValue(good[i].value));
    if ((i + 1) % kProgressEvery == 0) report_progress(n + static_cast<int>(i) + 1);
  }
  NQ_RETURN_IF_ERROR(tx->Commit());
  report_progress(2 * n);

  if (analytics_ != nullptr) {
    for (size_t i = 0; i < good.size(); ++i) {
      if (changed[i]) analytics_->OnValueSet(good[i].value);
    }
  }
  return summary;
}

}  // namespace nq
