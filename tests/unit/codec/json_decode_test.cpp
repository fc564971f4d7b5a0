// decode() for JSON: every bad input is a finding with a position, never a crash.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "codec/decode.hpp"
#include "codec/json_reader.hpp"

namespace conform::codec {
namespace {

Decoded decode_json(std::string_view bytes, Limits limits = {}) {
  DecodeOptions options;
  options.format = Format::json;
  options.limits = limits;
  return decode(bytes, options);
}

TEST(JsonDecode, ReadsAValue) {
  const Decoded d = decode_json(R"({"ID": "x", "Enabled": true, "n": [1, 2.5]})");
  ASSERT_TRUE(d.ok);
  EXPECT_TRUE(d.findings.empty());
  EXPECT_STREQ(d.value["ID"].GetString(), "x");
  EXPECT_TRUE(d.value["Enabled"].GetBool());
  EXPECT_EQ(d.value["n"][0].GetInt(), 1);
  EXPECT_DOUBLE_EQ(d.value["n"][1].GetDouble(), 2.5);
}

TEST(JsonDecode, MalformedJsonHasLineAndColumn) {
  // The formsonfire seed's sample body: a placeholder where a number belongs.
  const Decoded d = decode_json("{\n\"Id\": \"2ebc\",\n\"CompanyId\": XXXXX,\n\"Type\": 1\n}");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  const Finding& f = d.findings[0];
  EXPECT_EQ(f.keyword, "syntax");
  EXPECT_EQ(f.line, 3);
  EXPECT_EQ(f.column, 14);
  EXPECT_EQ(f.actual, "XXXXX");
  EXPECT_EQ(f.length, 5);
  EXPECT_EQ(f.message, "invalid value: not JSON");
}

TEST(JsonDecode, ColumnsCountCodePoints) {
  const Decoded d = decode_json("{\"é€\": \"ü\", x}");
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].line, 1);
  EXPECT_EQ(d.findings[0].column, 13);
  EXPECT_EQ(d.findings[0].message, "expected a member name in double quotes (or '}')");
}

TEST(JsonDecode, EmptyAndWhitespaceBodies) {
  for (const std::string_view body : {std::string_view(""), std::string_view(" \n\t")}) {
    const Decoded d = decode_json(body);
    EXPECT_FALSE(d.ok);
    ASSERT_EQ(d.findings.size(), 1u);
    EXPECT_EQ(d.findings[0].keyword, "syntax");
    EXPECT_NE(d.findings[0].message.find("expected a JSON value"), std::string::npos);
  }
}

TEST(JsonDecode, InvalidUtf8NamesTheByteAndPlace) {
  const Decoded d = decode_json("{\n  \"a\": \"x\xFFy\"}");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "encoding");
  EXPECT_EQ(d.findings[0].line, 2);
  EXPECT_EQ(d.findings[0].column, 10);
  EXPECT_EQ(d.findings[0].message,
            "invalid UTF-8: byte 0xFF at byte offset 11 (line 2, column 10) does not start a "
            "valid sequence");
}

TEST(JsonDecode, OverlongAndSurrogateEncodingsAreInvalid) {
  EXPECT_FALSE(decode_json("\"\xC0\xAF\"").ok);          // overlong '/'
  EXPECT_FALSE(decode_json("\"\xED\xA0\x80\"").ok);      // UTF-16 surrogate
  EXPECT_FALSE(decode_json("\"\xF4\x90\x80\x80\"").ok);  // above U+10FFFF
  EXPECT_TRUE(decode_json("\"\xF0\x9F\x98\x80\"").ok);   // an emoji is fine
}

TEST(JsonDecode, NulByteIsAFinding) {
  const std::string body("{\"a\": 1}\0{}", 11);
  const Decoded d = decode_json(body);
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].column, 9);
  EXPECT_NE(d.findings[0].message.find("NUL byte"), std::string::npos);
}

