#include "secret/masker.hpp"

#include <algorithm>
#include <cctype>

#include "json/string_escape.hpp"
#include "text/ascii_case.hpp"
#include "text/markup.hpp"
#include "text/percent.hpp"

namespace conform::secret {
namespace {

void replace_all(std::string& text, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) {
    text.replace(at, what.size(), with);
  }
}

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_json_delimiter(char c) {
  return is_json_space(c) || c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '"';
}

bool is_base64(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=';
}

// An auth scheme ("Bearer", "Basic", "Digest"): letters only, unlike "session=abc;".
bool is_scheme(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(),
                                      [](unsigned char c) { return std::isalpha(c) != 0; });
}

// The value a masked field or parameter gets: the marker stays readable in a URL or form.
std::string percent_encode_masked(std::string_view value) {
  std::string out = text::percent_encode(value);
  replace_all(out, "%2A", "*");
  return out;
}

// The last step of a JSON Pointer or an XPath, without an [n] index or a prefix.
std::string_view last_step(std::string_view path) {
  const auto slash = path.rfind('/');
  std::string_view step = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto bracket = step.find('['); bracket != std::string_view::npos) {
    step = step.substr(0, bracket);
  }
  if (const auto colon = step.find(':'); colon != std::string_view::npos) {
    step = step.substr(colon + 1);
  }
  return step;
}

// "\"hunter2\"" -> "hunter2": findings quote JSON strings.
std::string unquoted(const std::string& value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    return json::json_unescape(std::string_view(value).substr(1, value.size() - 2));
  }
  return value;
}

enum class BodyFormat { json, xml, form, other };

BodyFormat format_of(const Headers& headers, std::string_view body) {
  for (const auto& [name, value] : headers) {
    if (text::to_lower_ascii(name) != "content-type") continue;
    const std::string type = text::to_lower_ascii(value);
    if (type.find("json") != std::string::npos) return BodyFormat::json;
    if (type.find("xml") != std::string::npos) return BodyFormat::xml;
    if (type.find("x-www-form-urlencoded") != std::string::npos) return BodyFormat::form;
  }
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return BodyFormat::other;
  if (body[first] == '{' || body[first] == '[' || body[first] == '"') return BodyFormat::json;
  if (body[first] == '<') return BodyFormat::xml;
  return body.find('=') != std::string_view::npos ? BodyFormat::form : BodyFormat::other;
}

}  // namespace

