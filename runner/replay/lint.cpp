#include "replay/lint.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "codec/decode.hpp"
#include "contracts/payload_check.hpp"
#include "json/pointer.hpp"
#include "replay/json.hpp"
#include "schema/suggest.hpp"
#include "secret/policy.hpp"
#include "text/ascii_case.hpp"
#include "text/file_bytes.hpp"

namespace conform::replay {
namespace {

// Body files larger than this are not scanned for credentials (they are payload dumps).
constexpr std::size_t kMaxScannedBodyFile = std::size_t{1} << 20;

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Every string in a mock credentials member: the vendor's published test credentials.
void collect_strings(const rapidjson::Value& value, std::set<std::string>& into) {
  if (value.IsString()) {
    into.insert(std::string(value.GetString(), value.GetStringLength()));
  } else if (value.IsObject()) {
    for (const auto& member : value.GetObject()) collect_strings(member.value, into);
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) collect_strings(item, into);
  }
}

class Linter {
 public:
  Linter(const Case& loaded, std::string_view source, const contracts::Catalog& catalog)
      : case_(loaded), catalog_(catalog) {
    codec::DecodeOptions options;
    options.format = Format::json;
    decoded_ = codec::decode(source, options);
    manifest_ = catalog.find(loaded.vendor);
    if (manifest_) policy_.add_member_names(manifest_->secret_fields);
    if (manifest_ && manifest_->document && manifest_->document->IsObject()) {
      const auto mock = manifest_->document->FindMember("mock");
      if (mock != manifest_->document->MemberEnd() && mock->value.IsObject()) {
        const auto credentials = mock->value.FindMember("credentials");
        if (credentials != mock->value.MemberEnd()) {
          collect_strings(credentials->value, published_);
        }
      }
    }
  }

  const std::vector<std::string>& secrets() const { return secrets_; }

  Findings run() {
    check_vendor();
    if (!decoded_.ok || !decoded_.value.IsObject()) return std::move(findings_);
    const rapidjson::Value& root = decoded_.value;
    if (const auto vars = root.FindMember("vars");
        vars != root.MemberEnd() && vars->value.IsObject()) {
      for (const auto& member : vars->value.GetObject()) {
        const std::string name = member.name.GetString();
        if (member.value.IsString() && is_secret_name(name)) {
          check_value(member.value.GetString(), "/vars/" + json::escape_token(name),
                      "var \"" + name + "\"");
        }
      }
    }
    const auto steps = root.FindMember("steps");
    if (steps == root.MemberEnd() || !steps->value.IsArray()) return std::move(findings_);
    const auto& list = steps->value;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      if (!list[i].IsObject()) continue;
      const std::string at = "/steps/" + std::to_string(i);
      check_headers(list[i], at);
      check_auth(list[i], at);
      check_body(list[i], at);
      if (i < case_.steps.size()) check_message(case_.steps[i], at);
      check_captures(list, i, at);
    }
    return std::move(findings_);
  }

 private:
  void add(Severity severity, const std::string& pointer, const char* keyword,
           std::string message) {
    Finding finding;
    finding.severity = severity;
    finding.pointer = pointer;
    finding.keyword = keyword;
    finding.message = std::move(message);
    if (decoded_.source_map) contracts::place(finding, *decoded_.source_map);
    findings_.push_back(std::move(finding));
  }

  bool is_secret_name(std::string_view name) const { return policy_.is_secret_member(name); }

  bool is_secret_header(std::string_view name) const { return policy_.is_credential_header(name); }

  // A credential made up on purpose, a placeholder ("********" or "sample string 7", as the
  // vendors' documents print a password), or one the vendor's mock publishes for tests.
  bool harmless(std::string_view value) const {
    const std::string lower = text::to_lower_ascii(value);
    for (const char* word :
         {"wrong", "invalid", "fake", "dummy", "example", "sample", "placeholder", "redacted"}) {
      if (contains(lower, word)) return true;
    }
    std::string bare = trim(value);
    for (const char* scheme : {"bearer ", "basic "}) {
      if (text::to_lower_ascii(bare).rfind(scheme, 0) == 0)
        bare = trim(bare.substr(std::string(scheme).size()));
    }
    if (bare.find_first_not_of('*') == std::string::npos) return true;
    return published_.count(bare) > 0;
  }

