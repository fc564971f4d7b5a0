#include "replay/executor.hpp"

#include <cctype>
#include <chrono>
#include <set>
#include <string_view>

#include "codec/json_number.hpp"
#include "contracts/payload_check.hpp"
#include "http/curl_reproducer.hpp"
#include "http/url.hpp"
#include "replay/assertion.hpp"
#include "replay/header_check.hpp"
#include "replay/json.hpp"
#include "replay/profile.hpp"
#include "report/workspace_path.hpp"
#include "text/file_bytes.hpp"
#include "text/percent.hpp"

namespace conform::replay {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool omits(const Step& step, const std::string& name) {
  for (const auto& omitted : step.omitted_headers) {
    if (iequals(omitted, name)) return true;
  }
  return false;
}

bool has_header(const Headers& headers, const std::string& name) {
  for (const auto& header : headers) {
    if (iequals(header.first, name)) return true;
  }
  return false;
}

Finding step_finding(std::string keyword, std::string message) {
  Finding finding;
  finding.keyword = std::move(keyword);
  finding.message = std::move(message);
  return finding;
}

const char* media_type_of(Format format) {
  switch (format) {
    case Format::xml:
      return "application/xml";
    case Format::form:
      return "application/x-www-form-urlencoded";
    case Format::json:
      break;
  }
  return "application/json";
}

void collect_json_secrets(const rapidjson::Value& value, const std::set<std::string>& fields,
                          std::vector<std::string>& out) {
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      if (fields.count(name)) {
        if (member.value.IsString()) {
          out.emplace_back(member.value.GetString(), member.value.GetStringLength());
        } else if (member.value.IsNumber()) {
          out.push_back(to_json_text(member.value));
        }
      }
      collect_json_secrets(member.value, fields, out);
    }
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) collect_json_secrets(item, fields, out);
  }
}

// The text of every <Field>value</Field> and <ns:Field attr="...">value</ns:Field> whose
// local name is in `fields`, at any depth. Read as text, not parsed: a body that is not
// well-formed XML still has its secrets found.
void collect_xml_secrets(std::string_view body, const std::set<std::string>& fields,
                         std::vector<std::string>& out) {
  const auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  };
  for (std::size_t open = body.find('<'); open != std::string_view::npos;
       open = body.find('<', open + 1)) {
    std::size_t end = open + 1;
    while (end < body.size() && (is_name_char(body[end]) || body[end] == ':')) ++end;
    std::string_view name = body.substr(open + 1, end - open - 1);
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos) {
      name.remove_prefix(colon + 1);
    }
    if (name.empty() || !fields.count(std::string(name))) continue;
    const std::size_t close = body.find('>', end);
    if (close == std::string_view::npos) return;
    // An element with attributes has a space after its name; a self-closed one has no text.
    if ((close != end && !std::isspace(static_cast<unsigned char>(body[end]))) ||
        body[close - 1] == '/') {
      continue;
    }
    const std::size_t text_end = body.find('<', close + 1);
    if (text_end == std::string_view::npos) return;
    if (text_end > close + 1) out.emplace_back(body.substr(close + 1, text_end - close - 1));
  }
}

// The response's format from its Content-Type; nullopt lets the codec sniff.
std::optional<Format> response_format(const http::Response& response) {
  const std::string type = response.header("Content-Type");
  if (type.empty()) return std::nullopt;
  return format_of_media_type(type);
}

struct StepRun {
  StepResult result;
  bool stop = false;  // later steps cannot run
};

class StepRunner {
 public:
  StepRunner(const contracts::Catalog& catalog, const RunOptions& options,
             const VendorTarget& target, Variables& variables, secret::Masker& masker)
      : catalog_(catalog),
        options_(options),
        target_(target),
        variables_(variables),
        masker_(masker) {}

