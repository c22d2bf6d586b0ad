// For tests only: D(2023, 5, 17) is the date 17/5/2023, shorter than Date{2023, 5, 17} in the
// many expectations that name dates (and, unlike braces, safe inside a macro's arguments).
#pragma once

#include "common/time.h"

namespace nq {

inline Date D(int year, int month, int day) { return Date{year, month, day}; }

}  // namespace nq
