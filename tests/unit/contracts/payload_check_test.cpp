// check_payload reads JSON through a reader each thread keeps, and MessageChecker looks a
// message's schema up once: both must answer exactly what the plain path (codec::decode,
// a fresh document, the catalog's lookups) answers.
#include "contracts/payload_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "codec/decode.hpp"
#include "contracts/catalog.hpp"
#include "contracts/message_checker.hpp"
#include "contracts/schema_resolver.hpp"
#include "support/files.hpp"

namespace conform::contracts {
namespace {
namespace fs = std::filesystem;

using conform::test::read_file;

// The verdict through codec::decode, the way check_payload read JSON before it kept a reader.
PayloadResult reference_check(std::string_view bytes, const schema::Schema& schema,
                              const CheckOptions& options) {
  codec::DecodeOptions decode_options;
  decode_options.format = Format::json;
  decode_options.schema = &schema.document();
  decode_options.limits = options.limits;
  codec::Decoded decoded = codec::decode(bytes, decode_options);
  PayloadResult result;
  result.findings = std::move(decoded.findings);
  if (decoded.ok) {
    const std::size_t first = result.findings.size();
    schema::ValidateOptions validate_options;
    validate_options.strict = options.strict;
    schema.validate(decoded.value, &result.findings, validate_options);
    for (std::size_t i = first; i < result.findings.size(); ++i) {
      Finding& f = result.findings[i];
      const bool about_name = f.keyword == "additionalProperties" || f.keyword == "propertyNames";
      const codec::Location at = about_name ? decoded.source_map->locate_name(f.pointer)
                                            : decoded.source_map->locate(f.pointer);
      f.line = at.line;
      f.column = at.column;
      f.length = at.length;
    }
  }
  result.valid = !has_errors(result.findings);
  return result;
}

// The value as replay and drift decoded a body before the pipeline gave it back.
codec::Decoded decode_path(std::string_view bytes, Format format, const Catalog& catalog,
                           const Manifest& vendor, const MessageSpec& message) {
  const auto schema = catalog.schema(vendor, message);
  const auto rules = catalog.xml_rules(vendor, message);
  codec::DecodeOptions options;
  options.format = format;
  options.schema = &schema->document();
  options.xml_rules = rules.get();
  options.resolver = schema_resolver(catalog, vendor);
  return codec::decode(bytes, options);
}

std::string describe(const PayloadResult& result) {
  std::string out = result.valid ? "valid\n" : "invalid\n";
  for (const auto& f : result.findings) {
    out += std::to_string(f.line) + ":" + std::to_string(f.column) + "+" +
           std::to_string(f.length) + " " + f.pointer + " [" + f.keyword + "] " + f.message +
           " | " + f.expected.value_or("") + " | " + f.actual.value_or("") + "\n";
  }
  return out;
}

class PayloadCheck : public ::testing::Test {
 protected:
  // The equivalences are engine behaviour: they run on the test-only vendor
  // (tests/data/vendors/acme), so a change to a shipped vendor's contract does not touch them.
  void SetUp() override {
    catalog_ = Catalog::load(CONFORM_TESTS_DIR "/data/vendors");
    vendor_ = catalog_->find("acme");
    ASSERT_NE(vendor_, nullptr);
    message_ = catalog_->message(*vendor_, *parse_message_id("request"));
    ASSERT_NE(message_, nullptr);
    schema_ = catalog_->schema(*vendor_, *message_);
  }

  PayloadResult check(std::string_view bytes, const CheckOptions& options = json()) const {
    return check_payload(bytes, *schema_, nullptr, options);
  }
  static CheckOptions json() {
    CheckOptions options;
    options.format = Format::json;
    return options;
  }

