// FuzzTarget: one vendor's operation as `conform fuzz` sends it: the generator over its
// request schema, where the user's id and body credentials go (as ${...} placeholders the
// replay executor fills), the documented statuses a valid and an invalid request may get,
// and the read that shows what an update wrote.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "codec/xml_rules.hpp"
#include "contracts/catalog.hpp"
#include "fuzz/request_violations.hpp"
#include "generate/generator.hpp"

namespace conform::fuzz {

// The vendor's read of one user, for read-after-write sequences.
struct ReadBack {
  std::string method;
  std::string path;          // the user's id as ${user_id}
  std::string user_pointer;  // where the user sits in the read's body ("" or "/Value")
  std::string schema;        // the message the read's body follows ("response:200")
  // Request members the read does not show as written: credentials, secrets, write-only
  // members.
  std::set<std::string> unechoed;
  // Member that adds to or removes from a list -> that list. Neither reads back as written
  // when a body has both (UserRoles beside AddedUserRoles shows the roles added).
  std::map<std::string, std::string> list_edits;
};

struct FuzzTarget {
  const contracts::Manifest* manifest = nullptr;
  std::shared_ptr<const schema::Schema> request_schema;
  std::unique_ptr<generate::Generator> generator;
  std::string path;  // the endpoint path, the user's id as ${user_id}
  std::vector<std::pair<std::string, std::string>> query;  // required parameters
  std::vector<int> success_statuses;                       // documented 2xx
  // Documented 4xx (every 4xx when a default response covers them).
  std::vector<int> client_error_statuses;
  std::vector<int> unknown_user_statuses;  // 404 where documented, else the 4xx above
  std::string unknown_user_id;             // an id the schema accepts that names no user
  std::unique_ptr<ReadBack> read;          // null: the vendor has no read
  // The examples before the generator's: one per violation outside the body.
  std::vector<RequestViolation> request_violations;
  std::vector<std::string> media_types;              // the request media types the vendor accepts
  std::shared_ptr<const codec::XmlRules> xml_rules;  // null: no XML request

  // How many examples the plan has (request violations, then the generator's plan).
  std::size_t planned() const { return request_violations.size() + generator->planned(); }
};

// Why fuzzing cannot go on: a vendor whose contract documents no request body to generate
// from, a case file that cannot be written.
class FuzzError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The target of `manifest`; FuzzError when its request cannot be generated.
FuzzTarget fuzz_target(const contracts::Catalog& catalog, const contracts::Manifest& manifest,
                       std::uint64_t seed);

}  // namespace conform::fuzz
