// serve_connection: one client connection, from its first byte to its close. It reads each
// request's head and body itself, within deadlines and limits, refuses faulty framing, and
// hands cpp-httplib one request at a time, framed by Content-Length alone: the library never
// reads from the client, so it can neither wait on a slow one nor be misled by a framing
// trick. Pipelined requests are answered one after another, in order.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "http/transport.hpp"
#include "mock/connection_table.hpp"
#include "mock/request_head.hpp"

namespace conform::mock {

using http::Transport;

struct ConnectionLimits {
  HeadLimits head_limits;
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::milliseconds idle{5000};      // between requests: closed after
  std::chrono::milliseconds head{10000};     // from a request's first byte to its blank line
  std::chrono::milliseconds request{30000};  // from a request's first byte to its body's end
  std::chrono::milliseconds write{5000};     // to write one response
  std::size_t requests_per_connection = 100000;
};

// Answers one request read from `stream`: cpp-httplib's Server::process_request.
using ProcessRequest =
    std::function<bool(httplib::Stream& stream, bool close_connection, bool& connection_closed)>;

// Told of each request refused before cpp-httplib saw it: its request line (as far as it
// came) and the status, for the access log.
using RefusedRequest = std::function<void(std::string_view request_line, int status)>;

// Serves `transport`'s connection until it closes, times out or breaks; `table` knows it as
// transport.fd() (opened by the caller).
void serve_connection(Transport& transport, ConnectionTable& table, const ConnectionLimits& limits,
                      const ProcessRequest& process, const RefusedRequest& refused);

// A plain HTTP answer (`status`, {"message": ...}) that closes the connection, for requests
// refused before any vendor is known: its bytes, and written to `transport`.
std::string refusal_response(int status, const std::string& message);
void refuse_request(Transport& transport, int status, const std::string& message,
                    std::chrono::milliseconds timeout);

}  // namespace conform::mock
