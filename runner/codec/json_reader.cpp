#include "codec/json_reader.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codec/json_number.hpp"
#include "codec/json_source_map.hpp"
#include "codec/scalar_text.hpp"
#include "codec/text_position.hpp"
#include "json/pointer.hpp"
#include "text/utf8.hpp"

namespace conform::codec {
namespace {

// Iterative: RapidJSON's default parser recurses once per nesting level, so 200,000 '['
// would overflow the stack before any limit is checked. Numbers come as text and are read by
// read_json_number, correctly rounded.
constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;

// RapidJSON's reader over a byte range that need not end in NUL (NUL bytes are rejected
// before parsing, so '\0' can stand for the end).
class ByteStream {
 public:
  using Ch = char;
  ByteStream(const char* begin, const char* end) : begin_(begin), cur_(begin), end_(end) {}
  Ch Peek() const { return cur_ == end_ ? '\0' : *cur_; }
  Ch Take() { return cur_ == end_ ? '\0' : *cur_++; }
  std::size_t Tell() const { return static_cast<std::size_t>(cur_ - begin_); }
  const char* position() const { return cur_; }
  // Write side, required by the interface but never used by a reader.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  const char* begin_;
  const char* cur_;
  const char* end_;
};

// In-place reading of a NUL-terminated copy of the bytes: strings are decoded where they
// stand. (RapidJSON's InsituStringStream is copied into a local while a string is parsed,
// so a handler stopping there would read a stale Tell().)
class InsituStream {
 public:
  using Ch = char;
  explicit InsituStream(char* text) : head_(text), src_(text) {}
  Ch Peek() const { return *src_; }
  Ch Take() { return *src_++; }
  std::size_t Tell() const { return static_cast<std::size_t>(src_ - head_); }
  const char* position() const { return src_; }
  Ch* PutBegin() { return dst_ = src_; }
  void Put(Ch c) { *dst_++ = c; }
  void Flush() {}
  std::size_t PutEnd(Ch* begin) { return static_cast<std::size_t>(dst_ - begin); }

 private:
  char* head_;
  char* src_;
  char* dst_ = nullptr;
};

enum class Stop { none, depth, string, members, number, surrogate };

// Forwards parse events to the document while enforcing Limits, so an oversized input
// stops the parse where it crosses the limit instead of after it is built.
template <typename Stream>
class LimitedHandler : public DocumentScalarEvents {
 public:
  LimitedHandler(rapidjson::Document& document, const Limits& limits, Stream& stream)
      : DocumentScalarEvents(document), limits_(limits), stream_(stream) {}

  // The number's text is read where it stands, just before the stream's position: in place,
  // RapidJSON 1.1.0 passes a pointer past the number, not to it.
  bool RawNumber(const char*, rapidjson::SizeType n, bool) {
    bool too_big = false;
    if (emit_json_number(std::string_view(stream_.position() - n, n), document_, too_big)) {
      return true;
    }
    return too_big ? stop(Stop::number, n) : false;
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    if (n > limits_.max_string_bytes) return stop(Stop::string);
    if (text::has_encoded_surrogate(s, n)) return stop(Stop::surrogate);
    return document_.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    if (n > limits_.max_string_bytes) return stop(Stop::string);
    if (text::has_encoded_surrogate(s, n)) return stop(Stop::surrogate);
    return document_.Key(s, n, copy);
  }
  bool StartObject() {
    return ++depth_ > limits_.max_depth ? stop(Stop::depth) : document_.StartObject();
  }
  bool StartArray() {
    return ++depth_ > limits_.max_depth ? stop(Stop::depth) : document_.StartArray();
  }
  bool EndObject(rapidjson::SizeType n) {
    --depth_;
    return n > limits_.max_members ? stop(Stop::members) : document_.EndObject(n);
  }
  bool EndArray(rapidjson::SizeType n) {
    --depth_;
    return n > limits_.max_members ? stop(Stop::members) : document_.EndArray(n);
  }

  Stop stopped() const { return stopped_; }
  std::size_t stop_offset() const { return stop_offset_; }

