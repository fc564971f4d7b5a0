#include "codec/xml_decoder.hpp"

#include <algorithm>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codec/scalar_text.hpp"
#include "json/pointer.hpp"
#include "text/utf8.hpp"

namespace conform::codec {
namespace {

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

// No parse_escapes: entities are decoded here, so an undeclared one (a DTD's &lol;) is a
// finding rather than text. parse_doctype keeps a DOCTYPE visible so it can be refused.
constexpr unsigned kParseOptions = pugi::parse_cdata | pugi::parse_eol | pugi::parse_ws_pcdata |
                                   pugi::parse_doctype | pugi::parse_declaration;

std::string_view local_name(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view prefix_of(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return colon == std::string_view::npos ? std::string_view() : qualified.substr(0, colon);
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// The namespace a prefix ("" for the default) is bound to at `node`; nullopt when the
// prefix is not declared.
std::optional<std::string_view> resolve_prefix(pugi::xml_node node, std::string_view prefix) {
  if (prefix == "xml") return kXmlNamespace;
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attribute.c_str())) return a.value();
  }
  if (prefix.empty()) return std::string_view();
  return std::nullopt;
}

std::string hex_byte(unsigned char c) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 0xF];
}

class XmlDecoder {
 public:
  XmlDecoder(std::string_view bytes, const XmlRules& rules, const SchemaView& schema,
             const Limits& limits, rapidjson::Document& out, Findings& findings,
             TableSourceMap& map)
      : bytes_(bytes),
        rules_(rules),
        schema_(schema),
        limits_(limits),
        allocator_(out.GetAllocator()),
        out_(out),
        findings_(findings),
        map_(map) {}

  bool run();

 private:
  struct Scope {
    NamespaceRule ns;  // the namespace this element's children must be in
    ChildOrder order = ChildOrder::any;
    // The wrong namespace an ancestor was reported in: descendants in the same one are
    // not reported again (one finding for a document without its namespace).
    std::optional<std::string> misplaced;
  };

  std::size_t offset_of(pugi::xml_node node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return 0;
    // A DOCTYPE's or declaration's offset is its content: back up to its "<!" or "<?".
    if (node.type() == pugi::node_doctype || node.type() == pugi::node_declaration) {
      const std::size_t open = bytes_.rfind('<', static_cast<std::size_t>(offset));
      return open == std::string_view::npos ? 0 : open;
    }
    // An element's offset is its name; the caret goes under its '<'.
    return node.type() == pugi::node_element && offset > 0 ? static_cast<std::size_t>(offset) - 1
                                                           : static_cast<std::size_t>(offset);
  }

  Finding& report(pugi::xml_node node, const std::string& pointer, const std::string& xpath,
                  std::string keyword, std::string message) {
    const std::size_t length =
        node.type() == pugi::node_element ? std::string_view(node.name()).size() + 1 : 1;
    findings_.push_back(map_.finding_at(offset_of(node), length, xpath, pointer, std::move(keyword),
                                        std::move(message)));
    return findings_.back();
  }

  void remember(pugi::xml_node node, const std::string& pointer, const std::string& xpath) {
    map_.add(pointer, offset_of(node), std::string_view(node.name()).size() + 1, xpath);
  }

  // Text of an element's content, entities decoded; false when an entity is not one of
  // XML's five or a character reference (then a finding says which).
  bool text_of(pugi::xml_node node, const std::string& pointer, const std::string& xpath,
               std::string& text);
  // xsi:nil, namespace declarations and (unless allowed) nothing else.
  bool check_attributes(pugi::xml_node node, const std::string& pointer, const std::string& xpath);
  // Returns the wrong namespace `node` is in (reported unless its parent already was).
  std::optional<std::string> check_namespace(pugi::xml_node node, const NamespaceRule& rule,
                                             const Scope& parent, const std::string& pointer,
                                             const std::string& xpath);
  void check_order(const std::vector<pugi::xml_node>& children, const Scope& scope,
                   const ElementRule* rule, const std::string& pointer, const std::string& xpath);
  // The element children of `node`; non-blank text among them is mixed content.
  std::vector<pugi::xml_node> element_children(pugi::xml_node node, const std::string& pointer,
                                               const std::string& xpath);

