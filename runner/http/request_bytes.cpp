#include "http/request_bytes.hpp"

#include "text/ascii_case.hpp"

namespace conform::http {
namespace {

bool safe_header(const std::string& name, const std::string& value) {
  if (name.empty()) return false;
  for (const unsigned char c : name) {
    if (c <= ' ' || c == ':' || c >= 0x7f) return false;
  }
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

bool is_default_port(const Url& url) { return url.port == (url.scheme == "https" ? 443 : 80); }

}  // namespace

std::optional<std::string> unsafe_header(const Headers& headers) {
  for (const auto& [name, value] : headers) {
    if (!safe_header(name, value)) return name;
  }
  return std::nullopt;
}

std::string request_bytes(const Request& request, const Url& url) {
  std::string out;
  out.reserve(256 + request.body.size());
  out.append(request.method).append(" ").append(url.target).append(" HTTP/1.1\r\n");
  bool has_host = false, has_accept = false, has_agent = false, has_length = false;
  for (const auto& [name, value] : request.headers) {
    has_host = has_host || text::equals_ignoring_case(name, "Host");
    has_accept = has_accept || text::equals_ignoring_case(name, "Accept");
    has_agent = has_agent || text::equals_ignoring_case(name, "User-Agent");
    has_length = has_length || text::equals_ignoring_case(name, "Content-Length");
    out.append(name).append(": ").append(value).append("\r\n");
  }
  if (!has_host) {
    const bool ipv6 = url.host.find(':') != std::string::npos;
    out.append("Host: ").append(ipv6 ? "[" + url.host + "]" : url.host);
    if (!is_default_port(url)) out.append(":").append(std::to_string(url.port));
    out.append("\r\n");
  }
  if (!has_accept) out.append("Accept: */*\r\n");
  if (!has_agent) out.append("User-Agent: conform\r\n");
  const bool sends_body = !request.body.empty() || request.method == "POST" ||
                          request.method == "PUT" || request.method == "PATCH";
  if (!has_length && sends_body) {
    out.append("Content-Length: ").append(std::to_string(request.body.size())).append("\r\n");
  }
  out.append("\r\n").append(request.body);
  return out;
}

bool idempotent(std::string_view method) {
  for (const char* name : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"}) {
    if (method == name) return true;
  }
  return false;
}

}  // namespace conform::http
