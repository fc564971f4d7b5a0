// make_guarded_server: a cpp-httplib server (HTTP, or HTTPS with a certificate and key)
// whose connections are served by serve_connection, each on a thread of its own, so that
// slow or idle clients hold only their own thread, never a shared pool.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>

#include "mock/connection.hpp"
#include "mock/connection_table.hpp"

namespace conform::mock {

// `table` must outlive the server. A TLS server is returned even when the certificate or
// key is unusable: check is_valid().
std::unique_ptr<httplib::Server> make_guarded_server(const std::filesystem::path& tls_cert,
                                                     const std::filesystem::path& tls_key,
                                                     ConnectionTable& table,
                                                     const ConnectionLimits& limits,
                                                     RefusedRequest refused);

}  // namespace conform::mock
