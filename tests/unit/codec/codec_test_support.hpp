// Helpers for the codec tests: vendor files from CONFORM_SCHEMAS_DIR, values from text, both
// JSON readers at once.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "codec/json_reader.hpp"
#include "codec/rapidjson.hpp"

namespace conform::codec::testing {

inline std::filesystem::path schemas_dir() { return CONFORM_SCHEMAS_DIR; }

inline std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << file;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::shared_ptr<rapidjson::Document> parse(std::string_view text) {
  auto document = std::make_shared<rapidjson::Document>();
  Findings findings;
  EXPECT_TRUE(parse_json(text, Limits{}, *document, findings)) << text;
  return document;
}

inline std::shared_ptr<rapidjson::Document> load_json(const std::filesystem::path& file) {
  return parse(read_bytes(file));
}

// What each of conform's two JSON readers makes of `json`: parse_json into a document, then
// JsonReader in place. A test of how bad input is reported holds both to it.
struct ReadOutcome {
  bool ok = false;
  Findings findings;
};

inline std::array<ReadOutcome, 2> read_both_ways(std::string_view json) {
  std::array<ReadOutcome, 2> outcomes;
  rapidjson::Document document;
  outcomes[0].ok = parse_json(json, Limits{}, document, outcomes[0].findings);
  JsonReader reader(Limits{});
  outcomes[1].ok = reader.read(json, outcomes[1].findings);
  return outcomes;
}

inline std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

}  // namespace conform::codec::testing