  std::shared_ptr<Catalog> catalog_;
  // XML goes through a shipped vendor's XML rules (acme takes JSON only).
  std::shared_ptr<Catalog> shipped_ = Catalog::load(CONFORM_SCHEMAS_DIR);
  const Manifest* vendor_ = nullptr;
  const MessageSpec* message_ = nullptr;
  std::shared_ptr<const schema::Schema> schema_;
};

TEST_F(PayloadCheck, JsonFindingsMatchTheDecodePathOnEveryExampleAndBrokenInput) {
  std::vector<std::string> payloads = {"",
                                       "   ",
                                       "{",
                                       "{\"active\": tru}",
                                       "[1,2]",
                                       "{\"active\":true,\"active\":false}",
                                       "\xEF\xBB\xBF{\"active\":true}",
                                       "{\"active\":\"yes\",\"labels\":{\"a\":1}}",
                                       "{\"active\":true,\"labels\":{\"k\":\"v\"},\"extra\":0e305}",
                                       "{\"active\":true}\n\n",
                                       "{\"active\":true,\"nope\":1}",
                                       "{\"active\":true,\"a\":\"\xC3\x28\"}"};
  const std::size_t broken = payloads.size();
  for (const auto& entry :
       fs::directory_iterator(fs::path(CONFORM_TESTS_DIR) / "data/vendors/acme/examples")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("request.", 0) == 0 && entry.path().extension() == ".json") {
      payloads.push_back(read_file(entry.path()));
    }
  }
  ASSERT_GE(payloads.size(), broken + 3) << "the acme request examples were not found";
  for (const bool strict : {false, true}) {
    CheckOptions options = json();
    options.strict = strict;
    for (const auto& bytes : payloads) {
      EXPECT_EQ(describe(check(bytes, options)),
                describe(reference_check(bytes, *schema_, options)))
          << "payload: " << bytes;
    }
  }
}

TEST_F(PayloadCheck, AReusedReaderKeepsNothingOfThePreviousPayloadOrItsLimits) {
  const std::string invalid = "{\"active\":\"yes\",\"labels\":{\"deep\":{\"deeper\":[[[1]]]}}}";
  const std::string valid = "{\"active\":true}";
  EXPECT_FALSE(check(invalid).valid);
  const PayloadResult after = check(valid);
  EXPECT_TRUE(after.valid) << describe(after);
  EXPECT_TRUE(after.findings.empty()) << describe(after);

  // Tighter limits on the same thread take effect, and the defaults come back after them.
  CheckOptions shallow = json();
  shallow.limits.max_depth = 2;
  const PayloadResult limited = check(invalid, shallow);
  ASSERT_FALSE(limited.findings.empty());
  EXPECT_EQ(limited.findings.front().keyword, "limit") << describe(limited);
  EXPECT_EQ(describe(check(invalid)), describe(reference_check(invalid, *schema_, json())));
}

TEST_F(PayloadCheck, APayloadOverAMebibyteGetsTheSameVerdictAsTheDecodePath) {
  std::string large =
      "{\"active\":true,\"labels\":{\"note\":\"" + std::string(3 << 20, 'x') + "\"}}";
  EXPECT_EQ(describe(check(large)), describe(reference_check(large, *schema_, json())));
  EXPECT_TRUE(check("{\"active\":false}").valid);
}

TEST_F(PayloadCheck, OneMessageCheckerServesThreadsSideBySideWithTheCatalogsAnswers) {
  const MessageChecker checker(*catalog_, *vendor_, *message_);
  ASSERT_NE(checker.schema(), nullptr);
  const std::vector<std::string> payloads = {"{\"active\":true}", "{\"active\":1}", "{",
                                             "<User><Active>true</Active></User>", ""};
  std::vector<std::string> expected;
  for (const auto& bytes : payloads) {
    expected.push_back(describe(catalog_->check(*vendor_, *message_, bytes)));
  }
  std::vector<std::string> problems[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const std::size_t i = static_cast<std::size_t>(round + t) % payloads.size();
        const std::string got = describe(checker.check(payloads[i]));
        if (got != expected[i]) problems[t].push_back(payloads[i] + " gave " + got);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_TRUE(problems[0].empty() && problems[1].empty())
      << (problems[0].empty() ? problems[1].front() : problems[0].front());
}

// A repeated member name is one duplicate-key finding; every keyword sees the names once
// (the last value of each, as JSON.parse keeps it).
TEST_F(PayloadCheck, KeywordsSeeEachMemberNameOnce) {
  const auto labels = [](int distinct, const std::vector<std::string>& repeats) {
    std::string text = "{\"labels\":{";
    for (int i = 0; i < distinct; ++i) text += "\"k" + std::to_string(i) + "\":\"v\",";
    for (const auto& r : repeats) text += "\"" + r + "\":\"again\",";
    text.back() = '}';
    return text + "}";
  };
  for (const auto& repeats : std::vector<std::vector<std::string>>{
           {"k0"}, {"k49"}, {"k3", "k3", "k3"}, {"k1", "k2", "k7", "k20", "k33"}}) {
    for (bool in_place : {true, false}) {
      const std::string text = labels(50, repeats);
      const PayloadResult r = in_place ? check(text) : reference_check(text, *schema_, json());
      ASSERT_FALSE(r.findings.empty()) << text;
      for (const Finding& f : r.findings) EXPECT_EQ(f.keyword, "duplicate-key") << f.message;
    }
  }
  // 51 distinct names are still too many, repeated or not.
  const PayloadResult over = check(labels(51, {"k0"}));
  bool max_properties = false;
  for (const Finding& f : over.findings) max_properties |= f.keyword == "maxProperties";
  EXPECT_TRUE(max_properties);
  // The last value of a name is the one validated: a bad first value is not a finding.
  EXPECT_TRUE(check(R"({"active":"yes","active":true})").findings.size() == 1);
  const PayloadResult last_bad = check(R"({"active":true,"active":"yes"})");
  ASSERT_EQ(last_bad.findings.size(), 2u);
  EXPECT_EQ(last_bad.findings[1].keyword, "type");
  // An object inside a repeated member is deduplicated too, deepest first.
  const PayloadResult nested =
      check(R"({"labels":{"a":"1","a":"2"},"labels":{"b":"1","b":"2","b":"3"}})");
  for (const Finding& f : nested.findings) EXPECT_EQ(f.keyword, "duplicate-key") << f.message;
  EXPECT_EQ(nested.findings.size(), 3u);
}

// Responses are lenient about XML child order, as about undocumented members: --strict
// reports it. Requests keep the order rule whatever the flag.
TEST_F(PayloadCheck, XmlChildOrderIsAFindingInResponsesOnlyWhenStrict) {
  const Manifest& formsonfire = *shipped_->find("formsonfire");
  const std::string sorted =
      read_file(fs::path(CONFORM_SCHEMAS_DIR) /
                "formsonfire/examples/response-200.valid.seed-sample-filled.xml");
  std::string swapped = sorted;
  const std::string country = "<Country>BA</Country>";
  const std::string company = "<CompanyId>12345</CompanyId>";
  swapped.replace(swapped.find(company), company.size(), country);
  swapped.replace(swapped.find(country, swapped.find(country) + 1), country.size(), company);
  ASSERT_NE(swapped, sorted);

  const MessageSpec& response = *shipped_->message(formsonfire, *parse_message_id("response:200"));
  CheckOptions options;
  options.format = Format::xml;
  const PayloadResult lenient = shipped_->check(formsonfire, response, swapped, options);
  EXPECT_TRUE(lenient.valid) << describe(lenient);
  options.strict = true;
  const PayloadResult strict = shipped_->check(formsonfire, response, swapped, options);
  EXPECT_FALSE(strict.valid);
  ASSERT_FALSE(strict.findings.empty());
  EXPECT_EQ(strict.findings[0].keyword, "xml-order");

  const MessageSpec& request = *shipped_->message(formsonfire, *parse_message_id("request"));
  options.strict = false;
  const std::string out_of_order =
      "<User><Id>2ebc64a36a0d400d8c1e5b7a9f3d6e24</Id><CompanyId>1</CompanyId>"
      "<IntegrationKey>k</IntegrationKey></User>";
  const PayloadResult refused = shipped_->check(formsonfire, request, out_of_order, options);
  EXPECT_FALSE(refused.valid);
  ASSERT_FALSE(refused.findings.empty());
  EXPECT_EQ(refused.findings[0].keyword, "xml-order");
}

// The one pipeline: every payload it checks comes back with the value its bytes decoded to
// and exactly the verdict Catalog::check gives, so the mock, replay and drift decode once.
TEST_F(PayloadCheck, ThePipelineGivesTheDecodedValueWithTheCatalogsVerdict) {
  const Manifest& formsonfire = *shipped_->find("formsonfire");
  const MessageSpec& response = *shipped_->message(formsonfire, *parse_message_id("response:200"));
  const std::string xml =
      read_file(fs::path(CONFORM_SCHEMAS_DIR) /
                "formsonfire/examples/response-200.valid.seed-sample-filled.xml");
  struct Case {
    const Catalog* catalog;
    const Manifest* vendor;
    const MessageSpec* message;
    std::string bytes;
  };
  const std::vector<Case> cases = {
      {catalog_.get(), vendor_, message_, R"({"active": true, "labels": {"team": "ops"}})"},
      {catalog_.get(), vendor_, message_, R"({"active": "yes"})"},
      {catalog_.get(), vendor_, message_, "{\"active\": tru}"},
      {shipped_.get(), &formsonfire, &response, xml}};
  for (const auto& [catalog, vendor, message, bytes] : cases) {
    const CheckedPayload checked = check_payload(*catalog, *vendor, message, bytes);
    EXPECT_EQ(describe(checked.result), describe(catalog->check(*vendor, *message, bytes)))
        << bytes;
    const codec::Decoded plain = decode_path(bytes, checked.format, *catalog, *vendor, *message);
    ASSERT_EQ(checked.value != nullptr, plain.ok) << bytes;
    if (plain.ok) {
      EXPECT_TRUE(*checked.value == plain.value) << bytes;
    }
  }
}

TEST_F(PayloadCheck, WithoutAMessageThePipelineOnlyDecodes) {
  const CheckedPayload form = check_payload(*catalog_, *vendor_, nullptr, "a=1&b=x");
  EXPECT_EQ(form.format, Format::form);
  ASSERT_NE(form.value, nullptr);
  EXPECT_TRUE(form.result.valid);
  const CheckedPayload broken = check_payload(*catalog_, *vendor_, nullptr, "{\"a\": ");
  EXPECT_EQ(broken.value, nullptr);
  EXPECT_FALSE(broken.result.valid);
  ASSERT_FALSE(broken.result.findings.empty());
  EXPECT_TRUE(broken.result.findings[0].schema_path.empty()) << "the decoder's finding";
}

// A declared media type picks the format and is named when the bytes look like another one.
TEST_F(PayloadCheck, TheDeclaredMediaTypePicksTheFormatAndIsNamed) {
  CheckOptions options;
  options.media_type = "application/x-www-form-urlencoded";
  const CheckedPayload checked =
      MessageChecker(*catalog_, *vendor_, *message_).check_payload(R"({"active": true})", options);
  EXPECT_EQ(checked.format, Format::form);
  EXPECT_FALSE(checked.result.valid);
  EXPECT_EQ(checked.value, nullptr);
  EXPECT_TRUE(std::any_of(checked.result.findings.begin(), checked.result.findings.end(),
                          [](const Finding& f) {
                            return f.message.find("declared application/x-www-form-urlencoded") !=
                                   std::string::npos;
                          }))
      << describe(checked.result);
}

}  // namespace
}  // namespace conform::contracts
