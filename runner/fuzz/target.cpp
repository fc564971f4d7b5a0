#include "fuzz/target.hpp"

#include <cstdlib>
#include <map>
#include <optional>

#include "codec/json_text.hpp"
#include "json/string_escape.hpp"
#include "mock/vendor_mock.hpp"
#include "schema/json_value.hpp"
#include "schema/node.hpp"

namespace conform::fuzz {
namespace {

// "${name}" for a member the schema lets be a string, else "${name|json}" (the value's
// JSON, unquoted: a number such as a numeric user id or company id).
std::string placeholder(const schema::Node& object, const std::string& member,
                        const std::string& variable) {
  const auto* entry = object.properties.find(member.data(), member.size());
  const std::uint8_t types =
      entry && entry->schema ? generate::resolved(*entry->schema).types : std::uint8_t{0};
  const bool text = types == 0 || (types & schema::kTypeString) != 0;
  return "${" + variable + (text ? "}" : "|json}");
}

std::string with_user_placeholder(std::string path, const std::string& parameter) {
  const std::string token = "{" + parameter + "}";
  if (const auto at = path.find(token); at != std::string::npos) {
    path.replace(at, token.size(), "${user_id}");
  }
  return path;
}

// Where a response template puts the stored user ("{{user}}", or an object spread from it).
std::optional<std::string> user_pointer(const rapidjson::Value& value, const std::string& at) {
  if (value.IsString() && std::string(value.GetString()) == "{{user}}") return at;
  if (!value.IsObject()) return std::nullopt;
  const auto spread = value.FindMember("...");
  if (spread != value.MemberEnd() && spread->value.IsString() &&
      std::string(spread->value.GetString()) == "{{user}}") {
    return at;
  }
  for (const auto& member : value.GetObject()) {
    if (auto found = user_pointer(member.value, at + "/" + member.name.GetString())) return found;
  }
  return std::nullopt;
}

// The read of `manifest` (endpoint.read), where its body shows the user, and what it does
// not echo; null when the vendor has none or its body does not show the user.
std::unique_ptr<ReadBack> read_back(const contracts::Manifest& manifest,
                                    const mock::VendorMock& mock,
                                    const std::map<std::string, std::string>& pinned) {
  if (mock.read_route.empty()) return nullptr;
  const mock::ResponseTemplate* read = mock.response("default", "read");
  if (!read || !read->body) return nullptr;
  const auto pointer = user_pointer(*read->body, "");
  if (!pointer) return nullptr;
  auto out = std::make_unique<ReadBack>();
  out->method = mock.read_method;
  out->path = mock.read_route.path_template();
  out->user_pointer = *pointer;
  out->schema = read->validates_as;
  // The read's path names the user by a parameter of its own ({ID}, {Id}).
  const std::size_t open = out->path.find('{');
  const std::size_t close = out->path.find('}', open);
  if (open != std::string::npos && close != std::string::npos) {
    out->path = with_user_placeholder(out->path, out->path.substr(open + 1, close - open - 1));
  }
  for (const auto& [member, value] : pinned) out->unechoed.insert(member);
  out->unechoed.insert(manifest.secret_fields.begin(), manifest.secret_fields.end());
  out->unechoed.insert(mock.store.ignore.begin(), mock.store.ignore.end());
  if (mock.store.fields && mock.store.fields->IsObject()) {
    for (const auto& member : mock.store.fields->GetObject()) {
      out->unechoed.insert(member.name.GetString());
    }
  }
  for (const auto* moves : {&mock.store.adds, &mock.store.removes}) {
    for (const auto& [member, list] : *moves) out->list_edits.emplace(member, list);
  }
  return out;
}

}  // namespace

FuzzTarget fuzz_target(const contracts::Catalog& catalog, const contracts::Manifest& manifest,
                       std::uint64_t seed) {
  FuzzTarget out;
  out.manifest = &manifest;
  const contracts::MessageSpec* request = catalog.message(manifest, MessageId{});
  if (!request || request->schema_file.empty()) {
    throw FuzzError(manifest.id + " documents no request body to generate from");
  }
  out.request_schema = catalog.schema(manifest, *request);
  const schema::Node& root = generate::resolved(out.request_schema->root());

  const mock::VendorMock mock = mock::read_vendor_mock(manifest);
  std::map<std::string, std::string> pinned;
  out.path = manifest.endpoint.path;
  out.unknown_user_id = "unknown-user";
  if (mock.user_id.in_path) {
    out.path = with_user_placeholder(out.path, mock.user_id.name);
  } else if (mock.user_id.name.size() > 1 && mock.user_id.name.find('/', 1) == std::string::npos) {
    const std::string member = mock.user_id.name.substr(1);
    pinned[member] = "\"" + json::json_escape(placeholder(root, member, "user_id")) + "\"";
    // The id member's own minimal value: the schema accepts it, and no seed user has it.
    if (const auto* entry = root.properties.find(member.data(), member.size());
        entry && entry->schema) {
      rapidjson::Document id;
      if (generate::VariantMaker().minimal(*entry->schema, id, id.GetAllocator())) {
        out.unknown_user_id = codec::to_plain_text(id);
      }
    }
  }
  for (const auto& [id, user] : mock.users) {
    if (mock::normalize_user_id(mock.user_id, id) ==
        mock::normalize_user_id(mock.user_id, out.unknown_user_id)) {
      out.unknown_user_id += "1";
    }
  }
  if (manifest.auth.scheme == "body") {
    for (const auto& [member, variable] : manifest.auth.env) {
      pinned[member] = "\"" + json::json_escape(placeholder(root, member, member)) + "\"";
    }
  }
  for (const contracts::Parameter& parameter : manifest.endpoint.query_parameters) {
    if (!parameter.required) continue;
    out.query.emplace_back(parameter.name, !parameter.value.empty()    ? parameter.value
                                           : parameter.allowed.empty() ? "x"
                                                                       : parameter.allowed.front());
  }
  bool default_response = false;
  for (const contracts::MessageSpec& message : manifest.messages) {
    if (message.id.kind != MessageId::Kind::response) continue;
    if (message.id.status == "default") {
      default_response = true;
      continue;
    }
    const int status = std::atoi(message.id.status.c_str());
    if (status >= 200 && status < 300) out.success_statuses.push_back(status);
    if (status >= 400 && status < 500) out.client_error_statuses.push_back(status);
    if (status == 404) out.unknown_user_statuses.push_back(status);
  }
  if (default_response) {
    out.client_error_statuses.clear();
    for (int status = 400; status < 500; ++status) out.client_error_statuses.push_back(status);
  }
  if (out.unknown_user_statuses.empty()) out.unknown_user_statuses = out.client_error_statuses;
  out.read = read_back(manifest, mock, pinned);
  out.request_violations = request_violations(manifest);
  out.media_types = manifest.request_media_types;
  if (!request->xml_rules_file.empty()) out.xml_rules = catalog.xml_rules(manifest, *request);
  out.generator =
      std::make_unique<generate::Generator>(out.request_schema->root(), std::move(pinned), seed);
  return out;
}

}  // namespace conform::fuzz
