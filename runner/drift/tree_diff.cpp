#include "drift/tree_diff.hpp"

#include <algorithm>
#include <set>

#include "drift/schema_diff.hpp"
#include "drift/shape.hpp"
#include "json/pointer.hpp"

namespace conform::drift {
namespace {
namespace fs = std::filesystem;

std::string text_of(const rapidjson::Value* value) {
  return value ? example_text(*value, 1 << 20) : "";
}

const rapidjson::Value* member(const rapidjson::Value& node, const char* name) {
  if (!node.IsObject()) return nullptr;
  const auto found = node.FindMember(name);
  return found == node.MemberEnd() ? nullptr : &found->value;
}

class XmlDiffer {
 public:
  XmlDiffer(bool request, const DriftItem& context) : request_(request), context_(context) {}

  void element(const rapidjson::Value& before, const rapidjson::Value& after,
               const std::string& path, bool root) {
    if (!before.IsObject() || !after.IsObject()) return;
    changed(before, after, root ? "root" : "name", path, "element name", Level::breaking,
            root ? "xml-root-changed" : "xml-element-renamed");
    changed(before, after, "namespace", path, "namespace", Level::breaking,
            "xml-namespace-changed");
    const std::string old_order = text_of(member(before, "order"));
    const std::string new_order = text_of(member(after, "order"));
    if (old_order != new_order) {
      // Dropping the order check only loosens what is accepted.
      const bool loosened = new_order == "\"any\"" || new_order.empty();
      add(loosened ? (request_ ? Level::info : Level::warning) : Level::breaking,
          "xml-order-changed", path + "/order",
          "child order " + (old_order.empty() ? "inherited" : old_order) + " -> " +
              (new_order.empty() ? "inherited" : new_order),
          old_order, new_order);
    }
    for (const char* list : {"lists", "list"}) {
      const std::string old_list = text_of(member(before, list));
      const std::string new_list = text_of(member(after, list));
      if (old_list != new_list) {
        add(Level::breaking, "xml-list-encoding-changed", path + "/" + list,
            "list encoding " + (old_list.empty() ? "default" : old_list) + " -> " +
                (new_list.empty() ? "default" : new_list),
            old_list, new_list);
      }
    }
    if (root) {
      changed(before, after, "nil", path, "xsi:nil handling", Level::warning, "xml-nil-changed");
      changed(before, after, "unknown_elements", path, "unknown elements",
              request_ ? Level::breaking : Level::warning, "xml-strictness-changed");
      changed(before, after, "attributes", path, "attributes",
              request_ ? Level::breaking : Level::warning, "xml-strictness-changed");
    }
    const rapidjson::Value* old_properties = member(before, "properties");
    const rapidjson::Value* new_properties = member(after, "properties");
    static const rapidjson::Value kEmpty(rapidjson::kObjectType);
    if (old_properties || new_properties) {
      const rapidjson::Value& olds = old_properties ? *old_properties : kEmpty;
      const rapidjson::Value& news = new_properties ? *new_properties : kEmpty;
      std::set<std::string> keys;
      for (const auto* side : {&olds, &news}) {
        if (!side->IsObject()) continue;
        for (const auto& p : side->GetObject()) keys.insert(p.name.GetString());
      }
      for (const std::string& key : keys) {
        const rapidjson::Value* o = member(olds, key.c_str());
        const rapidjson::Value* n = member(news, key.c_str());
        element(o ? *o : kEmpty, n ? *n : kEmpty, json::child_pointer(path + "/properties", key),
                false);
      }
    }
    const rapidjson::Value* old_items = member(before, "items");
    const rapidjson::Value* new_items = member(after, "items");
    if (old_items || new_items) {
      element(old_items ? *old_items : kEmpty, new_items ? *new_items : kEmpty, path + "/items",
              false);
    }
  }

  DriftItems take() { return std::move(items_); }

 private:
  void changed(const rapidjson::Value& before, const rapidjson::Value& after, const char* key,
               const std::string& path, const std::string& what, Level level,
               const std::string& rule) {
    const std::string was = text_of(member(before, key));
    const std::string now = text_of(member(after, key));
    if (was == now) return;
    add(level, rule, path + "/" + key,
        what + " " + (was.empty() ? "unset" : was) + " -> " + (now.empty() ? "unset" : now), was,
        now);
  }

