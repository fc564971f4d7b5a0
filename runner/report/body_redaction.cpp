#include "report/body_redaction.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "codec/json_reader.hpp"
#include "codec/rapidjson.hpp"
#include "report/redaction.hpp"

namespace conform::report {
namespace {

// Deeper JSON is left as it is: rewriting it would recurse that deep.
constexpr std::size_t kMaxDepth = 256;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

enum class BodyFormat { json, xml, form, other };

BodyFormat format_of(const Headers& headers, std::string_view body) {
  for (const auto& [name, value] : headers) {
    if (lower(name) != "content-type") continue;
    const std::string type = lower(value);
    if (type.find("json") != std::string::npos) return BodyFormat::json;
    if (type.find("xml") != std::string::npos) return BodyFormat::xml;
    if (type.find("x-www-form-urlencoded") != std::string::npos) return BodyFormat::form;
  }
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return BodyFormat::other;
  if (body[first] == '{' || body[first] == '[') return BodyFormat::json;
  if (body[first] == '<') return BodyFormat::xml;
  return body.find('=') != std::string_view::npos ? BodyFormat::form : BodyFormat::other;
}

bool masks(const rapidjson::Value& value) {
  return value.IsString() &&
         std::string_view(value.GetString(), value.GetStringLength()) != kRedacted;
}

std::string redact_json(std::string_view body) {
  // Through the codec: RapidJSON's own full-precision parse reads "0e305" as -2.9e-70, and
  // a rewritten body would show that number.
  rapidjson::Document document;
  Findings findings;
  if (!codec::parse_json(body, codec::Limits{}, document, findings)) return std::string(body);
  bool changed = false;
  std::vector<std::pair<rapidjson::Value*, std::size_t>> stack{{&document, 1}};
  while (!stack.empty()) {
    auto [value, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxDepth) return std::string(body);
    if (value->IsObject()) {
      for (auto& member : value->GetObject()) {
        const std::string_view name(member.name.GetString(), member.name.GetStringLength());
        if (is_secret_field(name) && masks(member.value)) {
          member.value.SetString(kRedacted.data(),
                                 static_cast<rapidjson::SizeType>(kRedacted.size()),
                                 document.GetAllocator());
          changed = true;
        } else {
          stack.emplace_back(&member.value, depth + 1);
        }
      }
    } else if (value->IsArray()) {
      for (auto& item : value->GetArray()) stack.emplace_back(&item, depth + 1);
    }
  }
  if (!changed) return std::string(body);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// <Password>s3cret</Password> -> <Password>***</Password>, at any depth, any prefix.
std::string redact_xml(std::string_view body) {
  std::string out;
  std::size_t i = 0;
  while (i < body.size()) {
    const std::size_t open = body.find('<', i);
    if (open == std::string_view::npos) break;
    std::size_t end = open + 1;
    while (end < body.size() &&
           (std::isalnum(static_cast<unsigned char>(body[end])) || body[end] == '_' ||
            body[end] == '-' || body[end] == ':' || body[end] == '.')) {
      ++end;
    }
    const std::string_view name = body.substr(open + 1, end - open - 1);
    const std::size_t close = body.find('>', end);
    if (name.empty() || close == std::string_view::npos || body[close - 1] == '/') {
      out.append(body.substr(i, (close == std::string_view::npos ? body.size() : close + 1) - i));
      i = close == std::string_view::npos ? body.size() : close + 1;
      continue;
    }
    const std::string_view local =
        name.substr(name.find(':') == std::string_view::npos ? 0 : name.find(':') + 1);
    const std::size_t text_end = body.find('<', close + 1);
    out.append(body.substr(i, close + 1 - i));
    i = close + 1;
    if (text_end != std::string_view::npos && is_secret_field(local)) {
      const std::string_view text = body.substr(close + 1, text_end - close - 1);
      if (!text.empty() && text != kRedacted) {
        out += kRedacted;
        i = text_end;
      }
    }
  }
  out.append(body.substr(std::min(i, body.size())));
  return out;
}

// password=s3cret&name=x -> password=***&name=x
std::string redact_form(std::string_view body) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(pos, end - pos);
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && is_secret_field(pair.substr(0, equals)) &&
        pair.substr(equals + 1) != kRedacted && equals + 1 < pair.size()) {
      out.append(pair.substr(0, equals + 1));
      out += kRedacted;
    } else {
      out.append(pair);
    }
    if (end == body.size()) break;
    out += '&';
    pos = end + 1;
  }
  return out;
}

}  // namespace

bool is_secret_field(std::string_view name) {
  // Case-insensitive search without a lower-case copy: it also screens whole bodies.
  const auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
  };
  for (const std::string_view part :
       {"password", "secret", "token", "apikey", "api_key", "integrationkey"}) {
    if (std::search(name.begin(), name.end(), part.begin(), part.end(), same) != name.end()) {
      return true;
    }
  }
  return false;
}

std::string redact_body(const Headers& headers, std::string_view body) {
  // Most bodies name no secret at all: skip parsing them.
  if (!is_secret_field(body)) return std::string(body);
  switch (format_of(headers, body)) {
    case BodyFormat::json:
      return redact_json(body);
    case BodyFormat::xml:
      return redact_xml(body);
    case BodyFormat::form:
      return redact_form(body);
    case BodyFormat::other:
      break;
  }
  return std::string(body);
}

}  // namespace conform::report
