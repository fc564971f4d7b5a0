#include "codec/xml_encoder.hpp"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/scalar_text.hpp"
#include "json/pointer.hpp"
#include "text/markup.hpp"

namespace conform::codec {
namespace {

bool is_name_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool is_xml_name(std::string_view name) {
  if (name.empty() || !is_name_start(static_cast<unsigned char>(name[0]))) return false;
  if (name.size() >= 3 && (name[0] == 'x' || name[0] == 'X') &&
      (name[1] == 'm' || name[1] == 'M') && (name[2] == 'l' || name[2] == 'L')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

bool contains_null(const rapidjson::Value& value) {
  std::vector<const rapidjson::Value*> stack{&value};
  while (!stack.empty()) {
    const rapidjson::Value* v = stack.back();
    stack.pop_back();
    if (v->IsNull()) return true;
    if (v->IsObject()) {
      for (const auto& m : v->GetObject()) stack.push_back(&m.value);
    } else if (v->IsArray()) {
      for (const auto& item : v->GetArray()) stack.push_back(&item);
    }
  }
  return false;
}

class XmlEncoder {
 public:
  XmlEncoder(const XmlRules& rules, const SchemaView& schema, std::string& out, Findings& findings)
      : rules_(rules), schema_(schema), out_(out), findings_(findings) {}

  bool run(const rapidjson::Value& value);

 private:
  struct Scope {
    NamespaceRule ns;        // what the children must be in
    std::string default_ns;  // the default namespace in effect for the children
    ChildOrder order = ChildOrder::any;
  };

  void fail(const std::string& pointer, std::string message, Severity severity = Severity::error) {
    Finding f;
    f.severity = severity;
    f.pointer = pointer;
    f.keyword = "xml-encode";
    f.message = std::move(message);
    findings_.push_back(std::move(f));
  }

  void indent(std::size_t depth) {
    out_ += '\n';
    out_.append(depth * 2, ' ');
  }

  // Writes <name attrs>value</name>; `ns` is the namespace the element must be in,
  // `prefix` a declared prefix for it (list items) or empty.
  void element(std::string_view name, const rapidjson::Value& value, SchemaNode schema,
               const ElementRule* rule, const NamespaceRule& ns, const Scope& parent,
               std::string_view prefix, const std::string& pointer, std::size_t depth,
               std::string extra_attributes = {});
  void members(const rapidjson::Value& object, SchemaNode schema, const ElementRule* rule,
               const Scope& scope, const std::string& pointer, std::size_t depth);

  const XmlRules& rules_;
  const SchemaView& schema_;
  std::string& out_;
  Findings& findings_;
  std::string nil_prefix_ = "i";
};

void XmlEncoder::element(std::string_view name, const rapidjson::Value& value, SchemaNode schema,
                         const ElementRule* rule, const NamespaceRule& ns, const Scope& parent,
                         std::string_view prefix, const std::string& pointer, std::size_t depth,
                         std::string extra_attributes) {
  if (!is_xml_name(name)) {
    fail(pointer, "\"" + std::string(name) + "\" is not an XML element name");
    return;
  }
  const std::string qualified =
      prefix.empty() ? std::string(name) : std::string(prefix) + ":" + std::string(name);
  Scope inner;
  inner.order = rule != nullptr && rule->order ? *rule->order : parent.order;
  inner.default_ns = parent.default_ns;
  std::string attributes = std::move(extra_attributes);
  if (prefix.empty() && ns.kind != NamespaceRule::Kind::unchecked) {
    const std::string wanted = ns.kind == NamespaceRule::Kind::uri ? ns.uri : std::string();
    if (wanted != parent.default_ns) {
      attributes += " xmlns=\"";
      text::append_markup_escaped(wanted, attributes, text::kXmlAttribute);
      attributes += '"';
      inner.default_ns = wanted;
    }
  }
  inner.ns = ns;
  out_ += '<';
  out_ += qualified;
  out_ += attributes;
  if (value.IsNull()) {
    out_ += ' ' + nil_prefix_ + ":nil=\"true\"/>";
    if (!rules_.nil_allowed()) fail(pointer, "null has no XML form here: xsi:nil is not allowed");
    return;
  }
  if (value.IsObject()) {
    out_ += '>';
    const std::size_t open_end = out_.size();
    members(value, schema, rule, inner, pointer, depth + 1);
    if (out_.size() == open_end) {  // nothing inside: <Name/>
      out_.back() = '/';
      out_ += '>';
      return;
    }
    indent(depth);
  } else if (value.IsArray()) {
    // A list inside a list (or at the root) is written wrapped.
    const ListRule& list = rule != nullptr && rule->list ? *rule->list : rules_.default_list();
    const std::string item = list.item.empty() ? std::string("item") : list.item;
    std::string item_prefix;
    NamespaceRule item_ns = list.item_namespace;
    if (item_ns.kind == NamespaceRule::Kind::uri && item_ns.uri != inner.default_ns) {
      item_prefix = "d" + std::to_string(depth + 1) + "p1";
      out_ += " xmlns:" + item_prefix + "=\"";
      text::append_markup_escaped(item_ns.uri, out_, text::kXmlAttribute);
      out_ += '"';
    } else if (item_ns.kind == NamespaceRule::Kind::unchecked) {
      item_ns = inner.ns;
    }
    out_ += '>';
    const SchemaNode items = schema_.items(schema);
    const ElementRule* items_rule = rule != nullptr ? rule->items.get() : nullptr;
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      indent(depth + 1);
      element(item, value[i], items, items_rule, item_prefix.empty() ? item_ns : NamespaceRule{},
              inner, item_prefix, json::child_pointer(pointer, std::to_string(i)), depth + 1);
      if (value[i].IsArray()) fail(pointer, "a list inside a list has no XML form in these rules");
    }
    if (value.Empty()) {
      out_.back() = '/';
      out_ += '>';
      return;
    }
    indent(depth);
  } else {
    std::string content;
    if (rule != nullptr && !rule->enum_names.empty()) {
      for (const auto& [enum_name, enum_value] : rule->enum_names) {
        if (*enum_value == value) {
          content = enum_name;
          break;
        }
      }
      if (content.empty()) {
        content = scalar_text(value);
        fail(pointer, "the value " + content + " has no name in this element's enum_names",
             Severity::warning);
      }
    } else {
      content = scalar_text(value);
    }
    if (content.empty()) {
      out_ += "/>";
      return;
    }
    out_ += '>';
    text::append_markup_escaped(content, out_, text::kXmlText);
  }
  out_ += "</";
  out_ += qualified;
  out_ += '>';
}

void XmlEncoder::members(const rapidjson::Value& object, SchemaNode schema, const ElementRule* rule,
                         const Scope& scope, const std::string& pointer, std::size_t depth) {
  struct Child {
    std::string property;
    std::string name;  // element name
    const rapidjson::Value* value;
    const ElementRule* rule;
  };
  std::vector<Child> children;
  for (const auto& m : object.GetObject()) {
    std::string property(m.name.GetString(), m.name.GetStringLength());
    const ElementRule* child_rule = nullptr;
    if (rule != nullptr) {
      const auto it = rule->properties.find(property);
      if (it != rule->properties.end()) child_rule = &it->second;
    }
    std::string name =
        child_rule != nullptr && !child_rule->name.empty() ? child_rule->name : property;
    children.push_back({std::move(property), std::move(name), &m.value, child_rule});
  }
  if (scope.order == ChildOrder::alphabetical) {
    std::stable_sort(children.begin(), children.end(),
                     [](const Child& a, const Child& b) { return a.name < b.name; });
  } else if (scope.order == ChildOrder::declared && rule != nullptr) {
    const auto& declared = rule->declared_order;
    const auto rank = [&](const std::string& name) {
      const auto it = std::find(declared.begin(), declared.end(), name);
      return static_cast<std::size_t>(it - declared.begin());
    };
    std::stable_sort(children.begin(), children.end(),
                     [&](const Child& a, const Child& b) { return rank(a.name) < rank(b.name); });
  }
  for (const Child& child : children) {
    const std::string child_pointer = json::child_pointer(pointer, child.property);
    const SchemaNode property_schema = schema_.property(schema, child.property);
    const NamespaceRule ns = child.rule != nullptr && child.rule->ns ? *child.rule->ns : scope.ns;
    const unsigned types = schema_.types(property_schema);
    const bool list_typed =
        child.value->IsArray() && (types == kTypeAny || (types & kTypeArray) != 0);
    const ListRule& list =
        child.rule != nullptr && child.rule->list ? *child.rule->list : rules_.default_list();
    if (list_typed && list.encoding == ListRule::Encoding::repeated) {
      if (child.value->Empty()) {
        fail(child_pointer,
             "an empty list has no form in the repeated encoding: <" + child.name +
                 "> is left out, and reads back as a missing member",
             Severity::warning);
      }
      const SchemaNode items = schema_.items(property_schema);
      const ElementRule* items_rule = child.rule != nullptr ? child.rule->items.get() : nullptr;
      for (rapidjson::SizeType i = 0; i < child.value->Size(); ++i) {
        const rapidjson::Value& item = (*child.value)[i];
        if (item.IsArray()) {
          fail(child_pointer, "a list inside a list has no XML form in these rules");
          continue;
        }
        indent(depth);
        element(child.name, item, items, items_rule, ns, scope, "",
                json::child_pointer(child_pointer, std::to_string(i)), depth);
      }
      continue;
    }
    indent(depth);
    element(child.name, *child.value, property_schema, child.rule, ns, scope, "", child_pointer,
            depth);
  }
}

bool XmlEncoder::run(const rapidjson::Value& value) {
  const ElementRule& root = rules_.root();
  const std::string name = root.name.empty() ? std::string("root") : root.name;
  std::string attributes;
  if (contains_null(value)) {
    attributes = " xmlns:" + nil_prefix_ + "=\"" + std::string(kXsiNamespace) + "\"";
  }
  Scope top;
  top.order = root.order ? *root.order : ChildOrder::any;
  const NamespaceRule ns = root.ns ? *root.ns : NamespaceRule{};
  const std::size_t errors_before = static_cast<std::size_t>(
      std::count_if(findings_.begin(), findings_.end(),
                    [](const Finding& f) { return f.severity == Severity::error; }));
  element(name, value, schema_.root(), &root, ns, top, "", "", 0, attributes);
  out_ += '\n';
  const std::size_t errors_after = static_cast<std::size_t>(
      std::count_if(findings_.begin(), findings_.end(),
                    [](const Finding& f) { return f.severity == Severity::error; }));
  return errors_after == errors_before;
}

}  // namespace

bool encode_xml(const rapidjson::Value& value, const XmlRules& rules, const SchemaView& schema,
                std::string& out, Findings& findings) {
  return XmlEncoder(rules, schema, out, findings).run(value);
}

}  // namespace conform::codec
