// JSON snapshots of the reported-data entities (domain/data.h) for the audit log's
// old_value/new_value columns, like store/audit_text.h. Private to store/. Each snapshot holds
// every stored field; the ordered parts of an element or a data set (categories, element ids,
// reporting kinds, rules) are JSON arrays. Pure functions; thread-safe.
#pragma once

#include <string>

#include "domain/data.h"

namespace nq::store {

std::string DataElementJson(const DataElement& e);
std::string DataSetJson(const DataSet& s);
std::string DataValueJson(const DataValue& v);
std::string ReportJson(const Report& r);

}  // namespace nq::store
