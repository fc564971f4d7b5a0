// Fuzzes the mock's reading of raw HTTP requests (request_head, ChunkedBody): any bytes give
// a head that is refused or read, a usable head keeps no framing field for cpp-httplib to
// misread, and a chunked body never passes its limit, whatever way its bytes are split.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_target.hpp"
#include "mock/chunked_body.hpp"
#include "mock/request_head.hpp"

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  // Byte 0: how many bytes each feed of the chunked body gets (1..256).
  const std::size_t step = static_cast<std::size_t>(data[0]) + 1;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t end = conform::mock::head_end(bytes);
  if (end == std::string_view::npos) return 0;
  conform::mock::HeadLimits limits;
  limits.max_fields = 16;
  limits.max_head_bytes = 4096;
  const conform::mock::RequestHead head =
      conform::mock::read_request_head(bytes.substr(0, end), limits);
  if (head.status != 0) {
    if (head.problem.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  const std::string unframed = lowercase(head.unframed);
  if (unframed.find("\ncontent-length:") != std::string::npos ||
      unframed.find("\ntransfer-encoding:") != std::string::npos) {
    std::abort();  // the library would see a second framing
  }
  if (!head.chunked) return 0;
  constexpr std::size_t kLimit = 64;
  conform::mock::ChunkedBody body(kLimit, 32);
  std::string_view rest = bytes.substr(end);
  while (!rest.empty() && body.state() == conform::mock::ChunkedBody::State::more) {
    const std::string_view piece = rest.substr(0, step);
    const std::size_t used = body.feed(piece);
    if (used > piece.size()) std::abort();
    if (used < piece.size() && body.state() == conform::mock::ChunkedBody::State::more) {
      std::abort();  // stopped early without an outcome
    }
    rest.remove_prefix(used);
    if (used == 0) break;
  }
  if (body.body().size() > kLimit) std::abort();
  return 0;
}
