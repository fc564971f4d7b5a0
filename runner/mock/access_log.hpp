// AccessLog: one line per request (method, path, status, milliseconds), secrets redacted.
#pragma once

#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include "secret/masker.hpp"

namespace conform::mock {

// "PUT /api/v2/user?format=json&IntegrationKey=*** 401 0.4ms": a query value is replaced by
// "***" when its name, percent-decoded, is in `secret_names` or is a secret parameter by the
// one policy (secret/policy.hpp: token, password, pw, key, ...), so the line never carries a
// credential; control characters are escaped. Status 0: the connection was reset.
std::string access_log_line(std::string_view method, std::string_view target, int status,
                            double milliseconds, const std::set<std::string>& secret_names);

class AccessLog {
 public:
  AccessLog(std::ostream* out, const std::set<std::string>& secret_names);
  void write(std::string_view method, std::string_view target, int status, double milliseconds);
  // A request refused before the HTTP library saw it (RefusedRequest): "PUT /users/1 HTTP/1.1"
  // as far as it came, logged as its method and target.
  void write_refused(std::string_view request_line, int status);

 private:
  std::ostream* out_;
  secret::Masker masker_;
  std::mutex mutex_;
};

}  // namespace conform::mock
