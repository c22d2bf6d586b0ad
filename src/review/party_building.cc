#include "review/party_building.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "domain/record_builtin.h"
#include "review/party_building_digest.h"

namespace nq::review {
namespace party_internal {
namespace {

std::optional<double> Num(const Record& r, const char* code) {
  auto it = r.values.find(code);
  if (it == r.values.end()) return std::nullopt;
  if (const double* d = std::get_if<double>(&it->second)) return *d;
  return std::nullopt;
}
std::optional<Date> DateOf(const Record& r, const char* code) {
  auto it = r.values.find(code);
  if (it == r.values.end()) return std::nullopt;
  if (const Date* d = std::get_if<Date>(&it->second)) return *d;
  return std::nullopt;
}
std::string Option(const Record& r, const char* code) {
  auto it = r.values.find(code);
  if (it == r.values.end()) return "";
  if (const OptionRef* o = std::get_if<OptionRef>(&it->second)) return o->code;
  return "";
}
std::string Text(const Record& r, const char* code) {
  auto it = r.values.find(code);
  if (it == r.values.end()) return "";
  if (const std::string* s = std::get_if<std::string>(&it->second)) return *s;
  return "";
}
bool Yes(const Record& r, const char* code) {
  auto it = r.values.find(code);
  if (it == r.values.end()) return false;
  const bool* b = std::get_if<bool>(&it->second);
  return b != nullptr && *b;
}

bool IsUnit(const Organization& o) {
  return o.kind == OrgKind::kBaseCommittee || o.kind == OrgKind::kBaseCell;
}
bool IsCell(const Organization& o) {
  return o.kind == OrgKind::kSubCell || o.kind == OrgKind::kBaseCell;
}

YearFigure& YearOf(std::vector<YearFigure>& v, int year) {
  for (YearFigure& y : v) {
    if (y.year == year) return y;
  }
  v.push_back({year, 0, 0});
  std::sort(v.begin(), v.end(), [](const YearFigure& a, const YearFigure& b) {
    return a.year < b.year;
  });
  return YearOf(v, year);
}

RatingYear& RatingOf(std::vector<RatingYear>& v, int year) {
  for (RatingYear& y : v) {
    if (y.year == year) return y;
  }
  v.push_back(RatingYear{year});
  std::sort(v.begin(), v.end(),
            [](const RatingYear& a, const RatingYear& b) { return a.year < b.year; });
  return RatingOf(v, year);
}

std::optional<double> Percent(double part, double total) {
  if (total <= 0) return std::nullopt;
  return 100.0 * part / total;
}

// The meeting window: the 12 whole months before as_of's month, clipped to the term.
void SetWindow(const PartyBuildingInput& in, Digest& d) {
  PartyBuilding& f = d.figures;
  const int last = MonthIndex(in.as_of) - 1;
  const int first = std::max(last - 11, MonthIndex(in.term.start));
  f.window_months = std::max(0, last - first + 1);
  f.window_from = Date{first / 12, first % 12 + 1, 1};
  f.window_to = AddDays(Date{(last + 1) / 12, (last + 1) % 12 + 1, 1}, -1);
  d.window_first_month = first;
  for (int m = first; m <= last; ++m) d.window_quarters.insert((m / 12) * 4 + (m % 12) / 3);
  f.window_quarters = static_cast<int>(d.window_quarters.size());
}

}  // namespace

Digest DigestRecords(const PartyBuildingInput& in) {
  Digest d;
  PartyBuilding& f = d.figures;
  SetWindow(in, d);
  // The units and cells of the subtree open on as_of; each organization's unit.
  std::unordered_map<int64_t, size_t> unit_of, cell_of;
  for (const Organization& o : in.tree->Subtree(in.root_org)) {
    if (!IsActiveOn(o, in.as_of)) continue;
    if (IsUnit(o)) {
      UnitFacts u;
      u.org = &o;
      for (const Organization& x : in.tree->Subtree(o.id)) {
        u.members += x.members;
        unit_of.emplace(x.id, d.units.size());
      }
      d.units.push_back(std::move(u));
    }
    if (IsCell(o)) {
      cell_of.emplace(o.id, d.cells.size());
      d.cells.push_back({&o, {}, {}});
    }
  }
  f.units = static_cast<int>(d.units.size());
  f.cells = static_cast<int>(d.cells.size());
  std::unordered_map<int64_t, std::string> code_of;
  for (const RecordType& t : in.types) code_of.emplace(t.id, t.code);

  double present = 0, total = 0, reached = 0, workers = 0, att_present = 0, att_total = 0;
  std::set<int64_t> inspected;
  for (const Record& r : in.records) {
    const std::string& code = code_of[r.type_id];
    auto u = unit_of.find(r.org_id);
    UnitFacts* unit = u == unit_of.end() ? nullptr : &d.units[u->second];
    if (code == kRecordDissemination) {
      const std::optional<Date> held = DateOf(r, "held_on");
      const std::string doc = Text(r, "document");
      if (!held || doc.empty()) continue;
      ++f.sessions;
      present += Num(r, "members_present").value_or(0);
      total += Num(r, "members_total").value_or(0);
      const std::optional<double> wr = Num(r, "workers_reached");
      const std::optional<double> wt = Num(r, "workers_total");
      if (wr && wt) {
        reached += *wr;
        workers += *wt;
      }
      std::optional<Date>& issued = d.issued[doc];
      if (const std::optional<Date> i = DateOf(r, "issued_on"); i && (!issued || *i < *issued)) {
        issued = i;
      }
      if (unit != nullptr) {
        auto [it, fresh] = unit->first_session.emplace(doc, *held);
        if (!fresh && *held < it->second) it->second = *held;
        if (wr && wt) {
          unit->workers_reached += *wr;
          unit->workers_total += *wt;
        }
      }
    } else if (code == kRecordCellMeeting) {
      const std::optional<Date> held = DateOf(r, "held_on");
      if (!held || *held < f.window_from || f.window_to < *held) continue;
      auto c = cell_of.find(r.org_id);
      const bool thematic = Option(r, "kind") == "thematic";
      if (thematic) {
        ++f.thematic_meetings;
        if (c != cell_of.end()) d.cells[c->second].quarters.insert(QuarterIndex(*held));
      } else {
        ++f.regular_meetings;
        att_present += Num(r, "members_present").value_or(0);
        att_total += Num(r, "members_total").value_or(0);
        if (c != cell_of.end()) d.cells[c->second].months.insert(MonthIndex(*held));
      }
    } else if (code == kRecordAdmission) {
      const std::optional<Date> on = DateOf(r, "stage_on");
      if (!on || Option(r, "stage") != "admitted") continue;
      YearFigure& y = YearOf(f.admissions, on->year);
      ++y.count;
      if (unit != nullptr) {
        ++unit->admitted;
        if (unit->org->sector == Sector::kNonStateEnterprise) ++y.part;
      }
    } else if (code == kRecordInspection) {
      ++f.inspections;
      auto it = r.values.find("subject_org");
      const OrgRef* subject = it == r.values.end() ? nullptr : std::get_if<OrgRef>(&it->second);
      inspected.insert(subject != nullptr ? subject->id : r.org_id);
      if (Yes(r, "violation")) ++f.violations;
    } else if (code == kRecordRoleModelPledge) {
      const std::string assessed = Option(r, "committee_assessment");
      const std::optional<double> year = Num(r, "year");
      if (assessed.empty() || !year) continue;
      YearFigure& y = YearOf(f.pledges, static_cast<int>(*year));
      ++y.count;
      if (assessed == "kept") {
        ++y.part;
      } else if (unit != nullptr) {
        unit->pledges_not_kept.insert(static_cast<int>(*year));
      }
    } else if (code == kRecordQualityRating) {
      const std::optional<double> year = Num(r, "year");
      if (!year || Option(r, "subject_kind") != "organization") continue;
      RatingYear& y = RatingOf(f.ratings, static_cast<int>(*year));
      const std::string rating = Option(r, "rating");
      auto it = r.values.find("subject_org");
      const OrgRef* subject = it == r.values.end() ? nullptr : std::get_if<OrgRef>(&it->second);
      const int64_t rated = subject != nullptr ? subject->id : r.org_id;
      if (rating == "HTXSNV") ++y.excellent;
      if (rating == "HTTNV") ++y.good;
      if (rating == "HTNV") ++y.done;
      if (rating == "KHTNV") {
        ++y.failed;
        auto ru = unit_of.find(rated);
        if (ru != unit_of.end() && d.units[ru->second].org->id == rated) {
          d.units[ru->second].rated_failed.insert(static_cast<int>(*year));
        }
      }
    } else if (code == kRecordMassMobilizationModel) {
      const std::string status = Option(r, "status");
      if (status == "registered") ++f.models_registered;
      if (status == "recognized") ++f.models_recognized;
    } else if (code == kRecordWorkersConference) {
      const std::optional<double> year = Num(r, "year");
      if (!year) continue;
      YearFigure& y = YearOf(f.conferences, static_cast<int>(*year));
      ++y.count;
      if (Yes(r, "held")) ++y.part;
    }
  }
  f.member_reach = Percent(present, total);
  f.worker_reach = Percent(reached, workers);
  f.attendance = Percent(att_present, att_total);
  f.inspected_orgs = static_cast<int>(inspected.size());
  for (const CellFacts& c : d.cells) {
    if (f.window_months > 0 && static_cast<int>(c.months.size()) >= f.window_months) {
      ++f.cells_every_month;
    }
    if (f.window_quarters > 0 && 2 * static_cast<int>(c.quarters.size()) >= f.window_quarters) {
      ++f.cells_thematic_regular;
    }
  }
  // Per document: done, late, not done.
  for (const auto& [doc, issued] : d.issued) {
    DocumentDissemination dd{doc, issued, 0, 0, 0};
    const bool has_deadline = issued.has_value();
    const Date deadline = AddDays(issued.value_or(Date{}), kDisseminationDeadlineDays);
    for (const UnitFacts& u : d.units) {
      auto s = u.first_session.find(doc);
      if (s != u.first_session.end()) {
        ++dd.done;
        if (has_deadline && deadline < s->second) ++dd.late;
      } else if (has_deadline && deadline < in.as_of && IsActiveOn(*u.org, deadline)) {
        ++dd.not_done;  // (a unit set up after the deadline is not behind)
      }
    }
    f.documents.push_back(dd);
  }
  std::stable_sort(f.documents.begin(), f.documents.end(),
                   [](const DocumentDissemination& a, const DocumentDissemination& b) {
                     if (a.issued.has_value() != b.issued.has_value()) return a.issued.has_value();
                     return a.issued && b.issued && *a.issued < *b.issued;
                   });
  return d;
}

}  // namespace party_internal

PartyBuilding BuildPartyBuilding(const PartyBuildingInput& in, std::vector<Finding>* findings) {
  party_internal::Digest d = party_internal::DigestRecords(in);
  if (findings != nullptr && !in.records.empty()) {
    party_internal::AppendFindings(d, in.as_of, findings);
  }
  return std::move(d.figures);
}

}  // namespace nq::review
