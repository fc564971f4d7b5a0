#include "report/html_writer.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

using testing::sample_run;

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

TEST(HtmlWriter, IsOneSelfContainedPage) {
  const std::string html = render_html(sample_run());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(count(html, "<style>"), 1u);
  EXPECT_EQ(count(html, "<script"), 1u);  // ours, and no other
  EXPECT_EQ(count(html, "<link"), 0u);
  EXPECT_EQ(count(html, "<img"), 0u);
  EXPECT_EQ(count(html, "<iframe"), 0u);
  EXPECT_EQ(count(html, "href="), 0u);
  EXPECT_EQ(count(html, "@import"), 0u);
  EXPECT_EQ(count(html, "url("), 0u);
}

TEST(HtmlWriter, OnlyItsOwnScriptMayRun) {
  const std::string html = render_html(sample_run());
  std::smatch nonce;
  ASSERT_TRUE(std::regex_search(html, nonce, std::regex("script-src 'nonce-([0-9a-f]+)'")));
  EXPECT_GE(nonce[1].length(), 16);
  EXPECT_NE(html.find("<script nonce=\"" + nonce[1].str() + "\">"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // A fresh nonce per file.
  EXPECT_EQ(render_html(sample_run()).find("nonce-" + nonce[1].str()), std::string::npos);
}

TEST(HtmlWriter, NamesAFuzzRunsSeedInItsHeader) {
  RunResult run = sample_run();
  EXPECT_EQ(count(render_html(run), "seed"), 0u);
  run.seed = 42;
  EXPECT_EQ(count(render_html(run), " · seed <span class=\"mono\">42</span>"), 1u);
}

TEST(HtmlWriter, ShowsSummaryCountsAndVendorRows) {
  const std::string html = render_html(sample_run());
  EXPECT_NE(html.find("id=\"count-cases\">6<"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-passed\">3<"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-failed\">1<"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-error\">1<"), std::string::npos);
  EXPECT_NE(html.find("id=\"count-skipped\">1<"), std::string::npos);
  EXPECT_EQ(count(html, "<tr class=\"vendor-row\""), 3u);
  EXPECT_EQ(count(html, "<details class=\"case "), 6u);
  EXPECT_NE(
      html.find("<details class=\"case failed\" data-vendor=\"finix\" data-outcome=\"failed\""),
      std::string::npos);
}

TEST(HtmlWriter, ShowsFindingsRequestResponseAndCurl) {
  const std::string html = render_html(sample_run());
  EXPECT_NE(html.find("<span class=\"kw\">maxProperties</span><code class=\"where\">/tags</code>"
                      "<span class=\"message\">too many tags: at most 50 are allowed</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<span>expected</span><code>at most 50 properties</code>"),
            std::string::npos);
  EXPECT_NE(html.find("Finix-Version: 2022-02-01"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"curl\"><pre class=\"mono\">curl -X PUT"), std::string::npos);
}

TEST(HtmlWriter, EscapesEverythingAPayloadHolds) {
  const std::string html = render_html(sample_run());
  EXPECT_EQ(html.find("<script>document.title"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("onerror=\""), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("&quot;&gt;&lt;img src=x onerror=&quot;"), std::string::npos);
  // Control characters and invalid UTF-8 are replaced, never emitted raw.
  EXPECT_EQ(html.find('\x01'), std::string::npos);
  EXPECT_EQ(html.find('\x80' + std::string(" ")), std::string::npos);
  EXPECT_EQ(html.find(std::string(1, '\0')), std::string::npos);
}

TEST(HtmlWriter, EscapesAttributeValues) {
  RunResult run = sample_run();
  run.cases[0].vendor = testing::kAttributePayload;
  run.cases[0].tags = {testing::kAttributePayload};
  const std::string html = render_html(run);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("data-vendor=\"&quot;&gt;&lt;img src=x onerror="), std::string::npos);
}

TEST(HtmlWriter, CutsHugeBodiesAndSaysSo) {
  RunResult run = sample_run();
  run.cases[0].steps[0].exchange.response_body = std::string(200000, 'x');
  const std::string html = render_html(run);
  EXPECT_NE(html.find("200000 bytes; the first 65536 are shown, report.json has them all."),
            std::string::npos);
  EXPECT_LT(html.size(), 120000u);
}

TEST(HtmlWriter, ShowsAStepThatNeverRanAsNotRun) {
  RunResult run = sample_run();
  StepResult never;
  never.name = "get";
  never.outcome = Outcome::skipped;
  run.cases[2].steps.push_back(never);
  const std::string html = render_html(run);
  EXPECT_NE(html.find("<span>2. get</span><span class=\"note\">not run</span></h3></div>"),
            std::string::npos);
}

TEST(HtmlWriter, PutsFailingCasesFirstAndUnfoldsThem) {
  const std::string html = render_html(sample_run());
  const auto failed = html.find("<details class=\"case failed\"");
  const auto broken = html.find("<details class=\"case error\"");
  const auto passed = html.find("<details class=\"case passed\"");
  EXPECT_LT(failed, broken);
  EXPECT_LT(broken, passed);
  EXPECT_EQ(html.substr(failed, html.find('>', failed) - failed).find(" open"),
            html.substr(failed, html.find('>', failed) - failed).size() - 5);
  EXPECT_EQ(html.substr(passed, html.find('>', passed) - passed).find(" open"), std::string::npos);
}

TEST(HtmlWriter, SaysWhenTheRunWasInterrupted) {
  RunResult run = sample_run();
  EXPECT_EQ(render_html(run).find("id=\"interrupted\""), std::string::npos);
  run.interrupted = true;
  EXPECT_NE(render_html(run).find("id=\"interrupted\""), std::string::npos);
}

}  // namespace
}  // namespace conform::report
