#include "mock/guarded_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <list>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

namespace conform::mock {
namespace {

using Clock = std::chrono::steady_clock;

// A thread per connection, joined when it ends (or at shutdown): the number of connections
// served at once is bounded by the ConnectionTable, not by a pool a few clients can fill.
class ThreadPerConnection : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> task) override {
    std::lock_guard<std::mutex> lock(mutex_);
    join_finished();
    running_.emplace_back();
    const auto self = std::prev(running_.end());
    try {
      *self = std::thread([this, self, task = std::move(task)] {
        task();
        std::lock_guard<std::mutex> done(mutex_);
        finished_.push_back(self);
      });
    } catch (const std::system_error&) {
      running_.erase(self);
      task();  // no thread to spare: serve it here rather than leak its socket
    }
  }

  void shutdown() override {
    std::list<std::thread> all;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      finished_.clear();
      all.swap(running_);
    }
    for (auto& thread : all) thread.join();
  }

 private:
  void join_finished() {  // under mutex_
    for (const auto& thread : finished_) {
      thread->join();
      running_.erase(thread);
    }
    finished_.clear();
  }

  std::mutex mutex_;
  std::list<std::thread> running_;
  std::vector<std::list<std::thread>::iterator> finished_;
};

// Registers the connection, serves it, and closes it, whatever the transport.
template <typename Serve>
void guard(int fd, ConnectionTable& table, const ConnectionLimits& limits, Serve serve) {
  if (table.open(fd)) {
    serve();
    table.close(fd);
  } else {
    Transport transport(fd);
    refuse_request(transport, 503, "the mock is serving as many connections as it can",
                   limits.write);
  }
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

// httplib's server (plain or TLS) whose connections are guarded and served by
// serve_connection over a Transport of the same kind.
template <typename Base>
class Guarded : public Base {
 public:
  template <typename... BaseArgs>
  Guarded(ConnectionTable& table, const ConnectionLimits& limits, RefusedRequest refused,
          BaseArgs... base_args)
      : Base(base_args...), table_(table), limits_(limits), refused_(std::move(refused)) {
    this->new_task_queue = [] { return new ThreadPerConnection(); };
  }

 private:
  bool process_and_close_socket(socket_t fd) override {
    guard(fd, table_, limits_, [&] {
      if constexpr (std::is_same_v<Base, httplib::SSLServer>) {
        SSL* ssl = SSL_new(this->ssl_context());
        if (ssl) SSL_set_accept_state(ssl);
        http::TlsTransport transport(fd, ssl);
        if (transport.handshake(Clock::now() + limits_.head)) serve(transport);
      } else {
        Transport transport(fd);
        serve(transport);
      }
    });
    return true;
  }

  void serve(Transport& transport) {
    serve_connection(
        transport, table_, limits_,
        [this](httplib::Stream& stream, bool close, bool& closed) {
          return this->process_request(stream, close, closed, nullptr);
        },
        refused_);
  }

  ConnectionTable& table_;
  ConnectionLimits limits_;
  RefusedRequest refused_;
};

}  // namespace

std::unique_ptr<httplib::Server> make_guarded_server(const std::filesystem::path& tls_cert,
                                                     const std::filesystem::path& tls_key,
                                                     ConnectionTable& table,
                                                     const ConnectionLimits& limits,
                                                     RefusedRequest refused) {
  if (tls_cert.empty()) {
    return std::make_unique<Guarded<httplib::Server>>(table, limits, std::move(refused));
  }
  return std::make_unique<Guarded<httplib::SSLServer>>(table, limits, std::move(refused),
                                                       tls_cert.c_str(), tls_key.c_str());
}

void route_every_request(httplib::Server& server, const ConnectionLimits& limits, Routes routes) {
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(limits.requests_per_connection);
  server.set_keep_alive_timeout(
      std::chrono::duration_cast<std::chrono::seconds>(limits.idle).count());
  server.set_payload_max_length(limits.max_body_bytes);
  const std::string any = ".*";
  server.Get(any, routes.without_body).Options(any, routes.without_body);
  server.Post(any, routes.with_body).Put(any, routes.with_body).Patch(any, routes.with_body);
  server.Delete(any, routes.with_body);
}

std::optional<std::string> read_body_within(const httplib::ContentReader& read_body,
                                            std::size_t limit, bool& too_large) {
  std::string body;
  too_large = false;
  const bool read = read_body([&](const char* data, std::size_t size) {
    too_large = body.size() + size > limit;
    if (!too_large) body.append(data, size);
    return !too_large;
  });
  if (!read) return std::nullopt;
  return body;
}

int listen_in_background(httplib::Server& server, const std::string& host, int port,
                         std::thread& thread) {
  // The library listens with a backlog of 5, compiled into Debian's libcpp-httplib: a burst of
  // new connections (a load test, replay --jobs 8) overflows it, and the kernel drops SYNs that
  // the client resends only after a second. listen() again on the bound socket raises it.
  int listening_socket = -1;
  server.set_socket_options([&listening_socket](socket_t socket) {
    httplib::default_socket_options(socket);
    listening_socket = socket;
  });
  const int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                             " (the address is in use or not local); try --port 0");
  }
  ::listen(listening_socket, SOMAXCONN);
  thread = std::thread([&server] { server.listen_after_bind(); });
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (!server.is_running() && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!server.is_running()) {
    server.stop();
    thread.join();
    throw std::runtime_error("the server did not start listening on " + host);
  }
  return bound;
}

void stop_guarded_server(httplib::Server& server, ConnectionTable& table, std::thread& thread) {
  constexpr std::chrono::seconds kStopGrace{5};
  table.begin_stop();
  server.stop();
  table.wait_until_empty(ConnectionTable::Clock::now() + kStopGrace);
  table.close_all();
  if (thread.joinable()) thread.join();
}

namespace {

MockRequest mock_request(const std::string& method, std::string path, const std::string& target,
                         const std::string& body) {
  MockRequest out;
  // HEAD is GET without the body, which the library leaves out of the response.
  out.method = method == "HEAD" ? "GET" : method;
  out.path = path.empty() ? "/" : std::move(path);
  const std::size_t question = target.find('?');
  if (question != std::string::npos) {
    httplib::Params query;
    httplib::detail::parse_query_text(target.substr(question + 1), query);
    for (const auto& entry : query) out.query.insert(entry);
  }
  out.body = body;
  return out;
}

}  // namespace

MockRequest to_mock_request(const httplib::Request& request, const std::string& mount,
                            const std::string& body) {
  MockRequest out =
      mock_request(request.method, request.path.substr(mount.size()), request.target, body);
  for (const auto& [name, value] : request.headers) out.headers.emplace_back(name, value);
  return out;
}

MockRequest to_mock_request(const std::string& method, const std::string& target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body) {
  // As the library reads it: the path before the query, percent-decoded.
  MockRequest out = mock_request(
      method, httplib::detail::decode_url(target.substr(0, target.find('?')), false), target, body);
  out.headers = headers;
  return out;
}

void send_response(const MockResponse& response, httplib::Response& out) {
  out.status = response.status;
  for (const auto& [name, value] : response.headers) out.set_header(name, value);
  if (!response.content_type.empty()) {
    out.set_content(response.body, response.content_type.c_str());
  }
}

}  // namespace conform::mock
