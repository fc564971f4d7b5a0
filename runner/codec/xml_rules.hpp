// XmlRules: what JSON Schema cannot say about a message's XML form (root, namespaces,
// child order, list encodings, enum names, xsi:nil), loaded from a *.xml-rules.json file.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "codec/rapidjson.hpp"

namespace conform::codec {

// The namespace of xsi:nil, which both the encoder and the decoder write and read.
inline constexpr std::string_view kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

// A rules file that cannot be used. what() names the file, line:column and field:
// "schemas/x/request.xml-rules.json:4:13: /order: must be one of alphabetical, declared, any".
class XmlRulesError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Which namespace an element must be in.
struct NamespaceRule {
  enum class Kind { unchecked, none, uri };
  Kind kind = Kind::unchecked;
  std::string uri;  // for Kind::uri
  bool accepts(std::string_view actual) const {
    return kind == Kind::unchecked || (kind == Kind::none ? actual.empty() : actual == uri);
  }
};

enum class ChildOrder { any, alphabetical, declared };

// How an array-typed property is written.
struct ListRule {
  // wrapped: <Emails><string>a</string><string>b</string></Emails>
  // repeated: <reports>a</reports><reports>b</reports>
  enum class Encoding { wrapped, repeated };
  Encoding encoding = Encoding::repeated;
  std::string item;  // item element name (wrapped)
  NamespaceRule item_namespace;
  bool any_item_name = false;  // decoding accepts items of any name (encoding uses `item`)
};

// Rules for one element: the root, a property's element, or the items of a list.
struct ElementRule {
  std::string name;  // XML local name ("" for a property: the property's own name)
  // Unset: inherited from the parent element (children of a data contract share its
  // namespace).
  std::optional<NamespaceRule> ns;
  std::optional<ChildOrder> order;          // unset: inherited
  std::vector<std::string> declared_order;  // for ChildOrder::declared
  std::optional<ListRule> list;             // unset: the file's default list rule
  // Names that stand for values (<Mode>Manual</Mode> is 0). Values point into the file.
  std::vector<std::pair<std::string, const rapidjson::Value*>> enum_names;
  std::map<std::string, ElementRule, std::less<>> properties;  // by JSON property name
  std::shared_ptr<ElementRule> items;  // rules for the elements of a list's items
};

class XmlRules {
 public:
  // Reads and checks a rules file. Throws XmlRulesError naming the file and field.
  static XmlRules load(const std::filesystem::path& path);
  // Same from text; `source_name` names it in errors.
  static XmlRules parse(std::string_view text, const std::string& source_name);

  const ElementRule& root() const { return root_; }
  // xsi:nil="true" stands for null (on by default).
  bool nil_allowed() const { return nil_; }
  // Elements with no property in the schema: kept in the value (so the schema's
  // additionalProperties judges them, with "did you mean") or reported as XML findings.
  bool unknown_elements_are_errors() const { return unknown_elements_are_errors_; }
  // Attributes other than namespace declarations and xsi:nil are findings unless allowed.
  bool attributes_allowed() const { return attributes_allowed_; }
  const ListRule& default_list() const { return default_list_; }
  // "booleans": "xs:boolean": 1 and 0 are booleans too, as XML Schema's xs:boolean has it.
  bool numeric_booleans() const { return numeric_booleans_; }

 private:
  std::shared_ptr<rapidjson::Document> document_;  // owns the enum values
  ElementRule root_;
  bool nil_ = true;
  bool unknown_elements_are_errors_ = false;
  bool attributes_allowed_ = false;
  bool numeric_booleans_ = false;
  ListRule default_list_;
};

}  // namespace conform::codec
