#include "openapi/xml_annotations.hpp"

#include <set>

namespace conform::openapi {
namespace {

using Allocator = rapidjson::Document::AllocatorType;

constexpr const char* kComponentPrefix = "#/components/schemas/";

class Annotator {
 public:
  Annotator(rapidjson::Value& schemas, const codec::XmlRules& rules, Allocator& allocator)
      : schemas_(schemas), rules_(rules), allocator_(allocator) {}

  // An object schema whose element follows `rule`, its namespace `ns` unless it says
  // otherwise; a "$ref" to another component is annotated there (once).
  void object(rapidjson::Value& schema, const codec::ElementRule& rule,
              const std::optional<codec::NamespaceRule>& ns) {
    if (!schema.IsObject()) return;
    if (rapidjson::Value* target = component(schema)) {
      object(*target, rule, ns);
      return;
    }
    const auto properties = schema.FindMember("properties");
    if (properties == schema.MemberEnd() || !properties->value.IsObject()) return;
    for (auto& property : properties->value.GetObject()) {
      const std::string name(property.name.GetString(), property.name.GetStringLength());
      const auto found = rule.properties.find(name);
      const codec::ElementRule& child = found == rule.properties.end() ? kNone : found->second;
      member(property.value, name, child, child.ns ? child.ns : ns, ns);
    }
  }

 private:
  void member(rapidjson::Value& schema, const std::string& name, const codec::ElementRule& rule,
              const std::optional<codec::NamespaceRule>& ns,
              const std::optional<codec::NamespaceRule>& parent_ns) {
    if (!schema.IsObject()) return;
    rapidjson::Value xml(rapidjson::kObjectType);
    const std::string element = rule.name.empty() ? name : rule.name;
    if (element != name) add(xml, "name", element);
    if (rule.ns && uri(rule.ns) != uri(parent_ns)) add(xml, "namespace", uri(rule.ns));
    if (is_array(schema)) {
      const codec::ListRule& list = rule.list ? *rule.list : rules_.default_list();
      const auto items = schema.FindMember("items");
      rapidjson::Value item_xml(rapidjson::kObjectType);
      if (list.encoding == codec::ListRule::Encoding::wrapped) {
        xml.AddMember("wrapped", true, allocator_);
        add(item_xml, "name", list.item);
        if (list.item_namespace.kind == codec::NamespaceRule::Kind::uri &&
            list.item_namespace.uri != uri(ns)) {
          add(item_xml, "namespace", list.item_namespace.uri);
        }
      } else {
        // Repeated: each item is an element named like the property.
        add(item_xml, "name", element);
      }
      if (items != schema.MemberEnd() && items->value.IsObject()) {
        if (rule.items)
          object(items->value, *rule.items, ns);
        else
          object(items->value, kNone, ns);
        put(items->value, std::move(item_xml));
      }
    } else {
      object(schema, rule, ns);
    }
    if (xml.MemberCount() > 0) put(schema, std::move(xml));
  }

  rapidjson::Value* component(const rapidjson::Value& schema) {
    const auto ref = schema.FindMember("$ref");
    if (ref == schema.MemberEnd() || !ref->value.IsString()) return nullptr;
    const std::string target = ref->value.GetString();
    if (target.rfind(kComponentPrefix, 0) != 0) return nullptr;
    const std::string name = target.substr(std::char_traits<char>::length(kComponentPrefix));
    if (!visited_.insert(name).second) return nullptr;
    const auto found = schemas_.FindMember(name.c_str());
    return found == schemas_.MemberEnd() ? nullptr : &found->value;
  }

  static bool is_array(const rapidjson::Value& schema) {
    const auto type = schema.FindMember("type");
    if (type == schema.MemberEnd()) return false;
    if (type->value.IsString()) return std::string(type->value.GetString()) == "array";
    if (!type->value.IsArray()) return false;
    for (const auto& item : type->value.GetArray()) {
      if (item.IsString() && std::string(item.GetString()) == "array") return true;
    }
    return false;
  }

  static std::string uri(const std::optional<codec::NamespaceRule>& ns) {
    return ns && ns->kind == codec::NamespaceRule::Kind::uri ? ns->uri : std::string();
  }

  void add(rapidjson::Value& xml, const char* key, const std::string& value) {
    xml.AddMember(
        rapidjson::StringRef(key),
        rapidjson::Value(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), allocator_),
        allocator_);
  }

  void put(rapidjson::Value& schema, rapidjson::Value xml) {
    if (xml.MemberCount() == 0) return;
    const auto existing = schema.FindMember("xml");
    if (existing != schema.MemberEnd()) {
      existing->value = std::move(xml);
    } else {
      schema.AddMember("xml", std::move(xml), allocator_);
    }
  }

  static const codec::ElementRule kNone;
  rapidjson::Value& schemas_;
  const codec::XmlRules& rules_;
  Allocator& allocator_;
  std::set<std::string> visited_;
};

const codec::ElementRule Annotator::kNone{};

}  // namespace

void annotate_xml(rapidjson::Value& schemas, const std::string& name, const codec::XmlRules& rules,
                  Allocator& allocator) {
  const auto found = schemas.FindMember(name.c_str());
  if (found == schemas.MemberEnd()) return;
  Annotator(schemas, rules, allocator).object(found->value, rules.root(), rules.root().ns);
}

}  // namespace conform::openapi