  void decode_value(pugi::xml_node node, SchemaNode schema, const ElementRule* rule,
                    const Scope& scope, const std::string& pointer, const std::string& xpath,
                    std::size_t depth, rapidjson::Value& out);
  void decode_object(pugi::xml_node node, SchemaNode schema, const ElementRule* rule,
                     const Scope& scope, const std::string& pointer, const std::string& xpath,
                     std::size_t depth, rapidjson::Value& out);
  void decode_wrapped_list(pugi::xml_node node, SchemaNode schema, const ElementRule* rule,
                           const ListRule& list, const Scope& scope, const std::string& pointer,
                           const std::string& xpath, std::size_t depth, rapidjson::Value& out);
  bool enter(pugi::xml_node node, const std::string& pointer, const std::string& xpath,
             std::size_t depth);

  std::string_view bytes_;
  const XmlRules& rules_;
  const SchemaView& schema_;
  const Limits& limits_;
  rapidjson::Document::AllocatorType& allocator_;
  rapidjson::Document& out_;
  Findings& findings_;
  TableSourceMap& map_;
  std::size_t elements_ = 0;
  bool over_limit_ = false;
};

// "/a/b" + "c" (+ "[2]" when `index` is set).
std::string append_xpath(const std::string& xpath, std::string_view name,
                         std::optional<std::size_t> index = std::nullopt) {
  std::string out = xpath + "/" + std::string(name);
  if (index) out += "[" + std::to_string(*index) + "]";
  return out;
}

bool decode_entity(std::string_view entity, std::string& out) {
  if (entity == "lt") {
    out += '<';
  } else if (entity == "gt") {
    out += '>';
  } else if (entity == "amp") {
    out += '&';
  } else if (entity == "quot") {
    out += '"';
  } else if (entity == "apos") {
    out += '\'';
  } else if (entity.size() >= 2 && entity[0] == '#') {
    const bool hex = entity[1] == 'x';
    const std::string_view digits = entity.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return false;
    unsigned long cp = 0;
    for (const char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) return false;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
    }
    const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!allowed) return false;
    text::append_utf8(static_cast<unsigned>(cp), out);
  } else {
    return false;
  }
  return true;
}

bool XmlDecoder::text_of(pugi::xml_node node, const std::string& pointer, const std::string& xpath,
                         std::string& text) {
  bool ok = true;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const std::string_view raw = child.value();
    if (child.type() == pugi::node_cdata) {
      text += raw;
      continue;
    }
    if (child.type() != pugi::node_pcdata) continue;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        const std::size_t amp = std::min(raw.find('&', i), raw.size());
        text.append(raw.data() + i, amp - i);
        i = amp - 1;
        continue;
      }
      const std::size_t semicolon = raw.find(';', i);
      const std::string_view entity = semicolon == std::string_view::npos
                                          ? raw.substr(i + 1)
                                          : raw.substr(i + 1, semicolon - i - 1);
      if (semicolon == std::string_view::npos || !decode_entity(entity, text)) {
        Finding& f = report(node, pointer, xpath, "xml-entity",
                            "\"&" + std::string(entity.substr(0, 32)) +
                                (semicolon == std::string_view::npos ? "\"" : ";\"") +
                                " is not an XML entity (only &lt; &gt; &amp; &quot; &apos; and "
                                "character references; DTD entities are never expanded)");
        f.actual = "&" + std::string(entity.substr(0, 32));
        ok = false;
        if (semicolon == std::string_view::npos) break;
      }
      i = semicolon;
    }
  }
  return ok;
}

bool XmlDecoder::check_attributes(pugi::xml_node node, const std::string& pointer,
                                  const std::string& xpath) {
  bool nil = false;
  for (const pugi::xml_attribute a : node.attributes()) {
    const std::string_view name = a.name();
    if (name == "xmlns" || name.substr(0, 6) == "xmlns:") continue;
    const std::string_view prefix = prefix_of(name);
    const auto ns = prefix.empty() ? std::optional<std::string_view>(std::string_view())
                                   : resolve_prefix(node, prefix);
    if (!ns) {
      report(node, pointer, xpath, "xml-namespace",
             "the attribute prefix \"" + std::string(prefix) + "\" is not declared");
      continue;
    }
    if (*ns == kXsiNamespace && local_name(name) == "nil") {
      const std::string_view value = a.value();
      if (value == "true") {
        nil = true;
      } else if (value != "false") {
        Finding& f =
            report(node, pointer, xpath, "xml-nil", std::string(name) + " must be true or false");
        f.expected = "true or false";
        f.actual = std::string(value);
      }
      continue;
    }
    if (!rules_.attributes_allowed()) {
      Finding& f = report(node, pointer, xpath, "xml-attribute",
                          "unexpected attribute " + std::string(name) + " on <" +
                              std::string(local_name(node.name())) +
                              ">: this message's XML carries data in elements only");
      f.actual = std::string(name);
    }
  }
  if (nil && !rules_.nil_allowed()) {
    report(node, pointer, xpath, "xml-nil", "xsi:nil is not allowed in this message");
    return false;
  }
  return nil;
}

