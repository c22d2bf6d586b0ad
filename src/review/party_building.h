// The party-building part of a review (review.h), computed from the records the organizations
// keep (domain/record.h, the built-in types of domain/record_builtin.h): the figures of section
// I.4 and the limitations of section II that rest on records. Nothing is said about an area
// whose records do not exist: no record of a type, no figure and no finding from it.
//
// Which organizations. The reviewed subtree's organizations open on as_of: its grassroots
// organizations ("units": base committees and base cells) and its cells (base cells and the
// cells under base committees). Records are those of the subtree dated from the term's start to
// as_of (the caller passes them so).
//
// Figures:
//   dissemination  per document (by number and symbol, in the order of its date of issue — the
//                  earliest issued_on given — then number): the units that held a session, the
//                  ones that held it later than kDisseminationDeadlineDays after the document's
//                  date, and those that had not held it when that deadline had passed by as_of
//                  (units set up after the deadline are not counted as behind);
//                  members present / members total and workers reached / workers total over
//                  every session (percentages);
//   cell meetings  over the "meeting window", the last 12 whole months before as_of's month
//                  (clipped to the term): cells holding a regular meeting in every month of it,
//                  attendance of regular meetings (present / total), thematic meetings held and
//                  the cells holding at least one in each quarter of the window half of the
//                  time or more;
//   admissions     members admitted (stage "admitted") per year, and those in units of the
//                  non-state enterprise sector;
//   inspection     inspections and supervisions started, organizations they concerned (the
//                  subject organization, else the keeping one), those that found a violation;
//   pledges        role-model pledges per year: assessed by the committee, and kept;
//   conferences    workers' / civil servants' conferences per year: units reporting, held;
//   ratings        quality ratings of organizations (subject "organization") per year, by
//                  level (HTXSNV, HTTNV, HTNV, KHTNV);
//   models         "Dân vận khéo" models registered and recognized.
//
// Findings (appended to section II in this order, each exactly when its data says so):
//   dissemination_late  units that disseminated a document after the deadline, or not yet with
//                       the deadline passed (evidence: each unit, its documents and days)
//   worker_reach_low    workers reached below kLowWorkerReachPercent of workers over all
//                       sessions (evidence: the units below it, lowest first, at most 10)
//   cells_irregular     cells missing a regular meeting in some month of the meeting window
//                       (evidence: each cell and its months met)
//   thematic_uneven     cells with thematic meetings in fewer than half the window's quarters
//   pledges_not_kept    units with a head's pledge the committee assessed as not kept
//   admissions_nse_low  admissions per 100 members in non-state enterprise units below half of
//                       the other units' rate (evidence: those units and their admissions)
//   ratings_failed      organizations rated "không hoàn thành nhiệm vụ" (KHTNV) in some year
//                       (evidence: each and the years)
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/time.h"
#include "domain/org_tree.h"
#include "domain/record.h"
#include "domain/record_type.h"
#include "domain/resolution.h"

namespace nq::review {

struct Finding;

inline constexpr int kDisseminationDeadlineDays = 60;
inline constexpr double kLowWorkerReachPercent = 50;

struct DocumentDissemination {
  std::string document;  // "21-NQ/TW"
  std::optional<Date> issued;
  int done = 0;      // units that held a session on it
  int late = 0;      // of those, held after the deadline
  int not_done = 0;  // units without a session while the deadline has passed
};

struct YearFigure {
  int year = 0;
  int count = 0;  // admitted / pledges assessed / conferences reported
  int part = 0;   // in non-state enterprises / kept / held
};

// The quality ratings of organizations in one year.
struct RatingYear {
  int year = 0;
  int excellent = 0;  // HTXSNV
  int good = 0;       // HTTNV
  int done = 0;       // HTNV
  int failed = 0;     // KHTNV
  int Rated() const { return excellent + good + done + failed; }
};

struct PartyBuilding {
  int units = 0;
  int cells = 0;
  // Dissemination (sessions == 0: no dissemination record).
  int sessions = 0;
  std::vector<DocumentDissemination> documents;
  std::optional<double> member_reach;  // percent
  std::optional<double> worker_reach;  // percent
  // Cell meetings (regular_meetings + thematic_meetings == 0: none).
  Date window_from{1970, 1, 1}, window_to{1970, 1, 1};
  int window_months = 0;
  int window_quarters = 0;
  int regular_meetings = 0;
  int cells_every_month = 0;
  std::optional<double> attendance;  // percent
  int thematic_meetings = 0;
  int cells_thematic_regular = 0;  // thematic in half the quarters or more
  // Admissions, inspections, pledges, conferences (empty / 0: no record).
  std::vector<YearFigure> admissions;
  int inspections = 0;
  int inspected_orgs = 0;
  int violations = 0;
  std::vector<YearFigure> pledges;
  std::vector<YearFigure> conferences;
  std::vector<RatingYear> ratings;
  int models_registered = 0;  // "Dân vận khéo" models registered
  int models_recognized = 0;  // and recognized
  bool empty() const {
    return sessions == 0 && regular_meetings + thematic_meetings == 0 && admissions.empty() &&
           inspections == 0 && pledges.empty() && conferences.empty() && ratings.empty() &&
           models_registered + models_recognized == 0;
  }
};

// What the part is computed from; the caller keeps the records and types alive for the call.
struct PartyBuildingInput {
  const OrgTree* tree = nullptr;
  int64_t root_org = 0;
  Term term;
  Date as_of;
  std::span<const RecordType> types;  // the types of the records (by id)
  std::span<const Record> records;
};

// The figures, from one pass over the records; with `findings`, the findings above are appended
// to it in that order.
PartyBuilding BuildPartyBuilding(const PartyBuildingInput& in,
                                 std::vector<Finding>* findings = nullptr);

}  // namespace nq::review
