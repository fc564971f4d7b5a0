#include "mock/connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

#include "codec/rapidjson.hpp"
#include "mock/chunked_body.hpp"
#include "mock/exchange.hpp"

namespace conform::mock {
namespace {

using Clock = std::chrono::steady_clock;
using Activity = ConnectionTable::Activity;

void address_of(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

// The two ends of a connection as cpp-httplib reports them (REMOTE_ADDR, LOCAL_ADDR...): read
// once per connection, not twice per request.
struct Addresses {
  std::string remote_ip;
  int remote_port = 0;
  std::string local_ip;
  int local_port = 0;

  explicit Addresses(int fd) {
    sockaddr_storage address{};
    socklen_t size = sizeof address;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
      address_of(address, remote_ip, remote_port);
    }
    address = {};
    size = sizeof address;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
      address_of(address, local_ip, local_port);
    }
  }
};

// One request, already read and reframed, for cpp-httplib to parse. Its response is
// gathered and sent in one write by flush() (the library writes the head and the body
// apart: two sends, and on loopback two wake-ups of the client, per response).
class RequestStream : public httplib::Stream {
 public:
  RequestStream(Transport& transport, std::string request, std::chrono::milliseconds timeout,
                const Addresses& addresses)
      : transport_(transport),
        request_(std::move(request)),
        timeout_(timeout),
        addresses_(addresses) {}

  bool is_readable() const override { return offset_ < request_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* data, size_t size) override {
    const std::size_t n = std::min(size, request_.size() - offset_);
    std::memcpy(data, request_.data() + offset_, n);
    offset_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* data, size_t size) override {
    response_.append(data, size);
    if (response_.size() >= kMaxGathered && !flush()) return -1;
    return static_cast<ssize_t>(size);
  }
  // Sends what the library wrote; false when the client is gone or too slow.
  bool flush() {
    const bool sent = response_.empty() ||
                      transport_.write(response_.data(), response_.size(), Clock::now() + timeout_);
    response_.clear();
    return sent;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = addresses_.remote_ip;
    port = addresses_.remote_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = addresses_.local_ip;
    port = addresses_.local_port;
  }
  socket_t socket() const override { return transport_.fd(); }

 private:
  static constexpr std::size_t kMaxGathered = 64 * 1024;
  Transport& transport_;
  std::string request_;
  std::size_t offset_ = 0;
  std::chrono::milliseconds timeout_;
  const Addresses& addresses_;
  std::string response_;
};

// Appends what the client sends next; false when it closed or `deadline` passed.
bool receive(Transport& transport, std::string& pending, Clock::time_point deadline) {
  char buffer[16384];
  const std::size_t n = transport.read(buffer, sizeof buffer, deadline);
  pending.append(buffer, n);
  return n > 0;
}

}  // namespace

std::string refusal_response(int status, const std::string& message) {
  rapidjson::StringBuffer body;
  rapidjson::Writer<rapidjson::StringBuffer> writer(body);
  writer.StartObject();
  writer.Key("message");
  writer.String(message.c_str(), static_cast<rapidjson::SizeType>(message.size()));
  writer.EndObject();
  return "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
         "\r\nContent-Type: application/json; charset=utf-8\r\n"
         "Content-Length: " +
         std::to_string(body.GetSize()) + "\r\nConnection: close\r\n\r\n" +
         std::string(body.GetString(), body.GetSize());
}

void refuse_request(Transport& transport, int status, const std::string& message,
                    std::chrono::milliseconds timeout) {
  const std::string response = refusal_response(status, message);
  transport.write(response.data(), response.size(), Clock::now() + timeout);
}

void serve_connection(Transport& transport, ConnectionTable& table, const ConnectionLimits& limits,
                      const ProcessRequest& process, const RefusedRequest& refused) {
  const int fd = transport.fd();
  const Addresses addresses(fd);
  std::string pending;  // received, not yet used: the start of the next request
  const auto refuse = [&](int status, const std::string& message) {
    const std::size_t line_end =
        std::min({pending.find("\r\n"), pending.size(), limits.head_limits.max_request_line});
    if (refused) refused(std::string_view(pending).substr(0, line_end), status);
    refuse_request(transport, status, message, limits.write);
  };
  for (std::size_t served = 0;; ++served) {
    table.set(fd, Activity::idle);
    if (pending.empty() && !receive(transport, pending, Clock::now() + limits.idle)) return;
    table.set(fd, Activity::reading);
    const auto started = Clock::now();
    std::size_t end = 0;
    std::size_t scanned = 0;  // bytes known not to end the head: each byte is searched once
    while (true) {
      if (scanned == 0) {
        // Empty lines before a request line are ignored (RFC 9112 §2.2).
        const std::size_t text = pending.find_first_not_of("\r\n");
        pending.erase(0, text == std::string::npos ? pending.size() : text);
      }
      end = head_end(pending, scanned);
      if (end != std::string::npos) break;
      scanned = pending.size() > 3 ? pending.size() - 3 : 0;
      if (pending.size() > limits.head_limits.max_head_bytes) {
        refuse(431, "the request head is larger than " +
                        std::to_string(limits.head_limits.max_head_bytes) + " bytes");
        return;
      }
      if (!receive(transport, pending, started + limits.head)) return;
    }
    const RequestHead head =
        read_request_head(std::string_view(pending).substr(0, end), limits.head_limits);
    if (head.status != 0) {
      refuse(head.status, head.problem);
      return;
    }
    const std::string request_line = pending.substr(0, pending.find("\r\n"));
    pending.erase(0, end);

    const auto deadline = started + limits.request;
    const auto send_continue = [&] {
      static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
      return transport.write(kContinue, sizeof kContinue - 1, Clock::now() + limits.write);
    };
    // The request the library reads, framed by Content-Length alone. A body over the limit
    // is not read: the library sees its length alone, answers 413 through the vendor's
    // envelope, and the connection closes.
    std::string request = head.unframed;
    const auto frame = [&](std::size_t length) {
      request += "Content-Length: " + std::to_string(length) + "\r\n\r\n";
    };
    bool too_large = head.content_length > limits.max_body_bytes;
    if (head.chunked) {
      if (head.expect_continue && pending.empty() && !send_continue()) return;
      ChunkedBody chunked(limits.max_body_bytes, limits.head_limits.max_request_line);
      while (true) {
        pending.erase(0, chunked.feed(pending));
        if (chunked.state() != ChunkedBody::State::more) break;
        if (!receive(transport, pending, deadline)) return;
      }
      if (chunked.state() == ChunkedBody::State::malformed) {
        if (refused) refused(request_line, 400);
        refuse_request(transport, 400, "the chunked body is malformed", limits.write);
        return;
      }
      too_large = chunked.state() == ChunkedBody::State::too_large;
      if (!too_large) {
        frame(chunked.body().size());
        request += chunked.body();
      }
    } else if (!too_large) {
      const auto length = static_cast<std::size_t>(head.content_length);
      if (head.expect_continue && length > pending.size() && !send_continue()) return;
      while (pending.size() < length) {
        if (!receive(transport, pending, deadline)) return;
      }
      frame(length);
      request.append(pending, 0, length);
      pending.erase(0, length);
    }
    if (too_large) frame(limits.max_body_bytes + 1);
    table.set(fd, Activity::busy);
    const bool last = too_large || served + 1 >= limits.requests_per_connection || table.stopping();
    RequestStream stream(transport, std::move(request), limits.write, addresses);
    bool closed_by_client = false;
    const bool processed = process(stream, last, closed_by_client);
    if (!stream.flush() || !processed || closed_by_client || last) return;
  }
}

}  // namespace conform::mock
