#include "replay/profile.hpp"

#include <cstdlib>

#include "mock/vendor_mock.hpp"
#include "replay/json.hpp"

namespace conform::replay {

Variables mock_profile(const contracts::Manifest& manifest) {
  Variables out;
  const mock::VendorMock mock = mock::read_vendor_mock(manifest);
  const auto has_role = [&](const mock::Credential& credential) {
    if (mock.required_role.empty() || credential.unrestricted) return true;
    for (const auto& role : credential.roles) {
      if (role == mock.required_role) return true;
    }
    return false;
  };
  const mock::Credential* allowed = nullptr;
  const mock::Credential* forbidden = nullptr;
  const mock::Credential* admin = nullptr;
  for (const auto& credential : mock.credentials) {
    if (credential.unrestricted && !admin) admin = &credential;
    if (has_role(credential)) {
      if (!allowed) allowed = &credential;
    } else if (!forbidden) {
      forbidden = &credential;
    }
  }
  if (allowed) {
    if (!allowed->token.empty()) out.set("token", allowed->token, true);
    // A Basic-auth user name is an identifier (vendors show it in paths and bodies), not a
    // secret: masking it would corrupt every text it occurs in.
    if (!allowed->username.empty()) out.set("username", allowed->username);
    if (!allowed->password.empty()) out.set("password", allowed->password, true);
    if (allowed->body && allowed->body->IsObject()) {
      for (const auto& member : allowed->body->GetObject()) {
        const std::string name(member.name.GetString(), member.name.GetStringLength());
        const std::string value =
            member.value.IsString()
                ? std::string(member.value.GetString(), member.value.GetStringLength())
                : to_json_text(member.value);
        out.set(name, value, true);
      }
    }
  }
  if (forbidden && !forbidden->token.empty()) out.set("forbidden_token", forbidden->token, true);
  if (admin && !admin->token.empty()) out.set("admin_token", admin->token, true);
  if (!mock.users.empty()) out.set("user_id", mock.users.front().first);
  return out;
}

Variables environment_profile(const contracts::Manifest& manifest,
                              const std::function<const char*(const char*)>& getenv_fn) {
  Variables out;
  for (const auto& [credential, variable] : manifest.auth.env) {
    const char* value = getenv_fn ? getenv_fn(variable.c_str()) : std::getenv(variable.c_str());
    if (value && *value) out.set(credential, value, credential != "username");
  }
  return out;
}

std::string base64_encode(const std::string& bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace conform::replay
