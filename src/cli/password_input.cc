#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <istream>
#include <ostream>

namespace nq::cli {
namespace {

// Turns terminal echo off for its lifetime (no-op when stdin is not a terminal).
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

bool ReadLine(std::istream& in, std::string* line) {
  if (!std::getline(in, *line)) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

Status Missing() {
  return Status::Invalid("cli.password_missing",
                         "Chưa nhập mật khẩu (dùng --password, gõ trên terminal hoặc đưa qua "
                         "đầu vào chuẩn)");
}

}  // namespace

Result<std::string> ReadNewPassword(Io& io, const std::string& given) {
  if (!given.empty()) return given;
  std::string first;
  if (!io.interactive) {
    if (!ReadLine(io.in, &first)) return Missing();
    return first;
  }
  std::string second;
  {
    EchoOff quiet;
    io.out << "Mật khẩu: " << std::flush;
    bool ok = ReadLine(io.in, &first);
    io.out << "\nNhập lại mật khẩu: " << std::flush;
    ok = ok && ReadLine(io.in, &second);
    io.out << "\n";
    if (!ok) return Missing();
  }
  if (first != second) {
    return Status::Invalid("cli.password_mismatch", "Hai lần nhập mật khẩu không khớp nhau");
  }
  return first;
}

}  // namespace nq::cli
