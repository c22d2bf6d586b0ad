#include "cli/commands.h"

#include <filesystem>
#include <ostream>
#include <system_error>

namespace nq::cli {

int Fail(Io& io, const Status& status) {
  io.err << "Lỗi: " << status.message() << "\n";
  return kExitFailure;
}

int UsageError(Io& io, const std::string& message) {
  io.err << "Lỗi: " << message << "\n";
  return kExitUsage;
}

store::Actor CliActor() {
  store::Actor actor;
  actor.user_id = 0;
  actor.username = "system";
  actor.address = "cli";
  return actor;
}

std::string SqliteFilePath(const std::string& db_url) {
  constexpr std::string_view kScheme = "sqlite:";
  if (!db_url.starts_with(kScheme)) return "";
  std::string path = db_url.substr(kScheme.size());
  if (path.starts_with("//")) path.erase(0, 2);  // the store accepts "sqlite://path" too
  if (path.empty() || path == ":memory:") return "";
  return path;
}

Status EnsureDatabaseDirectory(const std::string& db_url) {
  const std::string path = SqliteFilePath(db_url);
  if (path.empty()) return Status::Ok();
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    return Status::Internal("cli.mkdir_failed",
                            "Không tạo được thư mục " + parent.string() + ": " + ec.message());
  }
  return Status::Ok();
}

Result<std::unique_ptr<App>> OpenApp(const std::string& db_url, int pool_size, bool must_exist) {
  const std::string path = SqliteFilePath(db_url);
  if (must_exist && !path.empty() && !std::filesystem::exists(path)) {
    return Status::NotFound("cli.no_database", "Không có tệp cơ sở dữ liệu " + path +
                                                   " (tạo bằng nqtrack init hoặc nqtrack demo)");
  }
  NQ_RETURN_IF_ERROR(EnsureDatabaseDirectory(db_url));
  return App::Open(db_url, pool_size);
}

const Organization* FindOrgByCode(const OrgTree& tree, std::string_view code) {
  for (size_t i = 0; i < tree.size(); ++i) {
    const Organization& org = tree.At(static_cast<int>(i));
    if (org.code == code) return &org;
  }
  return nullptr;
}

Status UnknownOrgCode(std::string_view code) {
  return Status::NotFound("org.not_found", "Không có tổ chức mã " + std::string(code));
}

}  // namespace nq::cli
