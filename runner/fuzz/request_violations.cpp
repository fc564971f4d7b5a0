#include "fuzz/request_violations.hpp"

#include <memory>

namespace conform::fuzz {
namespace {

// A placeholder, not a credential: wrong for every vendor, and a saved case holds no secret.
constexpr const char* kWrong = "********";

// The body with each credential member (auth scheme "body") set to a wrong value of the
// same JSON type, or removed.
replay::Json with_body_credentials(const replay::Json& body, const contracts::Manifest& manifest,
                                   bool remove) {
  if (!body || !body->IsObject()) return body;
  auto out = std::make_shared<rapidjson::Document>();
  out->CopyFrom(*body, out->GetAllocator());
  for (const auto& [member, variable] : manifest.auth.env) {
    const auto found = out->FindMember(member.c_str());
    if (found == out->MemberEnd()) continue;
    if (remove) {
      out->RemoveMember(found);
      continue;
    }
    const bool number = found->value.IsString() &&
                        std::string(found->value.GetString()).find("|json}") != std::string::npos;
    if (number) {
      found->value.SetInt(1);
    } else {
      found->value.SetString(kWrong, out->GetAllocator());
    }
  }
  return out;
}

}  // namespace

std::vector<RequestViolation> request_violations(const contracts::Manifest& manifest) {
  using Kind = RequestViolation::Kind;
  std::vector<RequestViolation> out = {
      {Kind::media_type, "media-type", "text/plain"},
      {Kind::no_credentials, "credentials", "missing"},
      {Kind::wrong_credentials, "credentials", "wrong"},
  };
  for (const contracts::Parameter& header : manifest.endpoint.headers) {
    if (header.required && !header.value.empty()) {
      out.push_back({Kind::no_header, "header", header.name + " missing"});
      out.push_back({Kind::header, "header", header.name});
    }
  }
  for (const contracts::Parameter& parameter : manifest.endpoint.query_parameters) {
    if (!parameter.required) continue;
    out.push_back({Kind::no_query, "query", parameter.name + " missing"});
    if (!parameter.allowed.empty()) out.push_back({Kind::query, "query", parameter.name});
  }
  return out;
}

void apply(const RequestViolation& violation, const contracts::Manifest& manifest,
           replay::Step& step) {
  using Kind = RequestViolation::Kind;
  const std::string name = violation.detail.substr(0, violation.detail.find(' '));
  switch (violation.kind) {
    case Kind::media_type:
      step.headers.emplace_back("Content-Type", "text/plain");
      break;
    case Kind::no_credentials:
      step.auth.mode = replay::Auth::Mode::none;
      if (manifest.auth.scheme == "body")
        step.body = with_body_credentials(step.body, manifest, true);
      break;
    case Kind::wrong_credentials:
      if (manifest.auth.scheme == "body") {
        step.body = with_body_credentials(step.body, manifest, false);
      } else {
        step.auth.mode = replay::Auth::Mode::custom;
        step.auth.credentials = {{"token", kWrong}, {"username", kWrong}, {"password", kWrong}};
      }
      break;
    case Kind::no_header:
      step.omitted_headers.push_back(name);
      break;
    case Kind::header:
      step.headers.emplace_back(name, kWrong);
      break;
    case Kind::no_query:
    case Kind::query:
      for (auto at = step.query.begin(); at != step.query.end(); ++at) {
        if (at->first != name) continue;
        if (violation.kind == Kind::no_query) {
          step.query.erase(at);
        } else {
          at->second = kWrong;
        }
        break;
      }
      break;
  }
}

}  // namespace conform::fuzz
