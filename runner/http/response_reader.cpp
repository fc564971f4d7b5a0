#include "http/response_reader.hpp"

#include <algorithm>

namespace conform::http {
namespace {

using Clock = Transport::Clock;

// A small response arrives in one read of this size.
constexpr std::size_t kReadSize = 16 << 10;

// A read that timed out passed the exchange's deadline or only the read timeout.
Failure timed_out(Clock::time_point deadline) {
  return Clock::now() >= deadline ? Failure::deadline : Failure::read_timeout;
}

}  // namespace

ReadResponse read_response(Transport& transport, const ResponseLimits& limits, bool head_request,
                           BodyBuffer& body) {
  ResponseParser parser(head_request, limits.max_body_bytes, body);
  const auto read_deadline = [&] {
    return std::min(Clock::now() + limits.read_timeout, limits.deadline);
  };
  if (!transport.await_answer(read_deadline())) {
    parser.fail(failure_of(transport.stop(), timed_out(limits.deadline), Failure::incomplete));
    return std::move(parser.result());
  }
  char chunk[kReadSize];
  while (parser.state() == ResponseParser::State::more) {
    const std::size_t n = transport.read(chunk, sizeof chunk, read_deadline());
    if (n > 0) {
      parser.feed(std::string_view(chunk, n));
    } else if (transport.stop() == Transport::Stop::closed) {
      parser.close();
    } else {
      parser.fail(failure_of(transport.stop(), timed_out(limits.deadline), Failure::incomplete));
    }
  }
  return std::move(parser.result());
}

}  // namespace conform::http
