// Broken schemas are refused at load with a SchemaError naming the file and the pointer.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "schema/schema.hpp"
#include "unit/schema/schema_test_support.hpp"

namespace conform::schema::testing {
namespace {

struct Refusal {
  std::string file;
  std::string pointer;
  std::string message;
};

Refusal refusal_of_file(const std::string& text) {
  TempDir dir;
  auto file = dir.write("broken.schema.json", text);
  SchemaRegistry registry;
  try {
    registry.load_file(file);
  } catch (const SchemaError& error) {
    return {error.file(), error.pointer(), error.what()};
  }
  return {"", "", "loaded without error"};
}

Refusal refusal_of(const std::string& text) {
  SchemaRegistry registry;
  try {
    registry.load_value(json(text), "mem://broken.json");
  } catch (const SchemaError& error) {
    return {error.file(), error.pointer(), error.what()};
  }
  return {"", "", "loaded without error"};
}

TEST(SchemaError, NotJsonNamesTheFileLineAndColumn) {
  Refusal refusal = refusal_of_file("{\n  \"type\": \"object\",\n  oops\n}");
  EXPECT_NE(refusal.file.find("broken.schema.json"), std::string::npos);
  EXPECT_EQ(refusal.pointer, "");
  EXPECT_NE(refusal.message.find("not JSON"), std::string::npos) << refusal.message;
  EXPECT_NE(refusal.message.find("line 3, column 3"), std::string::npos) << refusal.message;
}

TEST(SchemaError, TrailingGarbageIsNotJson) {
  EXPECT_NE(refusal_of_file("{} {}").message.find("not JSON"), std::string::npos);
}

TEST(SchemaError, UnreadableFile) {
  SchemaRegistry registry;
  EXPECT_THROW(registry.load_file("/nonexistent/conform/schema.json"), SchemaError);
}

TEST(SchemaError, RefToItselfIsALoop) {
  Refusal refusal = refusal_of(R"({"$ref": "#"})");
  EXPECT_EQ(refusal.file, "mem://broken.json");
  EXPECT_EQ(refusal.pointer, "/$ref");
  EXPECT_NE(refusal.message.find("$ref loop"), std::string::npos) << refusal.message;
}

TEST(SchemaError, RefsThatPointAtEachOtherAreALoop) {
  Refusal refusal = refusal_of(R"({
    "properties": {"x": {"$ref": "#/definitions/a"}},
    "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}
  })");
  EXPECT_NE(refusal.message.find("$ref loop"), std::string::npos) << refusal.message;
  EXPECT_EQ(refusal.pointer.rfind("/definitions/", 0), 0u) << refusal.pointer;
}

TEST(SchemaError, RecursionThroughPropertiesIsNoLoop) {
  EXPECT_NO_THROW(compile(R"({"properties": {"child": {"$ref": "#"}}})"));
}

TEST(SchemaError, MissingRefTarget) {
  Refusal refusal = refusal_of(R"({"properties": {"a": {"$ref": "#/definitions/nope"}}})");
  EXPECT_EQ(refusal.pointer, "/properties/a/$ref");
  EXPECT_NE(refusal.message.find("$ref target not found"), std::string::npos) << refusal.message;
}

TEST(SchemaError, UnmappedRemoteRefSaysHowToMapIt) {
  Refusal refusal = refusal_of(R"({"$ref": "https://example.com/other.json"})");
  EXPECT_EQ(refusal.pointer, "/$ref");
  EXPECT_NE(refusal.message.find("map its URL prefix"), std::string::npos) << refusal.message;
}

TEST(SchemaError, AnAbsoluteFileRefIsRefusedUnread) {
  for (const char* ref : {"/etc/passwd", "file:///etc/passwd", "/proc/self/environ#/a"}) {
    const Refusal refusal = refusal_of_file(std::string(R"({"$ref": ")") + ref + R"("})");
    EXPECT_EQ(refusal.pointer, "/$ref") << ref;
    EXPECT_NE(refusal.message.find("an absolute file path"), std::string::npos) << refusal.message;
  }
}

TEST(SchemaError, ARefToAFifoIsUnreadableNotAHang) {
  // Inside the schema's folder (a "$ref" cannot leave it for /dev/zero): a FIFO, which
  // blocks a reader forever, is not a regular file.
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir.path() + "/pipe.json").c_str(), 0600), 0);
  const auto file = dir.write("main.json", R"({"$ref": "pipe.json"})");
  SchemaRegistry registry;
  try {
    registry.load_file(file);
    ADD_FAILURE() << "loaded";
  } catch (const SchemaError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot read"), std::string::npos) << error.what();
  }
}

TEST(SchemaError, AMappedPrefixCannotLeaveItsFolder) {
  TempDir dir;
  std::filesystem::create_directories(std::filesystem::path(dir.path()) / "mapped");
  dir.write("mapped/ok.json", R"({"type": "string"})");
  SchemaRegistry registry;
  registry.map_url_prefix("https://example.com/s/", std::filesystem::path(dir.path()) / "mapped");
  EXPECT_NO_THROW(
      registry.load_value(json(R"({"$ref": "https://example.com/s/ok.json"})"), "mem://a.json"));
  // A symlink in the mapped folder to a schema outside it.
  dir.write("outside.json", R"({"type": "string"})");
  std::filesystem::create_symlink(std::filesystem::path(dir.path()) / "outside.json",
                                  std::filesystem::path(dir.path()) / "mapped" / "link.json");
  try {
    registry.load_value(json(R"({"$ref": "https://example.com/s/link.json"})"), "mem://b.json");
    ADD_FAILURE() << "loaded";
  } catch (const SchemaError& error) {
    EXPECT_NE(std::string(error.what()).find("leaves the folder"), std::string::npos)
        << error.what();
  }
}

TEST(SchemaError, InvalidRegexNamesThePattern) {
  Refusal refusal = refusal_of(R"j({"properties": {"a": {"pattern": "(unclosed"}}})j");
  EXPECT_EQ(refusal.pointer, "/properties/a/pattern");
  EXPECT_NE(refusal.message.find("invalid regular expression"), std::string::npos);
}

TEST(SchemaError, LookaheadAndBackreferencesAreRefused) {
  EXPECT_EQ(refusal_of(R"j({"pattern": "^(?!admin)"})j").pointer, "/pattern");
  EXPECT_NE(refusal_of(R"j({"pattern": "^(?!admin)"})j").message.find("lookaround"),
            std::string::npos);
  EXPECT_EQ(refusal_of(R"j({"patternProperties": {"(a)\\1": {}}})j").pointer,
            "/patternProperties/(a)\\1");
}

TEST(SchemaError, KeywordWithAValueOfTheWrongType) {
  Refusal refusal = refusal_of(R"({"properties": {"name": {"minLength": "3"}}})");
  EXPECT_EQ(refusal.pointer, "/properties/name/minLength");
  EXPECT_NE(refusal.message.find("\"minLength\" must be a non-negative integer, not \"3\""),
            std::string::npos)
      << refusal.message;
  EXPECT_EQ(refusal_of(R"({"type": "text"})").pointer, "/type");
  EXPECT_EQ(refusal_of(R"({"required": "a"})").pointer, "/required");
  EXPECT_EQ(refusal_of(R"({"items": 3})").pointer, "/items");
  EXPECT_EQ(refusal_of(R"({"multipleOf": 0})").pointer, "/multipleOf");
}

TEST(SchemaError, CountsWrittenAsDecimalsAreFine) {
  EXPECT_NO_THROW(compile(R"({"minLength": 2.0, "maxItems": 3.0})"));
}

}  // namespace
}  // namespace conform::schema::testing
