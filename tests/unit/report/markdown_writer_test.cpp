#include "report/markdown_writer.hpp"

#include <gtest/gtest.h>

#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

using testing::sample_run;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(MarkdownWriter, StartsWithTheVerdictAndTotals) {
  const std::string md = render_markdown(sample_run());
  EXPECT_EQ(md.rfind("## ❌ conform: 2 of 6 cases did not pass\n\n"
                     "**6 cases: 3 passed, 1 failed, 1 error, 1 skipped** — target mock, 1.234 s, "
                     "started 2026-11-23T11:50:00Z\n",
                     0),
            0u)
      << md;
}

TEST(MarkdownWriter, NamesAFuzzRunsSeedAfterTheTotals) {
  RunResult run = sample_run();
  EXPECT_FALSE(contains(render_markdown(run), "seed"));
  run.seed = 42;
  EXPECT_TRUE(contains(render_markdown(run), "started 2026-11-23T11:50:00Z, seed 42\n"));
}

TEST(MarkdownWriter, SaysAllPassedWhenTheyDid) {
  RunResult run = sample_run();
  run.cases.erase(run.cases.begin() + 2, run.cases.begin() + 5);
  const std::string md = render_markdown(run);
  EXPECT_EQ(md.rfind("## ✅ conform: 3 of 3 cases passed\n", 0), 0u);
  EXPECT_FALSE(contains(md, "### Failures"));
}

TEST(MarkdownWriter, HasARowPerVendorAndACaseTableForEach) {
  const std::string md = render_markdown(sample_run());
  EXPECT_TRUE(contains(md, "| finix | 3 | 2 | 1 | 0 | 0 | 0.037 s |\n"));
  EXPECT_TRUE(contains(md, "| msp360 | 2 | 0 | 0 | 1 | 1 | 0.025 s |\n"));
  EXPECT_TRUE(contains(md, "| nexudus | 1 | 1 | 0 | 0 | 0 | 0.013 s |\n"));
  EXPECT_TRUE(contains(
      md, "<details><summary>msp360: 2 cases: 0 passed, 0 failed, 1 error, 1 skipped</summary>"));
  EXPECT_TRUE(contains(md, "| tags-too-many | ❌ failed | 0.013 s |\n"));
}

TEST(MarkdownWriter, ListsFailuresWithTheirFirstFindingsAndCurl) {
  const std::string md = render_markdown(sample_run());
  EXPECT_TRUE(contains(md, "#### ❌ finix / tags-too-many (cases/finix/tags-too-many.json)\n"));
  EXPECT_TRUE(contains(md,
                       "  - `/tags` *maxProperties*: too many tags: at most 50 are allowed — "
                       "expected at most 50 properties, actual 51 properties\n"));
  EXPECT_TRUE(contains(md, "#### 💥 msp360 / unreachable"));
  EXPECT_TRUE(contains(md, "```sh\n  curl -X PUT"));
}

TEST(MarkdownWriter, ShowsOnlyTheFirstFindingsOfAStep) {
  RunResult run = sample_run();
  auto& findings = run.cases[2].steps[0].findings;
  for (int i = 0; i < 5; ++i) findings.push_back(testing::finding("/x", "type", "more"));
  EXPECT_TRUE(contains(render_markdown(run), "  - … and 5 more findings (report.html)\n"));
}

TEST(MarkdownWriter, EscapesMarkupFromPayloads) {
  const std::string md = render_markdown(sample_run());
  EXPECT_FALSE(contains(md, "<script>"));
  EXPECT_FALSE(contains(md, "<img"));
  EXPECT_TRUE(contains(md, "actual 200 &lt;script&gt;document.title='pwned'&lt;/script&gt;"));
  EXPECT_EQ(markdown_text("a|b *c* [d](e)\nf`g`"), "a\\|b \\*c\\* \\[d\\](e) f\\`g\\`");
}

TEST(MarkdownWriter, QuotesPointersVerbatimInCodeSpans) {
  EXPECT_EQ(markdown_code("/created_at"), "`/created_at`");
  EXPECT_EQ(markdown_code("/a`b"), "``/a`b``");
  EXPECT_EQ(markdown_code("`x"), "`` `x ``");
  EXPECT_EQ(markdown_code("<b>\nc"), "`<b> c`");
}

TEST(MarkdownWriter, WarnsOfAnInterruptedRun) {
  RunResult run = sample_run();
  run.interrupted = true;
  EXPECT_TRUE(contains(render_markdown(run), "> ⚠️ **Interrupted**"));
}

TEST(MarkdownWriter, ACurlWithBackticksCannotCloseItsBlock) {
  RunResult run = sample_run();
  run.cases[2].steps[0].curl = "curl --data '```\n# injected'";
  EXPECT_TRUE(contains(render_markdown(run), "````sh\n  curl --data '```\n# injected'\n  ````"));
}

TEST(MarkdownWriter, ShowsCoverageWhenMeasured) {
  RunResult run = sample_run();
  run.coverage = {{"finix", {{"status", "200", 3}, {"error-envelope", "406", 0}}}};
  EXPECT_TRUE(contains(render_markdown(run),
                       "| vendor | exercised | never exercised |\n|---|---|---|\n"
                       "| finix | status 200 | error 406 |\n"));
}

}  // namespace
}  // namespace conform::report