  StepRun run(const Step& step, http::Client& client) {
    StepRun run;
    StepResult& result = run.result;
    result.name = step.name;
    Findings& findings = result.findings;

    http::Request request;
    std::vector<std::string> missing;
    request.method = step.method;
    request.url = build_url(step, missing);
    request.headers = build_headers(step, missing);
    Format format = Format::json;
    request.body = build_body(step, format, missing, findings);
    if (!step.body && step.body_file.empty()) format = step.format.value_or(Format::json);
    if ((step.body || !step.body_file.empty()) && !has_header(request.headers, "Content-Type") &&
        !omits(step, "Content-Type")) {
      request.headers.emplace_back("Content-Type", media_type_of(format));
    }
    for (const auto& value :
         secret_body_values(request.body, format, target_.manifest->secret_fields)) {
      masker_.add_secret(value);
    }

    result.exchange.method = request.method;
    result.exchange.url = request.url;
    result.exchange.request_headers = request.headers;
    result.exchange.request_body = request.body;

    for (const auto& name : missing) {
      findings.push_back(
          step_finding("variable", "${" + name + "} has no value: define it with --var " + name +
                                       "=VALUE, --vars-file, or the case's \"vars\""));
    }
    for (const auto& [name, value] : request.headers) {
      if (const auto problem = header_problem(name, value)) {
        // The value may be a secret: the finding names the header, never its value.
        findings.push_back(step_finding("header", "the header \"" + name + "\" " + *problem +
                                                      " (from a variable or a capture?)"));
      }
    }
    const auto url = http::parse_url(request.url);
    if (missing.empty()) {
      for (Finding& finding : find_placeholders(url ? url->target : request.url)) {
        finding.line = 0;
        finding.column = 0;
        findings.push_back(std::move(finding));
      }
    }
    if (has_errors(findings)) {
      return finish(run, Outcome::error);
    }

    const http::Response response = client.send(request);
    result.exchange.duration_ms = response.duration_ms;
    result.exchange.status = response.status;
    result.exchange.response_headers = response.headers;
    result.exchange.response_body = response.body;
    if (!response.findings.empty()) {
      findings.insert(findings.end(), response.findings.begin(), response.findings.end());
      return finish(run, Outcome::error);
    }
    check_response(step, response, findings);
    return finish(run, has_errors(findings) ? Outcome::failed : Outcome::passed);
  }

 private:
  StepRun& finish(StepRun& run, Outcome outcome) {
    StepResult& result = run.result;
    result.outcome = outcome;
    run.stop = outcome != Outcome::passed;
    masker_.mask(result.exchange);
    for (Finding& finding : result.findings) masker_.mask(finding);
    if (outcome != Outcome::passed) {
      result.curl = masker_.mask_curl(
          http::to_curl(result.exchange, options_.client.insecure, options_.client.ca_cert_file));
    }
    return run;
  }

  std::string build_url(const Step& step, std::vector<std::string>& missing) const {
    std::string path = variables_.expand(step.path, &missing);
    std::string query;
    for (const auto& [name, value] : step.query) {
      query += query.empty() ? "?" : "&";
      query += text::percent_encode(variables_.expand(name, &missing)) + "=" +
               text::percent_encode(variables_.expand(value, &missing));
    }
    return http::join_url(target_.base_url, path + query);
  }

  Headers build_headers(const Step& step, std::vector<std::string>& missing) const {
    Headers headers;
    for (const auto& [name, value] : step.headers) {
      headers.emplace_back(name, variables_.expand(value, &missing));
    }
    const auto added = [&](const std::string& name) {
      return has_header(headers, name) || omits(step, name);
    };
    if (target_.defaults) {
      for (const auto& [name, value] : target_.defaults->headers) {
        if (!added(name)) headers.emplace_back(name, variables_.expand(value, &missing));
      }
    }
    // Headers whose value the vendor fixes (an API version) go on every request.
    for (const auto& header : target_.manifest->endpoint.headers) {
      if (!header.value.empty() && !added(header.name)) {
        headers.emplace_back(header.name, header.value);
      }
    }
    if (step.auth.mode != Auth::Mode::none && !added("Authorization")) {
      add_auth(step.auth, headers, missing);
    }
    return headers;
  }

  void add_auth(const Auth& auth, Headers& headers, std::vector<std::string>& missing) const {
    const std::string& scheme = target_.manifest->auth.scheme;
    const auto credential = [&](const std::string& name) -> std::string {
      if (auth.mode == Auth::Mode::custom) {
        const auto it = auth.credentials.find(name);
        if (it != auth.credentials.end()) return variables_.expand(it->second, &missing);
      }
      if (const Variable* variable = variables_.find(name)) return variable->value;
      missing.push_back(name);
      return {};
    };
    if (scheme == "bearer") {
      headers.emplace_back("Authorization", "Bearer " + credential("token"));
    } else if (scheme == "basic") {
      // The user name is an identifier; the pair's base64 form holds the password.
      const std::string pair = base64_encode(credential("username") + ":" + credential("password"));
      masker_.add_secret(pair);
      headers.emplace_back("Authorization", "Basic " + pair);
    }
    // "body": the credentials are members of the body the case writes.
  }