  void add(Level level, const std::string& rule, const std::string& pointer,
           const std::string& message, const std::string& expected, const std::string& actual) {
    DriftItem item = context_;
    item.level = level;
    item.finding.severity = level == Level::breaking ? Severity::error : Severity::warning;
    item.finding.keyword = rule;
    item.finding.pointer = pointer;
    item.finding.message = message;
    if (!expected.empty()) item.finding.expected = expected;
    if (!actual.empty()) item.finding.actual = actual;
    items_.push_back(std::move(item));
  }

  bool request_;
  const DriftItem& context_;
  DriftItems items_;
};

DriftItem context_of(const std::string& vendor, const std::string& message,
                     const std::string& source) {
  DriftItem item;
  item.vendor = vendor;
  item.message = message;
  item.source = source;
  return item;
}

void add(DriftItems& items, DriftItem item, Level level, const std::string& rule,
         const std::string& message) {
  item.level = level;
  item.finding.severity = level == Level::breaking ? Severity::error : Severity::warning;
  item.finding.keyword = rule;
  item.finding.message = message;
  items.push_back(std::move(item));
}

std::set<std::string> set_of(const std::vector<std::string>& values) {
  return {values.begin(), values.end()};
}

void diff_parameters(DriftItems& items, const DriftItem& context, const char* kind,
                     const std::vector<contracts::Parameter>& before,
                     const std::vector<contracts::Parameter>& after) {
  for (const auto& parameter : after) {
    const auto old = std::find_if(before.begin(), before.end(),
                                  [&](const auto& p) { return p.name == parameter.name; });
    const bool was_required = old != before.end() && old->required;
    if (parameter.required && !was_required) {
      add(items, context, Level::breaking, "request-parameter-required-added",
          std::string(kind) + " " + parameter.name + " is now required");
    }
    if (old != before.end() && old->value != parameter.value && !parameter.value.empty()) {
      DriftItem item = context;
      item.finding.expected = old->value;
      item.finding.actual = parameter.value;
      add(items, item, Level::breaking, "request-parameter-value-changed",
          std::string(kind) + " " + parameter.name + " must now be \"" + parameter.value + "\"");
    }
  }
}

void diff_vendor(const contracts::Manifest& before, const contracts::Manifest& after,
                 DriftItems& items) {
  const DriftItem vendor_context = context_of(after.id, "", (after.dir / "vendor.json").string());
  if (before.endpoint.method != after.endpoint.method ||
      before.endpoint.path != after.endpoint.path) {
    DriftItem item = vendor_context;
    item.finding.expected = before.endpoint.method + " " + before.endpoint.path;
    item.finding.actual = after.endpoint.method + " " + after.endpoint.path;
    add(items, item, Level::breaking, "endpoint-changed",
        "the endpoint moved from " + *item.finding.expected + " to " + *item.finding.actual);
  }
  diff_parameters(items, vendor_context, "query parameter", before.endpoint.query_parameters,
                  after.endpoint.query_parameters);
  diff_parameters(items, vendor_context, "header", before.endpoint.headers, after.endpoint.headers);
  if (before.auth.scheme != after.auth.scheme) {
    add(items, vendor_context, Level::breaking, "auth-scheme-changed",
        "authentication changed from " + before.auth.scheme + " to " + after.auth.scheme);
  }
  const auto old_request_types = set_of(before.request_media_types);
  const auto new_request_types = set_of(after.request_media_types);
  for (const auto& type : old_request_types) {
    if (!new_request_types.count(type)) {
      add(items, vendor_context, Level::breaking, "request-media-type-removed",
          "requests in " + type + " are no longer accepted");
    }
  }
  for (const auto& type : new_request_types) {
    if (!old_request_types.count(type)) {
      add(items, vendor_context, Level::info, "request-media-type-added",
          "requests in " + type + " are now accepted");
    }
  }
  const auto old_response_types = set_of(before.response_media_types);
  const auto new_response_types = set_of(after.response_media_types);
  for (const auto& type : new_response_types) {
    if (!old_response_types.count(type)) {
      add(items, vendor_context, Level::warning, "response-media-type-added",
          "responses may now come as " + type);
    }
  }
  for (const auto& type : old_response_types) {
    if (!new_response_types.count(type)) {
      add(items, vendor_context, Level::info, "response-media-type-removed",
          "responses no longer come as " + type);
    }
  }

  SchemaFiles files;
  // A vendor's folder is <catalog>/<id>: its schemas may share files at the catalog root.
  files.allow_folder(before.dir.parent_path());
  files.allow_folder(after.dir.parent_path());
  for (const contracts::MessageSpec& message : after.messages) {
    const std::string name = message.id.name();
    const bool request = message.id.kind == MessageId::Kind::request;
    const auto old = std::find_if(before.messages.begin(), before.messages.end(),
                                  [&](const auto& m) { return m.id == message.id; });
    // The manifest's file names already include the vendor's folder.
    const std::string source =
        (message.schema_file.empty() ? after.dir / "vendor.json" : message.schema_file).string();
    const DriftItem context = context_of(after.id, name, source);
    if (old == before.messages.end()) {
      if (!request) {
        add(items, context, Level::warning, "response-status-added",
            "a new documented response: " + name);
      }
      continue;
    }
    if (old->empty_body != message.empty_body) {
      add(items, context, Level::breaking, "body-presence-changed",
          message.empty_body ? name + " no longer has a body" : name + " now has a body");
      continue;
    }
    if (!message.schema_file.empty() && !old->schema_file.empty()) {
      const SchemaNode old_root = files.root(old->schema_file);
      const SchemaNode new_root = files.root(message.schema_file);
      if (!old_root || !new_root) {
        add(items, context, Level::breaking, "schema-unreadable",
            (old_root ? message.schema_file : old->schema_file).string() +
                " is not readable JSON, so its changes cannot be judged");
      } else {
        DriftItems changes = diff_schemas(
            files, old_root, new_root, request ? Direction::request : Direction::response, context);
        items.insert(items.end(), changes.begin(), changes.end());
      }
    }
    const bool had_xml = !old->xml_rules_file.empty();
    const bool has_xml = !message.xml_rules_file.empty();
    const DriftItem xml_context = context_of(after.id, name, message.xml_rules_file.string());
    if (had_xml && !has_xml) {
      add(items, xml_context, request ? Level::breaking : Level::info, "xml-rules-removed",
          name + " no longer has an XML form");
    } else if (!had_xml && has_xml) {
      add(items, xml_context, request ? Level::info : Level::warning, "xml-rules-added",
          name + " now has an XML form");
    } else if (had_xml && has_xml) {
      const SchemaNode old_rules = files.root(old->xml_rules_file);
      const SchemaNode new_rules = files.root(message.xml_rules_file);
      if (!old_rules || !new_rules) {
        add(items, xml_context, Level::breaking, "schema-unreadable",
            (old_rules ? message.xml_rules_file : old->xml_rules_file).string() +
                " is not readable JSON, so its changes cannot be judged");
      } else {
        XmlDiffer differ(request, xml_context);
        differ.element(*old_rules.node, *new_rules.node, "", true);
        DriftItems changes = differ.take();
        items.insert(items.end(), changes.begin(), changes.end());
      }
    }
  }
  // Only responses can go: every manifest documents its request.
  for (const contracts::MessageSpec& message : before.messages) {
    const auto now = std::find_if(after.messages.begin(), after.messages.end(),
                                  [&](const auto& m) { return m.id == message.id; });
    if (now != after.messages.end()) continue;
    add(items, context_of(after.id, message.id.name(), (after.dir / "vendor.json").string()),
        Level::info, "response-status-removed", message.id.name() + " is no longer documented");
  }
}

}  // namespace

DriftItems diff_xml_rules(const rapidjson::Value& before, const rapidjson::Value& after,
                          bool request, const DriftItem& context) {
  XmlDiffer differ(request, context);
  differ.element(before, after, "", true);
  return differ.take();
}

DriftItems diff_trees(const contracts::Catalog& before, const contracts::Catalog& after) {
  DriftItems items;
  for (const contracts::Manifest& vendor : before.vendors()) {
    if (!after.find(vendor.id)) {
      add(items, context_of(vendor.id, "", (vendor.dir / "vendor.json").string()), Level::breaking,
          "vendor-removed", vendor.name + " is no longer described");
    }
  }
  for (const contracts::Manifest& vendor : after.vendors()) {
    const contracts::Manifest* old = before.find(vendor.id);
    if (!old) {
      add(items, context_of(vendor.id, "", (vendor.dir / "vendor.json").string()), Level::info,
          "vendor-added", vendor.name + " is new");
      continue;
    }
    diff_vendor(*old, vendor, items);
  }
  sort_items(items);
  return items;
}

}  // namespace conform::drift
