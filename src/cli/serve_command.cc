// `nqtrack serve`: the web application and the JSON API over HTTP until SIGTERM or SIGINT.
#include <ostream>

#include "cli/cli11.h"
#include "cli/commands.h"
#include "common/log.h"
#include "service/app.h"
#include "web/app_handler.h"
#include "web/http_server.h"

namespace nq::cli {

void DefineServe(CLI::App& sub, Args& a) {
  sub.add_option("--address", a.address, "Address to listen on")->capture_default_str();
  sub.add_option("--port", a.port, "TCP port (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  sub.add_option("--threads", a.threads, "I/O and handler threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  sub.add_flag("--behind-tls", a.behind_tls,
               "A TLS proxy forwards to this server: mark session cookies Secure");
}

int RunServe(const Args& a, Io& io) {
  // One connection per handler thread, plus one for writers that wait on the write lock.
  auto app = OpenApp(a.db, a.threads + 1, false);
  if (!app.ok()) return Fail(io, app.status());

  web::AppOptions app_options;
  app_options.force_secure_cookies = a.behind_tls;
  web::HttpServerOptions options;
  options.address = a.address;
  options.port = static_cast<uint16_t>(a.port);
  options.threads = a.threads;
  options.behind_tls = a.behind_tls;
  options.handle_signals = true;
  web::HttpServer server(options, web::MakeAppHandler(**app, app_options));
  Status listening = server.Listen();
  if (!listening.ok()) return Fail(io, listening);

  const bool v6 = a.address.find(':') != std::string::npos;
  io.out << "Đang phục vụ tại http://" << (v6 ? "[" : "") << a.address << (v6 ? "]" : "") << ":"
         << server.port() << std::endl;
  log::Info("nqtrack serve: " + (*app)->db().backend() + ", " + std::to_string(a.threads) +
            " luồng");
  server.Run();
  io.out << "Đã dừng máy chủ" << std::endl;
  return kExitOk;
}

}  // namespace nq::cli
