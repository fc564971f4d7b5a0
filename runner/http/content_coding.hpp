// decode_content: a response body as its Content-Encoding made it (gzip, x-gzip, deflate)
// back to the bytes it stands for, never past a size limit. conform asks for no encoding,
// but some servers compress whatever the request says.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conform::http {

// Decodes `body` in place; false, leaving it as it was, with `problem` saying why (a coding
// conform does not decode, bytes that are not what the coding says, a body past `limit` once
// decoded). "identity" and "" leave the body as it is.
bool decode_content(std::string_view coding, std::string& body, std::size_t limit,
                    std::string& problem);

}  // namespace conform::http
