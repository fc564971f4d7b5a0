#include "http/content_coding.hpp"

#include <zlib.h>

#include "text/ascii_case.hpp"

namespace conform::http {

bool decode_content(std::string_view coding, std::string& body, std::size_t limit,
                    std::string& problem) {
  if (coding.empty() || text::equals_ignoring_case(coding, "identity")) return true;
  const bool zlib_coding = text::equals_ignoring_case(coding, "gzip") ||
                           text::equals_ignoring_case(coding, "x-gzip") ||
                           text::equals_ignoring_case(coding, "deflate");
  if (!zlib_coding) {
    problem = "its Content-Encoding is " + std::string(coding) +
              ", which conform does not decode (it asks for none)";
    return false;
  }
  z_stream stream{};
  // 15 + 32: a zlib or a gzip header, whichever the bytes start with.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    problem = "zlib could not start";
    return false;
  }
  std::string out;
  char buffer[16 << 10];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > limit) {
      inflateEnd(&stream);
      problem = "decoded, it is larger than " + std::to_string(limit) + " bytes";
      return false;
    }
    if (result == Z_BUF_ERROR && stream.avail_in == 0) break;  // the body ends mid-stream
  }
  inflateEnd(&stream);
  if (result != Z_STREAM_END) {
    problem = "it is not the " + std::string(coding) + " data its Content-Encoding says";
    return false;
  }
  body = std::move(out);
  return true;
}

}  // namespace conform::http
