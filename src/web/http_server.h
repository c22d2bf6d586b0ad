// HttpServer: an asynchronous HTTP/1.1 server on Boost.Beast/Asio. Beast and Asio are included
// only by http_server.cc (pimpl).
//
// Behaviour: keep-alive; a configurable number of I/O threads that also run handlers (handlers
// must therefore be quick and thread-safe); limits on header and body size (431 / 413 replies,
// connection closed; a multipart/form-data upload has a limit of its own); read timeout per request and write timeout per response (the connection is
// closed on expiry); graceful shutdown: Stop() (or SIGTERM/SIGINT when handle_signals) stops
// accepting, lets requests in flight finish, then Run() returns.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "web/http.h"

namespace nq::web {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;           // 0 picks a free port (see HttpServer::port())
  int threads = 2;
  size_t max_header_bytes = size_t{16} * 1024;
  size_t max_body_bytes = size_t{8} * 1024 * 1024;
  // The body limit for multipart/form-data requests instead (uploads: 5 evidence files of 8 MiB
  // and the form's fields).
  size_t max_upload_bytes = size_t{48} * 1024 * 1024;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  bool behind_tls = false;        // marks requests secure (Secure cookies)
  bool handle_signals = true;     // SIGTERM/SIGINT -> Stop()
};

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. Invalid if the address is not an IP address; Unavailable if it cannot be
  // bound. Also tunes the process for serving: raises the open-file soft limit to the hard limit
  // (thousands of keep-alive connections) and keeps glibc from returning freed heap to the kernel
  // after every large response.
  Status Listen();
  // The bound port (after Listen()).
  uint16_t port() const;
  // Serves until Stop(); returns after in-flight requests complete. Call after Listen().
  void Run();
  // Thread-safe and async-signal-unsafe; may be called from any thread, any number of times.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nq::web
