#include "store/database_url.h"

#include <libpq-fe.h>

#include <memory>
#include <string_view>

namespace nq::store {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr std::string_view kMemory = ":memory:";

Status BadUrl(const std::string& detail) {
  return Status::Invalid("db.url", "Địa chỉ cơ sở dữ liệu không hợp lệ: " + detail +
                                       ". Dùng sqlite:ĐƯỜNG_DẪN, sqlite::memory: hoặc "
                                       "postgresql://người_dùng@máy:cổng/tên_csdl");
}

bool NeedsQuoting(std::string_view v) {
  for (char c : v) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '"' || c == '\\') {
      return true;
    }
  }
  return false;
}

Result<DatabaseUrl> ParsePostgres(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (opts == nullptr) {
    std::string detail = err != nullptr ? err : "không đọc được";
    if (err != nullptr) PQfreemem(err);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    return BadUrl(detail);
  }
  std::unique_ptr<PQconninfoOption, void (*)(PQconninfoOption*)> guard(opts, PQconninfoFree);
  DatabaseUrl out;
  out.backend = Backend::kPostgresql;
  bool has_encoding = false;
  bool has_timeout = false;
  for (PQconninfoOption* o = opts; o->keyword != nullptr; ++o) {
    if (o->val == nullptr || o->val[0] == '\0') continue;
    std::string_view key = o->keyword;
    std::string_view val = o->val;
    if (NeedsQuoting(val)) {
      return BadUrl("giá trị của \"" + std::string(key) +
                    "\" chứa dấu cách, dấu nháy hoặc dấu \\ (hãy đặt mật khẩu trong ~/.pgpass "
                    "hoặc biến môi trường PGPASSWORD)");
    }
    if (key == "client_encoding") has_encoding = true;
    if (key == "connect_timeout") has_timeout = true;
    if (!out.pg_conninfo.empty()) out.pg_conninfo += ' ';
    out.pg_conninfo.append(key).append("=").append(val);
  }
  if (!has_encoding) out.pg_conninfo += " client_encoding=UTF8";
  if (!has_timeout) out.pg_conninfo += " connect_timeout=10";
  return out;
}

}  // namespace

const char* BackendName(Backend b) { return b == Backend::kSqlite ? "sqlite" : "postgresql"; }

Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url) {
  if (url.empty()) return BadUrl("chưa có địa chỉ");
  std::string_view u = url;
  if (u.substr(0, kSqlitePrefix.size()) == kSqlitePrefix) {
    std::string_view rest = u.substr(kSqlitePrefix.size());
    // "sqlite://path" is a common slip for "sqlite:path": accept it.
    if (rest.substr(0, 2) == "//") rest.remove_prefix(2);
    if (rest.empty()) return BadUrl("thiếu đường dẫn tệp sau \"sqlite:\"");
    if (rest.find('"') != std::string_view::npos || rest.find('\0') != std::string_view::npos) {
      return BadUrl("đường dẫn tệp chứa ký tự không dùng được");
    }
    DatabaseUrl out;
    out.backend = Backend::kSqlite;
    out.sqlite_memory = rest == kMemory;
    out.sqlite_path = std::string(rest);
    return out;
  }
  if (u.substr(0, 13) == "postgresql://" || u.substr(0, 11) == "postgres://") {
    return ParsePostgres(url);
  }
  std::string_view scheme = u.substr(0, u.find(':'));
  if (scheme.size() == u.size())
    return BadUrl("thiếu tên loại cơ sở dữ liệu (sqlite: hoặc postgresql://)");
  return BadUrl("không hỗ trợ loại \"" + std::string(scheme) + "\"");
}

std::string SqliteConnectString(const std::string& path) {
  // SOCI takes a connection string without '=' as the file name itself; otherwise the name
  // goes into db="...", which ParseDatabaseUrl made sure holds no quote.
  if (path.find('=') == std::string::npos) return path;
  return "db=\"" + path + "\"";
}

}  // namespace nq::store
