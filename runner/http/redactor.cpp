#include "http/redactor.hpp"

#include <algorithm>
#include <cctype>

namespace conform::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

void replace_all(std::string& text, std::string_view what, std::string_view with) {
  for (auto pos = text.find(what); pos != std::string::npos;
       pos = text.find(what, pos + with.size())) {
    text.replace(pos, what.size(), with);
  }
}

}  // namespace

bool is_credential_header(std::string_view name) {
  for (std::string_view known : {"authorization", "proxy-authorization", "cookie", "set-cookie",
                                 "x-api-key", "api-key", "x-auth-token"}) {
    if (iequals(name, known)) return true;
  }
  return false;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

void Redactor::add_secret(std::string_view value) {
  if (value.empty()) return;
  for (const std::string& form : {std::string(value), percent_encode(value)}) {
    if (std::find(secrets_.begin(), secrets_.end(), form) == secrets_.end()) {
      secrets_.push_back(form);
    }
  }
  std::stable_sort(secrets_.begin(), secrets_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::redact(std::string_view text) const {
  std::string out(text);
  for (const auto& secret : secrets_) replace_all(out, secret, kRedacted);
  return out;
}

Headers Redactor::redact_headers(const Headers& headers) const {
  Headers out;
  out.reserve(headers.size());
  for (const auto& [name, value] : headers) {
    if (is_credential_header(name)) {
      const auto space = value.find(' ');
      const std::string scheme = space == std::string::npos ? "" : value.substr(0, space + 1);
      out.emplace_back(name, scheme + std::string(kRedacted));
    } else {
      out.emplace_back(name, redact(value));
    }
  }
  return out;
}

void Redactor::redact_in_place(Exchange& exchange) const {
  exchange.url = redact(exchange.url);
  exchange.request_headers = redact_headers(exchange.request_headers);
  exchange.request_body = redact(exchange.request_body);
  exchange.response_headers = redact_headers(exchange.response_headers);
  exchange.response_body = redact(exchange.response_body);
}

void Redactor::redact_in_place(Finding& finding) const {
  finding.message = redact(finding.message);
  finding.pointer = redact(finding.pointer);
  if (finding.expected) finding.expected = redact(*finding.expected);
  if (finding.actual) finding.actual = redact(*finding.actual);
}

}  // namespace conform::http
