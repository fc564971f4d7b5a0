#include "replay/case_loader.hpp"

#include <algorithm>

#include "codec/decode.hpp"
#include "contracts/payload_check.hpp"
#include "replay/header_check.hpp"
#include "schema/ecma_regex.hpp"
#include "text/file_bytes.hpp"
#include "text/terminal.hpp"

namespace conform::replay {
namespace fs = std::filesystem;
namespace {

std::string str(const rapidjson::Value& value) {
  return {value.GetString(), value.GetStringLength()};
}

std::string string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? str(it->value) : std::string();
}

std::vector<std::pair<std::string, std::string>> string_map(const rapidjson::Value& object,
                                                            const char* name) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsObject()) return out;
  for (const auto& entry : it->value.GetObject()) {
    if (entry.value.IsString()) out.emplace_back(str(entry.name), str(entry.value));
  }
  return out;
}

// The names of `object[name]`'s members whose value is null.
std::vector<std::string> null_members(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsObject()) return out;
  for (const auto& entry : it->value.GetObject()) {
    if (entry.value.IsNull()) out.push_back(str(entry.name));
  }
  return out;
}

// Reads one file's JSON and checks it against `schema`; findings get line and column.
template <typename T>
bool decode_and_check(Loaded<T>& loaded, const schema::Schema& schema, codec::Decoded& decoded) {
  const auto bytes = text::read_file_bytes(loaded.file);
  if (!bytes) {
    Finding finding;
    finding.keyword = "io";
    finding.message = "cannot read the file";
    loaded.findings.push_back(finding);
    return false;
  }
  loaded.source = *bytes;
  codec::DecodeOptions options;
  options.format = Format::json;
  decoded = codec::decode(loaded.source, options);
  if (!decoded.ok || has_errors(decoded.findings)) {
    loaded.findings = decoded.findings;
    return false;
  }
  Findings findings;
  if (schema.validate(decoded.value, &findings)) return true;
  for (Finding& finding : findings) {
    if (decoded.source_map && finding.line == 0) contracts::place(finding, *decoded.source_map);
    loaded.findings.push_back(std::move(finding));
  }
  return false;
}

// Builds the model from a document that passed the schema, so types are as the schema
// says; what the schema cannot say (regexes, body types per format) is checked here.
// The case schema checks a status is an integer from 100 to 599, and JSON Schema counts 200.0
// and 2E2 as integers too: RapidJSON holds those as doubles (bug found by fuzz_case_file).
int status_code(const rapidjson::Value& value) {
  return value.IsInt() ? value.GetInt() : static_cast<int>(value.GetDouble());
}

class Reader {
 public:
  Reader(const codec::Decoded& decoded, Findings& findings)
      : decoded_(decoded), findings_(findings) {}

  void problem(const std::string& pointer, std::string keyword, std::string message) {
    Finding finding;
    finding.pointer = pointer;
    finding.keyword = std::move(keyword);
    finding.message = std::move(message);
    if (decoded_.source_map) contracts::place(finding, *decoded_.source_map);
    findings_.push_back(std::move(finding));
  }

  Source source(const rapidjson::Value& object) {
    Source out;
    out.pointer = string_member(object, "pointer");
    out.header = string_member(object, "header");
    return out;
  }

  Assertion assertion(const rapidjson::Value& object, const std::string& at) {
    Assertion out;
    out.source = source(object);
    out.location = at;
    if (const auto it = object.FindMember("equals"); it != object.MemberEnd()) {
      out.equals = copy_json(it->value);
    }
    if (const auto it = object.FindMember("not_equals"); it != object.MemberEnd()) {
      out.not_equals = copy_json(it->value);
    }
    if (const auto it = object.FindMember("exists"); it != object.MemberEnd()) {
      out.exists = it->value.GetBool();
    }
    if (const auto it = object.FindMember("matches"); it != object.MemberEnd()) {
      out.matches = str(it->value);
      std::string error;
      if (!schema::compile_ecma_regex(*out.matches, error)) {
        problem(at + "/matches", "regex", "not a regular expression conform can run: " + error);
      }
    }
    if (const auto it = object.FindMember("type"); it != object.MemberEnd())
      out.type = str(it->value);
    out.message = string_member(object, "message");
    return out;
  }

