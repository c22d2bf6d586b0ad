// The only translation unit that includes Boost.Beast/Asio (STYLE.md rule 4).
//
// Shape: one io_context run by N threads; an acceptor on its own strand; one Session per
// connection on its own strand, reading with a request_parser (header and body limits), calling
// the Handler inline and writing the response, then reading again while keep-alive holds.
// Responses are serialized here (status line and headers into one string, sent with the body in
// one gather write) rather than through http::response: about a third less CPU per request.
// Shutdown: Stop() posts to the acceptor strand, which closes the acceptor and the signal set and
// asks every live session to finish: idle sessions close at once, busy ones after their response.
// io_context::run() returns in every thread when the last session is gone.
#include "web/http_server.h"

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

// GCC 12 reports a false "potential null pointer dereference" inside Asio's scheduler once it
// is inlined here; the warning is silenced for the Boost headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#pragma GCC diagnostic pop

#include "common/log.h"
#include "common/utf8.h"
#include "web/multipart.h"

namespace nq::web {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
// Concrete executor types instead of the type-erased any_io_executor: no allocation and no
// virtual dispatch per handler.
using Strand = net::strand<net::io_context::executor_type>;
using Socket = net::basic_stream_socket<tcp, Strand>;
using Stream = beast::basic_stream<tcp, Strand>;  // beast::tcp_stream over a concrete strand

constexpr char kTooLargeJson[] =
    R"({"error":{"code":"too_large","message":"Nội dung yêu cầu quá lớn"}})";
constexpr char kHeaderTooLargeJson[] =
    R"({"error":{"code":"too_large","message":"Phần đầu yêu cầu quá lớn"}})";
constexpr char kBadRequestJson[] =
    R"({"error":{"code":"invalid","message":"Yêu cầu HTTP không hợp lệ"}})";
constexpr char kInternalJson[] = R"({"error":{"code":"internal","message":"Lỗi máy chủ nội bộ"}})";
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// After an error reply the connection is closed; unread input is drained this long first, so
// the client reads the reply instead of a reset.
constexpr auto kLingerTime = std::chrono::seconds(2);
// A request body buffer above this size is freed after the handler rather than kept for reuse.
constexpr size_t kKeepRequestBodyCapacity = size_t{16} * 1024;

// "Sun, 06 Nov 1994 08:49:37 GMT", formatted once per second per thread.
std::string_view HttpDate() {
  thread_local std::time_t cached_second = -1;
  thread_local std::array<char, 32> buf{};
  thread_local size_t len = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&now, &tm);
    const int n = std::snprintf(buf.data(), buf.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                                kDays[tm.tm_wday % 7], tm.tm_mday, kMonths[tm.tm_mon % 12],
                                tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    len = n > 0 ? std::min(static_cast<size_t>(n), buf.size() - 1) : 0;
    cached_second = now;
  }
  return {buf.data(), len};
}

// Header checks for what handlers set (a CR or LF would let a value inject headers). Plain loops:
// string::find_first_of calls memchr once per character, which showed in profiles.
bool HasLineBreak(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n'; });
}

bool IsFieldName(std::string_view s) {
  return !s.empty() && std::none_of(s.begin(), s.end(), [](char c) {
    return c == '\r' || c == '\n' || c == ':' || c == ' ' || c == '\t';
  });
}

std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

// Each keep-alive connection holds a descriptor, and the soft limit is often 1,024: raise it to
// the hard limit (as far as 2^20) so that thousands of connections fit.
void RaiseOpenFileLimit() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  const rlim_t want = std::min<rlim_t>(rl.rlim_max, rlim_t{1} << 20);
  if (rl.rlim_cur >= want) return;
  rl.rlim_cur = want;
  if (setrlimit(RLIMIT_NOFILE, &rl) != 0) log::Warn("HTTP: could not raise the open-file limit");
}

// Response bodies of tens of kilobytes are allocated and freed on every request. By default glibc
// hands the freed top of each thread's heap back to the kernel (trim threshold 128 KB, adjusted
// dynamically), so the next request faults the same pages in again: measured at about a third of
// the server's CPU time on a 73 KB JSON. Keep up to 64 MB of free heap per arena instead, and
// serve allocations below 4 MB from the heap rather than from fresh mappings.
void TuneAllocatorForServing() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

