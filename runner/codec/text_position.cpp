#include "codec/text_position.hpp"

#include <algorithm>
#include <cstring>

#include "text/utf8.hpp"

namespace conform::codec {

TextPosition position_of(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  TextPosition position;
  std::size_t line_start = 0;
  const char* data = bytes.data();
  for (;;) {
    const void* found = std::memchr(data + line_start, '\n', offset - line_start);
    if (found == nullptr) break;
    line_start = static_cast<std::size_t>(static_cast<const char*>(found) - data) + 1;
    ++position.line;
  }
  position.column =
      static_cast<int>(text::count_code_points(bytes.substr(line_start, offset - line_start))) + 1;
  return position;
}

namespace {
constexpr std::size_t kBlock = 4096;
}  // namespace

TextIndex::TextIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (const char* p = static_cast<const char*>(std::memchr(text.data(), '\n', text.size()));
       p != nullptr;
       p = static_cast<const char*>(
           std::memchr(p + 1, '\n', text.size() - static_cast<std::size_t>(p + 1 - text.data())))) {
    line_starts_.push_back(static_cast<std::size_t>(p + 1 - text.data()));
  }
  std::size_t points = 0;
  for (std::size_t block = 0; block <= text.size(); block += kBlock) {
    points_before_block_.push_back(points);
    points += text::count_code_points(text.substr(block, kBlock));
  }
}

std::size_t TextIndex::points_before(std::size_t offset) const {
  const std::size_t block = offset / kBlock;
  return points_before_block_[block] +
         text::count_code_points(text_.substr(block * kBlock, offset - block * kBlock));
}

TextPosition TextIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
  TextPosition position;
  position.line = static_cast<int>(line - line_starts_.begin()) + 1;
  position.column = static_cast<int>(points_before(offset) - points_before(*line)) + 1;
  return position;
}

std::size_t TextIndex::line_end(std::size_t offset) const {
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return next == line_starts_.end() ? text_.size() : *next - 1;
}

std::size_t TextIndex::code_points(std::size_t begin, std::size_t end) const {
  return points_before(end) - points_before(begin);
}

std::string_view line_at(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  const std::size_t before = offset == 0 ? std::string_view::npos : bytes.rfind('\n', offset - 1);
  const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
  std::size_t end = bytes.find('\n', offset);
  if (end == std::string_view::npos) end = bytes.size();
  if (end > start && bytes[end - 1] == '\r') --end;
  return bytes.substr(start, end - start);
}

}  // namespace conform::codec
