#include "domain/user.h"

#include "common/utf8.h"

namespace nq {
namespace {

constexpr size_t kMinUsername = 3;
constexpr size_t kMaxUsername = 64;
constexpr size_t kMaxFullName = 255;

bool IsUsernameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

}  // namespace

const char* RoleCode(Role r) {
  switch (r) {
    case Role::kAdmin: return "admin";
    case Role::kCommittee: return "committee";
    case Role::kReporter: return "reporter";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

const char* RoleLabel(Role r) {
  switch (r) {
    case Role::kAdmin: return "Quản trị";
    case Role::kCommittee: return "Cấp ủy";
    case Role::kReporter: return "Báo cáo viên";
    case Role::kViewer: return "Theo dõi";
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view code) {
  for (Role r : {Role::kAdmin, Role::kCommittee, Role::kReporter, Role::kViewer}) {
    if (code == RoleCode(r)) return r;
  }
  return std::nullopt;
}

namespace {
constexpr Board kBoards[] = {Board::kNone,       Board::kOrganization,     Board::kInspection,
                             Board::kPropaganda, Board::kMassMobilization, Board::kOffice};
}  // namespace

const char* BoardCode(Board b) {
  switch (b) {
    case Board::kNone: return "";
    case Board::kOrganization: return "organization";
    case Board::kInspection: return "inspection";
    case Board::kPropaganda: return "propaganda";
    case Board::kMassMobilization: return "mass_mobilization";
    case Board::kOffice: return "office";
  }
  return "";
}

const char* BoardLabel(Board b) {
  switch (b) {
    case Board::kNone: return "";
    case Board::kOrganization: return "Ban Tổ chức";
    case Board::kInspection: return "Ủy ban Kiểm tra";
    case Board::kPropaganda: return "Ban Tuyên giáo";
    case Board::kMassMobilization: return "Ban Dân vận";
    case Board::kOffice: return "Văn phòng";
  }
  return "";
}

std::optional<Board> ParseBoard(std::string_view code) {
  if (code == "none") return Board::kNone;
  for (Board b : kBoards) {
    if (code == BoardCode(b)) return b;
  }
  return std::nullopt;
}

bool IsPersonnelBoard(Board b) { return b == Board::kOrganization || b == Board::kInspection; }

bool CanManageUsers(Role r) { return r == Role::kAdmin; }
bool CanEditOrganizations(Role r) { return r == Role::kAdmin || r == Role::kCommittee; }

bool CanEditPlan(Role r) { return r == Role::kAdmin || r == Role::kCommittee; }
bool CanEnterData(Role r) { return r != Role::kViewer; }

std::string NormalizeUsername(std::string_view name) {
  std::string out(Trim(name));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsValidUsername(std::string_view name) {
  if (name.size() < kMinUsername || name.size() > kMaxUsername) return false;
  for (char c : name) {
    if (!IsUsernameChar(c)) return false;
  }
  return true;
}

Status ValidateUser(const User& u) {
  if (!IsValidUsername(u.username)) {
    return Status::Invalid("user.username_invalid",
                           "Tên đăng nhập gồm 3 đến 64 ký tự: chữ thường không dấu, chữ số, dấu "
                           "chấm, gạch ngang, gạch dưới");
  }
  if (!IsValidUtf8(u.full_name)) {
    return Status::Invalid("user.full_name_invalid",
                           "Họ và tên chứa ký tự không hợp lệ (không phải UTF-8)");
  }
  if (Trim(u.full_name).empty()) {
    return Status::Invalid("user.full_name_required", "Họ và tên không được để trống");
  }
  if (CodePointCount(u.full_name) > kMaxFullName) {
    return Status::Invalid("user.full_name_too_long", "Họ và tên dài tối đa 255 ký tự");
  }
  if (u.org_id <= 0) {
    return Status::Invalid("user.org_required", "Tổ chức của người dùng không được để trống");
  }
  return Status::Ok();
}

}  // namespace nq