  std::vector<Assertion> assertions(const rapidjson::Value& object, const std::string& at) {
    std::vector<Assertion> out;
    const auto it = object.FindMember("assert");
    if (it == object.MemberEnd()) return out;
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
      out.push_back(assertion(it->value[i], at + "/assert/" + std::to_string(i)));
    }
    return out;
  }

  Expect expect(const rapidjson::Value& step, const std::string& at) {
    Expect out;
    const auto it = step.FindMember("expect");
    if (it == step.MemberEnd()) return out;
    const rapidjson::Value& object = it->value;
    if (const auto status = object.FindMember("status"); status != object.MemberEnd()) {
      if (status->value.IsArray()) {
        for (const auto& item : status->value.GetArray()) out.statuses.push_back(status_code(item));
      } else {
        out.statuses.push_back(status_code(status->value));
      }
    }
    if (const auto schema = object.FindMember("schema"); schema != object.MemberEnd()) {
      if (schema->value.IsBool()) {
        out.schema = schema->value.GetBool() ? "" : "-";
      } else {
        out.schema = str(schema->value);
      }
    }
    if (const auto strict = object.FindMember("strict"); strict != object.MemberEnd()) {
      out.strict = strict->value.GetBool();
    }
    out.assertions = assertions(object, at + "/expect");
    return out;
  }

  Step step(const rapidjson::Value& object, const std::string& at, const fs::path& folder) {
    Step out;
    out.location = at;
    out.name = string_member(object, "name");
    out.method = string_member(object, "method");
    out.path = string_member(object, "path");
    out.query = string_map(object, "query");
    out.headers = string_map(object, "headers");
    out.omitted_headers = null_members(object, "headers");
    for (const auto& [name, value] : out.headers) {
      if (const auto bad = header_problem(name, value)) {
        problem(at + "/headers", "header",
                "header \"" + text::escape_for_terminal(name) + "\" " + *bad);
      }
    }
    if (const auto auth = object.FindMember("auth"); auth != object.MemberEnd()) {
      if (auth->value.IsString()) {
        out.auth.mode = str(auth->value) == "none" ? Auth::Mode::none : Auth::Mode::profile;
      } else {
        out.auth.mode = Auth::Mode::custom;
        for (const auto& entry : auth->value.GetObject()) {
          out.auth.credentials[str(entry.name)] = str(entry.value);
        }
      }
    }
    if (const auto format = string_member(object, "format"); !format.empty()) {
      out.format = parse_format(format);
    }
    if (const auto body = object.FindMember("body"); body != object.MemberEnd()) {
      out.body = copy_json(body->value);
      if (out.format && *out.format != Format::json && !body->value.IsString()) {
        problem(at + "/body", "type",
                std::string("a ") + to_string(*out.format) +
                    " body is written as one JSON string holding the payload");
      }
    }
    if (const auto file = string_member(object, "body_file"); !file.empty()) {
      out.body_file = body_file(file, folder, at + "/body_file");
    }
    out.expect = expect(object, at);
    if (const auto capture = object.FindMember("capture"); capture != object.MemberEnd()) {
      for (const auto& entry : capture->value.GetObject()) {
        out.captures.emplace_back(str(entry.name), source(entry.value));
      }
    }
    if (out.name.empty()) out.name = out.method + " " + out.path;
    return out;
  }

 private:
  // Files a case names resolve inside the case's own folder, symlinks resolved first: a case
  // from a pull request must not send /etc/passwd or /proc/self/environ and publish it in the
  // reports. Returns the resolved file, or an empty path after a finding.
  fs::path body_file(const std::string& file, const fs::path& folder, const std::string& at) {
    const fs::path named(file);
    std::error_code error;
    const fs::path root = fs::weakly_canonical(folder.empty() ? fs::current_path() : folder, error);
    const fs::path resolved = fs::weakly_canonical(folder / named, error);
    const auto [root_end, unused] =
        std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
    if (named.is_absolute() || error || root_end != root.end()) {
      problem(at, "path",
              "body_file \"" + text::escape_for_terminal(file) +
                  "\" is outside the case's folder " + root.string() +
                  ": a case may name only files inside its own folder");
      return {};
    }
    if (!fs::is_regular_file(resolved, error)) {
      problem(at, "io", "no such file: " + (folder / named).string());
      return {};
    }
    return resolved;
  }

  const codec::Decoded& decoded_;
  Findings& findings_;
};

