#include <gtest/gtest.h>

#include <stdexcept>

#include "codec/rapidjson.hpp"
#include "report/json_writer.hpp"
#include "report/report_json_reader.hpp"
#include "text/utf8.hpp"
#include "unit/report/sample_run.hpp"

namespace conform::report {
namespace {

using testing::sample_run;

std::string error_of(std::string_view text) {
  try {
    parse_report_json(text, "shard-1/report.json");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(JsonReport, IsValidJsonWithTheDocumentedTopLevelFields) {
  const std::string text = render_json(sample_run());
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  ASSERT_FALSE(doc.HasParseError());
  EXPECT_STREQ(doc["format"].GetString(), "conform-report");
  EXPECT_EQ(doc["version"].GetInt(), 1);
  EXPECT_STREQ(doc["target"].GetString(), "mock");
  EXPECT_FALSE(doc["interrupted"].GetBool());
  EXPECT_EQ(doc["totals"]["cases"].GetInt(), 6);
  EXPECT_EQ(doc["totals"]["passed"].GetInt(), 3);
  EXPECT_EQ(doc["totals"]["failed"].GetInt(), 1);
  EXPECT_EQ(doc["totals"]["errors"].GetInt(), 1);
  EXPECT_EQ(doc["totals"]["skipped"].GetInt(), 1);
  EXPECT_EQ(doc["vendors"]["finix"]["cases"].GetInt(), 3);
  EXPECT_EQ(doc["vendors"]["msp360"]["errors"].GetInt(), 1);
  const auto& finding = doc["cases"][2]["steps"][0]["findings"][0];
  EXPECT_STREQ(finding["pointer"].GetString(), "/tags");
  EXPECT_STREQ(finding["keyword"].GetString(), "maxProperties");
  EXPECT_STREQ(finding["expected"].GetString(), "at most 50 properties");
  EXPECT_FALSE(doc["cases"][2]["steps"][0]["findings"][2].HasMember("expected"));
}

TEST(JsonReport, AFuzzRunsSeedIsAFieldOfItsOwnThatReadsBack) {
  RunResult run = sample_run();
  rapidjson::Document doc;
  doc.Parse(render_json(run).c_str());
  EXPECT_FALSE(doc.HasMember("seed")) << "a replay has none";
  EXPECT_FALSE(parse_report_json(render_json(run), "report.json").seed);

  run.seed = 18446744073709551615u;  // any 64-bit seed, exactly
  doc.Parse(render_json(run).c_str());
  ASSERT_TRUE(doc["seed"].IsUint64());
  EXPECT_EQ(doc["seed"].GetUint64(), 18446744073709551615u);
  EXPECT_EQ(parse_report_json(render_json(run), "report.json").seed, run.seed);
  EXPECT_NE(error_of(R"({"format": "conform-report", "version": 1, "seed": -1})").find("/seed"),
            std::string::npos);
}

TEST(JsonReport, ACasesReproduceCommandIsWrittenOnlyWhenItHasOneAndReadsBack) {
  RunResult run = sample_run();
  rapidjson::Document doc;
  doc.Parse(render_json(run).c_str());
  EXPECT_FALSE(doc["cases"][0].HasMember("reproduce")) << "a case file is how a replay reruns";

  run.cases[0].reproduce = "conform fuzz acme --seed 7 --example 12";
  doc.Parse(render_json(run).c_str());
  EXPECT_STREQ(doc["cases"][0]["reproduce"].GetString(), "conform fuzz acme --seed 7 --example 12");
  EXPECT_EQ(parse_report_json(render_json(run), "report.json").cases[0].reproduce,
            run.cases[0].reproduce);
}

TEST(JsonReport, ReadsBackWhatItWrote) {
  RunResult run = sample_run();
  run.interrupted = true;
  run.cases[0].steps[0].findings.push_back(testing::finding("/x", "type", "not a string"));
  run.cases[0].steps[0].findings.back().severity = Severity::warning;
  run.cases[0].steps[0].findings.back().line = 3;
  run.cases[0].steps[0].findings.back().column = 7;
  run.coverage = {{"finix", {{"status", "200", 4}, {"error-envelope", "404", 0}}}};
  const RunResult back = parse_report_json(render_json(run), "report.json");

  EXPECT_EQ(back.target, run.target);
  EXPECT_EQ(back.started_at, run.started_at);
  EXPECT_DOUBLE_EQ(back.duration_ms, run.duration_ms);
  EXPECT_TRUE(back.interrupted);
  ASSERT_EQ(back.cases.size(), run.cases.size());
  for (std::size_t i = 0; i < run.cases.size(); ++i) {
    const CaseResult& a = run.cases[i];
    const CaseResult& b = back.cases[i];
    EXPECT_EQ(b.vendor, a.vendor);
    EXPECT_EQ(b.name, a.name);
    EXPECT_EQ(b.file, a.file);
    EXPECT_EQ(b.tags, a.tags);
    EXPECT_EQ(b.outcome, a.outcome);
    ASSERT_EQ(b.steps.size(), a.steps.size());
    for (std::size_t s = 0; s < a.steps.size(); ++s) {
      EXPECT_EQ(b.steps[s].curl, a.steps[s].curl);
      EXPECT_EQ(b.steps[s].exchange.status, a.steps[s].exchange.status);
      EXPECT_EQ(b.steps[s].exchange.request_headers, a.steps[s].exchange.request_headers);
      EXPECT_EQ(b.steps[s].exchange.request_body, a.steps[s].exchange.request_body);
      ASSERT_EQ(b.steps[s].findings.size(), a.steps[s].findings.size());
      for (std::size_t f = 0; f < a.steps[s].findings.size(); ++f) {
        const Finding& x = a.steps[s].findings[f];
        const Finding& y = b.steps[s].findings[f];
        EXPECT_EQ(y.severity, x.severity);
        EXPECT_EQ(y.pointer, x.pointer);
        EXPECT_EQ(y.message, x.message);
        EXPECT_EQ(y.expected, x.expected);
        EXPECT_EQ(y.actual, x.actual);
        EXPECT_EQ(y.line, x.line);
        EXPECT_EQ(y.column, x.column);
      }
    }
  }
  ASSERT_EQ(back.coverage.size(), 1u);
  EXPECT_EQ(back.coverage[0].items[0].exchanges, 4);
  EXPECT_EQ(back.coverage[0].items[1].value, "404");
}

TEST(JsonReport, TurnsHostileBytesIntoValidUtf8) {
  RunResult run = sample_run();
  const RunResult back = parse_report_json(render_json(run), "report.json");
  const std::string& body = back.cases[2].steps[0].exchange.response_body;
  // Control characters survive (JSON escapes them); invalid sequences become U+FFFD.
  const std::string r(text::kReplacement);
  const std::string expected = std::string("ctl\x01\x02\x1b[31m nul") + std::string(1, '\0') + r +
                               " " + r + r + " " + r + r + r + " end";
  EXPECT_NE(body.find(expected), std::string::npos);
  EXPECT_EQ(body.find('\x80'), std::string::npos);
  EXPECT_NE(body.find(testing::kScriptPayload), std::string::npos);
}

TEST(JsonReport, NamesTheFileAndPlaceOfABrokenReport) {
  EXPECT_EQ(error_of("{\"format\": \"conform-report\",\n \"version\": 1,\n \"cases\": [}"),
            "shard-1/report.json:3:12: not valid JSON: Invalid value.");
  EXPECT_EQ(error_of("[]"), "shard-1/report.json: not a conform report (expected a JSON object)");
  EXPECT_EQ(error_of("{\"tests\": 3}"),
            "shard-1/report.json: not a conform report (no \"format\": \"conform-report\")");
  EXPECT_EQ(error_of(R"({"format":"conform-report","version":2})"),
            "shard-1/report.json: /version: unsupported report version 2 (this conform reads up "
            "to 1)");
  EXPECT_EQ(error_of(R"({"format":"conform-report","version":1,"cases":[{"outcome":"won"}]})"),
            "shard-1/report.json: /cases/0/outcome: expected passed, failed, error or skipped, "
            "got \"won\"");
  EXPECT_EQ(error_of(R"({"format":"conform-report","version":1,"cases":[{"outcome":"passed",
            "steps":[{"outcome":"passed","exchange":{"status":"200"}}]}]})"),
            "shard-1/report.json: /cases/0/steps/0/exchange/status: expected an integer");
  EXPECT_EQ(error_of(""), "shard-1/report.json:1:1: not valid JSON: The document is empty.");
}

}  // namespace
}  // namespace conform::report
