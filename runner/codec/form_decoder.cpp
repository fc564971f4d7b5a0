#include "codec/form_decoder.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codec/scalar_text.hpp"
#include "json/pointer.hpp"
#include "text/percent.hpp"
#include "text/utf8.hpp"

namespace conform::codec {
namespace {

// One `key=value` pair, decoded.
struct Pair {
  std::string name;               // the key before any '['
  std::vector<std::string> path;  // bracketed parts: tags[a][b] -> {"a", "b"}; [] -> ""
  std::string key;                // the key as decoded, for messages
  std::string value;
  bool has_value = false;  // there was an '='
  std::size_t offset = 0;  // byte offset of the key
  std::size_t length = 0;  // bytes of the whole pair
  std::string label;       // "reports[2]": the key, indexed when it repeats
};

class FormDecoder {
 public:
  FormDecoder(std::string_view bytes, const SchemaView& schema, const Limits& limits,
              rapidjson::Document& out, Findings& findings, TableSourceMap& map)
      : bytes_(bytes),
        schema_(schema),
        limits_(limits),
        allocator_(out.GetAllocator()),
        out_(out),
        findings_(findings),
        map_(map) {}

  bool run();

 private:
  Finding& report(std::size_t offset, std::size_t length, const std::string& pointer,
                  const std::string& label, std::string keyword, std::string message) {
    findings_.push_back(
        map_.finding_at(offset, length, label, pointer, std::move(keyword), std::move(message)));
    return findings_.back();
  }

  // Percent-decodes `raw` (at byte `offset`); reports bad escapes and invalid UTF-8.
  std::string unescape(std::string_view raw, std::size_t offset, const char* what,
                       const std::string& pointer);
  void build(const std::vector<const Pair*>& pairs, std::size_t level, SchemaNode schema,
             const std::string& pointer, std::size_t depth, rapidjson::Value& out);
  void scalar(const Pair& pair, SchemaNode schema, const std::string& pointer,
              rapidjson::Value& out);

  std::string_view bytes_;
  const SchemaView& schema_;
  const Limits& limits_;
  rapidjson::Document::AllocatorType& allocator_;
  rapidjson::Document& out_;
  Findings& findings_;
  TableSourceMap& map_;
  std::vector<Pair> pairs_;
};

std::string FormDecoder::unescape(std::string_view raw, std::size_t offset, const char* what,
                                  const std::string& pointer) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '+') {
      out += ' ';
    } else if (c != '%') {
      out += c;
    } else if (i + 2 < raw.size() && text::hex_digit_value(raw[i + 1]) >= 0 &&
               text::hex_digit_value(raw[i + 2]) >= 0) {
      out += static_cast<char>(text::hex_digit_value(raw[i + 1]) * 16 +
                               text::hex_digit_value(raw[i + 2]));
      i += 2;
    } else {
      const std::string escape(raw.substr(i, 3));
      Finding& f = report(offset + i, escape.size(), pointer, std::string(raw), "form-encoding",
                          "bad percent-escape \"" + escape + "\" in a " + what +
                              ": '%' must be followed by two hex digits (write %25 for '%')");
      f.actual = escape;
      f.expected = "%XX with hex digits";
      out += c;
    }
  }
  text::Utf8Problem problem;
  if (!text::check_utf8(out, problem)) {
    report(offset, raw.size(), pointer, std::string(raw), "form-encoding",
           std::string("the ") + what + " is not UTF-8 text after percent-decoding (" +
               (problem.nul ? "a NUL byte" : "an invalid byte") + " at decoded byte " +
               std::to_string(problem.offset) + ")");
  }
  return out;
}

void FormDecoder::scalar(const Pair& pair, SchemaNode schema, const std::string& pointer,
                         rapidjson::Value& out) {
  const unsigned types = schema_.types(schema);
  ScalarProblem problem;
  if (!read_scalar(pair.value, types == kTypeAny ? unsigned{kTypeString} : types, out, allocator_,
                   problem)) {
    Finding& f = report(pair.offset, pair.length, pointer, pair.label, "form-" + problem.keyword,
                        pair.key + ": " + problem.message);
    f.expected = problem.expected;
    f.actual = pair.value;
  }
}

