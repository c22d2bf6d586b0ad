// `nqtrack user add|passwd|list|disable`: user administration as the system (no scope), with the
// same validation as the web (UserService::*AsSystem).
#include <ostream>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "cli/password_input.h"
#include "cli/text_table.h"
#include "common/time.h"
#include "service/app.h"

namespace nq::cli {
namespace {

void AddUsername(CLI::App& sub, Args& a) {
  sub.add_option("USERNAME", a.username, "User name: 3-64 of a-z 0-9 . _ -")->required();
}

void AddPassword(CLI::App& sub, Args& a) {
  sub.add_option("--password", a.password,
                 "The password (else prompted for on a terminal, or the first line of stdin)");
}

}  // namespace

void DefineUserAdd(CLI::App& sub, Args& a) {
  AddUsername(sub, a);
  sub.add_option("--full-name", a.full_name, "Full name, e.g. \"Nguyễn Văn An\"")->required();
  sub.add_option("--role", a.role, "Role: admin, committee, reporter, viewer")
      ->required()
      ->check(CLI::IsMember({"admin", "committee", "reporter", "viewer"}));
  sub.add_option("--org", a.org_code, "Code of the user's organization (their scope)")->required();
  sub.add_option("--board", a.board,
                 "Committee board: organization (Ban Tổ chức), inspection (Ủy ban Kiểm tra), "
                 "propaganda, mass_mobilization, office; default none")
      ->check(CLI::IsMember(
          {"", "none", "organization", "inspection", "propaganda", "mass_mobilization", "office"}));
  AddPassword(sub, a);
}

int RunUserAdd(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  const Organization* org = (*app)->orgs().tree()->FindByCode(a.org_code);
  if (org == nullptr) return Fail(io, UnknownOrgCode(a.org_code));
  Result<std::string> password = ReadNewPassword(io, a.password);
  if (!password.ok()) return Fail(io, password.status());
  UserInput in;
  in.username = a.username;
  in.full_name = a.full_name;
  in.role = ParseRole(a.role);
  in.org_id = org->id;
  in.board = ParseBoard(a.board);
  in.password = *password;
  Result<UserView> user = (*app)->users().CreateAsSystem(in);
  if (!user.ok()) return Fail(io, user.status());
  io.out << "Đã thêm người dùng " << user->username << " (" << RoleLabel(user->role) << ", "
         << org->name << ")\n";
  return kExitOk;
}

void DefineUserPasswd(CLI::App& sub, Args& a) {
  AddUsername(sub, a);
  AddPassword(sub, a);
}

int RunUserPasswd(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  Result<std::string> password = ReadNewPassword(io, a.password);
  if (!password.ok()) return Fail(io, password.status());
  Result<UserView> user = (*app)->users().SetPasswordAsSystem(a.username, *password);
  if (!user.ok()) return Fail(io, user.status());
  io.out << "Đã đặt mật khẩu mới cho " << user->username
         << "; mọi phiên đăng nhập của người này đã kết thúc\n";
  return kExitOk;
}

void DefineUserList(CLI::App&, Args&) {}

int RunUserList(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  Result<std::vector<UserView>> users = (*app)->users().ListAsSystem();
  if (!users.ok()) return Fail(io, users.status());
  std::shared_ptr<const OrgTree> tree = (*app)->orgs().tree();
  TextTable table(
      {"Tên đăng nhập", "Họ và tên", "Vai trò", "Mã tổ chức", "Tổ chức", "Trạng thái", "Ngày tạo"});
  for (const UserView& u : *users) {
    const Organization* org = tree->Find(u.org_id);
    table.AddRow({u.username, u.full_name, RoleLabel(u.role), org ? org->code : "", u.org_name,
                  u.disabled ? "Đã khóa" : "Hoạt động", FormatVi(DateInVietnam(u.created_at))});
  }
  io.out << table.Render() << users->size() << " người dùng\n";
  return kExitOk;
}

void DefineUserDisable(CLI::App& sub, Args& a) { AddUsername(sub, a); }

int RunUserDisable(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 1, true);
  if (!app.ok()) return Fail(io, app.status());
  Result<UserView> user = (*app)->users().DisableAsSystem(a.username);
  if (!user.ok()) return Fail(io, user.status());
  io.out << "Đã khóa người dùng " << user->username
         << "; mọi phiên đăng nhập của người này đã kết thúc\n";
  return kExitOk;
}

}  // namespace nq::cli
