#include "drift/recording_check.hpp"

#include <algorithm>
#include <tuple>

#include "contracts/payload_check.hpp"
#include "drift/schema_files.hpp"
#include "model/format.hpp"
#include "secret/policy.hpp"
// After codec/rapidjson.hpp, which sets RapidJSON's assertion.
#include "codec/json_pointer.hpp"
#include "json/pointer.hpp"

namespace conform::drift {
namespace {

using GroupKey = std::pair<std::string, std::string>;

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string join_alternatives(const std::set<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : "|") + value;
  return out;
}

// Collects items, merging repeats of the same vendor, message, rule and place.
class Aggregator {
 public:
  void add(DriftItem item) {
    const auto key =
        std::make_tuple(item.vendor, item.message, item.finding.keyword,
                        generic_pointer(item.finding.pointer), item.finding.expected.value_or(""));
    const auto found = index_.find(key);
    if (found != index_.end()) {
      ++items_[found->second].occurrences;
      return;
    }
    index_.emplace(key, items_.size());
    items_.push_back(std::move(item));
  }
  DriftItems take() { return std::move(items_); }

 private:
  std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, std::size_t>
      index_;
  DriftItems items_;
};

DriftItem make_item(Level level, const Snapshot& snapshot, const std::string& message,
                    const std::string& rule, const std::string& text) {
  DriftItem item;
  item.level = level;
  item.vendor = snapshot.vendor;
  item.message = message;
  item.source = snapshot.relative_path;
  item.finding.severity = level == Level::breaking ? Severity::error : Severity::warning;
  item.finding.keyword = rule;
  item.finding.message = text;
  return item;
}

// A schema finding on a snapshot's body -> a drift item (rule and level by keyword).
DriftItem from_schema_finding(const Finding& finding, const Snapshot& snapshot,
                              const std::string& message, const rapidjson::Value* body) {
  const std::string& keyword = finding.keyword;
  std::string rule = "schema-violation";
  Level level = Level::breaking;
  std::string text = finding.message;
  std::string pointer = finding.pointer;
  if (keyword == "additionalProperties") {
    rule = "property-undocumented";
    level = Level::warning;
    const rapidjson::Value* value = body ? codec::resolve_pointer(*body, pointer) : nullptr;
    text = "undocumented property " + pointer;
    if (value) {
      text += std::string(" (") + shape_type(*value) + ", e.g. " + example_text(*value) + ")";
    }
    DriftItem item = make_item(level, snapshot, message, rule, text);
    item.finding.pointer = pointer;
    item.finding.schema_path = finding.schema_path;
    if (value) item.finding.actual = example_text(*value);
    return item;
  }
  if (keyword == "required") {
    rule = "property-missing";
    if (finding.expected) pointer = json::child_pointer(pointer, *finding.expected);
    text = "documented required property " + pointer + " is missing";
  } else if (keyword == "type") {
    rule = "type-mismatch";
  } else if (keyword == "enum" || keyword == "const") {
    rule = "enum-value-undocumented";
  } else if (keyword == "format") {
    rule = "format-mismatch";
  } else if (keyword == "pattern") {
    rule = "pattern-mismatch";
  } else if (keyword == "empty-body") {
    rule = "body-unexpected";
  } else if (keyword == "content-type") {
    rule = "content-type-undocumented";
  } else if (keyword == "syntax" || keyword == "encoding" || keyword == "limit") {
    rule = "body-unreadable";
  } else if (keyword.rfind("xml", 0) == 0) {
    rule = "xml-rule-violated";
  } else {
    text = keyword + ": " + text;
  }
  DriftItem item = make_item(level, snapshot, message, rule, text);
  item.finding.pointer = pointer;
  item.finding.schema_path = finding.schema_path;
  item.finding.xpath = finding.xpath;
  item.finding.expected = finding.expected;
  item.finding.actual = finding.actual;
  if (keyword == "required") item.finding.actual = "(absent)";
  return item;
}

}  // namespace

