// The organization page and its forms.
//   GET  /orgs/{id}           fields (members and workers as 1.234, dates as 17/5/2023), the
//                             path breadcrumb inside the scope, the children; for editors
//                             (CanEditOrganizations) the forms below. ?saved=1, ?created=1,
//                             ?moved=1, ?closed=1 show a notice after a change.
//   POST /orgs/{id}           edit: code, name, kind, sector, members, workers, sort_order,
//                             valid_from
//   POST /orgs/{id}/children  create a child organization (same fields)
//   POST /orgs/{id}/move      parent_id
//   POST /orgs/{id}/close     date (YYYY-MM-DD)
// A successful change redirects (303) back to the page. A rejected one (bad number or date,
// duplicate code, cycle, …) re-renders the page with the Vietnamese message beside its form and
// the values as typed, with the HTTP status of the error; the service guarantees nothing
// changed. Out of scope or role: the 403 page.
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

void AddOrgPages(Router& router, WebContext& ctx);

}  // namespace nq::web
