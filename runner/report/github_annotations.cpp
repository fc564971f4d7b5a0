#include "report/github_annotations.hpp"

#include <algorithm>

#include "report/workspace_path.hpp"
#include "secret/masker.hpp"
#include "text/utf8.hpp"

namespace conform::report {
namespace {

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string where(const Finding& f) {
  if (!f.xpath.empty()) return f.xpath;
  return f.pointer.empty() ? "the payload" : f.pointer;
}

}  // namespace

std::string escape_github_data(std::string_view text) { return escape(text, false); }

std::string escape_github_property(std::string_view text) { return escape(text, true); }

std::string github_annotation(const Finding& finding, const std::string& file, int first_line,
                              const secret::Policy& policy) {
  Finding f = finding;
  secret::Masker(policy).mask(f);
  std::string line = f.severity == Severity::error ? "::error" : "::warning";
  std::string properties;
  const auto property = [&](const char* name, std::string_view value) {
    properties += (properties.empty() ? " " : ",");
    properties += name;
    properties += '=';
    properties += escape_github_property(text::valid_utf8(value));
  };
  if (!file.empty() && file != "-") {
    property("file", workspace_path(file));
    if (f.line > 0 || first_line > 1) {
      property("line", std::to_string(std::max(1, first_line) + std::max(0, f.line - 1)));
    }
    if (f.line > 0 && f.column > 0) property("col", std::to_string(f.column));
  }
  property("title", f.keyword.empty() ? "conform" : f.keyword);
  std::string text = where(f) + ": " + f.message;
  if (f.expected) text += "\nexpected: " + *f.expected;
  if (f.actual) text += "\nactual: " + *f.actual;
  return line + properties + "::" + escape_github_data(conform::text::valid_utf8(text));
}

}  // namespace conform::report
