// Tình hình báo cáo: the completeness board of one data set and period under a root.
//   GET /completeness?set=ID&period=2023M05&root=ID
//       the counts (đúng hạn, trễ hạn, chưa báo cáo, chưa đến hạn) over the expected reporters,
//       and the table of organizations in tree order with their report state, timeliness, the
//       date of submission (17/5/2023, Vietnam time), the number of values entered and a link
//       to their form. Pickers for the data set, the period and the root (committees of the
//       scope). Defaults: the data set of the finest period type (monthly before yearly; the
//       first listed among equals), the latest ended period, the user's organization as root.
// Registered by AddEntryPages (pages_entry.h).
// Thread-safety: the handler is thread-safe.
#pragma once

#include "common/status.h"
#include "web/http.h"
#include "web/pages_common.h"

namespace nq::web {

Result<HttpResponse> CompletenessPage(const PageCall& c);

}  // namespace nq::web
