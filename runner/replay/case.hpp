// Case: one replay case file as plain data (cases/README.md describes the format). Every
// part remembers the JSON Pointer it came from, so later findings can point into the file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/format.hpp"
#include "replay/json.hpp"

namespace conform::replay {

// Where a value is read from in a response: a JSON Pointer into the decoded body, or a
// header.
struct Source {
  std::string pointer;
  std::string header;  // non-empty: read this header instead of the body
  bool is_header() const { return !header.empty(); }
  std::string describe() const;  // "/User/Id" or "header Retry-After"
};

struct Assertion {
  Source source;
  Json equals;      // null: not asserted
  Json not_equals;  // null: not asserted
  std::optional<bool> exists;
  std::optional<std::string> matches;  // ECMAScript regex, searched in the string value
  std::optional<std::string> type;
  std::string message;   // why it matters
  std::string location;  // JSON Pointer of the assertion in its file
};

struct Expect {
  std::vector<int> statuses;  // empty: any status
  // "": the vendor's message for the actual status; "-": no schema check; else a message
  // name such as "response:400".
  std::string schema;
  bool strict = false;
  std::vector<Assertion> assertions;
};

struct Auth {
  enum class Mode { profile, none, custom };
  Mode mode = Mode::profile;
  std::map<std::string, std::string> credentials;  // custom: token | username, password
};

struct Step {
  std::string name;
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::pair<std::string, std::string>> headers;
  // Headers written as null: not sent, though the vendor's defaults, the manifest's fixed
  // headers, the format's Content-Type or the credentials would add them (a request missing
  // a required header, on purpose).
  std::vector<std::string> omitted_headers;
  Auth auth;
  std::optional<Format> format;
  // The inline body as written (any JSON for json; a string for xml and form); null: none.
  Json body;
  std::filesystem::path body_file;  // resolved against the case file's folder
  Expect expect;
  std::vector<std::pair<std::string, Source>> captures;
  std::string location;  // "/steps/2"
};

struct Case {
  std::string name;
  std::string vendor;
  std::string description;
  std::vector<std::string> tags;
  // Why the case holds only against conform's mock; on a live target it is not applicable.
  std::string mock_only;
  // Runs alone among its vendor's cases: it reads back what it wrote.
  bool isolated = false;
  std::vector<std::pair<std::string, std::string>> vars;
  std::vector<Step> steps;
  std::filesystem::path file;
};

// A rule of cases/<vendor>/defaults.json: assertions for every response whose status
// matches `status` ("200", or a class such as "4xx").
struct StatusRule {
  std::string status;
  std::string description;
  std::vector<Assertion> assertions;
  bool applies_to(int status_code) const;
};

struct VendorDefaults {
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<StatusRule> rules;
  std::filesystem::path file;  // empty: the vendor has no defaults.json
};

}  // namespace conform::replay
