#include "cli/commands.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
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

Status UnknownOrgCode(std::string_view code) {
  return Status::NotFound("org.not_found", "Không có tổ chức mã " + std::string(code));
}

// Larger files are refused before parsing (a province has ~1,000 organizations: ~150 KB).
constexpr size_t kMaxImportBytes = 64 * 1024 * 1024;

Result<std::string> ReadInputFile(const std::string& file, Io& io) {
  std::string text;
  if (file == "-") {
    std::ostringstream buffer;
    buffer << io.in.rdbuf();
    text = buffer.str();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::NotFound("cli.file_unreadable", "Không mở được tệp " + file);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) return Status::Invalid("cli.file_unreadable", "Không đọc được tệp " + file);
    if (static_cast<size_t>(size) > kMaxImportBytes) {
      return Status::TooLarge("cli.file_too_large", "Tệp " + file + " lớn quá giới hạn 64 MB");
    }
    in.seekg(0, std::ios::beg);
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    if (in.gcount() != size)
      return Status::Internal("cli.file_unreadable", "Lỗi khi đọc tệp " + file);
  }
  if (text.size() > kMaxImportBytes) {
    return Status::TooLarge("cli.file_too_large", "Dữ liệu vào lớn quá giới hạn 64 MB");
  }
  return text;
}

Status WriteOutputFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::Internal("cli.file_unwritable", "Không ghi được tệp " + path);
  return Status::Ok();
}

int EmitOutput(const Args& a, Io& io, const std::string& text) {
  if (a.output.empty()) {
    io.out << text << std::flush;
    return kExitOk;
  }
  const Status written = WriteOutputFile(a.output, text);
  return written.ok() ? kExitOk : Fail(io, written);
}

Result<Date> AsOfDate(const Args& a) {
  if (a.as_of.empty()) return Today();
  std::optional<Date> d = ParseIsoDate(a.as_of);
  if (!d) {
    return Status::Invalid("cli.as_of_invalid",
                           "ngày --as-of phải có dạng YYYY-MM-DD, ví dụ 2023-05-17");
  }
  return *d;
}

}  // namespace nq::cli
