// Email's quoted local part is ASCII; idn-hostname and idn-email by IDNA2008
// (libidn2); uri-template (RFC 6570); iri and iri-reference (RFC 3987); contentEncoding base64
// and contentMediaType application/json asserted.
#include <gtest/gtest.h>

#include <string>

#include "schema/formats.hpp"
#include "unit/schema/schema_test_support.hpp"

namespace conform::schema {
namespace {

struct Sample {
  const char* format;
  const char* value;
  bool valid;
};

const Sample kSamples[] = {
    {"email", "\"\xC3\xA9\"@example.com", false},
    {"email", "\"jo e\"@example.com", true},
    {"email", "j\xC3\xB6rg@example.com", false},
    {"idn-email", "\"\xC3\xA9\"@example.com", true},
    {"idn-email", "j\xC3\xB6rg@b\xC3\xBC\x63her.example", true},
    {"idn-email", "no-at-sign", false},
    {"idn-email", "a@-bad-.example", false},
    {"idn-hostname", "b\xC3\xBC\x63her.example", true},
    {"idn-hostname", "xn--bcher-kva.example", true},
    {"idn-hostname", "\xEC\x8B\xA4\xEB\xA1\x80.\xED\x85\x8C\xEC\x8A\xA4\xED\x8A\xB8", true},
    {"idn-hostname", "example\xE3\x80\x82test", true},  // ideographic full stop
    {"idn-hostname", "a..b", false},
    {"idn-hostname", "-hello", false},
    {"idn-hostname", "xn--X", false},
    {"idn-hostname",
     "l\xC2\xB7"
     "a",
     false},  // MIDDLE DOT not between two l (CONTEXTO)
    {"idn-hostname", "", false},
    {"uri-template", "http://example.com/{user}/{+path}{?q,lang}", true},
    {"uri-template", "{var:30}{list*}", true},
    {"uri-template", "{a,,b}", false},
    {"uri-template", "{v:0}", false},
    {"uri-template", "foo}bar", false},
    {"uri-template", "a b", false},
    {"iri", "http://\xC3\xA9x.example/p\xC3\xA4th?q=\xE2\x82\xAC#f", true},
    {"iri", "/relative", false},
    {"iri", "http://exa mple.com", false},
    {"iri-reference", "/p\xC3\xA4th#\xC3\xA9", true},
    {"iri-reference", "\\\\\\\\WINDOWS\\\\file", false},
};

TEST(InternationalFormats, EveryFormatGivesTheExpectedVerdict) {
  for (const auto& [format, value, valid] : kSamples) {
    EXPECT_EQ(check_format(format_kind(format), value), valid) << format << " " << value;
  }
}

TEST(InternationalFormats, ContentKeywordsAreAssertions) {
  const char* schema = R"({"properties":{"j":{"contentMediaType":"application/json"},)"
                       R"("b":{"contentEncoding":"base64"},)"
                       R"("jb":{"contentMediaType":"application/json","contentEncoding":"base64"},)"
                       R"("other":{"contentMediaType":"image/png","contentEncoding":"base32"}}})";
  const struct {
    const char* instance;
    const char* keyword;  // "" when valid
  } cases[] = {
      {R"({"j":"{\"a\":1}"})", ""},
      {R"({"j":"{not json"})", "contentMediaType"},
      {R"({"b":"eyJhIjoxfQ=="})", ""},
      {R"({"b":"not*base64"})", "contentEncoding"},
      {R"({"jb":"eyJhIjoxfQ=="})", ""},
      {R"({"jb":"bm90IGpzb24="})", "contentMediaType"},
      {R"({"jb":"%%%"})", "contentEncoding"},
      {R"({"other":"anything at all"})", ""},
      {R"({"j":42})", ""},
  };
  const auto compiled = testing::compile(schema);
  for (const auto& c : cases) {
    const auto findings = testing::findings_of(*compiled, c.instance);
    if (*c.keyword == '\0') {
      EXPECT_TRUE(findings.empty()) << c.instance;
    } else {
      ASSERT_EQ(findings.size(), 1u) << c.instance;
      EXPECT_EQ(findings[0].keyword, c.keyword) << c.instance;
    }
  }
}

}  // namespace
}  // namespace conform::schema
