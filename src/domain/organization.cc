#include "domain/organization.h"

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMaxCodeLength = 32;
constexpr size_t kMaxNameLength = 255;
constexpr int kMaxMembers = 1000000;

bool IsCodeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

}  // namespace

const char* OrgKindCode(OrgKind k) {
  switch (k) {
    case OrgKind::kBlocCommittee: return "bloc_committee";
    case OrgKind::kBaseCommittee: return "base_committee";
    case OrgKind::kBaseCell: return "base_cell";
    case OrgKind::kSubCell: return "sub_cell";
  }
  return "base_cell";
}

const char* OrgKindLabel(OrgKind k) {
  switch (k) {
    case OrgKind::kBlocCommittee: return "Đảng bộ khối";
    case OrgKind::kBaseCommittee: return "Đảng bộ cơ sở";
    case OrgKind::kBaseCell: return "Chi bộ cơ sở";
    case OrgKind::kSubCell: return "Chi bộ trực thuộc";
  }
  return "";
}

std::optional<OrgKind> ParseOrgKind(std::string_view code) {
  for (OrgKind k : {OrgKind::kBlocCommittee, OrgKind::kBaseCommittee, OrgKind::kBaseCell,
                    OrgKind::kSubCell}) {
    if (code == OrgKindCode(k)) return k;
  }
  return std::nullopt;
}

const char* SectorCode(Sector s) {
  switch (s) {
    case Sector::kNone: return "none";
    case Sector::kStateAgency: return "state_agency";
    case Sector::kPublicServiceUnit: return "public_service_unit";
    case Sector::kStateEnterprise: return "state_enterprise";
    case Sector::kNonStateEnterprise: return "non_state_enterprise";
  }
  return "none";
}

const char* SectorLabel(Sector s) {
  switch (s) {
    case Sector::kNone: return "";
    case Sector::kStateAgency: return "Cơ quan hành chính";
    case Sector::kPublicServiceUnit: return "Đơn vị sự nghiệp";
    case Sector::kStateEnterprise: return "Doanh nghiệp nhà nước";
    case Sector::kNonStateEnterprise: return "Doanh nghiệp ngoài khu vực Nhà nước";
  }
  return "";
}

std::optional<Sector> ParseSector(std::string_view code) {
  for (Sector s : {Sector::kNone, Sector::kStateAgency, Sector::kPublicServiceUnit,
                   Sector::kStateEnterprise, Sector::kNonStateEnterprise}) {
    if (code == SectorCode(s)) return s;
  }
  return std::nullopt;
}

bool IsValidOrgCode(std::string_view code) {
  if (code.empty() || code.size() > kMaxCodeLength) return false;
  for (char c : code) {
    if (!IsCodeChar(c)) return false;
  }
  return true;
}

Status ValidateOrganization(const Organization& org) {
  if (org.code.empty())
    return Status::Invalid("org.code_invalid", "Mã tổ chức không được để trống");
  if (!IsValidOrgCode(org.code)) {
    return Status::Invalid(
        "org.code_invalid",
        "Mã tổ chức chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch "
        "dưới (tối đa 32 ký tự)");
  }
  if (!IsValidUtf8(org.name)) {
    return Status::Invalid("org.name_invalid",
                           "Tên tổ chức chứa ký tự không hợp lệ (không phải UTF-8)");
  }
  if (Trim(org.name).empty()) {
    return Status::Invalid("org.name_required", "Tên tổ chức không được để trống");
  }
  if (CodePointCount(org.name) > kMaxNameLength) {
    return Status::Invalid("org.name_too_long", "Tên tổ chức dài tối đa 255 ký tự");
  }
  if (org.members < 0 || org.members > kMaxMembers) {
    return Status::Invalid("org.members_invalid", "Số đảng viên phải từ 0 đến 1.000.000");
  }
  if (org.workers < 0) {
    return Status::Invalid("org.workers_invalid", "Số người lao động không được âm");
  }
  if (!IsValid(org.valid_from)) {
    return Status::Invalid("org.valid_from_invalid", "Ngày thành lập không phải ngày hợp lệ");
  }
  if (org.valid_to) {
    if (!IsValid(*org.valid_to)) {
      return Status::Invalid("org.valid_to_invalid", "Ngày ngừng hoạt động không phải ngày hợp lệ");
    }
    if (*org.valid_to < org.valid_from) {
      return Status::Invalid("org.valid_to_invalid", "Ngày ngừng hoạt động (" +
                                                         FormatVi(*org.valid_to) +
                                                         ") không được trước ngày thành lập (" +
                                                         FormatVi(org.valid_from) + ")");
    }
  }
  if (!org.parent_id && org.kind != OrgKind::kBlocCommittee) {
    return Status::Invalid(
        "org.parent_required",
        std::string("Tổ chức cấp trên không được để trống: chỉ đảng bộ khối mới là "
                    "cấp cao nhất, còn tổ chức này là ") +
            OrgKindLabel(org.kind));
  }
  if (org.parent_id && org.id != 0 && *org.parent_id == org.id) {
    return Status::Invalid("org.parent_invalid", "Tổ chức không thể là cấp trên của chính nó");
  }
  return Status::Ok();
}

bool IsActiveOn(const Organization& org, const Date& d) {
  return org.valid_from <= d && (!org.valid_to || d <= *org.valid_to);
}

}  // namespace nq