std::optional<std::string> XmlDecoder::check_namespace(pugi::xml_node node,
                                                       const NamespaceRule& rule,
                                                       const Scope& parent,
                                                       const std::string& pointer,
                                                       const std::string& xpath) {
  const std::string_view prefix = prefix_of(node.name());
  if (rule.kind == NamespaceRule::Kind::unchecked && prefix.empty()) return std::nullopt;
  const auto ns = resolve_prefix(node, prefix);
  if (!ns) {
    report(node, pointer, xpath, "xml-namespace",
           "the prefix \"" + std::string(prefix) + "\" of <" + node.name() + "> is not declared");
    return std::nullopt;
  }
  if (rule.accepts(*ns)) return std::nullopt;
  if (parent.misplaced == *ns) return std::string(*ns);
  const std::string expected =
      rule.kind == NamespaceRule::Kind::none ? "no namespace" : "\"" + rule.uri + "\"";
  const std::string actual = ns->empty() ? "no namespace" : "\"" + std::string(*ns) + "\"";
  Finding& f = report(node, pointer, xpath, "xml-namespace",
                      "<" + std::string(local_name(node.name())) + "> is in " + actual +
                          " but must be in " + expected);
  f.expected = expected;
  f.actual = actual;
  return std::string(*ns);
}

std::vector<pugi::xml_node> XmlDecoder::element_children(pugi::xml_node node,
                                                         const std::string& pointer,
                                                         const std::string& xpath) {
  std::vector<pugi::xml_node> children;
  bool reported_text = false;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element) {
      children.push_back(child);
    } else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
               !is_blank(child.value()) && !reported_text) {
      reported_text = true;
      const Location at = map_.location_at(offset_of(child), 1, xpath);
      Finding f;
      f.pointer = pointer;
      f.xpath = xpath;
      f.line = at.line;
      f.column = at.column;
      f.keyword = "xml-mixed-text";
      std::string text = child.value();
      if (text.size() > 40) text = text.substr(0, 40) + "...";
      f.message = "text directly inside <" + std::string(local_name(node.name())) +
                  ">, which holds elements only";
      f.actual = text;
      findings_.push_back(std::move(f));
    }
  }
  return children;
}

void XmlDecoder::check_order(const std::vector<pugi::xml_node>& children, const Scope& scope,
                             const ElementRule* rule, const std::string& pointer,
                             const std::string& xpath) {
  if (scope.order == ChildOrder::any || children.size() < 2) return;
  // Ranks: alphabetical compares names ordinally (as data-contract serializers do);
  // declared uses positions in the rules' list, and skips names it does not list.
  const std::vector<std::string>* declared = nullptr;
  if (scope.order == ChildOrder::declared) {
    declared = rule != nullptr && !rule->declared_order.empty() ? &rule->declared_order : nullptr;
    if (declared == nullptr) return;
  }
  const auto rank = [&](std::string_view name) -> long {
    const auto it = std::find(declared->begin(), declared->end(), name);
    return it == declared->end() ? -1 : static_cast<long>(it - declared->begin());
  };
  const auto before = [&](std::string_view a, std::string_view b) {
    if (declared == nullptr) return a < b;
    const long ra = rank(a);
    const long rb = rank(b);
    return ra >= 0 && rb >= 0 && ra < rb;
  };
  std::size_t furthest = 0;  // the child that stands furthest along the order so far
  for (std::size_t i = 1; i < children.size(); ++i) {
    const std::string_view name = local_name(children[i].name());
    const std::string_view top = local_name(children[furthest].name());
    if (before(name, top)) {
      std::size_t j = 0;
      while (j < i && !before(name, local_name(children[j].name()))) ++j;
      const std::string_view should_precede = local_name(children[j].name());
      Finding& f = report(
          children[i], json::child_pointer(pointer, name), append_xpath(xpath, name), "xml-order",
          "<" + std::string(name) +
              "> is out of order: " + (declared == nullptr ? "alphabetical" : "the declared") +
              " order puts it before <" + std::string(should_precede) + ">");
      f.expected = "<" + std::string(name) + "> before <" + std::string(should_precede) + ">";
      f.actual = "<" + std::string(name) + "> after <" + std::string(top) + ">";
    } else if (declared == nullptr || rank(name) >= 0) {
      if (declared == nullptr || rank(top) < 0 || rank(name) > rank(top)) furthest = i;
    }
  }
  (void)rule;
}