  void check_value(std::string_view value, const std::string& pointer, const std::string& what) {
    if (!is_literal_secret(value) || harmless(value)) return;
    secrets_.emplace_back(value);
    add(Severity::warning, pointer, "literal-secret",
        what +
            " holds a literal credential; put it in a secret variable "
            "(--secret-var NAME=VALUE or the vendor's environment variable) and write ${NAME}");
  }

  void check_vendor() {
    if (manifest_) return;
    std::vector<std::string_view> ids;
    for (const auto& vendor : catalog_.vendors()) ids.push_back(vendor.id);
    std::string message =
        "no vendor \"" + case_.vendor + "\" in " + catalog_.schemas_dir().string();
    if (const auto near = schema::suggest_name(case_.vendor, ids)) {
      message += "; did you mean \"" + *near + "\"?";
    }
    add(Severity::error, "/vendor", "vendor", message);
  }

  void check_headers(const rapidjson::Value& step, const std::string& at) {
    const auto headers = step.FindMember("headers");
    if (headers == step.MemberEnd() || !headers->value.IsObject()) return;
    for (const auto& header : headers->value.GetObject()) {
      const std::string name = header.name.GetString();
      if (header.value.IsString() && is_secret_header(name)) {
        check_value(header.value.GetString(), at + "/headers/" + json::escape_token(name),
                    "header " + name);
      }
    }
  }

  void check_auth(const rapidjson::Value& step, const std::string& at) {
    const auto auth = step.FindMember("auth");
    if (auth == step.MemberEnd() || !auth->value.IsObject()) return;
    for (const char* name : {"token", "password"}) {
      const auto value = auth->value.FindMember(name);
      if (value != auth->value.MemberEnd() && value->value.IsString()) {
        check_value(value->value.GetString(), at + "/auth/" + name, std::string("auth ") + name);
      }
    }
  }

