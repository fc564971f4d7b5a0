// field_name: a JSON Pointer as vendors name a field in their error bodies.
#pragma once

#include <string>
#include <string_view>

namespace conform::mock {

// "/tags/order_number" -> "tags.order_number". Tokens are unescaped; a malformed "~" escape is
// kept as written.
std::string field_name(std::string_view pointer);

}  // namespace conform::mock