void Masker::add_secret(std::string_view value) {
  if (value.empty() || value == kRedacted) return;
  if (std::find(values_.begin(), values_.end(), value) != values_.end()) return;
  values_.emplace_back(value);
  if (value.size() < kMinTextualLength) return;
  std::string shell(value);
  replace_all(shell, "'", "'\\''");
  std::string lower_hex = text::percent_encode(value);
  for (std::size_t at = lower_hex.find('%'); at != std::string::npos;
       at = lower_hex.find('%', at + 1)) {
    for (std::size_t i = at + 1; i <= at + 2; ++i) {
      lower_hex[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower_hex[i])));
    }
  }
  std::string form = text::percent_encode(value);
  replace_all(form, "%20", "+");
  for (std::string encoded : {std::string(value), json::json_escape(value), text::xml_escape(value),
                              text::percent_encode(value), lower_hex, form, shell}) {
    if (std::find(forms_.begin(), forms_.end(), encoded) == forms_.end()) {
      forms_.push_back(std::move(encoded));
    }
  }
  // Longest first, so a secret containing another is masked whole.
  std::stable_sort(forms_.begin(), forms_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Masker::mask_text(std::string_view text) const { return mask_forms(text, Forms::all); }

std::string Masker::mask_forms(std::string_view text, Forms which) const {
  std::string out(text);
  for (const auto& form : forms_) {
    if (which == Forms::not_numbers &&
        form.find_first_not_of("0123456789.+-eE") == std::string::npos) {
      continue;
    }
    if (which == Forms::token_splitting && form.find_first_of("\"\\<>&=") == std::string::npos) {
      continue;
    }
    replace_all(out, form, kRedacted);
  }
  // HTTP Basic credentials: the base64 of user:password holds the password whatever it is.
  for (const std::string_view scheme : {"Basic ", "basic ", "BASIC "}) {
    for (auto at = out.find(scheme); at != std::string::npos; at = out.find(scheme, at + 1)) {
      const std::size_t start = at + scheme.size();
      std::size_t end = start;
      while (end < out.size() && is_base64(out[end])) ++end;
      if (end - start >= 4) out.replace(start, end - start, kRedacted);
    }
  }
  return out;
}

std::string Masker::mask_value(std::string_view value) const {
  if (std::find(values_.begin(), values_.end(), value) != values_.end()) {
    return std::string(kRedacted);
  }
  return mask_text(value);
}

std::string Masker::mask_json(std::string_view body) const {
  std::string out;
  out.reserve(body.size());
  bool name_is_secret = false;  // the last member name read
  bool secret_value = false;    // the next value belongs to a secret member
  std::size_t depth = 0;
  std::size_t secret_depth = 0;  // inside an object or array a secret member holds
  const std::string marker = "\"" + std::string(kRedacted) + "\"";  // a JSON string
  std::size_t i = 0;
  while (i < body.size()) {
    const char c = body[i];
    if (c == '"') {
      std::size_t end = i + 1;
      while (end < body.size() && body[end] != '"') end += body[end] == '\\' ? 2 : 1;
      if (end >= body.size()) {  // an unterminated string: the rest is text
        out += mask_text(body.substr(i));
        break;
      }
      const std::string_view inner = body.substr(i + 1, end - i - 1);
      std::size_t next = end + 1;
      while (next < body.size() && is_json_space(body[next])) ++next;
      if (next < body.size() && body[next] == ':') {
        out.append(body.substr(i, end + 1 - i));  // a member name: never masked
        name_is_secret = policy_.is_secret_member(json::json_unescape(inner));
      } else if (inner == kRedacted) {
        out.append(body.substr(i, end + 1 - i));
      } else if (secret_value || secret_depth != 0) {
        out += marker;
      } else {
        const std::string decoded = json::json_unescape(inner);
        const std::string masked = mask_value(decoded);
        out += masked == decoded ? std::string(body.substr(i, end + 1 - i))
                                 : "\"" + json::json_escape(masked) + "\"";
      }
      secret_value = false;
      i = end + 1;
    } else if (c == ':') {
      secret_value = name_is_secret;
      name_is_secret = false;
      out += c;
      ++i;
    } else if (c == '{' || c == '[') {
      ++depth;
      if (secret_value && secret_depth == 0) secret_depth = depth;
      secret_value = false;
      out += c;
      ++i;
    } else if (c == '}' || c == ']') {
      if (depth == secret_depth) secret_depth = 0;
      if (depth > 0) --depth;
      secret_value = false;
      out += c;
      ++i;
    } else if (is_json_delimiter(c)) {
      if (c == ',') secret_value = false;
      out += c;
      ++i;
    } else {  // a number or literal, or bytes that are not JSON at all
      std::size_t end = i;
      while (end < body.size() && !is_json_delimiter(body[end])) ++end;
      const std::string_view token = body.substr(i, end - i);
      // true, false and null hide nothing; a bare marker is quoted so the body stays JSON.
      const bool literal = token == "true" || token == "false" || token == "null";
      if (literal) {
        out += token;
      } else if (token == kRedacted) {
        out += marker;
      } else if (secret_value || secret_depth != 0 ||
                 std::find(values_.begin(), values_.end(), token) != values_.end()) {
        out += marker;
      } else {
        out += mask_forms(token, Forms::not_numbers);  // digits inside a longer number stay
      }
      secret_value = false;
      i = end;
    }
  }
  return out;
}

std::string Masker::mask_xml(std::string_view body) const {
  std::string out;
  out.reserve(body.size());
  std::vector<bool> secret_elements;  // one per open element
  std::size_t i = 0;
  while (i < body.size()) {
    const std::size_t open = body.find('<', i);
    const std::string_view content =
        body.substr(i, open == std::string_view::npos ? body.npos : open - i);
    if (!content.empty()) {
      const bool secret = !secret_elements.empty() && secret_elements.back();
      const bool blank = content.find_first_not_of(" \t\r\n") == std::string_view::npos;
      if (secret && !blank && content != kRedacted) {
        out += kRedacted;
      } else {
        const std::string decoded = text::xml_unescape(content);
        const std::string masked = mask_value(decoded);
        out += masked == decoded ? std::string(content) : text::xml_escape(masked);
      }
    }
    if (open == std::string_view::npos) break;
    const std::size_t close = body.find('>', open);
    if (close == std::string_view::npos) {
      out += mask_text(body.substr(open));
      break;
    }
    const std::string_view tag = body.substr(open, close + 1 - open);
    i = close + 1;
    if (tag.size() > 1 && tag[1] == '/') {
      if (!secret_elements.empty()) secret_elements.pop_back();
      out += tag;
      continue;
    }
    if (tag.size() > 1 && (tag[1] == '?' || tag[1] == '!')) {
      out += mask_text(tag);
      continue;
    }
    std::size_t name_end = 1;
    while (name_end < tag.size() && !is_json_space(tag[name_end]) && tag[name_end] != '>' &&
           tag[name_end] != '/') {
      ++name_end;
    }
    const std::string_view name = tag.substr(1, name_end - 1);
    out += tag.substr(0, name_end);
    out += mask_text(tag.substr(name_end));  // attributes
    if (tag[tag.size() - 2] != '/') {
      secret_elements.push_back(policy_.is_secret_member(last_step(name)));
    }
  }
  return out;
}

std::string Masker::mask_form(std::string_view body) const {
  std::string out;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(pos, end - pos);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      out += mask_text(pair);
    } else {
      const std::string_view value = pair.substr(equals + 1);
      out.append(pair.substr(0, equals + 1));
      if (!value.empty() && value != kRedacted &&
          policy_.is_secret_member(text::percent_decode(pair.substr(0, equals), true))) {
        out += kRedacted;
      } else {
        const std::string decoded = text::percent_decode(value, true);
        const std::string masked = mask_value(decoded);
        out += masked == decoded ? std::string(value) : percent_encode_masked(masked);
      }
    }
    if (end == body.size()) break;
    out += '&';
    pos = end + 1;
  }
  return out;
}

