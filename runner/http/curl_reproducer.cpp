#include "http/curl_reproducer.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "text/ascii_case.hpp"

namespace conform::http {
namespace {

// Headers the client adds by itself; repeating them only makes the command longer.
bool implied_header(const std::string& name) {
  const std::string lower = text::to_lower_ascii(name);
  return lower == "host" || lower == "content-length" || lower == "user-agent" ||
         lower == "accept-encoding" || lower == "connection";
}

}  // namespace

std::string shell_quote(const std::string& text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("-_./:=@,+%").find(static_cast<char>(c)) != std::string_view::npos;
  });
  if (plain) return text;
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string to_curl(const Exchange& exchange, bool insecure, const std::string& ca_cert_file) {
  std::string out = "curl -sS";
  if (insecure) out += " -k";
  if (!ca_cert_file.empty()) out += " --cacert " + shell_quote(ca_cert_file);
  out += " -X " + shell_quote(exchange.method);
  for (const auto& [name, value] : exchange.request_headers) {
    if (implied_header(name)) continue;
    out += " -H " + shell_quote(name + ": " + value);
  }
  if (!exchange.request_body.empty()) out += " --data-binary " + shell_quote(exchange.request_body);
  out += " " + shell_quote(exchange.url);
  return out;
}

}  // namespace conform::http
