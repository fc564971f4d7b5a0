#include "mock/credentials.hpp"

#include <algorithm>

#include "text/ascii_case.hpp"

namespace conform::mock {
namespace {

AuthVerdict verdict_for(const VendorMock& mock, const Credential* credential) {
  if (!credential) return AuthVerdict::unauthenticated;
  if (mock.required_role.empty() || credential->unrestricted) return AuthVerdict::ok;
  const auto& roles = credential->roles;
  return std::find(roles.begin(), roles.end(), mock.required_role) != roles.end()
             ? AuthVerdict::ok
             : AuthVerdict::forbidden;
}

}  // namespace

std::string credentials_of(const std::string& header, const std::string& scheme) {
  if (header.size() <= scheme.size() || header[scheme.size()] != ' ') return {};
  if (!text::equals_ignoring_case(std::string_view(header).substr(0, scheme.size()), scheme)) {
    return {};
  }
  std::size_t start = scheme.size();
  while (start < header.size() && header[start] == ' ') ++start;
  return header.substr(start);
}

AuthVerdict check_header_credentials(const std::string& scheme, const VendorMock& mock,
                                     const MockRequest& request) {
  const std::string header = request.header("Authorization");
  if (scheme == "bearer") {
    const std::string token = credentials_of(header, "Bearer");
    if (token.empty()) return AuthVerdict::unauthenticated;
    const auto it = std::find_if(mock.credentials.begin(), mock.credentials.end(),
                                 [&](const Credential& c) { return c.token == token; });
    return verdict_for(mock, it == mock.credentials.end() ? nullptr : &*it);
  }
  if (scheme == "basic") {
    std::string pair;
    if (!base64_decode(credentials_of(header, "Basic"), pair)) {
      return AuthVerdict::unauthenticated;
    }
    const std::size_t colon = pair.find(':');
    if (colon == std::string::npos) return AuthVerdict::unauthenticated;
    const std::string username = pair.substr(0, colon);
    const std::string password = pair.substr(colon + 1);
    const auto it =
        std::find_if(mock.credentials.begin(), mock.credentials.end(), [&](const Credential& c) {
          return !c.username.empty() && c.username == username && c.password == password;
        });
    return verdict_for(mock, it == mock.credentials.end() ? nullptr : &*it);
  }
  return AuthVerdict::ok;  // other schemes carry no header credentials
}

AuthVerdict check_body_credentials(const VendorMock& mock, const rapidjson::Value& body) {
  if (!body.IsObject()) return AuthVerdict::unauthenticated;
  const auto it = std::find_if(
      mock.credentials.begin(), mock.credentials.end(), [&](const Credential& credential) {
        if (!credential.body || !credential.body->IsObject()) return false;
        for (const auto& expected : credential.body->GetObject()) {
          const auto actual = body.FindMember(expected.name);
          if (actual == body.MemberEnd() || actual->value != expected.value) return false;
        }
        return true;
      });
  return verdict_for(mock, it == mock.credentials.end() ? nullptr : &*it);
}

}  // namespace conform::mock
