#include "model/message.hpp"

#include <algorithm>
#include <cctype>

namespace conform {

std::string MessageId::name() const {
  return kind == Kind::request ? std::string("request") : "response:" + status;
}

std::optional<MessageId> parse_message_id(std::string_view text) {
  if (text == "request") return MessageId{};
  constexpr std::string_view prefix = "response:";
  if (text.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view status = text.substr(prefix.size());
  const bool three_digits =
      status.size() == 3 && std::all_of(status.begin(), status.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!three_digits && status != "default") return std::nullopt;
  return MessageId{MessageId::Kind::response, std::string(status)};
}

}  // namespace conform
