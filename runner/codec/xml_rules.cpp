#include "codec/xml_rules.hpp"

#include <initializer_list>
#include <utility>

#include "codec/json_reader.hpp"
#include "codec/json_source_map.hpp"
#include "json/pointer.hpp"
#include "text/file_bytes.hpp"

namespace conform::codec {
namespace {

// Checks one rules document structurally; every error names the file, position and field.
class RulesReader {
 public:
  RulesReader(std::string_view text, std::string source_name)
      : text_(text), source_(std::move(source_name)) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    std::string where = source_;
    if (const auto tokens = json::split_pointer(pointer)) {
      if (const auto span = find_json_value(text_, *tokens)) {
        const Location at = location_of_span(text_, *span);
        where += ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
      }
    }
    throw XmlRulesError(where + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " +
                        message);
  }

  void only_members(const rapidjson::Value& object, const std::string& pointer,
                    std::initializer_list<const char*> allowed) const {
    for (const auto& member : object.GetObject()) {
      const std::string_view name(member.name.GetString(), member.name.GetStringLength());
      bool known = false;
      std::string list;
      for (const char* a : allowed) {
        known = known || name == a;
        list += list.empty() ? "" : ", ";
        list += a;
      }
      if (!known) {
        fail(pointer + "/" + json::escape_token(name),
             "unknown member \"" + std::string(name) + "\" (allowed: " + list + ")");
      }
    }
  }

  std::string string_member(const rapidjson::Value& object, const char* name,
                            const std::string& pointer, bool non_empty) const {
    const auto& v = object[name];
    if (!v.IsString()) fail(pointer + "/" + name, "must be a string");
    std::string s(v.GetString(), v.GetStringLength());
    if (non_empty && s.empty()) fail(pointer + "/" + name, "must not be empty");
    return s;
  }

  NamespaceRule namespace_member(const rapidjson::Value& object, const char* name,
                                 const std::string& pointer) const {
    const std::string uri = string_member(object, name, pointer, false);
    NamespaceRule rule;
    rule.kind = uri.empty() ? NamespaceRule::Kind::none : NamespaceRule::Kind::uri;
    rule.uri = uri;
    return rule;
  }

  ListRule list_rule(const rapidjson::Value& v, const std::string& pointer) const {
    if (!v.IsObject()) fail(pointer, "must be an object");
    only_members(v, pointer, {"encoding", "item", "item_namespace", "any_item_name"});
    if (!v.HasMember("encoding")) fail(pointer, "missing member \"encoding\"");
    ListRule rule;
    const std::string encoding = string_member(v, "encoding", pointer, true);
    if (encoding == "wrapped") {
      rule.encoding = ListRule::Encoding::wrapped;
      if (!v.HasMember("item")) {
        fail(pointer, "a wrapped list needs \"item\", the item element's name");
      }
    } else if (encoding == "repeated") {
      rule.encoding = ListRule::Encoding::repeated;
      for (const char* name : {"item", "item_namespace", "any_item_name"}) {
        if (v.HasMember(name)) {
          fail(pointer + "/" + name, "applies only to \"encoding\": \"wrapped\"");
        }
      }
    } else {
      fail(pointer + "/encoding", "must be \"wrapped\" or \"repeated\", not \"" + encoding + "\"");
    }
    if (v.HasMember("item")) rule.item = string_member(v, "item", pointer, true);
    if (v.HasMember("item_namespace")) {
      rule.item_namespace = namespace_member(v, "item_namespace", pointer);
    }
    if (v.HasMember("any_item_name")) {
      if (!v["any_item_name"].IsBool()) fail(pointer + "/any_item_name", "must be true or false");
      rule.any_item_name = v["any_item_name"].GetBool();
    }
    return rule;
  }

  void order_member(const rapidjson::Value& object, const std::string& pointer,
                    ElementRule& rule) const {
    const auto& v = object["order"];
    const std::string at = pointer + "/order";
    if (v.IsString()) {
      const std::string_view order(v.GetString(), v.GetStringLength());
      if (order == "alphabetical") {
        rule.order = ChildOrder::alphabetical;
      } else if (order == "any") {
        rule.order = ChildOrder::any;
      } else {
        fail(at, "must be \"alphabetical\", \"any\" or an array of element names, not \"" +
                     std::string(order) + "\"");
      }
      return;
    }
    if (!v.IsArray()) fail(at, "must be \"alphabetical\", \"any\" or an array of element names");
    rule.order = ChildOrder::declared;
    for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
      if (!v[i].IsString() || v[i].GetStringLength() == 0) {
        fail(at + "/" + std::to_string(i), "must be an element name");
      }
      rule.declared_order.emplace_back(v[i].GetString(), v[i].GetStringLength());
    }
  }

