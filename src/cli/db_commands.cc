// `nqtrack init` and `nqtrack demo`: create a database, its root organization and first admin,
// or the whole demo data set.
#include <filesystem>
#include <ostream>
#include <system_error>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "cli/demo_data.h"
#include "cli/text_table.h"
#include "common/format.h"
#include "service/app.h"

namespace nq::cli {
namespace {

constexpr const char* kAdminUsername = "admin";

Status CreateRoot(App& app, const Args& a, Io& io) {
  if (a.root_code.empty() || a.root_name.empty()) {
    return Status::Invalid("cli.root_required",
                           "Cơ sở dữ liệu chưa có tổ chức nào: hãy cho biết tổ chức gốc bằng "
                           "--root-code và --root-name (ví dụ --root-code BTR --root-name "
                           "\"Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh\")");
  }
  OrgService::ImportRow row;
  row.line = 1;
  row.input.code = a.root_code;
  row.input.name = a.root_name;
  row.input.kind = OrgKind::kBlocCommittee;
  row.input.sector = Sector::kNone;
  NQ_RETURN_IF_ERROR(app.orgs().ImportAsSystem({row}, CliActor()).status());
  io.out << "Đã tạo tổ chức gốc " << a.root_code << " — " << a.root_name << "\n";
  return Status::Ok();
}

Status CreateAdmin(App& app, const Args& a, Io& io) {
  NQ_ASSIGN_OR_RETURN(std::vector<UserView> users, app.users().ListAsSystem());
  for (const UserView& u : users) {
    if (u.username == kAdminUsername) {
      io.out << "Người dùng admin đã có; giữ nguyên (đổi mật khẩu bằng: nqtrack user passwd "
                "admin)\n";
      return Status::Ok();
    }
  }
  std::shared_ptr<const OrgTree> tree = app.orgs().tree();
  const Organization* root = nullptr;
  if (!a.root_code.empty()) {
    root = tree->FindByCode(a.root_code);
    if (root == nullptr) return UnknownOrgCode(a.root_code);
  } else {
    root = tree->Find(tree->Roots().front());
  }
  UserInput in;
  in.username = kAdminUsername;
  in.full_name = "Quản trị hệ thống";
  in.role = Role::kAdmin;
  in.org_id = root->id;
  in.password = a.admin_password;
  NQ_RETURN_IF_ERROR(app.users().CreateAsSystem(in).status());
  io.out << "Đã tạo người dùng admin (quản trị) tại " << root->name << "\n";
  return Status::Ok();
}

// Removes a SQLite database file and its companions; NotFound files are fine.
Status RemoveSqliteFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec;
    std::filesystem::remove(path + suffix, ec);
    if (ec) {
      return Status::Internal("cli.remove_failed",
                              "Không xóa được tệp " + path + suffix + ": " + ec.message());
    }
  }
  return Status::Ok();
}

