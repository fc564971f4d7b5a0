// VendorEndpoint: one vendor's mocked operations (the update, and the read where the
// vendor has one), driven by its manifest: credentials, media types, request validation
// through the codecs and the vendor's schema, the user store, and the vendor's own
// response envelopes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "codec/schema_view.hpp"
#include "contracts/catalog.hpp"
#include "mock/exchange.hpp"
#include "mock/template.hpp"
#include "mock/user_store.hpp"
#include "mock/vendor_mock.hpp"
#include "model/format.hpp"

namespace conform::mock {

class VendorEndpoint {
 public:
  // Throws MockError when the manifest's mock member is unusable.
  VendorEndpoint(std::shared_ptr<const contracts::Catalog> catalog,
                 const contracts::Manifest& manifest, UserStore& store, std::string profile,
                 std::size_t max_body_bytes);

  const contracts::Manifest& manifest() const { return manifest_; }
  const VendorMock& mock() const { return mock_; }

  // Puts the manifest's seed users into the store.
  void seed_users() const;

  // Answers one request addressed to this vendor. `noise` seeds the generated values
  // (log references, ids) so a run is reproducible.
  MockResponse handle(const MockRequest& request, std::uint64_t noise) const;

  // An error in this vendor's envelope for `status` (faults, limits hit by the server).
  MockResponse error(int status, const std::string& message, const MockRequest& request,
                     std::uint64_t noise) const;

 private:
  MockResponse update(const MockRequest& request,
                      const std::map<std::string, std::string>& parameters,
                      std::uint64_t noise) const;
  MockResponse read(const MockRequest& request,
                    const std::map<std::string, std::string>& parameters,
                    std::uint64_t noise) const;
  // 406 when the vendor documents it and the request's Accept admits nothing it sends.
  std::optional<MockResponse> not_acceptable(const MockRequest& request, std::uint64_t noise) const;
  MockResponse respond(int status, const std::string& template_key, TemplateContext& context,
                       const MockRequest& request) const;
  MockResponse invalid(const Findings& findings, const rapidjson::Value* body,
                       const MockRequest& request, std::uint64_t noise) const;
  TemplateContext context(int status, const MockRequest& request, std::uint64_t noise) const;
  // The response encoding the request asked for (the format query parameter).
  Format response_format(const MockRequest& request) const;
  void apply_update(rapidjson::Document& user, const rapidjson::Value& body,
                    TemplateContext& context) const;
  // Whether `member` adds items to or removes them from a stored list (store.adds/removes).
  bool edits_list(const std::string& member) const;
  // Adds the items of the request's `request_member` to the stored `list`, or removes them.
  void edit_list(rapidjson::Document& user, const rapidjson::Value& body,
                 const std::string& request_member, const std::string& list, bool add) const;

  std::shared_ptr<const contracts::Catalog> catalog_;
  const contracts::Manifest& manifest_;
  VendorMock mock_;
  UserStore& store_;
  std::string profile_;
  std::size_t max_body_bytes_;
  // The request's message and compiled schema, looked up once (the registry's lookup
  // canonicalizes a path and takes a lock on every call).
  const contracts::MessageSpec* request_spec_ = nullptr;
  std::shared_ptr<const schema::Schema> request_schema_;
  // Finds the other schema files the request schema refers to, for XML and form bodies.
  codec::SchemaResolver resolver_;
  // The vendor documents 406: the mock honours the Accept header.
  bool negotiates_ = false;
};

// The current time as RFC 3339 UTC with milliseconds ("2026-01-02T03:04:05.678Z").
std::string rfc3339_now();

}  // namespace conform::mock
