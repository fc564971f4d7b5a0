// BulkCheck: the payload pipeline for many payloads of one message under one set of options
// (`conform validate` over files and NDJSON lines). A JSON payload in a message that takes
// JSON first meets schema::QuickVerdict, which clears a valid one without building anything
// that explains findings; every other payload takes the full check. The verdict and the
// findings are the full check's either way.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "contracts/catalog.hpp"
#include "contracts/message_checker.hpp"
#include "model/result.hpp"
#include "schema/quick_verdict.hpp"
#include "schema/schema.hpp"

namespace conform::contracts {

class BulkCheck {
 public:
  // One message of a vendor; `catalog` must outlive the check. Loads the message's schema
  // now (throws what MessageChecker throws). options.format is replaced on each call.
  BulkCheck(const Catalog& catalog, const Manifest& vendor, const MessageSpec& message,
            const CheckOptions& options);
  // A schema of the caller's own: no vendor, no XML rules.
  BulkCheck(std::shared_ptr<const schema::Schema> schema, const CheckOptions& options);

  // `format`: as the payload was declared (nullopt: the format the bytes look like). Safe to
  // call from many threads.
  PayloadResult check(std::string_view bytes, std::optional<Format> format) const;

 private:
  CheckOptions options_;
  std::optional<MessageChecker> message_;
  std::shared_ptr<const schema::Schema> schema_;
  std::optional<schema::QuickVerdict> quick_;  // only where JSON is the message's encoding
};

}  // namespace conform::contracts
