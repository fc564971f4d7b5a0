// base64 (RFC 4648): Basic credentials, contentEncoding "base64".
#pragma once

#include <string>
#include <string_view>

namespace conform::codec {

// RFC 4648 base64 -> bytes in `out`; false when `text` is not base64.
bool base64_decode(std::string_view text, std::string& out);

}  // namespace conform::codec
