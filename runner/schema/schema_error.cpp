#include <string>
#include <utility>

#include "schema/schema.hpp"

namespace conform::schema {
namespace {

std::string describe(const std::string& file, const std::string& pointer,
                     const std::string& message) {
  std::string text = file;
  if (!pointer.empty()) text += " at \"" + pointer + "\"";
  return text + ": " + message;
}

}  // namespace

SchemaError::SchemaError(std::string file, std::string pointer, const std::string& message)
    : std::runtime_error(describe(file, pointer, message)),
      file_(std::move(file)),
      pointer_(std::move(pointer)) {}

}  // namespace conform::schema
