#include "http/url.hpp"

#include <charconv>

namespace conform::http {

std::string Url::origin() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  const bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  std::string out = scheme + "://" + (ipv6 ? "[" + host + "]" : host);
  if (!default_port) out += ":" + std::to_string(port);
  return out;
}

std::optional<Url> parse_url(std::string_view text) {
  Url url;
  const auto scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  url.scheme = std::string(text.substr(0, scheme_end));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  std::string_view rest = text.substr(scheme_end + 3);
  const auto target_start = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, target_start);
  url.target =
      target_start == std::string_view::npos ? "/" : std::string(rest.substr(target_start));
  if (url.target[0] == '?') url.target.insert(0, "/");
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no userinfo

  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    url.host = std::string(authority.substr(1, close - 1));
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port_text = after.substr(1);
    }
  } else {
    const auto colon = authority.rfind(':');
    url.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (url.host.empty()) return std::nullopt;
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    int port = 0;
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 1 ||
        port > 65535) {
      return std::nullopt;
    }
    url.port = port;
  }
  return url;
}

std::string join_url(std::string_view base, std::string_view path) {
  std::string out(base);
  while (!out.empty() && out.back() == '/') out.pop_back();
  if (path.empty()) return out.empty() ? "/" : out;
  if (path.front() != '/' && path.front() != '?') out += '/';
  out += path;
  return out;
}

}  // namespace conform::http
