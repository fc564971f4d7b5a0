// profile: the variables a vendor's cases start from — the mock's test credentials and
// seed user, or for live targets the credentials in the environment variables the
// manifest names.
#pragma once

#include <functional>
#include <string>

#include "contracts/manifest.hpp"
#include "replay/variables.hpp"

namespace conform::replay {

// Variables every profile may define (cases/README.md lists them):
//   token                      bearer scheme
//   username, password         basic scheme
//   <member>                   body scheme: each credential member (CompanyId, ...)
//   user_id                    the mock's first seed user
//   forbidden_token            a bearer token the mock knows but that lacks the vendor's
//                              required role (for 403 cases)
//   admin_token                a bearer token of an unrestricted administrator, who needs
//                              no required role
// Credentials are secret. Throws std::runtime_error when the mock member is unusable.
Variables mock_profile(const contracts::Manifest& manifest);

// Credentials from the environment variables of the manifest's auth.env (secret); unset
// variables are left out. `getenv` is injectable for tests.
Variables environment_profile(const contracts::Manifest& manifest,
                              const std::function<const char*(const char*)>& getenv_fn = nullptr);

// RFC 4648 base64 (for HTTP Basic credentials).
std::string base64_encode(const std::string& bytes);

}  // namespace conform::replay