 private:
  // `back`: how far before the stream's position the culprit starts.
  bool stop(Stop why, std::size_t back = 0) {
    stopped_ = why;
    stop_offset_ = stream_.Tell() - back;
    return false;
  }

  const Limits& limits_;
  Stream& stream_;  // Tell() is not const in every RapidJSON stream
  std::size_t depth_ = 0;
  Stop stopped_ = Stop::none;
  std::size_t stop_offset_ = 0;
};

Finding finding_at(std::string_view bytes, std::size_t offset, std::string keyword,
                   std::string message) {
  const TextPosition at = position_of(bytes, offset);
  Finding f;
  f.line = at.line;
  f.column = at.column;
  f.length = 1;
  f.keyword = std::move(keyword);
  f.message = std::move(message);
  return f;
}

// The token starting at `offset`, for "actual" (at most 24 code points, one line).
std::string token_at(std::string_view bytes, std::size_t offset) {
  std::size_t end = offset;
  std::size_t points = 0;
  while (end < bytes.size() && points < 24) {
    const char c = bytes[end];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '}' || c == ']' ||
        c == ':') {
      if (end == offset) ++end;  // the delimiter itself is the culprit
      break;
    }
    ++end;
    while (end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80) ++end;
    ++points;
  }
  return std::string(bytes.substr(offset, end - offset));
}

std::string hex_byte(unsigned char c) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 0xF];
}

// A ',' followed only by whitespace and then the '}' or ']' at `offset`.
bool is_trailing_comma(std::string_view bytes, std::size_t offset) {
  if (offset >= bytes.size() || (bytes[offset] != '}' && bytes[offset] != ']')) return false;
  std::size_t before = offset;
  while (before > 0 && std::strchr(" \t\r\n", bytes[before - 1]) != nullptr) --before;
  return before > 0 && bytes[before - 1] == ',';
}

// Plain words for RapidJSON's error codes.
std::string describe_parse_error(rapidjson::ParseErrorCode code, std::string_view bytes,
                                 std::size_t offset, std::optional<std::string>& expected) {
  using namespace rapidjson;
  if (is_trailing_comma(bytes, offset)) {
    expected = bytes[offset] == '}' ? "a member name in double quotes" : "a value";
    return std::string("a trailing comma before '") + bytes[offset] +
           "': JSON allows no comma after the last " +
           (bytes[offset] == '}' ? "member" : "element");
  }
  switch (code) {
    case kParseErrorDocumentEmpty:
      return "the body is empty or only whitespace: expected a JSON value";
    case kParseErrorDocumentRootNotSingular:
      expected = "end of input";
      return "unexpected text after the JSON value";
    case kParseErrorValueInvalid:
      expected = "a string, number, object, array, true, false or null";
      return "invalid value: not JSON";
    case kParseErrorObjectMissName:
      expected = "a member name in double quotes";
      return "expected a member name in double quotes (or '}')";
    case kParseErrorObjectMissColon:
      expected = "':'";
      return "expected ':' after the member name";
    case kParseErrorObjectMissCommaOrCurlyBracket:
      expected = "',' or '}'";
      return "expected ',' or '}' after an object member";
    case kParseErrorArrayMissCommaOrSquareBracket:
      expected = "',' or ']'";
      return "expected ',' or ']' after an array element";
    case kParseErrorStringUnicodeEscapeInvalidHex:
      return "invalid \\u escape: expected four hex digits";
    case kParseErrorStringUnicodeSurrogateInvalid:
      return "invalid \\u escape: a UTF-16 surrogate without its pair";
    case kParseErrorStringEscapeInvalid:
      if (offset < bytes.size() && static_cast<unsigned char>(bytes[offset]) < 0x20) {
        return "a control character (" + hex_byte(static_cast<unsigned char>(bytes[offset])) +
               ") must be escaped inside a string";
      }
      return "invalid escape sequence in a string";
    case kParseErrorStringMissQuotationMark:
      return "the string is not closed: missing '\"'";
    case kParseErrorStringInvalidEncoding:
      return "invalid UTF-8 inside a string";
    case kParseErrorNumberMissFraction:
      return "expected digits after the decimal point";
    case kParseErrorNumberMissExponent:
      return "expected digits in the exponent";
    default:
      return GetParseError_En(code);
  }
}

