// make_guarded_server: a cpp-httplib server (HTTP, or HTTPS with a certificate and key)
// whose connections are served by serve_connection, each on a thread of its own, so that
// slow or idle clients hold only their own thread, never a shared pool.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "mock/connection.hpp"
#include "mock/connection_table.hpp"
#include "mock/exchange.hpp"

namespace conform::mock {

// `table` must outlive the server. A TLS server is returned even when the certificate or
// key is unusable: check is_valid().
std::unique_ptr<httplib::Server> make_guarded_server(const std::filesystem::path& tls_cert,
                                                     const std::filesystem::path& tls_key,
                                                     ConnectionTable& table,
                                                     const ConnectionLimits& limits,
                                                     RefusedRequest refused);

// What a guarded server does with each request: requests that may carry a body (POST, PUT,
// PATCH, DELETE) get a reader for it, so it is read under the server's limits as it arrives.
struct Routes {
  std::function<void(const httplib::Request&, httplib::Response&)> without_body;
  std::function<void(const httplib::Request&, httplib::Response&, const httplib::ContentReader&)>
      with_body;
};

// Routes every method of every path of `server` to `routes`, and announces `limits` (the
// Keep-Alive header's count and idle time; serve_connection enforces both) and the largest
// body.
void route_every_request(httplib::Server& server, const ConnectionLimits& limits, Routes routes);

// A request's body, read through the library's content reader (which decodes any
// Content-Encoding) and never past `limit` bytes; nullopt when it could not be read,
// `too_large` saying whether the limit was why.
std::optional<std::string> read_body_within(const httplib::ContentReader& read_body,
                                            std::size_t limit, bool& too_large);

// Binds `server` to host:port (0: a free port), raises its listen backlog, serves it on
// `thread` and returns the port once it accepts connections. Throws std::runtime_error
// when it cannot listen (stopping what it started).
int listen_in_background(httplib::Server& server, const std::string& host, int port,
                         std::thread& thread);

// Stops a server listen_in_background started: idle connections close now, requests in
// progress get five seconds to finish, then every connection is shut down (a stop never
// waits on a slow client), and `thread` is joined.
void stop_guarded_server(httplib::Server& server, ConnectionTable& table, std::thread& thread);

// One request as the vendor logic sees it: `mount` stripped from the path, the query string
// alone as the query (not the form fields the library adds to params), `body` as read.
MockRequest to_mock_request(const httplib::Request& request, const std::string& mount,
                            const std::string& body);
// The same from a request's parts: its method, `target` as sent (path and query) and headers.
MockRequest to_mock_request(const std::string& method, const std::string& target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            const std::string& body);

// Puts `response` (status, headers, body and its media type) into the library's response.
void send_response(const MockResponse& response, httplib::Response& out);

}  // namespace conform::mock