bool XmlDecoder::enter(pugi::xml_node node, const std::string& pointer, const std::string& xpath,
                       std::size_t depth) {
  if (over_limit_) return false;
  if (++elements_ > limits_.max_xml_elements) {
    over_limit_ = true;
    report(node, pointer, xpath, "limit",
           "more than " + std::to_string(limits_.max_xml_elements) + " elements");
    return false;
  }
  if (depth > limits_.max_depth) {
    over_limit_ = true;
    report(node, pointer, xpath, "limit",
           "elements nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    return false;
  }
  return true;
}

void XmlDecoder::decode_value(pugi::xml_node node, SchemaNode schema, const ElementRule* rule,
                              const Scope& scope, const std::string& pointer,
                              const std::string& xpath, std::size_t depth, rapidjson::Value& out) {
  if (!enter(node, pointer, xpath, depth)) return;
  remember(node, pointer, xpath);
  const bool nil = check_attributes(node, pointer, xpath);
  if (nil) {
    const bool has_content =
        !node.find_child([](pugi::xml_node c) {
               return c.type() == pugi::node_element ||
                      ((c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) &&
                       !is_blank(c.value()));
             })
             .empty();
    if (has_content) {
      report(node, pointer, xpath, "xml-nil", "an element with xsi:nil=\"true\" must be empty");
    }
    out.SetNull();
    return;
  }
  Scope inner = scope;
  if (rule != nullptr && rule->ns) inner.ns = *rule->ns;
  if (rule != nullptr && rule->order) inner.order = *rule->order;

  const unsigned types = schema_.types(schema);
  const bool has_elements =
      !node.find_child([](pugi::xml_node c) { return c.type() == pugi::node_element; }).empty();
  if (rule != nullptr && !rule->enum_names.empty()) {
    std::string text;
    if (!text_of(node, pointer, xpath, text)) {
      out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator_);
      return;
    }
    for (const auto& [name, value] : rule->enum_names) {
      if (name == text) {
        out.CopyFrom(*value, allocator_);
        return;
      }
    }
    std::string names;
    for (const auto& entry : rule->enum_names) names += (names.empty() ? "" : ", ") + entry.first;
    // The value a name stands for, written instead of the name: say which name to write.
    const std::string* name_of_value = nullptr;
    for (const auto& [name, value] : rule->enum_names) {
      if (scalar_text(*value) == text) name_of_value = &name;
    }
    if (name_of_value != nullptr) {
      Finding& f = report(node, pointer, xpath, "xml-enum",
                          "\"" + text + "\" is the number of " + *name_of_value +
                              "; in XML this element takes the name: " + *name_of_value);
      f.expected = *name_of_value;
      f.actual = text;
      out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator_);
      return;
    }
    Finding& f = report(node, pointer, xpath, "xml-enum",
                        "\"" + text + "\" is not a name this element accepts (" + names + ")");
    f.expected = "one of " + names;
    f.actual = text;
    out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator_);
    return;
  }
  const bool object_wanted =
      (types & kTypeObject) != 0 && (has_elements || (types & ~(kTypeObject | kTypeNull)) == 0);
  if (object_wanted || (types == kTypeAny && has_elements)) {
    decode_object(node, schema, rule, inner, pointer, xpath, depth, out);
    return;
  }
  if ((types & kTypeArray) != 0 && (has_elements || (types & ~(kTypeArray | kTypeNull)) == 0)) {
    // An array inside a list (or at the root): written wrapped.
    const ListRule& list = rule != nullptr && rule->list ? *rule->list : rules_.default_list();
    decode_wrapped_list(node, schema_.items(schema), rule != nullptr ? rule->items.get() : nullptr,
                        list, inner, pointer, xpath, depth, out);
    return;
  }
  if (has_elements) {
    const pugi::xml_node first =
        node.find_child([](pugi::xml_node c) { return c.type() == pugi::node_element; });
    Finding& f = report(first, pointer, xpath, "xml-unexpected-element",
                        "<" + std::string(local_name(node.name())) +
                            "> holds a single value, not elements like <" +
                            std::string(local_name(first.name())) + ">");
    f.actual = "<" + std::string(local_name(first.name())) + ">";
  }
  std::string text;
  if (!text_of(node, pointer, xpath, text)) {
    out.SetString(text.data(), static_cast<rapidjson::SizeType>(text.size()), allocator_);
    return;
  }
  ScalarProblem problem;
  if (!read_scalar(text, types == kTypeAny ? unsigned{kTypeString} : types, out, allocator_,
                   problem, rules_.numeric_booleans())) {
    Finding& f = report(node, pointer, xpath, "xml-" + problem.keyword,
                        "<" + std::string(local_name(node.name())) + ">: " + problem.message);
    f.expected = problem.expected;
    f.actual = text;
  }
}

