// The record part of nqtrack_analytics_bench (issue 5, "one million cell-meeting records
// nationally"): the generated cell meetings (bench/national_gen.h ForEachMeeting) loaded into
// an analytics::RecordIndex, and R1–R4 of bench/peers/record_queries.sql computed with the
// record functions of the formula language through analytics::Evaluate — the path a dashboard
// takes — with their checksums (which must equal the SQL peers'), load time, bytes per record,
// and the visibility of an inserted record to the very next R2. Prints NQBENCH lines
// (bench/bench_report.h).
#pragma once

#include "domain/org_tree.h"
#include "national_gen.h"

namespace nq::bench {

// Returns false when an insert was not visible to the next query (a stale read).
bool RecordBench(const GenSpec& spec, const GenTree& gen, const OrgTree& tree, int runs);

}  // namespace nq::bench
