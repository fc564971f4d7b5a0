// Hand-built RunResults for the report tests: a realistic run over three vendors with a
// failure, a broken run, a skipped case and payloads carrying hostile bytes and markup.
#pragma once

#include <string>

#include "model/case_result.hpp"

namespace conform::report::testing {

// What a payload may hold that must never run or break a report.
inline const std::string kScriptPayload = "<script>document.title='pwned'</script>";
inline const std::string kAttributePayload =
    "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
// Control characters, a NUL, a lone continuation byte, an overlong slash, a surrogate.
inline const std::string kHostileBytes = std::string("ctl\x01\x02\x1b[31m nul") +
                                         std::string(1, '\0') + "\x80 \xC0\xAF \xED\xA0\x80 end";

inline Finding finding(std::string pointer, std::string keyword, std::string message,
                       std::string expected = {}, std::string actual = {}) {
  Finding f;
  f.pointer = std::move(pointer);
  f.keyword = std::move(keyword);
  f.message = std::move(message);
  if (!expected.empty()) f.expected = std::move(expected);
  if (!actual.empty()) f.actual = std::move(actual);
  return f;
}

inline StepResult step(std::string name, int status, std::string response_body,
                       Outcome outcome = Outcome::passed) {
  StepResult s;
  s.name = std::move(name);
  s.outcome = outcome;
  s.exchange.method = "PUT";
  s.exchange.url = "http://127.0.0.1:40123/users/USa1b2c3";
  s.exchange.request_headers = {{"Content-Type", "application/json"},
                                {"Authorization", "Basic ***"},
                                {"Finix-Version", "2022-02-01"}};
  s.exchange.request_body = R"({"enabled":true,"tags":{"team":"billing"}})";
  s.exchange.status = status;
  s.exchange.response_headers = {{"Content-Type", "application/json"}};
  s.exchange.response_body = std::move(response_body);
  s.exchange.duration_ms = 3.25;
  s.curl =
      "curl -X PUT 'http://127.0.0.1:40123/users/USa1b2c3' -H 'Authorization: Basic ***' "
      "-H 'Content-Type: application/json' --data-binary '{\"enabled\":true}'";
  return s;
}

inline CaseResult case_result(std::string vendor, std::string name, Outcome outcome) {
  CaseResult c;
  c.vendor = vendor;
  c.name = std::move(name);
  c.file = "cases/" + vendor + "/" + c.name + ".json";
  c.tags = {"smoke"};
  c.outcome = outcome;
  c.duration_ms = 12.5;
  return c;
}

// 6 cases: finix 2 passed + 1 failed (with hostile payloads), msp360 1 error + 1 skipped,
// nexudus 1 passed.
inline RunResult sample_run() {
  RunResult run;
  run.target = "mock";
  run.started_at = "2026-11-23T11:50:00Z";
  run.duration_ms = 1234.5;

  auto ok = case_result("finix", "update-enabled", Outcome::passed);
  ok.steps.push_back(step("put", 200, R"({"id":"USa1b2c3","enabled":true})"));
  run.cases.push_back(ok);

  auto ok2 = case_result("finix", "read-after-write", Outcome::passed);
  ok2.steps.push_back(step("put", 200, R"({"id":"USa1b2c3","enabled":true})"));
  ok2.steps.push_back(step("get", 200, R"({"id":"USa1b2c3","enabled":true})"));
  run.cases.push_back(ok2);

  auto bad = case_result("finix", "tags-too-many", Outcome::failed);
  bad.tags = {"validation", "tags"};
  auto failed = step("put", 200,
                     "{\"id\":\"" + kScriptPayload + "\",\"note\":\"" + kAttributePayload +
                         "\",\"raw\":\"" + kHostileBytes + "\"}",
                     Outcome::failed);
  failed.findings.push_back(finding("/tags", "maxProperties",
                                    "too many tags: at most 50 are allowed",
                                    "at most 50 properties", "51 properties"));
  failed.findings.push_back(finding("/status", "assert", "status is not the expected one", "400",
                                    "200 " + kScriptPayload));
  failed.findings.push_back(finding("/note", "format", "not an email " + kAttributePayload));
  bad.steps.push_back(failed);
  run.cases.push_back(bad);

  auto broken = case_result("msp360", "unreachable", Outcome::error);
  StepResult transport = step("put", 0, "", Outcome::error);
  transport.exchange.url = "http://127.0.0.1:1/api/Users";
  transport.findings.push_back(
      finding("", "transport", "connection refused: is the target running?"));
  broken.steps.push_back(transport);
  run.cases.push_back(broken);

  run.cases.push_back(case_result("msp360", "not-run", Outcome::skipped));

  auto nexudus = case_result("nexudus", "update-full-name", Outcome::passed);
  nexudus.steps.push_back(step("put", 200, R"({"WasSuccessful":true,"Message":"ok"})"));
  run.cases.push_back(nexudus);
  return run;
}

}  // namespace conform::report::testing
