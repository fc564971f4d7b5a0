// Content negotiation: whether a request's Accept header admits any media type the vendor
// sends (RFC 9110 §12.5.1), for vendors that document 406 Not Acceptable.
#pragma once

#include <string>
#include <vector>

namespace conform::mock {

// True when `accept` (the header's value; empty: absent, which accepts anything) has a
// media range with q > 0 matching one of `media_types` ("application/json"): the type
// itself, "type/*" or "*/*", case-insensitively, parameters other than q ignored.
bool accepts_any(const std::string& accept, const std::vector<std::string>& media_types);

}  // namespace conform::mock