// The offset of the first \u escape of a surrogate without its pair in the string that ends
// (closing quote included) at `string_end`.
std::size_t unpaired_surrogate_escape(std::string_view bytes, std::size_t string_end) {
  // The opening quote: the first '"' before the closing one not escaped by a backslash.
  std::size_t open = string_end - 1;
  for (;;) {
    open = bytes.rfind('"', open - 1);
    std::size_t slashes = 0;
    while (slashes < open && bytes[open - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) break;
  }
  const auto unit_at = [&](std::size_t at) -> unsigned {
    if (at + 6 > bytes.size() || bytes[at] != '\\' || bytes[at + 1] != 'u') return 0;
    unsigned unit = 0;
    for (std::size_t k = at + 2; k < at + 6; ++k) {
      const char c = bytes[k];
      unit = unit * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return unit;
  };
  for (std::size_t at = open + 1; at < string_end; ++at) {
    if (bytes[at] != '\\') continue;
    const unsigned unit = unit_at(at);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const unsigned next = unit_at(at + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        at += 11;
        continue;
      }
      return at;
    }
    if (unit >= 0xDC00 && unit <= 0xDFFF) return at;
    ++at;  // the escaped character
  }
  return open;
}

// A number no double can hold is over a limit of the reader, not bad JSON.
Finding number_too_big(std::string_view bytes, std::size_t offset) {
  std::string number(bytes.substr(offset, number_text_length(bytes, offset)));
  if (number.size() > 24) number = number.substr(0, 21) + "...";
  Finding f = finding_at(bytes, offset, "limit",
                         "the number " + number +
                             " is beyond the range of a double (about 1.8e308), the largest "
                             "number a JSON reader can be relied on to hold");
  f.length = static_cast<int>(number_text_length(bytes, offset));
  f.actual = number;
  return f;
}

struct DuplicateKey {
  std::vector<std::string> path;  // tokens of the object
  std::string key;
};

// Visits every object without recursion; reports each repeated name once per object, and
// lists each object that has one in `objects`.
void find_duplicate_keys(const rapidjson::Value& root, std::vector<DuplicateKey>& out,
                         std::vector<const rapidjson::Value*>& objects) {
  struct Frame {
    const rapidjson::Value* value;
    rapidjson::SizeType next;  // the child to visit next; next - 1 is the one being visited
  };
  std::vector<Frame> stack{{&root, 0}};
  // The tokens of the object on top of the stack, built only when a duplicate is found.
  const auto path = [&stack]() {
    std::vector<std::string> tokens;
    for (std::size_t k = 0; k + 1 < stack.size(); ++k) {
      const rapidjson::Value& v = *stack[k].value;
      const rapidjson::SizeType i = stack[k].next - 1;
      if (v.IsObject()) {
        const auto& name = v.MemberBegin()[i].name;
        tokens.emplace_back(name.GetString(), name.GetStringLength());
      } else {
        tokens.push_back(std::to_string(i));
      }
    }
    return tokens;
  };
  std::vector<std::uint32_t> slots;  // open addressing: member index + 1, 0 when free
  std::vector<bool> reported;
  std::vector<std::string_view> repeated;
  const auto check = [&](const rapidjson::Value& object) {
    const rapidjson::SizeType n = object.MemberCount();
    if (n < 2) return;
    const auto begin = object.MemberBegin();
    const auto name = [&](rapidjson::SizeType i) {
      const auto& k = begin[i].name;
      return std::string_view(k.GetString(), k.GetStringLength());
    };
    // Few members: pairwise, no allocation.
    if (n <= 8) {
      for (rapidjson::SizeType i = 1; i < n; ++i) {
        for (rapidjson::SizeType j = 0; j < i; ++j) {
          if (name(i) == name(j)) {
            bool seen = false;
            for (rapidjson::SizeType k = 0; k < j && !seen; ++k) seen = name(k) == name(i);
            for (rapidjson::SizeType k = j + 1; k < i && !seen; ++k) seen = name(k) == name(i);
            if (!seen) out.push_back({path(), std::string(name(i))});
            if (objects.empty() || objects.back() != &object) objects.push_back(&object);
            break;
          }
        }
      }
      return;
    }
    // More: a hash set of the names, so 60 members cost 60 probes, not 1,770 comparisons.
    std::size_t size = 16;
    while (size < std::size_t{n} * 2) size *= 2;
    slots.assign(size, 0);
    reported.assign(n, false);
    repeated.clear();
    for (rapidjson::SizeType i = 0; i < n; ++i) {
      const std::string_view key = name(i);
      std::size_t slot = std::hash<std::string_view>{}(key) & (size - 1);
      for (;; slot = (slot + 1) & (size - 1)) {
        if (slots[slot] == 0) {
          slots[slot] = i + 1;
          break;
        }
        const rapidjson::SizeType first = slots[slot] - 1;
        if (name(first) == key) {
          if (!reported[first]) repeated.push_back(key);
          reported[first] = true;
          break;
        }
      }
    }
    if (repeated.empty()) return;
    objects.push_back(&object);
    // Up to 32 members the order is that of the first repeats; beyond, by name (as before).
    if (n > 32) std::sort(repeated.begin(), repeated.end());
    for (const auto key : repeated) out.push_back({path(), std::string(key)});
  };
  if (root.IsObject()) check(root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const rapidjson::Value& v = *top.value;
    const rapidjson::SizeType size = v.IsObject() ? v.MemberCount() : v.IsArray() ? v.Size() : 0;
    if (top.next >= size) {
      stack.pop_back();
      continue;
    }
    const rapidjson::SizeType i = top.next++;
    const rapidjson::Value* child = v.IsObject() ? &v.MemberBegin()[i].value : &v[i];
    if (!child->IsObject() && !child->IsArray()) continue;
    stack.push_back({child, 0});
    if (child->IsObject()) check(*child);
  }
}

// Keeps only the last member of each name, as JavaScript's JSON.parse and most receivers do,
// so keywords (maxProperties, required, properties...) see each name once: the repeat itself
// is the duplicate-key finding. The members are moved, not copied.
void keep_last_of_each_name(rapidjson::Value& object,
                            rapidjson::Document::AllocatorType& allocator) {
  const rapidjson::SizeType n = object.MemberCount();
  std::unordered_map<std::string_view, rapidjson::SizeType> last;
  last.reserve(n);
  const auto begin = object.MemberBegin();
  for (rapidjson::SizeType i = 0; i < n; ++i) {
    last[std::string_view(begin[i].name.GetString(), begin[i].name.GetStringLength())] = i;
  }
  rapidjson::Value kept(rapidjson::kObjectType);
  for (rapidjson::SizeType i = 0; i < n; ++i) {
    const std::string_view name(begin[i].name.GetString(), begin[i].name.GetStringLength());
    if (last[name] == i) kept.AddMember(begin[i].name, begin[i].value, allocator);
  }
  object = kept;  // a move
}

bool only_whitespace(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Parses `stream` (positioned after any BOM) into `document`; on failure, the offset where
// the parse stopped, relative to the stream's start.
template <unsigned kFlags, typename Stream>
bool parse_stream(rapidjson::Reader& reader, Stream& stream, const Limits& limits,
                  rapidjson::Document& document, Stop& stopped, std::size_t& offset) {
  LimitedHandler<Stream> handler(document, limits, stream);
  bool parsed = false;
  auto generate = [&](rapidjson::Document& target) {
    (void)target;
    parsed = !reader.Parse<kFlags>(stream, handler).IsError();
    return parsed;
  };
  document.Populate(generate);
  stopped = handler.stopped();
  offset = stopped != Stop::none ? handler.stop_offset() : reader.GetErrorOffset();
  return parsed;
}

// `insitu`, when given, holds a copy of `bytes` followed by a NUL: the parse then decodes
// strings in place there (no copy into the document, no bounds check per byte), and the
// document points into it.
bool parse_with(rapidjson::Reader& reader, std::string_view bytes, const Limits& limits,
                rapidjson::Document& document, Findings& findings, char* insitu = nullptr) {
  if (bytes.size() > limits.max_bytes) {
    findings.push_back(finding_at(bytes, 0, "limit", body_too_large_message(bytes.size(), limits)));
    return false;
  }
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    findings.push_back(finding_at(bytes, 0, "encoding",
                                  "the body starts with a UTF-16 byte order mark (" +
                                      hex_byte(static_cast<unsigned char>(bytes[0])) + " " +
                                      hex_byte(static_cast<unsigned char>(bytes[1])) +
                                      "): JSON must be UTF-8"));
    return false;
  }
  text::Utf8Problem problem;
  if (!text::check_utf8(bytes, problem)) {
    const TextPosition at = position_of(bytes, problem.offset);
    std::string where = "at byte offset " + std::to_string(problem.offset) + " (line " +
                        std::to_string(at.line) + ", column " + std::to_string(at.column) + ")";
    Finding f =
        finding_at(bytes, problem.offset, "encoding",
                   problem.nul ? "a NUL byte " + where + ": JSON text cannot contain one"
                               : "invalid UTF-8: byte " +
                                     hex_byte(static_cast<unsigned char>(bytes[problem.offset])) +
                                     " " + where + " does not start a valid sequence");
    findings.push_back(std::move(f));
    return false;
  }
  std::size_t start = 0;
  bool ok = true;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    Finding f = finding_at(bytes, 0, "encoding",
                           "the body starts with a UTF-8 byte order mark (EF BB BF), which "
                           "JSON senders must not add (RFC 8259, section 8.1)");
    findings.push_back(std::move(f));
    start = 3;
  }
  if (only_whitespace(bytes.substr(start))) {
    findings.push_back(finding_at(bytes, bytes.size(), "syntax",
                                  bytes.empty() ? "the body is empty: expected a JSON value"
                                                : "the body is only whitespace: expected a "
                                                  "JSON value"));
    return false;
  }

  Stop stopped = Stop::none;
  std::size_t stop_offset = 0;
  bool parsed;
  std::string rewritten;  // the text after a number RapidJSON refused in range was rewritten
  for (;;) {
    if (!rewritten.empty()) {
      ByteStream stream(rewritten.data(), rewritten.data() + rewritten.size());
      parsed = parse_stream<kParseFlags>(reader, stream, limits, document, stopped, stop_offset);
    } else if (insitu != nullptr) {
      // NUL bytes were refused above, so the terminating NUL is the end of the input.
      InsituStream stream(insitu + start);
      parsed = parse_stream<kParseFlags | rapidjson::kParseInsituFlag>(
          reader, stream, limits, document, stopped, stop_offset);
    } else {
      ByteStream stream(bytes.data() + start, bytes.data() + bytes.size());
      parsed = parse_stream<kParseFlags>(reader, stream, limits, document, stopped, stop_offset);
    }
    if (parsed || stopped != Stop::none ||
        reader.GetParseErrorCode() != rapidjson::kParseErrorNumberTooBig) {
      break;
    }
    if (rewritten.empty()) rewritten.assign(bytes.substr(start));
    if (!rewrite_number_in_range(rewritten, stop_offset)) break;
  }
  if (!parsed) {
    const std::size_t offset = start + stop_offset;
    Finding f;
    switch (stopped) {
      case Stop::depth:
        f = finding_at(bytes, offset, "limit",
                       "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
        break;
      case Stop::string:
        f = finding_at(
            bytes, offset, "limit",
            "a string longer than " + std::to_string(limits.max_string_bytes) + " bytes");
        break;
      case Stop::members:
        f = finding_at(
            bytes, offset > 0 ? offset - 1 : 0, "limit",
            "an object or array with more than " + std::to_string(limits.max_members) + " entries");
        break;
      case Stop::number:
        f = number_too_big(bytes, offset);
        break;
      case Stop::surrogate: {
        const std::size_t at = unpaired_surrogate_escape(bytes, offset);
        f = finding_at(bytes, at, "syntax",
                       describe_parse_error(rapidjson::kParseErrorStringUnicodeSurrogateInvalid,
                                            bytes, at, f.expected));
        f.actual = std::string(bytes.substr(at, 6));
        f.length = 6;
        break;
      }
      case Stop::none: {
        if (reader.GetParseErrorCode() == rapidjson::kParseErrorNumberTooBig) {
          f = number_too_big(bytes, offset);
          break;
        }
        std::optional<std::string> expected;
        f = finding_at(bytes, offset, "syntax",
                       describe_parse_error(reader.GetParseErrorCode(), bytes, offset, expected));
        f.expected = std::move(expected);
        if (offset < bytes.size()) {
          f.actual = token_at(bytes, offset);
          f.length = static_cast<int>(text::count_code_points(*f.actual));
        } else {
          f.actual = "end of input";
        }
        break;
      }
    }
    findings.push_back(std::move(f));
    document.SetNull();
    return false;
  }

  std::vector<DuplicateKey> duplicates;
  std::vector<const rapidjson::Value*> objects;
  find_duplicate_keys(document, duplicates, objects);
  JsonLocator locator(bytes);
  for (auto& duplicate : duplicates) {
    std::string pointer;
    for (const auto& token : duplicate.path) json::append_token(pointer, token);
    json::append_token(pointer, duplicate.key);
    duplicate.path.push_back(duplicate.key);
    Finding f;
    f.keyword = "duplicate-key";
    f.message = "the member \"" + duplicate.key +
                "\" appears more than once in the object; receivers keep only one of the "
                "values";
    if (const auto span = locator.find(duplicate.path, 2, true)) {
      const Location at = locator.location(*span);
      f.line = at.line;
      f.column = at.column;
      f.length = at.length;
    }
    f.pointer = std::move(pointer);
    findings.push_back(std::move(f));
  }
  // Deepest first (the walk lists an object before the objects inside it), so an object is
  // rebuilt after the objects within it and no pointer goes stale.
  for (auto it = objects.rbegin(); it != objects.rend(); ++it) {
    keep_last_of_each_name(const_cast<rapidjson::Value&>(**it), document.GetAllocator());
  }
  return ok;
}

}  // namespace

