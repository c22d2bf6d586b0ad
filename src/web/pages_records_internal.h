// Internal to the record pages (pages_records.cc, pages_record_view.cc, pages_record_form.cc,
// pages_record_import.cc): the handlers registered by AddRecordPages and what they share.
// Routes and their contracts are in pages_records.h. Thread-safe.
#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/record_type.h"
#include "web/pages_common.h"

namespace nq::web::record_pages {

// The type named by the path's {code}; NotFound "record_type.not_found" when there is none.
Result<RecordType> TypeFromPath(const PageCall& c);

// "/records/<code>" (the code percent-encoded).
std::string TypeUrl(const RecordType& t);

// What every record page shows of its type: id, code, name, description, url, personal,
// privacy_label, version.
mstch::map TypeContext(const RecordType& t);

// Text cut to at most `max_chars` code points, with "…" when cut.
std::string Shorten(std::string_view text, size_t max_chars);

// Forbidden "role.denied" for a role that does not enter data (a viewer).
Status RequireDataEntry(const PageCall& c);

Result<HttpResponse> ListPage(const PageCall& c);
Result<HttpResponse> RecordPage(const PageCall& c);
Result<HttpResponse> PostDelete(const PageCall& c);
Result<HttpResponse> NewPage(const PageCall& c);
Result<HttpResponse> PostNew(const PageCall& c);
Result<HttpResponse> ImportPage(const PageCall& c);
Result<HttpResponse> PostImport(const PageCall& c);

}  // namespace nq::web::record_pages
