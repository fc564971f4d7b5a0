// request_violations: the invalid requests whose one violation is not in the body: a
// media type the vendor does not accept, missing or wrong credentials, a missing or wrong
// value of a required header the vendor fixes, a missing or wrong required query parameter. Read
// from the manifest, as every vendor's request is.
#pragma once

#include <string>
#include <vector>

#include "contracts/manifest.hpp"
#include "replay/case.hpp"

namespace conform::fuzz {

struct RequestViolation {
  enum class Kind {
    media_type,
    no_credentials,
    wrong_credentials,
    no_header,
    header,
    no_query,
    query
  };
  Kind kind = Kind::media_type;
  std::string keyword;  // for the coverage: "media-type", "credentials", "header", "query"
  std::string detail;   // "text/plain", "missing", a header's or a parameter's name
};

std::vector<RequestViolation> request_violations(const contracts::Manifest& manifest);

// `step` (a valid update) with `violation` applied.
void apply(const RequestViolation& violation, const contracts::Manifest& manifest,
           replay::Step& step);

}  // namespace conform::fuzz
