#include "unit/schema/schema_test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
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

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("conform-schema-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path TempDir::write(const std::string& name, const std::string& text) const {
  std::filesystem::path file = path_ / name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

}  // namespace conform::schema::testing