std::string Masker::mask_query(std::string_view query) const {
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t end = query.find('&', pos);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(pos, end - pos);
    const std::size_t equals = pair.find('=');
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    if (equals != std::string_view::npos && !value.empty() && value != kRedacted &&
        policy_.is_secret_parameter(text::percent_decode(pair.substr(0, equals), true))) {
      out.append(pair.substr(0, equals + 1));
      out += kRedacted;
    } else if (equals != std::string_view::npos) {
      out.append(pair.substr(0, equals + 1));
      const std::string decoded = text::percent_decode(value, true);
      const std::string masked = mask_value(decoded);
      out += masked == decoded ? mask_text(value) : percent_encode_masked(masked);
    } else {
      out += mask_text(pair);
    }
    if (end == query.size()) break;
    out += '&';
    pos = end + 1;
  }
  return out;
}

std::string Masker::mask_body(const Headers& headers, std::string_view body) const {
  if (body.empty()) return {};
  // A secret written into a body unescaped (a ${VAR} in an XML or JSON text body) can split
  // the body's tokens, so such forms go first; the structural pass after that never gives
  // up, so a masked form cannot make it miss a secret member, and names stay untouched.
  const std::string text = mask_forms(body, Forms::token_splitting);
  switch (format_of(headers, text)) {
    case BodyFormat::json:
      return mask_json(text);
    case BodyFormat::xml:
      return mask_xml(text);
    case BodyFormat::form:
      return mask_form(text);
    case BodyFormat::other:
      break;
  }
  return mask_text(text);
}

std::string Masker::mask_url(std::string_view url) const {
  std::string out;
  std::size_t path = 0;
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    const std::size_t host = scheme + 3;
    std::size_t end = url.find_first_of("/?#", host);
    if (end == std::string_view::npos) end = url.size();
    const std::size_t at = url.substr(0, end).rfind('@');
    out.append(url.substr(0, host));
    if (at != std::string_view::npos && at >= host) {
      out += kRedacted;
      out.append(url.substr(at, end - at));
    } else {
      out.append(url.substr(host, end - host));
    }
    path = end;
  }
  const std::size_t fragment = std::min(url.find('#', path), url.size());
  const std::size_t query = std::min(url.find('?', path), fragment);
  // Path segments: a secret may stand whole in one.
  std::size_t segment = path;
  while (segment < query) {
    std::size_t end = std::min(url.find('/', segment), query);
    const std::string_view part = url.substr(segment, end - segment);
    const std::string decoded = text::percent_decode(part, false);
    out += mask_value(decoded) == kRedacted ? std::string(kRedacted) : mask_text(part);
    if (end < query) out += '/';
    segment = end + 1;
  }
  if (query < fragment) {
    out += '?';
    out += mask_query(url.substr(query + 1, fragment - query - 1));
  }
  if (fragment < url.size()) out += mask_text(url.substr(fragment));
  return out;
}

