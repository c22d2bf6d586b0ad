// Internal to review/: one pass over a review's records (party_building.h), grouped by unit and
// cell, from which both the figures and the findings are read. Pure; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "review/party_building.h"

namespace nq::review::party_internal {

// What one unit (grassroots organization) did.
struct UnitFacts {
  const Organization* org = nullptr;
  int members = 0;  // of its subtree
  std::map<std::string, Date> first_session;  // document → its earliest session
  double workers_reached = 0, workers_total = 0;
  int admitted = 0;
  std::set<int> pledges_not_kept;  // years
  std::set<int> rated_failed;      // years rated KHTNV (the unit itself)
};

// What one cell did in the meeting window.
struct CellFacts {
  const Organization* org = nullptr;
  std::set<int> months;    // month indexes (year * 12 + month - 1) with a regular meeting
  std::set<int> quarters;  // quarter indexes (year * 4 + (month - 1) / 3) with a thematic one
};

struct Digest {
  PartyBuilding figures;
  std::vector<UnitFacts> units;  // in tree order
  std::vector<CellFacts> cells;  // in tree order
  std::map<std::string, std::optional<Date>> issued;  // document → its date of issue
  int window_first_month = 0;                          // month index of window_from
  std::set<int> window_quarters;                       // quarter indexes in the window
};

Digest DigestRecords(const PartyBuildingInput& in);

// Appends the findings of party_building.h read from `d` (party_building_findings.cc).
void AppendFindings(const Digest& d, const Date& as_of, std::vector<Finding>* out);

inline int MonthIndex(const Date& d) { return d.year * 12 + d.month - 1; }
inline int QuarterIndex(const Date& d) { return d.year * 4 + (d.month - 1) / 3; }

}  // namespace nq::review::party_internal
