// The benchmark's resolution: 7 targets over the generated elements e1..e40
// (bench/national_gen.h), of every kind and shape, whose indicators are formulas — assessed for
// each province by bench/analytics_bench.cc through analytics::AssessResolution.
//
// The target values are set from the generator's expected means for a province of ~825
// grassroots organizations, so that the provinces' statuses differ.
#pragma once

#include <vector>

#include "common/time.h"
#include "domain/data.h"
#include "domain/resolution.h"

namespace nq::bench {

inline const Date kTermStart{2020, 8, 1};
inline const Date kTermEnd{2025, 7, 31};
inline const Date kAsOf{2023, 5, 17};

// Elements e1..e40: number, monthly, sum over organizations and over time.
std::vector<DataElement> BenchElements();

// MT1..MT7.
std::vector<Target> BenchTargets();

}  // namespace nq::bench
