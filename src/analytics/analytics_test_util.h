// Small builders shared by the analytics unit tests: organizations, data elements and values
// with the fields a test does not care about filled in plainly. Test-only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/data.h"
#include "domain/organization.h"
#include "domain/period.h"

namespace nq::analytics::testing_util {

// "ORG<id>", "Tổ chức <id>"; a bloc committee when it has no parent, else a base cell. The sort
// order defaults to the id.
inline Organization TestOrg(int64_t id, std::optional<int64_t> parent,
                            std::optional<int> sort_order = std::nullopt) {
  Organization o;
  o.id = id;
  o.code = "ORG" + std::to_string(id);
  o.name = "Tổ chức " + std::to_string(id);
  o.parent_id = parent;
  o.kind = parent ? OrgKind::kBaseCell : OrgKind::kBlocCommittee;
  o.sort_order = sort_order.value_or(static_cast<int>(id));
  return o;
}

// An element named by its code.
inline DataElement TestElement(int64_t id, const std::string& code, PeriodType pt,
                               OrgAggregation oa, TimeAggregation ta,
                               ValueType type = ValueType::kNumber) {
  DataElement e;
  e.id = id;
  e.code = code;
  e.name = code;
  e.type = type;
  e.period_type = pt;
  e.org_aggregation = oa;
  e.time_aggregation = ta;
  return e;
}

// A value for a valid period id ("2023M05"); throws (failing the test) on a bad id.
inline DataValue TestValue(int64_t org, int64_t element, const std::string& period, double value,
                           bool estimate = false) {
  DataValue v;
  v.org_id = org;
  v.element_id = element;
  v.period = Period::Parse(period).value();
  v.value = value;
  v.estimate = estimate;
  return v;
}

}  // namespace nq::analytics::testing_util