bool parse_json(std::string_view bytes, const Limits& limits, rapidjson::Document& document,
                Findings& findings) {
  rapidjson::Reader reader;
  return parse_with(reader, bytes, limits, document, findings);
}

struct JsonReader::Impl {
  explicit Impl(const Limits& l) : limits(l), arena(buffer.get(), kBufferBytes), document(&arena) {}
  static constexpr std::size_t kBufferBytes = 64 * 1024;
  Limits limits;
  // The first 64 KiB of every payload come from this buffer: small payloads never allocate.
  // Left uninitialised, so only the pages a payload uses are ever touched.
  std::unique_ptr<char[]> buffer{new char[kBufferBytes]};
  rapidjson::MemoryPoolAllocator<> arena;
  rapidjson::Document document;
  rapidjson::Reader reader;
  // The payload's bytes, parsed in place: the document's strings point into them.
  std::string text;
};

JsonReader::JsonReader(const Limits& limits) : impl_(std::make_unique<Impl>(limits)) {}
JsonReader::~JsonReader() = default;

bool JsonReader::read(std::string_view bytes, Findings& findings) {
  impl_->document.SetNull();
  impl_->arena.Clear();
  // Bytes over the limit are refused before they are parsed: no copy for them.
  if (bytes.size() > impl_->limits.max_bytes) {
    return parse_with(impl_->reader, bytes, impl_->limits, impl_->document, findings);
  }
  impl_->text.assign(bytes.data(), bytes.size());  // keeps its capacity between payloads
  return parse_with(impl_->reader, bytes, impl_->limits, impl_->document, findings,
                    impl_->text.data());
}

const rapidjson::Value& JsonReader::value() const { return impl_->document; }

std::shared_ptr<const SourceMap> make_json_source_map(std::string_view bytes) {
  return std::make_shared<JsonSourceMap>(std::string(bytes));
}

}  // namespace conform::codec
