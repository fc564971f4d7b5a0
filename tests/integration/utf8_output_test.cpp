// No output of `conform validate` contains invalid UTF-8, in any --output format, whatever
// bytes the payload holds: a JSON, SARIF or annotation reader refuses the whole stream for
// one bad byte (a lone "\udc00" escape once came out as ED B0 80 in --output json).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/catalogs.hpp"
#include "support/run_command.hpp"
#include "text/utf8.hpp"

namespace conform::test {
namespace {

struct Payload {
  const char* vendor;
  const char* format;
  std::string bytes;
};

// JSON and form bytes go to the test-only vendor (tests/data/vendors/acme); XML to msp360,
const std::vector<Payload>& payloads() {
  static const std::vector<Payload> all = {
      {"acme", "json", "{\"active\":\"\\udc00\"}"},
      {"acme", "json", "{\"active\":\"\\ud800\"}"},
      {"acme", "json", "{\"active\":\"ab\xFF\"}"},
      {"acme", "json", "{\"\xE2\x82\":1}"},
      {"acme", "json", "\xFF\xFE{\"a\":1}"},
      {"acme", "json", "{\"labels\":{\"k\":\"caf\xE9\"},\"x\xC3\":\x80}"},
      {"acme", "json", std::string("{\"active\":true,\"\xED\xA0\x80\":1}")},
      {"msp360", "xml", "<UsersEditModel><FirstName>caf\xE9</FirstName></UsersEditModel>"},
      {"msp360", "xml", "<UsersEditModel><X\xC3>1</X\xC3></UsersEditModel>"},
      {"msp360", "xml", "<UsersEditModel><Enabled>&#xDC00;</Enabled></UsersEditModel>"},
      {"acme", "form", "active=%FF&t\xFE=1"},
      {"acme", "form", "active=%ED%B0%80&x=caf\xE9"},
  };
  return all;
}

bool well_formed(const std::string& text) {
  conform::text::Utf8Problem problem;
  return conform::text::check_utf8(text, problem);
}

TEST(Utf8Output, EveryOutputFormatIsValidUtf8ForEveryPayload) {
  for (const char* output : {"text", "json", "sarif", "github"}) {
    for (const Payload& p : payloads()) {
      std::vector<std::string> args{"validate", p.vendor,   "request", "--format",
                                    p.format,   "--output", output,    "-"};
      if (std::string(p.vendor) == "acme") {
        args.insert(args.begin() + 3, {"--schemas", kTestVendorsDir});
      }
      const auto r = run_conform(args, p.bytes);
      EXPECT_EQ(r.exit_code, 1) << output << " " << p.bytes << "\n" << r.err;
      EXPECT_TRUE(well_formed(r.out)) << output << " " << p.bytes << "\n" << r.out;
      EXPECT_TRUE(well_formed(r.err)) << output << " " << p.bytes << "\n" << r.err;
    }
  }
}

}  // namespace
}  // namespace conform::test
