// MockRequest and MockResponse: one HTTP exchange as the mock sees it, free of the HTTP
// library, so the per-vendor logic is testable without a socket.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conform::mock {

struct MockRequest {
  std::string method;
  // The path inside the vendor's mount point ("/users/US1"), still percent-encoded.
  std::string path;
  std::vector<std::pair<std::string, std::string>> headers;
  std::multimap<std::string, std::string> query;
  std::string body;

  // The first value of a header, matched case-insensitively; "" when absent.
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
  std::string query_value(const std::string& name) const;
};

struct MockResponse {
  int status = 200;
  std::string content_type;  // empty: no body
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// "Not Found" for 404: the reason phrase of an HTTP status ("Error" when unknown).
const char* reason_phrase(int status);

}  // namespace conform::mock
