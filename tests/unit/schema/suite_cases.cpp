#include "unit/schema/suite_cases.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace conform::schema::testing {
namespace {

std::string sanitize(const std::string& text) {
  std::string out;
  for (char c : text) {
    out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  }
  return out;
}

// A missing folder gives no files (the suite's tests then fail, saying the suite is missing):
// these run while gtest registers its cases, where an exception would abort every test binary.
std::vector<std::string> json_files_in(const std::filesystem::path& dir, bool recursive) {
  std::vector<std::string> files;
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) return files;
  auto add = [&](const std::filesystem::path& path) {
    if (path.extension() == ".json") {
      files.push_back(std::filesystem::relative(path, suite_root() + "/tests/draft7").string());
    }
  };
  if (recursive) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) add(entry.path());
  } else {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.is_regular_file()) add(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void PrintTo(const SuiteCase& suite_case, std::ostream* out) {
  *out << suite_case.file << " / " << suite_case.description;
}

std::string suite_root() { return CONFORM_SUITES_DIR "/json-schema-test-suite"; }

std::vector<std::string> required_suite_files() {
  return json_files_in(suite_root() + "/tests/draft7", false);
}

std::vector<std::string> optional_suite_files() {
  return json_files_in(suite_root() + "/tests/draft7/optional", true);
}

std::vector<SuiteCase> load_suite_cases(const std::vector<std::string>& files) {
  std::vector<SuiteCase> cases;
  std::set<std::string> names;
  for (const auto& file : files) {
    std::ifstream in(suite_root() + "/tests/draft7/" + file);
    std::stringstream text;
    text << in.rdbuf();
    auto document = std::make_shared<rapidjson::Document>();
    document->Parse(text.str().c_str());
    if (document->HasParseError() || !document->IsArray()) continue;
    for (const auto& group : document->GetArray()) {
      for (const auto& test : group["tests"].GetArray()) {
        SuiteCase suite_case;
        suite_case.file = file;
        suite_case.group = group["description"].GetString();
        suite_case.description = test["description"].GetString();
        suite_case.source = document;
        suite_case.schema = &group["schema"];
        suite_case.data = &test["data"];
        suite_case.valid = test["valid"].GetBool();
        std::string base = sanitize(file.substr(0, file.size() - 5) + "__" + suite_case.group +
                                    "__" + suite_case.description);
        std::string name = base;
        for (int n = 2; names.count(name); ++n) name = base + "_" + std::to_string(n);
        names.insert(name);
        suite_case.name = name;
        cases.push_back(std::move(suite_case));
      }
    }
  }
  return cases;
}

std::unique_ptr<SchemaRegistry> suite_registry() {
  auto registry = std::make_unique<SchemaRegistry>();
  registry->map_url_prefix("http://localhost:1234/", suite_root() + "/remotes/");
  return registry;
}

std::string run_suite_case(const SuiteCase& suite_case) {
  try {
    auto registry = suite_registry();
    auto schema = registry->load_value(*suite_case.schema, "");
    Findings findings;
    bool verdict = schema->validate(*suite_case.data, &findings);
    bool plain = schema->validate(*suite_case.data, nullptr);
    if (verdict != plain) return "validate(x, nullptr) disagrees with validate(x, &findings)";
    if (verdict != suite_case.valid) {
      std::string out = std::string("expected ") + (suite_case.valid ? "valid" : "invalid") +
                        " but got " + (verdict ? "valid" : "invalid");
      for (const auto& finding : findings) {
        out += "\n  " + finding.pointer + " [" + finding.keyword + "] " + finding.message;
      }
      return out;
    }
    if (!verdict && findings.empty()) return "invalid but no finding";
    if (verdict && !findings.empty()) return "valid but with findings";
    return "";
  } catch (const std::exception& error) {
    return std::string("threw: ") + error.what();
  }
}

}  // namespace conform::schema::testing