  // Secret-named members of a JSON body, at any depth.
  void scan_json(const rapidjson::Value& value, const std::string& pointer,
                 const std::string& where) {
    if (value.IsObject()) {
      for (const auto& member : value.GetObject()) {
        const std::string name = member.name.GetString();
        const std::string inner = pointer + "/" + json::escape_token(name);
        if (member.value.IsString() && is_secret_name(name)) {
          check_value(member.value.GetString(), where.empty() ? inner : pointer,
                      "body member " + name + where);
        } else {
          scan_json(member.value, where.empty() ? inner : pointer, where);
        }
      }
    } else if (value.IsArray()) {
      for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
        scan_json(value[i], where.empty() ? pointer + "/" + std::to_string(i) : pointer, where);
      }
    }
  }

  // An XML or form body as text: <Password>x</Password> and Password=x.
  void scan_text(std::string_view text, const std::string& pointer, const std::string& where) {
    const std::string trimmed = trim(text);
    if (!trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[')) {
      codec::DecodeOptions options;
      options.format = Format::json;
      const codec::Decoded json = codec::decode(trimmed, options);
      if (json.ok) scan_json(json.value, pointer, where.empty() ? " (in the body text)" : where);
      return;
    }
    if (!trimmed.empty() && trimmed.front() == '<') {
      std::size_t at = 0;
      while ((at = text.find('<', at)) != std::string_view::npos) {
        const std::size_t close = text.find('>', at);
        if (close == std::string_view::npos) break;
        std::string_view tag = text.substr(at + 1, close - at - 1);
        at = close + 1;
        if (tag.empty() || tag.front() == '/' || tag.front() == '?' || tag.front() == '!' ||
            tag.back() == '/') {
          continue;
        }
        const std::string name(tag.substr(0, tag.find_first_of(" \t\r\n")));
        const std::size_t end = text.find("</", close);
        if (!is_secret_name(name.substr(name.find(':') + 1)) || end == std::string_view::npos) {
          continue;
        }
        check_value(text.substr(close + 1, end - close - 1), pointer,
                    "XML element " + name + where);
      }
      return;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t amp = std::min(text.find('&', start), text.size());
      const std::string_view pair = text.substr(start, amp - start);
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos && is_secret_name(pair.substr(0, eq))) {
        check_value(pair.substr(eq + 1), pointer,
                    "form field " + std::string(pair.substr(0, eq)) + where);
      }
      start = amp + 1;
    }
  }

  void check_body(const rapidjson::Value& step, const std::string& at) {
    if (const auto body = step.FindMember("body"); body != step.MemberEnd()) {
      if (body->value.IsString()) {
        scan_text(std::string_view(body->value.GetString(), body->value.GetStringLength()),
                  at + "/body", "");
      } else {
        scan_json(body->value, at + "/body", "");
      }
    }
    const auto file = step.FindMember("body_file");
    if (file == step.MemberEnd() || !file->value.IsString()) return;
    const std::filesystem::path path = case_.file.parent_path() / file->value.GetString();
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size > kMaxScannedBodyFile) return;
    const auto bytes = text::read_file_bytes(path);
    if (!bytes) return;
    scan_text(*bytes, at + "/body_file", " in " + std::string(file->value.GetString()));
  }

  // The case-file schema already holds names to request | response:STATUS; whether the
  // vendor documents that message only the catalog knows.
  void check_message(const Step& step, const std::string& at) {
    const std::string& name = step.expect.schema;
    if (!manifest_ || name.empty() || name == "-") return;
    const auto id = parse_message_id(name);
    if (id && catalog_.message(*manifest_, *id)) return;
    std::string list;
    for (const auto& message : manifest_->messages) {
      list += (list.empty() ? "" : ", ") + message.id.name();
    }
    add(Severity::error, at + "/expect/schema", "message",
        manifest_->id + " documents no message \"" + name + "\"; documented: " + list);
  }

  void check_captures(const rapidjson::Value& steps, rapidjson::SizeType i, const std::string& at) {
    const auto capture = steps[i].FindMember("capture");
    if (capture == steps[i].MemberEnd() || !capture->value.IsObject()) return;
    std::string later;
    for (rapidjson::SizeType j = i + 1; j < steps.Size(); ++j) later += to_json_text(steps[j]);
    for (const auto& member : capture->value.GetObject()) {
      const std::string name = member.name.GetString();
      if (contains(later, "${" + name + "}")) continue;
      add(Severity::warning, at + "/capture/" + json::escape_token(name), "unused-capture",
          "capture \"" + name + "\" is never used: no later step reads ${" + name + "}");
    }
  }

  const Case& case_;
  const contracts::Catalog& catalog_;
  const contracts::Manifest* manifest_ = nullptr;
  secret::Policy policy_;
  codec::Decoded decoded_;
  std::set<std::string> published_;
  std::vector<std::string> secrets_;
  Findings findings_;
};

}  // namespace

bool is_literal_secret(std::string_view value) {
  std::string rest;
  for (std::size_t i = 0; i < value.size();) {
    if (value.compare(i, 2, "${") == 0) {
      const std::size_t end = value.find('}', i + 2);
      if (end != std::string_view::npos) {
        i = end + 1;
        rest += ' ';
        continue;
      }
    }
    rest += value[i++];
  }
  std::string bare = trim(rest);
  for (const char* scheme : {"bearer", "basic", "token"}) {
    const std::string lower = text::to_lower_ascii(bare);
    if (lower == scheme ||
        (lower.rfind(scheme, 0) == 0 && lower.size() > std::string(scheme).size() &&
         std::isspace(static_cast<unsigned char>(lower[std::string(scheme).size()])))) {
      bare = trim(bare.substr(std::string(scheme).size()));
    }
  }
  return !bare.empty();
}

Findings lint_case(const Case& loaded, std::string_view source, const contracts::Catalog& catalog,
                   std::vector<std::string>* secrets) {
  Linter linter(loaded, source, catalog);
  Findings findings = linter.run();
  if (secrets) *secrets = linter.secrets();
  return findings;
}

}  // namespace conform::replay
