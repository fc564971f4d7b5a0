#include "report/github_annotations.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace conform::report {
namespace {

Finding located(std::string pointer, std::string keyword, std::string message, int line,
                int column) {
  Finding f;
  f.pointer = std::move(pointer);
  f.keyword = std::move(keyword);
  f.message = std::move(message);
  f.line = line;
  f.column = column;
  return f;
}

TEST(GithubAnnotations, AnErrorNamesFileLineColumnAndKeyword) {
  EXPECT_EQ(github_annotation(located("/enabled", "type", "expected a boolean", 3, 14),
                              "payloads/a.json"),
            "::error file=payloads/a.json,line=3,col=14,title=type::/enabled: expected a boolean");
}

TEST(GithubAnnotations, WarningsExpectedAndActualAndNdjsonLines) {
  Finding f = located("/tags", "maxProperties", "too many tags", 1, 9);
  f.severity = Severity::warning;
  f.expected = "at most 50";
  f.actual = "51";
  EXPECT_EQ(github_annotation(f, "all.ndjson", 120),
            "::warning file=all.ndjson,line=120,col=9,title=maxProperties::/tags: too many "
            "tags%0Aexpected: at most 50%0Aactual: 51");
}

TEST(GithubAnnotations, EscapesPerGithubsRules) {
  EXPECT_EQ(escape_github_data("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b");
  EXPECT_EQ(escape_github_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
  // A file name cannot end the properties early, nor a message start a second command.
  const std::string line = github_annotation(
      located("", "syntax", "bad\n::error file=x::injected", 1, 1), "dir,x/we:ird.json");
  EXPECT_EQ(line,
            "::error file=dir%2Cx/we%3Aird.json,line=1,col=1,title=syntax::the payload: "
            "bad%0A::error file=x::injected");
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(GithubAnnotations, StandardInputHasNoFileAndXmlFindingsNameTheirXpath) {
  Finding f = located("/Email", "xml-order", "out of order", 0, 0);
  f.xpath = "/UsersEditModels/Email";
  EXPECT_EQ(github_annotation(f, "-"),
            "::error title=xml-order::/UsersEditModels/Email: out of order");
}

TEST(GithubAnnotations, SecretValuesAreMasked) {
  Finding f = located("/IntegrationKey", "pattern", "\"s3cr3t-key\" does not match", 1, 5);
  f.actual = "\"s3cr3t-key\"";
  secret::Policy policy;
  policy.add_member_names({"IntegrationKey"});  // the manifest's secret members
  const std::string line = github_annotation(f, "p.json", 1, policy);
  EXPECT_EQ(line.find("s3cr3t"), std::string::npos) << line;
  EXPECT_NE(line.find("actual: ***"), std::string::npos) << line;
}

TEST(GithubAnnotations, AbsolutePathsInsideTheWorkingFolderBecomeRelative) {
  const std::string inside = (std::filesystem::current_path() / "p" / "a.json").string();
  EXPECT_EQ(github_annotation(located("/a", "type", "m", 1, 1), inside)
                .rfind("::error file=p/a.json,line=1,", 0),
            0u);
  EXPECT_EQ(github_annotation(located("/a", "type", "m", 1, 1), "/nonexistent-root/a.json")
                .rfind("::error file=/nonexistent-root/a.json,", 0),
            0u);
}

}  // namespace
}  // namespace conform::report
