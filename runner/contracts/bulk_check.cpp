#include "contracts/bulk_check.hpp"

#include <utility>

namespace conform::contracts {

BulkCheck::BulkCheck(const Catalog& catalog, const Manifest& vendor, const MessageSpec& message,
                     const CheckOptions& options)
    : options_(options) {
  options_.format.reset();
  message_.emplace(catalog, vendor, message);
  if (message_->schema() && message_->takes(Format::json)) {
    quick_.emplace(message_->schema(), options.strict, options.limits);
  }
}

BulkCheck::BulkCheck(std::shared_ptr<const schema::Schema> schema, const CheckOptions& options)
    : options_(options), schema_(std::move(schema)) {
  options_.format.reset();
  quick_.emplace(schema_, options.strict, options.limits);
}

PayloadResult BulkCheck::check(std::string_view bytes, std::optional<Format> format) const {
  if (quick_ && (format ? *format : format_to_read(bytes, options_)) == Format::json &&
      quick_->clears(bytes)) {
    return {};
  }
  CheckOptions options = options_;
  options.format = format;
  if (message_) return message_->check(bytes, options);
  return check_payload(bytes, *schema_, nullptr, options);
}

}  // namespace conform::contracts
