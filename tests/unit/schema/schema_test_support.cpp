#include "unit/schema/schema_test_support.hpp"

#include <stdexcept>

namespace conform::schema::testing {

rapidjson::Document json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  if (document.HasParseError()) throw std::invalid_argument("test JSON does not parse: " + text);
  return document;
}

std::shared_ptr<const Schema> compile(const std::string& schema_text) {
  SchemaRegistry registry;
  return registry.load_value(json(schema_text), "");
}

Findings findings_of(const Schema& schema, const std::string& instance_text,
                     const ValidateOptions& options) {
  Findings findings;
  schema.validate(json(instance_text), &findings, options);
  return findings;
}

}  // namespace conform::schema::testing
