// Url: an absolute http(s) URL split into the parts a client connects with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conform::http {

struct Url {
  std::string scheme;  // "http" | "https"
  std::string host;    // without brackets for IPv6
  int port = 0;        // the scheme's default when the URL names none
  std::string target;  // path and query, at least "/"

  // "https://host:port": what a connection is keyed by.
  std::string origin() const;
  std::string str() const { return origin() + target; }
};

// Nullopt when `text` is not an absolute http or https URL.
std::optional<Url> parse_url(std::string_view text);

// Joins a base URL ("http://h:1/acme") and a path ("/users/1?x=y") without doubling "/".
std::string join_url(std::string_view base, std::string_view path);

}  // namespace conform::http
