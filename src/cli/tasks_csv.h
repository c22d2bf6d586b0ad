// The CSV form of assigned tasks (nhiệm vụ được giao), for `nqtrack import tasks FILE.csv` and
// `nqtrack export tasks --format csv` (docs/formats.md, "Tasks CSV"): UTF-8, a header row, one
// task a row, column names in Vietnamese without diacritics so that any spreadsheet keeps them:
//
//   ma                  the task's reference, unique in the file (what nhiem_vu_cha names)
//   ten                 title
//   don_vi_chu_tri      owner organization code
//   don_vi_phoi_hop     cooperating organization codes separated by ';'
//   van_ban_giao        assigning document (số, ký hiệu)
//   ngay_giao           assignment date
//   han                 one-off task: the deadline; recurring: the last day of the series
//                       (blank: no end)
//   dinh_ky             once/monthly/quarterly/yearly or Một lần/Hằng tháng/Hằng quý/Hằng năm
//                       (also tháng/quý/năm; blank: once)
//   so_ngay_sau_ky      recurring: days after each period's end an occurrence is due (blank: 10)
//   san_pham            none/document/project/report or Không/Văn bản cụ thể hóa/Công trình,
//                       dự án trọng điểm/Báo cáo (also văn bản, công trình, dự án; blank: none)
//   so_ky_hieu_van_ban  the issued document's number, or a one-off report's number
//   ngay_ban_hanh       the document's issue date
//   ngay_hoan_thanh     completion date of a one-off task
//   tien_do             progress percent 0..100 ("80" or "80%"; blank: 0, or 100 when completed)
//   nhiem_vu_dot_pha    the breakthrough or key task it serves: its title or position (1, 2, ...)
//   nhiem_vu_cha        the parent task's ma
// Dates are 2023-05-17 or 17/5/2023 (dd/mm/yyyy). Columns come in any order; ma, ten,
// don_vi_chu_tri and ngay_giao must be present, the others may be left out (read as blank).
// Export adds trang_thai (the state as of the export date, TaskStateLabel) and nghi_quyet (the
// resolution's number); import ignores trang_thai and refuses a row whose nghi_quyet is not
// blank and names another resolution than the one imported into.
//
// What CSV cannot say — a document's title and issuing body, a project's milestones, the
// completions of a recurring task — is kept from the stored task (BundleTask::partial); the JSON
// form carries everything.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "service/resolution_bundle.h"

namespace nq::cli {

// The columns import reads, in the order export writes them (export then adds trang_thai and
// nghi_quyet).
inline constexpr const char* kTaskCsvColumns[] = {"ma",
                                                  "ten",
                                                  "don_vi_chu_tri",
                                                  "don_vi_phoi_hop",
                                                  "van_ban_giao",
                                                  "ngay_giao",
                                                  "han",
                                                  "dinh_ky",
                                                  "so_ngay_sau_ky",
                                                  "san_pham",
                                                  "so_ky_hieu_van_ban",
                                                  "ngay_ban_hanh",
                                                  "ngay_hoan_thanh",
                                                  "tien_do",
                                                  "nhiem_vu_dot_pha",
                                                  "nhiem_vu_cha"};

// The rows as tasks (line set, partial true), in file order. All-or-nothing: Invalid
// "csv.invalid" whose message lists every bad line "dòng N: ..." (malformed CSV, wrong number of
// cells, a bad date, recurrence, product, number or percent, a column used for a product or
// recurrence it does not fit, another resolution's nghi_quyet), or names the header's problem
// (an unknown or repeated column, a required one missing, no header). The codes, refs and
// domain rules are checked on import (CheckBundleTasks in service/resolution_bundle.h).
Result<std::vector<BundleTask>> ParseTasksCsv(std::string_view text,
                                              std::string_view resolution_number);

// The tasks of each resolution as CSV (UTF-8 with a byte-order mark, "\r\n" line ends), with
// trang_thai as of `as_of`. Read back by ParseTasksCsv to the same tasks, except what CSV
// cannot say (above).
std::string WriteTasksCsv(const std::vector<ResolutionTasks>& resolutions, const Date& as_of);

}  // namespace nq::cli