TEST(JsonDecode, EscapedNulInAStringIsFine) {
  const Decoded d = decode_json(R"({"a": "x\u0000y"})");
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.value["a"].GetStringLength(), 3u);
}

TEST(JsonDecode, DuplicateKeyPointsAtTheSecondOccurrence) {
  const Decoded d = decode_json("{\n  \"a\": {\"Id\": 1,\n   \"Id\": 2}\n}");
  EXPECT_TRUE(d.ok);  // the value is readable; the finding makes it invalid
  ASSERT_EQ(d.findings.size(), 1u);
  const Finding& f = d.findings[0];
  EXPECT_EQ(f.keyword, "duplicate-key");
  EXPECT_EQ(f.severity, Severity::error);
  EXPECT_EQ(f.pointer, "/a/Id");
  EXPECT_EQ(f.line, 3);
  EXPECT_EQ(f.column, 4);
  EXPECT_EQ(f.length, 4);  // the key "Id" with its quotes
}

TEST(JsonDecode, DuplicateKeysInLargeObjectsAndArrays) {
  std::string body = "[{";
  for (int i = 0; i < 100; ++i) body += "\"k" + std::to_string(i) + "\": 0, ";
  body += "\"k7\": 1, \"k7\": 2}]";
  const Decoded d = decode_json(body);
  ASSERT_EQ(d.findings.size(), 1u);  // reported once per name
  EXPECT_EQ(d.findings[0].pointer, "/0/k7");
}

TEST(JsonDecode, NumberBeyondDoubleRange) {
  const Decoded d = decode_json(R"({"n": 1e400})");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].column, 7);
  EXPECT_NE(d.findings[0].message.find("beyond the range of a double"), std::string::npos);
}

TEST(JsonDecode, DeepNestingStopsAtTheLimitWithoutRecursion) {
  const std::string body(200000, '[');
  const Decoded d = decode_json(body);
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "limit");
  EXPECT_EQ(d.findings[0].column, 513);
  EXPECT_EQ(d.findings[0].message, "nesting deeper than 512 levels");
}

TEST(JsonDecode, NestingWithinALargerLimitParsesWithoutStackOverflow) {
  Limits limits;
  limits.max_depth = 300000;
  const std::string body = std::string(200000, '[') + std::string(200000, ']');
  const Decoded d = decode_json(body, limits);
  EXPECT_TRUE(d.ok);
}

TEST(JsonDecode, HugeStringWithinLimitsAndOverLimit) {
  std::string body = "{\"s\": \"" + std::string(100u << 20, 'a') + "\"}";
  const Decoded d = decode_json(body);
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(d.value["s"].GetStringLength(), 100u << 20);
  Limits small;
  small.max_string_bytes = 1000;
  const Decoded over = decode_json(body, small);
  EXPECT_FALSE(over.ok);
  EXPECT_EQ(over.findings.at(0).keyword, "limit");
}

TEST(JsonDecode, ManyKeysAndTheMembersLimit) {
  std::string body = "{";
  for (int i = 0; i < 300000; ++i) {
    body += (i ? ",\"" : "\"") + std::to_string(i) + "\":" + std::to_string(i);
  }
  body += "}";
  const Decoded d = decode_json(body);
  ASSERT_TRUE(d.ok);
  EXPECT_TRUE(d.findings.empty());
  EXPECT_EQ(d.value.MemberCount(), 300000u);
  Limits small;
  small.max_members = 1000;
  EXPECT_EQ(decode_json(body, small).findings.at(0).keyword, "limit");
}

TEST(JsonDecode, BinaryGarbage) {
  std::string body;
  for (int i = 0; i < 256; ++i) body += static_cast<char>((i * 73 + 11) & 0xFF);
  const Decoded d = decode_json(body);
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "encoding");
}