std::string message_for(const contracts::Manifest& vendor, const Snapshot& snapshot) {
  if (!snapshot.expect_schema.empty() && snapshot.expect_schema != "-") {
    return snapshot.expect_schema;
  }
  const std::string by_status = "response:" + std::to_string(snapshot.status);
  if (snapshot.method == vendor.endpoint.method || snapshot.status / 100 != 2) return by_status;
  if (vendor.document) {
    const rapidjson::Value* named =
        codec::resolve_pointer(*vendor.document, "/mock/responses/read/validates_as");
    if (named && named->IsString()) return named->GetString();
  }
  return kUndocumentedRead;
}

RecordingCheck check_recording(const contracts::Catalog& catalog, const Recording& recording) {
  RecordingCheck out;
  Aggregator items;
  for (const Snapshot& snapshot : recording.snapshots) {
    const contracts::Manifest* vendor = catalog.find(snapshot.vendor);
    if (!vendor) {
      items.add(
          make_item(Level::breaking, snapshot, "", "vendor-unknown",
                    "no vendor \"" + snapshot.vendor + "\" in " + catalog.schemas_dir().string()));
      continue;
    }
    const std::string message = message_for(*vendor, snapshot);
    Shape& shape = out.shapes[{snapshot.vendor, message}];
    const auto id = parse_message_id(message);
    const contracts::MessageSpec* spec = id ? catalog.message(*vendor, *id) : nullptr;
    if (!spec && message != kUndocumentedRead) {
      DriftItem item = make_item(Level::warning, snapshot, message, "status-undocumented",
                                 vendor->name + " documents no " + message);
      item.finding.actual = std::to_string(snapshot.status);
      items.add(std::move(item));
    }

    std::optional<Format> format;
    if (!snapshot.body.empty()) {
      const std::string type = media_type_essence(header_value(snapshot, "content-type"));
      if (type.empty()) {
        items.add(make_item(Level::warning, snapshot, message, "content-type-missing",
                            "a body came without a Content-Type header"));
      } else {
        format = format_of_media_type(type);
        const auto& documented = vendor->response_media_types;
        if (std::find(documented.begin(), documented.end(), type) == documented.end()) {
          DriftItem item =
              make_item(Level::breaking, snapshot, message, "content-type-undocumented",
                        vendor->name + " documents no response of type " + type);
          item.finding.actual = type;
          items.add(std::move(item));
        }
      }
      if (!format) format = contracts::likely_format(snapshot.body);
    }

    // One pass over the body: checked against the message when there is one, and decoded
    // as the value that is the evidence for shapes and for examples of undocumented values.
    contracts::CheckedPayload payload;
    if (spec || !snapshot.body.empty()) {
      contracts::CheckOptions options;
      options.strict = true;
      options.format = format;
      payload = contracts::check_payload(catalog, *vendor, spec, snapshot.body, options);
    }
    const rapidjson::Value* body = snapshot.body.empty() ? nullptr : payload.value.get();
    if (body) add_to_shape(*body, shape);

    if (spec) {
      const PayloadResult& checked = payload.result;
      for (const Finding& finding : checked.findings) {
        if (finding.severity != Severity::error) continue;
        // A redacted value's type cannot be judged.
        if (finding.actual == secret::kRedacted ||
            finding.actual == "\"" + std::string(secret::kRedacted) + "\"") {
          continue;
        }
        if (missing_members(finding).size() > 1) {
          // One item per missing member, as the baseline has them.
          for (const std::string& name : missing_members(finding)) {
            Finding one = finding;
            one.expected = name;
            items.add(from_schema_finding(one, snapshot, message, body));
          }
          continue;
        }
        items.add(from_schema_finding(finding, snapshot, message, body));
      }
    }
  }

  // Documented properties the recording never showed, where their parent was seen.
  SchemaFiles files;
  files.allow_folder(catalog.schemas_dir());
  for (const auto& [key, shape] : out.shapes) {
    const contracts::Manifest* vendor = catalog.find(key.first);
    const auto id = parse_message_id(key.second);
    const contracts::MessageSpec* spec = vendor && id ? catalog.message(*vendor, *id) : nullptr;
    if (!spec || spec->empty_body || spec->schema_file.empty() || shape.empty()) continue;
    const SchemaNode root = files.root(spec->schema_file);
    out.maps[key] = map_paths(files, root);
    for (const std::string& path : documented_paths(files, root)) {
      if (shape.count(path) || !shape.count(parent_of(path))) continue;
      DriftItem item;
      item.level = Level::info;
      item.vendor = key.first;
      item.message = key.second;
      item.source = spec->schema_file.string();
      item.finding.severity = Severity::warning;
      item.finding.keyword = "property-never-seen";
      item.finding.pointer = path;
      item.finding.message = "documented property " + path + " never appeared in the recording";
      items.add(std::move(item));
    }
  }
  out.items = items.take();
  sort_items(out.items);
  return out;
}

