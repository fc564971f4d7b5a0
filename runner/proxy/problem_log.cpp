#include "proxy/problem_log.hpp"

#include "mock/vendor_endpoint.hpp"
#include "report/coverage.hpp"

namespace conform::proxy {
namespace {

// "request", "response:200", "transport": the message a finding's text starts with.
std::string where(const Finding& finding) {
  const std::size_t colon = finding.message.find(": ");
  const std::string head =
      colon == std::string::npos ? std::string() : finding.message.substr(0, colon);
  return head == "request" || head.rfind("response:", 0) == 0 ? head : finding.keyword;
}

// "/Errors/3/Message" -> "/Errors/*/Message": the same problem in every item of a list is one
// problem.
std::string pointer_pattern(const std::string& pointer) {
  std::string out;
  std::size_t start = 0;
  while (start < pointer.size()) {
    std::size_t end = pointer.find('/', start + 1);
    if (end == std::string::npos) end = pointer.size();
    const std::string token = pointer.substr(start + 1, end - start - 1);
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
    out += "/" + (index ? std::string("*") : token);
    start = end;
  }
  return out;
}

// A body cut to kMaxExampleBodyBytes (at a UTF-8 character's start), saying how much was left
// out.
std::string example_body(const std::string& body) {
  if (body.size() <= kMaxExampleBodyBytes) return body;
  std::size_t end = kMaxExampleBodyBytes;
  while (end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) --end;
  return body.substr(0, end) + "\n... (" + std::to_string(body.size() - end) +
         " more bytes not kept)";
}

std::string step_name(const Exchange& exchange) {
  return exchange.method + " " + exchange.url + " -> " +
         (exchange.status == 0 ? std::string("no response") : std::to_string(exchange.status));
}

}  // namespace

ProblemLog::ProblemLog(const contracts::Manifest& vendor, std::string target)
    : vendor_(vendor),
      target_(std::move(target)),
      started_at_(mock::rfc3339_now()),
      started_(std::chrono::steady_clock::now()),
      coverage_(vendor) {}

void ProblemLog::add(const Exchange& exchange, const Findings& findings,
                     const std::function<void()>& mask_secrets) {
  // Grouped by index: the findings are read for keeping only once they are masked.
  std::map<std::string, std::vector<std::size_t>> by_problem;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    by_problem[where(finding) + "|" + finding.keyword + "|" + pointer_pattern(finding.pointer)]
        .push_back(i);
  }
  bool masked = !mask_secrets;
  const auto keeping = [&] {
    if (!masked) mask_secrets();
    masked = true;
  };
  // An example is a step of the report: built only for an entry that still keeps examples.
  const auto example = [&](Findings example_findings, bool error) {
    keeping();
    StepResult step;
    step.name = step_name(exchange);
    step.exchange = exchange;
    step.exchange.request_body = example_body(exchange.request_body);
    step.exchange.response_body = example_body(exchange.response_body);
    step.findings = std::move(example_findings);
    step.outcome = error ? Outcome::failed : Outcome::passed;
    return step;
  };

  std::lock_guard<std::mutex> lock(mutex_);
  ++exchanges_;
  coverage_.count(exchange);
  if (by_problem.empty()) {
    ++clean_.count;
    if (clean_.examples.size() < kExamplesPerProblem) clean_.examples.push_back(example({}, false));
    return;
  }
  for (const auto& [key, indices] : by_problem) {
    const bool known = problems_.count(key) > 0;
    Entry& entry = known || problems_.size() < kMaxProblems ? problems_[key] : more_problems_;
    if (entry.count == 0) {
      keeping();
      const Finding& first = findings[indices.front()];
      entry.name = first.message;
      if (!first.pointer.empty()) entry.name += " at " + pointer_pattern(first.pointer);
    }
    ++entry.count;
    for (const std::size_t i : indices) entry.error |= findings[i].severity == Severity::error;
    if (entry.examples.size() < kExamplesPerProblem) {
      Findings problem_findings;
      keeping();
      for (const std::size_t i : indices) problem_findings.push_back(findings[i]);
      entry.examples.push_back(example(std::move(problem_findings), entry.error));
    }
  }
}

RunResult ProblemLog::run() const {
  std::lock_guard<std::mutex> lock(mutex_);
  RunResult run;
  run.target = target_;
  run.started_at = started_at_;
  run.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
          .count();
  run.secret_members = vendor_.secret_fields;
  const auto as_case = [&](const Entry& entry, const std::string& name) {
    CaseResult result;
    result.vendor = vendor_.id;
    result.name = name;
    result.file = "proxy";
    result.tags = {"proxy"};
    result.outcome = entry.error ? Outcome::failed : Outcome::passed;
    result.steps = entry.examples;
    return result;
  };
  for (const auto& [key, entry] : problems_) {
    run.cases.push_back(
        as_case(entry, entry.name + " (" + std::to_string(entry.count) +
                           (entry.count == 1 ? " exchange" : " exchanges") +
                           (entry.count > entry.examples.size()
                                ? ", the first " + std::to_string(entry.examples.size()) + " shown)"
                                : ")")));
  }
  if (more_problems_.count > 0) {
    run.cases.push_back(as_case(
        more_problems_, "more than " + std::to_string(kMaxProblems) + " distinct problems: " +
                            std::to_string(more_problems_.count) + " more, the first shown"));
  }
  if (clean_.count > 0) {
    run.cases.push_back(as_case(clean_, std::to_string(clean_.count) +
                                            (clean_.count == 1 ? " exchange" : " exchanges") +
                                            " with no finding"));
  }
  run.coverage.push_back(coverage_.coverage());
  return run;
}

std::size_t ProblemLog::exchanges() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return exchanges_;
}

}  // namespace conform::proxy
