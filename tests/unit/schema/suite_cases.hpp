// Reads the JSON Schema Test Suite (draft 7) into flat lists of cases for the suite tests.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "schema/schema.hpp"

namespace conform::schema::testing {

struct SuiteCase {
  std::string file;  // relative to tests/draft7, e.g. "optional/format/email.json"
  std::string group;
  std::string description;
  std::shared_ptr<rapidjson::Document> source;  // keeps `schema` and `data` alive
  const rapidjson::Value* schema = nullptr;
  const rapidjson::Value* data = nullptr;
  bool valid = false;
  std::string name;  // unique, a valid gtest name
};

// ctest shows where a case comes from, not the parameter's bytes.
void PrintTo(const SuiteCase& suite_case, std::ostream* out);

std::string suite_root();

// Every case of the given files (relative to tests/draft7).
std::vector<SuiteCase> load_suite_cases(const std::vector<std::string>& files);

// The files directly in tests/draft7 (the required tests).
std::vector<std::string> required_suite_files();
// Every file under tests/draft7/optional.
std::vector<std::string> optional_suite_files();

// A registry that serves the suite's remotes as http://localhost:1234/.
std::unique_ptr<SchemaRegistry> suite_registry();

// Runs one case; returns "" when the verdict is right, else what went wrong.
std::string run_suite_case(const SuiteCase& suite_case);

}  // namespace conform::schema::testing
