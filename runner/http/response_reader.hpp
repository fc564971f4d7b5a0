// read_response: the response to a request just sent, read from a connection as it arrives,
// each read within the read timeout and the exchange's deadline.
#pragma once

#include <chrono>
#include <cstddef>

#include "http/response_parser.hpp"
#include "http/transport.hpp"

namespace conform::http {

struct ResponseLimits {
  std::chrono::milliseconds read_timeout{30000};  // for each read
  Transport::Clock::time_point deadline;          // for the whole exchange
  std::size_t max_body_bytes = std::size_t{256} << 20;
};

// Reads the response (`head_request`: to a HEAD, which has no body) into `body`.
ReadResponse read_response(Transport& transport, const ResponseLimits& limits, bool head_request,
                           BodyBuffer& body);

}  // namespace conform::http