bool IsHttpParseError(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

class Session;

// What sessions see of the server.
struct ServerCore {
  ServerCore(HttpServerOptions o, Handler h) : options(std::move(o)), handler(std::move(h)) {}

  const HttpServerOptions options;
  const Handler handler;
  std::mutex mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;  // guarded by mu
  // Set by Stop(): responses from now on say "Connection: close", even from handlers that were
  // already running when it came.
  std::atomic<bool> stopping{false};
};

struct HttpServer::Impl : ServerCore {
  Impl(HttpServerOptions o, Handler h)
      : ServerCore(std::move(o), std::move(h)),
        ioc(std::max(1, options.threads)),
        strand(net::make_strand(ioc)),
        acceptor(strand),
        signals(strand),
        retry_timer(strand) {}

  void DoAccept();
  void OnAccept(beast::error_code ec, Socket socket);
  void StartSession(Socket socket);
  void DoStop();  // on `strand`

  // Destroyed (with the sessions its pending handlers own) before the ServerCore base.
  net::io_context ioc;
  Strand strand;  // acceptor, signals, stop
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer retry_timer;
  bool stopped = false;  // on strand
  std::atomic<uint16_t> port{0};
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Socket&& socket, ServerCore* server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = remote.address().to_string();
  }

  ~Session() {
    std::lock_guard<std::mutex> lock(server_->mu);
    server_->sessions.erase(this);
  }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::DoRead, shared_from_this()));
  }

  // Asks the session to finish: idle connections close at once, a request in progress gets its
  // response (with "Connection: close") first.
  void ShutdownFromAnyThread() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->Shutdown(); });
  }

 private:
  void Shutdown() {
    stopping_ = true;
    const bool idle = reading_ && buffer_.size() == 0 && !(parser_ && parser_->got_some());
    if (idle) stream_.cancel();
  }

  void DoRead() {
    const auto& o = server_->options;
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(std::min<size_t>(o.max_header_bytes, UINT32_MAX)));
    // The larger limit until OnHeader knows which one applies: Beast compares a Content-Length
    // with it as soon as the header is parsed.
    parser_->body_limit(static_cast<uint64_t>(std::max(o.max_body_bytes, o.max_upload_bytes)));
    reading_ = true;
    stream_.expires_after(std::chrono::seconds(o.read_timeout_seconds));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    if (parser_->is_done()) return Handle();
    const auto& req = parser_->get();
    const auto& o = server_->options;
    const size_t limit = IsMultipartFormData(Sv(req[http::field::content_type]))
                             ? o.max_upload_bytes
                             : o.max_body_bytes;
    const boost::optional<uint64_t> length = parser_->content_length();
    if (length && *length > limit) return OnReadError(http::error::body_limit);
    parser_->body_limit(static_cast<uint64_t>(limit));  // no body octet is parsed yet
    const auto expect = req[http::field::expect];
    if (req.version() >= 11 && EqualsIgnoreCaseAscii(Sv(expect), "100-continue")) {
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code wec, size_t) {
                         if (wec) return;
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    Handle();
  }

  void OnReadError(const beast::error_code& ec) {
    reading_ = false;
    if (ec == http::error::end_of_stream || ec == net::error::operation_aborted) return DoClose();
    if (ec == http::error::header_limit) return ReplyAndClose(431, kHeaderTooLargeJson);
    if (ec == http::error::body_limit) return ReplyAndClose(413, kTooLargeJson);
    if (ec == http::error::partial_message) return;  // client went away mid-request
    if (IsHttpParseError(ec)) return ReplyAndClose(400, kBadRequestJson);
    // Timeout (tcp_stream already closed the socket) or a socket error: drop the connection.
  }

  // Copies the parsed request into req_, reusing its strings' capacity across requests.
  bool FillRequest() {
    auto& msg = parser_->get();
    req_.method.assign(msg.method_string().data(), msg.method_string().size());
    req_.target.assign(msg.target().data(), msg.target().size());
    const std::string_view target = req_.target;
    const size_t q = target.find('?');
    if (q == std::string_view::npos) {
      req_.query.clear();
    } else {
      req_.query.assign(target.substr(q + 1));
    }
    if (!PercentDecode(target.substr(0, q), false, &req_.path)) return false;
    if (req_.path.empty() || req_.path.front() != '/' ||
        req_.path.find('\0') != std::string::npos) {
      return false;
    }
    size_t n = 0;
    for (const auto& field : msg) {
      if (n == req_.headers.size()) req_.headers.emplace_back();
      auto& [name, value] = req_.headers[n++];
      const std::string_view raw_name = Sv(field.name_string());
      name.resize(raw_name.size());
      std::transform(raw_name.begin(), raw_name.end(), name.begin(), AsciiLower);
      value.assign(field.value().data(), field.value().size());
    }
    req_.headers.resize(n);
    req_.body = std::move(msg.body());
    req_.remote_address = remote_;
    req_.secure = server_->options.behind_tls;
    return true;
  }

  void Handle() {
    reading_ = false;
    if (!FillRequest()) return ReplyAndClose(400, kBadRequestJson);
    HttpResponse out;
    try {
      out = server_->handler(req_);
      if (out.status < 200 || out.status > 599) {
        log::Error("HTTP " + req_.method + " " + req_.path + ": handler returned status " +
                   std::to_string(out.status));
        out = HttpResponse::Json(500, kInternalJson);
      }
    } catch (const std::exception& e) {
      log::Error("HTTP " + req_.method + " " + req_.path + ": " + e.what());
      out = HttpResponse::Json(500, kInternalJson);
    } catch (...) {
      log::Error("HTTP " + req_.method + " " + req_.path + ": unknown exception");
      out = HttpResponse::Json(500, kInternalJson);
    }
    if (req_.body.capacity() > kKeepRequestBodyCapacity) std::string().swap(req_.body);
    const auto& msg = parser_->get();
    const bool keep_alive = msg.keep_alive() && !stopping_ && !server_->stopping;
    const bool head = msg.method() == http::verb::head;
    BuildResponse(std::move(out), msg.version() == 10 ? 10 : 11, head, keep_alive);
    Write(!keep_alive, false);
  }

  // Serializes the status line and headers into head_ and keeps the body in body_; the pair goes
  // out in one gather write. Framing (Content-Length, Connection) is the server's alone.
  void BuildResponse(HttpResponse&& out, unsigned version, bool head, bool keep_alive) {
    head_.clear();
    head_ += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    head_ += std::to_string(out.status);
    head_ += ' ';
    const http::status known = http::int_to_status(static_cast<unsigned>(out.status));
    if (known != http::status::unknown) head_ += Sv(http::obsolete_reason(known));
    head_ += "\r\nServer: nqtrack\r\nDate: ";
    head_ += HttpDate();
    head_ += "\r\n";
    for (const auto& [name, value] : out.headers) {
      if (EqualsIgnoreCaseAscii(name, "content-length") ||
          EqualsIgnoreCaseAscii(name, "transfer-encoding") ||
          EqualsIgnoreCaseAscii(name, "connection")) {
        continue;
      }
      if (!IsFieldName(name) || HasLineBreak(value)) {
        log::Error("HTTP response header dropped (bad characters): " + name);
        continue;
      }
      head_ += name;
      head_ += ": ";
      head_ += value;
      head_ += "\r\n";
    }
    body_.clear();
    shared_body_.reset();
    const int status = out.status;
    if (status >= 200 && status != 204 && status != 304) {
      head_ += "Content-Length: ";
      head_ += std::to_string(out.BodyView().size());
      head_ += "\r\n";
      if (!head) {
        body_ = std::move(out.body);
        shared_body_ = std::move(out.shared_body);
      }
    }
    if (!keep_alive) {
      head_ += "Connection: close\r\n";
    } else if (version == 10) {
      head_ += "Connection: keep-alive\r\n";
    }
    head_ += "\r\n";
  }

  void ReplyAndClose(int status, const char* json) {
    BuildResponse(HttpResponse::Json(status, json), 11, false, false);
    Write(true, true);
  }

  void Write(bool close, bool linger) {
    stream_.expires_after(std::chrono::seconds(server_->options.write_timeout_seconds));
    const std::string& body = shared_body_ ? *shared_body_ : body_;
    const std::array<net::const_buffer, 2> buffers = {net::buffer(head_), net::buffer(body)};
    net::async_write(stream_, buffers,
                     [self = shared_from_this(), close, linger](beast::error_code ec, size_t) {
                       self->OnWrite(ec, close, linger);
                     });
  }

  void OnWrite(beast::error_code ec, bool close, bool linger) {
    if (ec) return;
    if (linger) return Linger();
    if (close || stopping_) return DoClose();
    std::string().swap(body_);  // the body is not kept while the connection idles
    shared_body_.reset();
    DoRead();
  }

  void Linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    buffer_.clear();
    stream_.expires_after(kLingerTime);  // one deadline for the whole drain
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(buffer_.prepare(size_t{16} * 1024),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) return;
                              self->buffer_.clear();
                              self->DrainSome();
                            });
  }

  void DoClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  Stream stream_;
  ServerCore* server_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string head_;                                // response status line and headers
  std::string body_;                                // response body, or:
  std::shared_ptr<const std::string> shared_body_;  // a shared one (HttpResponse::shared_body)
  HttpRequest req_;
  bool reading_ = false;   // waiting for (the rest of) a request
  bool stopping_ = false;  // server shutting down: no keep-alive
};

