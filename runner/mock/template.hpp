// Template: the mock's small template language (schemas/README.md, "## Mock"). A template
// is a JSON value whose strings hold {{placeholders}}; rendering it against one exchange
// gives a response body, a stored field, or an error envelope naming the findings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "codec/rapidjson.hpp"

namespace conform::mock {

// One entry of an error envelope's list: a finding, or the single reason of a non-validation
// error (then `field` is empty).
struct ErrorItem {
  std::string field;    // "tags.order_number"
  std::string pointer;  // "/tags/order_number"
  std::string message;
  std::string keyword;
  const rapidjson::Value* attempted = nullptr;  // the request's value there, if any
};

// Error lists ($each, summary) name at most this many errors, then say how many more there
// were; "count" stays the true number. (A body with 60,000 undocumented members was answered
// with 60,000 errors.)
inline constexpr std::size_t kMaxListedErrors = 100;

struct TemplateContext {
  int status = 200;
  std::string path;     // the request path as sent
  std::string user_id;  // the user the request addressed
  std::string now;      // RFC 3339, UTC
  std::string logref;   // a request id (deterministic with the seed)
  std::vector<ErrorItem> errors;
  const rapidjson::Value* user = nullptr;   // the stored user
  const rapidjson::Value* value = nullptr;  // field templates: the request member's value
  std::function<std::string()> next_uuid;   // a fresh RFC 4122 id per use
};

// Renders `tmpl`. Inside a string, "{{name}}" is replaced by the value as text; a string
// that is exactly one placeholder becomes the value itself, with its JSON type, and a
// member whose placeholder has no value is left out. {"$each": ITEM} renders ITEM once per
// error; {"$omit": true} leaves its member out (even one a spread put there); a member
// named "..." spreads an object's members into the enclosing object. Placeholders:
// status, reason ("Not Found"), reason_code ("NOT_FOUND"), count, summary, path, user_id,
// now, logref, uuid, user and user/POINTER, value and value/POINTER; inside $each: field,
// pointer, error, keyword, attempted, detail ("field: error").
rapidjson::Value render(const rapidjson::Value& tmpl, const TemplateContext& context,
                        rapidjson::Document::AllocatorType& allocator);

// The placeholders of `tmpl` that render() does not know (a manifest error), in order.
std::vector<std::string> unknown_placeholders(const rapidjson::Value& tmpl);

// "Email: must be an email; Language: must be 1, 2 or 3", the one-line summary vendors
// put beside their error lists ({{summary}}).
std::string summarize(const std::vector<ErrorItem>& errors);

}  // namespace conform::mock
