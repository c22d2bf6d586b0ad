// The resolution JSON file (docs/formats.md, "format": "nqtrack.resolution", version 1): a
// ResolutionBundle (service/resolution_bundle.h) as JSON text; the tasks file of `nqtrack
// export tasks`; and the JSON form of an assessment that `nqtrack assess --format json` prints.
// nlohmann/json stays in web/.
//
// Reading is strict: unknown fields, wrong types, bad codes, dates or periods are refused with
// Invalid "file.invalid" whose Vietnamese message lists each problem with its JSON path
// ("values[12].period: Kỳ báo cáo không hợp lệ: '2023M13' ..."), at most 50 of them. The domain
// checks of the bundle (ValidateBundle) come after, in service/.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analytics/resolution_assessment.h"
#include "common/status.h"
#include "common/time.h"
#include "service/data_service.h"
#include "service/resolution_bundle.h"

namespace nq::web {

// Parses the file's text. Invalid "file.invalid" as described above; "json.malformed" for text
// that is not JSON; "file.format" for another format or version.
Result<ResolutionBundle> ParseResolutionFile(std::string_view text);

// The JSON form of `nqtrack import values FILE.json` (docs/formats.md, "Values file"): either
// {"values": [...]} or a bare array of {"org", "element", "period", "value", "estimate"?,
// "comment"?}; value a number, true/false or a text as typed ("1.234,5", "có", "HTXSNV").
// Item numbers (1-based) become ValueRow::line. Invalid "file.invalid" listing each problem.
Result<std::vector<ValueRow>> ParseValuesJson(std::string_view text);

// The bundle as the file's text (pretty-printed, UTF-8, keys in the documented order).
std::string WriteResolutionFile(const ResolutionBundle& b);

// The tasks file of `nqtrack export tasks --format json` (docs/formats.md, "Tasks file",
// "format": "nqtrack.tasks", version 1): each resolution with its assigned tasks as the
// resolution file writes them, each with its state as of `as_of` (domain/task_status.h), the
// occurrences of a recurring task due by then with theirs (a completion dated after `as_of` is
// left out of the occurrence), and the counts of each state.
std::string WriteTasksFile(const std::vector<ResolutionTasks>& resolutions, const Date& as_of);

// Reads a tasks file (what export computed — states, occurrences, counts — is ignored) or a
// resolution file (its resolution with its assigned tasks). Errors as ParseResolutionFile.
Result<std::vector<ResolutionTasks>> ParseTasksFile(std::string_view text);

// The assessment as JSON text (docs/formats.md, "Assessment output"): the headline, buckets,
// fields and each target with its status, numbers, explanation and yearly values.
// `org_code`/`org_name` name the subtree assessed.
std::string AssessmentJsonText(const analytics::ResolutionResult& r, const Resolution& resolution,
                               const std::string& org_code, const std::string& org_name);

}  // namespace nq::web