void XmlDecoder::decode_object(pugi::xml_node node, SchemaNode schema, const ElementRule* rule,
                               const Scope& scope, const std::string& pointer,
                               const std::string& xpath, std::size_t depth, rapidjson::Value& out) {
  out.SetObject();
  const std::vector<pugi::xml_node> children = element_children(node, pointer, xpath);
  check_order(children, scope, rule, pointer, xpath);

  // Children grouped by name, in order of first appearance.
  std::vector<std::pair<std::string_view, std::vector<pugi::xml_node>>> groups;
  std::unordered_map<std::string_view, std::size_t> group_of;  // only for many children
  for (const pugi::xml_node child : children) {
    const std::string_view name = local_name(child.name());
    std::size_t group = groups.size();
    if (children.size() <= 32) {
      for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].first == name) group = g;
      }
    } else {
      group = group_of.emplace(name, groups.size()).first->second;
    }
    if (group == groups.size()) groups.emplace_back(name, std::vector<pugi::xml_node>{});
    groups[group].second.push_back(child);
  }

  for (const auto& [element_name, nodes] : groups) {
    // The property this element stands for ("element" in the rules renames it).
    std::string property(element_name);
    const ElementRule* property_rule = nullptr;
    if (rule != nullptr) {
      for (const auto& [name, candidate] : rule->properties) {
        if (candidate.name.empty() ? name == element_name : candidate.name == element_name) {
          property = name;
          property_rule = &candidate;
          break;
        }
      }
    }
    const std::string member_pointer = json::child_pointer(pointer, property);
    const SchemaNode property_schema = schema_.property(schema, property);
    if (rules_.unknown_elements_are_errors() && !property_schema && property_rule == nullptr &&
        schema && schema_.types(schema) != kTypeAny && !schema_.declares(schema, property)) {
      for (std::size_t i = 0; i < nodes.size(); ++i) {
        Finding& f = report(
            nodes[i], member_pointer,
            append_xpath(xpath, element_name,
                         nodes.size() > 1 ? std::optional<std::size_t>(i + 1) : std::nullopt),
            "xml-unknown-element",
            "<" + std::string(element_name) + "> is not an element of <" +
                std::string(local_name(node.name())) + ">");
        f.actual = "<" + std::string(element_name) + ">";
      }
      continue;
    }
    const NamespaceRule child_ns =
        property_rule != nullptr && property_rule->ns ? *property_rule->ns : scope.ns;
    Scope child_scope{child_ns, scope.order, scope.misplaced};
    const unsigned types = schema_.types(property_schema);
    const bool is_list = types != kTypeAny && (types & kTypeArray) != 0;
    rapidjson::Value value;
    if (is_list) {
      const ListRule& list = property_rule != nullptr && property_rule->list
                                 ? *property_rule->list
                                 : rules_.default_list();
      const SchemaNode items = schema_.items(property_schema);
      const ElementRule* items_rule =
          property_rule != nullptr ? property_rule->items.get() : nullptr;
      if (list.encoding == ListRule::Encoding::repeated) {
        value.SetArray();
        map_.add(member_pointer, offset_of(nodes.front()), element_name.size() + 1,
                 append_xpath(xpath, element_name));
        for (std::size_t i = 0; i < nodes.size(); ++i) {
          const std::string item_xpath =
              append_xpath(xpath, element_name,
                           nodes.size() > 1 ? std::optional<std::size_t>(i + 1) : std::nullopt);
          const std::string item_pointer = json::child_pointer(member_pointer, std::to_string(i));
          Scope item_scope = child_scope;
          item_scope.misplaced =
              check_namespace(nodes[i], child_ns, scope, item_pointer, item_xpath);
          rapidjson::Value item;
          decode_value(nodes[i], items, items_rule, item_scope, item_pointer, item_xpath, depth + 1,
                       item);
          value.PushBack(item, allocator_);
        }
      } else {
        for (std::size_t i = 1; i < nodes.size(); ++i) {
          report(nodes[i], member_pointer, append_xpath(xpath, element_name, i + 1),
                 "xml-duplicate-element",
                 "<" + std::string(element_name) +
                     "> appears more than once; its items "
                     "belong inside one <" +
                     std::string(element_name) + "> element");
        }
        const std::string list_xpath = append_xpath(xpath, element_name);
        child_scope.misplaced =
            check_namespace(nodes.front(), child_ns, scope, member_pointer, list_xpath);
        decode_wrapped_list(nodes.front(), items, items_rule, list, child_scope, member_pointer,
                            list_xpath, depth + 1, value);
      }
    } else if (types == kTypeAny && nodes.size() > 1) {
      // An element the schema does not know, repeated: keep every one, as a list.
      value.SetArray();
      for (std::size_t i = 0; i < nodes.size(); ++i) {
        rapidjson::Value item;
        decode_value(nodes[i], {}, nullptr, child_scope,
                     json::child_pointer(member_pointer, std::to_string(i)),
                     append_xpath(xpath, element_name, i + 1), depth + 1, item);
        value.PushBack(item, allocator_);
      }
    } else {
      for (std::size_t i = 1; i < nodes.size(); ++i) {
        Finding& f =
            report(nodes[i], member_pointer, append_xpath(xpath, element_name, i + 1),
                   "xml-duplicate-element",
                   "<" + std::string(element_name) + "> appears " + std::to_string(nodes.size()) +
                       " times, but it holds one value; receivers keep only one");
        f.actual = std::to_string(nodes.size()) + " elements";
        f.expected = "1 element";
      }
      const std::string child_xpath = append_xpath(xpath, element_name);
      child_scope.misplaced =
          check_namespace(nodes.front(), child_ns, scope, member_pointer, child_xpath);
      decode_value(nodes.front(), property_schema, property_rule, child_scope, member_pointer,
                   child_xpath, depth + 1, value);
    }
    out.AddMember(rapidjson::Value(property.data(),
                                   static_cast<rapidjson::SizeType>(property.size()), allocator_),
                  value, allocator_);
  }
}

