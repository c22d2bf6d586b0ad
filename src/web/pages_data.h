// Definitions of reported data: chỉ tiêu báo cáo (data elements) and biểu mẫu báo cáo (data
// sets), listed for every signed-in user and created/edited by admin and committee.
//   GET  /data-elements          the list (code, name, type, period, unit, bounds) and, for
//                                editors, the create form
//   POST /data-elements          create: code, name, short_name, type, period_type,
//                                org_aggregation, time_aggregation, min, max (Vietnamese or
//                                plain numbers, empty = none), categories (comma-separated),
//                                unit, description -> 303 to the element
//   GET  /data-elements/{id}     the element and its edit form
//   POST /data-elements/{id}     edit (same fields)
//   GET  /data-sets              the list with links to each set, its form and its board;
//                                the create form for editors
//   POST /data-sets              create: code, name, period_type, elements (codes, one per
//                                line or comma-separated, in form order), kind_<code> = "1"
//                                for each reporting kind, deadline_days, rules (one per line:
//                                "CODE | condition | message") -> 303 to the set
//   GET  /data-sets/{id}         the definition (elements in order, kinds, deadline, rules) and
//                                the edit form
//   POST /data-sets/{id}         edit (same fields)
// ?created=1 / ?saved=1 show a notice. A rejected form re-renders the page with the Vietnamese
// message and the values as typed, with the HTTP status of the error (400, 409); role errors
// give the 403 page.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddDataPages(Router& router, WebContext& ctx);

}  // namespace nq::web