  std::string build_body(const Step& step, Format& format, std::vector<std::string>& missing,
                         Findings& findings) const {
    if (step.body) {
      if (step.body->IsString()) {
        format = step.format.value_or(Format::json);
        return variables_.expand(std::string(step.body->GetString(), step.body->GetStringLength()),
                                 &missing);
      }
      format = Format::json;
      return to_json_text(*expand_json(*step.body, variables_, &missing));
    }
    if (step.body_file.empty()) return {};
    const auto bytes = text::read_file_bytes(step.body_file);
    if (!bytes) {
      findings.push_back(
          step_finding("io", "cannot read the body file " + step.body_file.string()));
      return {};
    }
    const std::string extension = step.body_file.extension().string();
    format = step.format.value_or(extension == ".xml"    ? Format::xml
                                  : extension == ".form" ? Format::form
                                                         : Format::json);
    return variables_.expand(*bytes, &missing);
  }

  void check_response(const Step& step, const http::Response& response, Findings& findings) {
    const Expect& expect = step.expect;
    if (!expect.statuses.empty() && std::find(expect.statuses.begin(), expect.statuses.end(),
                                              response.status) == expect.statuses.end()) {
      Finding finding =
          step_finding("status", "unexpected status " + std::to_string(response.status));
      std::string expected;
      for (const int status : expect.statuses) {
        expected += (expected.empty() ? "" : " or ") + std::to_string(status);
      }
      finding.expected = expected;
      finding.actual = std::to_string(response.status);
      findings.push_back(std::move(finding));
    }

    const contracts::Manifest& vendor = *target_.manifest;
    const contracts::MessageSpec* message = nullptr;
    // The vendor's messages describe its write endpoint; other requests (a read-back GET)
    // are checked against a message only when the step names one.
    const bool write_request = step.method == vendor.endpoint.method;
    if (expect.schema != "-" && (write_request || !expect.schema.empty())) {
      const std::string name =
          expect.schema.empty() ? "response:" + std::to_string(response.status) : expect.schema;
      const auto id = parse_message_id(name);
      message = id ? catalog_.message(vendor, *id) : nullptr;
      if (!message) {
        Finding finding = step_finding(
            "schema", vendor.id + " documents no " + name + ", so the body was not checked");
        finding.severity = expect.schema.empty() ? Severity::warning : Severity::error;
        findings.push_back(std::move(finding));
      }
    }
    // One pass over the body: checked against the message when there is one, and decoded as
    // the value assertions and captures read.
    contracts::CheckedPayload payload;
    if (message || !response.body.empty()) {
      contracts::CheckOptions options;
      options.strict = expect.strict;
      options.format = response_format(response);
      payload = contracts::check_payload(catalog_, vendor, message, response.body, options);
    }
    if (message) {
      for (Finding& finding : payload.result.findings) {
        finding.message = message->id.name() + ": " + finding.message;
        findings.push_back(std::move(finding));
      }
    }
    const rapidjson::Value* body = response.body.empty() ? nullptr : payload.value.get();
    const ResponseView view{response, body};

    for (const Assertion& assertion : expect.assertions) {
      check_assertion(assertion, view, variables_, findings);
    }
    if (target_.defaults) {
      for (const StatusRule& rule : target_.defaults->rules) {
        if (!rule.applies_to(response.status)) continue;
        for (const Assertion& assertion : rule.assertions) {
          Findings rule_findings;
          check_assertion(assertion, view, variables_, rule_findings);
          for (Finding& finding : rule_findings) {
            finding.message += " [" + target_.defaults->file.filename().string() + " rule for " +
                               rule.status +
                               (rule.description.empty() ? "" : ": " + rule.description) + "]";
            findings.push_back(std::move(finding));
          }
        }
      }
    }
    for (const auto& [name, source] : step.captures) {
      if (const auto value = read_source(source, view)) {
        variables_.set(name, *value);
      } else {
        findings.push_back(step_finding(
            "capture", "cannot capture ${" + name + "}: " + source.describe() + " is missing"));
      }
    }
  }

