#include "report/sarif.hpp"

#include <algorithm>
#include <sstream>
#include <system_error>

#include "codec/rapidjson.hpp"
#include "report/json_members.hpp"
#include "secret/masker.hpp"

namespace conform::report {
namespace {
namespace fs = std::filesystem;

using Writer = JsonWriter;

// The schema GitHub and the SARIF validators resolve for 2.1.0 logs.
constexpr const char* kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kRootBase = "%SRCROOT%";

void message(Writer& w, std::string_view text) {
  w.Key("message");
  w.StartObject();
  write_member(w, "text", text);
  w.EndObject();
}

// RFC 3986: unreserved characters and the path separator stay, every other byte is %XX.
std::string percent_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

fs::path absolute_or_same(const fs::path& path) {
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  return error ? path : absolute.lexically_normal();
}

fs::path working_folder() {
  std::error_code error;
  const fs::path cwd = fs::current_path(error);
  return error ? fs::path("/") : cwd;
}

std::string file_uri_of_folder(const fs::path& folder) {
  std::string uri = "file://" + percent_encode_path(folder.generic_string());
  if (uri.back() != '/') uri += '/';
  return uri;
}

// The message a code-scanning view shows: the finding's words, then what was expected and
// what was there, since SARIF has no fields of its own for them.
std::string result_text(const Finding& f) {
  std::string text = f.message;
  if (f.expected) text += "; expected: " + *f.expected;
  if (f.actual) text += "; actual: " + *f.actual;
  return text;
}

void region(Writer& w, const Finding& f, int first_line) {
  if (f.line <= 0 && first_line <= 1) return;
  w.Key("region");
  w.StartObject();
  w.Key("startLine");
  w.Int(std::max(1, first_line) + std::max(0, f.line - 1));
  if (f.line > 0 && f.column > 0) {
    w.Key("startColumn");
    w.Int(f.column);
    if (f.length > 1) {
      w.Key("endColumn");
      w.Int(f.column + f.length);
    }
  }
  w.EndObject();
}

void location(Writer& w, const Finding& f, const std::string& file, int first_line,
              const fs::path& base) {
  w.StartObject();
  if (!file.empty() && file != "-") {
    const SarifArtifact artifact = sarif_artifact(file, base);
    w.Key("physicalLocation");
    w.StartObject();
    w.Key("artifactLocation");
    w.StartObject();
    write_member(w, "uri", artifact.uri);
    if (artifact.relative) write_member(w, "uriBaseId", kRootBase);
    w.EndObject();
    region(w, f, first_line);
    w.EndObject();
  }
  w.Key("logicalLocations");
  w.StartArray();
  w.StartObject();
  write_member(w, "fullyQualifiedName", f.pointer);
  write_member(w, "kind", "member");
  w.EndObject();
  w.EndArray();
  w.EndObject();
}

std::string result_json(const Finding& f, int rule, const std::string& file, int first_line,
                        const fs::path& base) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  write_member(w, "ruleId", f.keyword);
  w.Key("ruleIndex");
  w.Int(rule);
  write_member(w, "level", f.severity == Severity::error ? "error" : "warning");
  message(w, result_text(f));
  w.Key("locations");
  w.StartArray();
  location(w, f, file, first_line, base);
  w.EndArray();
  if (!f.xpath.empty() || !f.schema_path.empty() || f.expected || f.actual) {
    w.Key("properties");
    w.StartObject();
    if (!f.xpath.empty()) write_member(w, "xpath", f.xpath);
    if (!f.schema_path.empty()) write_member(w, "schemaPath", f.schema_path);
    if (f.expected) write_member(w, "expected", *f.expected);
    if (f.actual) write_member(w, "actual", *f.actual);
    w.EndObject();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string tool_json(const SarifTool& tool, const std::vector<std::string>& rules) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("driver");
  w.StartObject();
  write_member(w, "name", tool.name);
  if (!tool.version.empty()) write_member(w, "version", tool.version);
  if (!tool.information_uri.empty()) write_member(w, "informationUri", tool.information_uri);
  w.Key("rules");
  w.StartArray();
  for (const auto& id : rules) {
    w.StartObject();
    write_member(w, "id", id);
    w.Key("shortDescription");
    w.StartObject();
    write_member(w, "text", "conform check \"" + id + "\"");
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

SarifArtifact sarif_artifact(const std::string& file, const fs::path& base) {
  const fs::path absolute = absolute_or_same(file);
  const fs::path root = absolute_or_same(base.empty() ? working_folder() : base);
  const fs::path relative = absolute.lexically_relative(root);
  const bool inside =
      !relative.empty() && relative.native() != "." && *relative.begin() != fs::path("..");
  if (inside) return {percent_encode_path(relative.generic_string()), true};
  return {"file://" + percent_encode_path(absolute.generic_string()), false};
}

SarifWriter::SarifWriter(std::ostream& out, SarifTool tool, fs::path base, secret::Policy policy)
    : out_(out),
      tool_(std::move(tool)),
      base_(base.empty() ? working_folder() : std::move(base)),
      masker_(std::move(policy)) {
  // Results stream first; the tool and its rules follow once every keyword is known (JSON
  // members have no order).
  out_ << "{\"$schema\":\"" << kSchemaUri << "\",\"version\":\"2.1.0\",\"runs\":[{"
       << "\"columnKind\":\"unicodeCodePoints\",\"originalUriBaseIds\":{\"" << kRootBase
       << "\":{\"uri\":";
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  write_string(w, file_uri_of_folder(absolute_or_same(base_)));
  out_ << buffer.GetString() << "}},\"results\":[";
}

SarifWriter::~SarifWriter() {
  if (!finished_) finish();
}

int SarifWriter::rule_index(const std::string& keyword) {
  const auto found = std::find(rules_.begin(), rules_.end(), keyword);
  if (found != rules_.end()) return static_cast<int>(found - rules_.begin());
  rules_.push_back(keyword);
  return static_cast<int>(rules_.size() - 1);
}

void SarifWriter::add(const std::string& file, const Finding& finding, int first_line) {
  if (finished_) throw std::logic_error("SarifWriter::add after finish");
  Finding named = finding;
  masker_.mask(named);
  if (named.keyword.empty()) named.keyword = "conform";
  const int rule = rule_index(named.keyword);
  out_ << (first_result_ ? "" : ",") << result_json(named, rule, file, first_line, base_);
  first_result_ = false;
}

void SarifWriter::add(const std::string& file, const Findings& findings, int first_line) {
  for (const auto& finding : findings) add(file, finding, first_line);
}

void SarifWriter::finish() {
  if (finished_) return;
  finished_ = true;
  out_ << "],\"tool\":" << tool_json(tool_, rules_) << "}]}\n";
}

std::string render_sarif(const SarifTool& tool, const std::vector<SarifFile>& files,
                         const fs::path& base) {
  std::ostringstream out;
  {
    SarifWriter writer(out, tool, base);
    for (const auto& file : files) writer.add(file.file, file.findings, file.first_line);
    writer.finish();
  }
  return out.str();
}

}  // namespace conform::report
