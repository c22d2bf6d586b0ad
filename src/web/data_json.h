// JSON forms of the reported-data types (domain/data.h, service/data_service.h) for the API of
// api_data.h: serialization, and strict reading of the bodies that create or change definitions
// and values (json_io.h's rules: unknown fields, wrong types, missing fields are 400).
//
// Shapes (docs/openapi.yaml, tag "data"):
//   element  {id, code, name, short_name, type, type_label, period_type, period_type_label,
//             org_aggregation, time_aggregation, min, max, categories, unit, description}
//             (min/max null when absent)
//   data set {id, code, name, period_type, period_type_label, element_ids, reporting_kinds,
//             deadline_days, rules:[{code, condition, message}]}
//   value    {org_id, element_id, period, value, text, estimate, comment, updated_by,
//             updated_at} — value the stored number, text as a user reads it (FormatValue)
//   report   {org_id, data_set_id, period, state, state_label, submitted_at, approved_at}
//             (instants "2023-05-17T08:30:00Z" or null)
// Enum fields take the codes of data.h and period.h ("number", "monthly", "sum", "base_cell");
// an unknown code is 400 "json.bad_value".
//
// Thread-safety: all functions are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "common/status.h"
#include "domain/data.h"
#include "service/data_service.h"
#include "web/json_io.h"

namespace nq::web {

using DataJson = nlohmann::ordered_json;

DataJson ElementJson(const DataElement& e);
DataJson DataSetJson(const DataSet& s);
// `e` formats the text; null gives the plain number as text.
DataJson ValueJson(const DataValue& v, const DataElement* e);
DataJson ReportJson(const Report& r);
DataJson ViolationsJson(const std::vector<RuleViolation>& violations);

// Reads the fields of an element into *e (fields absent are left as they are, so a PATCH
// overlays the stored element). With `create`, code and name are required. `id` is not accepted.
Status ReadElementFields(JsonObjectReader& body, bool create, DataElement* e);
// The same for a data set: code, name, period_type, element_ids, reporting_kinds,
// deadline_days, rules. With `create`, code, name, element_ids and reporting_kinds are required.
Status ReadDataSetFields(JsonObjectReader& body, bool create, DataSet* s);

// One item of POST /api/v1/data-values: {org_id, element_id, period, value, estimate, comment}
// with org_id, element_id, period and value required. `value` is a string as a user types it
// ("1.234,5", "có", "HTXSNV"), or a number — for a category element the 0-based index of the
// category. The number becomes text ParseValue reads back exactly. `elements` (by id) gives
// the category codes; an element missing from it is left to the service to report.
Status ReadValueItem(JsonObjectReader& item, const std::map<int64_t, DataElement>& elements,
                     ValueInput* in);

// A number as text that ParseValue reads back as the same number, whatever the element: the
// Vietnamese decimal comma, no grouping ("1234,5", "-3", "0,001").
std::string NumberText(double x);

}  // namespace nq::web
