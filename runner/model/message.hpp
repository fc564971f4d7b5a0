// MessageId: which message of a vendor's contract a payload is ("request", "response:200").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conform {

struct MessageId {
  enum class Kind { request, response };
  Kind kind = Kind::request;
  // The HTTP status for responses ("200", "404", or "default"); empty for the request.
  std::string status;

  std::string name() const;  // "request", "response:200"
  friend bool operator==(const MessageId& a, const MessageId& b) {
    return a.kind == b.kind && a.status == b.status;
  }
};

// "request" | "response:STATUS" -> MessageId; anything else -> nullopt.
std::optional<MessageId> parse_message_id(std::string_view text);

}  // namespace conform