void XmlDecoder::decode_wrapped_list(pugi::xml_node node, SchemaNode items,
                                     const ElementRule* items_rule, const ListRule& list,
                                     const Scope& scope, const std::string& pointer,
                                     const std::string& xpath, std::size_t depth,
                                     rapidjson::Value& out) {
  if (!enter(node, pointer, xpath, depth)) return;
  remember(node, pointer, xpath);
  if (check_attributes(node, pointer, xpath)) {
    out.SetNull();
    return;
  }
  out.SetArray();
  const std::vector<pugi::xml_node> children = element_children(node, pointer, xpath);
  const NamespaceRule item_ns =
      list.item_namespace.kind != NamespaceRule::Kind::unchecked ? list.item_namespace : scope.ns;
  std::unordered_map<std::string_view, std::size_t> same_name;
  for (const pugi::xml_node child : children) ++same_name[local_name(child.name())];
  std::unordered_map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const std::string_view name = local_name(children[i].name());
    const std::size_t nth = ++seen[name];
    const std::string item_xpath = append_xpath(
        xpath, name, same_name[name] > 1 ? std::optional<std::size_t>(nth) : std::nullopt);
    const std::string item_pointer = json::child_pointer(pointer, std::to_string(i));
    if (!list.any_item_name && name != list.item) {
      Finding& f = report(children[i], item_pointer, item_xpath, "xml-unknown-element",
                          "<" + std::string(local_name(node.name())) + "> holds <" + list.item +
                              "> items, not <" + std::string(name) + ">");
      f.expected = "<" + list.item + ">";
      f.actual = "<" + std::string(name) + ">";
    }
    Scope item_scope{item_ns, scope.order, std::nullopt};
    item_scope.misplaced = check_namespace(children[i], item_ns, scope, item_pointer, item_xpath);
    rapidjson::Value item;
    decode_value(children[i], items, items_rule, item_scope, item_pointer, item_xpath, depth + 1,
                 item);
    out.PushBack(item, allocator_);
  }
}