TEST(JsonDecode, TrailingGarbage) {
  const Decoded d = decode_json("{\"a\": 1} x");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].message, "unexpected text after the JSON value");
  EXPECT_EQ(d.findings[0].column, 10);
  EXPECT_EQ(d.findings[0].actual, "x");
}

TEST(JsonDecode, Utf8ByteOrderMarkIsNamedButTheValueIsRead) {
  const Decoded d = decode_json("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_TRUE(d.ok);
  EXPECT_EQ(d.value["a"].GetInt(), 1);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "encoding");
  EXPECT_NE(d.findings[0].message.find("UTF-8 byte order mark (EF BB BF)"), std::string::npos);
}

TEST(JsonDecode, Utf16ByteOrderMark) {
  const Decoded d = decode_json(std::string("\xFF\xFE{\0}\0", 6));
  EXPECT_FALSE(d.ok);
  EXPECT_NE(d.findings.at(0).message.find("UTF-16 byte order mark"), std::string::npos);
}

TEST(JsonDecode, ControlCharacterInString) {
  const Decoded d = decode_json("{\"a\": \"line\nbreak\"}");
  EXPECT_FALSE(d.ok);
  EXPECT_EQ(d.findings.at(0).message, "a control character (0x0A) must be escaped inside a string");
}

TEST(JsonDecode, XmlDeclaredAsJsonSaysWhatItIs) {
  const Decoded d = decode_json("<item><a>1</a></item>");
  EXPECT_FALSE(d.ok);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].keyword, "content-type");
  EXPECT_EQ(d.findings[0].message, "the body is XML but was declared application/json");
}

TEST(JsonDecode, InputNeedNotEndInNul) {
  const std::string buffer = "{\"a\": 12345}";
  // The view stops inside the number; the parser must not read past it.
  const Decoded d = decode_json(std::string_view(buffer).substr(0, 9));
  EXPECT_FALSE(d.ok);
}

TEST(JsonReader, ReusesItselfAcrossPayloads) {
  JsonReader reader;
  Findings findings;
  ASSERT_TRUE(reader.read(R"({"a": [1, 2, 3]})", findings));
  EXPECT_EQ(reader.value()["a"].Size(), 3u);
  ASSERT_FALSE(reader.read("{oops", findings));
  ASSERT_TRUE(reader.read(R"({"b": "x"})", findings));
  EXPECT_STREQ(reader.value()["b"].GetString(), "x");
  EXPECT_FALSE(reader.value().HasMember("a"));
  EXPECT_EQ(findings.size(), 1u);
  // Payloads larger than its arena's first block work too.
  const std::string big = "[\"" + std::string(200000, 'z') + "\"]";
  ASSERT_TRUE(reader.read(big, findings));
  EXPECT_EQ(reader.value()[0].GetStringLength(), 200000u);
}

// A syntax error caused by a trailing comma says so.
TEST(JsonDecode, ATrailingCommaSaysSo) {
  for (const auto& [json, column, closer] :
       std::vector<std::tuple<const char*, int, char>>{{"{\"a\": 1,}", 9, '}'},
                                                       {"[1, 2,]", 7, ']'},
                                                       {"{\"a\": [1,\n  ]}", 3, ']'},
                                                       {"{\"a\": {\"b\": true ,\t}}", 20, '}'}}) {
    const Decoded d = decode_json(json);
    ASSERT_EQ(d.findings.size(), 1u) << json;
    EXPECT_EQ(d.findings[0].keyword, "syntax");
    EXPECT_EQ(d.findings[0].message.find(std::string("a trailing comma before '") + closer + "'"),
              0u)
        << d.findings[0].message;
    EXPECT_EQ(d.findings[0].column, column) << json;
  }
  // Not a trailing comma: a missing value is still described as before.
  const Decoded missing = decode_json("{\"a\": }");
  ASSERT_EQ(missing.findings.size(), 1u);
  EXPECT_EQ(missing.findings[0].message, "invalid value: not JSON");
}

}  // namespace
}  // namespace conform::codec
