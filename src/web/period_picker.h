// The period picker of the data pages (entry form, completeness board): the default period of a
// data set, the previous/next links and a <select> of nearby periods of the set's type.
//
// The default is the latest period that has ended by `today` (the May report is written in
// June). The select lists a window of periods around the selected one — wider for long periods
// (5 years, 12 months, 14 days either side) — never past the period that holds `today`, plus
// the selected one itself.
//
// Pure functions; thread-safe.
#pragma once

#include <functional>
#include <mstch/mstch.hpp>
#include <string>

#include "common/time.h"
#include "domain/period.h"

namespace nq::web {

// The latest period of `type` that ended before `today` (the one holding today if none).
Period DefaultPeriod(PeriodType type, const Date& today);

// `p` turned into the period of `type` holding its first day (a period id of another type in a
// link), or p itself when it already has that type.
Period PeriodOfType(PeriodType type, const Period& p);

// {period, period_label, has_prev, prev_link, prev_label, has_next, next_link, next_label,
//  period_options:[{value, label, selected}]}; `link` makes the URL of a period's page.
mstch::map PeriodPicker(const Period& selected, const Date& today,
                        const std::function<std::string(const Period&)>& link);

}  // namespace nq::web
