#include "report/valid_utf8.hpp"

#include <string>

#include "codec/utf8.hpp"

namespace conform::report {
namespace {

void fix(std::string& text) { text = codec::valid_utf8(text); }

void fix(Headers& headers) {
  for (auto& [name, value] : headers) {
    fix(name);
    fix(value);
  }
}

void fix(Finding& f) {
  for (std::string* text : {&f.pointer, &f.schema_path, &f.xpath, &f.keyword, &f.message}) {
    fix(*text);
  }
  if (f.expected) fix(*f.expected);
  if (f.actual) fix(*f.actual);
}

}  // namespace

RunResult with_valid_utf8(RunResult run) {
  fix(run.target);
  for (CaseResult& c : run.cases) {
    for (std::string* text : {&c.vendor, &c.name, &c.file}) fix(*text);
    for (std::string& tag : c.tags) fix(tag);
    for (StepResult& step : c.steps) {
      fix(step.name);
      fix(step.curl);
      Exchange& e = step.exchange;
      for (std::string* text : {&e.method, &e.url, &e.request_body, &e.response_body}) {
        fix(*text);
      }
      fix(e.request_headers);
      fix(e.response_headers);
      for (Finding& f : step.findings) fix(f);
    }
  }
  return run;
}

}  // namespace conform::report
