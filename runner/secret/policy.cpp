#include "secret/policy.hpp"

#include <algorithm>
#include <array>

#include "text/ascii_case.hpp"

namespace conform::secret {
namespace {

bool contains_any(const std::string& name, std::initializer_list<std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view part) { return name.find(part) != std::string::npos; });
}

bool is_any(const std::string& name, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), name) != words.end();
}

}  // namespace

void Policy::add_member_names(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    std::string n = text::to_lower_ascii(name);
    if (std::find(members_.begin(), members_.end(), n) == members_.end()) {
      members_.push_back(std::move(n));
    }
  }
}

bool Policy::is_secret_member(std::string_view name) const {
  const std::string n = text::to_lower_ascii(name);
  return contains_any(n, {"password", "passwd", "secret", "token", "apikey", "api_key", "api-key",
                          "credential"}) ||
         is_any(n, {"pw", "pwd"}) ||
         std::find(members_.begin(), members_.end(), n) != members_.end();
}

bool Policy::is_secret_parameter(std::string_view name) const {
  return is_secret_member(name) ||
         is_any(text::to_lower_ascii(name), {"key", "sig", "signature", "auth"});
}

bool Policy::is_credential_header(std::string_view name) const {
  return is_any(text::to_lower_ascii(name),
                {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key",
                 "api-key", "private-token"}) ||
         is_secret_member(name);
}

}  // namespace conform::secret