void HttpServer::Impl::DoAccept() {
  acceptor.async_accept(net::make_strand(ioc), beast::bind_front_handler(&Impl::OnAccept, this));
}

void HttpServer::Impl::OnAccept(beast::error_code ec, Socket socket) {
  if (stopped) return;  // the socket, if any, closes here
  if (ec) {
    if (ec == net::error::operation_aborted) return;
    // Typically EMFILE: wait a little instead of spinning on the error.
    log::Warn("HTTP accept: " + ec.message());
    retry_timer.expires_after(std::chrono::milliseconds(100));
    retry_timer.async_wait([this](beast::error_code tec) {
      if (!tec && !stopped) DoAccept();
    });
    return;
  }
  StartSession(std::move(socket));
  DoAccept();
}

void HttpServer::Impl::StartSession(Socket socket) {
  beast::error_code ec;
  socket.set_option(tcp::no_delay(true), ec);
  auto session = std::make_shared<Session>(std::move(socket), this);
  {
    std::lock_guard<std::mutex> lock(mu);
    sessions.emplace(session.get(), session);
  }
  session->Start();
}

void HttpServer::Impl::DoStop() {
  if (stopped) return;
  stopped = true;
  stopping = true;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  retry_timer.cancel();
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard<std::mutex> lock(mu);
    live.reserve(sessions.size());
    for (auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) {
    // Session strands are reached through the session itself.
    s->ShutdownFromAnyThread();
  }
}

