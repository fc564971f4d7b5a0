#include "proxy/request_check.hpp"

#include <algorithm>

#include "codec/base64.hpp"
#include "codec/json_pointer.hpp"
#include "mock/credentials.hpp"
#include "mock/request_contract.hpp"
#include "model/format.hpp"

namespace conform::proxy {

RequestCheck::RequestCheck(const contracts::Catalog& catalog, const contracts::Manifest& vendor)
    : vendor_(vendor), route_(vendor.endpoint.path) {
  const rapidjson::Value* method =
      vendor.document ? codec::resolve_pointer(*vendor.document, "/endpoint/read/method") : nullptr;
  const rapidjson::Value* path =
      vendor.document ? codec::resolve_pointer(*vendor.document, "/endpoint/read/path") : nullptr;
  if (method && method->IsString() && path && path->IsString()) {
    read_method_ = method->GetString();
    read_route_ = mock::Route(path->GetString());
  }
  if (const contracts::MessageSpec* spec = catalog.message(vendor, MessageId{})) {
    body_ = std::make_unique<const contracts::MessageChecker>(catalog, vendor, *spec);
  }
}

void RequestCheck::check_credentials(const mock::MockRequest& request, Findings& findings) const {
  const std::string& scheme = vendor_.auth.scheme;
  const std::string header = request.header("Authorization");
  if (scheme == "bearer" && mock::credentials_of(header, "Bearer").empty()) {
    findings.push_back(error_at("/Authorization", "credentials",
                                "the Authorization header carries no bearer token"));
  }
  if (scheme == "basic") {
    std::string pair;
    if (!codec::base64_decode(mock::credentials_of(header, "Basic"), pair) ||
        pair.find(':') == std::string::npos) {
      findings.push_back(
          error_at("/Authorization", "credentials",
                   "the Authorization header carries no basic-auth user and password"));
    }
  }
  // "body": the credentials are members the request schema requires.
}

CheckedRequest RequestCheck::check(const mock::MockRequest& request) const {
  CheckedRequest out;
  out.on_endpoint = request.method == vendor_.endpoint.method && route_.match(request.path);
  out.on_read = !out.on_endpoint && !read_method_.empty() && request.method == read_method_ &&
                read_route_.match(request.path);
  if (!out.on_endpoint) return out;
  Findings& findings = out.findings;
  check_credentials(request, findings);
  const std::string media_type = media_type_essence(request.header("Content-Type"));
  const auto& accepted = vendor_.request_media_types;
  if (std::find(accepted.begin(), accepted.end(), media_type) == accepted.end()) {
    std::string list;
    for (const auto& type : accepted) list += (list.empty() ? "" : ", ") + type;
    Finding finding =
        error_at("/Content-Type", "media-type",
                 "the media type '" + (media_type.empty() ? std::string("none") : media_type) +
                     "' is not one the vendor takes: " + list);
    finding.expected = list;
    finding.actual = media_type.empty() ? "none" : media_type;
    findings.push_back(std::move(finding));
  }
  for (Finding& finding : mock::parameter_findings(vendor_, request)) {
    findings.push_back(std::move(finding));
  }
  if (body_) {
    contracts::CheckOptions options;
    options.format = format_of_media_type(media_type);
    options.media_type = media_type;
    out.body = body_->check_payload(request.body, options);
    for (const Finding& finding : out.body.result.findings) findings.push_back(finding);
  }
  return out;
}

}  // namespace conform::proxy
