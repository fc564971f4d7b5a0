// credentials: checks a request's credentials against a vendor's mock fixtures.
#pragma once

#include <string>

#include "codec/base64.hpp"
#include "codec/rapidjson.hpp"
#include "mock/exchange.hpp"
#include "mock/vendor_mock.hpp"

namespace conform::mock {

enum class AuthVerdict {
  ok,
  unauthenticated,  // missing or wrong credentials: 401
  forbidden,        // a known credential without the required role: 403
};

// "Bearer abc" -> "abc" when the Authorization header's scheme is `scheme`
// (case-insensitively); "" otherwise.
std::string credentials_of(const std::string& header, const std::string& scheme);

// For the "bearer" and "basic" schemes, which travel in the Authorization header.
AuthVerdict check_header_credentials(const std::string& scheme, const VendorMock& mock,
                                     const MockRequest& request);

// For the "body" scheme: a credential matches when the body carries each of its members
// with the same value.
AuthVerdict check_body_credentials(const VendorMock& mock, const rapidjson::Value& body);

using codec::base64_decode;

}  // namespace conform::mock
