// WriteXlsx: the annex (phụ lục) of a review (review.h) as an Excel workbook (.xlsx), written
// with libxlsxwriter (used in this file pair only). Four sheets, A4 landscape, printed one page
// wide (a sheet wider than about 200 units of column width at 60% on as many pages across as it
// needs, broken between targets, its first columns repeated), Times New Roman 11, bold bordered
// headers repeated on each printed page and frozen on screen, rows as tall as their wrapped
// text (estimated):
//
//   "Mục tiêu"         a title row ("Phụ lục: Kết quả thực hiện các mục tiêu, chỉ tiêu Nghị
//                      quyết số 01-NQ/ĐUK tính đến ngày 17/5/2023"), a line with the reviewed
//                      organization and the headline, then one row per target in the review's
//                      order: STT, Mã, Mục tiêu, Lĩnh vực, Đơn vị tính, Chỉ tiêu, Thực hiện, Dự
//                      kiến đến thời điểm, Dự báo cuối nhiệm kỳ, Tỷ lệ (%), Đánh giá (the status
//                      label, "KHÓ ĐẠT"), Ghi chú (the explanation).
//   "Theo đơn vị"      one row per Review::organizations entry: STT, Mã, Tổ chức, then two
//                      columns per target under a merged "MT1 (unit)" heading: Thực hiện (the
//                      organization's actual) and Đánh giá (its status label).
//   "Báo cáo số liệu"  one row per organization: STT, Mã, Tổ chức, Đúng hạn, Trễ hạn, Chưa gửi,
//                      Phải gửi (their sum), Tỷ lệ trễ, chưa gửi (a fraction in "0.0%" format;
//                      empty when nothing was due).
//   "Nhiệm vụ"         the task lines the review lists, per task section: its documents,
//                      projects, overdue and done-late lines, each task once, in that order:
//                      STT, Nghị quyết, Nhiệm vụ, Đơn vị chủ trì, Sản phẩm, Tình trạng, Tiến độ
//                      (%), Hạn tiếp theo, Ngày hoàn thành, Số văn bản.
//
// Cells: every value (targets, actuals, expectations, ratios, counts, progress) is a numeric
// cell, never text, shown with a number format — whole values "#,##0", others "#,##0.0#"; the
// target value carries its comparator in the format ("≥ "#,##0) so that it stays a number; a
// percentage stays in 0..100 as the model has it, its unit "%" in the unit column; a yes/no
// value shows "Có"/"Không" through its format ([=1]"Có";[=0]"Không";0.00). A range target is the
// only text: "a – b". Dates are date cells in "d/m/yyyy". A missing value is an empty cell.
// The document's creation date is the review date, so the same review gives the same sheets
// (the zip entries still carry the time of writing).
//
// Errors: Internal "review.xlsx_failed" with libxlsxwriter's error string (or the file system's
// when the temporary directory cannot be made or read). The workbook is written to a file in a
// private temporary directory (libxlsxwriter 1.1.4 cannot write to memory), removed afterwards.
// Thread-safety: a pure function; safe to call from several threads.
#pragma once

#include <string>

#include "common/status.h"
#include "review/review.h"

namespace nq::review {

// The bytes of the .xlsx file.
Result<std::string> WriteXlsx(const Review& r);

}  // namespace nq::review