HttpServer::HttpServer(HttpServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Listen() {
  Impl& s = *impl_;
  RaiseOpenFileLimit();
  TuneAllocatorForServing();
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(s.options.address, ec);
  if (ec) {
    return Status::Invalid("http.bad_address",
                           "Địa chỉ lắng nghe không hợp lệ: " + s.options.address);
  }
  const tcp::endpoint endpoint(address, s.options.port);
  const std::string where = s.options.address + ":" + std::to_string(s.options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    s.acceptor.close(ignored);
    return Status::Unavailable("http.listen_failed",
                               "Không thể lắng nghe tại " + where + ": " + ec.message());
  }
  s.port = s.acceptor.local_endpoint(ec).port();
  return Status::Ok();
}

uint16_t HttpServer::port() const { return impl_->port; }

void HttpServer::Run() {
  Impl& s = *impl_;
  net::dispatch(s.strand, [&s] {
    if (s.stopped || !s.acceptor.is_open()) return;
    if (s.options.handle_signals) {
      beast::error_code ec;
      s.signals.add(SIGINT, ec);
      s.signals.add(SIGTERM, ec);
      s.signals.async_wait([&s](beast::error_code wec, int) {
        if (!wec) s.DoStop();
      });
    }
    s.DoAccept();
  });
  auto run = [&s] {
    while (true) {
      try {
        s.ioc.run();
        return;
      } catch (const std::exception& e) {
        log::Error(std::string("HTTP server thread: ") + e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < s.options.threads; ++i) threads.emplace_back(run);
  run();
  for (auto& t : threads) t.join();
}

void HttpServer::Stop() {
  Impl* s = impl_.get();
  net::post(s->strand, [s] { s->DoStop(); });
}

}  // namespace nq::web
