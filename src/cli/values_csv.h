// The CSV form of `nqtrack import values FILE.csv` (docs/formats.md, "Values file"):
//
//   org,element,period,value,estimate,comment
//   BTR.STC,new_members,2023M04,2,,
//   BTR.SYT,meeting_attendance,2023M04,"92,5",có,ước tính
//
// Columns are found by their header names (any order; estimate and comment may be absent);
// values are text as a person types them ("1.234,5", "có", "HTXSNV"); estimate is "có"/"1"/
// "true"/"x" or empty. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "common/status.h"
#include "service/data_service.h"

namespace nq::cli {

// Rows with their physical line numbers. Invalid "csv.invalid" listing every bad line ("dòng N:
// ...") when the header lacks a required column, a record has the wrong number of fields, is
// malformed, or has a bad estimate flag.
Result<std::vector<ValueRow>> ParseValuesCsv(std::string_view text);

}  // namespace nq::cli
