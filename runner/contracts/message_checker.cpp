#include "contracts/message_checker.hpp"

#include <algorithm>
#include <utility>

#include "contracts/payload_check.hpp"
#include "contracts/schema_resolver.hpp"

namespace conform::contracts {
namespace {

// The vendor must accept the format for requests; responses come in what it sends.
bool accepts(const Manifest& vendor, const MessageSpec& message, Format format) {
  const auto& types = message.id.kind == MessageId::Kind::request ? vendor.request_media_types
                                                                  : vendor.response_media_types;
  if (format == Format::xml && !message.xml_rules_file.empty()) return true;
  if (types.empty()) return format == Format::json;
  for (const auto& type : types) {
    if (format_of_media_type(type) == format) return true;
  }
  return false;
}

}  // namespace

MessageChecker::MessageChecker(const Catalog& catalog, const Manifest& vendor,
                               const MessageSpec& message)
    : vendor_(vendor), message_(message) {
  if (message.empty_body) return;
  schema_ = catalog.schema(vendor, message);
  xml_rules_ = catalog.xml_rules(vendor, message);
  resolver_ = schema_resolver(catalog, vendor);
}

bool MessageChecker::takes(Format format) const {
  return !message_.empty_body && accepts(vendor_, message_, format);
}

PayloadResult MessageChecker::check(std::string_view bytes, const CheckOptions& options) const {
  if (message_.empty_body) return body_where_none_is_sent(bytes);
  CheckOptions resolved = options;
  resolved.format = format_to_read(bytes, options);
  return with_message_rules(
      contracts::check_payload(bytes, *schema_, xml_rules_.get(), resolved, resolver_),
      *resolved.format, options);
}

CheckedPayload MessageChecker::check_payload(std::string_view bytes,
                                             const CheckOptions& options) const {
  CheckedPayload checked;
  if (message_.empty_body) {
    // The body is evidence all the same (replay's assertions, drift's shapes).
    checked = check_payload_keeping_value(bytes, nullptr, nullptr, options);
    checked.result = body_where_none_is_sent(bytes);
    return checked;
  }
  checked = check_payload_keeping_value(bytes, schema_.get(), xml_rules_.get(), options, resolver_);
  checked.result = with_message_rules(std::move(checked.result), checked.format, options);
  return checked;
}

PayloadResult MessageChecker::body_where_none_is_sent(std::string_view bytes) const {
  PayloadResult result;
  if (!bytes.empty()) {
    Finding f;
    f.keyword = "empty-body";
    f.message = vendor_.name + " sends " + message_.id.name() + " with no body, but this one has " +
                std::to_string(bytes.size()) + " bytes";
    f.expected = "an empty body (0 bytes)";
    f.actual = std::to_string(bytes.size()) + " bytes";
    result.findings.push_back(std::move(f));
    result.valid = false;
  }
  return result;
}

PayloadResult MessageChecker::with_message_rules(PayloadResult result, Format format,
                                                 const CheckOptions& options) const {
  if (message_.id.kind == MessageId::Kind::response && !options.strict) {
    // Responses are lenient about XML child order as about undocumented members: the
    // order rule is what the vendor demands of requests; --strict reports it in responses.
    auto& findings = result.findings;
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [](const Finding& f) { return f.keyword == "xml-order"; }),
                   findings.end());
    result.valid = !has_errors(result.findings);
  }
  if (!takes(format)) {
    Finding f;
    f.keyword = "content-type";
    f.message = vendor_.name + " does not take " + to_string(format) + " for " + message_.id.name();
    f.expected = "one of: ";
    for (const auto& type : message_.id.kind == MessageId::Kind::request
                                ? vendor_.request_media_types
                                : vendor_.response_media_types) {
      *f.expected += type + " ";
    }
    result.findings.insert(result.findings.begin(), std::move(f));
    result.valid = false;
  }
  return result;
}

CheckedPayload check_payload(const Catalog& catalog, const Manifest& vendor,
                             const MessageSpec* message, std::string_view bytes,
                             const CheckOptions& options) {
  if (!message) return check_payload_keeping_value(bytes, nullptr, nullptr, options);
  return MessageChecker(catalog, vendor, *message).check_payload(bytes, options);
}

}  // namespace conform::contracts