  // Members shared by the root and every property's rule.
  void element_members(const rapidjson::Value& v, const std::string& pointer,
                       ElementRule& rule) const {
    if (v.HasMember("namespace")) rule.ns = namespace_member(v, "namespace", pointer);
    if (v.HasMember("order")) order_member(v, pointer, rule);
    if (v.HasMember("list")) rule.list = list_rule(v["list"], pointer + "/list");
    if (v.HasMember("enum_names")) {
      const auto& names = v["enum_names"];
      if (!names.IsObject() || names.MemberCount() == 0) {
        fail(pointer + "/enum_names", "must be an object of name: value pairs");
      }
      for (const auto& member : names.GetObject()) {
        if (member.value.IsObject() || member.value.IsArray()) {
          fail(pointer + "/enum_names/" +
                   json::escape_token({member.name.GetString(), member.name.GetStringLength()}),
               "must be a string, number, boolean or null");
        }
        rule.enum_names.emplace_back(
            std::string(member.name.GetString(), member.name.GetStringLength()), &member.value);
      }
    }
    if (v.HasMember("properties")) {
      const auto& properties = v["properties"];
      if (!properties.IsObject()) fail(pointer + "/properties", "must be an object");
      for (const auto& member : properties.GetObject()) {
        const std::string name(member.name.GetString(), member.name.GetStringLength());
        const std::string at = pointer + "/properties/" + json::escape_token(name);
        rule.properties.emplace(name, property_rule(member.value, at));
      }
    }
    if (v.HasMember("items")) {
      rule.items = std::make_shared<ElementRule>(property_rule(v["items"], pointer + "/items"));
    }
  }

  ElementRule property_rule(const rapidjson::Value& v, const std::string& pointer) const {
    if (!v.IsObject()) fail(pointer, "must be an object");
    only_members(v, pointer,
                 {"element", "namespace", "order", "list", "enum_names", "properties", "items",
                  "description"});
    ElementRule rule;
    if (v.HasMember("element")) rule.name = string_member(v, "element", pointer, true);
    element_members(v, pointer, rule);
    return rule;
  }

 private:
  std::string_view text_;
  std::string source_;
};

}  // namespace

XmlRules XmlRules::parse(std::string_view text, const std::string& source_name) {
  XmlRules rules;
  rules.document_ = std::make_shared<rapidjson::Document>();
  Findings findings;
  if (!parse_json(text, Limits{}, *rules.document_, findings) || has_errors(findings)) {
    const Finding& f = findings.front();
    throw XmlRulesError(source_name + ":" + std::to_string(f.line) + ":" +
                        std::to_string(f.column) + ": " + f.message);
  }
  const RulesReader reader(text, source_name);
  const rapidjson::Value& doc = *rules.document_;
  if (!doc.IsObject()) reader.fail("", "a rules file must be a JSON object");
  reader.only_members(
      doc, "",
      {"$schema", "$comment", "description", "root", "namespace", "order", "nil",
       "unknown_elements", "attributes", "booleans", "lists", "properties", "items"});
  if (!doc.HasMember("root")) reader.fail("", "missing member \"root\" (the root element's name)");
  if (!doc.HasMember("order")) {
    reader.fail("", "missing member \"order\" (\"alphabetical\", \"any\" or an array of names)");
  }
  rules.root_.name = reader.string_member(doc, "root", "", true);
  reader.element_members(doc, "", rules.root_);
  if (doc.HasMember("nil")) {
    if (!doc["nil"].IsBool()) reader.fail("/nil", "must be true or false");
    rules.nil_ = doc["nil"].GetBool();
  }
  if (doc.HasMember("unknown_elements")) {
    const std::string policy = reader.string_member(doc, "unknown_elements", "", true);
    if (policy != "keep" && policy != "error") {
      reader.fail("/unknown_elements", "must be \"keep\" or \"error\", not \"" + policy + "\"");
    }
    rules.unknown_elements_are_errors_ = policy == "error";
  }
  if (doc.HasMember("attributes")) {
    const std::string policy = reader.string_member(doc, "attributes", "", true);
    if (policy != "forbid" && policy != "allow") {
      reader.fail("/attributes", "must be \"forbid\" or \"allow\", not \"" + policy + "\"");
    }
    rules.attributes_allowed_ = policy == "allow";
  }
  if (doc.HasMember("booleans")) {
    const std::string spelling = reader.string_member(doc, "booleans", "", true);
    if (spelling != "true-false" && spelling != "xs:boolean") {
      reader.fail("/booleans",
                  "must be \"true-false\" or \"xs:boolean\", not \"" + spelling + "\"");
    }
    rules.numeric_booleans_ = spelling == "xs:boolean";
  }
  if (doc.HasMember("lists")) rules.default_list_ = reader.list_rule(doc["lists"], "/lists");
  return rules;
}

XmlRules XmlRules::load(const std::filesystem::path& path) {
  const auto bytes = text::read_file_bytes(path);
  if (!bytes) throw XmlRulesError(path.string() + ": cannot read the XML rules file");
  return parse(*bytes, path.string());
}

}  // namespace conform::codec
