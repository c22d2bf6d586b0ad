// Tests the real server over loopback with plain POSIX sockets (no Beast here).
#include "web/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace nq::web::http_server_test {
namespace {

// A server on 127.0.0.1, port 0, running in a background thread.
class TestServer {
 public:
  explicit TestServer(Handler handler, HttpServerOptions options = {}) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    server_ = std::make_unique<HttpServer>(options, std::move(handler));
    const Status st = server_->Listen();
    if (!st.ok()) throw std::runtime_error(st.ToString());
    done_ = std::async(std::launch::async, [this] { server_->Run(); });
  }
  ~TestServer() {
    server_->Stop();
    done_.wait();
  }
  uint16_t port() const { return server_->port(); }
  HttpServer& server() { return *server_; }
  std::future<void>& done() { return done_; }

 private:
  std::unique_ptr<HttpServer> server_;
  std::future<void> done_;
};

// A blocking client connection with a 5 s receive timeout, so a bug fails instead of hanging.
class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~Client() { ::close(fd_); }
  bool connected() const { return connected_; }

  void Send(const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  // Reads one response: the head, then Content-Length bytes (none for HEAD/304, or until EOF
  // when there is no Content-Length). Returns "" if the connection closed first.
  std::string ReadResponse(bool head_request = false) {
    size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return "";
    }
    std::string head = buf_.substr(0, end + 4);
    buf_.erase(0, end + 4);
    size_t length = 0;
    const size_t cl = head.find("Content-Length: ");
    if (cl != std::string::npos) length = std::strtoul(head.c_str() + cl + 16, nullptr, 10);
    if (head_request) length = 0;
    while (buf_.size() < length) {
      if (!Fill()) break;
    }
    const size_t take = std::min(length, buf_.size());
    std::string body = buf_.substr(0, take);
    buf_.erase(0, take);
    return head + body;
  }

  // True when the server closed the connection (read returns 0 or a reset).
  bool ClosedByPeer() {
    if (!buf_.empty()) return false;
    char c;
    const ssize_t n = ::recv(fd_, &c, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

 private:
  bool Fill() {
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buf_;
};

std::string Body(const std::string& response) {
  const size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? "" : response.substr(end + 4);
}

// Echoes what the server made of the request.
HttpResponse EchoHandler(const HttpRequest& req) {
  std::string body = req.method + "|" + req.path + "|" + req.query + "|" +
                     std::string(req.Header("x-test")) + "|" + req.remote_address + "|" +
                     (req.secure ? "secure" : "plain") + "|" + req.body;
  HttpResponse r = HttpResponse::Text(200, std::move(body));
  r.SetHeader("X-Handler", "echo");
  return r;
}

TEST(HttpServerTest, GetReturnsStatusHeadersAndBody) {
  TestServer server(EchoHandler);
  Client c(server.port());
  ASSERT_TRUE(c.connected());
  c.Send("GET /a%20b/%C4%91?x=1&y=%20 HTTP/1.1\r\nHost: t\r\nX-Test: hello\r\n\r\n");
  const std::string r = c.ReadResponse();
  EXPECT_EQ(r.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << r;
  EXPECT_NE(r.find("Server: nqtrack\r\n"), std::string::npos);
  EXPECT_NE(r.find("X-Handler: echo\r\n"), std::string::npos);
  EXPECT_NE(r.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(r.find("Date: "), std::string::npos);
  EXPECT_EQ(Body(r), "GET|/a b/đ|x=1&y=%20|hello|127.0.0.1|plain|");
}

TEST(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  std::atomic<int> calls{0};
  TestServer server([&](const HttpRequest& req) {
    return HttpResponse::Text(200, req.path + "#" + std::to_string(++calls));
  });
  Client c(server.port());
  c.Send("GET /one HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string first = c.ReadResponse();
  EXPECT_EQ(Body(first), "/one#1");
  EXPECT_EQ(first.find("Connection: close"), std::string::npos);
  c.Send("POST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
  EXPECT_EQ(Body(c.ReadResponse()), "/two#2");
  // Pipelined requests in one send are answered in order.
  c.Send(
      "GET /p1 HTTP/1.1\r\nHost: t\r\n\r\nGET /p2 HTTP/1.1\r\nHost: t\r\nConnection: "
      "close\r\n\r\n");
  EXPECT_EQ(Body(c.ReadResponse()), "/p1#3");
  const std::string last = c.ReadResponse();
  EXPECT_EQ(Body(last), "/p2#4");
  EXPECT_NE(last.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(c.ClosedByPeer());
}

TEST(HttpServerTest, PostBodyAndSecureFlagReachHandler) {
  HttpServerOptions options;
  options.behind_tls = true;
  TestServer server(EchoHandler, options);
  Client c(server.port());
  c.Send("POST /form HTTP/1.1\r\nHost: t\r\nContent-Length: 7\r\n\r\na=1&b=2");
  EXPECT_EQ(Body(c.ReadResponse()), "POST|/form|||127.0.0.1|secure|a=1&b=2");
}

TEST(HttpServerTest, OversizedBodyGets413AndClose) {
  HttpServerOptions options;
  options.max_body_bytes = 16;
  TestServer server(EchoHandler, options);
  Client c(server.port());
  c.Send("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n" + std::string(100, 'z'));
  const std::string r = c.ReadResponse();
  EXPECT_EQ(r.rfind("HTTP/1.1 413 ", 0), 0u) << r;
  EXPECT_NE(r.find("Connection: close"), std::string::npos);
  EXPECT_NE(Body(r).find("\"too_large\""), std::string::npos);
  EXPECT_TRUE(c.ClosedByPeer());

  // A chunked body over the limit is caught while reading it.
  Client chunked(server.port());
  chunked.Send(
      "POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.ReadResponse().rfind("HTTP/1.1 413 ", 0), 0u);
}

TEST(HttpServerTest, MultipartUploadsHaveTheirOwnLimit) {
  HttpServerOptions options;
  options.max_body_bytes = 16;
  options.max_upload_bytes = 200;
  TestServer server(EchoHandler, options);
  const std::string head =
      "POST /up HTTP/1.1\r\nHost: t\r\nContent-Type: Multipart/Form-Data; boundary=b\r\n";
  Client ok(server.port());
  ok.Send(head + "Content-Length: 100\r\n\r\n" + std::string(100, 'u'));
  const std::string accepted = ok.ReadResponse();
  EXPECT_EQ(accepted.rfind("HTTP/1.1 200 ", 0), 0u) << accepted;
  EXPECT_NE(Body(accepted).find(std::string(100, 'u')), std::string::npos);

  Client big(server.port());
  big.Send(head + "Content-Length: 300\r\n\r\n" + std::string(300, 'u'));
  EXPECT_EQ(big.ReadResponse().rfind("HTTP/1.1 413 ", 0), 0u);
  EXPECT_TRUE(big.ClosedByPeer());

  // The larger limit is only for uploads: the same 100 bytes as JSON are refused.
  Client as_json(server.port());
  as_json.Send(
      "POST /up HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n" +
      std::string(100, 'j'));
  EXPECT_EQ(as_json.ReadResponse().rfind("HTTP/1.1 413 ", 0), 0u);

  // A chunked upload over its limit is caught while reading it.
  Client chunked(server.port());
  std::string chunks;
  for (int i = 0; i < 30; ++i) chunks += "a\r\n0123456789\r\n";
  chunked.Send(head + "Transfer-Encoding: chunked\r\n\r\n" + chunks + "0\r\n\r\n");
  EXPECT_EQ(chunked.ReadResponse().rfind("HTTP/1.1 413 ", 0), 0u);
}

TEST(HttpServerTest, OversizedHeaderGets431) {
  HttpServerOptions options;
  options.max_header_bytes = 512;
  TestServer server(EchoHandler, options);
  Client c(server.port());
  c.Send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(1000, 'h') + "\r\n\r\n");
  const std::string r = c.ReadResponse();
  EXPECT_EQ(r.rfind("HTTP/1.1 431 ", 0), 0u) << r;
  EXPECT_TRUE(c.ClosedByPeer());
}

TEST(HttpServerTest, MalformedRequestsGet400) {
  TestServer server(EchoHandler);
  for (const char* bad :
       {"GARBAGE\r\n\r\n", "GET /x HTTQ/1.1\r\n\r\n", "GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /%00 HTTP/1.1\r\nHost: t\r\n\r\n"}) {
    Client c(server.port());
    c.Send(bad);
    const std::string r = c.ReadResponse();
    EXPECT_EQ(r.rfind("HTTP/1.1 400 ", 0), 0u) << bad << " -> " << r;
    EXPECT_TRUE(c.ClosedByPeer()) << bad;
  }
}

TEST(HttpServerTest, HandlerExceptionGets500AndConnectionSurvives) {
  TestServer server([](const HttpRequest& req) -> HttpResponse {
    if (req.path == "/boom") throw std::runtime_error("boom");
    return HttpResponse::Text(200, "ok");
  });
  Client c(server.port());
  c.Send("GET /boom HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string r = c.ReadResponse();
  EXPECT_EQ(r.rfind("HTTP/1.1 500 ", 0), 0u) << r;
  EXPECT_NE(Body(r).find("\"internal\""), std::string::npos);
  c.Send("GET /fine HTTP/1.1\r\nHost: t\r\n\r\n");
  EXPECT_EQ(Body(c.ReadResponse()), "ok");
}

TEST(HttpServerTest, HeadSendsLengthWithoutBody) {
  TestServer server([](const HttpRequest&) { return HttpResponse::Text(200, "twelve bytes"); });
  Client c(server.port());
  c.Send("HEAD / HTTP/1.1\r\nHost: t\r\n\r\nGET / HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string head = c.ReadResponse(/*head_request=*/true);
  EXPECT_NE(head.find("Content-Length: 12\r\n"), std::string::npos) << head;
  EXPECT_EQ(Body(head), "");
  // The next response starts right after the head: no stray body bytes in between.
  EXPECT_EQ(Body(c.ReadResponse()), "twelve bytes");
}

TEST(HttpServerTest, FramingAndInjectedHeadersAreDropped) {
  TestServer server([](const HttpRequest&) {
    HttpResponse r = HttpResponse::Text(200, "body");
    r.headers.emplace_back("X-Bad", "a\r\nInjected: 1");
    r.headers.emplace_back("Bad Name", "x");
    r.headers.emplace_back("Content-Length", "999");
    r.headers.emplace_back("Connection", "close");
    r.headers.emplace_back("X-Good", "kept");
    return r;
  });
  Client c(server.port());
  c.Send("GET / HTTP/1.1\r\nHost: t\r\n\r\nGET / HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string r = c.ReadResponse();
  EXPECT_EQ(r.find("Injected"), std::string::npos) << r;
  EXPECT_EQ(r.find("Bad Name"), std::string::npos);
  EXPECT_EQ(r.find("999"), std::string::npos);
  EXPECT_EQ(r.find("Connection: close"), std::string::npos);
  EXPECT_NE(r.find("X-Good: kept\r\n"), std::string::npos);
  EXPECT_NE(r.find("Content-Length: 4\r\n"), std::string::npos);
  EXPECT_EQ(Body(c.ReadResponse()), "body");  // still keep-alive
}

TEST(HttpServerTest, SharedBodyIsSentWhole) {
  auto cached = std::make_shared<const std::string>(100000, 'j');
  TestServer server([cached](const HttpRequest&) { return HttpResponse::SharedJson(200, cached); });
  Client c(server.port());
  c.Send("GET /a HTTP/1.1\r\nHost: t\r\n\r\nHEAD /a HTTP/1.1\r\nHost: t\r\n\r\n");
  const std::string r = c.ReadResponse();
  EXPECT_NE(r.find("Content-Length: 100000\r\n"), std::string::npos);
  EXPECT_EQ(Body(r), *cached);
  const std::string head = c.ReadResponse(/*head_request=*/true);
  EXPECT_NE(head.find("Content-Length: 100000\r\n"), std::string::npos);
  EXPECT_EQ(Body(head), "");
}

TEST(HttpServerTest, ExpectContinueGetsInterimResponse) {
  TestServer server(EchoHandler);
  Client c(server.port());
  c.Send("PUT /u HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.ReadResponse(), "HTTP/1.1 100 Continue\r\n\r\n");
  c.Send("ok");
  EXPECT_EQ(Body(c.ReadResponse()), "PUT|/u|||127.0.0.1|plain|ok");
}

TEST(HttpServerTest, StopClosesIdleConnectionsAndRunReturns) {
  TestServer server(EchoHandler);
  Client idle(server.port());
  idle.Send("GET / HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_FALSE(idle.ReadResponse().empty());
  server.server().Stop();
  server.server().Stop();  // twice is fine
  EXPECT_EQ(server.done().wait_for(std::chrono::seconds(3)), std::future_status::ready);
  EXPECT_TRUE(idle.ClosedByPeer());
  Client late(server.port());
  EXPECT_FALSE(late.connected());
}

TEST(HttpServerTest, StopLetsRequestInFlightFinish) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  TestServer server([&](const HttpRequest&) {
    entered.set_value();
    released.wait();
    return HttpResponse::Text(200, "finished");
  });
  Client c(server.port());
  c.Send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  entered.get_future().wait();
  server.server().Stop();
  // Run() must wait for the handler.
  EXPECT_EQ(server.done().wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  release.set_value();
  const std::string r = c.ReadResponse();
  EXPECT_EQ(Body(r), "finished");
  EXPECT_NE(r.find("Connection: close"), std::string::npos);
  EXPECT_EQ(server.done().wait_for(std::chrono::seconds(3)), std::future_status::ready);
}

TEST(HttpServerTest, ListenFailsOnBadAddressOrBusyPort) {
  HttpServerOptions options;
  options.address = "not-an-ip";
  HttpServer bad(options, EchoHandler);
  const Status st = bad.Listen();
  EXPECT_EQ(st.code(), Code::kInvalid);

  TestServer first(EchoHandler);
  options.address = "127.0.0.1";
  options.port = first.port();
  HttpServer second(options, EchoHandler);
  EXPECT_EQ(second.Listen().code(), Code::kUnavailable);
}

}  // namespace
}  // namespace nq::web::http_server_test
