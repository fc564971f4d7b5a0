// RequestCheck: a request to a vendor's documented operation checked against its contract
// before `conform proxy` forwards it: credentials present, media type, query parameters and
// headers, and the body in its encoding.
#pragma once

#include <memory>

#include "contracts/catalog.hpp"
#include "contracts/message_checker.hpp"
#include "contracts/payload_check.hpp"
#include "mock/exchange.hpp"
#include "mock/route.hpp"
#include "model/finding.hpp"

namespace conform::proxy {

struct CheckedRequest {
  // The request is the vendor's documented operation (its method on its path); other
  // requests are forwarded unchecked.
  bool on_endpoint = false;
  // The request is the vendor's read (the manifest's endpoint.read): it carries no payload,
  // but its response is checked.
  bool on_read = false;
  Findings findings;
  // The body as decoded (its value names the attempted values in an envelope).
  contracts::CheckedPayload body;
};

class RequestCheck {
 public:
  // Loads the request message's schema now (throws what Catalog::schema throws).
  RequestCheck(const contracts::Catalog& catalog, const contracts::Manifest& vendor);

  CheckedRequest check(const mock::MockRequest& request) const;

 private:
  // Credentials the manifest's auth scheme carries in the Authorization header: present and
  // in that scheme (their value is the vendor's to judge).
  void check_credentials(const mock::MockRequest& request, Findings& findings) const;

  const contracts::Manifest& vendor_;
  mock::Route route_;
  std::string read_method_;  // empty: the vendor documents no read
  mock::Route read_route_;
  std::unique_ptr<const contracts::MessageChecker> body_;
};

}  // namespace conform::proxy
