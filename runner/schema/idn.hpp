// Internationalized hostnames (format "idn-hostname", and the domain of "idn-email"):
// IDNA2008 (RFC 5890-5893) through libidn2, not hand-written tables.
#pragma once

#include <string_view>

namespace conform::schema {

// A hostname whose labels may be U-labels or A-labels; labels are separated by any of the
// four dots IDNA recognises (U+002E, U+3002, U+FF0E, U+FF61).
bool check_idn_hostname(std::string_view host);

}  // namespace conform::schema
