#include "openapi/document.hpp"

#include <rapidjson/prettywriter.h>

#include <utility>
#include <vector>

#include "codec/xml_rules.hpp"
#include "openapi/schema_components.hpp"
#include "openapi/xml_annotations.hpp"
#include "text/ascii_case.hpp"

namespace conform::openapi {
namespace {

using Allocator = rapidjson::Document::AllocatorType;

rapidjson::Value text(const std::string& value, Allocator& allocator) {
  return rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), allocator);
}

void set(rapidjson::Value& object, const char* key, rapidjson::Value value, Allocator& allocator) {
  object.AddMember(rapidjson::Value(key, allocator), value, allocator);
}

void set(rapidjson::Value& object, const char* key, const std::string& value,
         Allocator& allocator) {
  set(object, key, text(value, allocator), allocator);
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// "/users/{user_id}" -> {"user_id"}: every template variable is a required path parameter.
std::vector<std::string> path_variables(const std::string& path) {
  std::vector<std::string> names;
  std::size_t open = path.find('{');
  while (open != std::string::npos) {
    const std::size_t close = path.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(path.substr(open + 1, close - open - 1));
    open = path.find('{', close);
  }
  return names;
}

const contracts::Parameter* declared(const std::vector<contracts::Parameter>& parameters,
                                     const std::string& name) {
  for (const auto& parameter : parameters) {
    if (parameter.name == name) return &parameter;
  }
  return nullptr;
}

rapidjson::Value parameter(const std::string& name, const char* in, bool required,
                           const contracts::Parameter* spec, Allocator& allocator) {
  rapidjson::Value out(rapidjson::kObjectType);
  set(out, "name", name, allocator);
  set(out, "in", rapidjson::Value(in, allocator), allocator);
  set(out, "required", rapidjson::Value(required), allocator);
  if (spec != nullptr && !spec->description.empty()) {
    set(out, "description", spec->description, allocator);
  }
  rapidjson::Value schema(rapidjson::kObjectType);
  set(schema, "type", rapidjson::Value("string"), allocator);
  if (spec != nullptr && !spec->value.empty()) {
    set(schema, "const", spec->value, allocator);
  } else if (spec != nullptr && !spec->allowed.empty()) {
    rapidjson::Value values(rapidjson::kArrayType);
    for (const auto& value : spec->allowed) values.PushBack(text(value, allocator), allocator);
    set(schema, "enum", std::move(values), allocator);
  }
  set(out, "schema", std::move(schema), allocator);
  return out;
}

rapidjson::Value parameters(const contracts::Endpoint& endpoint, Allocator& allocator) {
  rapidjson::Value out(rapidjson::kArrayType);
  for (const auto& name : path_variables(endpoint.path)) {
    out.PushBack(parameter(name, "path", true, declared(endpoint.path_parameters, name), allocator),
                 allocator);
  }
  for (const auto& query : endpoint.query_parameters) {
    out.PushBack(parameter(query.name, "query", query.required, &query, allocator), allocator);
  }
  for (const auto& header : endpoint.headers) {
    // OpenAPI ignores header parameters with these names: the operation says them otherwise.
    const std::string name = text::to_lower_ascii(header.name);
    if (name == "accept" || name == "content-type" || name == "authorization") continue;
    out.PushBack(parameter(header.name, "header", header.required, &header, allocator), allocator);
  }
  return out;
}

// The schema of one media type: the component, named after the XML rules' root for XML.
rapidjson::Value media_type(const std::string& ref, const codec::XmlRules* xml_rules,
                            Allocator& allocator) {
  rapidjson::Value schema(rapidjson::kObjectType);
  set(schema, "$ref", ref, allocator);
  if (xml_rules != nullptr) {
    rapidjson::Value xml(rapidjson::kObjectType);
    const auto& root = xml_rules->root();
    if (!root.name.empty()) set(xml, "name", root.name, allocator);
    if (root.ns && root.ns->kind == codec::NamespaceRule::Kind::uri) {
      set(xml, "namespace", root.ns->uri, allocator);
    }
    set(schema, "xml", std::move(xml), allocator);
  }
  rapidjson::Value out(rapidjson::kObjectType);
  set(out, "schema", std::move(schema), allocator);
  return out;
}

class Builder {
 public:
  Builder(const contracts::Catalog& catalog, const contracts::Manifest& vendor,
          Allocator& allocator)
      : catalog_(catalog), vendor_(vendor), allocator_(allocator), components_(allocator) {
    // A vendor's schema may share a file at the catalog's root, as the schema engine allows.
    components_.allow_folder(catalog.schemas_dir());
  }

  // The content object of a message: one entry per media type it can come in.
  rapidjson::Value content(const contracts::MessageSpec& message,
                           const std::vector<std::string>& media_types) {
    rapidjson::Value out(rapidjson::kObjectType);
    const std::string ref = components_.add(message.schema_file);
    if (ref.empty()) return out;
    const auto rules = xml_rules(message);
    if (rules) xml_components_.emplace_back(ref.substr(ref.rfind('/') + 1), rules);
    std::vector<std::string> types = media_types;
    if (types.empty()) types.push_back("application/json");
    for (const auto& type : types) {
      const auto format = format_of_media_type(type);
      // A message has an XML form only when it has XML rules.
      if (format == Format::xml && !rules) continue;
      out.AddMember(text(type, allocator_),
                    media_type(ref, format == Format::xml ? rules.get() : nullptr, allocator_),
                    allocator_);
    }
    return out;
  }

  rapidjson::Value request_body() {
    rapidjson::Value out(rapidjson::kObjectType);
    for (const auto& message : vendor_.messages) {
      if (message.id.kind != MessageId::Kind::request) continue;
      if (!message.description.empty()) set(out, "description", message.description, allocator_);
      set(out, "required", rapidjson::Value(!message.empty_body), allocator_);
      if (!message.empty_body) {
        set(out, "content", content(message, vendor_.request_media_types), allocator_);
      }
    }
    return out;
  }

  rapidjson::Value responses() {
    rapidjson::Value out(rapidjson::kObjectType);
    for (const auto& message : vendor_.messages) {
      if (message.id.kind != MessageId::Kind::response) continue;
      rapidjson::Value response(rapidjson::kObjectType);
      set(response, "description",
          message.description.empty() ? "status " + message.id.status : message.description,
          allocator_);
      // A status the vendor does not document but the mock answers as HTTP defines it.
      if (message.http_origin) set(response, "x-conform-origin", "http", allocator_);
      if (!message.empty_body) {
        set(response, "content", content(message, vendor_.response_media_types), allocator_);
      }
      out.AddMember(text(message.id.status, allocator_), response, allocator_);
    }
    return out;
  }

  // The read the vendor offers beside the update (manifest endpoint.read), so a tool that
  // routes by the document (a validating proxy) knows the GET that shows an update's effect.
  // Its 200 follows the message the mock's read answers with (mock.responses.read's
  // validates_as, else response:200); its errors are the update's. Null without a read.
  rapidjson::Value read_operation(std::string& method, std::string& path) {
    const rapidjson::Value* read = member(*vendor_.document, "endpoint");
    read = read ? member(*read, "read") : nullptr;
    if (!read || !member(*read, "method") || !member(*read, "path")) return {};
    method = (*read)["method"].GetString();
    path = (*read)["path"].GetString();
    rapidjson::Value operation(rapidjson::kObjectType);
    set(operation, "operationId", text::to_lower_ascii(method) + "User", allocator_);
    set(operation, "summary", vendor_.name + ": " + method + " " + path, allocator_);
    rapidjson::Value parameters(rapidjson::kArrayType);
    for (const auto& name : path_variables(path)) {
      parameters.PushBack(parameter(name, "path", true,
                                    declared(vendor_.endpoint.path_parameters, name), allocator_),
                          allocator_);
    }
    if (!parameters.Empty()) set(operation, "parameters", std::move(parameters), allocator_);

    std::string answers = "response:200";
    const rapidjson::Value* mock = member(*vendor_.document, "mock");
    const rapidjson::Value* templates = mock ? member(*mock, "responses") : nullptr;
    const rapidjson::Value* read_template = templates ? member(*templates, "read") : nullptr;
    if (const rapidjson::Value* as =
            read_template ? member(*read_template, "validates_as") : nullptr;
        as && as->IsString()) {
      answers = as->GetString();
    }
    rapidjson::Value out(rapidjson::kObjectType);
    const auto id = parse_message_id(answers);
    if (const contracts::MessageSpec* message = id ? catalog_.message(vendor_, *id) : nullptr) {
      rapidjson::Value ok(rapidjson::kObjectType);
      set(ok, "description", "The stored user, as the read returns it (" + answers + ").",
          allocator_);
      if (!message->empty_body) {
        set(ok, "content", content(*message, vendor_.response_media_types), allocator_);
      }
      out.AddMember("200", ok, allocator_);
    }
    rapidjson::Value update = responses();
    for (auto& response : update.GetObject()) {
      if (response.name.GetString()[0] != '2')
        out.AddMember(response.name, response.value, allocator_);
    }
    set(operation, "responses", std::move(out), allocator_);
    return operation;
  }

  // components.securitySchemes and the operation's security requirement; credentials that
  // travel in the body have no OpenAPI scheme, so the operation's description names them.
  void security(rapidjson::Value& operation, rapidjson::Value& components) {
    const std::string& scheme = vendor_.auth.scheme;
    if (scheme != "bearer" && scheme != "basic") return;
    const std::string name = scheme + "Auth";
    rapidjson::Value definition(rapidjson::kObjectType);
    set(definition, "type", rapidjson::Value("http"), allocator_);
    set(definition, "scheme", scheme, allocator_);
    rapidjson::Value schemes(rapidjson::kObjectType);
    schemes.AddMember(text(name, allocator_), definition, allocator_);
    set(components, "securitySchemes", std::move(schemes), allocator_);
    rapidjson::Value requirement(rapidjson::kObjectType);
    requirement.AddMember(text(name, allocator_), rapidjson::Value(rapidjson::kArrayType),
                          allocator_);
    rapidjson::Value requirements(rapidjson::kArrayType);
    requirements.PushBack(requirement, allocator_);
    set(operation, "security", std::move(requirements), allocator_);
  }

  std::string description() const {
    std::string out =
        vendor_.document->HasMember("description") && (*vendor_.document)["description"].IsString()
            ? (*vendor_.document)["description"].GetString()
            : "";
    if (vendor_.auth.scheme == "body") {
      std::string members;
      for (const auto& [member, variable] : vendor_.auth.env) {
        members += (members.empty() ? "" : ", ") + member;
      }
      out += (out.empty() ? "" : "\n\n") + std::string("Credentials travel in the request body (") +
             members + "); OpenAPI has no security scheme for them.";
    }
    return out;
  }

  rapidjson::Value build(const DocumentOptions& options) {
    rapidjson::Value document(rapidjson::kObjectType);
    set(document, "openapi", rapidjson::Value("3.1.0"), allocator_);

    rapidjson::Value info(rapidjson::kObjectType);
    set(info, "title", vendor_.name, allocator_);
    set(info, "version", options.version, allocator_);
    set(info, "summary",
        "Generated by conform from schemas/" + vendor_.id + "/ (the vendor's contract).",
        allocator_);
    set(document, "info", std::move(info), allocator_);

    if (!vendor_.base_url.empty()) {
      rapidjson::Value server(rapidjson::kObjectType);
      set(server, "url", vendor_.base_url, allocator_);
      rapidjson::Value servers(rapidjson::kArrayType);
      servers.PushBack(server, allocator_);
      set(document, "servers", std::move(servers), allocator_);
    }

    rapidjson::Value operation(rapidjson::kObjectType);
    set(operation, "operationId", text::to_lower_ascii(vendor_.endpoint.method) + "User",
        allocator_);
    set(operation, "summary",
        vendor_.name + ": " + vendor_.endpoint.method + " " + vendor_.endpoint.path, allocator_);
    const std::string text_description = description();
    if (!text_description.empty()) set(operation, "description", text_description, allocator_);
    rapidjson::Value list = parameters(vendor_.endpoint, allocator_);
    if (!list.Empty()) set(operation, "parameters", std::move(list), allocator_);
    set(operation, "requestBody", request_body(), allocator_);
    set(operation, "responses", responses(), allocator_);

    std::string read_method;
    std::string read_path;
    rapidjson::Value read = read_operation(read_method, read_path);

    rapidjson::Value components(rapidjson::kObjectType);
    security(operation, components);
    if (read.IsObject() && operation.HasMember("security")) {
      rapidjson::Value requirements(operation["security"], allocator_);
      set(read, "security", std::move(requirements), allocator_);
    }
    rapidjson::Value schemas = components_.take_schemas();
    for (const auto& [name, rules] : xml_components_)
      annotate_xml(schemas, name, *rules, allocator_);
    set(components, "schemas", std::move(schemas), allocator_);

    rapidjson::Value path_item(rapidjson::kObjectType);
    path_item.AddMember(text(text::to_lower_ascii(vendor_.endpoint.method), allocator_), operation,
                        allocator_);
    rapidjson::Value paths(rapidjson::kObjectType);
    if (read.IsObject() && read_path == vendor_.endpoint.path) {
      path_item.AddMember(text(text::to_lower_ascii(read_method), allocator_), read, allocator_);
    }
    paths.AddMember(text(vendor_.endpoint.path, allocator_), path_item, allocator_);
    if (read.IsObject() && read_path != vendor_.endpoint.path) {
      rapidjson::Value read_item(rapidjson::kObjectType);
      read_item.AddMember(text(text::to_lower_ascii(read_method), allocator_), read, allocator_);
      paths.AddMember(text(read_path, allocator_), read_item, allocator_);
    }
    set(document, "paths", std::move(paths), allocator_);
    set(document, "components", std::move(components), allocator_);
    return document;
  }

  Findings findings() {
    Findings out = findings_;
    out.insert(out.end(), components_.findings().begin(), components_.findings().end());
    return out;
  }

 private:
  std::shared_ptr<const codec::XmlRules> xml_rules(const contracts::MessageSpec& message) {
    try {
      return catalog_.xml_rules(vendor_, message);
    } catch (const contracts::CatalogError& e) {
      Finding f;
      f.keyword = "xml-rules";
      f.message = e.what();
      findings_.push_back(std::move(f));
      return nullptr;
    }
  }

  const contracts::Catalog& catalog_;
  const contracts::Manifest& vendor_;
  Allocator& allocator_;
  SchemaComponents components_;
  // Components that travel as XML, with the rules that name their elements.
  std::vector<std::pair<std::string, std::shared_ptr<const codec::XmlRules>>> xml_components_;
  Findings findings_;
};

}  // namespace

Document build_document(const contracts::Catalog& catalog, const contracts::Manifest& vendor,
                        const DocumentOptions& options) {
  Document out;
  auto json = std::make_shared<rapidjson::Document>();
  Builder builder(catalog, vendor, json->GetAllocator());
  rapidjson::Value root = builder.build(options);
  static_cast<rapidjson::Value&>(*json).Swap(root);
  out.findings = builder.findings();
  if (!has_errors(out.findings)) out.json = std::move(json);
  return out;
}

std::string to_json_text(const rapidjson::Document& document) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  document.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace conform::openapi