  const contracts::Catalog& catalog_;
  const RunOptions& options_;
  const VendorTarget& target_;
  Variables& variables_;
  secret::Masker& masker_;
};

}  // namespace

std::vector<std::string> secret_body_values(const std::string& body, Format format,
                                            const std::vector<std::string>& secret_fields) {
  std::vector<std::string> out;
  if (body.empty() || secret_fields.empty()) return out;
  const std::set<std::string> fields(secret_fields.begin(), secret_fields.end());
  if (format == Format::json) {
    rapidjson::Document document;
    if (!codec::parse_json_text(document, body).IsError()) {
      collect_json_secrets(document, fields, out);
    }
  } else if (format == Format::form) {
    std::size_t start = 0;
    while (start <= body.size()) {
      const auto end = std::min(body.find('&', start), body.size());
      const std::string pair = body.substr(start, end - start);
      const auto eq = pair.find('=');
      if (eq != std::string::npos && fields.count(text::percent_decode(pair.substr(0, eq), true))) {
        out.push_back(text::percent_decode(pair.substr(eq + 1), true));
        out.push_back(pair.substr(eq + 1));
      }
      start = end + 1;
    }
  } else {
    collect_xml_secrets(body, fields, out);
  }
  return out;
}

Executor::Executor(const contracts::Catalog& catalog, RunOptions options)
    : catalog_(catalog), options_(std::move(options)) {}

CaseResult Executor::run(const Case& test_case, const VendorTarget& target,
                         http::Client& client) const {
  const auto started = Clock::now();
  CaseResult result;
  result.vendor = test_case.vendor;
  result.name = test_case.name;
  result.file = report::workspace_path(test_case.file.string());
  result.tags = test_case.tags;
  if (target.live && !test_case.mock_only.empty()) {
    StepResult not_applicable;
    not_applicable.name = "not applicable on a live target";
    not_applicable.outcome = Outcome::skipped;
    Finding finding;
    finding.severity = Severity::warning;
    finding.keyword = "not-applicable";
    finding.message = "not applicable on a live target: " + test_case.mock_only;
    not_applicable.findings.push_back(std::move(finding));
    result.steps.push_back(std::move(not_applicable));
    result.outcome = Outcome::skipped;
    return result;
  }

  // The case's own vars are defaults: the profile and the command line override them.
  Variables variables;
  for (const auto& [name, value] : test_case.vars) variables.set(name, value);
  variables.merge(target.variables);
  secret::Policy policy;
  policy.add_member_names(target.manifest->secret_fields);
  secret::Masker masker(policy);
  variables.add_secrets_to(masker);

  StepRunner runner(catalog_, options_, target, variables, masker);
  bool stopped = false;
  const std::vector<std::string> nested = variables.nested_references();
  if (!nested.empty() && !test_case.steps.empty()) {
    // Sent as written, ${b} would reach the vendor literally: say so before anything is sent.
    StepResult refused;
    refused.name = test_case.steps.front().name;
    refused.outcome = Outcome::error;
    for (const std::string& reference : nested) {
      refused.findings.push_back(step_finding(
          "variable", reference + ": a variable's value is not expanded again, so it would be "
                                  "sent as written; give it the value itself"));
    }
    result.steps.push_back(std::move(refused));
    stopped = true;
  }
  for (const Step& step : test_case.steps) {
    if (&step == &test_case.steps.front() && !nested.empty()) continue;  // refused above
    if (stopped) {
      StepResult skipped;
      skipped.name = step.name;
      skipped.outcome = Outcome::skipped;
      result.steps.push_back(std::move(skipped));
      continue;
    }
    StepRun run = runner.run(step, client);
    stopped = run.stop && !(options_.run_after_failure && run.result.outcome == Outcome::failed);
    result.steps.push_back(std::move(run.result));
  }
  // Secrets found in a later step's body may have appeared in an earlier exchange.
  for (StepResult& step : result.steps) {
    masker.mask(step.exchange);
    for (Finding& finding : step.findings) masker.mask(finding);
    step.curl = masker.mask_curl(step.curl);
  }
  result.outcome = Outcome::passed;
  for (const StepResult& step : result.steps) {
    if (step.outcome == Outcome::error) {
      result.outcome = Outcome::error;
      break;
    }
    if (step.outcome == Outcome::failed) result.outcome = Outcome::failed;
  }
  result.duration_ms = ms_since(started);
  return result;
}

}  // namespace conform::replay