// Reads `file`, checks it against `schema`, and builds its model with `read` (which reports
// what the schema cannot say through the Reader); the model only when nothing is an error.
template <typename T, typename Read>
Loaded<T> load(const fs::path& file, const schema::Schema& schema, Read read) {
  Loaded<T> loaded;
  loaded.file = file;
  codec::Decoded decoded;
  if (!decode_and_check(loaded, schema, decoded)) return loaded;
  Reader reader(decoded, loaded.findings);
  T out = read(decoded.value, reader);
  out.file = file;
  if (!has_errors(loaded.findings)) loaded.value = std::move(out);
  return loaded;
}

}  // namespace

CaseLoader::CaseLoader(schema::SchemaRegistry& registry, const fs::path& cases_schema_dir)
    : case_schema_(registry.load_file(cases_schema_dir / "case.schema.json")),
      defaults_schema_(registry.load_file(cases_schema_dir / "defaults.schema.json")) {}

Loaded<Case> CaseLoader::load_case(const fs::path& file) const {
  return load<Case>(file, *case_schema_, [&](const rapidjson::Value& root, Reader& reader) {
    Case out;
    out.name = string_member(root, "name");
    out.vendor = string_member(root, "vendor");
    out.description = string_member(root, "description");
    out.mock_only = string_member(root, "mock_only");
    if (const auto tags = root.FindMember("tags"); tags != root.MemberEnd()) {
      for (const auto& tag : tags->value.GetArray()) out.tags.push_back(str(tag));
    }
    out.vars = string_map(root, "vars");
    if (const auto isolated = root.FindMember("isolated"); isolated != root.MemberEnd()) {
      out.isolated = isolated->value.GetBool();
    }
    const rapidjson::Value& steps = root["steps"];
    for (rapidjson::SizeType i = 0; i < steps.Size(); ++i) {
      out.steps.push_back(reader.step(steps[i], "/steps/" + std::to_string(i), file.parent_path()));
    }
    return out;
  });
}

Loaded<VendorDefaults> CaseLoader::load_defaults(const fs::path& file) const {
  return load<VendorDefaults>(
      file, *defaults_schema_, [](const rapidjson::Value& root, Reader& reader) {
        VendorDefaults out;
        out.headers = string_map(root, "headers");
        if (const auto rules = root.FindMember("rules"); rules != root.MemberEnd()) {
          for (rapidjson::SizeType i = 0; i < rules->value.Size(); ++i) {
            const rapidjson::Value& rule = rules->value[i];
            StatusRule parsed;
            parsed.status = string_member(rule, "status");
            parsed.description = string_member(rule, "description");
            parsed.assertions = reader.assertions(rule, "/rules/" + std::to_string(i));
            out.rules.push_back(std::move(parsed));
          }
        }
        return out;
      });
}

std::vector<fs::path> discover_case_files(const std::vector<fs::path>& paths, Findings& problems) {
  std::vector<fs::path> files;
  const auto is_case_file = [](const fs::path& file) {
    const std::string name = file.filename().string();
    const auto ends_with = [&](const std::string& suffix) {
      return name.size() >= suffix.size() &&
             name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return ends_with(".json") && name != "defaults.json" && !ends_with(".schema.json");
  };
  for (const auto& path : paths) {
    std::error_code error;
    if (fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else if (fs::is_directory(path, error)) {
      for (auto it = fs::recursive_directory_iterator(path, error);
           it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error) break;
        if (it->is_directory() && it->path().filename() == "bodies") {
          it.disable_recursion_pending();
        } else if (it->is_regular_file() && is_case_file(it->path())) {
          files.push_back(it->path());
        }
      }
    } else {
      Finding finding;
      finding.keyword = "io";
      finding.message = path.string() + ": no such file or folder";
      problems.push_back(finding);
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace conform::replay
