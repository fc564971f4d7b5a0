// Opens report.html in headless Chromium and checks what a person sees once the page's
// script ran: the summary counts, a failing case's findings, working filters, and that
// payloads planted in a response (<script>, "><img onerror=...>) are shown, not run.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "report/html_writer.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace conform {
namespace {

const std::string kScript = "<script>document.title='pwned'</script>";
const std::string kImage =
    "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

Finding finding(std::string pointer, std::string keyword, std::string message) {
  Finding f;
  f.pointer = std::move(pointer);
  f.keyword = std::move(keyword);
  f.message = std::move(message);
  return f;
}

CaseResult case_result(std::string vendor, std::string name, Outcome outcome) {
  CaseResult c;
  c.vendor = std::move(vendor);
  c.name = std::move(name);
  c.file = "cases/" + c.vendor + "/" + c.name + ".json";
  c.outcome = outcome;
  StepResult step;
  step.name = "put";
  step.outcome = outcome;
  step.exchange.method = "PUT";
  step.exchange.url = "http://127.0.0.1:40000/users/1";
  step.exchange.status = 200;
  step.exchange.response_headers = {{"Content-Type", "application/json"}};
  step.exchange.response_body = R"({"id":"1"})";
  c.steps.push_back(step);
  return c;
}

// 5 cases: 3 passed, 1 failed (its response and finding carry the payloads), 1 error.
RunResult planted_run() {
  RunResult run;
  run.target = "mock";
  run.started_at = "2026-11-23T12:00:00Z";
  run.cases.push_back(case_result("finix", "update-enabled", Outcome::passed));
  run.cases.push_back(case_result("finix", "read-after-write", Outcome::passed));
  CaseResult failed = case_result("finix", "tags-too-many", Outcome::failed);
  StepResult& step = failed.steps[0];
  step.exchange.response_body = "{\"id\":\"" + kImage + "\",\"note\":\"" + kScript + "\"}";
  step.exchange.response_headers.emplace_back("X-Note", kScript);
  step.findings.push_back(
      finding("/tags", "maxProperties", "too many tags: at most 50 are allowed"));
  step.findings.push_back(finding("/id", "format", "not a user id: " + kImage + kScript));
  step.curl = "curl -X PUT 'http://127.0.0.1:40000/users/1' --data-binary '" + kScript + "'";
  run.cases.push_back(failed);
  run.cases.push_back(case_result("msp360", "update-email", Outcome::passed));
  CaseResult broken = case_result("msp360", "unreachable", Outcome::error);
  broken.steps[0].exchange.status = 0;
  broken.steps[0].findings.push_back(finding("", "transport", "connection refused"));
  run.cases.push_back(broken);
  return run;
}

using conform::test::read_file;

// "contracts/outcome" of every case the page shows (its <details> not hidden), in page order.
std::vector<std::string> visible_cases(const std::string& page) {
  static const std::regex tag(
      "<details class=\"case [^\"]*\" data-vendor=\"([^\"]*)\" data-outcome=\"([^\"]*)\"[^>]*>");
  std::vector<std::string> shown;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), tag); it != std::sregex_iterator();
       ++it) {
    if (it->str().find(" hidden=") == std::string::npos)
      shown.push_back((*it)[1].str() + "/" + (*it)[2].str());
  }
  return shown;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

class ReportBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    html_ = dir_.path() + "/report.html";
    report::write_html_report(planted_run(), html_);
  }

  // The DOM after the page's script ran; the browser's console in console_.
  std::string dom(const std::string& fragment = "") {
    const std::string out = dir_.path() + "/dom.html";
    const std::string err = dir_.path() + "/console.txt";
    const std::string command = std::string("'") + CONFORM_TESTS_DIR + "/browser/dump_dom.sh' '" +
                                html_ + "' '" + fragment + "' >'" + out + "' 2>'" + err + "'";
    const int status = std::system(command.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    console_ = read_file(err);
    if (code == 77) skipped_ = true;
    EXPECT_TRUE(code == 0 || code == 77) << "dump_dom.sh exit " << code << "\n" << console_;
    return read_file(out);
  }

  test::TempDir dir_;
  std::string html_;
  std::string console_;
  bool skipped_ = false;
};

TEST_F(ReportBrowserTest, ShowsTheSummaryAndTheFailingCaseAfterItsScriptRan) {
  const std::string page = dom();
  if (skipped_) GTEST_SKIP() << "chromium is not installed (scripts/test.sh installs it)";
  EXPECT_NE(page.find("id=\"count-cases\">5<"), std::string::npos);
  EXPECT_NE(page.find("id=\"count-passed\">3<"), std::string::npos);
  EXPECT_NE(page.find("id=\"count-failed\">1<"), std::string::npos);
  EXPECT_NE(page.find("id=\"count-error\">1<"), std::string::npos);
  // Written by the script, so only there if it ran without error.
  EXPECT_NE(page.find("id=\"shown\">showing 5 of 5 cases<"), std::string::npos) << console_;
  EXPECT_NE(page.find("too many tags: at most 50 are allowed"), std::string::npos);
  EXPECT_EQ(count(console_, "Uncaught"), 0u) << console_;
}

TEST_F(ReportBrowserTest, ShowsPlantedMarkupAsTextAndRunsNoneOfIt) {
  const std::string page = dom();
  if (skipped_) GTEST_SKIP() << "chromium is not installed (scripts/test.sh installs it)";
  // The payloads would have changed the title and the body; neither happened.
  EXPECT_NE(page.find("<title>conform: failed"), std::string::npos);
  EXPECT_EQ(page.find("pwned</title>"), std::string::npos);
  EXPECT_EQ(page.find("data-pwned=\"1\""), std::string::npos);
  // No element came out of a payload: one script (the report's own), no image at all.
  EXPECT_EQ(count(page, "<script"), 1u);
  EXPECT_EQ(count(page, "<img"), 0u);
  // And the reader sees them as the text they were.
  EXPECT_NE(page.find("&lt;script&gt;document.title='pwned'&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("\"&gt;&lt;img src=x onerror=\"document.body.setAttribute"),
            std::string::npos);
}

TEST_F(ReportBrowserTest, FiltersByOutcomeAndVendorFromTheLink) {
  std::string page = dom("#outcome=failed,error");
  if (skipped_) GTEST_SKIP() << "chromium is not installed (scripts/test.sh installs it)";
  EXPECT_NE(page.find("id=\"shown\">showing 2 of 5 cases<"), std::string::npos) << console_;
  EXPECT_EQ(visible_cases(page), (std::vector<std::string>{"finix/failed", "msp360/error"}));

  page = dom("#vendor=msp360");
  EXPECT_NE(page.find("id=\"shown\">showing 2 of 5 cases<"), std::string::npos) << console_;
  // Failing cases come first on the page.
  EXPECT_EQ(visible_cases(page), (std::vector<std::string>{"msp360/error", "msp360/passed"}));
}

}  // namespace
}  // namespace conform