bool XmlDecoder::run() {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(bytes_.data(), bytes_.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed) {
    const Location at = map_.location_at(
        static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), 1, "");
    Finding f;
    f.line = at.line;
    f.column = at.column;
    f.keyword = "syntax";
    f.message = std::string("not well-formed XML: ") + parsed.description();
    findings_.push_back(std::move(f));
    return false;
  }
  pugi::xml_node root;
  for (pugi::xml_node child = document.first_child(); child; child = child.next_sibling()) {
    switch (child.type()) {
      case pugi::node_doctype: {
        report(child, "", "", "xml-doctype",
               "a DOCTYPE declaration: conform never processes DTDs (no entity expansion, no "
               "external entities), and this message does not use one");
        return false;
      }
      case pugi::node_declaration: {
        const std::string_view encoding = child.attribute("encoding").value();
        if (!encoding.empty() && encoding != "utf-8" && encoding != "UTF-8" && encoding != "utf8" &&
            encoding != "UTF8") {
          Finding& f = report(child, "", "", "encoding",
                              "the XML declaration says encoding=\"" + std::string(encoding) +
                                  "\"; the body must be UTF-8");
          f.actual = std::string(encoding);
          f.expected = "UTF-8";
        }
        break;
      }
      case pugi::node_element:
        if (root) {
          report(child, "", "", "syntax",
                 "a second root element <" + std::string(child.name()) +
                     ">: an XML document has exactly one");
          return false;
        }
        root = child;
        break;
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (!is_blank(child.value())) {
          report(child, "", "", "syntax", "text outside the root element");
          return false;
        }
        break;
      default:
        break;
    }
  }
  if (!root) {
    findings_.push_back(Finding{Severity::error, "", "", "", 1, 1, 1, "syntax",
                                "no root element: the body has no XML element", std::nullopt,
                                std::nullopt});
    return false;
  }
  const ElementRule& root_rule = rules_.root();
  const std::string_view root_name = local_name(root.name());
  const std::string xpath = "/" + std::string(root_name);
  if (!root_rule.name.empty() && root_name != root_rule.name) {
    Finding& f = report(
        root, "", xpath, "xml-root",
        "the root element is <" + std::string(root_name) + ">, expected <" + root_rule.name + ">");
    f.expected = "<" + root_rule.name + ">";
    f.actual = "<" + std::string(root_name) + ">";
    return false;
  }
  const NamespaceRule root_ns = root_rule.ns ? *root_rule.ns : NamespaceRule{};
  Scope scope{root_ns, root_rule.order ? *root_rule.order : ChildOrder::any, std::nullopt};
  scope.misplaced = check_namespace(root, root_ns, Scope{}, "", xpath);
  decode_value(root, schema_.root(), &root_rule, scope, "", xpath, 1, out_);
  return !over_limit_;
}

}  // namespace

bool decode_xml(std::string_view bytes, const XmlRules& rules, const SchemaView& schema,
                const Limits& limits, rapidjson::Document& out, Findings& findings,
                TableSourceMap& map) {
  if (bytes.size() > limits.max_bytes) {
    findings.push_back(body_too_large(bytes.size(), limits));
    return false;
  }
  text::Utf8Problem problem;
  if (!text::check_utf8(bytes, problem)) {
    const Location at = map.location_at(problem.offset, 1, "");
    Finding f;
    f.line = at.line;
    f.column = at.column;
    f.keyword = "encoding";
    f.message = problem.nul ? "a NUL byte at byte offset " + std::to_string(problem.offset) +
                                  ": XML text cannot contain one"
                            : "invalid UTF-8: byte " +
                                  hex_byte(static_cast<unsigned char>(bytes[problem.offset])) +
                                  " at byte offset " + std::to_string(problem.offset) +
                                  " does not start a valid sequence";
    findings.push_back(std::move(f));
    return false;
  }
  return XmlDecoder(bytes, rules, schema, limits, out, findings, map).run();
}

}  // namespace conform::codec