std::string Masker::mask_header(std::string_view name, std::string_view value) const {
  if (!policy_.is_credential_header(name)) return mask_value(value);
  if (value.empty() || value == kRedacted) return std::string(value);
  const std::size_t space = value.find(' ');
  if (space != std::string_view::npos && is_scheme(value.substr(0, space))) {
    // Keep the scheme: "Bearer ***" still says how the request authenticated.
    const std::string_view rest = value.substr(space + 1);
    return std::string(value.substr(0, space + 1)) +
           (rest == kRedacted ? std::string(rest) : std::string(kRedacted));
  }
  return std::string(kRedacted);
}

Headers Masker::mask_headers(const Headers& headers) const {
  Headers out;
  out.reserve(headers.size());
  for (const auto& [name, value] : headers) out.emplace_back(name, mask_header(name, value));
  return out;
}

std::string Masker::mask_curl(std::string_view curl) const {
  // Walks the command argument by argument (quoted with ' or ", or bare), remembering the
  // option before each one, and copies everything between arguments unchanged.
  std::string out;
  std::string_view option;
  std::size_t i = 0;
  while (i < curl.size()) {
    if (curl[i] == ' ' || curl[i] == '\\' || curl[i] == '\n') {
      out += curl[i++];
      continue;
    }
    const char quote = curl[i] == '\'' || curl[i] == '"' ? curl[i] : 0;
    const std::size_t start = quote ? i + 1 : i;
    std::size_t end = curl.find(quote ? quote : ' ', start);
    if (end == std::string_view::npos) end = curl.size();
    const std::string_view argument = curl.substr(start, end - start);
    std::string replaced(argument);
    if (option == "-H" || option == "--header") {
      const std::size_t colon = argument.find(':');
      if (colon != std::string_view::npos) {
        std::size_t value = colon + 1;
        while (value < argument.size() && argument[value] == ' ') ++value;
        replaced = std::string(argument.substr(0, value)) +
                   mask_header(argument.substr(0, colon), argument.substr(value));
      }
    } else if (option == "-u" || option == "--user") {
      // The user name is an identifier; the password after it is the secret.
      const std::size_t colon = argument.find(':');
      replaced = colon == std::string_view::npos
                     ? std::string(argument)
                     : std::string(argument.substr(0, colon + 1)) + std::string(kRedacted);
    } else if (option == "-d" || option == "--data" || option == "--data-binary" ||
               option == "--data-raw" || option == "--data-urlencode") {
      replaced = mask_body({}, argument);
    } else if (argument.find("://") != std::string_view::npos) {
      replaced = mask_url(argument);
    }
    option = quote ? std::string_view() : argument;
    if (quote) out += quote;
    out += replaced;
    i = end;
    if (quote && i < curl.size()) out += curl[i++];
  }
  return mask_text(out);
}

void Masker::mask(Exchange& exchange) const {
  exchange.url = mask_url(exchange.url);
  exchange.request_body = mask_body(exchange.request_headers, exchange.request_body);
  exchange.response_body = mask_body(exchange.response_headers, exchange.response_body);
  exchange.request_headers = mask_headers(exchange.request_headers);
  exchange.response_headers = mask_headers(exchange.response_headers);
}

void Masker::mask(Finding& finding) const {
  const bool secret_place =
      policy_.is_secret_member(last_step(finding.pointer)) ||
      (!finding.xpath.empty() && policy_.is_secret_member(last_step(finding.xpath)));
  if (finding.actual && *finding.actual != kRedacted) {
    const std::string value = unquoted(*finding.actual);
    if (!value.empty() && (secret_place || mask_value(value) == kRedacted)) {
      // A short value is replaced only where the message quotes it.
      const bool quoted = value != *finding.actual;
      if (quoted || value.size() >= kMinTextualLength) {
        replace_all(finding.message, *finding.actual, quoted ? "\"***\"" : kRedacted);
      }
      if (value.size() >= kMinTextualLength) replace_all(finding.message, value, kRedacted);
      finding.actual = std::string(kRedacted);
    }
  }
  finding.message = mask_text(finding.message);
  finding.pointer = mask_text(finding.pointer);
  if (finding.actual) finding.actual = mask_text(*finding.actual);
  if (finding.expected) {
    const std::string value = unquoted(*finding.expected);
    finding.expected =
        mask_value(value) == kRedacted ? std::string(kRedacted) : mask_text(*finding.expected);
  }
}

}  // namespace conform::secret
