// Nhập số liệu: the entry form of one report, its buttons, and the completeness board.
//   GET  /entry?org=ID&set=ID&period=2023M05
//        the form: one row per element (name, unit, input, "Ước đạt", status), pickers for the
//        organization (those in the user's scope that report the set), the data set (those the
//        organization reports) and the period (previous/next links and a select); rule
//        violations in a box above the table; Gửi báo cáo / Duyệt / Mở lại per the form's
//        can_* flags; a locked report renders read-only with its state badge. Defaults: the
//        user's organization, its first data set, the latest ended period. ?done=submit|
//        approve|reopen|saved shows the notice after a change.
//   POST /entry/value  fields org, set, period, element, value, estimate ("1" when checked),
//        comment, _csrf — saves one value (htmx, as it is typed). Answers with the row's status
//        cell ("Đã lưu", "Đã xóa" or the Vietnamese error; 400/409 for a refused value) and an
//        out-of-band swap of the violations box. Without htmx: a redirect back to the form.
//   POST /entry/submit | /entry/approve | /entry/reopen  fields org, set, period, _csrf
//        -> 303 back to the form with the notice; a refused step (broken rules, pending
//        reports below, locked above) re-renders the form with the message and 400/409.
//   GET  /completeness?set=ID&period=...&root=ID  the board (pages_completeness.h).
// Out of scope or role: the 403 page (the service decides).
// Thread-safety: the handlers are thread-safe.
#pragma once

#include "web/router.h"
#include "web/web_context.h"

namespace nq::web {

// Registers the entry routes above and the completeness board.
void AddEntryPages(Router& router, WebContext& ctx);

}  // namespace nq::web