void PrintDemo(const std::string& db_url, const DemoSummary& s, Io& io) {
  io.out << "Đã tạo dữ liệu minh họa (không phải số liệu thật) trong " << db_url << ":\n"
         << "  - " << FormatIntVi(s.organizations) << " tổ chức đảng, trong đó "
         << FormatIntVi(s.grassroots) << " tổ chức cơ sở đảng; " << FormatIntVi(s.members)
         << " đảng viên, " << FormatIntVi(s.workers) << " người lao động\n"
         << "  - Nhiệm kỳ 2020 - 2025; Nghị quyết " << s.resolution_number << ": " << s.targets
         << " mục tiêu, " << s.tasks << " nhiệm vụ đột phá\n"
         << "  - " << s.data_sets << " biểu mẫu báo cáo, " << FormatIntVi(s.values)
         << " giá trị số liệu từ tháng 8/2020 đến tháng 5/2023\n"
         << "  - " << FormatIntVi(s.records)
         << " hồ sơ công tác xây dựng Đảng (quán triệt nghị quyết, sinh hoạt chi bộ, kết nạp "
            "đảng viên, kiểm tra, xếp loại, nêu gương, “Dân vận khéo”, hội nghị người lao động): "
            "trang /records\n"
         << "  - " << s.assigned_tasks << " nhiệm vụ được giao (của Nghị quyết "
         << s.resolution_number << " và Nghị quyết " << s.provincial_number
         << " của Đại hội Đảng bộ tỉnh: văn bản cụ thể hóa, công trình, dự án trọng điểm), "
         << FormatIntVi(s.progress_updates) << " báo cáo tiến độ\n"
         << "  - Đánh giá giữa nhiệm kỳ (ngày " << FormatVi(kDemoReviewDate)
         << "): trang /resolutions/" << s.resolution_id
         << "/dashboard?as_of=" << FormatIso(kDemoReviewDate) << "\n"
         << "  - Báo cáo sơ kết giữa nhiệm kỳ số " << s.review_number
         << " (đã ban hành): trang /reviews/" << s.review_id << "\n\n"
         << "Tài khoản dùng thử (mật khẩu chung: " << kDemoPassword << "):\n";
  TextTable table({"Tên đăng nhập", "Vai trò", "Họ và tên", "Đơn vị"});
  for (const DemoUser& u : s.users) {
    table.AddRow({u.username, RoleLabel(u.role), u.full_name, u.note});
  }
  io.out << table.Render();
}

}  // namespace

void DefineInit(CLI::App& sub, Args& a) {
  sub.add_option("--admin-password", a.admin_password,
                 "Also create the user admin at the root organization with this password "
                 "(skipped if admin exists)");
  sub.add_option("--root-code", a.root_code,
                 "Code of the root organization to create when the database has none");
  sub.add_option("--root-name", a.root_name, "Name of that root organization");
}

int RunInit(const Args& a, Io& io) {
  auto app = OpenApp(a.db, 2, false);
  if (!app.ok()) return Fail(io, app.status());
  if ((*app)->orgs().tree()->size() == 0) {
    Status st = CreateRoot(**app, a, io);
    if (!st.ok()) return Fail(io, st);
  } else if (!a.root_name.empty() && a.root_code.empty()) {
    return UsageError(io, "--root-name cần đi kèm --root-code");
  }
  if (!a.admin_password.empty()) {
    Status st = CreateAdmin(**app, a, io);
    if (!st.ok()) return Fail(io, st);
  }
  io.out << "Cơ sở dữ liệu sẵn sàng: " << (*app)->db().backend() << ", phiên bản lược đồ "
         << (*app)->db().schema_version() << ", " << (*app)->orgs().tree()->size() << " tổ chức\n";
  return kExitOk;
}

void DefineDemo(CLI::App& sub, Args& a) {
  sub.add_flag("--force", a.force,
               "Delete the SQLite database file first if it exists (never needed on an empty "
               "database)");
}

int RunDemo(const Args& a, Io& io) {
  const std::string path = SqliteFilePath(a.db);
  if (a.force && !path.empty()) {
    Status st = RemoveSqliteFiles(path);
    if (!st.ok()) return Fail(io, st);
  }
  auto app = OpenApp(a.db, 2, false);
  if (!app.ok()) return Fail(io, app.status());
  Result<DemoSummary> demo = CreateDemo(**app);
  if (!demo.ok()) {
    Status st = demo.status();
    if (st.key() == "demo.not_empty") {
      st = Status::Conflict(
          st.key(),
          st.message() + (path.empty() ? ". Với PostgreSQL, hãy dùng một cơ sở dữ liệu "
                                         "trống"
                                       : ". Thêm --force để xóa tệp " + path + " và tạo lại"));
    }
    return Fail(io, st);
  }
  PrintDemo(a.db, *demo, io);
  return kExitOk;
}

}  // namespace nq::cli
