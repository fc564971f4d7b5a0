#include "http/response_reader.hpp"

#include <algorithm>

namespace conform::http {
namespace {

using Clock = Transport::Clock;

// A small response arrives in one read of this size.
constexpr std::size_t kReadSize = 16 << 10;

// Why a wait or a read of `transport` ended empty, when the peer did not close.
Failure failure_of(Transport::Stop stop, Clock::time_point deadline) {
  if (stop == Transport::Stop::interrupted) return Failure::interrupted;
  if (stop == Transport::Stop::timed_out) {
    return Clock::now() >= deadline ? Failure::deadline : Failure::read_timeout;
  }
  return Failure::incomplete;
}

}  // namespace

ReadResponse read_response(Transport& transport, const ResponseLimits& limits, bool head_request,
                           BodyBuffer& body) {
  ResponseParser parser(head_request, limits.max_head_bytes, limits.max_body_bytes, body);
  const auto read_deadline = [&] {
    return std::min(Clock::now() + limits.read_timeout, limits.deadline);
  };
  if (!transport.await_answer(read_deadline())) {
    parser.fail(failure_of(transport.stop(), limits.deadline));
    return parser.result();
  }
  char chunk[kReadSize];
  while (parser.state() == ResponseParser::State::more) {
    const std::size_t n = transport.read(chunk, sizeof chunk, read_deadline());
    if (n > 0) {
      parser.feed(std::string_view(chunk, n));
    } else if (transport.stop() == Transport::Stop::closed) {
      parser.close();
    } else {
      parser.fail(failure_of(transport.stop(), limits.deadline));
    }
  }
  return parser.result();
}

}  // namespace conform::http
