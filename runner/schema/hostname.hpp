// Hostnames (RFC 1123) with IDNA A-labels ("xn--") decoded and checked (RFC 5890-5893).
#pragma once

#include <string_view>

namespace conform::schema {

bool check_hostname(std::string_view host);

}  // namespace conform::schema
