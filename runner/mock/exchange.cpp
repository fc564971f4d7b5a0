#include "mock/exchange.hpp"

#include "text/ascii_case.hpp"

namespace conform::mock {
std::string MockRequest::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (text::equals_ignoring_case(key, name)) return value;
  }
  return {};
}

bool MockRequest::has_header(std::string_view name) const {
  for (const auto& entry : headers) {
    if (text::equals_ignoring_case(entry.first, name)) return true;
  }
  return false;
}

std::string MockRequest::query_value(const std::string& name) const {
  const auto it = query.find(name);
  return it == query.end() ? std::string() : it->second;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

}  // namespace conform::mock
