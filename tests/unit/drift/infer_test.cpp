#include "drift/infer.hpp"

#include <gtest/gtest.h>

#include "schema/schema.hpp"

namespace conform::drift {
namespace {

rapidjson::Document parse(const char* text) {
  rapidjson::Document document;
  document.Parse(text);
  return document;
}

std::string compact_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

class InferTest : public ::testing::Test {
 protected:
  rapidjson::Document infer(const std::vector<const char*>& bodies) {
    documents_.clear();
    std::vector<const rapidjson::Value*> samples;
    for (const char* body : bodies) {
      documents_.push_back(std::make_unique<rapidjson::Document>(parse(body)));
      samples.push_back(documents_.back().get());
    }
    return infer_schema(samples);
  }
  std::vector<std::unique_ptr<rapidjson::Document>> documents_;
};

TEST_F(InferTest, RequiredMeansSeenInEverySampleAndEverySampleValidates) {
  const std::vector<const char*> bodies = {
      R"({"id": "a", "n": 1, "tags": ["x"], "note": null})", R"({"id": "b", "n": 2.5, "tags": []})",
      R"({"id": "c", "n": 3, "tags": ["y", "z"], "note": "hi"})"};
  const rapidjson::Document schema = infer(bodies);
  EXPECT_STREQ(schema["$schema"].GetString(), "http://json-schema.org/draft-07/schema#");
  EXPECT_EQ(compact_text(schema["required"]), R"(["id","n","tags"])");
  EXPECT_EQ(compact_text(schema["properties"]["n"]["type"]), R"("number")");
  EXPECT_EQ(compact_text(schema["properties"]["note"]["type"]), R"(["null","string"])");
  EXPECT_EQ(compact_text(schema["properties"]["tags"]["items"]["type"]), R"("string")");
  EXPECT_FALSE(schema["additionalProperties"].GetBool());

  schema::SchemaRegistry registry;
  const auto compiled = registry.load_value(schema, "file:///inferred.json");
  for (const auto& body : documents_) {
    Findings findings;
    EXPECT_TRUE(compiled->validate(*body, &findings)) << compact_text(*body);
  }
  const auto other = parse(R"({"id": "d", "n": 1, "tags": [], "extra": true})");
  EXPECT_FALSE(compiled->validate(other, nullptr));
}

TEST_F(InferTest, WholeNumbersAreIntegersAndFormatsComeFromTheEngine) {
  const rapidjson::Document schema = infer(
      {R"({"n": 1, "at": "2026-11-23T12:00:00Z", "mail": "a@example.com", "id": "9d6de082-741c-44fe-b067-1a36eb03fa40"})",
       R"({"n": 2, "at": "2026-11-24T08:30:00+01:00", "mail": "b@example.org", "id": "0b15a271-83ae-4f2e-8000-000000000000"})"});
  EXPECT_EQ(compact_text(schema["properties"]["n"]["type"]), R"("integer")");
  EXPECT_EQ(compact_text(schema["properties"]["at"]["format"]), R"("date-time")");
  EXPECT_EQ(compact_text(schema["properties"]["mail"]["format"]), R"("email")");
  EXPECT_EQ(compact_text(schema["properties"]["id"]["format"]), R"("uuid")");
}

TEST_F(InferTest, EnumsOnlyForSmallClosedSets) {
  const rapidjson::Document closed =
      infer({R"({"role": "admin", "name": "Ada"})", R"({"role": "user", "name": "Grace"})",
             R"({"role": "admin", "name": "Alan"})", R"({"role": "user", "name": "Edsger"})"});
  EXPECT_EQ(compact_text(closed["properties"]["role"]["enum"]), R"(["admin","user"])");
  EXPECT_FALSE(closed["properties"]["name"].HasMember("enum"));  // every value differs
  const rapidjson::Document few = infer({R"({"role": "admin"})", R"({"role": "user"})"});
  EXPECT_FALSE(few["properties"]["role"].HasMember("enum"));  // too few samples to tell
}

TEST_F(InferTest, RedactedValuesAndConstantsAreNotEnums) {
  const rapidjson::Document schema = infer({R"({"key": "***", "country": "BA", "id": 1})",
                                            R"({"key": "***", "country": "BA", "id": "***"})",
                                            R"({"key": "***", "country": "BA", "id": 2})",
                                            R"({"key": "***", "country": "BA", "id": 3})"});
  EXPECT_FALSE(schema["properties"]["key"].HasMember("type"));
  EXPECT_FALSE(schema["properties"]["key"].HasMember("enum"));
  EXPECT_FALSE(schema["properties"]["country"].HasMember("enum"));  // one value: a constant
  EXPECT_EQ(compact_text(schema["properties"]["id"]["type"]), R"("integer")");
}

TEST_F(InferTest, MixedRootsAndEmptyArrays) {
  const rapidjson::Document schema = infer({R"([])", R"({"a": []})"});
  EXPECT_EQ(compact_text(schema["type"]), R"(["array","object"])");
  EXPECT_FALSE(schema.HasMember("items"));
  EXPECT_FALSE(schema["properties"]["a"].HasMember("items"));
}

}  // namespace
}  // namespace conform::drift
