#include "codec/json_source_map.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "codec/sniff.hpp"
#include "codec/text_position.hpp"
#include "json/pointer.hpp"
#include "text/percent.hpp"
#include "text/utf8.hpp"

namespace conform::codec {
namespace {

// A cursor over JSON text that never reads past the end and never recurses, so it copes
// with text that failed to parse and with nesting of any depth.
class Scanner {
 public:
  explicit Scanner(std::string_view text, std::size_t pos = 0) : text_(text), pos_(pos) {}

  std::size_t pos() const { return pos_; }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void advance() { ++pos_; }

  void skip_space() {
    while (!at_end() && is_json_space(text_[pos_])) ++pos_;
  }

  // At '"': moves past the closing quote; returns the raw text between the quotes.
  std::optional<std::string_view> skip_string() {
    const std::size_t start = ++pos_;
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '\\') {
        pos_ += 2;
      } else if (c == '"') {
        ++pos_;
        return text_.substr(start, pos_ - 1 - start);
      } else {
        ++pos_;
      }
    }
    return std::nullopt;
  }

  // Moves past one value of any kind; false when the text ends first.
  bool skip_value() {
    const char c = peek();
    if (c == '"') return skip_string().has_value();
    if (c != '{' && c != '[') {
      while (!at_end() && !is_json_space(text_[pos_]) && text_[pos_] != ',' && text_[pos_] != '}' &&
             text_[pos_] != ']') {
        ++pos_;
      }
      return true;
    }
    std::size_t depth = 0;
    while (!at_end()) {
      const char d = text_[pos_];
      if (d == '"') {
        if (!skip_string()) return false;
        continue;
      }
      if (d == '{' || d == '[') ++depth;
      if (d == '}' || d == ']') {
        --depth;
        if (depth == 0) {
          ++pos_;
          return true;
        }
      }
      ++pos_;
    }
    return false;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// The string a raw JSON key stands for (escapes decoded; bad escapes kept as written).
std::string unescape_key(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      out += raw[i];
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = 0;
        bool ok = i + 4 < raw.size();
        for (std::size_t k = 1; ok && k <= 4; ++k) {
          const int h = text::hex_digit_value(raw[i + k]);
          ok = h >= 0;
          cp = cp * 16 + static_cast<unsigned>(h);
        }
        if (!ok) {
          out += "\\u";
          break;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() && raw[i + 1] == '\\' &&
            raw[i + 2] == 'u') {
          unsigned low = 0;
          bool low_ok = true;
          for (std::size_t k = 3; low_ok && k <= 6; ++k) {
            const int h = text::hex_digit_value(raw[i + k]);
            low_ok = h >= 0;
            low = low * 16 + static_cast<unsigned>(h);
          }
          if (low_ok && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        text::append_utf8(cp, out);
        break;
      }
      default:
        out += e;
    }
  }
  return out;
}

std::optional<std::size_t> array_index(const std::string& token) {
  if (token.empty() || token.size() > 9) return std::nullopt;
  if (token.size() > 1 && token[0] == '0') return std::nullopt;
  std::size_t index = 0;
  for (const char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index;
}

}  // namespace

JsonLocator::JsonLocator(std::string_view text) : text_(text) {}
JsonLocator::~JsonLocator() = default;

// Every member (its first two occurrences) or element of one object or array, found in one
// scan of it, up to where the text stops being JSON.
struct JsonLocator::Container {
  struct Member {
    std::size_t count = 0;
    JsonSpan key[2];
    std::size_t value_begin[2] = {0, 0};
  };
  std::unordered_map<std::string, Member> members;
  std::vector<std::size_t> elements;
  std::optional<std::size_t> end;  // past the container, once asked for
};

JsonLocator::Container& JsonLocator::container_at(std::size_t begin) {
  const auto known = containers_.find(begin);
  if (known != containers_.end()) return known->second;
  Container& c = containers_[begin];
  Scanner scan(text_, begin);
  if (scan.peek() == '{') {
    scan.advance();
    for (;;) {
      scan.skip_space();
      if (scan.peek() != '"') break;
      const std::size_t key_begin = scan.pos();
      const auto raw = scan.skip_string();
      if (!raw) break;
      const std::size_t key_end = scan.pos();
      scan.skip_space();
      if (scan.peek() != ':') break;
      scan.advance();
      scan.skip_space();
      auto& member = c.members[raw->find('\\') == std::string_view::npos ? std::string(*raw)
                                                                         : unescape_key(*raw)];
      if (member.count < 2) {
        member.key[member.count] = {key_begin, key_end};
        member.value_begin[member.count] = scan.pos();
      }
      ++member.count;
      if (!scan.skip_value()) break;
      scan.skip_space();
      if (scan.peek() != ',') break;
      scan.advance();
    }
  } else {
    scan.advance();
    scan.skip_space();
    if (scan.peek() != ']') {
      for (;;) {
        scan.skip_space();
        c.elements.push_back(scan.pos());
        if (!scan.skip_value()) break;
        scan.skip_space();
        if (scan.peek() != ',') break;
        scan.advance();
      }
    }
  }
  return c;
}

JsonSpan JsonLocator::whole(std::size_t begin) {
  Container& c = container_at(begin);
  if (!c.end) {
    Scanner rest(text_, begin);
    c.end = rest.skip_value() ? rest.pos() : begin + 1;
  }
  return {begin, *c.end};
}

std::optional<JsonSpan> JsonLocator::find(const std::vector<std::string>& tokens,
                                          std::size_t occurrence, bool want_key) {
  // A byte order mark is reported by the reader; positions still count past it.
  Scanner scan(text_, text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  scan.skip_space();
  if (scan.at_end()) return std::nullopt;
  std::size_t value_begin = scan.pos();
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const bool last = t + 1 == tokens.size();
    const char open = text_[value_begin];
    if (open == '{') {
      const Container& c = container_at(value_begin);
      const auto member = c.members.find(tokens[t]);
      const std::size_t wanted = last ? occurrence : 1;
      if (member == c.members.end() || wanted < 1 || wanted > 2 || member->second.count < wanted) {
        return whole(value_begin);
      }
      if (last && want_key) return member->second.key[wanted - 1];
      value_begin = member->second.value_begin[wanted - 1];
    } else if (open == '[') {
      const Container& c = container_at(value_begin);
      const auto index = array_index(tokens[t]);
      if (!index || *index >= c.elements.size()) return whole(value_begin);
      value_begin = c.elements[*index];
    } else {
      break;  // a scalar has no members: point at it
    }
  }
  Scanner value(text_, value_begin);
  const char c = value.peek();
  if (c == '{' || c == '[') return JsonSpan{value_begin, value_begin + 1};
  if (!value.skip_value()) return JsonSpan{value_begin, text_.size()};
  return JsonSpan{value_begin, std::max(value.pos(), value_begin + 1)};
}

Location JsonLocator::location(JsonSpan span) {
  if (!index_) index_.emplace(text_);
  const TextPosition at = index_->position(span.begin);
  Location location;
  location.line = at.line;
  location.column = at.column;
  const std::size_t begin = std::min(span.begin, text_.size());
  const std::size_t end =
      std::max(begin, std::min({span.end, text_.size(), index_->line_end(begin)}));
  location.length = std::max(1, static_cast<int>(index_->code_points(begin, end)));
  return location;
}

std::optional<JsonSpan> find_json_value(std::string_view bytes,
                                        const std::vector<std::string>& tokens,
                                        std::size_t occurrence, bool want_key) {
  return JsonLocator(bytes).find(tokens, occurrence, want_key);
}

Location location_of_span(std::string_view bytes, JsonSpan span) {
  const TextPosition at = position_of(bytes, span.begin);
  Location location;
  location.line = at.line;
  location.column = at.column;
  std::size_t end = std::min(span.end, bytes.size());
  const std::size_t newline = bytes.find('\n', span.begin);
  if (newline != std::string_view::npos) end = std::min(end, newline);
  location.length = std::max(
      1, static_cast<int>(text::count_code_points(bytes.substr(span.begin, end - span.begin))));
  return location;
}

namespace {

Location locate_in(JsonLocator& locator, std::string_view pointer, bool want_key) {
  const auto tokens = json::split_pointer(pointer);
  if (!tokens) return {};
  const auto span = locator.find(*tokens, 1, want_key && !tokens->empty());
  if (!span) return {};
  return locator.location(*span);
}

}  // namespace

JsonSourceMap::JsonSourceMap(std::string bytes)
    : bytes_(std::move(bytes)), locator_(std::make_unique<JsonLocator>(bytes_)) {}

JsonSourceMap::~JsonSourceMap() = default;

Location JsonSourceMap::locate(std::string_view pointer) const {
  return locate_in(*locator_, pointer, false);
}

Location JsonSourceMap::locate_name(std::string_view pointer) const {
  return locate_in(*locator_, pointer, true);
}

}  // namespace conform::codec
