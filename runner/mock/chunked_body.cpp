#include "mock/chunked_body.hpp"

#include <algorithm>

#include "text/percent.hpp"

namespace conform::mock {
ChunkedBody::ChunkedBody(std::size_t max_bytes, std::size_t max_framing_bytes)
    : max_bytes_(max_bytes), max_framing_bytes_(max_framing_bytes) {}

std::size_t ChunkedBody::feed(std::string_view bytes) {
  std::size_t used = 0;
  while (state_ == State::more && used < bytes.size()) {
    if (step_ == Step::data) {
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, bytes.size() - used));
      body_.append(bytes.data() + used, take);
      used += take;
      remaining_ -= take;
      if (remaining_ == 0) step_ = Step::data_end;
      continue;
    }
    // The other steps read a line ending in CRLF.
    const char c = bytes[used++];
    line_.push_back(c);
    if (step_ == Step::trailer && ++trailer_bytes_ > max_framing_bytes_) {
      state_ = State::too_large;
      break;
    }
    if (line_.size() > max_framing_bytes_) {
      state_ = State::malformed;
      break;
    }
    if (line_.size() < 2 || line_.compare(line_.size() - 2, 2, "\r\n") != 0) continue;
    const std::string line = line_.substr(0, line_.size() - 2);
    line_.clear();
    if (step_ == Step::data_end) {
      if (!line.empty()) state_ = State::malformed;
      step_ = Step::size_line;
    } else if (step_ == Step::trailer) {
      if (line.empty()) state_ = State::done;
    } else {
      // chunk-size [; extensions]: hex digits only, bounded so the sum cannot overflow.
      const std::size_t end = std::min(line.find(';'), line.size());
      std::uint64_t size = 0;
      if (end == 0 || end > 15) {
        state_ = State::malformed;
        break;
      }
      for (std::size_t i = 0; i < end; ++i) {
        const int digit = text::hex_digit_value(line[i]);
        if (digit < 0) {
          state_ = State::malformed;
          break;
        }
        size = size * 16 + static_cast<std::uint64_t>(digit);
      }
      if (state_ != State::more) break;
      if (size > max_bytes_ - std::min(max_bytes_, body_.size())) {
        state_ = State::too_large;
        break;
      }
      remaining_ = size;
      step_ = size == 0 ? Step::trailer : Step::data;
    }
  }
  return used;
}

}  // namespace conform::mock
