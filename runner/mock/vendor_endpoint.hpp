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

#include "contracts/catalog.hpp"
#include "contracts/message_checker.hpp"
#include "contracts/payload_check.hpp"
#include "mock/credentials.hpp"
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

  // A 400 in this vendor's envelope listing `findings` (each error's field, message and, from
  // `body` when given, the value sent).
  MockResponse invalid(const Findings& findings, const rapidjson::Value* body,
                       const MockRequest& request, std::uint64_t noise) const;

 private:
  // The update's steps, in order: credentials in headers, Accept, size and media type,
  // query parameters and headers, the body (decoded, its credentials, checked), the store.
  MockResponse update(const MockRequest& request,
                      const std::map<std::string, std::string>& parameters,
                      std::uint64_t noise) const;
  std::optional<MockResponse> refuse_credentials(AuthVerdict verdict,
                                                 const std::string& unauthenticated,
                                                 const MockRequest& request,
                                                 std::uint64_t noise) const;
  std::optional<MockResponse> refuse_size_or_media_type(const MockRequest& request,
                                                        const std::string& media_type,
                                                        std::uint64_t noise) const;
  // 413 over a decoder limit; 400 for bytes that do not decode, then 401/403 for the body's
  // credentials, then 400 for the schema's findings.
  std::optional<MockResponse> refuse_body(const contracts::CheckedPayload& body,
                                          const MockRequest& request, std::uint64_t noise) const;
  MockResponse store_update(const rapidjson::Value& body,
                            const std::map<std::string, std::string>& parameters,
                            const MockRequest& request, std::uint64_t noise) const;
  MockResponse read(const MockRequest& request,
                    const std::map<std::string, std::string>& parameters,
                    std::uint64_t noise) const;
  // 406 when the vendor documents it and the request's Accept admits nothing it sends.
  std::optional<MockResponse> not_acceptable(const MockRequest& request, std::uint64_t noise) const;
  MockResponse respond(int status, const std::string& template_key, TemplateContext& context,
                       const MockRequest& request) const;
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
  // The request's message, and its compiled schema and XML rules looked up once (the
  // registry's lookup canonicalizes a path and takes a lock on every call).
  const contracts::MessageSpec* request_spec_ = nullptr;
  std::unique_ptr<const contracts::MessageChecker> request_checker_;
  // The vendor documents 406: the mock honours the Accept header.
  bool negotiates_ = false;
};

// The current time as RFC 3339 UTC with milliseconds ("2026-01-02T03:04:05.678Z").
std::string rfc3339_now();

}  // namespace conform::mock
