// response_encoding: a rendered response body -> bytes in the encoding the client asked
// for, through the same codecs `conform validate` reads them with.
#pragma once

#include "codec/rapidjson.hpp"
#include "contracts/catalog.hpp"
#include "mock/exchange.hpp"
#include "model/format.hpp"

namespace conform::mock {

// Sets `response`'s body and content type. XML is used when asked for and the message has
// XML rules (which name the root and the list items); otherwise JSON, as is a value the
// rules cannot carry.
void encode_response(const contracts::Catalog& catalog, const contracts::Manifest& manifest,
                     const contracts::MessageSpec* message, Format format,
                     const rapidjson::Value& body, MockResponse& response);

}  // namespace conform::mock
