#include "codec/rapidjson.hpp"

#include <stdexcept>

namespace conform::codec {

void rapidjson_assertion_failed() { throw std::logic_error("RapidJSON precondition failed"); }

}  // namespace conform::codec
