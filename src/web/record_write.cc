#include "web/record_write.h"

#include <algorithm>
#include <utility>

namespace nq::web {

Result<RecordImportReport> ImportRecordRows(App& app, const Principal& p, int64_t type_id,
                                            const std::vector<RecordImportRow>& rows,
                                            std::vector<RecordImportProblem> file_problems,
                                            bool dry_run, const store::Actor& a) {
  const bool dry = dry_run || !file_problems.empty();
  NQ_ASSIGN_OR_RETURN(RecordImportReport report,
                      app.records().ImportRecords(p, type_id, rows, dry, a));
  if (!file_problems.empty()) {
    report.rows += static_cast<int>(std::count_if(
        file_problems.begin(), file_problems.end(),
        [](const RecordImportProblem& fp) { return fp.problem.key == "csv.extra_cells"; }));
    for (RecordImportProblem& fp : file_problems) report.problems.push_back(std::move(fp));
  }
  std::stable_sort(
      report.problems.begin(), report.problems.end(),
      [](const RecordImportProblem& x, const RecordImportProblem& y) { return x.line < y.line; });
  if (!report.problems.empty()) {
    report.added = 0;
    report.unchanged = 0;
  }
  return report;
}

}  // namespace nq::web
