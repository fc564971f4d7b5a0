// One finding per problem, and advice that points the right way.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "contracts/catalog.hpp"
#include "contracts/payload_check.hpp"

namespace conform::contracts {
namespace {

class OneFindingPerProblem : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { catalog_ = Catalog::load(CONFORM_SCHEMAS_DIR); }

  PayloadResult check(const char* vendor, const std::string& bytes, Format format) {
    const Manifest* manifest = catalog_->find(vendor);
    const MessageSpec* message = catalog_->message(*manifest, *parse_message_id("request"));
    CheckOptions options;
    options.format = format;
    const auto schema = catalog_->schema(*manifest, *message);
    const auto rules = format == Format::xml ? catalog_->xml_rules(*manifest, *message) : nullptr;
    return check_payload(bytes, *schema, rules.get(), options);
  }

  static std::vector<std::string> keywords(const PayloadResult& r) {
    std::vector<std::string> out;
    for (const auto& f : r.findings) out.push_back(f.keyword + " " + f.pointer);
    return out;
  }

  static std::shared_ptr<Catalog> catalog_;
};

std::shared_ptr<Catalog> OneFindingPerProblem::catalog_;

const char* const kMsp360Id = "9d6de082-741c-44fe-b067-1a36eb03fa40";

std::string msp360_xml(const std::string& children) {
  return "<UsersEditModels xmlns=\"http://schemas.datacontract.org/2004/07/"
         "MBSAPImvc.Engine.Models\">" +
         children + "</UsersEditModels>";
}

TEST_F(OneFindingPerProblem, AnXmlEnumNumberIsOneFindingThatNamesTheName) {
  for (const auto& [text, name] :
       std::vector<std::pair<std::string, std::string>>{{"1", "Automatic"}, {"0", "Manual"}}) {
    const auto r =
        check("msp360",
              msp360_xml("<ID>" + std::string(kMsp360Id) + "</ID><LicenseManagmentMode>" + text +
                         "</LicenseManagmentMode>"),
              Format::xml);
    ASSERT_EQ(keywords(r), std::vector<std::string>{"xml-enum /LicenseManagmentMode"}) << text;
    EXPECT_EQ(r.findings[0].expected, name);
  }
}

TEST_F(OneFindingPerProblem, ABadXmlOrFormBooleanIsOneFinding) {
  for (const char* bad : {"yes", "True", "2"}) {
    const auto xml =
        check("msp360",
              msp360_xml(std::string("<Enabled>") + bad + "</Enabled><ID>" + kMsp360Id + "</ID>"),
              Format::xml);
    EXPECT_EQ(keywords(xml), std::vector<std::string>{"xml-boolean /Enabled"}) << bad;
  }
  for (const char* bad : {"yes", "1", "TRUE"}) {
    const auto form =
        check("maiascore", std::string("username=someone&confirmed=") + bad, Format::form);
    std::vector<std::string> about_confirmed;
    for (const auto& k : keywords(form)) {
      if (k.find("/confirmed") != std::string::npos) about_confirmed.push_back(k);
    }
    EXPECT_EQ(about_confirmed, std::vector<std::string>{"form-boolean /confirmed"}) << bad;
  }
}

TEST_F(OneFindingPerProblem, AJsonEnumNameSaysWhichNumberToSend) {
  const auto msp360 =
      check("msp360",
            std::string("{\"ID\":\"") + kMsp360Id + "\",\"LicenseManagmentMode\":\"Automatic\"}",
            Format::json);
  ASSERT_EQ(keywords(msp360), std::vector<std::string>{"type /LicenseManagmentMode"});
  EXPECT_EQ(msp360.findings[0].expected, "1 (Automatic)");
  const auto manual = check(
      "msp360", std::string("{\"ID\":\"") + kMsp360Id + "\",\"LicenseManagmentMode\":\"manual\"}",
      Format::json);
  ASSERT_EQ(manual.findings.size(), 1u);
  EXPECT_EQ(manual.findings[0].expected, "0 (Manual)");
  const auto out_of_range =
      check("msp360", std::string("{\"ID\":\"") + kMsp360Id + "\",\"LicenseManagmentMode\":7}",
            Format::json);
  ASSERT_EQ(out_of_range.findings.size(), 1u);
  EXPECT_NE(out_of_range.findings[0].message.find("0 (Manual), 1 (Automatic)"), std::string::npos);
}

TEST_F(OneFindingPerProblem, ANexudusLanguageNameSaysWhichNumberToSend) {
  const std::string rest =
      "\"Id\":1,\"FullName\":\"A\",\"Email\":\"a@example.com\",\"PasswordSalt\":\"s\","
      "\"LastHelpVisited\":1,\"InvalidLoginAttempts\":0";
  for (const auto& [name, expected] :
       std::vector<std::pair<std::string, std::string>>{{"EnglishUK", "3 (EnglishUK)"},
                                                        {"Spanish", "2 (Spanish)"},
                                                        {"englishus", "1 (EnglishUS)"}}) {
    const auto r = check("nexudus", "{" + rest + ",\"Language\":\"" + name + "\"}", Format::json);
    ASSERT_EQ(keywords(r), std::vector<std::string>{"type /Language"}) << name;
    EXPECT_EQ(r.findings[0].expected, expected);
  }
}

TEST_F(OneFindingPerProblem, AnEnumValueInTheWrongCaseGetsDidYouMean) {
  for (const auto& [sent, meant] : std::vector<std::pair<std::string, std::string>>{
           {"standard", "Standard"}, {"PREMIUM", "Premium"}, {"Standrad", "Standard"}}) {
    const auto r = check("formsonfire",
                         "{\"Id\":\"2ebc9d6de082741c44feb0671a36eb03\",\"CompanyId\":1,"
                         "\"IntegrationKey\":\"k\",\"Type\":\"" +
                             sent + "\"}",
                         Format::json);
    ASSERT_EQ(keywords(r), std::vector<std::string>{"enum /Type"}) << sent;
    EXPECT_EQ(r.findings[0].expected, "\"" + meant + "\"");
    EXPECT_NE(r.findings[0].message.find("did you mean \"" + meant + "\""), std::string::npos);
  }
}

TEST_F(OneFindingPerProblem, APatternFailureShowsTheSchemasWordsFirst) {
  const auto r =
      check("formsonfire", "{\"Id\":\"not-a-guid\",\"CompanyId\":1,\"IntegrationKey\":\"k\"}",
            Format::json);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].keyword, "pattern");
  const std::string& message = r.findings[0].message;
  EXPECT_EQ(message.find("\"not-a-guid\" is not a GUID: 32 hex digits, or 8-4-4-4-12 with dashes"),
            0u)
      << message;
  EXPECT_NE(message.find("(pattern ^("), std::string::npos) << message;
}

TEST_F(OneFindingPerProblem, SeveralMissingMembersAreOneFinding) {
  const auto r = check("nexudus", "{\"Id\":1,\"FullName\":\"A\"}", Format::json);
  ASSERT_EQ(keywords(r), std::vector<std::string>{"required "});
  EXPECT_EQ(r.findings[0].message,
            "missing 5 required properties: \"Email\", \"Language\", \"PasswordSalt\", "
            "\"LastHelpVisited\" and \"InvalidLoginAttempts\"");
  const auto one = check(
      "formsonfire", "{\"Id\":\"2ebc9d6de082741c44feb0671a36eb03\",\"CompanyId\":1}", Format::json);
  ASSERT_EQ(one.findings.size(), 1u);
  EXPECT_EQ(one.findings[0].message, "missing required property \"IntegrationKey\"");
}

}  // namespace
}  // namespace conform::contracts
