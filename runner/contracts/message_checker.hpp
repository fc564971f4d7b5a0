// MessageChecker: one message's check with its compiled schema and XML rules looked up once,
// for callers that check many payloads against the same message (validate).
#pragma once

#include <memory>
#include <string_view>

#include "codec/schema_view.hpp"
#include "contracts/catalog.hpp"
#include "contracts/payload_check.hpp"
#include "model/result.hpp"

namespace conform::contracts {

class MessageChecker {
 public:
  // Loads the message's schema and XML rules now (throws what Catalog::schema and
  // Catalog::xml_rules throw). `catalog` must outlive the checker.
  MessageChecker(const Catalog& catalog, const Manifest& vendor, const MessageSpec& message);

  // What Catalog::check answers, without its per-call lookups: each took a lock and copied
  // a shared pointer, and threads checking side by side queued on them.
  PayloadResult check(std::string_view bytes, const CheckOptions& options = {}) const;

  // The same verdict with the decoded value (contracts::check_payload for a message checked
  // many times: the mock's request).
  CheckedPayload check_payload(std::string_view bytes, const CheckOptions& options = {}) const;

  const std::shared_ptr<const schema::Schema>& schema() const { return schema_; }
  // Whether the message has a body the vendor takes (a request) or sends (a response) in
  // `format`: a payload in another format gets a "content-type" finding.
  bool takes(Format format) const;

 private:
  // A message the vendor sends with no body: any byte is a finding.
  PayloadResult body_where_none_is_sent(std::string_view bytes) const;
  // What the message adds to the payload's own findings: the media types the vendor takes,
  // and lenience about XML child order in responses.
  PayloadResult with_message_rules(PayloadResult result, Format format,
                                   const CheckOptions& options) const;

  const Manifest& vendor_;
  const MessageSpec& message_;
  std::shared_ptr<const schema::Schema> schema_;
  std::shared_ptr<const codec::XmlRules> xml_rules_;
  codec::SchemaResolver resolver_;
};

}  // namespace conform::contracts
