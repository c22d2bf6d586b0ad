// Tổ chức đảng: a party organization, a node of the organization tree.
//
// Kinds and sectors follow GLOSSARY.md. Each enum has a stable code used in the database, the
// API and CSV files ("base_cell"), and a Vietnamese label for the UI ("Chi bộ cơ sở").
// Pure value types; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"

namespace nq {

enum class OrgKind {
  kBlocCommittee,  // đảng bộ khối (the top of a bloc)
  kBaseCommittee,  // đảng bộ cơ sở
  kBaseCell,       // chi bộ cơ sở
  kSubCell,        // chi bộ trực thuộc (a cell under a base committee)
};

enum class Sector {
  kNone,                // the bloc committee itself
  kStateAgency,         // cơ quan hành chính
  kPublicServiceUnit,   // đơn vị sự nghiệp
  kStateEnterprise,     // doanh nghiệp nhà nước
  kNonStateEnterprise,  // doanh nghiệp ngoài khu vực Nhà nước
};

const char* OrgKindCode(OrgKind k);   // "bloc_committee", "base_committee", ...
const char* OrgKindLabel(OrgKind k);  // "Đảng bộ khối", "Đảng bộ cơ sở", ...
std::optional<OrgKind> ParseOrgKind(std::string_view code);
const char* SectorCode(Sector s);     // "none", "state_agency", ...
const char* SectorLabel(Sector s);    // "", "Cơ quan hành chính", ...
std::optional<Sector> ParseSector(std::string_view code);

struct Organization {
  int64_t id = 0;                    // 0 until stored
  std::string code;                  // unique, [A-Za-z0-9._-]{1,32}, e.g. "DUK.STC"
  std::string name;                  // e.g. "Chi bộ Sở Tài chính"
  OrgKind kind = OrgKind::kBaseCell;
  Sector sector = Sector::kStateAgency;
  std::optional<int64_t> parent_id;  // nullopt only for a root
  int sort_order = 0;                // order among siblings (then by name)
  int members = 0;                   // số đảng viên
  int workers = 0;                   // số người lao động
  Date valid_from{2020, 1, 1};
  std::optional<Date> valid_to;      // set when the organization is closed (merged, dissolved)
  bool operator==(const Organization&) const = default;
};

// True for a well-formed organization code: 1..32 of [A-Za-z0-9._-].
bool IsValidOrgCode(std::string_view code);

// Checks the fields of an organization on their own (code format, name present and at most
// 255 code points, counts non-negative and members <= 1,000,000, valid_to >= valid_from, kind/
// parent consistency: only a bloc committee may be a root). Relations to other organizations
// are checked by OrgTree. Returns Invalid with a Vietnamese message naming the field, and keys
//   org.code_invalid, org.name_invalid (not UTF-8), org.name_required, org.name_too_long,
//   org.members_invalid, org.workers_invalid, org.valid_from_invalid, org.valid_to_invalid,
//   org.parent_required (a root that is not a bloc committee), org.parent_invalid (its own
//   parent).
Status ValidateOrganization(const Organization& org);

// True when the organization is open on the given date (valid_from <= d, and no valid_to or
// d <= valid_to).
bool IsActiveOn(const Organization& org, const Date& d);

}  // namespace nq