void FormDecoder::build(const std::vector<const Pair*>& pairs, std::size_t level, SchemaNode schema,
                        const std::string& pointer, std::size_t depth, rapidjson::Value& out) {
  const Pair& first = *pairs.front();
  map_.add(pointer, first.offset, first.length, first.label);
  if (depth > limits_.max_depth) {
    report(first.offset, first.length, pointer, first.label, "limit",
           "keys nested deeper than " + std::to_string(limits_.max_depth) + " levels");
    return;
  }
  const unsigned types = schema_.types(schema);
  const bool leaf = first.path.size() == level;
  for (const Pair* p : pairs) {
    if ((p->path.size() == level) != leaf) {
      report(p->offset, p->length, pointer, p->label, "form-shape",
             p->key + " mixes a plain value with bracketed keys for the same name");
    }
  }
  if (leaf) {
    if (types != kTypeAny && (types & kTypeArray) != 0) {
      out.SetArray();
      const SchemaNode items = schema_.items(schema);
      for (std::size_t i = 0; i < pairs.size(); ++i) {
        rapidjson::Value item;
        const std::string item_pointer = json::child_pointer(pointer, std::to_string(i));
        map_.add(item_pointer, pairs[i]->offset, pairs[i]->length, pairs[i]->label);
        scalar(*pairs[i], items, item_pointer, item);
        out.PushBack(item, allocator_);
      }
      return;
    }
    if (pairs.size() > 1 && types == kTypeAny) {
      out.SetArray();
      for (std::size_t i = 0; i < pairs.size(); ++i) {
        rapidjson::Value item;
        scalar(*pairs[i], {}, json::child_pointer(pointer, std::to_string(i)), item);
        out.PushBack(item, allocator_);
      }
      return;
    }
    for (std::size_t i = 1; i < pairs.size(); ++i) {
      Finding& f =
          report(pairs[i]->offset, pairs[i]->length, pointer, pairs[i]->label, "form-duplicate",
                 first.key + " appears " + std::to_string(pairs.size()) +
                     " times, but it holds one value; receivers keep only one");
      f.expected = "1 pair";
      f.actual = std::to_string(pairs.size()) + " pairs";
    }
    scalar(first, schema, pointer, out);
    return;
  }
  // `key[]`: items in order; `key[]` with no '=' alone is the empty array.
  if (first.path[level].empty()) {
    out.SetArray();
    const SchemaNode items = schema_.items(schema);
    std::size_t index = 0;
    for (const Pair* p : pairs) {
      if (p->path.size() != level + 1 || !p->path[level].empty()) {
        report(p->offset, p->length, pointer, p->label, "form-shape",
               p->key + ": only scalar items can follow []");
        continue;
      }
      if (!p->has_value && pairs.size() == 1) break;
      rapidjson::Value item;
      const std::string item_pointer = json::child_pointer(pointer, std::to_string(index++));
      map_.add(item_pointer, p->offset, p->length, p->label);
      scalar(*p, items, item_pointer, item);
      out.PushBack(item, allocator_);
    }
    return;
  }
  out.SetObject();
  std::vector<std::pair<std::string, std::vector<const Pair*>>> groups;
  std::unordered_map<std::string, std::size_t> group_of;
  for (const Pair* p : pairs) {
    if (p->path.size() <= level) continue;
    const auto [it, added] = group_of.emplace(p->path[level], groups.size());
    if (added) groups.emplace_back(p->path[level], std::vector<const Pair*>{});
    groups[it->second].second.push_back(p);
  }
  for (const auto& [name, members] : groups) {
    rapidjson::Value value;
    build(members, level + 1, schema_.property(schema, name), json::child_pointer(pointer, name),
          depth + 1, value);
    out.AddMember(
        rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size()), allocator_),
        value, allocator_);
  }
}

bool FormDecoder::run() {
  std::string_view text = bytes_;
  // A file ends in a line break that is no part of the body.
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  std::unordered_map<std::string, std::size_t> occurrences;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    if (!raw.empty()) {
      if (pairs_.size() >= limits_.max_members) {
        report(start, raw.size(), "", "", "limit",
               "more than " + std::to_string(limits_.max_members) + " key=value pairs");
        return false;
      }
      Pair pair;
      const std::size_t eq = raw.find('=');
      const std::string_view raw_key = raw.substr(0, eq);
      pair.key = unescape(raw_key, start, "key", "");
      if (eq != std::string_view::npos) {
        pair.has_value = true;
        pair.value = unescape(raw.substr(eq + 1), start + eq + 1, "value",
                              json::child_pointer("", pair.key.substr(0, pair.key.find('['))));
      }
      pair.offset = start;
      pair.length = raw.size();
      // name[a][b]: split on brackets; a key that does not close them is a plain name.
      const std::size_t bracket = pair.key.find('[');
      pair.name = pair.key.substr(0, bracket);
      bool well_formed = bracket != std::string::npos && bracket > 0;
      for (std::size_t i = bracket; well_formed && i < pair.key.size();) {
        const std::size_t close = pair.key.find(']', i);
        if (pair.key[i] != '[' || close == std::string::npos) {
          well_formed = false;
          break;
        }
        pair.path.push_back(pair.key.substr(i + 1, close - i - 1));
        i = close + 1;
      }
      if (!well_formed) {
        pair.name = pair.key;
        pair.path.clear();
      }
      pair.path.insert(pair.path.begin(), pair.name);
      pairs_.push_back(std::move(pair));
    }
    start = end + 1;
  }
  // Labels: the key, with [n] when the same key appears more than once.
  for (const Pair& p : pairs_) ++occurrences[p.key];
  std::unordered_map<std::string, std::size_t> seen;
  for (Pair& p : pairs_) {
    p.label = p.key;
    if (occurrences[p.key] > 1) p.label += "[" + std::to_string(++seen[p.key]) + "]";
  }
  out_.SetObject();
  map_.add("", 0, 1, "");
  std::vector<std::pair<std::string, std::vector<const Pair*>>> groups;
  std::unordered_map<std::string, std::size_t> group_of;
  for (const Pair& p : pairs_) {
    const auto [it, added] = group_of.emplace(p.name, groups.size());
    if (added) groups.emplace_back(p.name, std::vector<const Pair*>{});
    groups[it->second].second.push_back(&p);
  }
  for (const auto& [name, members] : groups) {
    rapidjson::Value value;
    build(members, 1, schema_.property(schema_.root(), name), json::child_pointer("", name), 1,
          value);
    out_.AddMember(
        rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size()), allocator_),
        value, allocator_);
  }
  return true;
}

}  // namespace

bool decode_form(std::string_view bytes, const SchemaView& schema, const Limits& limits,
                 rapidjson::Document& out, Findings& findings, TableSourceMap& map) {
  if (bytes.size() > limits.max_bytes) {
    findings.push_back(body_too_large(bytes.size(), limits));
    return false;
  }
  return FormDecoder(bytes, schema, limits, out, findings, map).run();
}

}  // namespace conform::codec
