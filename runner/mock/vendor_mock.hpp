// VendorMock: the `mock` member of one vendor's manifest, read into the parts the mock
// acts on: test credentials, seed users, how an update is stored, and the response
// templates of every status in every profile. schemas/mock.schema.json describes the member.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"
#include "contracts/manifest.hpp"
#include "mock/route.hpp"

namespace conform::mock {

// A manifest's mock member cannot be used: names the file and the member.
class MockError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Credential {
  std::string token;                       // bearer
  std::string username, password;          // basic
  const rapidjson::Value* body = nullptr;  // body: members the request body must carry
  std::vector<std::string> roles;
  // A full unrestricted administrator: passes any required role.
  bool unrestricted = false;
};

// Where a request names its user.
struct UserIdSource {
  bool in_path = false;
  std::string name;  // the path parameter, or a JSON Pointer into the body
  // "guid": ids compare as GUIDs (case and dashes do not matter).
  bool guid = false;
};

struct ResponseTemplate {
  bool empty = false;                      // no body at all
  const rapidjson::Value* body = nullptr;  // the template
  // The message whose schema the body follows when the vendor documents no response for
  // the status (and for "read": default response:200).
  std::string validates_as;
};

struct StoreRules {
  std::vector<std::string> ignore;              // request members never stored
  const rapidjson::Value* fields = nullptr;     // member -> template of the stored value
  const rapidjson::Value* on_update = nullptr;  // member -> template set on every update
  // Request member -> the stored list it adds its items to, or removes them from
  // ("AddedBusinesses" -> "Businesses"); the member itself is never stored.
  std::vector<std::pair<std::string, std::string>> adds, removes;
};

struct VendorMock {
  std::vector<Credential> credentials;
  std::string required_role;
  // The status of missing or unknown credentials (a vendor may document only 403).
  int unauthenticated_status = 401;
  UserIdSource user_id;
  // Seed users by id; the values live in the manifest document.
  std::vector<std::pair<std::string, const rapidjson::Value*>> users;
  StoreRules store;
  // The query parameter whose value ("json" | "xml") picks the response format.
  std::string response_format_query;
  // Status ("200", "404", "default", "read") -> template, per profile ("default", ...).
  std::map<std::string, std::map<std::string, ResponseTemplate>> profiles;

  Route write_route;
  std::string write_method;
  Route read_route;  // empty when the vendor has no read operation
  std::string read_method;

  // The template of `status` ("read" for the read operation) in `profile`, falling back to
  // the default profile and then to its "default" template.
  const ResponseTemplate* response(const std::string& profile, const std::string& status) const;
};

// Reads `manifest`'s mock member. Throws MockError when it is missing or inconsistent.
VendorMock read_vendor_mock(const contracts::Manifest& manifest);

// The key a user id is stored under ("guid": lower case without dashes).
std::string normalize_user_id(const UserIdSource& source, const std::string& id);

}  // namespace conform::mock
