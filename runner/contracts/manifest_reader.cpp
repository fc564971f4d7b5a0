#include "contracts/manifest_reader.hpp"

#include <string>
#include <utility>

namespace conform::contracts {
namespace {

std::string string_member(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

std::vector<std::string> string_array(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& item : it->value.GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

std::vector<Parameter> parameters(const rapidjson::Value& endpoint, const char* name) {
  std::vector<Parameter> out;
  const auto it = endpoint.FindMember(name);
  if (it == endpoint.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& item : it->value.GetArray()) {
    Parameter p;
    p.name = string_member(item, "name");
    const auto required = item.FindMember("required");
    p.required =
        required != item.MemberEnd() && required->value.IsBool() && required->value.GetBool();
    p.allowed = string_array(item, "allowed");
    p.value = string_member(item, "value");
    p.description = string_member(item, "description");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

Manifest read_manifest(std::shared_ptr<const rapidjson::Document> document,
                       const std::filesystem::path& dir) {
  const rapidjson::Value& root = *document;
  Manifest m;
  m.id = string_member(root, "id");
  m.name = string_member(root, "name");
  m.base_url = string_member(root, "base_url");
  m.seed = string_member(root, "seed");
  m.dir = dir;

  if (const auto endpoint = root.FindMember("endpoint"); endpoint != root.MemberEnd()) {
    m.endpoint.method = string_member(endpoint->value, "method");
    m.endpoint.path = string_member(endpoint->value, "path");
    m.endpoint.path_parameters = parameters(endpoint->value, "path_parameters");
    m.endpoint.query_parameters = parameters(endpoint->value, "query_parameters");
    m.endpoint.headers = parameters(endpoint->value, "headers");
  }
  if (const auto auth = root.FindMember("auth"); auth != root.MemberEnd()) {
    m.auth.scheme = string_member(auth->value, "scheme");
    if (const auto env = auth->value.FindMember("env");
        env != auth->value.MemberEnd() && env->value.IsObject()) {
      for (const auto& entry : env->value.GetObject()) {
        if (entry.value.IsString()) m.auth.env[entry.name.GetString()] = entry.value.GetString();
      }
    }
  }
  if (const auto media = root.FindMember("media_types"); media != root.MemberEnd()) {
    m.request_media_types = string_array(media->value, "request");
    m.response_media_types = string_array(media->value, "response");
  }
  if (const auto messages = root.FindMember("messages");
      messages != root.MemberEnd() && messages->value.IsObject()) {
    for (const auto& entry : messages->value.GetObject()) {
      const auto id = parse_message_id(entry.name.GetString());
      if (!id) continue;  // the manifest schema admits only well-formed names
      MessageSpec spec;
      spec.id = *id;
      if (const auto schema = string_member(entry.value, "schema"); !schema.empty()) {
        spec.schema_file = dir / schema;
      }
      if (const auto rules = string_member(entry.value, "xml_rules"); !rules.empty()) {
        spec.xml_rules_file = dir / rules;
      }
      const auto empty = entry.value.FindMember("empty_body");
      spec.empty_body =
          empty != entry.value.MemberEnd() && empty->value.IsBool() && empty->value.GetBool();
      spec.http_origin = string_member(entry.value, "origin") == "http";
      spec.description = string_member(entry.value, "description");
      m.messages.push_back(std::move(spec));
    }
  }
  m.secret_fields = string_array(root, "secrets");
  m.document = std::move(document);
  return m;
}

}  // namespace conform::contracts
