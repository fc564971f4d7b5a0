#include "proxy/response_check.hpp"

#include "codec/json_pointer.hpp"
#include "contracts/payload_check.hpp"
#include "mock/request_contract.hpp"
#include "model/format.hpp"
#include "model/message.hpp"

namespace conform::proxy {

ResponseCheck::ResponseCheck(const contracts::Catalog& catalog, const contracts::Manifest& vendor,
                             bool strict)
    : catalog_(catalog), vendor_(vendor), strict_(strict) {
  for (const contracts::MessageSpec& message : vendor.messages) {
    if (message.id.kind != MessageId::Kind::response) continue;
    checkers_[&message] =
        std::make_unique<const contracts::MessageChecker>(catalog, vendor, message);
  }
  const rapidjson::Value* read =
      vendor.document
          ? codec::resolve_pointer(*vendor.document, "/mock/responses/read/validates_as")
          : nullptr;
  if (read && read->IsString()) read_message_ = read->GetString();
}

Findings ResponseCheck::check(int status, const std::string& content_type, std::string_view body,
                              bool read) const {
  MessageId id{MessageId::Kind::response, std::to_string(status)};
  std::string label = id.name();
  Findings findings;
  if (read && status / 100 == 2) {
    // A read's success no message describes is evidence, not a contract (replay and drift
    // check none either).
    const std::optional<MessageId> named = parse_message_id(read_message_);
    if (!named) return findings;
    label += " (the read's, checked as " + named->name() + ")";
    id = *named;
  }
  const contracts::MessageSpec* message = catalog_.message(vendor_, id);
  if (!message) {
    Finding finding;
    finding.keyword = "status";
    finding.severity = Severity::warning;  // as drift rates it: the vendor may have added it
    finding.message = label + ": " + vendor_.name + " documents no response " +
                      std::to_string(status) + ", so its body was not checked";
    finding.actual = std::to_string(status);
    findings.push_back(std::move(finding));
    return findings;
  }
  contracts::CheckOptions options;
  options.strict = strict_;
  options.media_type = media_type_essence(content_type);
  options.format = format_of_media_type(options.media_type);
  const auto checker = checkers_.find(message);
  contracts::CheckedPayload payload =
      checker != checkers_.end()
          ? checker->second->check_payload(body, options)
          : contracts::check_payload(catalog_, vendor_, message, body, options);
  for (Finding& finding : payload.result.findings) {
    finding.message = label + ": " + finding.message;
    findings.push_back(std::move(finding));
  }
  return findings;
}

}  // namespace conform::proxy
