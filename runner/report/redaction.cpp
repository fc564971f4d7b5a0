#include "report/redaction.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "report/body_redaction.hpp"

namespace conform::report {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

constexpr std::array<std::string_view, 9> kCredentialHeaders = {
    "authorization", "proxy-authorization", "cookie",         "set-cookie",   "x-api-key",
    "api-key",       "x-auth-token",        "x-access-token", "private-token"};

bool is_secret_parameter(std::string_view name) {
  const std::string n = lower(name);
  for (const std::string_view part :
       {"token", "password", "secret", "apikey", "api_key", "api-key", "integrationkey"}) {
    if (n.find(part) != std::string::npos) return true;
  }
  return n == "key" || n == "sig" || n == "signature";
}

bool is_quote(char c) { return c == '\'' || c == '"'; }

// A value already redacted stays as it is; anything else becomes the marker.
std::string masked_argument(std::string_view value) {
  return std::string(value) == kRedacted ? std::string(value) : std::string(kRedacted);
}

// An auth scheme ("Bearer", "Basic", "Digest"): letters only, unlike "session=abc;".
bool is_scheme(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(),
                                      [](unsigned char c) { return std::isalpha(c) != 0; });
}

}  // namespace

bool is_credential_header(std::string_view name) {
  const std::string n = lower(name);
  return std::find(kCredentialHeaders.begin(), kCredentialHeaders.end(), n) !=
         kCredentialHeaders.end();
}

std::string redact_credential(std::string_view value) {
  const std::size_t space = value.find(' ');
  if (space != std::string_view::npos && is_scheme(value.substr(0, space))) {
    // Keep the scheme: "Bearer ***" still says how the request authenticated.
    const std::string_view rest = value.substr(space + 1);
    return std::string(value.substr(0, space + 1)) + masked_argument(rest);
  }
  return masked_argument(value);
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  const std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const std::size_t host = scheme + 3;
    const std::size_t end = out.find_first_of("/?#", host);
    const std::size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
    if (at != std::string::npos && at >= host) out.replace(host, at - host, kRedacted);
  }
  const std::size_t query = out.find('?');
  if (query == std::string::npos) return out;
  std::size_t pos = query + 1;
  while (pos < out.size()) {
    std::size_t end = out.find_first_of("&#", pos);
    if (end == std::string::npos) end = out.size();
    const std::size_t equals = out.find('=', pos);
    if (equals != std::string::npos && equals < end &&
        is_secret_parameter(std::string_view(out).substr(pos, equals - pos))) {
      out.replace(equals + 1, end - equals - 1, kRedacted);
      end = equals + 1 + kRedacted.size();
    }
    if (end < out.size() && out[end] == '#') break;
    pos = end + 1;
  }
  return out;
}

std::string redact_curl(std::string_view curl) {
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
    const char quote = is_quote(curl[i]) ? curl[i] : 0;
    const std::size_t start = quote ? i + 1 : i;
    std::size_t end = curl.find(quote ? quote : ' ', start);
    if (end == std::string_view::npos) end = curl.size();
    const std::string_view argument = curl.substr(start, end - start);
    std::string replaced(argument);
    if (option == "-H" || option == "--header") {
      const std::size_t colon = argument.find(':');
      if (colon != std::string_view::npos && is_credential_header(argument.substr(0, colon))) {
        std::size_t value = colon + 1;
        while (value < argument.size() && argument[value] == ' ') ++value;
        replaced =
            std::string(argument.substr(0, value)) + redact_credential(argument.substr(value));
      }
    } else if (option == "-u" || option == "--user") {
      replaced = masked_argument(argument);
    } else if (option == "-d" || option == "--data" || option == "--data-binary" ||
               option == "--data-raw" || option == "--data-urlencode") {
      replaced = redact_body({}, argument);
    } else if (argument.find("://") != std::string_view::npos) {
      replaced = redact_url(argument);
    }
    option = quote ? std::string_view() : argument;
    if (quote) out += quote;
    out += replaced;
    i = end;
    if (quote && i < curl.size()) out += curl[i++];
  }
  return out;
}

RunResult redact_secrets(const RunResult& run) {
  RunResult safe = run;
  safe.target = redact_url(run.target);
  for (auto& result : safe.cases) {
    for (auto& step : result.steps) {
      Exchange& exchange = step.exchange;
      exchange.url = redact_url(exchange.url);
      for (Headers* headers : {&exchange.request_headers, &exchange.response_headers}) {
        for (auto& [name, value] : *headers) {
          if (is_credential_header(name)) value = redact_credential(value);
        }
      }
      exchange.request_body = redact_body(exchange.request_headers, exchange.request_body);
      exchange.response_body = redact_body(exchange.response_headers, exchange.response_body);
      step.curl = redact_curl(step.curl);
    }
  }
  return safe;
}

}  // namespace conform::report