DriftItems compare_recordings(const Recording& baseline, const Shapes& baseline_shapes,
                              const Recording& current, const Shapes& current_shapes,
                              const MapPaths& maps) {
  Aggregator items;
  // Below a map object, member names are data: "/tags/team" is not a property.
  const auto in_map = [&](const GroupKey& key, const std::string& path) {
    const auto found = maps.find(key);
    if (found == maps.end()) return false;
    for (const std::string& map : found->second) {
      if (path.size() > map.size() && path.compare(0, map.size(), map) == 0 &&
          path[map.size()] == '/') {
        return true;
      }
    }
    return false;
  };
  const auto group_item = [](Level level, const GroupKey& key, const std::string& rule,
                             const std::string& pointer, const std::string& text) {
    DriftItem item;
    item.level = level;
    item.vendor = key.first;
    item.message = key.second;
    item.finding.severity = level == Level::breaking ? Severity::error : Severity::warning;
    item.finding.keyword = rule;
    item.finding.pointer = pointer;
    item.finding.message = text;
    return item;
  };
  // A path is reported only where its parent exists on the other side: a removed object
  // is one item, not one per member.
  const auto has_parent = [](const Shape& shape, const std::string& path) {
    const std::string parent = parent_of(path);
    return parent.empty() || shape.count(parent) > 0;
  };
  // Vendors the current recording did not record at all (a recording of one vendor against
  // a baseline of all) are not compared.
  std::set<std::string> recorded = current.vendors;
  for (const Snapshot& snapshot : current.snapshots) recorded.insert(snapshot.vendor);
  for (const auto& [key, before] : baseline_shapes) {
    if (!recorded.count(key.first)) continue;
    const auto found = current_shapes.find(key);
    if (found == current_shapes.end()) {
      items.add(group_item(Level::info, key, "message-not-seen", "",
                           key.second + " was in the baseline but not in this recording"));
      continue;
    }
    const Shape& after = found->second;
    for (const auto& [path, evidence] : before) {
      if (in_map(key, path)) continue;
      const auto now = after.find(path);
      if (now == after.end()) {
        if (!has_parent(after, path)) continue;
        DriftItem item =
            group_item(Level::breaking, key, "property-removed", path,
                       (path.empty() ? std::string("the body") : "property " + path) +
                           " was in the baseline (" + join_alternatives(evidence.types) +
                           ", e.g. " + evidence.example + ") but is gone");
        item.finding.expected = evidence.example;
        items.add(std::move(item));
        continue;
      }
      if (evidence.closed_set() && now->second.types == evidence.types) {
        std::set<std::string> fresh;
        for (const std::string& value : now->second.values) {
          if (!evidence.values.count(value)) fresh.insert(value);
        }
        if (!fresh.empty() && !now->second.open) {
          DriftItem item = group_item(Level::warning, key, "value-new", path,
                                      "property " + path +
                                          " took a value the baseline never "
                                          "showed: " +
                                          join_alternatives(fresh) + " (baseline: " +
                                          join_alternatives(evidence.values) + ")");
          item.finding.expected = join_alternatives(evidence.values);
          item.finding.actual = join_alternatives(fresh);
          items.add(std::move(item));
        }
      }
      std::set<std::string> added;
      std::set_difference(now->second.types.begin(), now->second.types.end(),
                          evidence.types.begin(), evidence.types.end(),
                          std::inserter(added, added.end()));
      if (added.empty()) continue;
      const bool nullable = added == std::set<std::string>{"null"};
      DriftItem item = group_item(
          Level::breaking, key, nullable ? "property-became-nullable" : "property-type-changed",
          path,
          "property " + path + (nullable ? " became nullable" : " changed type") + ": " +
              join_alternatives(evidence.types) + " -> " + join_alternatives(now->second.types) +
              " (e.g. " + now->second.example + ")");
      item.finding.expected = join_alternatives(evidence.types);
      item.finding.actual = join_alternatives(now->second.types);
      items.add(std::move(item));
    }
    for (const auto& [path, evidence] : after) {
      if (before.count(path) || !has_parent(before, path) || in_map(key, path)) continue;
      DriftItem item =
          group_item(Level::warning, key, "property-added", path,
                     (path.empty() ? std::string("a body") : "property " + path) + " is new (" +
                         join_alternatives(evidence.types) + ", e.g. " + evidence.example + ")");
      item.finding.actual = evidence.example;
      items.add(std::move(item));
    }
  }
  for (const auto& [key, shape] : current_shapes) {
    if (baseline_shapes.count(key)) continue;
    items.add(group_item(Level::warning, key, "message-new", "",
                         key.second + " appears in this recording but not in the baseline"));
  }

  std::map<std::string, const Snapshot*> before_by_path;
  for (const Snapshot& snapshot : baseline.snapshots) {
    before_by_path[snapshot.relative_path] = &snapshot;
  }
  // A step of a recorded vendor that answered in the baseline and has no snapshot now: it
  // got no response (an expired credential, an unreachable host) or its case is gone.
  std::set<std::string> current_paths;
  for (const Snapshot& snapshot : current.snapshots) current_paths.insert(snapshot.relative_path);
  for (const Snapshot& before : baseline.snapshots) {
    if (!recorded.count(before.vendor) || current_paths.count(before.relative_path)) continue;
    DriftItem item =
        group_item(Level::breaking, {before.vendor, ""}, "snapshot-missing", "",
                   "the baseline has a response to " + before.method + " " + before.path +
                       " that this recording lacks: the step got no response, "
                       "or its case was not run");
    item.source = before.relative_path;
    items.add(std::move(item));
  }
  for (const Snapshot& snapshot : current.snapshots) {
    const auto found = before_by_path.find(snapshot.relative_path);
    if (found == before_by_path.end()) continue;
    const Snapshot& before = *found->second;
    const GroupKey key{snapshot.vendor, ""};
    if (before.status != snapshot.status) {
      DriftItem item = group_item(Level::warning, key, "status-changed", "",
                                  snapshot.method + " " + snapshot.path + " answered " +
                                      std::to_string(snapshot.status) + ", the baseline " +
                                      std::to_string(before.status));
      item.source = snapshot.relative_path;
      item.finding.expected = std::to_string(before.status);
      item.finding.actual = std::to_string(snapshot.status);
      items.add(std::move(item));
    }
    const std::string type_before = media_type_essence(header_value(before, "content-type"));
    const std::string type_now = media_type_essence(header_value(snapshot, "content-type"));
    if (type_before != type_now && !before.body.empty() && !snapshot.body.empty()) {
      DriftItem item = group_item(Level::breaking, key, "content-type-changed", "",
                                  snapshot.method + " " + snapshot.path + " answered " + type_now +
                                      ", the baseline " + type_before);
      item.source = snapshot.relative_path;
      item.finding.expected = type_before;
      item.finding.actual = type_now;
      items.add(std::move(item));
    }
  }
  DriftItems out = items.take();
  sort_items(out);
  return out;
}

}  // namespace conform::drift
